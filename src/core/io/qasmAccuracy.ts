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
 */
import { block as subBlock, type CMat } from '../math/complex';
import type { QuantumBlock, QuantumModel } from '../hqrn/model';
import { quantumForward } from '../hqrn/qrb';
import { softmaxReadout } from '../hqrn/readout';
import { trotterCircuit } from '../hqrn/trotter';
import { compileBlockUnitaries, QASM_LIMITS } from './qasm';
import { entanglementDataset } from '../states/entanglement';

/** The target of the default number of Trotter steps: ε(r) ≤ 1e-3. */
export const CLASS_PROBABILITY_TARGET = 1e-3;

/** The block the circuits run: A± replaced by the top-left d×d blocks of U_r± (r steps, given order). */
export function circuitBlock(b: QuantumBlock, order: 1 | 2, steps: number): QuantumBlock {
  const d = b.aPlus.rows;
  const { plus, minus } = compileBlockUnitaries(b, order, steps);
  const m = plus.nQubits;
  const topLeft = (u: CMat) => subBlock(u, 0, 0, d, d);
  return { ...b, aPlus: topLeft(trotterCircuit(plus.terms, m, steps, order)), aMinus: topLeft(trotterCircuit(minus.terms, m, steps, order)) };
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
 * ε(r): the largest |P_circuit(c | ρ) − P_model(c | ρ)| over `states` (d×d density matrices)
 * and classes, with every block compiled with `steps` Trotter steps of the given order.
 * Throws when the model has no readout or no state is given.
 */
export function classProbabilityError(model: QuantumModel, states: readonly CMat[], order: 1 | 2, steps: number): number {
  if (!model.readout) throw new Error('class probabilities: the model has no readout');
  if (states.length === 0) throw new Error('class probabilities: no state to measure the error on');
  const circuit = model.blocks.map((b) => circuitBlock(b, order, steps));
  let worst = 0;
  for (const rho of states) {
    const p = classProbabilities(model.blocks, model, rho);
    const q = classProbabilities(circuit, model, rho);
    for (let c = 0; c < p.length; c++) worst = Math.max(worst, Math.abs(p[c] - q[c]));
  }
  return worst;
}

export interface StepsChoice {
  steps: number;
  /** ε at `steps`. */
  error: number;
  /** ε ≤ target was reached within maxSteps. */
  reached: boolean;
}

/**
 * The smallest r (doubling from 1, then bisection) with ε(r) ≤ `target` on `states`, searched
 * up to `maxSteps`; when even maxSteps does not reach it, { steps: maxSteps, reached: false }.
 * Assumes ε falls with r (Trotter error ~ 1/r or 1/r²); the bisection's answer is checked.
 */
export function chooseSteps(
  model: QuantumModel,
  states: readonly CMat[],
  order: 1 | 2,
  target = CLASS_PROBABILITY_TARGET,
  maxSteps: number = QASM_LIMITS.maxSteps,
): StepsChoice {
  const eps = (r: number) => classProbabilityError(model, states, order, r);
  let hi = 1;
  let eHi = eps(1);
  let lo = 0;
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

/** The warning for a requested r whose ε exceeds the target, or null. */
export function stepsWarning(steps: number, error: number, target = CLASS_PROBABILITY_TARGET): string | null {
  if (error <= target) return null;
  return `with r = ${steps} Trotter steps the circuits' class probabilities differ from the model's by up to ${error.toExponential(1)} (target ${target.toExponential(0)}): the circuits may predict other classes than the model. Use more steps.`;
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
 * ε of an export with `steps` steps and the recommended r, on `states` (described by `label`);
 * the search for r stops at `maxSteps` (each ε costs one Trotter compilation per unitary).
 */
export function qasmClassCheck(model: QuantumModel, states: readonly CMat[], label: string, order: 1 | 2, steps: number, maxSteps = 1024): QasmClassCheck {
  const error = classProbabilityError(model, states, order, steps);
  const recommended =
    error <= CLASS_PROBABILITY_TARGET && steps <= maxSteps
      ? chooseSteps(model, states, order, CLASS_PROBABILITY_TARGET, steps)
      : chooseSteps(model, states, order, CLASS_PROBABILITY_TARGET, maxSteps);
  return { states: label, error, target: CLASS_PROBABILITY_TARGET, recommended, warning: stepsWarning(steps, error) };
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

/**
 * The OpenQASM 3 export of a whole two-qubit stack with a readout, with the class check in its
 * header (the circuits' class probabilities against the model's on QASM_CHECK_STATES seeded §7
 * states, and the r that keeps them ≤ 1e-3; docs/math.md §4). The app's Export panel and
 * `hqrn qasm` both call this, so their files are byte-identical. Without a readout, with a part
 * of the stack or on other than two qubits, `text` is `base` unchanged and `check` is absent.
 */
export function withClassCheck(model: QuantumModel, base: string, order: 1 | 2, steps: number, wholeStack: boolean): { text: string; check?: QasmClassCheck } {
  if (model.nQubits !== 2 || !model.readout || !wholeStack || model.blocks.length === 0) return { text: base };
  const ds = entanglementDataset({ seed: QASM_CHECK_SEED, n: QASM_CHECK_STATES, adversarialShare: 0.5 });
  const check = qasmClassCheck(
    model,
    ds.states,
    `${QASM_CHECK_STATES} states of the seeded entanglement set (seed ${QASM_CHECK_SEED}, docs/math.md §7)`,
    order,
    steps,
  );
  const lines = base.split('\n');
  const at = lines.findIndex((l) => l.startsWith('// Qubit order'));
  lines.splice(at < 0 ? 3 : at, 0, ...classCheckLines(check));
  return { text: lines.join('\n'), check };
}
