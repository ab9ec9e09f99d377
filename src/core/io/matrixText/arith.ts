/**
 * Complex arithmetic of the typed-number grammar (numbers.ts): +, −, ×, ÷, √, exp and powers on
 * the principal branch, in float64. Division by zero throws ParseError('divides by zero').
 */

/** A complex number (re, im). */
export interface Complex {
  re: number;
  im: number;
}

/** Why a text is no number; `found` is the word or character that stopped the parse, if any. */
export class ParseError extends Error {
  /** The word or character that stopped the parse, when it is not part of any number. */
  found?: string;
  constructor(message?: string, found?: string) {
    super(message);
    this.found = found;
  }
}

export const add = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
export const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
export const mul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
export function div(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  if (d === 0) throw new ParseError('divides by zero');
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}
export function csqrt(a: Complex): Complex {
  if (a.im === 0) return a.re >= 0 ? { re: Math.sqrt(a.re), im: 0 } : { re: 0, im: Math.sqrt(-a.re) };
  const r = Math.hypot(a.re, a.im);
  const re = Math.sqrt((r + a.re) / 2);
  return { re, im: (a.im >= 0 ? 1 : -1) * Math.sqrt((r - a.re) / 2) };
}
export function cexp(a: Complex): Complex {
  const m = Math.exp(a.re);
  return a.im === 0 ? { re: m, im: 0 } : { re: m * Math.cos(a.im), im: m * Math.sin(a.im) };
}
export function cpow(a: Complex, b: Complex): Complex {
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 64) {
    let r: Complex = { re: 1, im: 0 };
    for (let k = 0; k < Math.abs(b.re); k++) r = mul(r, a);
    return b.re < 0 ? div({ re: 1, im: 0 }, r) : r;
  }
  if (a.im === 0 && a.re > 0 && b.im === 0) return { re: a.re ** b.re, im: 0 };
  if (a.re === 0 && a.im === 0) return { re: 0, im: 0 };
  // principal branch: a^b = exp(b log a)
  const log = { re: Math.log(Math.hypot(a.re, a.im)), im: Math.atan2(a.im, a.re) };
  return cexp(mul(b, log));
}
