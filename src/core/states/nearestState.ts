/**
 * States as people write them (docs/math.md §10): a matrix typed, pasted or loaded with rounded
 * numbers is accepted within STATE_TOLERANCE and then used as its nearest state.
 *
 * The nearest density matrix to ρ in the Hilbert–Schmidt (Frobenius) norm keeps the
 * eigenvectors of H = (ρ + ρ†)/2 and replaces its eigenvalues λ by their Euclidean projection
 * onto the probability simplex {μ ≥ 0, Σ μ = 1} (Smolin, Gambetta & Smith, PRL 108, 070502
 * (2012); for trace-1 input their algorithm is exactly this projection, computed here by the
 * sort-and-threshold rule that also covers trace ≠ 1). The distance reported is the trace
 * distance ½‖ρ_entered − ρ_used‖₁ (the sum of singular values, ρ_entered may be non-Hermitian).
 */
import { STATE_TOLERANCE } from '../measures/tolerance';
import { type CMat, adjoint, blockMatrix, clone, hermiticityError, hermitianPart, sub, trace, zeros } from '../math/complex';
import { hermitianEigenvalues, hermitianSpectralMap } from '../math/linalg';

export { STATE_TOLERANCE };

/** Below this trace distance the projection "changed nothing" and is not reported (docs/math.md §10). */
export const NEAREST_STATE_REPORT_THRESHOLD = 1e-12;

/**
 * Euclidean projection of v ∈ R^d onto the probability simplex {μ ≥ 0, Σ μ = 1}:
 * sort u = v descending, k = max{j : u_j − (Σ_{i≤j} u_i − 1)/j > 0}, θ = (Σ_{i≤k} u_i − 1)/k,
 * μ = max(v − θ, 0). Same order as v. Throws on an empty or non-finite v.
 * Example: (0.6, 0.5, −0.1, 0) → (0.55, 0.45, 0, 0).
 */
export function projectOntoSimplex(v: ArrayLike<number>): Float64Array {
  const d = v.length;
  if (d === 0) throw new Error('projectOntoSimplex: empty vector');
  for (let i = 0; i < d; i++) if (!Number.isFinite(v[i])) throw new Error(`projectOntoSimplex: non-finite entry ${v[i]}`);
  const u = Array.from(v).sort((a, b) => b - a);
  let sum = 0;
  let theta = 0;
  for (let j = 0; j < d; j++) {
    sum += u[j];
    const t = (sum - 1) / (j + 1);
    if (u[j] - t > 0) theta = t;
  }
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = Math.max(v[i] - theta, 0);
  return out;
}

/**
 * Trace norm ‖A‖₁ = Σ_i σ_i(A) of any square complex matrix. A Hermitian A: Σ|λ_i(A)|;
 * otherwise the eigenvalues of the Hermitian dilation [[0, A], [A†, 0]] are ±σ_i, so
 * ‖A‖₁ = ½ Σ |λ(dilation)| — no square roots of A†A's eigenvalues, so small singular values
 * keep their absolute accuracy (~1e-16·σ_max).
 */
export function traceNorm(a: CMat): number {
  if (a.rows !== a.cols) throw new Error(`traceNorm: not square: ${a.rows}×${a.cols}`);
  const hermitian = hermiticityError(a) === 0;
  const ev = hermitian ? hermitianEigenvalues(a) : hermitianEigenvalues(blockMatrix(zeros(a.rows), a, adjoint(a), zeros(a.rows)));
  let s = 0;
  for (const l of ev) s += Math.abs(l);
  return hermitian ? s : s / 2;
}

export interface NearestState {
  /** The density matrix used: Hermitian, trace 1, PSD (to round-off). */
  rho: CMat;
  /** ½‖ρ_entered − ρ_used‖₁. */
  traceDistance: number;
  /** λ_min((ρ + ρ†)/2) of the entered matrix (from the same eigen-decomposition). */
  minEigenvalue: number;
}

function isDiagonal(m: CMat): boolean {
  const d = m.rows;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j && (m.re[i * d + j] !== 0 || m.im[i * d + j] !== 0)) return false;
  return true;
}

/**
 * The nearest state of a finite square matrix ρ (see the module comment):
 *   H = (ρ + ρ†)/2 = Σ λ_i |v_i><v_i|,  ρ_used = Σ μ_i |v_i><v_i|,  μ = projectOntoSimplex(λ),
 *   traceDistance = ½‖ρ − ρ_used‖₁.
 * When ρ is Hermitian, ρ − ρ_used = Σ (λ_i − μ_i)|v_i><v_i|, so the distance is ½Σ|λ_i − μ_i|
 * exactly; otherwise it is computed from the singular values (traceNorm). ρ_used is made
 * exactly Hermitian. When the distance is ≤ 1e-12 ρ is returned unchanged (a copy) with its
 * distance: the projection changed nothing (docs/math.md §10). Diagonal matrices skip the
 * eigensolver. Throws for a non-square, empty or non-finite ρ, and when the projection has no
 * correct digit (entries ≳ 1e15: the projected eigenvalues would not sum to 1 within 1e-9).
 */
