/**
 * The HQRN on tfjs tensors (float32), batched. Same mathematics as src/core/hqrn/qrb.ts, which is
 * the reference these functions are tested against (docs/math.md §9: 1e-4 absolute).
 *
 * States travel packed, one row per state (src/core/hqrn/packing.ts fixes the index order):
 *   v = [ρ_00 … ρ_{d−1,d−1},  Re ρ_{ii'} (i<i'),  Im ρ_{ii'} (i<i')]  ∈ R^{d²},
 * so a block is z = c·V Fᵀ + b (one real matMul), q = N(σ(z)), V' = αV + (1−α)[q, 0].
 * Every function here is differentiable in its tensor arguments (training uses them), and
 * none reads data back: callers decide when to sync.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../../src/core/hqrn/activation';
import { pairIndices as corePairIndices } from '../../../src/core/hqrn/packing';

const DEAD = 1e-12;

/** The pairs (i, i') in packed order (src/core/hqrn/packing.ts), cached per d. */
const pairCache = new Map<number, { i: Int32Array; k: Int32Array }>();
function pairIndices(d: number): { i: Int32Array; k: Int32Array } {
  let p = pairCache.get(d);
  if (!p) {
    p = corePairIndices(d);
    pairCache.set(d, p);
  }
  return p;
}

/**
 * F (d×d²) with p_j = (F v)_j = (A ρ A†)_jj, from A = aRe + i·aIm (d×d):
 *   F[j, i] = |A_ji|²,  F[j, (i,k)] = 2 Re(A_ji conj A_jk),  F[j, (i,k)'] = −2 Im(A_ji conj A_jk).
 */
export function measurementMatrixT(aRe: tf.Tensor2D, aIm: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const d = aRe.shape[0];
    const diag = tf.add(tf.square(aRe), tf.square(aIm));
    if (d === 1) return diag as tf.Tensor2D;
    const { i, k } = pairIndices(d);
    const ti = tf.tensor1d(i, 'int32'),
      tk = tf.tensor1d(k, 'int32');
    const rI = tf.gather(aRe, ti, 1),
      rK = tf.gather(aRe, tk, 1);
    const iI = tf.gather(aIm, ti, 1),
      iK = tf.gather(aIm, tk, 1);
    const re = tf.add(tf.mul(rI, rK), tf.mul(iI, iK));
    const im = tf.sub(tf.mul(iI, rK), tf.mul(rI, iK));
    return tf.concat([diag, tf.mul(re, 2), tf.mul(im, -2)], 1) as tf.Tensor2D;
  });
}

/**
 * The 0/1 selection matrices of the packed pairs (i, k), i < k: A S_I = columns i, A S_K =
 * columns k of A (d × P each). A product instead of tf.gather: its gradient is a product too
 * (the gather's needs index uploads and a scatter).
 */
export function pairSelectionT(d: number): { sI: tf.Tensor2D; sK: tf.Tensor2D } {
  const { i, k } = pairIndices(d);
  const P = i.length;
  const a = new Float32Array(d * P),
    b = new Float32Array(d * P);
  for (let p = 0; p < P; p++) {
    a[i[p] * P + p] = 1;
    b[k[p] * P + p] = 1;
  }
  return { sI: tf.tensor2d(a, [d, P]), sK: tf.tensor2d(b, [d, P]) };
}

/**
 * Ω = c (F+ − F−) from the stacked contractions R = [Re A+; Re A−], M = [Im A+; Im A−]
 * (2d × d): F of both in one pass (four products with the selection matrices), then the
 * difference of the halves. The same arithmetic as omegaT, element by element.
 */
