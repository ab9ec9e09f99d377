/**
 * How far the OpenQASM circuits' class probabilities are from the model's (issue 19 item 6).
 *
 * A section of the export prepares |0⟩ ⊗ ρ and applies U_r ≈ U± (r Trotter steps, qasm.ts);
 * the ancilla-0 outcome probabilities p_j = ((A_r) ρ (A_r)†)_jj depend on U_r only through its
 * top-left d×d block A_r (ancilla 0 in, ancilla 0 out), so the circuits run the block with
 * A± replaced by A_r± (docs/math.md §4, §5). The model pushed through with A_r± gives the
 * circuits' class probabilities; the error is
 *   ε(r) = max over the given states ρ and classes c of |P_circuit(c | ρ) − P_model(c | ρ)|.
 * Gains c of 52–128 multiply p+ − p−, so ‖U_r − U‖₂ of 1e-2 can move the class probabilities
 * by far more: ε is measured, never bounded from ‖U_r − U‖₂.
 *
 * The default r (docs/math.md §4, "the Trotter default"): ONE r for the whole file, the
 * smallest with ε(r) ≤ 1e-3 on the stated test set (QASM_CHECK_STATES seeded §7 states), found by
 * doubling r from 1 and then bisecting (ε falls like 1/r at order 1, 1/r² at order 2), capped at
 * QASM_LIMITS.maxSteps. One r, not one per block: ε is a property of the whole stack (the blocks'
 * errors add up through the α mixes), and one r keeps the file's statement a single number.
 */
import { block as subBlock, type CMat } from '../math/complex';
import type { QuantumBlock, QuantumModel } from '../hqrn/model';
import { quantumForward } from '../hqrn/qrb';
import { softmaxReadout } from '../hqrn/readout';
import { halmosDilation } from '../hqrn/transfer';
import { type PauliTerm, pauliDecomposition, TROTTER_TERM_TOL, trotterCircuit, unitaryLog } from '../hqrn/trotter';
import { type QasmExport, stackToQasm } from './qasm';
import { QASM_LIMITS } from './qasmLimits';
import { entanglementDataset } from '../states/entanglement';

/** The target of the default number of Trotter steps: ε(r) ≤ 1e-3. */
export const CLASS_PROBABILITY_TARGET = 1e-3;

/** The Pauli terms of H± = i log U±, U± = Halmos(A±), of one block (|h_P| > TROTTER_TERM_TOL, as compileTrotter). */
function blockTerms(b: QuantumBlock): { plus: PauliTerm[]; minus: PauliTerm[] } {
  const terms = (a: CMat) => pauliDecomposition(unitaryLog(halmosDilation(a)), TROTTER_TERM_TOL);
  return { plus: terms(b.aPlus), minus: terms(b.aMinus) };
}

function circuitBlockFromTerms(b: QuantumBlock, t: { plus: PauliTerm[]; minus: PauliTerm[] }, order: 1 | 2, steps: number): QuantumBlock {
  const d = b.aPlus.rows;
  const m = Math.round(Math.log2(2 * d));
  const topLeft = (u: CMat) => subBlock(u, 0, 0, d, d);
  return { ...b, aPlus: topLeft(trotterCircuit(t.plus, m, steps, order)), aMinus: topLeft(trotterCircuit(t.minus, m, steps, order)) };
}

/** The block the circuits run: A± replaced by the top-left d×d blocks of U_r± (r steps, given order). */
export function circuitBlock(b: QuantumBlock, order: 1 | 2, steps: number): QuantumBlock {
  return circuitBlockFromTerms(b, blockTerms(b), order, steps);
}

function classProbabilities(blocks: readonly QuantumBlock[], model: QuantumModel, rho: CMat): Float64Array {
  const layers = quantumForward(blocks, rho);
  const out = layers[layers.length - 1].rho;
  const d = out.rows;
  const diag = new Float64Array(d);
  for (let j = 0; j < d; j++) diag[j] = out.re[j * d + j];
  return softmaxReadout(model.readout!, diag).probabilities;
}

/**
 * r ↦ ε(r) on fixed `states` (d×d density matrices) at one Trotter order. The Pauli terms of
 * every U± and the model's class probabilities are computed once; each call then costs one
 * Trotter product per unitary (O(#terms·4^m + log₂ r·8^m)) and one forward pass per state.
 * Throws when the model has no readout or no state is given.
 */
export function classErrorEvaluator(model: QuantumModel, states: readonly CMat[], order: 1 | 2): (steps: number) => number {
  if (!model.readout) throw new Error('class probabilities: the model has no readout');
  if (states.length === 0) throw new Error('class probabilities: no state to measure the error on');
  const terms = model.blocks.map(blockTerms);
  const exact = states.map((rho) => classProbabilities(model.blocks, model, rho));
  return (steps) => {
    const circuit = model.blocks.map((b, k) => circuitBlockFromTerms(b, terms[k], order, steps));
    let worst = 0;
    states.forEach((rho, i) => {
      const q = classProbabilities(circuit, model, rho);
      for (let c = 0; c < q.length; c++) worst = Math.max(worst, Math.abs(exact[i][c] - q[c]));
    });
    return worst;
  };
}

