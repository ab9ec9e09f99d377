/**
 * OpenQASM 3 export of an HQRN stack (docs/math.md §1, §2, §4).
 *
 * What the circuit is and what it is not. A block (docs/math.md §2) is two experiments, one per
 * dilated unitary U± = Halmos(A±) on the (n+1)-qubit register |a⟩⊗|i⟩: prepare the input
 * state ρ on the system with the ancilla in |0⟩, apply U±, measure every qubit in the
 * computational basis, and keep the outcomes with ancilla 0. Only "apply U±" is quantum and
 * is what this file compiles (Trotter, docs/math.md §4). Everything after the measurement is
 * classical post-processing that the exported program does NOT contain:
 *   p±_j = (A± ρ A±†)_jj  ≈ count(a = 0, system = j) / N_s   (N_s shots of U±),
 *   z_j  = c (p+_j − p−_j) + b_j,
 *   a_j  = σ(z_j),  q = a / Σ_j a_j  (Σ a ≤ 1e-12: dead block, q uniform 1/d),
 *   ρ'   = α ρ + (1 − α) diag(q)  — the next block's input, prepared classically as the
 *          mixture "with probability α a fresh copy of ρ, else the basis state |j⟩ drawn from q".
 *
 * Qubit order (docs/math.md §1, big-endian): q[0] is the ancilla, the most significant qubit of
 * the register, and q[1 + k] is system qubit k; basis index |a, i⟩ = a·2^n + i with
 * i = Σ_k q_k 2^(n−1−k). Pauli label character k of `compileTrotter` acts on q[k]. (Tools that
 * print little-endian bitstrings, e.g. Qiskit, show the same state with the bit order reversed.)
 *
 * Gates: only stdgates.inc's h, s, sdg, cx, rz and the built-in gphase. A rotation
 * exp(−iθP) on the qubits S = {k : P_k ≠ I} is
 *   V† · CX-ladder† · rz(2θ) on the last qubit of S · CX-ladder · V,
 * with V the basis change taking each P_k to Z (X: h; Y: sdg then h — H S† Y S H = Z): the
 * ladder cx(s0, s1), cx(s1, s2), … puts the parity of S on the last qubit, where
 * rz(2θ) = exp(−iθZ) acts, and P = V† Z…Z V. The identity term exp(−iθ I) is gphase(−θ)
 * (gphase(γ) = e^{iγ}), kept so that the program's unitary equals U_r exactly, not up to phase.
 */
import type { CMat } from '../math/complex';
import type { QuantumBlock, QuantumModel } from '../hqrn/model';
import { halmosDilation } from '../hqrn/transfer';
import { compileTrotter, type PauliRotation, type TrotterCompilation } from '../hqrn/trotter';
import { QASM_LIMITS } from './qasmLimits';

export interface QasmOptions {
  /** Trotter order, 1 (error O(1/r)) or 2 (error O(1/r²)). */
  order: 1 | 2;
  /** r, the number of Trotter steps (≥ 1). */
  steps: number;
  /** Which blocks (0-based) to export; all by default. */
  blocks?: readonly number[];
}

/** Per exported block: the measured Trotter errors ‖U_r − U±‖₂ and gate counts of one step. */
export interface QasmBlockReport {
  /** 0-based block index (the file says "block k+1"). */
  block: number;
  plus: { error: number; rotations: number; terms: number };
  minus: { error: number; rotations: number; terms: number };
}

export interface QasmExport {
  text: string;
  nQubits: number;
  order: 1 | 2;
  steps: number;
  blocks: QasmBlockReport[];
  /** max over blocks and signs of the Trotter error. */
  maxError: number;
}

/** Limits of the export: register size (2^m × 2^m unitaries) and step count (reasons in qasmLimits.ts). */
export { QASM_LIMITS } from './qasmLimits';

