/**
 * The Quantum Residual Block and the stack: the quantum path (docs/math.md §2).
 *
 * Fast form. A density matrix is Hermitian, so it is fixed by d² real numbers, packed as
 *   v = [ρ_00 … ρ_{d−1,d−1},  Re ρ_{ii'} (i<i'),  Im ρ_{ii'} (i<i')]   (packing.ts fixes the order).
 * The measured probabilities are linear in v:
 *   p±_j = Σ_{i,i'} A±_{ji} ρ_{ii'} conj(A±_{ji'}) = (F± v)_j,
 *   F±[j, i]       = |A±_{ji}|²,
 *   F±[j, (i,i')]  = 2 Re(A±_{ji} conj(A±_{ji'}))        (coefficient of Re ρ_{ii'}),
 *   F±[j, (i,i')'] = −2 Im(A±_{ji} conj(A±_{ji'}))       (coefficient of Im ρ_{ii'}),
 * so z = c (F+ − F−) v + b = c Ω vec(ρ) + b is one real d×d² matrix–vector product, and the
 * residual mix ρ' = α ρ + (1 − α) diag(q) is v' = α v + (1 − α) [q; 0; 0].
 * `applyQrbReference` computes A ρ A† directly; the tests check one against the other.
 */
import { activateAndNormalise } from './activation';
import { type CMat, adjoint, diagonalMatrix, mul, realDiagonal, zeros } from '../math/complex';
import type { QuantumBlock } from './model';
import type { Rng } from '../math/rng';
import { estimateAncillaZeroProbabilities } from './shots';
import { pairCount, packState, unpackState } from './packing';

export { pairCount, packState, unpackState } from './packing';

/** F (d×d², row-major) with p_j = (F v)_j = (A ρ A†)_jj; see the module comment. */
export function measurementMatrix(a: CMat): Float64Array {
  const d = a.rows;
  const D = d * d;
  const P = pairCount(d);
  const f = new Float64Array(d * D);
  for (let j = 0; j < d; j++) {
    const o = j * D;
    const ar = a.re.subarray(j * d, j * d + d),
      ai = a.im.subarray(j * d, j * d + d);
    let p = 0;
    for (let i = 0; i < d; i++) {
      f[o + i] = ar[i] * ar[i] + ai[i] * ai[i];
      for (let k = i + 1; k < d; k++) {
        // A_ji conj(A_jk) = (ar_i + i ai_i)(ar_k − i ai_k)
        const re = ar[i] * ar[k] + ai[i] * ai[k];
        const im = ai[i] * ar[k] - ar[i] * ai[k];
        f[o + d + p] = 2 * re;
        f[o + d + P + p] = -2 * im;
        p++;
      }
    }
  }
  return f;
}

/** A block prepared for repeated application: Ω in packed form and its parameters. */
export interface CompiledBlock {
  d: number;
  block: QuantumBlock;
  /** c (F+ − F−): z = omega·v + b. */
  omega: Float64Array;
  /** F+ and F− separately (needed for finite shots), built on first use. */
  fPlus?: Float64Array;
  fMinus?: Float64Array;
}

/** Precompute Ω = c(F+ − F−) for a block. */
export function compileBlock(block: QuantumBlock): CompiledBlock {
  const d = block.aPlus.rows;
  const fp = measurementMatrix(block.aPlus);
  const fm = measurementMatrix(block.aMinus);
  const omega = new Float64Array(fp.length);
  for (let k = 0; k < omega.length; k++) omega[k] = block.gain * (fp[k] - fm[k]);
  return { d, block, omega, fPlus: fp, fMinus: fm };
}

/** y = M v for a row-major rows×cols matrix M (cols = v.length). */
function matVec(m: Float64Array, v: ArrayLike<number>, rows: number, cols: number, vOffset = 0, out = new Float64Array(rows)): Float64Array {
  for (let j = 0; j < rows; j++) {
    const o = j * cols;
    let s = 0;
    for (let i = 0; i < cols; i++) s += m[o + i] * v[vOffset + i];
    out[j] = s;
  }
  return out;
}

export interface ShotOptions {
  /** N_s shots per unitary; absent or 0 = exact probabilities. */
  shots?: number;
  rng?: Rng;
  /**
   * Depolarising noise λ ∈ [0, 1] on each block's input (the noise study beyond the paper):
   * the block acts on (1 − λ) ρ + λ I/d instead of ρ. 0 or absent: noiseless (docs/math.md).
   */
  noise?: number;
}

/** The depolarising channel on a packed state: v ↦ (1 − λ) v + λ [1/d, …, 1/d, 0, …, 0]. */
export function depolarisePacked(v: ArrayLike<number>, d: number, lambda: number): Float64Array {
  if (!(lambda >= 0 && lambda <= 1)) throw new Error(`noise: λ must be in [0, 1], got ${lambda}`);
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = (1 - lambda) * v[k];
  for (let j = 0; j < d; j++) out[j] += lambda / d;
  return out;
}

export interface QrbResult {
  /** Packed state after the block. */
  v: Float64Array;
  /** Pre-activation z = c(p+ − p−) + b. */
  z: Float64Array;
  /** Block output q = N(σ(z)). */
  q: Float64Array;
  dead: boolean;
}

