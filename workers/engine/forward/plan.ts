/**
 * The one place that decides how a forward pass runs (docs/math.md §2–3, §5). Every caller —
 * the Engine's batches (engine.ts), the explorer's single state (explore/fast.ts) — asks here.
 *
 * Paths:
 * - 'core-two-qubit': one two-qubit state, on the float64 core (src/core/hqrn/forward.ts);
 *   tfjs's per-op dispatch costs more than the ~10⁴ flops of the whole pass;
 * - 'core-diagonal': one diagonal state, on the float64 core's classical network: by the
 *   correspondence theorem (§3) the quantum path *is* the classical path, ρ^(k) = diag(x^(k));
 * - 'diagonal-batch': a batch on the compiled tfjs stack running the classical network only
 *   (a classical model, or every input diagonal and the fast path allowed);
 * - 'quantum-batch': the compiled stack on [quantum; classical] rows (some input off-diagonal,
 *   or diagonal inputs with diagonalFastPath: false — the quantum chain then equals the
 *   classical one and runs once);
 * - 'per-block': finite shots (§5): p± are read back per block and sampled on the CPU.
 */
import type { CMat } from '../../../src/core/math/complex';
import { isDiagonalBatch } from '../../../src/core/hqrn/packing';
import type { Model } from '../../../src/core/hqrn/model';
import type { ForwardRequest } from '../../../src/protocol/messages';

export type BatchPath = 'diagonal-batch' | 'quantum-batch' | 'per-block';
export type SinglePath = 'core-two-qubit' | 'core-diagonal';

export interface BatchPlan {
  path: BatchPath;
  /** Every input state is diagonal (exactly). */
  diagonal: boolean;
  /** Only the classical network runs: ρ^(k) = diag(x^(k)), no quantum tensors. */
  fast: boolean;
  /** The quantum path has off-diagonals, so it runs as its own chain beside the classical one. */
  quantumChain: boolean;
  /** N_s per unitary per block; 0 = exact. */
  shots: number;
}

/** True when every off-diagonal entry of ρ is exactly zero. */
export function isDiagonalState(rho: CMat): boolean {
  return isDiagonalBatch(rho.re, rho.im, 1, rho.rows);
}

/** The shape and finiteness checks of a batch for a model of dimension d (one-line errors). */
function checkBatch(req: Omit<ForwardRequest, 'model'>, d: number): void {
  const { n } = req.states;
  if (req.states.d !== d) throw new Error(`states: dimension ${req.states.d} but the model has nQubits ${Math.log2(d)} (d = ${d})`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`states.n: must be a positive integer, got ${n}`);
  const parts = req.states.diagonal ? [req.states.diagonal] : [req.states.re, req.states.im];
  const expected = req.states.diagonal ? n * d : n * d * d;
  for (const part of parts) {
    if (part.length !== expected)
      throw new Error(`states: expected ${req.states.diagonal ? `${n}×${d} diagonal` : `${n}×${d}×${d}`} entries, got ${part.length}`);
    for (let k = 0; k < part.length; k++) if (!Number.isFinite(part[k])) throw new Error(`states: entry ${k} is not a finite number`);
  }
  if (req.shots !== undefined && (!Number.isInteger(req.shots) || req.shots < 0)) throw new Error(`shots: must be an integer ≥ 0, got ${req.shots}`);
}

/**
 * The path of a batch request. Errors (one line each): a batch that does not fit the model
 * (dimension, length, non-finite entries, bad shots); diagonalFastPath: true with an
 * off-diagonal input (the fast path would be wrong).
 */
export function planBatch(model: Model, req: Omit<ForwardRequest, 'model'>): BatchPlan {
  const d = 1 << model.nQubits;
  checkBatch(req, d);
  const { n } = req.states;
  const shots = req.shots ?? 0;
  const diagonal = req.states.diagonal !== undefined || isDiagonalBatch(req.states.re!, req.states.im!, n, d);
  if (req.diagonalFastPath && !diagonal) throw new Error('diagonalFastPath: the batch has off-diagonal entries, so the fast path would be wrong');
  const fast = model.kind === 'classical' || (diagonal && shots === 0 && req.diagonalFastPath !== false);
  const path: BatchPath = shots > 0 ? 'per-block' : fast ? 'diagonal-batch' : 'quantum-batch';
  return { path, diagonal, fast, quantumChain: !fast && !diagonal, shots };
}

/** The float64-core path for one input state, or null when the tfjs engine should answer. */
export function planSingle(rho0: CMat): SinglePath | null {
  if (rho0.rows === 4) return 'core-two-qubit';
  if (isDiagonalState(rho0)) return 'core-diagonal';
  return null;
}
