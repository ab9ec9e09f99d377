/**
 * Seeded randomness: every random draw in HQRN Explorer goes through an `Rng` made from an
 * integer seed, so the same seed gives the same numbers (docs/math.md §5). The bit source is
 * pure-rand's xoroshiro128+; the distributions on top are the textbook ones.
 */
import { xoroshiro128plus } from 'pure-rand';

export interface Rng {
  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/** A seeded generator; `seed` is any finite number (its low 32 bits and high bits are mixed). */
export function makeRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const gen = xoroshiro128plus(fmix32((Math.floor(seed) ^ Math.floor(seed / 4294967296)) | 0));
  // xoroshiro's first outputs for small seeds are small numbers: mix the seed and warm up.
  for (let i = 0; i < 16; i++) gen.unsafeNext();
  let spare: number | null = null;
  const uniform = (): number => {
    const hi = gen.unsafeNext() >>> 5; // 27 bits
    const lo = gen.unsafeNext() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = 0;
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    int(n: number) {
      return Math.min(n - 1, Math.floor(uniform() * n));
    },
  };
}

/** murmur3's 32-bit finaliser: spreads nearby seeds (1, 2, 3, …) over the whole state. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Fisher–Yates shuffle of 0..n−1 with a seeded generator. */
export function seededPermutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}
