/**
 * A reader and simulator for the subset of OpenQASM 3 that qasm.ts writes, written
 * independently of the writer (it knows nothing about Pauli rotations): it parses the
 * program, expands gate definitions, and multiplies the standard gate matrices of
 * stdgates.inc one by one. The tests use it to check that an exported circuit's unitary
 * matches the block's within the reported Trotter error.
 *
 * Subset: `OPENQASM 3[.0];`, `include "stdgates.inc";`, `qubit[N] q;`, `bit[N] c;`,
 * `gate name a, b, … { … }` (no classical parameters), gate calls with constant angle
 * expressions (numbers, pi, + − * / and parentheses), `gphase(θ);`,
 * `for [uint] i in [a:b] { … }` (a, b integer literals, inclusive), `reset q;`,
 * `c = measure q;` / `measure q -> c;`, `barrier …;`, line (//) and block comments.
 * The unitary part of a program is split into circuits at every reset or measure: the
 * maximal runs of gates between them.
 *
 * Qubit order: big-endian (HQRN.md §1), q[0] is the most significant bit of the basis index.
 */
import { type CMat, identity, mul } from './complex';

/** qasmUnitary builds dense 2^m × 2^m matrices: up to 10 qubits (1024 × 1024). */
export const QASM_SIMULATION_MAX_QUBITS = 10;

/** One gate on register qubits, or a repeated sub-circuit. */
export type QasmOp =
  | { kind: 'gate'; name: string; params: number[]; qubits: number[] }
  | { kind: 'repeat'; count: number; body: QasmOp[] };

export interface QasmProgram {
  /** Size of the (single) qubit register. */
  nQubits: number;
  /** The unitary runs between resets/measurements, in program order (empty runs dropped). */
  circuits: QasmOp[][];
}

export class QasmParseError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`QASM line ${line}: ${problem}`);
    this.name = 'QasmParseError';
  }
}

interface Token {
  text: string;
  line: number;
}

/** One token per match, tried at the current position (sticky): blanks and comments are skipped. */
const TOKEN = /(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("[^"]*"|->|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|π|[[\](){},;:=+\-*/])/y;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    // (an unclosed block comment would otherwise read as the token '/')
    if (src[at] === '/' && src[at + 1] === '*' && src.indexOf('*/', at + 2) < 0) throw new QasmParseError(line, 'unterminated /* comment');
    const m = TOKEN.exec(src);
    if (!m) {
      if (src[at] === '"') throw new QasmParseError(line, 'unterminated string');
      throw new QasmParseError(line, `unexpected character ${JSON.stringify(src[at])}`);
    }
    if (m[2] !== undefined) tokens.push({ text: m[2], line });
    for (let k = m[0].indexOf('\n'); k >= 0; k = m[0].indexOf('\n', k + 1)) line++;
  }
  return tokens;
}

/** 2×2 matrices as [re00, im00, re01, im01, re10, im10, re11, im11]. */
type M2 = [number, number, number, number, number, number, number, number];

/** The single-qubit gates of stdgates.inc (and U), from their textbook matrices. */
function singleQubitMatrix(name: string, p: number[]): M2 | null {
  const c = (t: number) => Math.cos(t), s = (t: number) => Math.sin(t);
  const r = Math.SQRT1_2;
  switch (name) {
    case 'id': return [1, 0, 0, 0, 0, 0, 1, 0];
    case 'x': return [0, 0, 1, 0, 1, 0, 0, 0];
    case 'y': return [0, 0, 0, -1, 0, 1, 0, 0];
    case 'z': return [1, 0, 0, 0, 0, 0, -1, 0];
    case 'h': return [r, 0, r, 0, r, 0, -r, 0];
    case 's': return [1, 0, 0, 0, 0, 0, 0, 1];
    case 'sdg': return [1, 0, 0, 0, 0, 0, 0, -1];
    case 't': return [1, 0, 0, 0, 0, 0, r, r];
    case 'tdg': return [1, 0, 0, 0, 0, 0, r, -r];
    // rx(θ) = exp(−iθX/2), ry(θ) = exp(−iθY/2), rz(θ) = exp(−iθZ/2), p(λ) = diag(1, e^{iλ})
    case 'rx': return [c(p[0] / 2), 0, 0, -s(p[0] / 2), 0, -s(p[0] / 2), c(p[0] / 2), 0];
    case 'ry': return [c(p[0] / 2), 0, -s(p[0] / 2), 0, s(p[0] / 2), 0, c(p[0] / 2), 0];
    case 'rz': return [c(p[0] / 2), -s(p[0] / 2), 0, 0, 0, 0, c(p[0] / 2), s(p[0] / 2)];
    case 'p':
    case 'phase': return [1, 0, 0, 0, 0, 0, c(p[0]), s(p[0])];
    // U(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]
    case 'U': {
      const [t, f, l] = p;
      return [c(t / 2), 0, -c(l) * s(t / 2), -s(l) * s(t / 2), c(f) * s(t / 2), s(f) * s(t / 2), c(f + l) * c(t / 2), s(f + l) * c(t / 2)];
    }
    default: return null;
  }
}

