/**
 * Numbers as people type or paste them (docs/math.md §10 "States as people write them"): a
 * cell accepts `1/3`, `-1/2`, `0.5+0.5i`, `0.5-0.5j`, Julia's `0.5+0.1im`, `i/2`, `1/sqrt(2)`,
 * `0,5`, `e^(i*pi/4)/2`, Mathematica's `I` and `Sqrt[2]`. (Whole matrices: matrix.ts.)
 *
 * A small recursive-descent parser over complex numbers, no `eval` (the app's CSP forbids it):
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary | implicit unary)*      implicit: `2i`, `2sqrt(2)`, `2(1+i)`
 *   unary  := ('+' | '-') unary | power
 *   power  := atom (('^' | '**') unary)?
 *   atom   := number | 'i' | 'j' | 'I' | 'im' | 'pi' | 'π' | 'e'
 *           | ('sqrt' | 'exp' | 'conj') '(' expr ')' | '(' expr ')'
 * Numbers: `12`, `0.5`, `.5`, `5.`, `1e-3`, `1E+3`, a decimal comma between digits `0,5`,
 * an imaginary literal `0.5j` (numpy) / `2i` (MATLAB) / `2im` (Julia). The Unicode minus `−` is a minus.
 */
import { type Complex, ParseError, add, cexp, cpow, csqrt, div, mul, sub } from './arith';

export type { Complex } from './arith';

export type ParsedNumber = { value: Complex } | { problem: string };

type Token = { t: 'num'; v: number; imag: boolean } | { t: 'op'; v: string } | { t: 'name'; v: string };

/** A text as quoted in messages, shortened when long. */
export function quoted(text: string): string {
  const t = text.trim().replace(/\s+/g, ' '); // one line, whatever was pasted
  return `'${t.length > 30 ? `${t.slice(0, 27)}…` : t}'`;
}