/**
 * One QRB on a packed state: z = c(p+ − p−) + b, q = N(σ(z)), v' = α v + (1 − α)[q; 0; 0].
 * With shots, p± are replaced by the finite-shot estimates p̂± (docs/math.md §5); with noise λ the
 * block acts on (1 − λ) ρ + λ I/d.
 */
export function applyCompiledQrb(cb: CompiledBlock, vIn: ArrayLike<number>, opts: ShotOptions = {}): QrbResult {
  const { d, block } = cb;
  const v = opts.noise ? depolarisePacked(vIn, d, opts.noise) : vIn;
  const D = d * d;
  let z: Float64Array;
  if (opts.shots && opts.shots > 0) {
    if (!opts.rng) throw new Error('finite shots need a seeded rng');
    const fp = (cb.fPlus ??= measurementMatrix(block.aPlus));
    const fm = (cb.fMinus ??= measurementMatrix(block.aMinus));
    const pp = estimateAncillaZeroProbabilities(matVec(fp, v, d, D), opts.shots, opts.rng);
    const pm = estimateAncillaZeroProbabilities(matVec(fm, v, d, D), opts.shots, opts.rng);
    z = new Float64Array(d);
    for (let j = 0; j < d; j++) z[j] = block.gain * (pp[j] - pm[j]);
  } else {
    z = matVec(cb.omega, v, d, D);
  }
  for (let j = 0; j < d; j++) z[j] += block.bias[j];
  const q = new Float64Array(d);
  const dead = activateAndNormalise(block.activation, z, q);
  const out = new Float64Array(D);
  const a = block.alpha;
  for (let k = 0; k < D; k++) out[k] = a * v[k];
  for (let j = 0; j < d; j++) out[j] += (1 - a) * q[j];
  return { v: out, z, q, dead };
}

/** One QRB on a density matrix: ρ' = α ρ + (1 − α) diag(N(σ(c(p+ − p−) + b))). */
export function applyQrb(block: QuantumBlock, rho: CMat, opts: ShotOptions = {}): { rho: CMat; z: Float64Array; q: Float64Array; dead: boolean } {
  const r = applyCompiledQrb(compileBlock(block), packState(rho), opts);
  return { rho: unpackState(r.v, rho.rows), z: r.z, q: r.q, dead: r.dead };
}

/**
 * Reference QRB, straight from the definition: p± = diag(A± ρ A±†), the same steps 2–4.
 * Used only to check the packed fast path.
 */
export function applyQrbReference(block: QuantumBlock, rho: CMat): { rho: CMat; q: Float64Array; dead: boolean } {
  const d = rho.rows;
  const pp = realDiagonal(mul(mul(block.aPlus, rho), adjoint(block.aPlus)));
  const pm = realDiagonal(mul(mul(block.aMinus, rho), adjoint(block.aMinus)));
  const z = new Float64Array(d);
  for (let j = 0; j < d; j++) z[j] = block.gain * (pp[j] - pm[j]) + block.bias[j];
  const q = new Float64Array(d);
  const dead = activateAndNormalise(block.activation, z, q);
  const dq = diagonalMatrix(q);
  const out = zeros(d, d);
  for (let k = 0; k < d * d; k++) {
    out.re[k] = block.alpha * rho.re[k] + (1 - block.alpha) * dq.re[k];
    out.im[k] = block.alpha * rho.im[k];
  }
  return { rho: out, q, dead };
}

export interface QuantumLayer {
  rho: CMat;
  z: Float64Array;
  q: Float64Array;
  dead: boolean;
}

/** ρ^(k) for k = 1..K through a stack (exact, or with N_s shots per unitary per block). */
export function quantumForward(blocks: readonly QuantumBlock[], rho0: CMat, opts: ShotOptions = {}): QuantumLayer[] {
  const d = rho0.rows;
  let v: Float64Array = packState(rho0);
  const layers: QuantumLayer[] = [];
  for (const b of blocks) {
    const r = applyCompiledQrb(compileBlock(b), v, opts);
    layers.push({ rho: unpackState(r.v, d), z: r.z, q: r.q, dead: r.dead });
    v = r.v;
  }
  return layers;
}

/**
 * Batched quantum path on packed states (n × d², row-major): returns the packed states after
 * the last block and the number of dead block applications. Exact probabilities only.
 */
export function quantumForwardBatch(compiled: readonly CompiledBlock[], v0: Float64Array, d: number): { v: Float64Array; deadCount: number } {
  const D = d * d;
  const n = v0.length / D;
  const v = v0.slice();
  const z = new Float64Array(d);
  const q = new Float64Array(d);
  let deadCount = 0;
  for (const cb of compiled) {
    const { omega, block } = cb;
    const a = block.alpha,
      bias = block.bias;
    for (let s = 0; s < n; s++) {
      const vo = s * D;
      matVec(omega, v, d, D, vo, z);
      for (let j = 0; j < d; j++) z[j] += bias[j];
      if (activateAndNormalise(block.activation, z, q)) deadCount++;
      for (let k = vo; k < vo + D; k++) v[k] *= a;
      for (let j = 0; j < d; j++) v[vo + j] += (1 - a) * q[j];
    }
  }
  return { v, deadCount };
}
