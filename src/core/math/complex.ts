/**
 * Dense complex matrices in float64, stored as two row-major real arrays.
 *
 * Why not a library: no well-kept JS linear-algebra library has complex matrices with a
 * Hermitian eigensolver; ml-matrix (used in linalg.ts) does the real work through the real
 * embedding. This module is the thin complex layer on top.
 */

/** A rows×cols complex matrix, entry (i, j) = re[i*cols + j] + i·im[i*cols + j]. */
export interface CMat {
  readonly rows: number;
  readonly cols: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** Plain-JSON form of a complex matrix, as in the hqrn-state / hqrn-model files. */
export interface CMatJson {
  re: number[][];
  im: number[][];
}

/** The zero matrix 0_{rows×cols}. */
export function zeros(rows: number, cols: number = rows): CMat {
  return { rows, cols, re: new Float64Array(rows * cols), im: new Float64Array(rows * cols) };
}

/** The identity I_d. */
export function identity(d: number): CMat {
  const m = zeros(d, d);
  for (let i = 0; i < d; i++) m.re[i * d + i] = 1;
  return m;
}

/** A copy of `a`. */
export function clone(a: CMat): CMat {
  return { rows: a.rows, cols: a.cols, re: a.re.slice(), im: a.im.slice() };
}

/** diag(x) for a real vector x. */
export function diagonalMatrix(x: ArrayLike<number>): CMat {
  const d = x.length;
  const m = zeros(d, d);
  for (let i = 0; i < d; i++) m.re[i * d + i] = x[i];
  return m;
}

/** The real diagonal (Re a_ii)_i of a square matrix. */
export function realDiagonal(a: CMat): Float64Array {
  const d = a.rows;
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = a.re[i * a.cols + i];
  return out;
}

/** Build from nested arrays (im defaults to zero). Throws if ragged. */
export function fromArrays(re: number[][], im?: number[][]): CMat {
  const rows = re.length;
  const cols = rows ? re[0].length : 0;
  const m = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    if (re[i].length !== cols) throw new Error(`row ${i} has ${re[i].length} entries, expected ${cols}`);
    for (let j = 0; j < cols; j++) {
      m.re[i * cols + j] = re[i][j];
      m.im[i * cols + j] = im ? im[i][j] : 0;
    }
  }
  return m;
}

/** Nested-array JSON form {re, im}. */
export function toJson(a: CMat): CMatJson {
  const re: number[][] = [];
  const im: number[][] = [];
  for (let i = 0; i < a.rows; i++) {
    re.push(Array.from(a.re.subarray(i * a.cols, (i + 1) * a.cols)));
    im.push(Array.from(a.im.subarray(i * a.cols, (i + 1) * a.cols)));
  }
  return { re, im };
}

