/**
 * A plain-TypeScript float64 trainer for two-qubit (d = 4, or any d) HQRN classifiers with
 * analytic gradients (the "Best" entanglement model, docs/experiments/best-entanglement.md). It trains exactly the model
 * of docs/math.md §2 and §6, end to end, with Adam, and writes an hqrn-model file (§10) that the
 * float64 core (`hqrn predict`) evaluates to the same predictions.
 *
 * Parametrisation (§4, "training the quantum path directly"): unconstrained complex Ã± (d×d)
 * and gain c = 1 while training; on export s = (1 + 1e-6)·max(‖Ã+‖₂, ‖Ã−‖₂)², A± = Ã±/√s,
 * c = s, which leaves the map unchanged. Initialisation, parameter scales, Adam and shuffles:
 * the one training definition of docs/math.md §6 (./trainingDefinition.ts), shared with the
 * studio's tfjs trainer.
 *
 * Forward for one state ρ (d×d), block k = 1..K with residual weight α_k:
 *   p±_j = Σ_{i,i'} Ã±_{ji} ρ_{ii'} conj(Ã±_{ji'}) = Re Σ_i Ã±_{ji} v±_{ji},  v±_{ji} = Σ_{i'} ρ_{ii'} conj(Ã±_{ji'})
 *   z = p+ − p− + b,  a = σ(z),  q = a / Σa  (dead block if Σa ≤ 1e-12: q = 1/d, no gradient)
 *   ρ' = α ρ + (1 − α) diag(q)   — off-diagonals only shrink, so we keep ρ's off-diagonal part
 *   O scaled by Π α and propagate the diagonal x.
 *   readout: y = softmax(R x^(K) + r), loss −ln y_label.
 * Gradients (real loss L, g_j = ∂L/∂p_j):
 *   ∂p_j/∂Re Ã_{ji} = 2 Re v_{ji},  ∂p_j/∂Im Ã_{ji} = −2 Im v_{ji},  ∂p_j/∂x_i = |Ã_{ji}|²;
 *   ∂q_j/∂a_m = (δ_{jm} − q_j)/Σa;  ∂x^(k)/∂x^(k−1) = α I + (1 − α) ∂q/∂x^(k−1).
 * Checked against finite differences in hqrnFit.test.ts.
 *
 * States are packed as Float64Array rows of 2d² numbers: Re ρ (row-major) then Im ρ.
 */
import type { Activation } from './activation';
import type { CMat } from '../math/complex';
import { adamState, adamStep } from '../math/adam';
import { type Rng, seededPermutation } from '../math/rng';
import { ADAM, BIAS_INIT, drawQuantumBlock, drawReadout, initRng, quantumScale, quantumStd, readoutScale, shuffleRng } from './trainingDefinition';

export interface FitSpec {
  d: number;
  depth: number;
  /** Residual weight of every block, or one per block. */
  alpha: number | number[];
  activation: Activation;
  classes: number;
  /** Std of the initial entries of Re Ã, Im Ã (default d^¼/√2, docs/math.md §6). */
  initScale?: number;
  seed: number;
}

/** Flat parameter vector layout: per block [Re Ã+, Im Ã+, Re Ã−, Im Ã−, b], then [R, r]. */
export interface HqrnParams {
  spec: FitSpec;
  theta: Float64Array;
}

/** Parameters per block: Ã+ and Ã− (re, im: 4d²) and the bias b (d). */
export const blockSize = (d: number) => 4 * d * d + d;
export const paramCount = (s: FitSpec) => s.depth * blockSize(s.d) + s.classes * s.d + s.classes;
/** α of block k (one α for all blocks, or one per block). */
export const alphaOf = (s: FitSpec, k: number) => (Array.isArray(s.alpha) ? s.alpha[k] : s.alpha);

