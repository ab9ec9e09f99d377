/**
 * Fast paths of the docs/math.md §10 rule for datasets: certificates, checked in O(d³/6) by a
 * Cholesky factorisation, that checkState (eigendecomposition of H = (ρ+ρ†)/2, eigenvalues
 * projected onto the probability simplex) would give a known answer. When a certificate fails
 * the caller runs checkState, so the rule is the same; only the eigensolver is skipped.
 * Used for d ≤ 8 (the Cholesky rounding error, ≲ (d+1)²·1.1e-16·‖ρ‖, must stay far below the
 * margin ε = 1e-13). Pure functions.
 */
import type { CMat } from '../math/complex';
import { STATE_TOLERANCE } from '../measures/tolerance';
import { NEAREST_STATE_REPORT_THRESHOLD } from '../states/nearestState';

/** Margin of the Cholesky certificates. */
const EPS = 1e-13;
/** Largest d the certificates are used for. */
export const CERTIFICATE_MAX_DIM = 8;

/** ρ exactly Hermitian (Re symmetric, Im antisymmetric, real diagonal): its trace, else NaN. */
function exactHermitianTrace(rho: CMat): number {
  const d = rho.rows,
    { re, im } = rho;
  let tr = 0;
  for (let i = 0; i < d; i++) {
    if (im[i * d + i] !== 0) return Number.NaN;
    tr += re[i * d + i];
    for (let j = i + 1; j < d; j++) if (re[i * d + j] !== re[j * d + i] || im[i * d + j] !== -im[j * d + i]) return Number.NaN;
  }
  return tr;
}

/** The Cholesky factorisation ρ + shift·I = L L† (ρ exactly Hermitian) succeeds: λ_min(ρ) ≥ −shift − O(d²·1e-16). */
function choleskySucceeds(rho: CMat, shift: number): boolean {
  const d = rho.rows,
    { re, im } = rho;
  const lr = new Float64Array(d * d),
    li = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let s = re[j * d + j] + shift;
    for (let k = 0; k < j; k++) s -= lr[j * d + k] * lr[j * d + k] + li[j * d + k] * li[j * d + k];
    if (!(s > 0)) return false;
    const ljj = Math.sqrt(s);
    lr[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      // L_ij = (ρ_ij − Σ_k L_ik conj(L_jk)) / L_jj
      let sr = re[i * d + j],
        si = im[i * d + j];
      for (let k = 0; k < j; k++) {
        sr -= lr[i * d + k] * lr[j * d + k] + li[i * d + k] * li[j * d + k];
        si -= li[i * d + k] * lr[j * d + k] - lr[i * d + k] * li[j * d + k];
      }
      lr[i * d + j] = sr / ljj;
      li[i * d + j] = si / ljj;
    }
  }
  return true;
}

/**
 * A certificate that checkState uses ρ unchanged: ρ exactly Hermitian, |Tr ρ − 1| ≤ 1e-13, and
 * the Cholesky factorisation of ρ + εI (ε = 1e-13) succeeds, which proves λ_min ≥ −ε. The simplex
 * projection μ = max(λ − θ, 0) then moves the eigenvalues by Σ|λ_i − μ_i| ≤ |Tr ρ − 1| + 2dε, so
 * ½‖ρ − ρ_used‖₁ ≤ (d + ½)·1e-13 < 1e-12 for d ≤ 8: checkState accepts ρ and returns it unchanged
 * with a distance below the report threshold — the same verdict. False for d > 8.
 */
export function certainlyUnchanged(rho: CMat): boolean {
  const d = rho.rows;
  if (d > CERTIFICATE_MAX_DIM) return false;
  const tr = exactHermitianTrace(rho);
  if (!(Math.abs(tr - 1) <= EPS)) return false;
  return choleskySucceeds(rho, EPS);
}

/**
 * The nearest state of a rounded state without the eigensolver, when no eigenvalue is clipped:
 * ρ exactly Hermitian (so H = ρ), |Tr ρ − 1| ≤ 1e-6 (the §10 tolerance), θ = (Tr ρ − 1)/d, and the
 * Cholesky factorisation of ρ − (θ + ε)I succeeds, which proves λ_i − θ > 0 for every eigenvalue.
 * The simplex projection is then μ = λ − θ (all d kept), so checkState's answer is
 *   ρ_used = ρ − θ·I,   ½‖ρ − ρ_used‖₁ = ½·d·|θ| = ½|Tr ρ − 1|,
 * and ρ is accepted (λ_min(H) > θ ≥ −1e-6/d). Equal to checkState's ρ_used to round-off (~1e-16;
 * checkState goes through the eigenvectors). Below the report threshold (1e-12) ρ itself is
 * returned, as checkState does. Undefined when the certificate does not apply (d > 8, not exactly
 * Hermitian, trace outside the tolerance, an eigenvalue that the projection would clip): the
 * caller runs checkState.
 */
export function shiftedNearest(rho: CMat): { rho: CMat; traceDistance: number } | undefined {
  const d = rho.rows;
  if (d > CERTIFICATE_MAX_DIM || rho.cols !== d) return undefined;
  const tr = exactHermitianTrace(rho);
  if (!(Math.abs(tr - 1) <= STATE_TOLERANCE)) return undefined;
  const theta = (tr - 1) / d;
  if (!choleskySucceeds(rho, -(theta + EPS))) return undefined;
  const traceDistance = 0.5 * d * Math.abs(theta);
  if (traceDistance <= NEAREST_STATE_REPORT_THRESHOLD) return { rho, traceDistance };
  const used: CMat = { rows: d, cols: d, re: Float64Array.from(rho.re), im: Float64Array.from(rho.im) };
  for (let i = 0; i < d; i++) used.re[i * d + i] -= theta;
  return { rho: used, traceDistance };
}
