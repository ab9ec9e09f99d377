/**
 * The §8 measures of one two-qubit state for the explorer's fast path (exploreFast.ts), with
 * Jacobi methods instead of ml-matrix's general eigensolver.
 *
 * src/core/measures/measures.ts computes the same quantities through six EigenvalueDecompositions per
 * layer (one of them 16×16): ~0.35 ms per layer, 7 ms for depth 20 — most of an explorer
 * answer. Here, with the same mathematics (docs/math.md §8, and the same accuracy devices as
 * measures.ts: the real symmetric embedding of a Hermitian matrix, √ρ cut at 1e-12·λ_max,
 * concurrence's s_i read as singular values of M = √ρ (σ_y⊗σ_y) √ρ*, never as square roots of
 * eigenvalues):
 * - eigenvalues / eigenvectors of a d×d Hermitian H: cyclic Jacobi on its 2d×2d real
 *   embedding [[X, −Y], [Y, X]] (each eigenvalue twice, averaged in pairs);
 * - singular values of the 4×4 complex M: one-sided (Hestenes) Jacobi on its 8×8 real
 *   embedding (each singular value twice). Jacobi methods are accurate to ~1e-16·‖A‖ in each
 *   eigen/singular value, so zero s_i stay ~1e-16 (not ~1e-8).
 * measures.test in workers/engine/explore/fastMeasures.test.ts checks agreement with stateMeasures.
 */
import type { CMat } from '../../../src/core/math/complex';
import { l1Coherence, PPT_TOLERANCE, purity, type StateMeasures } from '../../../src/core/measures/measures';
import { negativityFromSpectrum, spectrumEntropy, unitInterval } from '../../../src/core/measures/spectral';

const EPS = 1e-17;

/**
 * Cyclic Jacobi on a real symmetric n×n matrix `a` (row-major, overwritten). Returns the
 * eigenvalues (unsorted, in `a`'s diagonal order) and, if `v` is given (n×n, row-major), the
 * eigenvectors as its columns.
 */
function jacobiSymmetric(a: Float64Array, n: number, v: Float64Array | null): Float64Array {
  if (v) {
    v.fill(0);
    for (let i = 0; i < n; i++) v[i * n + i] = 1;
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += a[i * n + i] * a[i * n + i];
      for (let j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
    }
    if (off <= EPS * EPS * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J with J the rotation in the (p, q) plane.
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        if (v)
          for (let k = 0; k < n; k++) {
            const vkp = v[k * n + p];
            const vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
          }
      }
  }
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = a[i * n + i];
  return w;
}

/** The 2d×2d real embedding of the Hermitian part of h (d×d). */
function embed(re: ArrayLike<number>, im: ArrayLike<number>, d: number): Float64Array {
  const n = 2 * d;
  const e = new Float64Array(n * n);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const x = 0.5 * (re[i * d + j] + re[j * d + i]);
      const y = 0.5 * (im[i * d + j] - im[j * d + i]);
      e[i * n + j] = x;
      e[(i + d) * n + j + d] = x;
      e[i * n + j + d] = -y;
      e[(i + d) * n + j] = y;
    }
  return e;
}

/** Eigenvalues λ_1 ≤ … ≤ λ_d of a Hermitian d×d matrix (its Hermitian part). */
export function fastHermitianEigenvalues(re: ArrayLike<number>, im: ArrayLike<number>, d: number): Float64Array {
  const w = jacobiSymmetric(embed(re, im, d), 2 * d, null).sort();
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = 0.5 * (w[2 * i] + w[2 * i + 1]);
  return out;
}

/** f(H) = ½ Σ_k f(λ_k) z_k z_k† over the embedding's 2d eigenvectors (linalg.ts, hermitianFunction). */
function fastHermitianFunction(
  re: ArrayLike<number>,
  im: ArrayLike<number>,
  d: number,
  f: (values: Float64Array) => Float64Array,
): { re: Float64Array; im: Float64Array } {
  const n = 2 * d;
  const v = new Float64Array(n * n);
  const w = jacobiSymmetric(embed(re, im, d), n, v);
  const coef = f(w);
  const outRe = new Float64Array(d * d);
  const outIm = new Float64Array(d * d);
  for (let k = 0; k < n; k++) {
    const fk = 0.5 * coef[k];
    if (fk === 0) continue;
    for (let i = 0; i < d; i++) {
      const ur = v[i * n + k],
        ui = v[(i + d) * n + k];
      for (let j = 0; j < d; j++) {
        const vr = v[j * n + k],
          vi = v[(j + d) * n + k];
        outRe[i * d + j] += fk * (ur * vr + ui * vi);
        outIm[i * d + j] += fk * (ui * vr - ur * vi);
      }
    }
  }
  return { re: outRe, im: outIm };
}

