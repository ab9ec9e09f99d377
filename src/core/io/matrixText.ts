/**
 * Numbers and matrices as people type or paste them (HQRN.md §10 "States as people write
 * them"): a cell accepts `1/3`, `-1/2`, `0.5+0.5i`, `0.5-0.5j`, `i/2`, `1/sqrt(2)`, `0,5`,
 * `e^(i*pi/4)/2`; a pasted matrix may be numpy (`[[0.5, 0], …]`, `array([[0.5+0.j, …]])`, or
 * numpy's print without commas), MATLAB (`[0.5 0; 0 0.5]`), Mathematica
 * (`{{1/2, 0}, {0, 1/2}}`, `I`, `Sqrt[2]`) or CSV / TSV (`;` separators allow decimal commas).
 *
 * A small recursive-descent parser over complex numbers, no `eval` (the app's CSP forbids it):
 *   expr   := term (('+' | '-') term)*
 *   term   := unary (('*' | '/') unary | implicit unary)*      implicit: `2i`, `2sqrt(2)`, `2(1+i)`
 *   unary  := ('+' | '-') unary | power
 *   power  := atom (('^' | '**') unary)?
 *   atom   := number | 'i' | 'j' | 'I' | 'pi' | 'π' | 'e'
 *           | ('sqrt' | 'exp' | 'conj') '(' expr ')' | '(' expr ')'
 * Numbers: `12`, `0.5`, `.5`, `5.`, `1e-3`, `1E+3`, a decimal comma between digits `0,5`,
 * a numpy/MATLAB imaginary literal `0.5j` / `2i`. The Unicode minus `−` is a minus.
 */

/** A complex number (re, im). */
export interface Complex {
  re: number;
  im: number;
}

export type ParsedNumber = { value: Complex } | { problem: string };

class ParseError extends Error {
  /** The word or character that stopped the parse, when it is not part of any number. */
  found?: string;
  constructor(message?: string, found?: string) {
    super(message);
    this.found = found;
  }
}

type Token = { t: 'num'; v: number; imag: boolean } | { t: 'op'; v: string } | { t: 'name'; v: string };

/** A text as quoted in messages, shortened when long. */
function quoted(text: string): string {
  const t = text.trim().replace(/\s+/g, ' '); // one line, whatever was pasted
  return `'${t.length > 30 ? t.slice(0, 27) + '…' : t}'`;
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
      // a directly following i / j (not the start of a name) makes an imaginary literal
      const next = s[i];
      let imag = false;
      if ((next === 'i' || next === 'j' || next === 'I') && !/[a-zA-Z]/.test(s[i + 1] ?? '')) {
        imag = true;
        i++;
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

const add = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
const mul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
function div(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  if (d === 0) throw new ParseError('divides by zero');
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}
function csqrt(a: Complex): Complex {
  if (a.im === 0) return a.re >= 0 ? { re: Math.sqrt(a.re), im: 0 } : { re: 0, im: Math.sqrt(-a.re) };
  const r = Math.hypot(a.re, a.im);
  const re = Math.sqrt((r + a.re) / 2);
  return { re, im: (a.im >= 0 ? 1 : -1) * Math.sqrt((r - a.re) / 2) };
}
function cexp(a: Complex): Complex {
  const m = Math.exp(a.re);
  return a.im === 0 ? { re: m, im: 0 } : { re: m * Math.cos(a.im), im: m * Math.sin(a.im) };
}
function cpow(a: Complex, b: Complex): Complex {
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 64) {
    let r: Complex = { re: 1, im: 0 };
    for (let k = 0; k < Math.abs(b.re); k++) r = mul(r, a);
    return b.re < 0 ? div({ re: 1, im: 0 }, r) : r;
  }
  if (a.im === 0 && a.re > 0 && b.im === 0) return { re: Math.pow(a.re, b.re), im: 0 };
  if (a.re === 0 && a.im === 0) return { re: 0, im: 0 };
  // principal branch: a^b = exp(b log a)
  const log = { re: Math.log(Math.hypot(a.re, a.im)), im: Math.atan2(a.im, a.re) };
  return cexp(mul(b, log));
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
  pi: { re: Math.PI, im: 0 },
  Pi: { re: Math.PI, im: 0 },
  e: { re: Math.E, im: 0 },
  E: { re: Math.E, im: 0 },
};

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

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
function foundWord(text: string): string | undefined {
  try {
    parseTokens(tokenize(text));
  } catch (e) {
    if (e instanceof ParseError) return e.found;
  }
  return undefined;
}

/**
 * Entries of a density matrix are at most 1 in size; a pasted square matrix (`size` given) with
 * an entry above this is refused as unreadable rather than checked (1e308 would overflow the
 * trace and show as "Infinity" in a cell).
 */
export const MAX_STATE_ENTRY = 1e6;

/** A pasted matrix: its complex entries (rows × cols), or the first problem found. */
export type ParsedMatrix = { re: number[][]; im: number[][]; format: MatrixFormat } | { problem: string };

export type MatrixFormat = 'numpy' | 'matlab' | 'mathematica' | 'csv';

/** The innermost bracket groups `[…]` (or `{…}`) of a text, in order. */
function innermostGroups(s: string, open: string, close: string): string[] | null {
  const groups: string[] = [];
  let depth = 0, start = -1, hasInner = false;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === open) {
      depth++;
      start = k + 1;
      hasInner = false;
    } else if (s[k] === close) {
      if (depth === 0) return null;
      if (start >= 0 && !hasInner) groups.push(s.slice(start, k));
      depth--;
      start = -1;
      hasInner = true;
    }
  }
  return depth === 0 ? groups : null;
}

