import { describe, expect, it } from 'vitest';
import { type CMat, adjoint, combine, fromArrays, identity, kron, maxAbsDiff, mul, scale, scaleComplex, trace, zeros } from '../math/complex';
import { hermitianEigenvalues, spectralNorm, unitarityError } from '../math/linalg';
import { makeRng, type Rng } from '../math/rng';
import {
  applyPauliExponential,
  compileTrotter,
  expHermitian,
  gateSequenceUnitary,
  pauliDecomposition,
  pauliMatrix,
  pauliSum,
  trotterCircuit,
  trotterError,
  unitaryLog,
} from './trotter';

const X = fromArrays([
  [0, 1],
  [1, 0],
]);
const Y = fromArrays(
  [
    [0, 0],
    [0, 0],
  ],
  [
    [0, -1],
    [1, 0],
  ],
);
const Z = fromArrays([
  [1, 0],
  [0, -1],
]);
const I2 = identity(2);

function randomHermitian(d: number, rng: Rng): CMat {
  const a = zeros(d, d);
  for (let k = 0; k < d * d; k++) {
    a.re[k] = rng.normal();
    a.im[k] = rng.normal();
  }
  return scale(combine(1, a, 1, adjoint(a)), 0.5);
}

/** Random Hermitian with spectral norm exactly `norm`. */
function hermitianWithNorm(d: number, norm: number, rng: Rng): CMat {
  const h = randomHermitian(d, rng);
  const ev = hermitianEigenvalues(h);
  return scale(h, norm / Math.max(Math.abs(ev[0]), Math.abs(ev[d - 1])));
}

function allLabels(m: number): string[] {
  let out = [''];
  for (let k = 0; k < m; k++) out = out.flatMap((s) => ['I', 'X', 'Y', 'Z'].map((c) => s + c));
  return out;
}

describe('Pauli matrices', () => {
  it('single-qubit matrices are the textbook ones', () => {
    expect(maxAbsDiff(pauliMatrix('I'), I2)).toBe(0);
    expect(maxAbsDiff(pauliMatrix('X'), X)).toBe(0);
    expect(maxAbsDiff(pauliMatrix('Y'), Y)).toBe(0);
    expect(maxAbsDiff(pauliMatrix('Z'), Z)).toBe(0);
  });

  it('XY = iZ, YZ = iX, ZX = iY', () => {
    const [px, py, pz] = ['X', 'Y', 'Z'].map(pauliMatrix);
    expect(maxAbsDiff(mul(px, py), scaleComplex(pz, 0, 1))).toBe(0);
    expect(maxAbsDiff(mul(py, pz), scaleComplex(px, 0, 1))).toBe(0);
    expect(maxAbsDiff(mul(pz, px), scaleComplex(py, 0, 1))).toBe(0);
    expect(maxAbsDiff(mul(py, px), scaleComplex(pz, 0, -1))).toBe(0);
  });

  it('is big-endian: character 0 acts on the most significant qubit', () => {
    // 'XI' = X⊗I maps |00> (index 0) to |10> (index 2).
    const xi = pauliMatrix('XI');
    expect(xi.re[2 * 4 + 0]).toBe(1);
    expect(maxAbsDiff(xi, kron(X, I2))).toBe(0);
    expect(maxAbsDiff(pauliMatrix('ZY'), kron(Z, Y))).toBe(0);
    expect(maxAbsDiff(pauliMatrix('YXZ'), kron(Y, kron(X, Z)))).toBe(0);
  });

  it('every Pauli string on 3 qubits squares to I', () => {
    for (const l of allLabels(3)) {
      const p = pauliMatrix(l);
      expect(maxAbsDiff(mul(p, p), identity(8))).toBe(0);
    }
  });

  it('Tr(P Q) = 2^m δ_PQ on 2 qubits', () => {
    const labels = allLabels(2);
    for (const a of labels)
      for (const b of labels) {
        const [tr, ti] = trace(mul(pauliMatrix(a), pauliMatrix(b)));
        expect(tr).toBe(a === b ? 4 : 0);
        expect(ti).toBe(0);
      }
  });

  it('rejects bad labels', () => {
    expect(() => pauliMatrix('XA')).toThrow(/character 1/);
    expect(() => pauliSum([{ label: 'XX', coefficient: 1 }], 3)).toThrow(/length 2/);
  });
});