/**
 * ε(r): the largest |P_circuit(c | ρ) − P_model(c | ρ)| over `states` (d×d density matrices)
 * and classes, with every block compiled with `steps` Trotter steps of the given order.
 * Throws when the model has no readout or no state is given.
 */
export function classProbabilityError(model: QuantumModel, states: readonly CMat[], order: 1 | 2, steps: number): number {
  return classErrorEvaluator(model, states, order)(steps);
}

export interface StepsChoice {
  steps: number;
  /** ε at `steps`. */
  error: number;
  /** ε ≤ target was reached within maxSteps. */
  reached: boolean;
}

/**
 * The smallest r in (lo, maxSteps] with eps(r) ≤ target, given eps(lo) > target (lo = 0: none
 * known): double r from `first` until eps(r) ≤ target, then bisect between the last failing and
 * the first passing r. Assumes eps falls with r (Trotter error ~ 1/r or 1/r²). When even
 * maxSteps does not reach it: { steps: maxSteps, error: eps(maxSteps), reached: false }.
 */
function searchSteps(eps: (r: number) => number, target: number, maxSteps: number, lo = 0, first = 1): StepsChoice {
  let hi = Math.min(maxSteps, first);
  let eHi = eps(hi);
  while (eHi > target) {
    if (hi >= maxSteps) return { steps: maxSteps, error: eHi, reached: false };
    lo = hi;
    hi = Math.min(maxSteps, hi * 2);
    eHi = eps(hi);
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const e = eps(mid);
    if (e <= target) [hi, eHi] = [mid, e];
    else lo = mid;
  }
  return { steps: hi, error: eHi, reached: true };
}

/**
 * The smallest r (doubling from 1, then bisection) with ε(r) ≤ `target` on `states`, searched
 * up to `maxSteps`; when even maxSteps does not reach it, { steps: maxSteps, reached: false }.
 */
export function chooseSteps(
  model: QuantumModel,
  states: readonly CMat[],
  order: 1 | 2,
  target = CLASS_PROBABILITY_TARGET,
  maxSteps: number = QASM_LIMITS.maxSteps,
): StepsChoice {
  return searchSteps(classErrorEvaluator(model, states, order), target, maxSteps);
}

/**
 * The warning for a requested r whose ε exceeds the target, or null. It names the achieved ε
 * and, when known, the r that reaches the target (`recommended`).
 */
export function stepsWarning(steps: number, error: number, target = CLASS_PROBABILITY_TARGET, recommended?: StepsChoice): string | null {
  if (error <= target) return null;
  const fix = !recommended
    ? 'Use more steps.'
    : recommended.reached
      ? `r = ${recommended.steps} reaches it (ε = ${recommended.error.toExponential(1)}).`
      : `No r up to ${recommended.steps} reaches it (ε = ${recommended.error.toExponential(1)} there); order 2 needs far fewer steps than order 1.`;
  return `with r = ${steps} Trotter steps the circuits' class probabilities differ from the model's by up to ${error.toExponential(1)} (target ${target.toExponential(0)}): the circuits may predict other classes than the model. ${fix}`;
}

/** The class-probability check of an export (on the states it names). */
export interface QasmClassCheck {
  /** What the states are (e.g. "50 states of the seeded entanglement test set"). */
  states: string;
  /** ε at the exported r. */
  error: number;
  target: number;
  /** The smallest r with ε ≤ target (searched up to `maxSteps`). */
  recommended: StepsChoice;
  warning: string | null;
}

/**
 * ε of an export with `steps` steps and the smallest r with ε ≤ 1e-3, on `states` (described by
 * `label`): below `steps` when `steps` reaches the target, else searched from `steps` up to
 * `maxSteps` (each ε costs one Trotter product per unitary).
 */
export function qasmClassCheck(
  model: QuantumModel,
  states: readonly CMat[],
  label: string,
  order: 1 | 2,
  steps: number,
  maxSteps: number = QASM_LIMITS.maxSteps,
): QasmClassCheck {
  const eps = classErrorEvaluator(model, states, order);
  const error = eps(steps);
  const target = CLASS_PROBABILITY_TARGET;
  const recommended =
    error <= target
      ? searchSteps(eps, target, steps)
      : searchSteps(eps, target, Math.max(steps, maxSteps), steps, Math.min(2 * steps, Math.max(steps, maxSteps)));
  return { states: label, error, target, recommended, warning: stepsWarning(steps, error, target, recommended) };
}

/** The header lines an export gets for its class-probability check (OpenQASM comments). */
export function classCheckLines(c: QasmClassCheck): string[] {
  const rec = c.recommended.reached
    ? `r = ${c.recommended.steps} is the smallest r with ε ≤ ${c.target.toExponential(0)}`
    : `no r up to ${c.recommended.steps} reaches ε ≤ ${c.target.toExponential(0)} (ε = ${c.recommended.error.toExponential(1)} there)`;
  return [
    `// Class probabilities of these circuits vs the model's, on ${c.states}: max |ΔP| = ${c.error.toExponential(2)}; ${rec}.`,
    ...(c.warning ? [`// WARNING: ${c.warning}`] : []),
  ];
}

