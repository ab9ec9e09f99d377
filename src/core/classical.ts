/**
 * The classical residual network and the classical analog of a quantum stack (HQRN.md §3).
 *
 *   x' = α x + (1 − α) N(σ(W_c x + b)),   N(a) = a / Σ a   (dead rule as in the QRB)
 *   W_c = c (|A+|∘² − |A−|∘²)             (the analog of a quantum block)
 */
import { activateAndNormalise } from './activation';
import { squaredModuli } from './complex';
import type { ClassicalBlock, ClassicalModel, QuantumBlock, QuantumModel } from './model';

export interface ClassicalLayer {
  /** x^(k) after the block. */
  x: Float64Array;
  /** The block output q = N(σ(W x + b)). */
  q: Float64Array;
  dead: boolean;
}

/** One classical residual block: x' = α x + (1 − α) N(σ(W x + b)). */
export function applyClassicalBlock(block: ClassicalBlock, x: ArrayLike<number>): ClassicalLayer {
  const d = x.length;
  const z = new Float64Array(d);
  const { w, bias } = block;
  for (let j = 0; j < d; j++) {
    let s = bias[j];
    const o = j * d;
    for (let i = 0; i < d; i++) s += w[o + i] * x[i];
    z[j] = s;
  }
  const q = new Float64Array(d);
  const dead = activateAndNormalise(block.activation, z, q);
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) out[j] = block.alpha * x[j] + (1 - block.alpha) * q[j];
  return { x: out, q, dead };
}

/** x^(k) for k = 1..K: the classical network run layer by layer from x^(0). */
export function classicalForward(blocks: readonly ClassicalBlock[], x0: ArrayLike<number>): ClassicalLayer[] {
  const layers: ClassicalLayer[] = [];
  let x: ArrayLike<number> = x0;
  for (const b of blocks) {
    const layer = applyClassicalBlock(b, x);
    layers.push(layer);
    x = layer.x;
  }
  return layers;
}

/** The classical analog of a QRB: same α, σ, b and W_c = c (|A+|∘² − |A−|∘²). */
export function classicalAnalogBlock(block: QuantumBlock): ClassicalBlock {
  const p = squaredModuli(block.aPlus);
  const m = squaredModuli(block.aMinus);
  const w = new Float64Array(p.length);
  for (let k = 0; k < w.length; k++) w[k] = block.gain * (p[k] - m[k]);
  return { alpha: block.alpha, activation: block.activation, bias: block.bias, w };
}

/** The classical analog of a whole quantum model (readout kept). */
export function classicalAnalog(model: QuantumModel): ClassicalModel {
  return {
    kind: 'classical',
    nQubits: model.nQubits,
    blocks: model.blocks.map(classicalAnalogBlock),
    readout: model.readout,
  };
}

/**
 * The O(d²)-per-block diagonal fast path on a batch: rows of X (n×d, row-major) are inputs
 * x^(0); returns X^(K) (same layout) and the number of dead block applications.
 * Same formula as applyClassicalBlock, organised as Z = X W^T + b for cache-friendly loops.
 */
export function classicalForwardBatch(
  blocks: readonly ClassicalBlock[],
  x0: Float64Array,
  d: number,
): { x: Float64Array; deadCount: number } {
  const n = x0.length / d;
  let x = x0.slice();
  const z = new Float64Array(d);
  const q = new Float64Array(d);
  let deadCount = 0;
  for (const b of blocks) {
    const { w, bias, alpha } = b;
    const next = new Float64Array(x.length);
    for (let s = 0; s < n; s++) {
      const xo = s * d;
      for (let j = 0; j < d; j++) {
        const wo = j * d;
        let acc = bias[j];
        for (let i = 0; i < d; i++) acc += w[wo + i] * x[xo + i];
        z[j] = acc;
      }
      if (activateAndNormalise(b.activation, z, q)) deadCount++;
      for (let j = 0; j < d; j++) next[xo + j] = alpha * x[xo + j] + (1 - alpha) * q[j];
    }
    x = next;
  }
  return { x, deadCount };
}