/** C = A·B, C_ij = Σ_k A_ik B_kj. */
export function mul(a: CMat, b: CMat): CMat {
  if (a.cols !== b.rows) throw new Error(`mul: ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const n = a.rows,
    m = b.cols,
    K = a.cols;
  const c = zeros(n, m);
  const { re: ar, im: ai } = a;
  const { re: br, im: bi } = b;
  const cr = c.re,
    ci = c.im;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const xr = ar[i * K + k],
        xi = ai[i * K + k];
      if (xr === 0 && xi === 0) continue;
      const bo = k * m,
        co = i * m;
      for (let j = 0; j < m; j++) {
        const yr = br[bo + j],
          yi = bi[bo + j];
        cr[co + j] += xr * yr - xi * yi;
        ci[co + j] += xr * yi + xi * yr;
      }
    }
  }
  return c;
}

/** A† (conjugate transpose), (A†)_ij = conj(A_ji). */
export function adjoint(a: CMat): CMat {
  const c = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) {
      c.re[j * a.rows + i] = a.re[i * a.cols + j];
      c.im[j * a.rows + i] = -a.im[i * a.cols + j];
    }
  return c;
}

/** Transpose A^T (no conjugation). */
export function transpose(a: CMat): CMat {
  const c = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) {
      c.re[j * a.rows + i] = a.re[i * a.cols + j];
      c.im[j * a.rows + i] = a.im[i * a.cols + j];
    }
  return c;
}

/** s·A + t·B for real s, t (same shapes). */
export function combine(s: number, a: CMat, t: number, b: CMat): CMat {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error('combine: shape mismatch');
  const c = zeros(a.rows, a.cols);
  for (let k = 0; k < a.re.length; k++) {
    c.re[k] = s * a.re[k] + t * b.re[k];
    c.im[k] = s * a.im[k] + t * b.im[k];
  }
  return c;
}

/** A + B. */
export function add(a: CMat, b: CMat): CMat {
  return combine(1, a, 1, b);
}

/** A − B. */
export function sub(a: CMat, b: CMat): CMat {
  return combine(1, a, -1, b);
}

/** s·A for real s. */
export function scale(a: CMat, s: number): CMat {
  const c = zeros(a.rows, a.cols);
  for (let k = 0; k < a.re.length; k++) {
    c.re[k] = s * a.re[k];
    c.im[k] = s * a.im[k];
  }
  return c;
}

/** (a + ib)·A for a complex scalar. */
export function scaleComplex(a: CMat, sr: number, si: number): CMat {
  const c = zeros(a.rows, a.cols);
  for (let k = 0; k < a.re.length; k++) {
    c.re[k] = sr * a.re[k] - si * a.im[k];
    c.im[k] = sr * a.im[k] + si * a.re[k];
  }
  return c;
}

/** Tr A = Σ_i A_ii as [re, im]. */
export function trace(a: CMat): [number, number] {
  let r = 0,
    i = 0;
  for (let k = 0; k < a.rows; k++) {
    r += a.re[k * a.cols + k];
    i += a.im[k * a.cols + k];
  }
  return [r, i];
}

/** Kronecker product (A⊗B)_{(i,k),(j,l)} = A_ij B_kl, big-endian: A is the more significant factor. */
export function kron(a: CMat, b: CMat): CMat {
  const rows = a.rows * b.rows,
    cols = a.cols * b.cols;
  const c = zeros(rows, cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) {
      const xr = a.re[i * a.cols + j],
        xi = a.im[i * a.cols + j];
      for (let k = 0; k < b.rows; k++)
        for (let l = 0; l < b.cols; l++) {
          const yr = b.re[k * b.cols + l],
            yi = b.im[k * b.cols + l];
          const o = (i * b.rows + k) * cols + j * b.cols + l;
          c.re[o] = xr * yr - xi * yi;
          c.im[o] = xr * yi + xi * yr;
        }
    }
  return c;
}

/** Frobenius norm ‖A‖_F = sqrt(Σ |A_ij|²). */
export function frobeniusNorm(a: CMat): number {
  let s = 0;
  for (let k = 0; k < a.re.length; k++) s += a.re[k] * a.re[k] + a.im[k] * a.im[k];
  return Math.sqrt(s);
}

/** max_ij |A_ij − B_ij|: the entrywise distance used by the precision contract. */
export function maxAbsDiff(a: CMat, b: CMat): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error('maxAbsDiff: shape mismatch');
  let m = 0;
  for (let k = 0; k < a.re.length; k++) m = Math.max(m, Math.hypot(a.re[k] - b.re[k], a.im[k] - b.im[k]));
  return m;
}

/** Hermiticity defect max_ij |A_ij − conj(A_ji)|. */
export function hermiticityError(a: CMat): number {
  const d = a.rows;
  let m = 0;
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      const dr = a.re[i * d + j] - a.re[j * d + i];
      const di = a.im[i * d + j] + a.im[j * d + i];
      m = Math.max(m, Math.hypot(dr, di));
    }
  return m;
}

/** The Hermitian part (A + A†)/2, used to remove round-off asymmetry before eigensolving. */
export function hermitianPart(a: CMat): CMat {
  return scale(add(a, adjoint(a)), 0.5);
}

/** Outer product |u><v| = u v† of complex vectors given as (re, im) arrays. */
export function outer(ur: ArrayLike<number>, ui: ArrayLike<number>, vr: ArrayLike<number>, vi: ArrayLike<number>): CMat {
  const n = ur.length,
    m = vr.length;
  const c = zeros(n, m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      c.re[i * m + j] = ur[i] * vr[j] + ui[i] * vi[j];
      c.im[i * m + j] = ui[i] * vr[j] - ur[i] * vi[j];
    }
  return c;
}

/** Elementwise squared modulus |A|∘², (|A|∘²)_ij = |A_ij|². */
export function squaredModuli(a: CMat): Float64Array {
  const out = new Float64Array(a.re.length);
  for (let k = 0; k < out.length; k++) out[k] = a.re[k] * a.re[k] + a.im[k] * a.im[k];
  return out;
}

/** Sub-block of rows [r0, r0+nr) and cols [c0, c0+nc). */
export function block(a: CMat, r0: number, c0: number, nr: number, nc: number): CMat {
  const c = zeros(nr, nc);
  for (let i = 0; i < nr; i++)
    for (let j = 0; j < nc; j++) {
      c.re[i * nc + j] = a.re[(r0 + i) * a.cols + c0 + j];
      c.im[i * nc + j] = a.im[(r0 + i) * a.cols + c0 + j];
    }
  return c;
}

/** The 2×2 block matrix [[A, B], [C, D]] of equal-size square blocks. */
export function blockMatrix(a: CMat, b: CMat, c: CMat, d: CMat): CMat {
  const n = a.rows;
  const m = zeros(2 * n, 2 * n);
  const parts: [CMat, number, number][] = [
    [a, 0, 0],
    [b, 0, n],
    [c, n, 0],
    [d, n, n],
  ];
  for (const [p, r0, c0] of parts)
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        m.re[(r0 + i) * 2 * n + c0 + j] = p.re[i * n + j];
        m.im[(r0 + i) * 2 * n + c0 + j] = p.im[i * n + j];
      }
  return m;
}
