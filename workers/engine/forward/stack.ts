/**
 * A model compiled once into the few tensors the batched forward needs, and the
 * fused block chain that runs on them. Same mathematics as src/core (docs/math.md §2–3); the
 * engine's cross-checks against the float64 core (1e-4) cover this path.
 *
 * Two exact rewrites make the chain short:
 *
 * 1. **Off-diagonals in one matMul.** With packed states v = [x, v_off] (src/core/hqrn/qrb.ts) a
 *    block computes z = Ω v + b = Ω_diag x + Ω_off v_off + b, and the residual mix only
 *    shrinks the off-diagonal part: v_off^(k) = A_k v_off^(0) with A_k = α_1 ⋯ α_k. So
 *      z_k = W_k x^(k−1) + A_{k−1} Ω_off,k v_off^(0) + b_k,   W_k = Ω_diag,k = c_k(|A+|∘² − |A−|∘²)
 *    and the off-diagonal contributions of all K blocks are one (D−d) × K·d matMul up front
 *    (G below). What is left per block is the classical analog's d×d chain on the diagonal —
 *    the same weights the classical path uses (§3).
 * 2. **No α·x pass.** x^(k) = S_k u^(k) with a scalar S_k per layer: S_k = α_k S_{k−1} and
 *    u^(k) = u^(k−1) + (1 − α_k)/S_k · q_k, so each block adds to u instead of scaling it; S_{k−1}
 *    is folded into the compiled W̃_k = S_{k−1} W_kᵀ. When S would underflow (or α_k = 0) the
 *    chain rescales once (S = 1). The readout folds S_K the same way.
 *
 * The dead rule (Σσ(z) ≤ 1e-12 ⇒ q uniform) is arithmetic, not tf.where: with e = [s ≤ 1e-12]
 * (0/1, NaN counts as dead), q = (a + e)/(s + d·e). Live rows: a/s exactly. Dead rows: every
 * a_j ≤ 1e-12 < 2⁻²⁴, so a_j + 1 = 1 and s + d = d in float32: q = 1/d exactly.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../../src/core/hqrn/activation';
import type { Model } from '../../../src/core/hqrn/model';
import { compileBlock } from '../../../src/core/hqrn/qrb';
import { activateAndNormaliseT } from './tensorQrb';

const DEAD = 1e-12;
/** Rescale u (S = 1) before S_k would fall below this. */
const MIN_SCALE = 1e-18;

export interface CompiledBlockStep {
  alpha: number;
  activation: Activation;
  /** u^(k) = beta·u^(k−1) + gamma·q_k;  x^(k) = S_k u^(k). */
  beta: number;
  gamma: number;
  /** S_k (after this block). */
  scale: number;
  /** A_k = α_1 ⋯ α_k: the off-diagonal entries after this block, relative to the input's. */
  offScale: number;
}

/** Host-side compiled model (float32 arrays, computed in float64 from the model). */
export interface CompiledStack {
  d: number;
  K: number;
  quantum: boolean;
  steps: CompiledBlockStep[];
  /** W̃_k = S_{k−1} W_kᵀ, d×d row-major (row i, column j). */
  wt: Float32Array[];
  bias: Float32Array[];
  /** Quantum models: G = [A_0 Ω_off,1ᵀ | … | A_{K−1} Ω_off,Kᵀ], (D−d) × K·d; and the biases side by side (K·d). */
  g?: Float32Array;
  gBias?: Float32Array;
  /** Readout: S_K Rᵀ (d×C) and r; absent without a readout. */
  readoutWt?: Float32Array;
  readoutBias?: Float32Array;
  classes: number;
}

const compiledCache = new WeakMap<Model, CompiledStack>();