/** The stated test set of the export's class check: seeded §7 entanglement states. */
export const QASM_CHECK_STATES = 50;
export const QASM_CHECK_SEED = 1;

/** r of an export without a class check (a part of the stack, no readout, or n ≠ 2): a fixed number, stated as such. */
export const QASM_UNCHECKED_STEPS = 4;

/** How many Trotter steps to export: a number, or 'auto' (the smallest r with ε ≤ 1e-3). */
export type StepsRequest = number | 'auto';

export interface CheckedQasmExport extends QasmExport {
  /** The class-probability check (whole two-qubit stack with a readout only). */
  classCheck?: QasmClassCheck;
  /** How r was set: chosen by the search ('auto'), the fixed default of an unchecked export ('fixed'), or as requested. */
  stepsFrom: 'auto' | 'fixed' | 'requested';
}

/**
 * The OpenQASM 3 export of a stack with its class check (docs/math.md §4). When the whole
 * two-qubit stack with a readout is exported, the circuits' class probabilities are compared
 * with the model's on QASM_CHECK_STATES seeded §7 states and the header states ε; with
 * steps = 'auto' r is the smallest with ε ≤ 1e-3 (≤ QASM_LIMITS.maxSteps), with a requested r
 * that misses 1e-3 the header carries a WARNING naming ε and the r that reaches it. Other exports
 * (a part of the stack, no readout, n ≠ 2) cannot be checked: 'auto' then means r =
 * QASM_UNCHECKED_STEPS and the header says that ε was not measured. The app's Export panel and
 * `hqrn qasm` both call this, so their files are byte-identical.
 */
export function qasmWithClassCheck(model: QuantumModel, opts: { order: 1 | 2; steps: StepsRequest; blocks?: readonly number[] }): CheckedQasmExport {
  const { order } = opts;
  if (order !== 1 && order !== 2) throw new Error(`order: must be 1 or 2, got ${order}`);
  const whole = opts.blocks === undefined || (opts.blocks.length === model.blocks.length && model.blocks.every((_, k) => opts.blocks!.includes(k)));
  const checkable = model.nQubits === 2 && !!model.readout && whole && model.blocks.length > 0;
  if (!checkable) {
    const steps = opts.steps === 'auto' ? QASM_UNCHECKED_STEPS : opts.steps;
    const out = stackToQasm(model, { order, steps, blocks: opts.blocks });
    const why = !whole
      ? 'a part of the stack'
      : !model.readout
        ? 'the model has no readout'
        : `${model.nQubits} system qubits (the check runs on two-qubit stacks)`;
    const line = `// Class probabilities NOT checked (${why}): r = ${steps} is ${opts.steps === 'auto' ? 'a fixed default' : 'as requested'}, not chosen for an error bound.`;
    return { ...out, text: insertHeader(out.text, [line]), stepsFrom: opts.steps === 'auto' ? 'fixed' : 'requested' };
  }
  const states = entanglementDataset({ seed: QASM_CHECK_SEED, n: QASM_CHECK_STATES, adversarialShare: 0.5 }).states;
  const label = `${QASM_CHECK_STATES} states of the seeded entanglement set (seed ${QASM_CHECK_SEED}, docs/math.md §7)`;
  let check: QasmClassCheck;
  let lines: string[];
  if (opts.steps === 'auto') {
    const choice = searchSteps(classErrorEvaluator(model, states, order), CLASS_PROBABILITY_TARGET, QASM_LIMITS.maxSteps);
    check = {
      states: label,
      error: choice.error,
      target: CLASS_PROBABILITY_TARGET,
      recommended: choice,
      warning: stepsWarning(choice.steps, choice.error, CLASS_PROBABILITY_TARGET, choice),
    };
    lines = [
      `// r = ${choice.steps} chosen automatically: the smallest r with max |ΔP| ≤ ${CLASS_PROBABILITY_TARGET.toExponential(0)} (doubling r, then bisection; at most ${QASM_LIMITS.maxSteps}).`,
    ];
  } else {
    check = qasmClassCheck(model, states, label, order, opts.steps);
    lines = [];
  }
  const out = stackToQasm(model, { order, steps: opts.steps === 'auto' ? check.recommended.steps : opts.steps, blocks: opts.blocks });
  return {
    ...out,
    text: insertHeader(out.text, [...classCheckLines(check), ...lines]),
    classCheck: check,
    stepsFrom: opts.steps === 'auto' ? 'auto' : 'requested',
  };
}

/** `lines` inserted into the file header, before its qubit-order line. */
function insertHeader(text: string, lines: string[]): string {
  const all = text.split('\n');
  const at = all.findIndex((l) => l.startsWith('// Qubit order'));
  all.splice(at < 0 ? 3 : at, 0, ...lines);
  return all.join('\n');
}