export function omegaStackedT(r: tf.Tensor2D, m: tf.Tensor2D, sel: { sI: tf.Tensor2D; sK: tf.Tensor2D }, gain: number): tf.Tensor2D {
  return tf.tidy(() => {
    const d = r.shape[1];
    const diag = tf.add(tf.square(r), tf.square(m));
    let f: tf.Tensor2D = diag as tf.Tensor2D;
    if (d > 1) {
      const rI = tf.matMul(r, sel.sI),
        rK = tf.matMul(r, sel.sK);
      const iI = tf.matMul(m, sel.sI),
        iK = tf.matMul(m, sel.sK);
      const re = tf.add(tf.mul(rI, rK), tf.mul(iI, iK));
      const im = tf.sub(tf.mul(iI, rK), tf.mul(rI, iK));
      f = tf.concat([diag, tf.mul(re, 2), tf.mul(im, -2)], 1) as tf.Tensor2D;
    }
    const [fp, fm] = tf.split(f, 2, 0);
    const omega = tf.sub(fp, fm) as tf.Tensor2D;
    return gain === 1 ? omega : (tf.mul(omega, gain) as tf.Tensor2D);
  });
}

/** Ω = c (F+ − F−) (d×d²): z = V Ωᵀ + b. */
export function omegaT(aPlusRe: tf.Tensor2D, aPlusIm: tf.Tensor2D, aMinusRe: tf.Tensor2D, aMinusIm: tf.Tensor2D, gain: tf.Scalar | number): tf.Tensor2D {
  return tf.tidy(() => tf.mul(tf.sub(measurementMatrixT(aPlusRe, aPlusIm), measurementMatrixT(aMinusRe, aMinusIm)), gain) as tf.Tensor2D);
}

/** W_c = c (|A+|∘² − |A−|∘²) (d×d): the classical analog's weights. */
export function analogWeightsT(
  aPlusRe: tf.Tensor2D,
  aPlusIm: tf.Tensor2D,
  aMinusRe: tf.Tensor2D,
  aMinusIm: tf.Tensor2D,
  gain: tf.Scalar | number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const p = tf.add(tf.square(aPlusRe), tf.square(aPlusIm));
    const m = tf.add(tf.square(aMinusRe), tf.square(aMinusIm));
    return tf.mul(tf.sub(p, m), gain) as tf.Tensor2D;
  });
}

/**
 * q = N(σ(z)) row-wise with the dead rule (docs/math.md §2): Σ_j σ(z_j) ≤ 1e-12 ⇒ q = 1/d, dead = 1.
 * exp: q = softmax(z), dead iff logsumexp(z) ≤ ln 1e-12 (as in src/core/hqrn/activation.ts).
 * Returns q (n×d) and dead (n, float 0/1). Gradients never see 0/0, and none flows through a
 * dead row's normalisation.
 */
export function activateAndNormaliseT(activation: Activation, z: tf.Tensor2D): { q: tf.Tensor2D; dead: tf.Tensor1D } {
  return tf.tidy(() => {
    const d = z.shape[1];
    if (activation === 'exp') {
      const uniform = tf.fill(z.shape, 1 / d);
      const lse = tf.logSumExp(z, 1, true);
      const deadMask = tf.lessEqual(lse, Math.log(DEAD));
      const q = tf.where(tf.broadcastTo(deadMask, z.shape), uniform, tf.exp(tf.sub(z, lse)));
      return { q: q as tf.Tensor2D, dead: tf.cast(tf.reshape(deadMask, [-1]), 'float32') as tf.Tensor1D };
    }
    const { q, e } = normaliseT(activation, z);
    return { q: q as tf.Tensor2D, dead: tf.reshape(e, [-1]) as tf.Tensor1D };
  });
}

/**
 * a = σ(z) and its normalisation q = N(a) with the dead rule, for σ = relu, softplus, sigmoid
 * (z: n×d). e = 1 where the block is dead (also for NaN sums), else 0. Arithmetic instead of
 * tf.where, whose broadcast (a Tile and its gradient) cost a fifth of a training step:
 *   r = (1 − e)/(s + e)  (1/s live, 0 dead: no gradient through dead rows),
 *   q = a·r + e/d        (a/s live, 1/d dead).
 * Callers own the tensors (inside their tidy or customGrad).
 */
function normaliseT(activation: Activation, z: tf.Tensor): { a: tf.Tensor; e: tf.Tensor; r: tf.Tensor; q: tf.Tensor } {
  const d = z.shape[z.shape.length - 1];
  const a = activation === 'relu' ? tf.relu(z) : activation === 'softplus' ? tf.softplus(z) : tf.sigmoid(z);
  const s = tf.sum(a, 1, true);
  const e = tf.cast(tf.logicalNot(tf.greater(s, DEAD)), 'float32');
  const r = tf.div(tf.sub(1, e), tf.add(s, e));
  const q = tf.add(tf.mul(a, r), tf.mul(e, 1 / d));
  return { a, e, r, q };
}

