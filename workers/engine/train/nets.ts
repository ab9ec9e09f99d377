/**
 * Trainable parameters of the classical network and of the HQRN, their forward passes on
 * tfjs tensors (through tensorQrb.ts), and their export to core models.
 *
 * Scaling. Inputs are probability vectors (entries ~1/d), so every weight matrix is stored as
 * a fixed multiplier times an O(1) variable (a constant reparameterisation: Adam's step is
 * then a step of `multiplier × learningRate` in the real weight):
 *   classical  W = √d · Ŵ,       Ŵ ~ N(0, 1)
 *   quantum    Ã± = d^¼ · Â±,    Re, Im Â ~ N(0, ½)   (so c(|Ã+|² − |Ã−|²) ~ √d, c = 1)
 *   readout    R = √d · R̂,       R̂ ~ N(0, 1/d)
 * Block biases start at BIAS_INIT = 1, the readout bias at 0. The draws, their order and scales are
 * the one training definition shared with the float64 core (src/core/hqrn/trainingDefinition.ts,
 * docs/math.md §6). The exported models hold the real weights (W, A± after
 * normaliseContractions, R), so they reproduce the trained predictions.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../../src/core/hqrn/activation';
import { type CMat, zeros } from '../../../src/core/math/complex';
import type { ClassicalBlock, ClassicalModel, QuantumBlock, QuantumModel, Readout } from '../../../src/core/hqrn/model';
import type { Rng } from '../../../src/core/math/rng';
import { BIAS_INIT, drawQuantumBlock, drawReadout, gaussDraws, quantumScale, readoutScale } from '../../../src/core/hqrn/trainingDefinition';
import { normaliseContractions } from '../../../src/core/hqrn/transfer';
import {
  analogWeightsT,
  applyBlockPackedT,
  applyClassicalT,
  classicalBlockT,
  depolarisePackedT,
  omegaStackedT,
  packedBlockT,
  omegaT,
  packedDiagonalT,
  pairSelectionT,
  readoutLogitsT,
  WRITTEN_OUT,
} from '../forward/tensorQrb';

const arrayVar = (a: Float32Array, shape: number[]) => ownVariable(tf.tensor(a, shape));
const zeroVar = (shape: number[]) => ownVariable(tf.zeros(shape));
const constVar = (shape: number[], value: number) => ownVariable(tf.fill(shape, value));
export { BIAS_INIT };
/** tf.variable keeps its initial tensor alive as a separate tensor: dispose it. */
function ownVariable(init: tf.Tensor, name?: string): tf.Variable {
  const v = tf.variable(init, true, name);
  init.dispose();
  return v;
}

export interface BlockSettings {
  alpha: number;
  activation: Activation;
  /** Depolarising noise λ on the block's input (quantum blocks only; 0 / absent: none). */
  noise?: number;
}

export class ReadoutParams {
  readonly rHat: tf.Variable;
  readonly r: tf.Variable;
  readonly scale: number;
  constructor(
    readonly d: number,
    readonly classes: (string | number)[],
    rng: Rng,
  ) {
    this.scale = readoutScale(d);
    this.rHat = arrayVar(drawReadout(rng, d, classes.length), [classes.length, d]);
    this.r = zeroVar([classes.length]);
  }
  weights(): tf.Tensor2D {
    return tf.mul(this.rHat, this.scale) as tf.Tensor2D;
  }
  logits(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => readoutLogitsT(x, this.weights(), this.r as tf.Tensor1D));
  }
  vars(): tf.Variable[] {
    return [this.rHat, this.r];
  }
  toCore(): Readout {
    const w = this.weights();
    const out = { weights: Float64Array.from(w.dataSync()), bias: Float64Array.from(this.r.dataSync()), classes: this.classes };
    w.dispose();
    return out;
  }
}

export class ClassicalBlockParams {
  readonly wHat: tf.Variable;
  readonly b: tf.Variable;
  readonly scale: number;
  constructor(
    readonly d: number,
    readonly settings: BlockSettings,
    rng: Rng,
  ) {
    this.scale = readoutScale(d);
    this.wHat = arrayVar(gaussDraws(rng, d * d, 1), [d, d]);
    this.b = constVar([d], BIAS_INIT);
  }
  weights(): tf.Tensor2D {
    return tf.mul(this.wHat, this.scale) as tf.Tensor2D;
  }
  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() =>
      WRITTEN_OUT.includes(this.settings.activation)
        ? classicalBlockT(x, this.weights(), this.b as tf.Tensor1D, this.settings.alpha, this.settings.activation)
        : applyClassicalT(x, this.weights(), this.b as tf.Tensor1D, this.settings.alpha, this.settings.activation).x,
    );
  }
  vars(): tf.Variable[] {
    return [this.wHat, this.b];
  }
  toCore(): ClassicalBlock {
    const w = this.weights();
    const out = {
      alpha: this.settings.alpha,
      activation: this.settings.activation,
      bias: Float64Array.from(this.b.dataSync()),
      w: Float64Array.from(w.dataSync()),
    };
    w.dispose();
    return out;
  }
}

