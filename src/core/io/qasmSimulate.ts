/**
 * The unitary of a parsed OpenQASM 3 circuit (qasmParse.ts), gate by gate from the textbook
 * matrices of stdgates.inc, big-endian (docs/math.md §1: q[0] is the most significant bit of the
 * basis index). Written independently of the writer (qasm.ts) and of trotter.ts's Pauli
 * exponentials, so the tests compare two independent computations.
 */
import { type CMat, identity, mul } from '../math/complex';
import type { QasmOp, QasmProgram } from './qasmParse';

/** qasmUnitary builds dense 2^m × 2^m matrices: up to 10 qubits (1024 × 1024). */
export const QASM_SIMULATION_MAX_QUBITS = 10;

/** 2×2 matrices as [re00, im00, re01, im01, re10, im10, re11, im11]. */
type M2 = [number, number, number, number, number, number, number, number];

/** The single-qubit gates of stdgates.inc (and U), from their textbook matrices. */
function singleQubitMatrix(name: string, p: number[]): M2 | null {
  const c = (t: number) => Math.cos(t),
    s = (t: number) => Math.sin(t);
  const r = Math.SQRT1_2;
  switch (name) {
    case 'id':
      return [1, 0, 0, 0, 0, 0, 1, 0];
    case 'x':
      return [0, 0, 1, 0, 1, 0, 0, 0];
    case 'y':
      return [0, 0, 0, -1, 0, 1, 0, 0];
    case 'z':
      return [1, 0, 0, 0, 0, 0, -1, 0];
    case 'h':
      return [r, 0, r, 0, r, 0, -r, 0];
    case 's':
      return [1, 0, 0, 0, 0, 0, 0, 1];
    case 'sdg':
      return [1, 0, 0, 0, 0, 0, 0, -1];
    case 't':
      return [1, 0, 0, 0, 0, 0, r, r];
    case 'tdg':
      return [1, 0, 0, 0, 0, 0, r, -r];
    // rx(θ) = exp(−iθX/2), ry(θ) = exp(−iθY/2), rz(θ) = exp(−iθZ/2), p(λ) = diag(1, e^{iλ})
    case 'rx':
      return [c(p[0] / 2), 0, 0, -s(p[0] / 2), 0, -s(p[0] / 2), c(p[0] / 2), 0];
    case 'ry':
      return [c(p[0] / 2), 0, -s(p[0] / 2), 0, s(p[0] / 2), 0, c(p[0] / 2), 0];
    case 'rz':
      return [c(p[0] / 2), -s(p[0] / 2), 0, 0, 0, 0, c(p[0] / 2), s(p[0] / 2)];
    case 'p':
    case 'phase':
      return [1, 0, 0, 0, 0, 0, c(p[0]), s(p[0])];
    // U(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]
    case 'U': {
      const [t, f, l] = p;
      return [c(t / 2), 0, -c(l) * s(t / 2), -s(l) * s(t / 2), c(f) * s(t / 2), s(f) * s(t / 2), c(f + l) * c(t / 2), s(f + l) * c(t / 2)];
    }
    default:
      return null;
  }
}

/** M ← G·M for a single-qubit gate G on qubit k of m (bit m−1−k of the row index). */
function applySingle(mat: CMat, g: M2, k: number, m: number): void {
  const bit = 1 << (m - 1 - k);
  const n = mat.cols;
  const { re, im } = mat;
  for (let i = 0; i < mat.rows; i++) {
    if (i & bit) continue;
    const o0 = i * n,
      o1 = (i | bit) * n;
    for (let c = 0; c < n; c++) {
      const ar = re[o0 + c],
        ai = im[o0 + c],
        br = re[o1 + c],
        bi = im[o1 + c];
      re[o0 + c] = g[0] * ar - g[1] * ai + g[2] * br - g[3] * bi;
      im[o0 + c] = g[0] * ai + g[1] * ar + g[2] * bi + g[3] * br;
      re[o1 + c] = g[4] * ar - g[5] * ai + g[6] * br - g[7] * bi;
      im[o1 + c] = g[4] * ai + g[5] * ar + g[6] * bi + g[7] * br;
    }
  }
}

/** M ← P·M for a basis permutation/phase gate given by its action on row indices. */
function applyTwoQubit(mat: CMat, name: string, a: number, b: number, m: number): void {
  const ba = 1 << (m - 1 - a),
    bb = 1 << (m - 1 - b);
  const n = mat.cols;
  const { re, im } = mat;
  const swapRows = (i: number, j: number) => {
    for (let c = 0; c < n; c++) {
      const tr = re[i * n + c],
        ti = im[i * n + c];
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
      const c = Math.cos(op.params[0]),
        s = Math.sin(op.params[0]);
      for (let k = 0; k < out.re.length; k++) {
        const r = out.re[k],
          i = out.im[k];
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
  if (program.nQubits > QASM_SIMULATION_MAX_QUBITS)
    throw new Error(`a register of ${program.nQubits} qubits is too large to simulate (at most ${QASM_SIMULATION_MAX_QUBITS})`);
  return applyOps(identity(1 << program.nQubits), ops, program.nQubits);
}
