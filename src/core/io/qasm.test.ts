import { describe, expect, it } from 'vitest';
import { type CMat, combine, identity, maxAbsDiff, scaleComplex, sub } from '../math/complex';
import { spectralNorm } from '../math/linalg';
import type { QuantumModel } from '../hqrn/model';
import { compileBlockUnitaries, pauliRotationLines, stackToQasm } from './qasm';
import { parseQasm, QasmParseError } from './qasmParse';
import { qasmUnitary } from './qasmSimulate';
import { randomQuantumBlock } from '../hqrn/randomModel';
import { makeRng } from '../math/rng';
import { pauliMatrix } from '../hqrn/trotter';

function randomModel(nQubits: number, depth: number, seed: number): QuantumModel {
  const rng = makeRng(seed);
  return { kind: 'quantum', nQubits, blocks: Array.from({ length: depth }, () => randomQuantumBlock(1 << nQubits, rng)) };
}

const distance = (a: CMat, b: CMat) => spectralNorm(sub(a, b));

/** The program of one rotation exp(−iθP) on m qubits, written with the emitter's gate lines. */
function rotationProgram(label: string, theta: number): string {
  const m = label.length;
  const lines = pauliRotationLines({ label, angle: theta }, (k) => `q[${k}]`);
  return ['OPENQASM 3.0;', 'include "stdgates.inc";', `qubit[${m}] q;`, ...lines].join('\n');
}

function labels(m: number): string[] {
  let out = [''];
  for (let k = 0; k < m; k++) out = out.flatMap((s) => ['I', 'X', 'Y', 'Z'].map((c) => s + c));
  return out;
}