/**
 * The backward of normaliseT then σ, given dq (n×d): dz = r ∘ (dq − Σ_j dq_j q_j) ∘ σ'(z),
 * σ' = [a > 0] (relu), sigmoid(z) (softplus), a(1 − a) (sigmoid).
 */
function normaliseBackwardT(activation: Activation, dq: tf.Tensor, a: tf.Tensor, r: tf.Tensor, q: tf.Tensor, z: tf.Tensor): tf.Tensor2D {
  const da = tf.mul(tf.sub(dq, tf.sum(tf.mul(dq, q), 1, true)), r);
  const dsigma = activation === 'relu' ? tf.step(a) : activation === 'softplus' ? tf.sigmoid(z) : tf.mul(a, tf.sub(1, a));
  return tf.mul(da, dsigma) as tf.Tensor2D;
}

/** Depolarising channel on packed states: V ↦ (1 − λ) V + λ [1/d, …, 1/d, 0, …, 0]. */
export function depolarisePackedT(v: tf.Tensor2D, d: number, lambda: number): tf.Tensor2D {
  return tf.tidy(() => {
    const D = v.shape[1];
    const shift = tf.concat([tf.fill([1, d], lambda / d), tf.zeros([1, D - d])], 1);
    return tf.add(tf.mul(v, 1 - lambda), shift) as tf.Tensor2D;
  });
}

/**
 * One block on packed states V (n×d²) given Ω (d×d²): returns V', z, q, dead. With noise λ > 0
 * the block acts on the depolarised input (1 − λ) ρ + λ I/d (the noise study).
 */
export function applyBlockPackedT(
  vIn: tf.Tensor2D,
  omega: tf.Tensor2D,
  bias: tf.Tensor1D,
  alpha: number,
  activation: Activation,
  d: number,
  noise = 0,
): { v: tf.Tensor2D; z: tf.Tensor2D; q: tf.Tensor2D; dead: tf.Tensor1D } {
  return tf.tidy(() => {
    const v = noise > 0 ? depolarisePackedT(vIn, d, noise) : vIn;
    const z = tf.add(tf.matMul(v, omega, false, true), bias) as tf.Tensor2D;
    return { ...mixPacked(v, z, alpha, activation, d), z };
  });
}

function mixPacked(v: tf.Tensor2D, z: tf.Tensor2D, alpha: number, activation: Activation, d: number) {
  const { q, dead } = activateAndNormaliseT(activation, z);
  const D = v.shape[1];
  const padded =
    D > d
      ? tf.pad(q, [
          [0, 0],
          [0, D - d],
        ])
      : q;
  const next = tf.add(tf.mul(v, alpha), tf.mul(padded, 1 - alpha)) as tf.Tensor2D;
  return { v: next, q, dead };
}

/**
 * A block on packed states with z given from outside (finite shots: z = c(p̂+ − p̂−) + b
 * is computed from sampled counts on the CPU side).
 */
export function mixWithZ(v: tf.Tensor2D, z: tf.Tensor2D, alpha: number, activation: Activation, d: number) {
  return tf.tidy(() => mixPacked(v, z, alpha, activation, d));
}

/** Activations whose classical block has a written-out gradient (classicalBlockT). */
export const WRITTEN_OUT: readonly Activation[] = ['relu', 'softplus', 'sigmoid'];

/**
 * The classical block X' = αX + (1−α) N(σ(X Wᵀ + b)) for σ = relu, softplus, sigmoid, with its
 * gradient written out (a training step's kernels were mostly the tape's — every op's
 * gradient, its broadcast reductions and saved clones). Forward: the same operations as
 * applyClassicalT. Backward, with r = (1 − e)/(s + e) (1/s live, 0 dead) and q = a·r + e/d:
 *   dq = (1−α) dY,  da = r ∘ (dq − Σ_j dq_j q_j),  dz = da ∘ σ'(z),
 *   dX = α dY + dz W,  dW = dzᵀ X,  db = Σ_rows dz,
 * σ' = [a > 0] (relu), sigmoid(z) (softplus), a(1 − a) (sigmoid).
 * (∂q_j/∂a_i = r(δ_ij − q_j) on live rows; dead rows pass no gradient, as before.)
 */