/**
 * numpy prints complex arrays padded for alignment, `[[0.5+0.j  0. +0.j ]`: a lone sign term
 * after a number is that number's imaginary part. Whitespace-separated cells are re-joined.
 */
function joinNumpyComplex(cells: string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (/^[+-]/.test(c) && /[ij]$/.test(c) && out.length > 0 && !/[ij]$/.test(out[out.length - 1])) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/**
 * MATLAB's rule inside brackets: `1 + 2i` (spaces on both sides of the operator) is one entry,
 * `1 +2i` two; `*`, `/`, `^` always bind. Returns the row's entries.
 */
function splitMatlabRow(row: string): string[] {
  const bound = row
    .replace(/\s+([+\-*/^])\s+/g, '$1')
    .replace(/\s*([*/^])\s*/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/\s+([)])/g, '$1');
  return bound.split(/[\s,]+/).filter((c) => c !== '');
}

/** Split a row on its separator: tab, then ';', then ',', then whitespace. */
function splitPlainRow(row: string): string[] {
  if (row.includes('\t')) return row.split('\t').map((c) => c.trim());
  if (row.includes(';')) return row.split(';').map((c) => c.trim());
  if (row.includes(',')) return row.split(',').map((c) => c.trim());
  return row.trim().split(/\s+/);
}

/**
 * Parse a pasted matrix (see the module comment for the formats), every entry through
 * parseComplex. Problems are one line naming the place: "row 2, column 3: '0.5.1' is not a
 * number", "row 2 has 3 entries, expected 4", "3 rows, expected 4 (a 4×4 matrix)". With
 * `size` the matrix must be size×size; otherwise any rectangular matrix.
 */
export function parseMatrixText(text: string, size?: number): ParsedMatrix {
  let s = text.replace(/[−–]/g, '-').trim();
  if (s === '') return { problem: 'nothing pasted' };
  let format: MatrixFormat;
  let rows: string[][];
  // numpy's wrappers: array(…), np.array(…), matrix(…), dtype=…
  s = s.replace(/^(?:np\.|numpy\.)?(?:array|matrix|asarray)\s*\(/, '(').replace(/,\s*dtype\s*=\s*[\w.]+\s*/, '');
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  if (s.startsWith('{')) {
    format = 'mathematica';
    const groups = innermostGroups(s.replace(/\*\^/g, 'e').replace(/\bSqrt\s*\[/g, 'sqrt(').replace(/\bExp\s*\[/g, 'exp(').replace(/\]/g, ')'), '{', '}');
    if (!groups) return { problem: 'the braces { } do not match' };
    rows = groups.map((g) => g.split(',').map((c) => c.trim()));
  } else if (/^\[\s*\[/.test(s)) {
    format = 'numpy';
    const groups = innermostGroups(s, '[', ']');
    if (!groups) return { problem: 'the brackets [ ] do not match' };
    rows = groups.map((g) => (g.includes(',') ? g.split(',').map((c) => c.trim()) : joinNumpyComplex(g.trim().split(/\s+/))));
  } else if (s.startsWith('[')) {
    format = 'matlab';
    if (!s.endsWith(']')) return { problem: 'the brackets [ ] do not match' };
    rows = s
      .slice(1, -1)
      .split(/;|\n/)
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map(splitMatlabRow);
  } else if (!/\n/.test(s) && s.includes(';') && s.split(';').filter((r) => r.trim() !== '').every((r) => /\S\s+\S/.test(r.trim()))) {
    // MATLAB rows typed without their brackets on one line: `1/4 0 0 0; 0 1/4 0 0; …` (a
    // one-line CSV with ';' separators has no spaces inside its cells and stays CSV).
    format = 'matlab';
    rows = s
      .split(';')
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map(splitMatlabRow);
  } else {
    format = 'csv';
    rows = s
      .split(/\r?\n/)
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map(splitPlainRow);
  }
  rows = rows.map((r) => (r.length > 1 && r[r.length - 1] === '' ? r.slice(0, -1) : r)); // a trailing separator
  if (rows.length === 0) return { problem: 'no rows found' };
  const expectRows = size ?? rows.length;
  const expectCols = size ?? rows[0].length;
  const shape = size !== undefined ? ` (a ${size}×${size} matrix)` : '';
  // A word that is no number ("hello") is the problem to name first, whatever the shape.
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < rows[i].length; j++) {
      const found = 'problem' in parseComplex(rows[i][j]) ? foundWord(rows[i][j]) : undefined;
      if (found !== undefined) return { problem: `row ${i + 1}, column ${j + 1}: found ${quoted(found)} where a number was expected` };
    }
  if (rows.length !== expectRows) return { problem: `${rows.length} row${rows.length === 1 ? '' : 's'}, expected ${expectRows}${shape}` };
  const re: number[][] = [], im: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== expectCols) return { problem: `row ${i + 1} has ${rows[i].length} entr${rows[i].length === 1 ? 'y' : 'ies'}, expected ${expectCols}${shape}` };
    re.push([]);
    im.push([]);
    for (let j = 0; j < rows[i].length; j++) {
      const p = parseComplex(rows[i][j]);
      if ('problem' in p) return { problem: `row ${i + 1}, column ${j + 1}: ${p.problem}` };
      if (size !== undefined && Math.hypot(p.value.re, p.value.im) > MAX_STATE_ENTRY)
        return { problem: `row ${i + 1}, column ${j + 1}: ${quoted(rows[i][j])} is too large for a density matrix (its entries are at most 1 in size)` };
      re[i].push(p.value.re);
      im[i].push(p.value.im);
    }
  }
  return { re, im, format };
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