describe('parseQasm / qasmUnitary (independent reader)', () => {
  it('simulates textbook circuits in big-endian order', () => {
    // x on q[0] of 2 qubits maps |00⟩ (index 0) to |10⟩ (index 2).
    const x0 = qasmUnitary(parseQasm('OPENQASM 3.0; qubit[2] q; x q[0];'));
    expect(x0.re[2 * 4 + 0]).toBe(1);
    // h q[0]; cx q[0], q[1] makes (|00⟩ + |11⟩)/√2 from |00⟩: column 0.
    const bell = qasmUnitary(parseQasm('OPENQASM 3; include "stdgates.inc"; qubit[2] q; h q[0]; cx q[0], q[1];'));
    const col0 = [0, 1, 2, 3].map((i) => bell.re[i * 4]);
    expect(col0[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(col0[3]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(Math.abs(col0[1]) + Math.abs(col0[2])).toBe(0);
  });

  it('rz(θ) = diag(e^{−iθ/2}, e^{iθ/2}), gphase(γ) = e^{iγ}, pi expressions, for loops and user gates', () => {
    const rz = qasmUnitary(parseQasm('qubit[1] q; rz(pi/3) q[0];'));
    expect(rz.re[0]).toBeCloseTo(Math.cos(Math.PI / 6), 15);
    expect(rz.im[0]).toBeCloseTo(-Math.sin(Math.PI / 6), 15);
    expect(rz.im[3]).toBeCloseTo(Math.sin(Math.PI / 6), 15);
    const g = qasmUnitary(parseQasm('qubit[1] q; gphase(-2 * 0.25);'));
    expect(maxAbsDiff(g, scaleComplex(identity(2), Math.cos(-0.5), Math.sin(-0.5)))).toBeLessThan(1e-15);
    // 7 × rz(π/7) through a user gate in a loop = rz(π) = −iZ.
    const looped = qasmUnitary(parseQasm('qubit[1] q; gate step a { rz(pi/7) a; } for uint i in [1:7] { step q[0]; }'));
    expect(maxAbsDiff(looped, scaleComplex(pauliMatrix('Z'), 0, -1))).toBeLessThan(1e-14);
  });

  it('splits circuits at reset and measure', () => {
    const p = parseQasm('qubit[1] q; bit[1] c; reset q; x q[0]; c = measure q; reset q; h q[0]; measure q -> c;');
    expect(p.circuits.length).toBe(2);
    expect(maxAbsDiff(qasmUnitary(p, 0), pauliMatrix('X'))).toBe(0);
    expect(() => qasmUnitary(p, 2)).toThrow(/no circuit 2/);
  });

  it('names the line of bad input', () => {
    expect(() => parseQasm('qubit[2] q;\nfoo q[0];')).toThrow(/line 2: unknown gate "foo"/);
    expect(() => parseQasm('qubit[2] q;\nh q[5];')).toThrow(/outside the register/);
    expect(() => parseQasm('qubit[2] q;\ncx q[0];')).toThrow(/acts on 2 qubit/);
    expect(() => parseQasm('qubit[2] q;\nrz q[0];')).toThrow(QasmParseError);
    expect(() => parseQasm('OPENQASM 2.0;')).toThrow(/unsupported version/);
    expect(() => parseQasm('qubit[1] q;\n\n/* open')).toThrow(/line 3: unterminated \/\* comment/);
    expect(() => parseQasm('include "stdgates.inc;')).toThrow(/line 1: unterminated string/);
    expect(() => parseQasm('qubit[1] q;\nh q[0]; #')).toThrow(/line 2: unexpected character "#"/);
  });
});

describe('Pauli rotations as standard gates', () => {
  it('exp(−iθP) = cos θ I − i sin θ P exactly (no global phase freedom), every P on 2 and 3 qubits', () => {
    const theta = 0.37;
    for (const m of [2, 3])
      for (const label of labels(m)) {
        const u = qasmUnitary(parseQasm(rotationProgram(label, theta)));
        const exact = combine(Math.cos(theta), identity(1 << m), 1, scaleComplex(pauliMatrix(label), 0, -Math.sin(theta)));
        expect(maxAbsDiff(u, exact), label).toBeLessThan(1e-14);
      }
  });
});

describe('stackToQasm', () => {
  for (const n of [1, 2, 3])
    for (const order of [1, 2] as const)
      it(`a random ${n}-qubit block at order ${order}: the parsed circuits match U± within the reported error`, () => {
        const model = randomModel(n, 1, 40 + 10 * n + order);
        for (const steps of [1, 3, 8]) {
          const out = stackToQasm(model, { order, steps });
          const program = parseQasm(out.text);
          expect(program.nQubits).toBe(n + 1);
          expect(program.circuits.length).toBe(2);
          const { uPlus, uMinus } = compileBlockUnitaries(model.blocks[0], order, steps);
          const ePlus = distance(qasmUnitary(program, 0), uPlus);
          const eMinus = distance(qasmUnitary(program, 1), uMinus);
          expect(ePlus).toBeLessThanOrEqual(out.blocks[0].plus.error + 1e-9);
          expect(eMinus).toBeLessThanOrEqual(out.blocks[0].minus.error + 1e-9);
          // and the reported error is the circuit's, not a loose bound
          expect(Math.abs(ePlus - out.blocks[0].plus.error)).toBeLessThan(1e-9);
          expect(out.text).toContain(`U+ : ${out.blocks[0].plus.error.toExponential(3)}`);
        }
      });

  for (const n of [1, 2])
    it(`the circuit's error shrinks as r^-1 (order 1) and r^-2 (order 2), ${n} system qubit(s)`, () => {
      const model = randomModel(n, 1, 70 + n);
      const { uPlus } = compileBlockUnitaries(model.blocks[0], 1, 1);
      const err = (order: 1 | 2, steps: number) => distance(qasmUnitary(parseQasm(stackToQasm(model, { order, steps }).text), 0), uPlus);
      const rs = [16, 32, 64];
      const e1 = rs.map((r) => err(1, r));
      const e2 = rs.map((r) => err(2, r));
      for (let i = 0; i + 1 < rs.length; i++) {
        expect(e1[i + 1] / e1[i]).toBeGreaterThan(0.4);
        expect(e1[i + 1] / e1[i]).toBeLessThan(0.6);
        expect(e2[i + 1] / e2[i]).toBeGreaterThan(0.2);
        expect(e2[i + 1] / e2[i]).toBeLessThan(0.3);
      }
      expect(e2[2]).toBeLessThan(e1[2]);
    });

  it('a 3-block stack: six circuits in the order b1 U+, b1 U−, b2 U+, …; a chosen block alone', () => {
    const model = randomModel(2, 3, 91);
    const out = stackToQasm(model, { order: 2, steps: 4 });
    const program = parseQasm(out.text);
    expect(program.circuits.length).toBe(6);
    model.blocks.forEach((b, k) => {
      const { uPlus, uMinus } = compileBlockUnitaries(b, 2, 4);
      expect(distance(qasmUnitary(program, 2 * k), uPlus)).toBeLessThanOrEqual(out.blocks[k].plus.error + 1e-9);
      expect(distance(qasmUnitary(program, 2 * k + 1), uMinus)).toBeLessThanOrEqual(out.blocks[k].minus.error + 1e-9);
    });
    expect(out.maxError).toBe(Math.max(...out.blocks.flatMap((b) => [b.plus.error, b.minus.error])));
    const only = stackToQasm(model, { order: 2, steps: 4, blocks: [1] });
    expect(only.blocks.map((b) => b.block)).toEqual([1]);
    expect(only.text).toContain('gate block2_plus_step');
    expect(only.text).not.toContain('block1_plus_step');
    const { uMinus } = compileBlockUnitaries(model.blocks[1], 2, 4);
    expect(distance(qasmUnitary(parseQasm(only.text), 1), uMinus)).toBeLessThanOrEqual(only.blocks[0].minus.error + 1e-9);
  });

  it('says what is classical, and the qubit order', () => {
    const text = stackToQasm(randomModel(2, 1, 5), { order: 1, steps: 2 }).text;
    expect(text.startsWith('OPENQASM 3.0;\ninclude "stdgates.inc";')).toBe(true);
    expect(text).toContain('q[0] = ancilla (most significant), q[1] = system qubit 0, q[2] = system qubit 1');
    expect(text).toContain('z_j = c·(p+_j − p−_j) + b_j');
    expect(text).toContain("ρ' = α·ρ + (1 − α)·diag(q)");
    expect(text).toContain('for uint step in [1:2]');
  });

  it('rejects bad options with a message naming the option', () => {
    const model = randomModel(1, 2, 3);
    expect(() => stackToQasm(model, { order: 3 as 1, steps: 1 })).toThrow(/^order: must be 1 or 2/);
    expect(() => stackToQasm(model, { order: 1, steps: 0 })).toThrow(/^steps: must be an integer/);
    expect(() => stackToQasm(model, { order: 1, steps: 2.5 })).toThrow(/^steps:/);
    expect(() => stackToQasm(model, { order: 1, steps: 1, blocks: [2] })).toThrow(/^blocks: no block 2/);
    expect(() => stackToQasm({ ...model, blocks: [] }, { order: 1, steps: 1 })).toThrow(/^blocks: the stack has no block/);
    expect(() => stackToQasm({ ...model, nQubits: 7 }, { order: 1, steps: 1 })).toThrow(/^nQubits:/);
  });
});