export function classicalBlockT(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, alpha: number, activation: Activation): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xx, ww, bb] = args as tf.Tensor[];
    const save = args[3] as tf.GradSaveFunc;
    const z = tf.add(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D, false, true), bb);
    const { a, r, q } = normaliseT(activation, z);
    save([xx, ww, a, r, q, z]);
    return {
      value: tf.add(tf.mul(xx, alpha), tf.mul(q, 1 - alpha)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw, sa, sr, sq, sz] = saved;
        const dz = normaliseBackwardT(activation, tf.mul(dy, 1 - alpha), sa, sr, sq, sz);
        return [tf.add(tf.mul(dy, alpha), tf.matMul(dz, sw as tf.Tensor2D)), tf.matMul(dz, sx as tf.Tensor2D, true, false), tf.sum(dz, 0)];
      },
    };
  });
  return f(x, w, bias) as tf.Tensor2D;
}

/**
 * One QRB on packed states with its gradient written out (training): V' = αV + (1−α)[q, 0],
 * q = N(σ(V Ωᵀ + b)) — classicalBlockT's backward with Ω (d × d²) for W and the padding:
 *   dq = (1−α) dV'[:, :d],  dV = α dV' + dz Ω,  dΩ = dzᵀ V,  db = Σ_rows dz.
 */
export function packedBlockT(v: tf.Tensor2D, omega: tf.Tensor2D, bias: tf.Tensor1D, alpha: number, activation: Activation): tf.Tensor2D {
  const d = omega.shape[0],
    D = v.shape[1];
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [vv, om, bb] = args as tf.Tensor[];
    const save = args[3] as tf.GradSaveFunc;
    const z = tf.add(tf.matMul(vv as tf.Tensor2D, om as tf.Tensor2D, false, true), bb);
    const { a, r, q } = normaliseT(activation, z);
    save([vv, om, a, r, q, z]);
    const padded =
      D > d
        ? tf.pad(q, [
            [0, 0],
            [0, D - d],
          ])
        : q;
    return {
      value: tf.add(tf.mul(vv, alpha), tf.mul(padded, 1 - alpha)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sv, so, sa, sr, sq, sz] = saved;
        const dz = normaliseBackwardT(activation, tf.mul(D > d ? tf.slice(dy, [0, 0], [-1, d]) : dy, 1 - alpha), sa, sr, sq, sz);
        return [tf.add(tf.mul(dy, alpha), tf.matMul(dz, so as tf.Tensor2D)), tf.matMul(dz, sv as tf.Tensor2D, true, false), tf.sum(dz, 0)];
      },
    };
  });
  return f(v, omega, bias) as tf.Tensor2D;
}

/** One classical residual block on X (n×d): X' = αX + (1−α) N(σ(X Wᵀ + b)). */
export function applyClassicalT(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  bias: tf.Tensor1D,
  alpha: number,
  activation: Activation,
): { x: tf.Tensor2D; q: tf.Tensor2D; dead: tf.Tensor1D } {
  return tf.tidy(() => {
    const z = tf.add(tf.matMul(x, w, false, true), bias) as tf.Tensor2D;
    const { q, dead } = activateAndNormaliseT(activation, z);
    return { x: tf.add(tf.mul(x, alpha), tf.mul(q, 1 - alpha)) as tf.Tensor2D, q, dead };
  });
}

/** Readout logits X Rᵀ + r (n×C); probabilities = softmax of them. */
export function readoutLogitsT(x: tf.Tensor2D, weights: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, weights, false, true), bias) as tf.Tensor2D);
}

/** The diagonal of packed states: the first d columns. */
export function packedDiagonalT(v: tf.Tensor2D, d: number): tf.Tensor2D {
  return tf.slice(v, [0, 0], [-1, d]);
}
