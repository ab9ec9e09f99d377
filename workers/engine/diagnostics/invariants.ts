/**
 * Invariants under load: random states through random stacks on the current
 * tfjs backend; every state the engine returns must be a density matrix within docs/math.md §9's
 * float32 tolerances. The checks run in float64 on the float32 entries, with the core's
 * eigensolver for positivity.
 *
 * Random stacks: 1–6 qubits (d = 2…64), depth 1–4, every activation, α uniform in [0, 1] or
 * exactly 0 or 1, gains from 10⁻² to 10⁶, and now and then a dead block (relu with a bias of
 * −10³: every pre-activation is negative). Random states: pure, mixed (Hilbert–Schmidt and
 * rank-deficient), product, isotropic "Werner" (p|GHZ⟩⟨GHZ| + (1 − p) I/d) and diagonal; a
 * fifth of the batches are all diagonal, so the engine's diagonal fast path is checked too.
 * Batch sizes shrink with d (see BATCH_BY_QUBITS) so that 10⁴ states stay a CI-sized run: the
 * eigen-problem of a 64×64 state costs ~15 ms in float64.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ACTIVATIONS } from '../../../src/core/hqrn/activation';
import { type CMat, diagonalMatrix, kron, zeros } from '../../../src/core/math/complex';
import { hermitianEigenvalues } from '../../../src/core/math/linalg';
import type { QuantumModel } from '../../../src/core/hqrn/model';
import { randomQuantumModel } from '../../../src/core/hqrn/randomModel';
import { makeRng, type Rng } from '../../../src/core/math/rng';
import { randomMixedState, randomPureState } from '../../../src/core/states/states';
import { randomProbabilityVector } from '../../../src/core/math/testing';
import type { BackendName, ForwardResponse } from '../../../src/protocol/messages';
import { toBatch } from './crossCheck';
import type { Engine } from '../forward/engine';

/** docs/math.md §9 for the float32 engine. */
export const INVARIANT_TOLERANCES = {
  /** max |ρ_ij − conj(ρ_ji)|: the 1e-4 entry tolerance. */
  hermiticity: 1e-4,
  /** |Tr ρ − 1| (real part) and |Im Tr ρ|: the 1e-4 entry tolerance. */
  trace: 1e-4,
  /** Smallest eigenvalue ≥ −1e-5. */
  minEigenvalue: -1e-5,
} as const;

/** States per random stack, by qubit count (eigen cost grows like d³). */
export const BATCH_BY_QUBITS: Record<number, number> = { 1: 64, 2: 64, 3: 32, 4: 16, 5: 8, 6: 4 };

export type StateKind = 'pure' | 'mixed' | 'low-rank' | 'product' | 'werner' | 'diagonal';
const KINDS: readonly StateKind[] = ['pure', 'mixed', 'low-rank', 'product', 'werner', 'diagonal'];

export interface InvariantViolation {
  what: 'hermiticity' | 'trace' | 'minEigenvalue' | 'non-finite';
  value: number;
  stack: number;
  state: number;
  layer: number;
  nQubits: number;
}

export interface InvariantReport {
  backend: BackendName;
  seed: number;
  /** Input states sent through the engine. */
  states: number;
  stacks: number;
  /** Returned layer states checked (states × depth). */
  layers: number;
  /** Individual checks (hermiticity, trace, eigenvalues, finiteness of every number). */
  checks: number;
  violations: number;
  /** The first few violations (at most 10). */
  examples: InvariantViolation[];
  /** Worst values over all checked states (0 when nothing was checked). */
  worst: { hermiticity: number; traceError: number; minEigenvalue: number };
  statesByQubits: Record<number, number>;
  statesByKind: Record<StateKind, number>;
  deadBlocks: number;
  tolerances: typeof INVARIANT_TOLERANCES;
  ms: number;
}

/** A random 1-qubit state ⊗ … ⊗ a random 1-qubit state (n factors). */
function productOf(n: number, rng: Rng): CMat {
  let rho = rng.uniform() < 0.5 ? randomPureState(1, rng) : randomMixedState(1, rng);
  for (let k = 1; k < n; k++) rho = kron(rho, rng.uniform() < 0.5 ? randomPureState(1, rng) : randomMixedState(1, rng));
  return rho;
}

