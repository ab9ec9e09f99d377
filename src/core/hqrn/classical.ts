/**
 * The classical residual network and the classical analog of a quantum stack (docs/math.md §3).
 *
 *   x' = α x + (1 − α) N(σ(W_c x + b)),   N(a) = a / Σ a   (dead rule as in the QRB)
 *   W_c = c (|A+|∘² − |A−|∘²)             (the analog of a quantum block)
 */
import { activateAndNormalise } from './activation';
import { squaredModuli } from '../math/complex';
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
 * Same formula as applyClassicalBlock, organised as Z = X W^T + b over groups of four states:
 * each W entry is loaded once for four multiply-adds (register blocking, ~2× in V8).
 */
export function classicalForwardBatch(blocks: readonly ClassicalBlock[], x0: Float64Array, d: number): { x: Float64Array; deadCount: number } {
  const n = x0.length / d;
  const x = x0.slice();
  const z = new Float64Array(4 * d);
  const q = new Float64Array(d);
  let deadCount = 0;
  for (const b of blocks) {
    const { w, bias, alpha } = b;
    for (let s = 0; s < n; s += 4) {
      const group = Math.min(4, n - s);
      const x0o = s * d;
      // Rows past the batch end alias row 0 of the group; their results are ignored.
      const x1o = group > 1 ? x0o + d : x0o,
        x2o = group > 2 ? x0o + 2 * d : x0o,
        x3o = group > 3 ? x0o + 3 * d : x0o;
      for (let j = 0; j < d; j++) {
        let a0 = bias[j],
          a1 = a0,
          a2 = a0,
          a3 = a0;
        const wo = j * d;
        for (let i = 0; i < d; i++) {
          const wv = w[wo + i];
          a0 += wv * x[x0o + i];
          a1 += wv * x[x1o + i];
          a2 += wv * x[x2o + i];
          a3 += wv * x[x3o + i];
        }
        z[j] = a0;
        z[d + j] = a1;
        z[2 * d + j] = a2;
        z[3 * d + j] = a3;
      }
      for (let g = 0; g < group; g++) {
        if (activateAndNormalise(b.activation, z.subarray(g * d, (g + 1) * d), q)) deadCount++;
        const xo = x0o + g * d;
        for (let j = 0; j < d; j++) x[xo + j] = alpha * x[xo + j] + (1 - alpha) * q[j];
      }
    }
  }
  return { x, deadCount };
}