/** Shortest decimal that reads back as the same float64 (JS's Number → string). */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write the non-finite angle ${x} to QASM`);
  return Object.is(x, -0) ? '0' : String(x);
}

/**
 * The gate lines of exp(−iθP) (see the module comment), qubits named by `qubit(k)`.
 * P = I…I gives gphase(−θ).
 */
export function pauliRotationLines(rot: PauliRotation, qubit: (k: number) => string): string[] {
  const support: number[] = [];
  for (let k = 0; k < rot.label.length; k++) if (rot.label[k] !== 'I') support.push(k);
  if (support.length === 0) return [`gphase(${num(-rot.angle)});`];
  const change: string[] = [];
  const undo: string[] = [];
  for (const k of support) {
    const p = rot.label[k];
    if (p === 'X') {
      change.push(`h ${qubit(k)};`);
      undo.push(`h ${qubit(k)};`);
    } else if (p === 'Y') {
      change.push(`sdg ${qubit(k)};`, `h ${qubit(k)};`);
      undo.push(`h ${qubit(k)};`, `s ${qubit(k)};`);
    } else if (p !== 'Z') throw new Error(`Pauli label "${rot.label}": unexpected character "${p}"`);
  }
  const ladder: string[] = [];
  for (let t = 0; t + 1 < support.length; t++) ladder.push(`cx ${qubit(support[t])}, ${qubit(support[t + 1])};`);
  const last = support[support.length - 1];
  return [...change, ...ladder, `rz(${num(2 * rot.angle)}) ${qubit(last)};`, ...ladder.slice().reverse(), ...undo];
}

/** The `gate` definition of one Trotter step (rotations in time order) on qubits a, s0, s1, …. */
function stepGateDefinition(name: string, comp: TrotterCompilation): string[] {
  const names = Array.from({ length: comp.nQubits }, (_, k) => (k === 0 ? 'a' : `s${k - 1}`));
  const lines = [`gate ${name} ${names.join(', ')} {`];
  for (const g of comp.gates) for (const l of pauliRotationLines(g, (k) => names[k])) lines.push(`  ${l}`);
  // An empty body (U = I) is a valid gate that does nothing.
  lines.push('}');
  return lines;
}

function fmtSci(x: number): string {
  return x.toExponential(3);
}

function blockHeader(k: number, b: QuantumBlock, plus: TrotterCompilation, minus: TrotterCompilation, n: number): string[] {
  const d = 1 << n;
  const bias = Array.from(b.bias, (v) => num(v)).join(', ');
  return [
    `// ==== Block ${k + 1}: α = ${num(b.alpha)}, activation ${b.activation}, gain c = ${num(b.gain)}`,
    `//   bias b = [${bias}]`,
    `//   Trotter order ${plus.order}, r = ${plus.steps} steps; measured error (spectral norm ‖U_r − U‖₂):`,
    `//     U+ : ${fmtSci(plus.error)}  (${plus.terms.length} Pauli terms, ${plus.gates.length} rotations per step)`,
    `//     U− : ${fmtSci(minus.error)}  (${minus.terms.length} Pauli terms, ${minus.gates.length} rotations per step)`,
    `//   Each outcome probability of the circuit is within 2‖U_r − U‖₂ of the exact block's.`,
    `//   Classical post-processing (not in this program): with N_s shots of each circuit,`,
    `//     p±_j = count(q[0] = 0, q[1..${n}] = j) / N_s   for j = 0..${d - 1} (q[1] most significant),`,
    `//     z_j = c·(p+_j − p−_j) + b_j,  a_j = ${b.activation}(z_j),  q_j = a_j / Σ a  (Σ a ≤ 1e-12: q = 1/${d}),`,
    `//     ρ' = α·ρ + (1 − α)·diag(q): the next block's input is prepared classically as a mixture.`,
  ];
}

function circuitSection(k: number, sign: 'plus' | 'minus', gateName: string, m: number, steps: number): string[] {
  const u = sign === 'plus' ? 'U+' : 'U−';
  const args = Array.from({ length: m }, (_, i) => `q[${i}]`).join(', ');
  return [
    `// ---- Block ${k + 1}, ${u}: run on a fresh copy of the block's input state, then measure`,
    'reset q;',
    `// prepare the input state ρ on q[1..${m - 1}] here (ancilla q[0] stays |0⟩); not part of this export`,
    `for uint step in [1:${steps}] {`,
    `  ${gateName} ${args};`,
    '}',
    'c = measure q;',
  ];
}

/**
 * The Trotter compilations of one block's two unitaries:
 *   U± = [[A±, (I − A±A±†)^{1/2}], [(I − A±†A±)^{1/2}, −A±†]] (Halmos, docs/math.md §4),
 *   U± ≈ U_r = (one Trotter step)^r of H± = i log U± at the given order.
 */