/**
 * The initial parameters of the one training definition (docs/math.md §6,
 * ./trainingDefinition.ts): from makeRng(seed), R̂ first, then blocks 1..K (Re Â+, Im Â+, Re Â−,
 * Im Â−), every draw rounded to float32; theta holds the real weights Ã = d^¼ Â (std
 * spec.initScale overrides d^¼/√2), b = 1, R = √d R̂, r = 0.
 */
export function initParams(spec: FitSpec): HqrnParams {
  const rng = initRng(spec.seed);
  const theta = new Float64Array(paramCount(spec));
  const d = spec.d,
    D2 = d * d,
    qs = quantumScale(d);
  const ro = spec.depth * blockSize(d);
  const rHat = drawReadout(rng, d, spec.classes);
  for (let i = 0; i < rHat.length; i++) theta[ro + i] = readoutScale(d) * rHat[i];
  for (let k = 0; k < spec.depth; k++) {
    const o = k * blockSize(d);
    const b = drawQuantumBlock(rng, d, spec.initScale === undefined ? quantumStd : spec.initScale / qs);
    [b.pRe, b.pIm, b.mRe, b.mIm].forEach((a, m) => {
      for (let i = 0; i < D2; i++) theta[o + m * D2 + i] = qs * a[i];
    });
    theta.fill(BIAS_INIT, o + 4 * D2, o + 4 * D2 + d);
  }
  return { spec, theta };
}

/** Per-parameter scales of theta (docs/math.md §6): d^¼ on Ã±, 1 on b, √d on R, 1 on r. */
export function paramScales(spec: FitSpec): Float64Array {
  const d = spec.d,
    bs = blockSize(d);
  const s = new Float64Array(paramCount(spec)).fill(1);
  for (let k = 0; k < spec.depth; k++) s.fill(quantumScale(d), k * bs, k * bs + 4 * d * d);
  const ro = spec.depth * bs;
  s.fill(readoutScale(d), ro, ro + spec.classes * d);
  return s;
}

/** Pack ρ as [Re (d² row-major), Im (d²)] into out at offset. */
export function packComplex(rho: CMat, out: Float64Array, offset: number): void {
  const n = rho.rows * rho.cols;
  out.set(rho.re, offset);
  out.set(rho.im, offset + n);
}

function act(a: Activation, z: number): number {
  switch (a) {
    case 'relu':
      return z > 0 ? z : 0;
    case 'softplus':
      return z > 30 ? z : Math.log1p(Math.exp(z));
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'exp':
      return Math.exp(Math.min(z, 700));
  }
}
function actGrad(a: Activation, z: number): number {
  switch (a) {
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'softplus':
      return 1 / (1 + Math.exp(-z));
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    }
    case 'exp':
      return Math.exp(Math.min(z, 700));
  }
}

/** Scratch for one forward/backward pass (reused across samples). */
interface Scratch {
  xs: Float64Array[]; // K+1 diagonals
  zs: Float64Array[];
  as: Float64Array[];
  qs: Float64Array[];
  sums: Float64Array;
  dead: Uint8Array;
  vr: Float64Array[]; // per block: [± (2)][j][i]
  vi: Float64Array[];
  logits: Float64Array;
}

function scratch(s: FitSpec): Scratch {
  const { d, depth: K } = s;
  const arr = (n: number, m: number) => Array.from({ length: n }, () => new Float64Array(m));
  return {
    xs: arr(K + 1, d),
    zs: arr(K, d),
    as: arr(K, d),
    qs: arr(K, d),
    sums: new Float64Array(K),
    dead: new Uint8Array(K),
    vr: arr(K, 2 * d * d),
    vi: arr(K, 2 * d * d),
    logits: new Float64Array(s.classes),
  };
}

