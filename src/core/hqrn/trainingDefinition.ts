/**
 * The ONE training definition of the HQRN (docs/math.md §6), shared by the studio's tfjs trainer
 * (workers/engine/train) and the float64 trainer of `hqrn train` / `hqrn sweep`
 * (src/core/hqrn/fit.ts): the pure pieces — initial draws, their order and RNG, the parameter
 * scales, Adam's hyper-parameters and the shuffle stream — live here so the two cannot drift.
 *
 * Parametrisation (docs/math.md §6): each weight is a fixed scale times an O(1) trained
 * variable, and Adam steps the variable (so the real weight moves by scale × learning rate):
 *   Ã± = d^¼ · Â±,  Re Â, Im Â ~ N(0, ½)   (entries of Ã ~ N(0, √d / 2); gain c = 1 while training)
 *   R  = √d · R̂,   R̂ ~ N(0, 1/d)          (entries of R ~ N(0, 1))
 *   block biases b = BIAS_INIT = 1, readout bias r = 0 (scale 1).
 * Draw order from makeRng(seed): R̂ (C×d, row-major), then blocks k = 1..K, each Re Â+, Im Â+,
 * Re Â−, Im Â− (d×d row-major). Every draw is rounded to float32 (Math.fround), so the tfjs
 * variables and the float64 core start from the same numbers exactly.
 * Shuffles: one stream makeRng(seed + SHUFFLE_SEED_OFFSET) for the whole run (every epoch of
 * every greedy stage draws its Fisher–Yates permutation from it in turn).
 */
import { makeRng, type Rng } from '../math/rng';

/** Adam (Kingma & Ba 2015) with bias correction; constant learning rate. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;
/** Block biases start positive so σ(z) is not 0 for every j (a dead ReLU block passes no gradient). */
export const BIAS_INIT = 1;
/** The shuffle stream's seed is the run's seed plus this. */
export const SHUFFLE_SEED_OFFSET = 7919;

/** Scale of Ã± = d^¼ · Â± (so c(|Ã+|² − |Ã−|²) ~ √d at c = 1). */
export const quantumScale = (d: number) => d ** 0.25;
/** Scale of R = √d · R̂ (and of the classical W = √d · Ŵ). */
export const readoutScale = (d: number) => Math.sqrt(d);
/** Std of the entries of R̂, Re Â, Im Â (and Ŵ of the classical network). */
export const readoutStd = (d: number) => 1 / Math.sqrt(d);
export const quantumStd = Math.SQRT1_2;

/**
 * |test accuracy tfjs − test accuracy core| allowed per run: 0.01 (10 of the 1,000 test states).
 * Measured (workers/engine/train/oneDefinition.test.ts: entanglement, depth 2, α 0.6, softplus,
 * lr 0.05, 6 epochs, batch 32, 600 train / 1000 test, seeds 1–3, both modes): 0.000 on every
 * run; at most 0.004 over 18 further runs (relu / sigmoid / softplus, depth 2–4, α 0.3–0.8, both modes, seeds 4–6), where float32 rounding moved a few
 * borderline test states (relu's kink amplifies it most). The old two definitions differed by up
 * to 0.18 (end-to-end seed 2: 0.711 vs 0.531).
 */
export const ONE_DEFINITION_TOLERANCE = 0.01;

/** The seeded generator of the initial draws. */
export const initRng = (seed: number): Rng => makeRng(seed);
/** The seeded generator of the run's shuffles (one stream for all epochs and stages). */
export const shuffleRng = (seed: number): Rng => makeRng(seed + SHUFFLE_SEED_OFFSET);

/** n draws of N(0, std²) from rng, each rounded to float32. */
export function gaussDraws(rng: Rng, n: number, std: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = std * rng.normal();
  return a;
}

/** R̂ (C×d row-major), drawn first. */
export const drawReadout = (rng: Rng, d: number, classes: number): Float32Array => gaussDraws(rng, classes * d, readoutStd(d));

/** One block's Re Â+, Im Â+, Re Â−, Im Â− (d×d each, row-major), in that order; std overrides ½^½. */
export function drawQuantumBlock(rng: Rng, d: number, std = quantumStd): { pRe: Float32Array; pIm: Float32Array; mRe: Float32Array; mIm: Float32Array } {
  const D2 = d * d;
  return { pRe: gaussDraws(rng, D2, std), pIm: gaussDraws(rng, D2, std), mRe: gaussDraws(rng, D2, std), mIm: gaussDraws(rng, D2, std) };
}