/** Compile a model (memoised per Model object: parsed models are never mutated). */
export function compileStack(model: Model): CompiledStack {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const d = 1 << model.nQubits,
    D = d * d,
    K = model.blocks.length;
  const quantum = model.kind === 'quantum';
  const steps: CompiledBlockStep[] = [];
  const wt: Float32Array[] = [],
    bias: Float32Array[] = [];
  const P2 = D - d;
  const g = quantum && P2 > 0 ? new Float32Array(P2 * K * d) : undefined;
  const gBias = quantum && P2 > 0 ? new Float32Array(K * d) : undefined;
  let S = 1,
    A = 1;
  for (let k = 0; k < K; k++) {
    const b = model.blocks[k];
    // W_k (d×d, row j, column i) and, quantum, Ω_off,k (d × (D−d))
    let w: Float64Array, omega: Float64Array | undefined;
    if (model.kind === 'quantum') {
      omega = compileBlock(model.blocks[k]).omega;
      w = new Float64Array(d * d);
      for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) w[j * d + i] = omega[j * D + i];
    } else w = (b as { w: Float64Array }).w;
    const t = new Float32Array(d * d);
    for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) t[i * d + j] = S * w[j * d + i];
    wt.push(t);
    bias.push(Float32Array.from(b.bias));
    if (g && omega) {
      const cols = K * d;
      for (let j = 0; j < d; j++) {
        for (let p = 0; p < P2; p++) g[p * cols + k * d + j] = A * omega[j * D + d + p];
        gBias![k * d + j] = b.bias[j];
      }
    }
    const alpha = b.alpha;
    let beta: number, gamma: number;
    if (alpha === 1) {
      beta = 1;
      gamma = 0;
    } else if (alpha > 0 && alpha * S >= MIN_SCALE) {
      S *= alpha;
      beta = 1;
      gamma = (1 - alpha) / S;
    } else {
      beta = alpha * S;
      gamma = 1 - alpha;
      S = 1;
    }
    A *= alpha;
    steps.push({ alpha, activation: b.activation, beta, gamma, scale: S, offScale: A });
  }
  const out: CompiledStack = { d, K, quantum, steps, wt, bias, g, gBias, classes: 0 };
  if (model.readout) {
    const C = model.readout.bias.length;
    const rw = new Float32Array(d * C);
    for (let c = 0; c < C; c++) for (let i = 0; i < d; i++) rw[i * C + c] = S * model.readout.weights[c * d + i];
    out.readoutWt = rw;
    out.readoutBias = Float32Array.from(model.readout.bias);
    out.classes = C;
  }
  compiledCache.set(model, out);
  return out;
}

/**
 * Up to this d the per-row sums are a matMul with J/γ (J = all-ones d×d): the sum arrives
 * already broadcast over the row, so no op of the chain broadcasts an n×1 column (tfjs-wasm's
 * broadcasting binary ops cost ~7 ns per element at d = 4, 5× their same-shape cost).
 */
export const SMALL_D = 16;

/** The tensors of a compiled stack (uploaded once, kept while the model is in use). */
export class StackTensors {
  readonly wt: tf.Tensor2D[];
  readonly bias: tf.Tensor1D[];
  /** Quantum: all of G (large d: one matMul, then column slices) or its K column blocks G_k (small d). */
  readonly g?: tf.Tensor2D;
  readonly gBias?: tf.Tensor1D;
  readonly gk?: tf.Tensor2D[];
  readonly readoutWt?: tf.Tensor2D;
  readonly readoutBias?: tf.Tensor1D;
  /** Per block: J/γ (small d), and the scalars 1e-12/γ and d/γ of the dead rule (γ = 1 when α = 1). */
  readonly jg: (tf.Tensor2D | undefined)[];
  readonly deadG: tf.Scalar[];
  readonly dG: tf.Scalar[];
  readonly small: boolean;
  private disposed = false;

  constructor(readonly cs: CompiledStack) {
    const { d, K } = cs;
    const P2 = d * d - d;
    this.small = d <= SMALL_D;
    this.wt = cs.wt.map((w) => tf.tensor2d(w, [d, d]));
    this.bias = cs.bias.map((b) => tf.tensor1d(b));
    if (cs.g) {
      if (this.small) {
        this.gk = [];
        for (let k = 0; k < K; k++) {
          const gk = new Float32Array(P2 * d);
          for (let p = 0; p < P2; p++) for (let j = 0; j < d; j++) gk[p * d + j] = cs.g[p * K * d + k * d + j];
          this.gk.push(tf.tensor2d(gk, [P2, d]));
        }
      } else {
        this.g = tf.tensor2d(cs.g, [P2, K * d]);
        this.gBias = tf.tensor1d(cs.gBias!);
      }
    }
    if (cs.readoutWt) {
      this.readoutWt = tf.tensor2d(cs.readoutWt, [d, cs.classes]);
      this.readoutBias = tf.tensor1d(cs.readoutBias!);
    }
    const gOf = (k: number) => cs.steps[k].gamma || 1;
    this.jg = cs.steps.map((_, k) => (this.small ? (tf.fill([d, d], 1 / gOf(k)) as tf.Tensor2D) : undefined));
    this.deadG = cs.steps.map((_, k) => tf.scalar(DEAD / gOf(k)));
    this.dG = cs.steps.map((_, k) => tf.scalar(d / gOf(k)));
  }

  tensors(): tf.Tensor[] {
    const all: (tf.Tensor | undefined)[] = [
      ...this.wt,
      ...this.bias,
      this.g,
      this.gBias,
      ...(this.gk ?? []),
      this.readoutWt,
      this.readoutBias,
      ...this.jg,
      ...this.deadG,
      ...this.dG,
    ];
    return all.filter((t): t is tf.Tensor => t !== undefined);
  }

  get count(): number {
    return this.disposed ? 0 : this.tensors().length;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.tensors());
  }
}

/** What to compute for layer k (0-based). */
export interface LayerWants {
  x?: boolean;
  q?: boolean;
  dead?: boolean;
}