/** Forward pass of one packed state; fills the scratch and returns the class probabilities in sc.logits. */
function forward(p: HqrnParams, v: Float64Array, off: number, sc: Scratch): void {
  const { d, depth: K, classes: C, activation } = p.spec;
  const th = p.theta;
  const D2 = d * d;
  const x0 = sc.xs[0];
  for (let i = 0; i < d; i++) x0[i] = v[off + i * d + i];
  let s = 1; // off-diagonal scale at the input of block k
  // A diagonal input stays diagonal (§3): v_{ji} = x_i conj(Ã_{ji}), O(d²) per block instead of O(d³).
  let diagonal = true;
  for (let i = 0; i < d && diagonal; i++)
    for (let i2 = 0; i2 < d; i2++)
      if (i2 !== i && (v[off + i * d + i2] !== 0 || v[off + D2 + i * d + i2] !== 0)) {
        diagonal = false;
        break;
      }
  for (let k = 0; k < K; k++) {
    const o = k * blockSize(d);
    const x = sc.xs[k],
      z = sc.zs[k],
      vr = sc.vr[k],
      vi = sc.vi[k];
    for (let j = 0; j < d; j++) z[j] = th[o + 4 * D2 + j];
    for (let sg = 0; sg < 2; sg++) {
      const ar = o + 2 * sg * D2,
        ai = ar + D2,
        sign = sg === 0 ? 1 : -1;
      for (let j = 0; j < d; j++) {
        let pj = 0;
        if (diagonal) {
          for (let i = 0; i < d; i++) {
            const Ar = th[ar + j * d + i],
              Ai = th[ai + j * d + i],
              idx = sg * D2 + j * d + i;
            const sr = x[i] * Ar,
              si = -x[i] * Ai;
            vr[idx] = sr;
            vi[idx] = si;
            pj += Ar * sr - Ai * si;
          }
          z[j] += sign * pj;
          continue;
        }
        for (let i = 0; i < d; i++) {
          let sr = 0,
            si = 0;
          for (let i2 = 0; i2 < d; i2++) {
            let rr: number, ri: number;
            if (i2 === i) {
              rr = x[i];
              ri = 0;
            } else {
              rr = s * v[off + i * d + i2];
              ri = s * v[off + D2 + i * d + i2];
            }
            const Ar = th[ar + j * d + i2],
              Ai = th[ai + j * d + i2];
            // ρ_{ii'} conj(A_{ji'})
            sr += rr * Ar + ri * Ai;
            si += ri * Ar - rr * Ai;
          }
          const idx = sg * D2 + j * d + i;
          vr[idx] = sr;
          vi[idx] = si;
          pj += th[ar + j * d + i] * sr - th[ai + j * d + i] * si;
        }
        z[j] += sign * pj;
      }
    }
    const a = sc.as[k],
      q = sc.qs[k];
    let sum = 0;
    for (let j = 0; j < d; j++) sum += a[j] = act(activation, z[j]);
    sc.sums[k] = sum;
    sc.dead[k] = sum <= 1e-12 ? 1 : 0;
    for (let j = 0; j < d; j++) q[j] = sc.dead[k] ? 1 / d : a[j] / sum;
    const al = alphaOf(p.spec, k),
      xn = sc.xs[k + 1];
    for (let i = 0; i < d; i++) xn[i] = al * x[i] + (1 - al) * q[i];
    s *= al;
  }
  const ro = K * blockSize(d),
    xK = sc.xs[K],
    lg = sc.logits;
  let m = -Infinity;
  for (let c = 0; c < C; c++) {
    let t = th[ro + C * d + c];
    for (let i = 0; i < d; i++) t += th[ro + c * d + i] * xK[i];
    lg[c] = t;
    if (t > m) m = t;
  }
  let tot = 0;
  for (let c = 0; c < C; c++) tot += lg[c] = Math.exp(lg[c] - m);
  for (let c = 0; c < C; c++) lg[c] /= tot;
}