const PARAM_COUNT: Record<string, number> = { id: 0, x: 0, y: 0, z: 0, h: 0, s: 0, sdg: 0, t: 0, tdg: 0, rx: 1, ry: 1, rz: 1, p: 1, phase: 1, U: 3, cx: 0, CX: 0, cz: 0, swap: 0, gphase: 1 };
const QUBIT_COUNT: Record<string, number> = { cx: 2, CX: 2, cz: 2, swap: 2, gphase: 0 };

interface GateDef {
  args: string[];
  body: QasmOp[];
}

class Parser {
  private pos = 0;
  private register: { name: string; size: number } | null = null;
  private readonly gates = new Map<string, GateDef>();

  constructor(private readonly tokens: Token[]) {}

  private peek(k = 0): string | undefined {
    return this.tokens[this.pos + k]?.text;
  }
  private line(): number {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)]?.line ?? 0;
  }
  private next(): string {
    const t = this.tokens[this.pos++];
    if (!t) throw new QasmParseError(this.tokens[this.tokens.length - 1]?.line ?? 0, 'unexpected end of program');
    return t.text;
  }
  private expect(text: string): void {
    const line = this.line();
    const got = this.next();
    if (got !== text) throw new QasmParseError(line, `expected "${text}", got "${got}"`);
  }
  private int(): number {
    const line = this.line();
    const t = this.next();
    if (!/^\d+$/.test(t)) throw new QasmParseError(line, `expected an integer, got "${t}"`);
    return Number(t);
  }

  parse(): QasmProgram {
    const circuits: QasmOp[][] = [];
    let current: QasmOp[] = [];
    const cut = () => {
      if (current.length) circuits.push(current);
      current = [];
    };
    if (this.peek() === 'OPENQASM') {
      this.next();
      const line = this.line();
      const v = this.next();
      if (!/^3(\.0)?$/.test(v)) throw new QasmParseError(line, `unsupported version ${v} (expected 3)`);
      this.expect(';');
    }
    while (this.pos < this.tokens.length) {
      const t = this.peek()!;
      const line = this.line();
      if (t === 'include') {
        this.next();
        const file = this.next();
        if (file !== '"stdgates.inc"') throw new QasmParseError(line, `unsupported include ${file}`);
        this.expect(';');
      } else if (t === 'qubit' || t === 'bit') {
        this.next();
        this.expect('[');
        const size = this.int();
        this.expect(']');
        const name = this.next();
        this.expect(';');
        if (t === 'qubit') {
          if (this.register) throw new QasmParseError(line, 'only one qubit register is supported');
          this.register = { name, size };
        }
      } else if (t === 'gate') {
        this.gateDefinition();
      } else if (t === 'reset') {
        this.next();
        this.skipTo(';');
        cut();
      } else if (t === 'measure' || this.peek(1) === '=') {
        this.skipTo(';');
        cut();
      } else if (t === 'barrier') {
        this.skipTo(';');
      } else {
        current.push(...this.statement(null));
      }
    }
    cut();
    if (!this.register) throw new QasmParseError(0, 'no qubit register declared');
    return { nQubits: this.register.size, circuits };
  }

  private skipTo(end: string): void {
    while (this.next() !== end);
  }

  private gateDefinition(): void {
    const line = this.line();
    this.next();
    const name = this.next();
    if (this.peek() === '(') throw new QasmParseError(line, `gate ${name}: classical parameters are not supported`);
    const args: string[] = [];
    while (this.peek() !== '{') {
      args.push(this.next());
      if (this.peek() === ',') this.next();
    }
    this.expect('{');
    const body: QasmOp[] = [];
    while (this.peek() !== '}') body.push(...this.statement(args));
    this.expect('}');
    this.gates.set(name, { args, body });
  }

  /** One gate call or for loop; `scope` = the enclosing gate's argument names (or null at top level). */
  private statement(scope: string[] | null): QasmOp[] {
    const line = this.line();
    if (this.peek() === 'for') {
      this.next();
      if (this.peek() === 'uint' || this.peek() === 'int') this.next();
      this.next(); // loop variable (the body may not use it)
      this.expect('in');
      this.expect('[');
      const a = this.int();
      this.expect(':');
      const b = this.int();
      this.expect(']');
      this.expect('{');
      const body: QasmOp[] = [];
      while (this.peek() !== '}') body.push(...this.statement(scope));
      this.expect('}');
      return [{ kind: 'repeat', count: Math.max(0, b - a + 1), body }];
    }
    const name = this.next();
    const params: number[] = [];
    if (this.peek() === '(') {
      this.next();
      while (this.peek() !== ')') {
        params.push(this.expression());
        if (this.peek() === ',') this.next();
      }
      this.expect(')');
    }
    const operands: number[] = [];
    while (this.peek() !== ';') {
      operands.push(this.operand(scope));
      if (this.peek() === ',') this.next();
    }
    this.expect(';');
    const user = this.gates.get(name);
    if (user) {
      if (params.length) throw new QasmParseError(line, `gate ${name} takes no parameters`);
      if (operands.length !== user.args.length) throw new QasmParseError(line, `gate ${name} takes ${user.args.length} qubits, got ${operands.length}`);
      return [substitute(user.body, operands)];
    }
    if (!(name in PARAM_COUNT)) throw new QasmParseError(line, `unknown gate "${name}"`);
    if (params.length !== PARAM_COUNT[name]) throw new QasmParseError(line, `${name} takes ${PARAM_COUNT[name]} parameter(s), got ${params.length}`);
    const nq = QUBIT_COUNT[name] ?? 1;
    if (operands.length !== nq) throw new QasmParseError(line, `${name} acts on ${nq} qubit(s), got ${operands.length}`);
    if (new Set(operands).size !== operands.length) throw new QasmParseError(line, `${name}: repeated qubit`);
    return [{ kind: 'gate', name, params, qubits: operands }];
  }

  /** A qubit operand: `q[i]` at top level, or a gate argument name (its index) inside a gate. */
  private operand(scope: string[] | null): number {
    const line = this.line();
    const name = this.next();
    if (scope) {
      const k = scope.indexOf(name);
      if (k < 0) throw new QasmParseError(line, `"${name}" is not an argument of the enclosing gate`);
      return k;
    }
    if (!this.register || name !== this.register.name) throw new QasmParseError(line, `unknown qubit register "${name}"`);
    this.expect('[');
    const i = this.int();
    this.expect(']');
    if (i >= this.register.size) throw new QasmParseError(line, `qubit ${name}[${i}] is outside the register of ${this.register.size}`);
    return i;
  }

  // expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := ['-'] atom
  private expression(): number {
    let v = this.term();
    while (this.peek() === '+' || this.peek() === '-') v = this.next() === '+' ? v + this.term() : v - this.term();
    return v;
  }
  private term(): number {
    let v = this.factor();
    while (this.peek() === '*' || this.peek() === '/') v = this.next() === '*' ? v * this.factor() : v / this.factor();
    return v;
  }
  private factor(): number {
    const line = this.line();
    const t = this.next();
    if (t === '-') return -this.factor();
    if (t === '+') return this.factor();
    if (t === '(') {
      const v = this.expression();
      this.expect(')');
      return v;
    }
    if (t === 'pi' || t === 'π') return Math.PI;
    const v = Number(t);
    if (!Number.isFinite(v)) throw new QasmParseError(line, `expected a number, got "${t}"`);
    return v;
  }
}