export function compileBlockUnitaries(
  block: QuantumBlock,
  order: 1 | 2,
  steps: number,
): { uPlus: CMat; uMinus: CMat; plus: TrotterCompilation; minus: TrotterCompilation } {
  const uPlus = halmosDilation(block.aPlus);
  const uMinus = halmosDilation(block.aMinus);
  return { uPlus, uMinus, plus: compileTrotter(uPlus, order, steps), minus: compileTrotter(uMinus, order, steps) };
}

/**
 * OpenQASM 3 program of a quantum stack: for each chosen block k, gates `block{k+1}_plus_step`
 * and `block{k+1}_minus_step` (one Trotter step of U± each, see the module comment), then one
 * section per unitary in the order block 1 U+, block 1 U−, block 2 U+, …:
 * `reset q;`, the step gate repeated r times in a `for` loop, `c = measure q;`.
 * The circuit of a section has unitary U_r with ‖U_r − U±‖₂ = the reported error.
 */
export function stackToQasm(model: QuantumModel, opts: QasmOptions): QasmExport {
  const { order, steps } = opts;
  if (order !== 1 && order !== 2) throw new Error(`order: must be 1 or 2, got ${order}`);
  if (!Number.isInteger(steps) || steps < 1 || steps > QASM_LIMITS.maxSteps)
    throw new Error(`steps: must be an integer in [1, ${QASM_LIMITS.maxSteps}], got ${steps}`);
  const n = model.nQubits;
  const m = n + 1;
  if (m > QASM_LIMITS.maxQubits) throw new Error(`nQubits: at most ${QASM_LIMITS.maxQubits - 1} system qubits, got ${n}`);
  const chosen = opts.blocks ?? model.blocks.map((_, k) => k);
  if (chosen.length === 0) throw new Error('blocks: the stack has no block to export');
  for (const k of chosen)
    if (!(Number.isInteger(k) && k >= 0 && k < model.blocks.length)) throw new Error(`blocks: no block ${k} (the stack has ${model.blocks.length})`);

  let defs: string[] = [];
  let body: string[] = [];
  const reports: QasmBlockReport[] = [];
  for (const k of chosen) {
    const block = model.blocks[k];
    const { plus, minus } = compileBlockUnitaries(block, order, steps);
    const plusName = `block${k + 1}_plus_step`,
      minusName = `block${k + 1}_minus_step`;
    // concat, not push(...): a 7-qubit step has ~10^5 lines, beyond the spread argument limit
    defs = defs.concat(blockHeader(k, block, plus, minus, n), stepGateDefinition(plusName, plus), stepGateDefinition(minusName, minus), ['']);
    body = body.concat(circuitSection(k, 'plus', plusName, m, steps), circuitSection(k, 'minus', minusName, m, steps), ['']);
    reports.push({
      block: k,
      plus: { error: plus.error, rotations: plus.gates.length, terms: plus.terms.length },
      minus: { error: minus.error, rotations: minus.gates.length, terms: minus.terms.length },
    });
  }
  const maxError = Math.max(...reports.flatMap((r) => [r.plus.error, r.minus.error]));
  const sysQubits = Array.from({ length: n }, (_, k) => `q[${k + 1}] = system qubit ${k}`).join(', ');
  const header = [
    'OPENQASM 3.0;',
    'include "stdgates.inc";',
    '',
    `// HQRN stack exported by HQRN Explorer: ${chosen.length} block(s), ${n} system qubit(s) + 1 ancilla.`,
    `// Each block's dilated unitaries U± (docs/math.md §4, Halmos) compiled by Trotterisation of`,
    `// H = i log U = Σ_P h_P P: order ${order}, r = ${steps} steps; largest error ‖U_r − U‖₂ = ${fmtSci(maxError)}.`,
    `// Qubit order (big-endian, docs/math.md §1): q[0] = ancilla (most significant), ${sysQubits}.`,
    `// Only the unitaries are quantum: state preparation, the ancilla-0 post-selection, the`,
    `// difference p+ − p−, the activation, the normalisation and the α mix are classical`,
    `// post-processing, spelled out in each block's header.`,
    `// gphase(γ) = e^{iγ} carries the global phase of exp(−iθ·I); simulators may drop it.`,
    '',
  ];
  const registers = [`qubit[${m}] q;`, `bit[${m}] c;`, ''];
  return {
    text: header.concat(defs, registers, body).join('\n'),
    nQubits: m,
    order,
    steps,
    blocks: reports,
    maxError,
  };
}