/** Backward pass after forward(): adds ∂(−ln y_label)·weight to grad. */
function backward(p: HqrnParams, label: number, weight: number, sc: Scratch, grad: Float64Array): void {
  const { d, depth: K, classes: C, activation } = p.spec;
  const th = p.theta;
  const D2 = d * d;
  const ro = K * blockSize(d),
    xK = sc.xs[K];
  let gx = new Float64Array(d);
  for (let c = 0; c < C; c++) {
    const gl = (sc.logits[c] - (c === label ? 1 : 0)) * weight;
    grad[ro + C * d + c] += gl;
    for (let i = 0; i < d; i++) {
      grad[ro + c * d + i] += gl * xK[i];
      gx[i] += gl * th[ro + c * d + i];
    }
  }
  const gz = new Float64Array(d);
  for (let k = K - 1; k >= 0; k--) {
    const o = k * blockSize(d),
      al = alphaOf(p.spec, k);
    const prev = new Float64Array(d);
    for (let i = 0; i < d; i++) prev[i] = al * gx[i];
    if (!sc.dead[k]) {
      const q = sc.qs[k],
        z = sc.zs[k],
        S = sc.sums[k];
      let dot = 0;
      for (let j = 0; j < d; j++) dot += (1 - al) * gx[j] * q[j];
      for (let j = 0; j < d; j++) gz[j] = (((1 - al) * gx[j] - dot) / S) * actGrad(activation, z[j]);
      const vr = sc.vr[k],
        vi = sc.vi[k];
      for (let j = 0; j < d; j++) grad[o + 4 * D2 + j] += gz[j];
      for (let sg = 0; sg < 2; sg++) {
        const ar = o + 2 * sg * D2,
          ai = ar + D2,
          sign = sg === 0 ? 1 : -1;
        for (let j = 0; j < d; j++) {
          const g = sign * gz[j];
          if (g === 0) continue;
          for (let i = 0; i < d; i++) {
            const idx = sg * D2 + j * d + i;
            grad[ar + j * d + i] += 2 * g * vr[idx];
            grad[ai + j * d + i] -= 2 * g * vi[idx];
            const Ar = th[ar + j * d + i],
              Ai = th[ai + j * d + i];
            prev[i] += g * (Ar * Ar + Ai * Ai);
          }
        }
      }
    }
    gx = prev;
  }
}

/** Class probabilities (n×C row-major) of packed states. */
export function predictProba(p: HqrnParams, v: Float64Array, n: number): Float64Array {
  const sc = scratch(p.spec);
  const C = p.spec.classes,
    stride = 2 * p.spec.d * p.spec.d;
  const out = new Float64Array(n * C);
  for (let s = 0; s < n; s++) {
    forward(p, v, s * stride, sc);
    out.set(sc.logits, s * C);
  }
  return out;
}

/** Mean cross-entropy and its gradient over the rows `idx` (for tests and the optimiser). */
export function lossAndGrad(p: HqrnParams, v: Float64Array, labels: ArrayLike<number>, idx: ArrayLike<number>, grad?: Float64Array): number {
  const sc = scratch(p.spec);
  const stride = 2 * p.spec.d * p.spec.d;
  let loss = 0;
  const w = 1 / idx.length;
  for (let t = 0; t < idx.length; t++) {
    const s = idx[t];
    forward(p, v, s * stride, sc);
    loss -= Math.log(Math.max(sc.logits[labels[s]], 1e-300)) * w;
    if (grad) backward(p, labels[s], w, sc, grad);
  }
  return loss;
}

export interface EpochData {
  v: Float64Array;
  labels: ArrayLike<number>;
  n: number;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Learning rate multiplied by this at the last epoch, geometric in between (default 1). */
  finalLrFactor?: number;
  /** L2 penalty on all parameters (default 0). */
  l2?: number;
  /** The first `frozen` entries of theta are held fixed (greedy training: the earlier blocks). */
  frozen?: number;
  /** Training data for epoch e (fresh or augmented per epoch, or the same every time). */
  data: (epoch: number) => EpochData;
  onEpoch?: (epoch: number, loss: number, p: HqrnParams) => void;
  /** The shuffle stream (default shuffleRng(seed), docs/math.md §6). */
  rng?: Rng;
}

