/**
 * Finite-shot estimates of a block's measured probabilities (docs/math.md §5).
 *
 * After U± on |0><0| ⊗ ρ, the 2d outcomes (a, j) have probabilities (A± ρ A±†)_jj for a = 0
 * and (C± ρ C±†)_jj for a = 1, C± = (I − A±†A±)^{1/2}; they sum to Tr ρ = 1. Only the a = 0
 * counts are used (p̂_j = count(0, j) / N_s), and the multinomial's a = 1 cells are lumped
 * into one cell of probability 1 − Σ_j (A ρ A†)_jj: the joint law of the a = 0 counts is the
 * same, and C± need not be formed.
 */
import type { Rng } from '../math/rng';

/**
 * Multinomial(N, p) counts by N inverse-CDF draws (binary search on the cumulative sums).
 * `p` must be ≥ 0; it is renormalised by its sum (round-off in Σp ≈ 1 is harmless).
 */
export function sampleMultinomial(p: ArrayLike<number>, shots: number, rng: Rng): Int32Array {
  const k = p.length;
  const cdf = new Float64Array(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    s += Math.max(0, p[i]);
    cdf[i] = s;
  }
  const counts = new Int32Array(k);
  for (let t = 0; t < shots; t++) {
    const u = rng.uniform() * s;
    let lo = 0,
      hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts;
}

/**
 * p̂_j = count(0, j) / N_s from N_s shots of one dilated unitary, given the exact ancilla-0
 * probabilities p_j = (A ρ A†)_jj.
 */
export function estimateAncillaZeroProbabilities(p0: ArrayLike<number>, shots: number, rng: Rng): Float64Array {
  const d = p0.length;
  const cells = new Float64Array(d + 1);
  let s = 0;
  for (let j = 0; j < d; j++) {
    cells[j] = Math.max(0, p0[j]);
    s += cells[j];
  }
  cells[d] = Math.max(0, 1 - s);
  const counts = sampleMultinomial(cells, shots, rng);
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) out[j] = counts[j] / shots;
  return out;
}

/** The paper's resource count: 4 N_s copies of the input per layer (docs/math.md §5). */
export function copiesPerLayer(shots: number): number {
  return 4 * shots;
}