export interface StackRun {
  /** x^(k) (m×d) for the layers asked. */
  xs: (tf.Tensor2D | undefined)[];
  qs: (tf.Tensor2D | undefined)[];
  /** dead flags (0/1 float), m×deadStrides[k]: read column 0 of each row. */
  deads: (tf.Tensor2D | undefined)[];
  deadStrides: number[];
  /** Readout probabilities (m×C) when the stack has a readout and they were asked. */
  probabilities?: tf.Tensor2D;
}

const FUSABLE: Partial<Record<Activation, 'relu' | 'sigmoid'>> = { relu: 'relu', sigmoid: 'sigmoid' };

/**
 * Run the chain on x^(0) (m×d) and, for the quantum path of non-diagonal states, the
 * off-diagonal part v_off^(0) (m×(D−d), packed order; rows of zeros run the classical path in
 * the same ops). Returns only the tensors asked for (kept; the caller disposes them); every
 * intermediate is freed.
 */
export function runStack(st: StackTensors, x0: tf.Tensor2D, vOff0: tf.Tensor2D | null, want: (k: number) => LayerWants, probabilities: boolean): StackRun {
  const { cs, small } = st;
  const { d, K } = cs;
  const m = x0.shape[0];
  return tf.tidy(() => {
    const out: StackRun = { xs: [], qs: [], deads: [], deadStrides: [] };
    const quantum = vOff0 !== null && (st.g !== undefined || st.gk !== undefined);
    // Large d: all blocks' off-diagonal contributions plus biases in one matMul.
    const offAll = quantum && st.g ? (tf.fused.matMul({ a: vOff0!, b: st.g, bias: st.gBias }) as tf.Tensor2D) : null;
    let u: tf.Tensor2D = x0;
    for (let k = 0; k < K; k++) {
      const step = cs.steps[k];
      const w = want(k);
      const act = step.activation;
      let z: tf.Tensor2D,
        a: tf.Tensor2D | null = null;
      if (quantum) {
        const ok = offAll
          ? K === 1
            ? offAll
            : (tf.slice(offAll, [0, k * d], [m, d]) as tf.Tensor2D)
          : (tf.fused.matMul({ a: vOff0!, b: st.gk![k], bias: st.bias[k] }) as tf.Tensor2D);
        z = tf.add(tf.matMul(u, st.wt[k]), ok) as tf.Tensor2D;
      } else if (act !== 'exp' && FUSABLE[act]) {
        a = tf.fused.matMul({ a: u, b: st.wt[k], bias: st.bias[k], activation: FUSABLE[act] }) as tf.Tensor2D;
        z = a;
      } else z = tf.fused.matMul({ a: u, b: st.wt[k], bias: st.bias[k] }) as tf.Tensor2D;
      // t = γ q (what u gains; γ taken as 1 when α = 1 and u gains nothing); q and dead when asked.
      const g = step.gamma || 1;
      let t: tf.Tensor2D, dead: tf.Tensor2D;
      if (act === 'exp') {
        const r = activateAndNormaliseT('exp', z);
        dead = tf.reshape(r.dead, [m, 1]) as tf.Tensor2D;
        t = g === 1 ? r.q : (tf.mul(r.q, g) as tf.Tensor2D);
      } else {
        if (!a) a = (act === 'relu' ? tf.relu(z) : act === 'sigmoid' ? tf.sigmoid(z) : tf.softplus(z)) as tf.Tensor2D;
        // s/γ: broadcast over the row (small d) or a column (large d)
        const sg = small ? tf.matMul(a, st.jg[k]!) : g === 1 ? tf.sum(a, 1, true) : tf.mul(tf.sum(a, 1, true), 1 / g);
        const e = tf.cast(tf.logicalNot(tf.greater(sg, st.deadG[k])), 'float32') as tf.Tensor2D;
        t = tf.div(tf.add(a, e), tf.add(sg, tf.mul(e, st.dG[k]))) as tf.Tensor2D;
        dead = e;
      }
      if (step.gamma !== 0) u = step.beta === 1 ? (tf.add(u, t) as tf.Tensor2D) : step.beta === 0 ? t : (tf.add(tf.mul(u, step.beta), t) as tf.Tensor2D);
      else if (step.beta !== 1) u = tf.mul(u, step.beta) as tf.Tensor2D;
      if (w.x) out.xs[k] = tf.keep(step.scale === 1 ? tf.clone(u) : (tf.mul(u, step.scale) as tf.Tensor2D));
      if (w.q) out.qs[k] = tf.keep(g === 1 ? tf.clone(t) : (tf.mul(t, 1 / g) as tf.Tensor2D));
      if (w.dead) {
        out.deads[k] = tf.keep(tf.clone(dead));
        out.deadStrides[k] = dead.shape[1];
      }
    }
    if (probabilities && st.readoutWt) out.probabilities = tf.keep(tf.softmax(tf.fused.matMul({ a: u, b: st.readoutWt, bias: st.readoutBias })) as tf.Tensor2D);
    return out as unknown as tf.TensorContainer;
  }) as unknown as StackRun;
}