/** One QRB with unconstrained Ã± (c = 1), applied on packed states or (diagonal inputs) through W_c. */
export class QuantumBlockParams {
  readonly pRe: tf.Variable;
  readonly pIm: tf.Variable;
  readonly mRe: tf.Variable;
  readonly mIm: tf.Variable;
  readonly b: tf.Variable;
  readonly scale: number;
  constructor(
    readonly d: number,
    readonly settings: BlockSettings,
    rng: Rng,
  ) {
    this.scale = quantumScale(d);
    const a = drawQuantumBlock(rng, d);
    this.pRe = arrayVar(a.pRe, [d, d]);
    this.pIm = arrayVar(a.pIm, [d, d]);
    this.mRe = arrayVar(a.mRe, [d, d]);
    this.mIm = arrayVar(a.mIm, [d, d]);
    this.b = constVar([d], BIAS_INIT);
  }
  /** Ã+ re, im, Ã− re, im. */
  private aTilde(): tf.Tensor2D[] {
    return [this.pRe, this.pIm, this.mRe, this.mIm].map((v) => tf.mul(v, this.scale) as tf.Tensor2D);
  }
  /** diagonal: inputs are n×d diagonals (analog weights, exact for diagonal states); else n×d² packed. */
  apply(v: tf.Tensor2D, diagonal: boolean): tf.Tensor2D {
    return tf.tidy(() => {
      const { alpha, activation } = this.settings;
      const noise = this.settings.noise ?? 0;
      if (diagonal) {
        const [pr, pi, mr, mi] = this.aTilde();
        // Diagonal inputs stay diagonal under the channel: x ↦ (1 − λ) x + λ/d.
        const x = noise > 0 ? (tf.add(tf.mul(v, 1 - noise), noise / this.d) as tf.Tensor2D) : v;
        const w = analogWeightsT(pr, pi, mr, mi, 1);
        return WRITTEN_OUT.includes(activation)
          ? classicalBlockT(x, w, this.b as tf.Tensor1D, alpha, activation)
          : applyClassicalT(x, w, this.b as tf.Tensor1D, alpha, activation).x;
      }
      // made on first use, kept past this tidy (disposeConstants() frees them)
      const sel = (this.sel ??= (() => {
        const t = pairSelectionT(this.d);
        return { sI: tf.keep(t.sI), sK: tf.keep(t.sK) };
      })());
      const r = tf.mul(tf.concat([this.pRe, this.mRe], 0), this.scale) as tf.Tensor2D;
      const m = tf.mul(tf.concat([this.pIm, this.mIm], 0), this.scale) as tf.Tensor2D;
      const omega = omegaStackedT(r, m, sel, 1);
      if (!WRITTEN_OUT.includes(activation)) return applyBlockPackedT(v, omega, this.b as tf.Tensor1D, alpha, activation, this.d, noise).v;
      return packedBlockT(noise > 0 ? depolarisePackedT(v, this.d, noise) : v, omega, this.b as tf.Tensor1D, alpha, activation);
    });
  }
  /** Selection matrices of the packed path (made on first use; dispose() frees them). */
  private sel: { sI: tf.Tensor2D; sK: tf.Tensor2D } | undefined;
  /** Free the block's constant tensors (its variables are freed with vars()). */
  disposeConstants(): void {
    if (this.sel) tf.dispose([this.sel.sI, this.sel.sK]);
    this.sel = undefined;
  }
  vars(): tf.Variable[] {
    return [this.pRe, this.pIm, this.mRe, this.mIm, this.b];
  }
  /** The exported block: A± = Ã±/√s, c = s (docs/math.md §4). */
  toCore(): QuantumBlock {
    const t = this.aTilde();
    const [pr, pi, mr, mi] = t.map((x) => Float64Array.from(x.dataSync()));
    t.forEach((x) => x.dispose());
    const mat = (re: Float64Array, im: Float64Array): CMat => {
      const m = zeros(this.d, this.d);
      m.re.set(re);
      m.im.set(im);
      return m;
    };
    const { aPlus, aMinus, gain } = normaliseContractions(mat(pr, pi), mat(mr, mi), 1);
    return { alpha: this.settings.alpha, activation: this.settings.activation, bias: Float64Array.from(this.b.dataSync()), gain, aPlus, aMinus };
  }
}

/** A quantum block from a core block (fixed, for evaluating transferred models on tensors). */
export function quantumBlockApplyFixed(block: QuantumBlock, v: tf.Tensor2D, diagonal: boolean): tf.Tensor2D {
  return tf.tidy(() => {
    const d = block.bias.length;
    const t = (a: Float64Array) => tf.tensor2d(Float32Array.from(a), [d, d]);
    const [pr, pi, mr, mi] = [t(block.aPlus.re), t(block.aPlus.im), t(block.aMinus.re), t(block.aMinus.im)];
    const b = tf.tensor1d(Float32Array.from(block.bias));
    if (diagonal) return applyClassicalT(v, analogWeightsT(pr, pi, mr, mi, block.gain), b, block.alpha, block.activation).x;
    return applyBlockPackedT(v, omegaT(pr, pi, mr, mi, block.gain), b, block.alpha, block.activation, d).v;
  });
}

/** Logits of a fixed core readout on diagonals x (n×d). */
export function readoutFixed(readout: Readout, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const C = readout.bias.length,
      d = x.shape[1];
    return readoutLogitsT(x, tf.tensor2d(Float32Array.from(readout.weights), [C, d]), tf.tensor1d(Float32Array.from(readout.bias)));
  });
}

export function classicalModel(nQubits: number, blocks: ClassicalBlockParams[], readout: ReadoutParams): ClassicalModel {
  return { kind: 'classical', nQubits, blocks: blocks.map((b) => b.toCore()), readout: readout.toCore() };
}

export function quantumModel(nQubits: number, blocks: QuantumBlockParams[], readout: ReadoutParams): QuantumModel {
  return { kind: 'quantum', nQubits, blocks: blocks.map((b) => b.toCore()), readout: readout.toCore() };
}

export { packedDiagonalT };