/** A user gate's body with its argument indices replaced by the call's qubits. */
function substitute(body: QasmOp[], qubits: number[]): QasmOp {
  const map = (ops: QasmOp[]): QasmOp[] =>
    ops.map((op) => (op.kind === 'gate' ? { ...op, qubits: op.qubits.map((k) => qubits[k]) } : { ...op, body: map(op.body) }));
  return { kind: 'repeat', count: 1, body: map(body) };
}

/** Parse the QASM subset above; errors name the line. */
export function parseQasm(text: string): QasmProgram {
  return new Parser(tokenize(text)).parse();
}

/** M ← G·M for a single-qubit gate G on qubit k of m (bit m−1−k of the row index). */
function applySingle(mat: CMat, g: M2, k: number, m: number): void {
  const bit = 1 << (m - 1 - k);
  const n = mat.cols;
  const { re, im } = mat;
  for (let i = 0; i < mat.rows; i++) {
    if (i & bit) continue;
    const o0 = i * n, o1 = (i | bit) * n;
    for (let c = 0; c < n; c++) {
      const ar = re[o0 + c], ai = im[o0 + c], br = re[o1 + c], bi = im[o1 + c];
      re[o0 + c] = g[0] * ar - g[1] * ai + g[2] * br - g[3] * bi;
      im[o0 + c] = g[0] * ai + g[1] * ar + g[2] * bi + g[3] * br;
      re[o1 + c] = g[4] * ar - g[5] * ai + g[6] * br - g[7] * bi;
      im[o1 + c] = g[4] * ai + g[5] * ar + g[6] * bi + g[7] * br;
    }
  }
}

