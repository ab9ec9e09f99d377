/**
 * Spectral linear algebra for complex Hermitian (and normal) matrices.
 *
 * The eigensolver is ml-matrix's symmetric EVD (Householder tridiagonalisation + QL), applied
 * to the real symmetric embedding
 *   H = X + iY  ↦  E(H) = [[X, −Y], [Y, X]]   (2d×2d, symmetric iff H is Hermitian).
 * E is a *-homomorphism, so every eigenvalue of H appears twice in E(H), and each real unit
 * eigenvector v = [x; y] of E(H) gives a complex unit eigenvector z = x + iy of H. Summing
 * over all 2d real eigenvectors counts each complex eigen-direction twice:
 *   Σ_{k=1}^{2d} z_k z_k† = 2 I,   f(H) = ½ Σ_k f(λ_k) z_k z_k†,
 * which holds for any orthonormal basis ml-matrix picks inside degenerate eigenspaces.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { type CMat, adjoint, combine, hermitianPart, identity, mul, scale, sub, zeros } from './complex';

interface EmbeddedEig {
  /** 2d real eigenvalues, ascending, each eigenvalue of H twice. */
  values: Float64Array;
  /** Column k of the 2d×2d eigenvector matrix, as complex vectors z_k (re, im), k = 0..2d−1. */
  zr: Float64Array[];
  zi: Float64Array[];
}

/**
 * Entries below this fraction of the largest |entry| are flushed to zero before the eigensolver.
 * ml-matrix's tred2/tql2 square and divide by entries: tiny ones (1e-300, but also 1e-185 beside
 * 1 — found by fuzzing imported states and hand-entered matrices) underflow, the iteration turns
 * NaN and its index runs past the matrix (a TypeError). Flushing changes the eigenvalues by at
 * most ‖ΔH‖₂ ≤ 2d·1e-30·max|H_ij| (Weyl), far below every tolerance here.
 */
const RELATIVE_FLUSH = 1e-30;

function embeddedEig(h: CMat): EmbeddedEig {
  const d = h.rows;
  if (h.cols !== d) throw new Error('eigensolver needs a square matrix');
  const hs = hermitianPart(h);
  // Work on H / s with s = max|H_ij| (so tiny matrices do not underflow either); λ(H) = s·λ(H/s).
  let s = 0;
  for (let k = 0; k < d * d; k++) s = Math.max(s, Math.abs(hs.re[k]), Math.abs(hs.im[k]));
  const scale = s > 0 && Number.isFinite(s) ? s : 1;
  const flush = (v: number) => {
    const u = v / scale;
    return Math.abs(u) < RELATIVE_FLUSH ? 0 : u;
  };
  const e = new Matrix(2 * d, 2 * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const x = flush(hs.re[i * d + j]),
        y = flush(hs.im[i * d + j]);
      e.set(i, j, x);
      e.set(i + d, j + d, x);
      e.set(i, j + d, -y);
      e.set(i + d, j, y);
    }
  const evd = new EigenvalueDecomposition(e, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const vec = evd.eigenvectorMatrix;
  const order = raw.map((_, k) => k).sort((a, b) => raw[a] - raw[b]);
  const values = new Float64Array(2 * d);
  const zr: Float64Array[] = [];
  const zi: Float64Array[] = [];
  order.forEach((k, pos) => {
    values[pos] = raw[k] * scale;
    const r = new Float64Array(d),
      im = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      r[i] = vec.get(i, k);
      im[i] = vec.get(i + d, k);
    }
    zr.push(r);
    zi.push(im);
  });
  return { values, zr, zi };
}

/** Eigenvalues λ_1 ≤ … ≤ λ_d of a Hermitian matrix (its Hermitian part, if round-off broke symmetry). */
export function hermitianEigenvalues(h: CMat): Float64Array {
  const { values } = embeddedEig(h);
  const d = h.rows;
  const out = new Float64Array(d);
  // Each eigenvalue appears twice in the embedding: average the pair against round-off.
  for (let i = 0; i < d; i++) out[i] = 0.5 * (values[2 * i] + values[2 * i + 1]);
  return out;
}

/**
 * f(H) = Σ_i f(λ_i) |v_i><v_i| for Hermitian H and a complex-valued scalar function f
 * (returned as [re, im]), via f(H) = ½ Σ_{k=1}^{2d} f(λ_k) z_k z_k† over the embedding.
 */
export function hermitianFunction(h: CMat, f: (lambda: number) => [number, number] | number): CMat {
  const { values, zr, zi } = embeddedEig(h);
  return spectralSum(values.length, (k) => f(values[k]), zr, zi, h.rows);
}

function spectralSum(count: number, coef: (k: number) => [number, number] | number, zr: Float64Array[], zi: Float64Array[], d: number): CMat {
  const out = zeros(d, d);
  for (let k = 0; k < count; k++) {
    const c = coef(k);
    const [fr, fi] = typeof c === 'number' ? [c * 0.5, 0] : [c[0] * 0.5, c[1] * 0.5];
    if (fr === 0 && fi === 0) continue;
    const ur = zr[k],
      ui = zi[k];
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        // z_i conj(z_j)
        const pr = ur[i] * ur[j] + ui[i] * ui[j];
        const pi = ui[i] * ur[j] - ur[i] * ui[j];
        out.re[i * d + j] += fr * pr - fi * pi;
        out.im[i * d + j] += fr * pi + fi * pr;
      }
  }
  return out;
}