describe('Pauli decomposition', () => {
  it('recovers a known decomposition exactly: 0.3 X⊗Z + 0.2 Y⊗I', () => {
    const h = combine(0.3, kron(X, Z), 0.2, kron(Y, I2));
    const terms = pauliDecomposition(h, 1e-15);
    expect(terms.map((t) => t.label)).toEqual(['XZ', 'YI']);
    expect(terms[0].coefficient).toBeCloseTo(0.3, 15);
    expect(terms[1].coefficient).toBeCloseTo(0.2, 15);
    // tol = 0 keeps exactly the nonzero coefficients here (all others are exact zeros).
    expect(pauliDecomposition(h).length).toBe(2);
  });

  it('agrees with h_P = Tr(P H)/2^m computed densely (m = 2)', () => {
    const h = randomHermitian(4, makeRng(7));
    const terms = pauliDecomposition(h);
    expect(terms.length).toBe(16);
    for (const { label, coefficient } of terms) {
      const [tr, ti] = trace(mul(pauliMatrix(label), h));
      expect(Math.abs(coefficient - tr / 4)).toBeLessThan(1e-14);
      expect(Math.abs(ti)).toBeLessThan(1e-14);
    }
  });

  for (const m of [1, 2, 3]) {
    it(`round trip H = Σ h_P P on random Hermitian matrices, m = ${m}`, () => {
      const rng = makeRng(100 + m);
      for (let trial = 0; trial < 5; trial++) {
        const h = randomHermitian(1 << m, rng);
        const terms = pauliDecomposition(h);
        expect(terms.length).toBe(4 ** m);
        expect(maxAbsDiff(pauliSum(terms, m), h)).toBeLessThan(1e-12);
      }
    });
  }
});

describe('unitaryLog and expHermitian', () => {
  it('expHermitian of a Pauli is cos θ I − i sin θ P', () => {
    const t = 0.37;
    const u = expHermitian(pauliMatrix('YZ'), t);
    const expected = combine(Math.cos(t), identity(4), 1, scaleComplex(pauliMatrix('YZ'), 0, -Math.sin(t)));
    expect(maxAbsDiff(u, expected)).toBeLessThan(1e-14);
  });

  for (const m of [1, 2, 3]) {
    it(`log(exp(−iH)) = H for ‖H‖ < π, m = ${m}`, () => {
      const rng = makeRng(200 + m);
      for (let trial = 0; trial < 4; trial++) {
        const h = hermitianWithNorm(1 << m, 2.9, rng);
        const u = expHermitian(h, 1);
        expect(unitarityError(u)).toBeLessThan(1e-12);
        const l = unitaryLog(u);
        expect(maxAbsDiff(l, h)).toBeLessThan(1e-10);
        expect(maxAbsDiff(expHermitian(l, 1), u)).toBeLessThan(1e-10);
      }
    });
  }

  it('eigenphase at −1 maps to the principal branch (H eigenvalue in [−π, π))', () => {
    const l = unitaryLog(scale(identity(2), -1));
    const ev = hermitianEigenvalues(l);
    expect(Math.abs(Math.abs(ev[0]) - Math.PI)).toBeLessThan(1e-12);
    expect(maxAbsDiff(expHermitian(l, 1), scale(identity(2), -1))).toBeLessThan(1e-12);
  });
});

describe('applyPauliExponential', () => {
  it('agrees with the dense exp(−iθP)·M on 3 qubits for every label', () => {
    const rng = makeRng(5);
    const mat = zeros(8, 5);
    for (let k = 0; k < mat.re.length; k++) {
      mat.re[k] = rng.normal();
      mat.im[k] = rng.normal();
    }
    const before = mat.re.slice();
    for (const l of allLabels(3)) {
      const theta = rng.uniform() * 6 - 3;
      const dense = mul(expHermitian(pauliMatrix(l), theta), mat);
      expect(maxAbsDiff(applyPauliExponential(mat, l, theta), dense)).toBeLessThan(1e-13);
    }
    expect(mat.re).toEqual(before); // input untouched
  });
});

