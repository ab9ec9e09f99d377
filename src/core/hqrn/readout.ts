/**
 * The readout heads of docs/math.md §6.
 */
import type { Readout } from './model';

export interface ReadoutOutput {
  probabilities: Float64Array;
  /** Index of the most probable class (first one on ties). */
  predicted: number;
}

/** Hybrid readout y = softmax(R x + r), x = diag(ρ^(K)); softmax max-shifted against overflow. */
export function softmaxReadout(readout: Readout, x: ArrayLike<number>): ReadoutOutput {
  const C = readout.bias.length;
  const d = x.length;
  const logits = new Float64Array(C);
  let m = -Infinity;
  for (let c = 0; c < C; c++) {
    let s = readout.bias[c];
    for (let i = 0; i < d; i++) s += readout.weights[c * d + i] * x[i];
    logits[c] = s;
    if (s > m) m = s;
  }
  let total = 0;
  for (let c = 0; c < C; c++) {
    logits[c] = Math.exp(logits[c] - m);
    total += logits[c];
  }
  for (let c = 0; c < C; c++) logits[c] /= total;
  return { probabilities: logits, predicted: argmax(logits) };
}

/** Projective readout: class m gets Σ_{j∈G_m} ρ_jj for a partition {G_m} of the basis. */
export function projectiveReadout(groups: readonly (readonly number[])[], x: ArrayLike<number>): ReadoutOutput {
  const p = new Float64Array(groups.length);
  groups.forEach((g, m) => {
    for (const j of g) p[m] += x[j];
  });
  return { probabilities: p, predicted: argmax(p) };
}

/** Cross-entropy −ln y_label. */
export function crossEntropy(probabilities: ArrayLike<number>, label: number): number {
  return -Math.log(Math.max(probabilities[label], 1e-300));
}

/** Index of the largest entry (first on ties). */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
  return best;
}
