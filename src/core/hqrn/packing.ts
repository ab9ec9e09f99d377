/**
 * The packed form of Hermitian states (docs/math.md §2): the ONE place that fixes its index
 * convention. A d×d Hermitian ρ is d² real numbers
 *   v = [ρ_00 … ρ_{d−1,d−1},  Re ρ_{ii'} (i<i'),  Im ρ_{ii'} (i<i')]   (pairs in row-major order),
 * the P = d(d−1)/2 pairs (i, i') in the order i = 0…d−1, i' = i+1…d−1. The float64 core
 * (qrb.ts), the tfjs engine (workers/engine/forward) and training all use these functions.
 *
 * Batches are n states one after the other: matrices n×d×d (re/im, row-major), packed rows
 * n×d². The batch forms write float32 (the engine's tensors); the single-state forms float64.
 */
import { type CMat, zeros } from '../math/complex';

/** Number of upper-triangle pairs i < i' of a d×d matrix: P = d(d−1)/2. */
export function pairCount(d: number): number {
  return (d * (d - 1)) / 2;
}

/** The pairs (i, i'), i < i', in packed order (length P each). */
export function pairIndices(d: number): { i: Int32Array; k: Int32Array } {
  const P = pairCount(d);
  const i = new Int32Array(P),
    k = new Int32Array(P);
  let p = 0;
  for (let a = 0; a < d; a++)
    for (let b = a + 1; b < d; b++) {
      i[p] = a;
      k[p] = b;
      p++;
    }
  return { i, k };
}

/**
 * Pack the Hermitian matrix (re, im) (d×d, row-major, read from `inOffset`) into
 * out[outOffset … outOffset + d²) — only its diagonal and upper triangle are read.
 * `withDiagonal` false writes the 2P off-diagonal numbers only (out width d² − d).
 */
export function packInto(
  re: ArrayLike<number>,
  im: ArrayLike<number>,
  d: number,
  out: Float64Array | Float32Array,
  inOffset = 0,
  outOffset = 0,
  withDiagonal = true,
): void {
  const P = pairCount(d);
  const o = withDiagonal ? outOffset + d : outOffset;
  let p = 0;
  for (let i = 0; i < d; i++) {
    if (withDiagonal) out[outOffset + i] = re[inOffset + i * d + i];
    for (let k = i + 1; k < d; k++) {
      out[o + p] = re[inOffset + i * d + k];
      out[o + P + p] = im[inOffset + i * d + k];
      p++;
    }
  }
}

/**
 * Inverse of packInto: write the Hermitian matrix of the packed v[vOffset …] into
 * (re, im)[outOffset … outOffset + d²). The off-diagonals are multiplied by `offScale`
 * (1: plain unpacking); `diagonal`, when given, replaces the packed diagonal
 * (diagonal[diagOffset … diagOffset + d)) and `v` then holds only the 2P off-diagonal numbers.
 */
export function unpackInto(
  v: ArrayLike<number>,
  d: number,
  re: Float64Array | Float32Array,
  im: Float64Array | Float32Array,
  vOffset = 0,
  outOffset = 0,
  offScale = 1,
  diagonal?: { x: ArrayLike<number>; offset: number },
): void {
  const P = pairCount(d);
  const o = diagonal ? vOffset : vOffset + d;
  let p = 0;
  for (let i = 0; i < d; i++) {
    re[outOffset + i * d + i] = diagonal ? diagonal.x[diagonal.offset + i] : v[vOffset + i];
    im[outOffset + i * d + i] = 0;
    for (let k = i + 1; k < d; k++) {
      const r = offScale * v[o + p],
        m = offScale * v[o + P + p];
      re[outOffset + i * d + k] = r;
      im[outOffset + i * d + k] = m;
      re[outOffset + k * d + i] = r;
      im[outOffset + k * d + i] = -m;
      p++;
    }
  }
}

/** Pack a (Hermitian) density matrix into v ∈ R^{d²}. */
export function packState(rho: CMat, out: Float64Array = new Float64Array(rho.rows * rho.rows), offset = 0): Float64Array {
  packInto(rho.re, rho.im, rho.rows, out, 0, offset);
  return out;
}