/**
 * Train end to end with Adam (docs/math.md §6: Adam on θ̂ = θ / paramScales, ε = ADAM.epsilon,
 * mean cross-entropy over each minibatch of a fresh permutation per epoch, the last batch
 * partial); returns the parameters (modified in place).
 */
export function fitHqrn(p: HqrnParams, o: FitOptions): HqrnParams {
  const rng = o.rng ?? shuffleRng(p.spec.seed);
  const st = adamState(p.theta.length);
  const scale = paramScales(p.spec);
  const grad = new Float64Array(p.theta.length);
  for (let e = 0; e < o.epochs; e++) {
    const data = o.data(e);
    const perm = seededPermutation(data.n, rng);
    const lr = o.learningRate * (o.finalLrFactor ?? 1) ** (o.epochs > 1 ? e / (o.epochs - 1) : 0);
    let lossSum = 0,
      steps = 0;
    for (let s = 0; s < data.n; s += o.batchSize) {
      grad.fill(0);
      const idx = perm.slice(s, Math.min(data.n, s + o.batchSize));
      lossSum += lossAndGrad(p, data.v, data.labels, idx, grad);
      steps++;
      if (o.l2) for (let i = 0; i < grad.length; i++) grad[i] += o.l2 * p.theta[i];
      if (o.frozen) grad.fill(0, 0, o.frozen);
      adamStep(p.theta, grad, st, lr, { epsilon: ADAM.epsilon, scale });
    }
    o.onEpoch?.(e, lossSum / steps, p);
  }
  return p;
}

export interface GreedyOptions extends Omit<FitOptions, 'frozen' | 'rng' | 'onEpoch'> {
  /** After each epoch of stage k (1-based depth): the epoch within the stage and the mean loss. */
  onEpoch?: (depth: number, epoch: number, loss: number, p: HqrnParams) => void;
  /** After stage k: the parameters of the depth-k network (blocks 1..k and its readout). */
  onDepth?: (depth: number, p: HqrnParams) => void;
}

/**
 * Greedy layer-wise training (docs/math.md §6, the paper's): for k = 1..K train block k and the
 * readout for `epochs` epochs with blocks 1..k−1 frozen. Block k starts from initParams(spec)'s
 * block k; the readout of stage 1 from initParams' readout, of stage k > 1 from stage k − 1's.
 * Adam restarts each stage; one shuffle stream shuffleRng(seed) runs through all stages
 * (docs/math.md §6). Returns the depth-K
 * parameters (layout of paramCount(spec)); onDepth sees each intermediate depth.
 */
export function fitGreedy(spec: FitSpec, o: GreedyOptions): HqrnParams {
  const full = initParams(spec);
  const bs = blockSize(spec.d);
  let trained = new Float64Array(0);
  let readout = full.theta.slice(spec.depth * bs);
  let p: HqrnParams = full;
  const rng = shuffleRng(spec.seed);
  for (let k = 1; k <= spec.depth; k++) {
    const sk: FitSpec = { ...spec, depth: k, alpha: Array.isArray(spec.alpha) ? spec.alpha.slice(0, k) : spec.alpha };
    const theta = new Float64Array(paramCount(sk));
    theta.set(trained);
    theta.set(full.theta.subarray((k - 1) * bs, k * bs), (k - 1) * bs);
    theta.set(readout, k * bs);
    p = { spec: sk, theta };
    fitHqrn(p, { ...o, frozen: (k - 1) * bs, rng, onEpoch: o.onEpoch && ((e, loss, q) => o.onEpoch!(k, e, loss, q)) });
    trained = theta.slice(0, k * bs);
    readout = theta.slice(k * bs);
    o.onDepth?.(k, p);
  }
  return { spec, theta: p.theta };
}
