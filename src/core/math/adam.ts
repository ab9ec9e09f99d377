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

/** One Adam step (Kingma & Ba 2015, β = 0.9, 0.999, ε = 1e-8) on theta in place. */
export function adamStep(theta: Float64Array, grad: Float64Array, st: AdamState, lr: number): void {
  st.t++;
  const b1 = 0.9,
    b2 = 0.999,
    c1 = 1 - b1 ** st.t,
    c2 = 1 - b2 ** st.t;
  for (let i = 0; i < theta.length; i++) {
    st.m[i] = b1 * st.m[i] + (1 - b1) * grad[i];
    st.v[i] = b2 * st.v[i] + (1 - b2) * grad[i] * grad[i];
    theta[i] -= (lr * st.m[i]) / c1 / (Math.sqrt(st.v[i] / c2) + 1e-8);
  }
}