/** Inverse of packState: the Hermitian matrix with the packed diagonal and upper triangle. */
export function unpackState(v: ArrayLike<number>, d: number, offset = 0): CMat {
  const rho = zeros(d, d);
  unpackInto(v, d, rho.re, rho.im, offset);
  return rho;
}

/** Pack a batch (n×d×d re/im) into V (n×d², float32). */
export function packStates(re: ArrayLike<number>, im: ArrayLike<number>, n: number, d: number): Float32Array {
  const D = d * d;
  const out = new Float32Array(n * D);
  for (let s = 0; s < n; s++) packInto(re, im, d, out, s * D, s * D);
  return out;
}

/** The off-diagonal part of a batch (n×(d² − d), float32): the last 2P columns of packStates. */
export function packOffDiagonals(re: ArrayLike<number>, im: ArrayLike<number>, n: number, d: number): Float32Array {
  const D = d * d;
  const out = new Float32Array(n * (D - d));
  for (let s = 0; s < n; s++) packInto(re, im, d, out, s * D, s * (D - d), false);
  return out;
}

/** Packed form [x, 0, …, 0] (n×d², float32) of the diagonal states diag(x_s), x given as n×d rows. */
export function packDiagonals(x: ArrayLike<number>, n: number, d: number): Float32Array {
  const D = d * d;
  const out = new Float32Array(n * D);
  for (let s = 0; s < n; s++) for (let i = 0; i < d; i++) out[s * D + i] = x[s * d + i];
  return out;
}

/** Unpack V (n×d²) into n Hermitian d×d matrices (re/im, row-major, float32). */
export function unpackStates(v: ArrayLike<number>, n: number, d: number): { re: Float32Array; im: Float32Array } {
  const D = d * d;
  const re = new Float32Array(n * D),
    im = new Float32Array(n * D);
  for (let s = 0; s < n; s++) unpackInto(v, d, re, im, s * D, s * D);
  return { re, im };
}

/**
 * The states with diagonals x (n×d) and off-diagonals `offScale` × those of `off`
 * (n×(d² − d), packOffDiagonals; absent: all zero), as n×d×d re/im (float32).
 * The quantum chain's ρ^(k): the residual mixes only scale the off-diagonals,
 * ρ^(k)_ii' = A_k ρ^(0)_ii' (i ≠ i'), A_k = α_1 ⋯ α_k (docs/math.md §2).
 */
export function statesFromDiagonals(
  x: ArrayLike<number>,
  off: ArrayLike<number> | undefined,
  n: number,
  d: number,
  offScale: number,
): { re: Float32Array; im: Float32Array } {
  const D = d * d;
  const re = new Float32Array(n * D),
    im = new Float32Array(n * D);
  if (!off || offScale === 0) {
    for (let s = 0; s < n; s++) for (let i = 0; i < d; i++) re[s * D + i * d + i] = x[s * d + i];
    return { re, im };
  }
  for (let s = 0; s < n; s++) unpackInto(off, d, re, im, s * (D - d), s * D, offScale, { x, offset: s * d });
  return { re, im };
}

/** True when every off-diagonal entry of every state of the batch (n×d×d re/im) is exactly 0. */
export function isDiagonalBatch(re: ArrayLike<number>, im: ArrayLike<number>, n: number, d: number): boolean {
  const D = d * d;
  for (let k = 0; k < n * D; k++) {
    if ((re[k] !== 0 || im[k] !== 0) && (k % D) % (d + 1) !== 0) return false;
  }
  return true;
}

/** x^(0) = diag(ρ_s) of each state of a batch (n×d×d re/im → n×d, float32). */
export function diagonalsOf(re: ArrayLike<number>, n: number, d: number): Float32Array {
  const D = d * d;
  const x = new Float32Array(n * d);
  for (let s = 0; s < n; s++) for (let i = 0; i < d; i++) x[s * d + i] = re[s * D + i * d + i];
  return x;
}