/** p|GHZ⟩⟨GHZ| + (1 − p) I/d, |GHZ⟩ = (|0…0⟩ + |1…1⟩)/√2 (the Werner state for n = 2). */
function isotropic(d: number, p: number): CMat {
  const rho = zeros(d, d);
  for (let i = 0; i < d; i++) rho.re[i * d + i] = (1 - p) / d;
  const last = d - 1;
  rho.re[0] += p / 2;
  rho.re[last * d + last] += p / 2;
  rho.re[last] += p / 2;
  rho.re[last * d] += p / 2;
  return rho;
}

export function randomState(kind: StateKind, nQubits: number, rng: Rng): CMat {
  const d = 1 << nQubits;
  switch (kind) {
    case 'pure':
      return randomPureState(nQubits, rng);
    case 'mixed':
      return randomMixedState(nQubits, rng);
    case 'low-rank':
      return randomMixedState(nQubits, rng, 1 + rng.int(Math.max(1, d - 1)));
    case 'product':
      return productOf(nQubits, rng);
    case 'werner':
      return isotropic(d, rng.uniform());
    case 'diagonal':
      return diagonalMatrix(randomProbabilityVector(d, rng));
  }
}

const GAINS = [1e-2, 0.5, 1, 4, 100, 1e6] as const;

/** A random stack of 1–4 blocks on `nQubits` qubits with edge-value α and gains; counts dead blocks. */
export function randomStack(nQubits: number, rng: Rng): { model: QuantumModel; deadBlocks: number } {
  const depth = 1 + rng.int(4);
  const model = randomQuantumModel(nQubits, depth, rng, { classes: 2 });
  let deadBlocks = 0;
  model.blocks = model.blocks.map((b) => {
    const r = rng.uniform();
    const alpha = r < 0.1 ? 0 : r < 0.2 ? 1 : rng.uniform();
    const block = { ...b, alpha, activation: ACTIVATIONS[rng.int(ACTIVATIONS.length)], gain: b.gain * GAINS[rng.int(GAINS.length)] };
    if (rng.uniform() < 0.1) {
      deadBlocks++;
      return { ...block, activation: 'relu' as const, bias: new Float64Array(b.bias.length).fill(-1e3) };
    }
    return block;
  });
  return { model, deadBlocks };
}

const yieldToEventLoop = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Check `nStates` random states (seeded) through random stacks on the current backend.
 * Formulas, per returned layer state ρ (float32 entries read as float64):
 * hermiticity = max_ij |ρ_ij − conj(ρ_ji)|, trace error = max(|Re Tr ρ − 1|, |Im Tr ρ|),
 * λ_min = smallest eigenvalue of (ρ + ρ†)/2 (core eigensolver); every x, q and readout
 * probability must be finite.
 */
