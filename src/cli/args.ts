/**
 * Option parsing shared by the `hqrn` commands: one-line errors that name the flag
 * (`hqrn: --alpha must be a number in [0, 1], got "2"`), exit code 2 (main.ts).
 */
import { readFileSync } from 'node:fs';
import { FileFormatError } from '../core/io/files';

export class UsageError extends Error {}

/** Bytes of a file, or a FileFormatError `--flag: cannot read PATH: ENOENT`. */
export function readBytes(flag: string, path: string | undefined): Uint8Array {
  if (!path) throw new UsageError(`--${flag} is required`);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new FileFormatError(`--${flag}`, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function intOption(name: string, value: string | undefined, min: number, fallback?: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer ${max < Number.MAX_SAFE_INTEGER ? `in [${min}, ${max}]` : `≥ ${min}`}, got ${JSON.stringify(value)}`);
  return n;
}

export function numOption(name: string, value: string | undefined, lo: number, hi: number, fallback: number, open = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const ok = value.trim() !== '' && Number.isFinite(n) && (open ? n > lo && n < hi : n >= lo && n <= hi);
  if (!ok) throw new UsageError(`--${name} must be a number in ${open ? '(' : '['}${lo}, ${hi}${open ? ')' : ']'}, got ${JSON.stringify(value)}`);
  return n;
}

export function choiceOption<T extends string>(name: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** A comma-separated list option of a sweep ("0.3,0.5,0.7"); undefined stays undefined. */
export function listOption(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
