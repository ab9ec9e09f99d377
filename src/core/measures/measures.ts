/**
 * The per-layer measures of docs/math.md §8 and the density-matrix validator used on load (§10).
 *
 * Spectral quantities go through linalg.ts (Hermitian eigensolver on the real embedding), so
 * a matrix with round-off asymmetry is treated as its Hermitian part.
 */
import { type CMat, adjoint, blockMatrix, diagonalMatrix, hermiticityError, mul, sub, trace, zeros } from '../math/complex';
import { hermitianEigenvalues, hermitianFunction, hermitianTraceNorm } from '../math/linalg';
import { partialTranspose } from '../states/states';
import { negativityFromSpectrum, spectrumEntropy, unitInterval } from './spectral';

/** Tolerance of the PPT verdict (docs/math.md §7): entangled iff min eig ρ^{T_B} < −PPT_TOLERANCE. */
export const PPT_TOLERANCE = 1e-12;

function assertSquare(rho: CMat, what: string): void {
  if (rho.rows !== rho.cols) throw new Error(`${what}: expected a square matrix, got ${rho.rows}×${rho.cols}`);
}

function assertTwoQubits(rho: CMat, what: string): void {
  if (rho.rows !== 4 || rho.cols !== 4) throw new Error(`${what}: defined for two qubits (4×4), got ${rho.rows}×${rho.cols}`);
}

/**
 * Purity Tr ρ² = Σ_ij ρ_ij ρ_ji (real part); for Hermitian ρ this is Σ_ij |ρ_ij|², in [1/d, 1]
 * for a state, 1 iff pure. Round-off (≤ 1e-12) outside [0, 1] is snapped (spectral.ts).
 */
export function purity(rho: CMat): number {
  assertSquare(rho, 'purity');
  const d = rho.rows;
  let s = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) s += rho.re[i * d + j] * rho.re[j * d + i] - rho.im[i * d + j] * rho.im[j * d + i];
  return unitInterval(s);
}

/**
 * Von Neumann entropy S(ρ) = −Tr ρ log₂ ρ = −Σ_i λ_i log₂ λ_i in bits, with 0 log 0 = 0
 * (docs/math.md §8; spectrumEntropy: eigenvalues ≤ 0 from round-off contribute nothing, and
 * a sum within 1e-12 below 0 — cancellation on pure states — is reported as 0).
 */
export function vonNeumannEntropy(rho: CMat): number {
  assertSquare(rho, 'vonNeumannEntropy');
  return spectrumEntropy(hermitianEigenvalues(rho));
}

/** l1-norm of coherence C_l1(ρ) = Σ_{i≠j} |ρ_ij| (computational basis). */
export function l1Coherence(rho: CMat): number {
  assertSquare(rho, 'l1Coherence');
  const d = rho.rows;
  let s = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j) s += Math.hypot(rho.re[i * d + j], rho.im[i * d + j]);
  return s;
}

/** σ_y ⊗ σ_y, which is real: the anti-diagonal (−1, 1, 1, −1). */
function sySy(): CMat {
  const m = zeros(4, 4);
  m.re[0 * 4 + 3] = -1;
  m.re[1 * 4 + 2] = 1;
  m.re[2 * 4 + 1] = 1;
  m.re[3 * 4 + 0] = -1;
  return m;
}

/**
 * Wootters concurrence of a two-qubit state: ρ̃ = (σ_y⊗σ_y) ρ* (σ_y⊗σ_y); s_1 ≥ … ≥ s_4 the
 * square roots of the eigenvalues of the PSD matrix √ρ ρ̃ √ρ; C = max(0, s_1 − s_2 − s_3 − s_4).
 * For a pure ψ = (a, b, c, d) it equals 2|ad − bc|.
 *
 * How, and why not literally "eigenvalues, then square roots": √ρ ρ̃ √ρ = M M† with
 * M = √ρ (σ_y⊗σ_y) √ρ* (σ_y⊗σ_y is real, √ρ* = conj(√ρ)), so the s_i are the singular values of
 * M. Taking square roots of computed eigenvalues turns their ~1e-16 round-off into ~1e-8 errors
 * whenever some s_i = 0 (every pure or low-rank state), so instead the s_i are read off the
 * Hermitian Jordan–Wielandt matrix [[0, M], [M†, 0]], whose eigenvalues are ±s_i, accurate to
 * ~1e-16. The same square-root amplification hits √ρ on ρ's round-off null space, so √ρ drops
 * eigenvalues below 1e-12·λ_max: that moves ρ by at most 4e-12 in trace norm, and concurrence
 * is Lipschitz, so C moves by O(1e-12) instead of O(1e-8).
 */
export function concurrence(rho: CMat): number {
  assertTwoQubits(rho, 'concurrence');
  const ev = hermitianEigenvalues(rho);
  const cut = 1e-12 * Math.max(ev[3], 0);
  const sq = hermitianFunction(rho, (l) => (l > cut ? Math.sqrt(l) : 0));
  const sqConj: CMat = { rows: 4, cols: 4, re: sq.re.slice(), im: sq.im.map((x) => -x) };
  const m = mul(mul(sq, sySy()), sqConj);
  const jw = hermitianEigenvalues(blockMatrix(zeros(4, 4), m, adjoint(m), zeros(4, 4)));
  // Eigenvalues ascending: the top four are s_4 ≤ s_3 ≤ s_2 ≤ s_1 (clamped: round-off can make a zero s slightly negative).
  const s = [jw[7], jw[6], jw[5], jw[4]].map((x) => Math.max(x, 0));
  return Math.max(0, s[0] - s[1] - s[2] - s[3]);
}

