/**
 * Seeded random weights ("randomise weights" in the explorer, random models in tests).
 */
import { ACTIVATIONS, type Activation } from './activation';
import { zeros } from '../math/complex';
import type { ClassicalBlock, QuantumBlock, QuantumModel, Readout } from './model';
import type { Rng } from '../math/rng';
import { normaliseContractions } from './transfer';

export interface RandomBlockOptions {
  alpha?: number;
  activation?: Activation;
  /** Gain before the contraction rescaling (the block map is what it is; c absorbs the scale). */
  gain?: number;
  /** Standard deviation of the bias entries (default 0.1). */
  biasScale?: number;
}

/**
 * A random QRB: Ã± with i.i.d. complex Gaussian entries N(0,1)/√d + i N(0,1)/√d, rescaled to
 * contractions by normaliseContractions (A± = Ã±/√s, c = gain·s), bias ~ N(0, biasScale²);
 * α and σ random unless given.
 */
export function randomQuantumBlock(d: number, rng: Rng, opts: RandomBlockOptions = {}): QuantumBlock {
  const gauss = () => {
    const m = zeros(d, d);
    const k = 1 / Math.sqrt(2 * d);
    for (let i = 0; i < d * d; i++) {
      m.re[i] = rng.normal() * k;
      m.im[i] = rng.normal() * k;
    }
    return m;
  };
  const { aPlus, aMinus, gain } = normaliseContractions(gauss(), gauss(), opts.gain ?? 1 + 4 * rng.uniform());
  const bias = new Float64Array(d);
  const bs = opts.biasScale ?? 0.1;
  for (let j = 0; j < d; j++) bias[j] = bs * rng.normal();
  return {
    alpha: opts.alpha ?? rng.uniform(),
    activation: opts.activation ?? ACTIVATIONS[rng.int(ACTIVATIONS.length)],
    gain,
    bias,
    aPlus,
    aMinus,
  };
}

/** A random classical block with W_ij ~ N(0, scale²). */
export function randomClassicalBlock(d: number, rng: Rng, opts: RandomBlockOptions & { scale?: number } = {}): ClassicalBlock {
  const w = new Float64Array(d * d);
  const s = opts.scale ?? 2;
  for (let i = 0; i < w.length; i++) w[i] = s * rng.normal();
  const bias = new Float64Array(d);
  for (let j = 0; j < d; j++) bias[j] = (opts.biasScale ?? 0.1) * rng.normal();
  return {
    alpha: opts.alpha ?? rng.uniform(),
    activation: opts.activation ?? ACTIVATIONS[rng.int(ACTIVATIONS.length)],
    bias,
    w,
  };
}

/** A random readout R ~ N(0, 1), r = 0, classes 0..C−1. */
export function randomReadout(d: number, classes: number, rng: Rng): Readout {
  const weights = new Float64Array(classes * d);
  for (let i = 0; i < weights.length; i++) weights[i] = rng.normal();
  return { weights, bias: new Float64Array(classes), classes: Array.from({ length: classes }, (_, c) => c) };
}

/** A random K-block quantum model on n qubits. */
export function randomQuantumModel(nQubits: number, depth: number, rng: Rng, opts: RandomBlockOptions & { classes?: number } = {}): QuantumModel {
  const d = 1 << nQubits;
  return {
    kind: 'quantum',
    nQubits,
    blocks: Array.from({ length: depth }, () => randomQuantumBlock(d, rng, opts)),
    readout: opts.classes ? randomReadout(d, opts.classes, rng) : undefined,
  };
}
