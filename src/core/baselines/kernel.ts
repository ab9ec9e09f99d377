/**
 * Quantum-kernel classifier: kernel k(ρ, σ) = Tr(ρσ)^p, p = 1 or 2, and
 * kernel ridge classification (Schölkopf & Smola, "Learning with Kernels", §4; quantum
 * kernels: Havlíček et al., Nature 567, 209 (2019); Schuld & Killoran, PRL 122, 040504 (2019)).
 *
 * Training on states ρ_1..ρ_n with labels y_i ∈ {0, 1} → t_i = 2y_i − 1 ∈ {−1, +1}:
 *   solve (K + λ n I) β = t,  K_ij = k(ρ_i, ρ_j)   (n×n, Cholesky);
 *   decision f(σ) = Σ_i β_i k(ρ_i, σ), predicted class 1 iff f(σ) > 0.
 * There is no separate bias: Tr(ρ I) = 1 for every state, so the identity's component already
 * plays that role. For p = 1, f(σ) = Tr(σ W) with W = Σ β_i ρ_i Hermitian: a learnt linear
 * entanglement witness. Tr(ρσ) = Σ_{ij} ρ_ij conj(σ_ij) is real for Hermitian ρ, σ.
 *
 * Errors: mismatched sizes, p not 1 or 2, λ ≤ 0, a kernel matrix that is not positive
 * definite after the ridge (throws naming the pivot).
 */
import type { CMat } from '../math/complex';

/** Tr(ρσ) for Hermitian ρ, σ of the same size (real). */
export function hsInner(a: CMat, b: CMat): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`hsInner: ${a.rows}×${a.cols} vs ${b.rows}×${b.cols}`);
  let s = 0;
  for (let i = 0; i < a.re.length; i++) s += a.re[i] * b.re[i] + a.im[i] * b.im[i];
  return s;
}

export interface KernelModel {
  power: 1 | 2;
  train: CMat[];
  beta: Float64Array;
  lambda: number;
}

/** Cholesky solve of a symmetric positive definite n×n system (row-major), in place of b. */
export function choleskySolve(a: Float64Array, n: number, b: Float64Array): Float64Array {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j];
    for (let k = 0; k < j; k++) s -= L[j * n + k] ** 2;
    if (!(s > 0)) throw new Error(`choleskySolve: not positive definite at pivot ${j} (${s})`);
    const ljj = Math.sqrt(s);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j];
      const li = i * n,
        lj = j * n;
      for (let k = 0; k < j; k++) t -= L[li + k] * L[lj + k];
      L[i * n + j] = t / ljj;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = b[i];
    for (let k = 0; k < i; k++) t -= L[i * n + k] * y[k];
    y[i] = t / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let t = y[i];
    for (let k = i + 1; k < n; k++) t -= L[k * n + i] * x[k];
    x[i] = t / L[i * n + i];
  }
  return x;
}

/** Fit kernel ridge classification; λ is per sample (the system is K + λ n I, default 1e-3). */
export function fitKernel(states: CMat[], labels: ArrayLike<number>, power: 1 | 2, lambda = 1e-3): KernelModel {
  const n = states.length;
  if (labels.length !== n) throw new Error(`fitKernel: ${n} states, ${labels.length} labels`);
  if (power !== 1 && power !== 2) throw new Error(`fitKernel: power must be 1 or 2, got ${power}`);
  if (!(lambda > 0)) throw new Error(`fitKernel: λ must be > 0, got ${lambda}`);
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const k = hsInner(states[i], states[j]) ** power;
      K[i * n + j] = K[j * n + i] = k;
    }
  for (let i = 0; i < n; i++) K[i * n + i] += lambda * n;
  const t = Float64Array.from(labels, (y) => 2 * y - 1);
  return { power, train: states, beta: choleskySolve(K, n, t), lambda };
}

/** Decision values f(σ) = Σ_i β_i Tr(ρ_i σ)^p. */
export function kernelDecision(m: KernelModel, states: CMat[]): Float64Array {
  return Float64Array.from(states, (s) => {
    let f = 0;
    for (let i = 0; i < m.train.length; i++) f += m.beta[i] * hsInner(m.train[i], s) ** m.power;
    return f;
  });
}

/** Predicted classes (1 iff f > 0). */
export function kernelPredict(m: KernelModel, states: CMat[]): Int32Array {
  return Int32Array.from(kernelDecision(m, states), (f) => (f > 0 ? 1 : 0));
}

/** Number of trained parameters of the dual model (β, one per training state). */
export const kernelParameters = (m: KernelModel) => m.beta.length;
