/**
 * Adam (Kingma & Ba 2015) on a flat Float64Array of parameters, in place: shared by the float64
 * trainer (src/core/hqrn/fit.ts) and the float64 baselines (src/core/baselines). docs/math.md §6.
 */
export interface AdamState {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export const adamState = (n: number): AdamState => ({ m: new Float64Array(n), v: new Float64Array(n), t: 0 });

export interface AdamOptions {
  /** ε of the denominator (default 1e-8). */
  epsilon?: number;
  /**
   * Per-parameter scales s_i (docs/math.md §6): Adam steps θ̂ = θ / s on ∂L/∂θ̂ = s ∂L/∂θ, i.e.
   * θ_i −= s_i lr m̂_i / (√v̂_i + ε) with m, v the moments of s ∂L/∂θ. Absent: s = 1.
   */
  scale?: Float64Array;
}

/**
 * One Adam step (β = 0.9, 0.999, bias-corrected) on theta in place:
 *   m ← β1 m + (1−β1) g,  v ← β2 v + (1−β2) g²,  θ ← θ − lr (m/(1−β1^t)) / (√(v/(1−β2^t)) + ε).
 */
export function adamStep(theta: Float64Array, grad: Float64Array, st: AdamState, lr: number, o: AdamOptions = {}): void {
  st.t++;
  const b1 = 0.9,
    b2 = 0.999,
    c1 = 1 - b1 ** st.t,
    c2 = 1 - b2 ** st.t,
    eps = o.epsilon ?? 1e-8,
    sc = o.scale;
  if (!sc) {
    for (let i = 0; i < theta.length; i++) {
      st.m[i] = b1 * st.m[i] + (1 - b1) * grad[i];
      st.v[i] = b2 * st.v[i] + (1 - b2) * grad[i] * grad[i];
      theta[i] -= (lr * st.m[i]) / c1 / (Math.sqrt(st.v[i] / c2) + eps);
    }
    return;
  }
  for (let i = 0; i < theta.length; i++) {
    const g = sc[i] * grad[i];
    st.m[i] = b1 * st.m[i] + (1 - b1) * g;
    st.v[i] = b2 * st.v[i] + (1 - b2) * g * g;
    theta[i] -= (sc[i] * lr * (st.m[i] / c1)) / (Math.sqrt(st.v[i] / c2) + eps);
  }
}