describe('Trotter circuits', () => {
  it('commuting terms give zero Trotter error (both orders, r = 1)', () => {
    const terms = [
      { label: 'ZI', coefficient: 0.7 },
      { label: 'IZ', coefficient: -0.4 },
      { label: 'ZZ', coefficient: 1.1 },
      { label: 'II', coefficient: 0.25 },
    ];
    const u = expHermitian(pauliSum(terms, 2), 1);
    for (const order of [1, 2] as const) {
      expect(maxAbsDiff(trotterCircuit(terms, 2, 1, order), u)).toBeLessThan(1e-13);
      expect(trotterError(u, order, 1)).toBeLessThan(1e-12);
      expect(trotterError(u, order, 7)).toBeLessThan(1e-12);
    }
  });

  it('a single step of order 1 is the product in the order of terms', () => {
    const terms = [
      { label: 'XY', coefficient: 0.3 },
      { label: 'ZI', coefficient: -0.8 },
      { label: 'YY', coefficient: 0.5 },
    ];
    const prod = terms.map((t) => expHermitian(pauliMatrix(t.label), t.coefficient)).reduce((a, b) => mul(a, b));
    expect(maxAbsDiff(trotterCircuit(terms, 2, 1, 1), prod)).toBeLessThan(1e-13);
    const half = terms.map((t) => expHermitian(pauliMatrix(t.label), t.coefficient / 2));
    const sym = [...half, ...half.slice().reverse()].reduce((a, b) => mul(a, b));
    expect(maxAbsDiff(trotterCircuit(terms, 2, 1, 2), sym)).toBeLessThan(1e-13);
  });

  it('noncommuting terms X + Z: r·(first-order error) → sin(√2)/√2', () => {
    // BCH: e^{−iX/r} e^{−iZ/r} = exp(−i(X+Z)/r − [X,Z]/(2r²) + O(r⁻³)), [X,Z] = −2iY, so
    // U_r = exp(−i(H − Y/r) + O(r⁻²)) with H = X + Z. To first order in 1/r,
    // U_r − U = (i/r) ∫_0^1 e^{−i(1−s)H} Y e^{−isH} ds = (i/r) Y ∫_0^1 e^{i(1−2s)H} ds
    // (Y anticommutes with H), and since H² = 2I the integral is sin(√2)/√2 · I.
    const terms = [
      { label: 'X', coefficient: 1 },
      { label: 'Z', coefficient: 1 },
    ];
    const u = expHermitian(pauliSum(terms, 1), 1);
    const limit = Math.sin(Math.SQRT2) / Math.SQRT2;
    for (const r of [200, 400]) {
      const err = spectralNorm(combine(1, trotterCircuit(terms, 1, r, 1), -1, u));
      expect(Math.abs(r * err - limit)).toBeLessThan(2 / r);
    }
  });

  for (const m of [2, 3]) {
    it(`convergence on a random ${m}-qubit unitary: order 1 ~ 1/r, order 2 ~ 1/r²`, () => {
      const rng = makeRng(300 + m);
      const u = expHermitian(hermitianWithNorm(1 << m, 2.5, rng), 1);
      const e1 = [32, 64, 128].map((r) => trotterError(u, 1, r));
      const e2 = [32, 64, 128].map((r) => trotterError(u, 2, r));
      for (let i = 0; i < 2; i++) {
        const ratio1 = e1[i + 1] / e1[i];
        const ratio2 = e2[i + 1] / e2[i];
        expect(ratio1).toBeGreaterThan(0.4);
        expect(ratio1).toBeLessThan(0.6);
        expect(ratio2).toBeGreaterThan(0.2);
        expect(ratio2).toBeLessThan(0.3);
      }
      // r·error(r) and r²·error(r) are approximately constant.
      const c1 = [32, 64, 128].map((r, i) => r * e1[i]);
      const c2 = [32, 64, 128].map((r, i) => r * r * e2[i]);
      expect(Math.abs(c1[2] / c1[1] - 1)).toBeLessThan(0.05);
      expect(Math.abs(c2[2] / c2[1] - 1)).toBeLessThan(0.05);
      // second order is far better than first at the same r
      expect(e2[2]).toBeLessThan(e1[2] / 10);
    });
  }
});

describe('compileTrotter', () => {
  it('describes a gate sequence that, repeated r times, reproduces U_r and its error', () => {
    const rng = makeRng(11);
    const u = expHermitian(hermitianWithNorm(8, 2, rng), 1);
    for (const order of [1, 2] as const) {
      const r = 8;
      const c = compileTrotter(u, order, r);
      expect(c.nQubits).toBe(3);
      expect(c.steps).toBe(r);
      expect(c.order).toBe(order);
      expect(c.gates.length).toBe(order === 1 ? c.terms.length : 2 * c.terms.length - 1);
      // The terms are the decomposition of i log U.
      expect(maxAbsDiff(pauliSum(c.terms, 3), unitaryLog(u))).toBeLessThan(1e-11);
      // Rebuild the circuit gate by gate with dense matrices: gates[0] is applied first.
      const step = c.gates.map((g) => expHermitian(pauliMatrix(g.label), g.angle)).reduce((acc, g) => mul(g, acc), identity(8));
      let ur = identity(8);
      for (let s = 0; s < r; s++) ur = mul(step, ur);
      expect(maxAbsDiff(ur, gateSequenceUnitary(c.gates, 3, r))).toBeLessThan(1e-12);
      expect(maxAbsDiff(ur, trotterCircuit(c.terms, 3, r, order))).toBeLessThan(1e-12);
      expect(Math.abs(spectralNorm(combine(1, ur, -1, u)) - c.error)).toBeLessThan(1e-10);
      expect(c.error).toBe(trotterError(u, order, r));
      // Plain data: survives JSON.
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    }
  });
});