function tokenize(text: string): Token[] {
  const s = text.replace(/[−–]/g, '-').replace(/×/g, '*').replace(/÷/g, '/');
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(?:\d+(?:[.,]\d+)?\.?|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
    if (num) {
      const lit = num[0];
      // a decimal comma only between digits ("0,5")
      const value = Number(lit.replace(',', '.'));
      if (Number.isNaN(value)) throw new ParseError();
      if (!Number.isFinite(value)) throw new ParseError('too large');
      i += lit.length;
      // a directly following i / j / Julia's im (not the start of a name) makes an imaginary literal
      const next = s[i];
      let imag = false;
      if ((next === 'i' || next === 'j' || next === 'I') && !/[a-zA-Z]/.test(s[i + 1] ?? '')) {
        imag = true;
        i++;
      } else if (s.startsWith('im', i) && !/[a-zA-Z]/.test(s[i + 2] ?? '')) {
        imag = true;
        i += 2;
      }
      out.push({ t: 'num', v: value, imag });
      // "5.5.1": a second dot straight after a number is an error, not two numbers
      if (s[i] === '.' || s[i] === ',') throw new ParseError();
      continue;
    }
    if (s.startsWith('**', i)) {
      out.push({ t: 'op', v: '^' });
      i += 2;
      continue;
    }
    if ('+-*/^()[]'.includes(ch)) {
      // Mathematica's Sqrt[2]: brackets as parentheses
      out.push({ t: 'op', v: ch === '[' ? '(' : ch === ']' ? ')' : ch });
      i++;
      continue;
    }
    if (ch === 'π') {
      out.push({ t: 'name', v: 'pi' });
      i++;
      continue;
    }
    const name = /^[a-zA-Z_][a-zA-Z_0-9.]*/.exec(s.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    throw new ParseError(undefined, ch);
  }
  return out;
}

const FUNCTIONS: Record<string, (a: Complex) => Complex> = {
  sqrt: csqrt,
  exp: cexp,
  conj: (a) => ({ re: a.re, im: -a.im }),
};
const CONSTANTS: Record<string, Complex> = {
  i: { re: 0, im: 1 },
  j: { re: 0, im: 1 },
  I: { re: 0, im: 1 },
  im: { re: 0, im: 1 },
  pi: { re: Math.PI, im: 0 },
  Pi: { re: Math.PI, im: 0 },
  e: { re: Math.E, im: 0 },
  E: { re: Math.E, im: 0 },
};

const own = (o: object, key: string) => Object.hasOwn(o, key);

function functionName(name: string): string | undefined {
  const bare = name.replace(/^(np|numpy|math|cmath|Math)\./, '');
  const key = bare.toLowerCase();
  // own keys only: "constructor" or "toString" are not functions of this grammar
  return own(FUNCTIONS, key) ? key : undefined;
}

function parseTokens(tokens: Token[]): Complex {
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new ParseError();
    pos++;
  };
  const startsAtom = () => {
    const p = peek();
    return p !== undefined && (p.t === 'num' || p.t === 'name' || (p.t === 'op' && p.v === '('));
  };

  function atom(): Complex {
    const p = peek();
    if (!p) throw new ParseError();
    if (p.t === 'num') {
      pos++;
      return p.imag ? { re: 0, im: p.v } : { re: p.v, im: 0 };
    }
    if (p.t === 'name') {
      pos++;
      const f = functionName(p.v);
      if (f) {
        expect('(');
        const arg = expr();
        expect(')');
        return FUNCTIONS[f](arg);
      }
      if (!own(CONSTANTS, p.v)) throw new ParseError(undefined, p.v);
      const c = CONSTANTS[p.v];
      return c;
    }
    if (p.v === '(') {
      pos++;
      const v = expr();
      expect(')');
      return v;
    }
    throw new ParseError();
  }
  function power(): Complex {
    const base = atom();
    if (isOp('^')) {
      pos++;
      return cpow(base, unary());
    }
    return base;
  }
  function unary(): Complex {
    if (isOp('-')) {
      pos++;
      const v = unary();
      return { re: -v.re, im: -v.im };
    }
    if (isOp('+')) {
      pos++;
      return unary();
    }
    return power();
  }
  function term(): Complex {
    let v = unary();
    for (;;) {
      if (isOp('*')) {
        pos++;
        v = mul(v, unary());
      } else if (isOp('/')) {
        pos++;
        v = div(v, unary());
      } else if (startsAtom() && peek()!.t !== 'num') {
        // implicit multiplication: 2i, 2 sqrt(2), 2(1+i) — but never two numbers "2 3"
        v = mul(v, power());
      } else return v;
    }
  }
  function expr(): Complex {
    let v = term();
    for (;;) {
      if (isOp('+')) {
        pos++;
        v = add(v, term());
      } else if (isOp('-')) {
        pos++;
        v = sub(v, term());
      } else return v;
    }
  }
  const v = expr();
  if (pos !== tokens.length) throw new ParseError();
  return v;
}

/**
 * The complex value of one typed number or expression (see the module comment), or a problem:
 * `'0.5.1' is not a number`, `'1/0' divides by zero`, `'1e999' is not a finite number`.
 * Empty text is a problem too ("is empty"); callers decide whether empty means 0.
 */
export function parseComplex(text: string): ParsedNumber {
  if (text.trim() === '') return { problem: 'is empty' };
  try {
    const v = parseTokens(tokenize(text));
    if (!Number.isFinite(v.re) || !Number.isFinite(v.im)) return { problem: `${quoted(text)} is not a finite number` };
    // −0 prints as "0"
    return { value: { re: v.re + 0, im: v.im + 0 } };
  } catch (e) {
    if (e instanceof ParseError && e.message === 'divides by zero') return { problem: `${quoted(text)} divides by zero` };
    if (e instanceof ParseError && e.message === 'too large') return { problem: `${quoted(text)} is too large (not a finite number)` };
    if (e instanceof ParseError) return { problem: `${quoted(text)} is not a number` };
    throw e;
  }
}

/**
 * The first word or stray character of a text that belongs to no number (`hello` in
 * `hello world 1`), or undefined when the text is made of number pieces (`0.5.1`).
 */
export function foundWord(text: string): string | undefined {
  try {
    parseTokens(tokenize(text));
  } catch (e) {
    if (e instanceof ParseError) return e.found;
  }
  return undefined;
}

/**
 * A number as a cell shows it: at most 6 decimals, trailing zeros dropped (0.333333, -0.5, 0).
 */
export function formatCell(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  // beyond 1e15 six decimals mean nothing, and v·1e6 could overflow to Infinity
  if (Math.abs(v) >= 1e15) return String(Number(v.toPrecision(6)));
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) || r === 0 ? '0' : String(Number(r.toFixed(6)));
}