/**
 * One eigen-decomposition, two uses: the eigenvalues λ_1 ≤ … ≤ λ_d of the Hermitian matrix H
 * (its Hermitian part) are handed to `g`, which returns new values μ_1..μ_d (same order), and
 * the result is Σ_i μ_i |v_i><v_i| with H's eigenvectors — for maps where μ_i depends on the
 * whole spectrum (e.g. the simplex projection of nearestState.ts), which hermitianFunction
 * cannot express. Each eigenvalue appears twice in the real embedding (sorted, so pairs are
 * adjacent), and both copies get μ_i; the ½ Σ over the embedding counts each direction once.
 */
export function hermitianSpectralMap(h: CMat, g: (values: Float64Array) => ArrayLike<number>): { values: Float64Array; mapped: CMat } {
  const { values, zr, zi } = embeddedEig(h);
  const d = h.rows;
  const lambda = new Float64Array(d);
  for (let i = 0; i < d; i++) lambda[i] = 0.5 * (values[2 * i] + values[2 * i + 1]);
  const mu = g(lambda);
  if (mu.length !== d) throw new Error(`hermitianSpectralMap: ${mu.length} new eigenvalues for a ${d}×${d} matrix`);
  return { values: lambda, mapped: spectralSum(values.length, (k) => mu[k >> 1], zr, zi, d) };
}

/** Principal square root of a positive semidefinite Hermitian matrix, √P = Σ √max(λ_i,0) |v_i><v_i|. */
export function psdSqrt(p: CMat): CMat {
  return hermitianFunction(p, (l) => Math.sqrt(Math.max(l, 0)));
}

/** Spectral norm ‖A‖₂ = sqrt(λ_max(A†A)). */
export function spectralNorm(a: CMat): number {
  const ev = hermitianEigenvalues(mul(adjoint(a), a));
  return Math.sqrt(Math.max(ev[ev.length - 1], 0));
}

/** Trace norm of a Hermitian matrix, ‖H‖₁ = Σ_i |λ_i|. */
export function hermitianTraceNorm(h: CMat): number {
  let s = 0;
  for (const l of hermitianEigenvalues(h)) s += Math.abs(l);
  return s;
}

/**
 * f(N) for a normal matrix N (e.g. a unitary): N's Hermitian parts H1 = (N + N†)/2 and
 * H2 = (N − N†)/(2i) commute, so a generic real combination K = H1 + t·H2 has N's eigenvectors;
 * each eigenvector z_k of K gives the eigenvalue μ_k = z_k† N z_k of N, and
 *   f(N) = ½ Σ_{k=1}^{2d} f(μ_k) z_k z_k†.
 * f receives μ as (re, im) and returns (re, im).
 */
export function normalFunction(n: CMat, f: (re: number, im: number) => [number, number]): CMat {
  const d = n.rows;
  const nd = adjoint(n);
  const h1 = scale(combine(1, n, 1, nd), 0.5);
  const diff = sub(n, nd); // = 2i·H2  ⇒  H2 = −i·diff/2
  const h2 = zeros(d, d);
  for (let k = 0; k < d * d; k++) {
    h2.re[k] = diff.im[k] / 2;
    h2.im[k] = -diff.re[k] / 2;
  }
  // An irrational-looking t makes accidental degeneracies of K between distinct μ unlikely.
  const t = 0.7390851332151607;
  const k = combine(1, h1, t, h2);
  const { values, zr, zi } = embeddedEig(k);
  const mus: [number, number][] = [];
  for (let idx = 0; idx < values.length; idx++) {
    const ur = zr[idx],
      ui = zi[idx];
    let mr = 0,
      mi = 0;
    for (let i = 0; i < d; i++) {
      let vr = 0,
        vi = 0; // (N z)_i
      for (let j = 0; j < d; j++) {
        const ar = n.re[i * d + j],
          ai = n.im[i * d + j];
        vr += ar * ur[j] - ai * ui[j];
        vi += ar * ui[j] + ai * ur[j];
      }
      // conj(z_i)·(N z)_i
      mr += ur[i] * vr + ui[i] * vi;
      mi += ur[i] * vi - ui[i] * vr;
    }
    mus.push(f(mr, mi));
  }
  return spectralSum(values.length, (idx) => mus[idx], zr, zi, d);
}

/** Unitarity defect ‖U†U − I‖₂ (spectral norm). */
export function unitarityError(u: CMat): number {
  const g = sub(mul(adjoint(u), u), identity(u.cols));
  const ev = hermitianEigenvalues(g);
  return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
}

/** Spectral norm of a Hermitian matrix, max_i |λ_i|. */
export function hermitianSpectralNorm(h: CMat): number {
  const ev = hermitianEigenvalues(h);
  return Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
}
