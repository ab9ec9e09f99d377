/**
 * The §8 measures as functions of a spectrum (docs/math.md §8), shared by every path that
 * computes them: the float64 core (measures.ts), the explorer's Jacobi fast path
 * (workers/engine/explore/fastMeasures.ts) and the engine's batches of diagonal states
 * (workers/engine/forward/layers.ts). No imports: cheap to pull into any bundle.
 *
 * Round-off. Quantities that the mathematics keeps ≥ 0 (entropy, negativity, concurrence,
 * l1-coherence) or ≤ 1 (purity and trace of a state) are snapped to the bound when they miss it
 * by at most ROUND_OFF (1e-12): a product state's negativity is reported as 0, not −1.1e-16.
 * A larger violation is NOT clamped: it is a real defect of the input (or of a float32 path)
 * and must stay visible to the invariant checks and the reader.
 */

/** The largest violation of a bound that is treated as round-off and snapped to the bound. */
export const ROUND_OFF = 1e-12;

/** v, or `lo` when lo − ROUND_OFF ≤ v < lo (a larger violation is returned unchanged). */
export function atLeast(v: number, lo: number): number {
  return v < lo && v >= lo - ROUND_OFF ? lo : v;
}

/** v, or `hi` when hi < v ≤ hi + ROUND_OFF (a larger violation is returned unchanged). */
export function atMost(v: number, hi: number): number {
  return v > hi && v <= hi + ROUND_OFF ? hi : v;
}

/** A quantity that is ≥ 0 by its definition (atLeast(v, 0)). */
export function nonNegative(v: number): number {
  return atLeast(v, 0);
}

/** A quantity in [0, 1] by its definition (purity, trace of a state): round-off snapped at both ends. */
export function unitInterval(v: number): number {
  return atMost(atLeast(v, 0), 1);
}

/**
 * Von Neumann entropy from the eigenvalues λ_i of ρ (docs/math.md §8):
 * S = −Σ_i λ_i log₂ λ_i in bits, 0 log 0 = 0. Eigenvalues ≤ 0 (round-off on rank-deficient
 * states) contribute nothing (their log would be NaN); the sum is then round-off snapped at 0.
 * `offset`/`length` read a slice (a batch row) without copying.
 */
export function spectrumEntropy(values: ArrayLike<number>, offset = 0, length = values.length - offset): number {
  let s = 0;
  for (let i = offset; i < offset + length; i++) {
    const l = values[i];
    if (l > 0) s -= l * Math.log2(l);
  }
  return nonNegative(s);
}

/**
 * Negativity N(ρ) = (‖ρ^{T_B}‖₁ − 1)/2 = (Σ_i |μ_i| − 1)/2 from the eigenvalues μ_i of the
 * partial transpose ρ^{T_B} (docs/math.md §8), round-off snapped at 0.
 */
export function negativityFromSpectrum(ptEigenvalues: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < ptEigenvalues.length; i++) s += Math.abs(ptEigenvalues[i]);
  return nonNegative((s - 1) / 2);
}

/** The measures of a diagonal state ρ = diag(x) that do not vanish identically. */
export interface DiagonalMeasures {
  /** Σ_i x_i */
  trace: number;
  /** Σ_i x_i² */
  purity: number;
  /** −Σ_i x_i log₂ x_i (bits) */
  entropy: number;
}

/**
 * The §8 measures of ρ = diag(x) in closed form, O(d) (the eigenvalues of ρ are x): trace Σx,
 * purity Σx², entropy −Σ x log₂ x; coherence and the trace distance to diag(x) are 0, and a
 * two-qubit diagonal state is separable (concurrence 0, negativity 0, PPT). Reads
 * x[offset … offset + d) (a row of an n×d batch). Trace and purity are round-off snapped to [0, 1].
 */
export function diagonalMeasures(x: ArrayLike<number>, d: number, offset = 0): DiagonalMeasures {
  let trace = 0,
    purity = 0;
  for (let i = offset; i < offset + d; i++) {
    const v = x[i];
    trace += v;
    purity += v * v;
  }
  return { trace: unitInterval(trace), purity: unitInterval(purity), entropy: spectrumEntropy(x, offset, d) };
}
