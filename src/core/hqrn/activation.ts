/**
 * Activations and the normalisation step shared by the quantum block and its classical analog
 * (docs/math.md §2 step 3 and §3): a = σ(z), q = a / Σ a, and the dead-block rule.
 */

export const ACTIVATIONS = ['relu', 'softplus', 'sigmoid', 'exp'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Below this total activation a block is dead (docs/math.md §2). */
export const DEAD_THRESHOLD = 1e-12;
const LOG_DEAD_THRESHOLD = Math.log(DEAD_THRESHOLD);

export function isActivation(s: unknown): s is Activation {
  return typeof s === 'string' && (ACTIVATIONS as readonly string[]).includes(s);
}

/** σ(z): relu = max(0, z); softplus = ln(1 + e^z) (overflow-safe); sigmoid = 1/(1 + e^−z); exp = e^z. */
export function activate(activation: Activation, z: number): number {
  switch (activation) {
    case 'relu':
      return z > 0 ? z : 0;
    case 'softplus':
      return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    case 'sigmoid':
      return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    case 'exp':
      return Math.exp(z);
  }
}

/**
 * q = σ(z) / Σ_j σ(z_j), written into `out` (length d); returns `dead`.
 * Dead (Σ_j σ(z_j) ≤ 1e-12): q = 1/d uniform.
 * For `exp` the sum is tested in log space, ln Σ e^{z_j} ≤ ln 1e-12, and q is the max-shifted
 * softmax, so a gain of 10⁶ neither overflows nor changes the contract's verdict.
 */
export function activateAndNormalise(activation: Activation, z: ArrayLike<number>, out: Float64Array): boolean {
  const d = z.length;
  if (activation === 'exp') {
    let m = -Infinity;
    for (let j = 0; j < d; j++) if (z[j] > m) m = z[j];
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = Math.exp(z[j] - m);
      out[j] = e;
      s += e;
    }
    if (!(m + Math.log(s) > LOG_DEAD_THRESHOLD)) {
      out.fill(1 / d);
      return true;
    }
    for (let j = 0; j < d; j++) out[j] /= s;
    return false;
  }
  let s = 0;
  for (let j = 0; j < d; j++) {
    const a = activate(activation, z[j]);
    out[j] = a;
    s += a;
  }
  if (s === Infinity) {
    // Only for |z| near 1e308: rescale by the largest finite activation before dividing.
    let m = 0;
    for (let j = 0; j < d; j++) m = Math.max(m, Number.isFinite(out[j]) ? out[j] : 0);
    s = 0;
    for (let j = 0; j < d; j++) {
      out[j] = Number.isFinite(out[j]) ? out[j] / m : 1;
      s += out[j];
    }
  }
  if (!(s > DEAD_THRESHOLD)) {
    // Also catches NaN (from non-finite inputs, which the file validators reject): the
    // output stays a valid state instead of spreading NaN.
    out.fill(1 / d);
    return true;
  }
  for (let j = 0; j < d; j++) out[j] /= s;
  return false;
}