export function nearestState(rho: CMat): NearestState {
  if (rho.rows !== rho.cols) throw new Error(`not square: ${rho.rows}×${rho.cols}`);
  const d = rho.rows;
  if (d === 0) throw new Error('empty matrix');
  for (let k = 0; k < d * d; k++)
    if (!Number.isFinite(rho.re[k]) || !Number.isFinite(rho.im[k]))
      throw new Error(`non-finite entry at (${Math.floor(k / d)}, ${k % d}): ${rho.re[k]} + ${rho.im[k]}i`);
  const hermitian = hermiticityError(rho) === 0;
  let used: CMat;
  let lambdaMove = 0;
  let minEigenvalue = Infinity;
  if (isDiagonal(rho)) {
    const lambda = new Float64Array(d);
    for (let i = 0; i < d; i++) lambda[i] = rho.re[i * d + i];
    const mu = projectOntoSimplex(lambda);
    used = zeros(d);
    for (let i = 0; i < d; i++) {
      used.re[i * d + i] = mu[i];
      lambdaMove += Math.abs(lambda[i] - mu[i]);
      minEigenvalue = Math.min(minEigenvalue, lambda[i]);
    }
  } else {
    let mu: Float64Array = new Float64Array(0);
    const { values, mapped } = hermitianSpectralMap(hermitianPart(rho), (lambda) => (mu = projectOntoSimplex(lambda)));
    for (let i = 0; i < d; i++) lambdaMove += Math.abs(values[i] - mu[i]);
    minEigenvalue = values[0];
    used = hermitianPart(mapped);
  }
  // Entries near 1e16 and beyond leave the projected eigenvalues no correct digit (they are
  // differences of huge numbers): refuse rather than return something that is not a state.
  let total = 0;
  for (let i = 0; i < d; i++) total += used.re[i * d + i];
  if (!(Math.abs(total - 1) <= 1e-9))
    throw new Error(`the nearest state cannot be computed accurately for eigenvalues as large as ${sig4(Math.max(Math.abs(minEigenvalue), lambdaMove))}`);
  const traceDistance = hermitian ? 0.5 * lambdaMove : 0.5 * traceNorm(sub(rho, used));
  return { rho: traceDistance <= NEAREST_STATE_REPORT_THRESHOLD ? clone(rho) : used, traceDistance, minEigenvalue };
}

/** A number with 4 significant digits, without trailing zeros: 0.998, -6.263e-7, 0.002. */
export function sig4(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

export type StateProblemKind = 'shape' | 'non-finite' | 'hermitian' | 'trace' | 'psd';

/** The verdict on an entered matrix: used as its nearest state, or refused with the problem. */
export type StateCheck =
  | { ok: true; rho: CMat; traceDistance: number }
  | {
      ok: false;
      kind: StateProblemKind;
      /** One line naming the problem with 3–4 significant digits and the tolerance. */
      problem: string;
      /** The explicit projection ("Use the nearest state" / --nearest-state), when it exists. */
      nearest?: NearestState;
    };

/**
 * Check an entered matrix against docs/math.md §10 "States as people write them": accepted when
 *   max|ρ − ρ†| ≤ tol,  |Tr ρ − 1| ≤ tol,  λ_min((ρ + ρ†)/2) ≥ −tol   (tol = 1e-6),
 * and then used as its nearest state (with the trace distance moved). Otherwise the first
 * failing condition is named, e.g. "trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance
 * 1e-6)", and the projection is offered (`nearest`) for any finite square matrix. A non-square
 * or non-finite matrix has no projection. Never throws.
 */
export function checkState(rho: CMat, tol: number = STATE_TOLERANCE): StateCheck {
  if (rho.rows !== rho.cols) return { ok: false, kind: 'shape', problem: `not square: ${rho.rows}×${rho.cols}` };
  const d = rho.rows;
  if (d === 0) return { ok: false, kind: 'shape', problem: 'empty matrix' };
  for (let k = 0; k < d * d; k++)
    if (!Number.isFinite(rho.re[k]) || !Number.isFinite(rho.im[k]))
      return { ok: false, kind: 'non-finite', problem: `non-finite entry at (${Math.floor(k / d)}, ${k % d}): ${rho.re[k]} + ${rho.im[k]}i` };
  let nearest: NearestState | undefined;
  try {
    nearest = nearestState(rho);
  } catch {
    nearest = undefined; // no accurate projection (huge entries): the problem is still named below
  }
  const tolText = tol.toExponential();
  const herm = hermiticityError(rho);
  if (herm > tol) return { ok: false, kind: 'hermitian', problem: `not Hermitian: max |ρ_ij − conj(ρ_ji)| = ${sig4(herm)} > tolerance ${tolText}`, nearest };
  const [tr] = trace(rho);
  if (Math.abs(tr - 1) > tol)
    return { ok: false, kind: 'trace', problem: `trace is not 1: ${sig4(tr)} (|Tr ρ − 1| = ${sig4(Math.abs(tr - 1))} > tolerance ${tolText})`, nearest };
  const lmin = nearest ? nearest.minEigenvalue : hermitianEigenvalues(hermitianPart(rho))[0];
  if (lmin < -tol)
    return { ok: false, kind: 'psd', problem: `not positive semidefinite: smallest eigenvalue ${sig4(lmin)} < -${tolText} (tolerance ${tolText})`, nearest };
  if (!nearest) return { ok: false, kind: 'non-finite', problem: 'the nearest state cannot be computed accurately (entries too large)' };
  return { ok: true, rho: nearest.rho, traceDistance: nearest.traceDistance };
}