export async function invariantCheck(engine: Engine, nStates: number, seed = 1): Promise<InvariantReport> {
  if (!Number.isInteger(nStates) || nStates < 1 || nStates > 1e6)
    throw new RangeError(`invariantCheck: nStates must be an integer in [1, 10^6], got ${nStates}`);
  const t0 = performance.now();
  const rng = makeRng(seed);
  const tol = INVARIANT_TOLERANCES;
  const report: InvariantReport = {
    backend: tf.getBackend() as BackendName,
    seed,
    states: 0,
    stacks: 0,
    layers: 0,
    checks: 0,
    violations: 0,
    examples: [],
    worst: { hermiticity: 0, traceError: 0, minEigenvalue: Infinity },
    statesByQubits: {},
    statesByKind: { pure: 0, mixed: 0, 'low-rank': 0, product: 0, werner: 0, diagonal: 0 },
    deadBlocks: 0,
    tolerances: tol,
    ms: 0,
  };
  const violate = (v: InvariantViolation) => {
    report.violations++;
    if (report.examples.length < 10) report.examples.push(v);
  };
  let lastYield = performance.now();
  while (report.states < nStates) {
    const nQubits = 1 + rng.int(6);
    const d = 1 << nQubits;
    const n = Math.min(BATCH_BY_QUBITS[nQubits], nStates - report.states);
    const { model, deadBlocks } = randomStack(nQubits, rng);
    const allDiagonal = rng.uniform() < 0.2;
    const states = Array.from({ length: n }, () => {
      const kind = allDiagonal ? 'diagonal' : KINDS[rng.int(KINDS.length)];
      report.statesByKind[kind]++;
      return randomState(kind, nQubits, rng);
    });
    const res = await engine.forwardModel(model, { states: toBatch(states), measures: 'none' });
    const stack = report.stacks;
    report.stacks++;
    report.deadBlocks += deadBlocks;
    report.states += n;
    report.statesByQubits[nQubits] = (report.statesByQubits[nQubits] ?? 0) + n;
    checkResponse(res, n, d, (state, layer, what, value) => violate({ what, value, stack, state, layer, nQubits }), report);
    if (performance.now() - lastYield > 50) {
      // Keep the worker's event loop turning: the client's heartbeat must get its answers.
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  if (report.layers === 0) report.worst.minEigenvalue = 0;
  report.ms = performance.now() - t0;
  // Its random models are never used again: drop their compiled weights.
  engine.releaseCompiled();
  return report;
}

type Violate = (state: number, layer: number, what: InvariantViolation['what'], value: number) => void;

function checkResponse(res: ForwardResponse, n: number, d: number, violate: Violate, report: InvariantReport): void {
  const tol = INVARIANT_TOLERANCES;
  const D = d * d;
  const finite = (a: ArrayLike<number> | undefined, layer: number) => {
    if (!a) return;
    report.checks++;
    for (let k = 0; k < a.length; k++)
      if (!Number.isFinite(a[k])) {
        violate(Math.floor(k / Math.max(1, a.length / n)), layer, 'non-finite', a[k]);
        return;
      }
  };
  res.layers.forEach((l, k) => {
    const layer = k + 1;
    finite(l.x, layer);
    finite(l.q, layer);
    for (let s = 0; s < n; s++) {
      report.layers++;
      const rho = zeros(d, d);
      if (l.rho) {
        for (let i = 0; i < D; i++) {
          rho.re[i] = l.rho.re[s * D + i];
          rho.im[i] = l.rho.im[s * D + i];
        }
      } else {
        // The diagonal fast path returns ρ = diag(x) (correspondence theorem).
        for (let i = 0; i < d; i++) rho.re[i * d + i] = l.x[s * d + i];
      }
      let nonFinite = false;
      for (let i = 0; i < D; i++) if (!Number.isFinite(rho.re[i]) || !Number.isFinite(rho.im[i])) nonFinite = true;
      report.checks++;
      if (nonFinite) {
        violate(s, layer, 'non-finite', NaN);
        continue;
      }
      let herm = 0,
        tr = 0,
        ti = 0;
      for (let i = 0; i < d; i++) {
        tr += rho.re[i * d + i];
        ti += rho.im[i * d + i];
        for (let j = i; j < d; j++) {
          const e = Math.hypot(rho.re[i * d + j] - rho.re[j * d + i], rho.im[i * d + j] + rho.im[j * d + i]);
          if (e > herm) herm = e;
        }
      }
      const traceError = Math.max(Math.abs(tr - 1), Math.abs(ti));
      const lmin = hermitianEigenvalues(rho)[0];
      report.checks += 3;
      report.worst.hermiticity = Math.max(report.worst.hermiticity, herm);
      report.worst.traceError = Math.max(report.worst.traceError, traceError);
      report.worst.minEigenvalue = Math.min(report.worst.minEigenvalue, lmin);
      if (!(herm <= tol.hermiticity)) violate(s, layer, 'hermiticity', herm);
      if (!(traceError <= tol.trace)) violate(s, layer, 'trace', traceError);
      if (!(lmin >= tol.minEigenvalue)) violate(s, layer, 'minEigenvalue', lmin);
    }
  });
  for (const out of [res.output, res.classicalOutput]) finite(out?.probabilities, res.layers.length);
}