/** M ← P·M for a basis permutation/phase gate given by its action on row indices. */
function applyTwoQubit(mat: CMat, name: string, a: number, b: number, m: number): void {
  const ba = 1 << (m - 1 - a), bb = 1 << (m - 1 - b);
  const n = mat.cols;
  const { re, im } = mat;
  const swapRows = (i: number, j: number) => {
    for (let c = 0; c < n; c++) {
      const tr = re[i * n + c], ti = im[i * n + c];
      re[i * n + c] = re[j * n + c];
      im[i * n + c] = im[j * n + c];
      re[j * n + c] = tr;
      im[j * n + c] = ti;
    }
  };
  for (let i = 0; i < mat.rows; i++) {
    if (name === 'cx' || name === 'CX') {
      // |c, t⟩ → |c, t ⊕ c⟩: swap rows (c = 1, t = 0) and (c = 1, t = 1)
      if (i & ba && !(i & bb)) swapRows(i, i | bb);
    } else if (name === 'cz') {
      if (i & ba && i & bb) for (let c = 0; c < n; c++) (re[i * n + c] = -re[i * n + c]), (im[i * n + c] = -im[i * n + c]);
    } else if (name === 'swap') {
      if (i & ba && !(i & bb)) swapRows(i, (i & ~ba) | bb);
    }
  }
}

function applyOps(mat: CMat, ops: QasmOp[], m: number): CMat {
  let out = mat;
  for (const op of ops) {
    if (op.kind === 'repeat') {
      if (op.count === 0) continue;
      const body = applyOps(identity(1 << m), op.body, m);
      out = mul(power(body, op.count), out);
      continue;
    }
    if (op.name === 'gphase') {
      const c = Math.cos(op.params[0]), s = Math.sin(op.params[0]);
      for (let k = 0; k < out.re.length; k++) {
        const r = out.re[k], i = out.im[k];
        out.re[k] = c * r - s * i;
        out.im[k] = c * i + s * r;
      }
    } else if (op.qubits.length === 2) applyTwoQubit(out, op.name, op.qubits[0], op.qubits[1], m);
    else applySingle(out, singleQubitMatrix(op.name, op.params)!, op.qubits[0], m);
  }
  return out;
}

/** A^k, k ≥ 1, by repeated squaring. */
function power(a: CMat, k: number): CMat {
  let result: CMat | null = null;
  let base = a;
  for (;;) {
    if (k & 1) result = result ? mul(result, base) : base;
    k = Math.floor(k / 2);
    if (!k) return result!;
    base = mul(base, base);
  }
}

/**
 * The 2^m × 2^m unitary of circuit `index` of a parsed program: the product of its gates'
 * matrices, later gates on the left (U = G_L ··· G_2 G_1), big-endian qubit order.
 */
export function qasmUnitary(program: QasmProgram, index = 0): CMat {
  const ops = program.circuits[index];
  if (!ops) throw new Error(`the program has ${program.circuits.length} circuit(s), no circuit ${index}`);
  if (program.nQubits > QASM_SIMULATION_MAX_QUBITS) throw new Error(`a register of ${program.nQubits} qubits is too large to simulate (at most ${QASM_SIMULATION_MAX_QUBITS})`);
  return applyOps(identity(1 << program.nQubits), ops, program.nQubits);
}
