/**
 * A reader for the subset of OpenQASM 3 that qasm.ts writes, written independently of the
 * writer (it knows nothing about Pauli rotations): it parses the program and expands gate
 * definitions; qasmSimulate.ts multiplies the standard gate matrices. The tests use the pair
 * to check that an exported circuit's unitary matches the block's within the reported
 * Trotter error.
 *
 * Subset: `OPENQASM 3[.0];`, `include "stdgates.inc";`, `qubit[N] q;`, `bit[N] c;`,
 * `gate name a, b, … { … }` (no classical parameters), gate calls with constant angle
 * expressions (numbers, pi, + − * / and parentheses), `gphase(θ);`,
 * `for [uint] i in [a:b] { … }` (a, b integer literals, inclusive), `reset q;`,
 * `c = measure q;` / `measure q -> c;`, `barrier …;`, line (//) and block comments.
 * The unitary part of a program is split into circuits at every reset or measure: the
 * maximal runs of gates between them.
 *
 * Qubit order: big-endian (docs/math.md §1), q[0] is the most significant bit of the basis index.
 */

/** One gate on register qubits, or a repeated sub-circuit. */
export type QasmOp = { kind: 'gate'; name: string; params: number[]; qubits: number[] } | { kind: 'repeat'; count: number; body: QasmOp[] };

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

const PARAM_COUNT: Record<string, number> = {
  id: 0,
  x: 0,
  y: 0,
  z: 0,
  h: 0,
  s: 0,
  sdg: 0,
  t: 0,
  tdg: 0,
  rx: 1,
  ry: 1,
  rz: 1,
  p: 1,
  phase: 1,
  U: 3,
  cx: 0,
  CX: 0,
  cz: 0,
  swap: 0,
  gphase: 1,
};
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