/**
 * Negativity N(ρ) = (‖ρ^{T_B}‖₁ − 1)/2 (docs/math.md §8) = Σ of |negative eigenvalues| of ρ^{T_B}
 * for a unit-trace ρ. Two qubits: ρ is 4×4, B = qubit 1. ≥ 0: a product state gives exactly 0
 * (round-off ≤ 1e-12 below 0 is snapped; a larger negative value is returned as it is).
 */
export function negativity(rho: CMat): number {
  assertTwoQubits(rho, 'negativity');
  return negativityFromSpectrum(hermitianEigenvalues(partialTranspose(rho, 1, 1)));
}

/** Smallest eigenvalue of the partial transpose ρ^{T_B} of a two-qubit state. */
export function minPartialTransposeEigenvalue(rho: CMat): number {
  assertTwoQubits(rho, 'minPartialTransposeEigenvalue');
  return hermitianEigenvalues(partialTranspose(rho, 1, 1))[0];
}

/**
 * PPT verdict: true iff λ_min(ρ^{T_B}) ≥ −1e-12. For two qubits PPT ⇔ separable
 * (Peres–Horodecki), so false means entangled.
 */
export function isPpt(rho: CMat): boolean {
  return minPartialTransposeEigenvalue(rho) >= -PPT_TOLERANCE;
}

/** Trace distance T(ρ, σ) = ½‖ρ − σ‖₁ = ½ Σ_i |λ_i(ρ − σ)|. */
export function traceDistance(rho: CMat, sigma: CMat): number {
  if (rho.rows !== sigma.rows || rho.cols !== sigma.cols) throw new Error('traceDistance: shape mismatch');
  assertSquare(rho, 'traceDistance');
  return 0.5 * hermitianTraceNorm(sub(rho, sigma));
}

/**
 * Trace distance between the quantum path and the classical path at a layer (docs/math.md §8):
 * ½‖ρ − diag(x)‖₁.
 */
export function traceDistanceToClassical(rho: CMat, x: ArrayLike<number>): number {
  if (x.length !== rho.rows) throw new Error(`traceDistanceToClassical: x has ${x.length} entries, ρ is ${rho.rows}×${rho.cols}`);
  return traceDistance(rho, diagonalMatrix(x));
}

/** The measures shown per layer (docs/math.md §8). */
export interface StateMeasures {
  /** Re Tr ρ. */
  trace: number;
  /** Tr ρ². */
  purity: number;
  /** Von Neumann entropy in bits. */
  entropy: number;
  /** l1-coherence Σ_{i≠j} |ρ_ij|. */
  coherence: number;
  /** ½‖ρ − diag(x)‖₁, present iff a classical vector x was given. */
  traceDistanceToClassical?: number;
  /** Two qubits only (d = 4). */
  concurrence?: number;
  /** Two qubits only (d = 4). */
  negativity?: number;
  /** Two qubits only: true = positive partial transpose (separable). */
  ppt?: boolean;
}

/**
 * All §8 measures of ρ: trace = Re Tr ρ, purity, entropy, coherence; the trace distance to
 * diag(classicalX) when classicalX is given; concurrence, negativity and the PPT verdict
 * when d = 4.
 */
export function stateMeasures(rho: CMat, classicalX?: ArrayLike<number>): StateMeasures {
  assertSquare(rho, 'stateMeasures');
  const m: StateMeasures = {
    trace: unitInterval(trace(rho)[0]),
    purity: purity(rho),
    entropy: vonNeumannEntropy(rho),
    coherence: l1Coherence(rho),
  };
  if (classicalX !== undefined) m.traceDistanceToClassical = traceDistanceToClassical(rho, classicalX);
  if (rho.rows === 4) {
    const ptEig = hermitianEigenvalues(partialTranspose(rho, 1, 1));
    m.concurrence = concurrence(rho);
    m.negativity = negativityFromSpectrum(ptEig);
    m.ppt = ptEig[0] >= -PPT_TOLERANCE;
  }
  return m;
}

/**
 * null if ρ is a density matrix within `tol`: square, all entries finite, Hermitian
 * (max_ij |ρ_ij − conj ρ_ji| ≤ tol), unit trace (|Re Tr ρ − 1| ≤ tol and |Im Tr ρ| ≤ tol) and
 * positive semidefinite (λ_min ≥ −tol); otherwise a one-line reason with the offending number.
 * Checks run in that order because each later check presumes the earlier ones.
 */
export function validateDensityMatrix(rho: CMat, tol = 1e-8): string | null {
  if (rho.rows !== rho.cols) return `not square: ${rho.rows}×${rho.cols}`;
  if (rho.rows === 0) return 'empty matrix';
  const d = rho.rows;
  for (let k = 0; k < d * d; k++)
    if (!Number.isFinite(rho.re[k]) || !Number.isFinite(rho.im[k])) return `non-finite entry at (${Math.floor(k / d)}, ${k % d}): ${rho.re[k]} + ${rho.im[k]}i`;
  const herm = hermiticityError(rho);
  if (herm > tol) return `not Hermitian: max |ρ_ij − conj(ρ_ji)| = ${herm}`;
  const [tr, ti] = trace(rho);
  if (Math.abs(tr - 1) > tol || Math.abs(ti) > tol) return `trace is not 1: ${tr}${ti !== 0 ? ` + ${ti}i` : ''}`;
  const lmin = hermitianEigenvalues(rho)[0];
  if (lmin < -tol) return `not positive semidefinite: smallest eigenvalue ${lmin}`;
  return null;
}
