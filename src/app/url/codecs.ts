/**
 * Generic codecs of link values: a value type with its limits, as text. `decode` returns the
 * value or a problem (one line, quoting the raw text); it never throws.
 */

export type Decoded<T> = { value: T } | { problem: string };

export interface Codec<T> {
  encode(v: T): string;
  decode(raw: string): Decoded<T>;
}

/** A raw value as quoted in messages (long values shortened, so a huge link stays readable). */
export function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}…` : raw);
}

export const NUMBER_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function numberCodec(min: number, max: number, integer = false): Codec<number> {
  return {
    encode: (v) => String(v),
    decode: (raw) => {
      if (!NUMBER_SYNTAX.test(raw)) return { problem: `${quote(raw)} is not a ${integer ? 'whole number' : 'number'}` };
      const v = Number(raw);
      if (!Number.isFinite(v)) return { problem: `${quote(raw)} is not a finite number` };
      if (integer && !Number.isInteger(v)) return { problem: `${v} is not a whole number` };
      if (v < min || v > max) return { problem: `${v} is outside [${min}, ${max}]` };
      return { value: Object.is(v, -0) ? 0 : v };
    },
  };
}

/** An enumeration written with short codes. */
export function enumCodec<T extends string>(codes: Record<T, string>): Codec<T> {
  const byCode = new Map(Object.entries(codes).map(([value, code]) => [code as string, value as T]));
  return {
    encode: (v) => codes[v],
    decode: (raw) => {
      const v = byCode.get(raw);
      return v !== undefined ? { value: v } : { problem: `${quote(raw)} is not one of ${[...byCode.keys()].join(', ')}` };
    },
  };
}

export const boolCodec: Codec<boolean> = {
  encode: (v) => (v ? '1' : '0'),
  decode: (raw) => (raw === '1' ? { value: true } : raw === '0' ? { value: false } : { problem: `${quote(raw)} is not 1 or 0` }),
};