/** Singular values of a real m×m matrix (row-major, overwritten), by one-sided Jacobi. */
function jacobiSingularValues(a: Float64Array, m: number): Float64Array {
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let i = 0; i < m - 1; i++)
      for (let j = i + 1; j < m; j++) {
        let alpha = 0,
          beta = 0,
          gamma = 0;
        for (let k = 0; k < m; k++) {
          const x = a[k * m + i],
            y = a[k * m + j];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-16 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let k = 0; k < m; k++) {
          const x = a[k * m + i],
            y = a[k * m + j];
          a[k * m + i] = c * x - s * y;
          a[k * m + j] = s * x + c * y;
        }
      }
    if (!rotated) break;
  }
  const out = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += a[k * m + j] * a[k * m + j];
    out[j] = Math.sqrt(s);
  }
  return out.sort();
}

/** Wootters concurrence (measures.ts, concurrence), with ρ's eigen-decomposition done once. */
function fastConcurrence(rho: CMat): number {
  const d = 4;
  // √ρ, eigenvalues below 1e-12·λ_max dropped (as measures.ts does).
  const sq = fastHermitianFunction(rho.re, rho.im, d, (w) => {
    let max = 0;
    for (const l of w) max = Math.max(max, l);
    const cut = 1e-12 * max;
    return w.map((l) => (l > cut ? Math.sqrt(l) : 0));
  });
  // M = √ρ · (σ_y⊗σ_y) · conj(√ρ); σ_y⊗σ_y is the real anti-diagonal (−1, 1, 1, −1).
  const sy = [-1, 1, 1, -1];
  // T = √ρ · (σ_y⊗σ_y): column j of T is sy[3 − j] · column (3 − j) of √ρ.
  const tRe = new Float64Array(16),
    tIm = new Float64Array(16);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const k = 3 - j;
      tRe[i * d + j] = sq.re[i * d + k] * sy[k];
      tIm[i * d + j] = sq.im[i * d + k] * sy[k];
    }
  const mRe = new Float64Array(16),
    mIm = new Float64Array(16);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let r = 0,
        im = 0;
      for (let k = 0; k < d; k++) {
        const ar = tRe[i * d + k],
          ai = tIm[i * d + k];
        const br = sq.re[k * d + j],
          bi = -sq.im[k * d + j];
        r += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      mRe[i * d + j] = r;
      mIm[i * d + j] = im;
    }
  // Real 8×8 embedding [[Re, −Im], [Im, Re]]: its singular values are M's, each twice.
  const e = new Float64Array(64);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      e[i * 8 + j] = mRe[i * d + j];
      e[(i + 4) * 8 + j + 4] = mRe[i * d + j];
      e[i * 8 + j + 4] = -mIm[i * d + j];
      e[(i + 4) * 8 + j] = mIm[i * d + j];
    }
  const sv = jacobiSingularValues(e, 8);
  // ascending, pairs: s_1 ≥ s_2 ≥ s_3 ≥ s_4
  const s = [0.5 * (sv[6] + sv[7]), 0.5 * (sv[4] + sv[5]), 0.5 * (sv[2] + sv[3]), 0.5 * (sv[0] + sv[1])];
  return Math.max(0, s[0] - s[1] - s[2] - s[3]);
}

/** stateMeasures(rho, x) of measures.ts for a 4×4 ρ (or any d without the two-qubit measures). */
export function fastStateMeasures(rho: CMat, x: ArrayLike<number>): StateMeasures & { traceDistanceToClassical: number } {
  const d = rho.rows;
  let trace = 0;
  for (let i = 0; i < d; i++) trace += rho.re[i * d + i];
  const diffRe = Float64Array.from(rho.re);
  for (let i = 0; i < d; i++) diffRe[i * d + i] -= x[i];
  let td = 0;
  for (const l of fastHermitianEigenvalues(diffRe, rho.im, d)) td += Math.abs(l);
  const m: StateMeasures & { traceDistanceToClassical: number } = {
    trace: unitInterval(trace),
    purity: purity(rho),
    entropy: spectrumEntropy(fastHermitianEigenvalues(rho.re, rho.im, d)),
    coherence: l1Coherence(rho),
    traceDistanceToClassical: 0.5 * td,
  };
  if (d === 4) {
    // ρ^{T_B}: (a b, a2 b2) ← (a b2, a2 b).
    const ptRe = new Float64Array(16),
      ptIm = new Float64Array(16);
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++)
        for (let a2 = 0; a2 < 2; a2++)
          for (let b2 = 0; b2 < 2; b2++) {
            const dst = (a * 2 + b) * 4 + a2 * 2 + b2;
            const src = (a * 2 + b2) * 4 + a2 * 2 + b;
            ptRe[dst] = rho.re[src];
            ptIm[dst] = rho.im[src];
          }
    const ptEig = fastHermitianEigenvalues(ptRe, ptIm, 4);
    m.concurrence = fastConcurrence(rho);
    m.negativity = negativityFromSpectrum(ptEig);
    m.ppt = ptEig[0] >= -PPT_TOLERANCE;
  }
  return m;
}
