/**
 * Text formatting of the numbers the views show. Nothing here computes physics: it turns
 * the engine's numbers into strings, and missing or non-finite values into "—".
 */
import { VIZ_LIMITS } from './config';

export const MISSING = '—';
const MINUS = '−';

/** A real number with 4 decimals (U+2212 minus sign); "—" when missing or not finite. */
export function fmt(v: number | undefined | null, decimals: number = VIZ_LIMITS.decimals): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return MISSING;
  const s = Math.abs(v).toFixed(decimals);
  // No "−0.0000": a value that rounds to zero is shown as zero.
  if (Number(s) === 0) return (0).toFixed(decimals);
  return v < 0 ? MINUS + s : s;
}

/**
 * A whole count with comma thousands separators ("12,345"), rounded; "—" when not finite.
 * Not toLocaleString: its first call loads the locale data, 60 ms on the main thread in
 * Chromium (it was the one long task of a training run).
 */
export function fmtCount(v: number | undefined | null): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return MISSING;
  const digits = String(Math.abs(Math.round(v))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return v <= -0.5 ? MINUS + digits : digits;
}

/** `a + bi` / `a − bi` with 4 decimals each, e.g. "0.2500 − 0.1000i". */
export function fmtComplex(re: number | undefined, im: number | undefined): string {
  if (re === undefined || im === undefined || !Number.isFinite(re) || !Number.isFinite(im)) return MISSING;
  const b = fmt(Math.abs(im));
  const negIm = im < 0 && Number(Math.abs(im).toFixed(VIZ_LIMITS.decimals)) !== 0;
  return `${fmt(re)} ${negIm ? MINUS : '+'} ${b}i`;
}

/** Big-endian basis label of index i on n qubits (qubit 0 is the most significant bit). */
export function basisBits(i: number, nQubits: number): string {
  return i.toString(2).padStart(Math.max(1, nQubits), '0');
}

export function ket(i: number, nQubits: number): string {
  return `|${basisBits(i, nQubits)}⟩`;
}

/** `|01⟩⟨10|` for row i, column j. */
export function ketBra(i: number, j: number, nQubits: number): string {
  return `|${basisBits(i, nQubits)}⟩⟨${basisBits(j, nQubits)}|`;
}

/** The hover/focus text of a matrix entry, e.g. `|01⟩⟨10|: 0.2500 − 0.1000i`. */
export function entryText(i: number, j: number, nQubits: number, re: number | undefined, im: number | undefined): string {
  return `${ketBra(i, j, nQubits)}: ${fmtComplex(re, im)}`;
}

/** A class label as shown: numbers as "digit 3", strings as they are. */
export function classLabel(c: string | number | undefined): string {
  if (c === undefined) return MISSING;
  return typeof c === 'number' ? `digit ${c}` : c;
}

/** The entry with the largest modulus over a list of matrices/vectors (for colour scales). */
export function maxModulus(parts: { re: ArrayLike<number>; im?: ArrayLike<number> }[]): number {
  let m = 0;
  for (const p of parts) {
    const n = p.re.length;
    for (let k = 0; k < n; k++) {
      const a = p.re[k];
      const b = p.im ? p.im[k] : 0;
      const v = Math.sqrt(a * a + b * b);
      if (v > m && Number.isFinite(v)) m = v;
    }
  }
  return m;
}
