import { describe, expect, it } from 'vitest';
import { type CMat, adjoint, fromArrays, identity, kron, maxAbsDiff, mul, realDiagonal, trace } from '../math/complex';
import { hermitianEigenvalues, unitarityError } from '../math/linalg';
import { concurrence, isPpt, validateDensityMatrix } from '../measures/measures';
import { makeRng } from '../math/rng';
import {
  bellState,
  dephasedPartner,
  haarUnitary,
  marginalProductPartner,
  nptRandomMixed,
  partialTrace,
  partialTranspose,
  productState,
  pureState,
  randomMixedState,
  randomPureState,
  randomSeparableMixture,
  schmidtEntangled,
  werner,
  wernerType,
} from './states';

/** Independent reference: ρ^{T_B} entry by entry from the definition <a b|ρ^{T_B}|a' b'> = <a b'|ρ|a' b>. */
function naivePtEntry(rho: CMat, a: number, b: number, a2: number, b2: number, dB: number): [number, number] {
  const d = rho.rows;
  const k = (a * dB + b2) * d + a2 * dB + b;
  return [rho.re[k], rho.im[k]];
}

describe('named states', () => {
  it('Bell states are the textbook projectors', () => {
    const h = 0.5;
    expect(
      maxAbsDiff(
        bellState('phi+'),
        fromArrays([
          [h, 0, 0, h],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [h, 0, 0, h],
        ]),
      ),
    ).toBeLessThan(1e-15);
    expect(
      maxAbsDiff(
        bellState('phi-'),
        fromArrays([
          [h, 0, 0, -h],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [-h, 0, 0, h],
        ]),
      ),
    ).toBeLessThan(1e-15);
    expect(
      maxAbsDiff(
        bellState('psi+'),
        fromArrays([
          [0, 0, 0, 0],
          [0, h, h, 0],
          [0, h, h, 0],
          [0, 0, 0, 0],
        ]),
      ),
    ).toBeLessThan(1e-15);
    expect(
      maxAbsDiff(
        bellState('psi-'),
        fromArrays([
          [0, 0, 0, 0],
          [0, h, -h, 0],
          [0, -h, h, 0],
          [0, 0, 0, 0],
        ]),
      ),
    ).toBeLessThan(1e-15);
  });

  it('pureState normalises and keeps phases: (1, i)/√2 gives ρ_01 = −i/2', () => {
    const rho = pureState([1, 0], [0, 1]);
    expect(rho.re[0]).toBeCloseTo(0.5, 15);
    expect(rho.re[3]).toBeCloseTo(0.5, 15);
    expect(rho.im[1]).toBeCloseTo(-0.5, 15); // ψ_0 conj(ψ_1) = 1·(−i)/2
    expect(rho.im[2]).toBeCloseTo(0.5, 15);
    expect(() => pureState([0, 0])).toThrow();
  });

  it('Werner state has diagonal (1+p)/4, (1−p)/4, (1−p)/4, (1+p)/4 and coherence p/2; rejects p ∉ [0,1]', () => {
    for (const p of [0, 0.2, 1 / 3, 0.7, 1]) {
      const w = werner(p);
      const diag = realDiagonal(w);
      expect(diag[0]).toBeCloseTo((1 + p) / 4, 14);
      expect(diag[1]).toBeCloseTo((1 - p) / 4, 14);
      expect(w.re[3]).toBeCloseTo(p / 2, 14);
      expect(validateDensityMatrix(w)).toBeNull();
    }
    expect(() => werner(-0.01)).toThrow();
    expect(() => werner(1.01)).toThrow();
    expect(() => werner(NaN)).toThrow();
  });
});

describe('Haar unitaries', () => {
  it('are unitary to 1e-12 for d = 1..8', () => {
    const rng = makeRng(1);
    for (let d = 1; d <= 8; d++)
      for (let k = 0; k < 5; k++) {
        const u = haarUnitary(d, rng);
        expect(unitarityError(u)).toBeLessThan(1e-12);
        expect(maxAbsDiff(mul(u, adjoint(u)), identity(d))).toBeLessThan(1e-12);
      }
  });

  it('have Haar moments: E|U_00|² = 1/d, E|U_00|⁴ = 2/(d(d+1)), E U_00 = 0, E|Tr U|² = 1', () => {
    const N = 2000;
    for (const d of [2, 4]) {
      const rng = makeRng(100 + d);
      let m2 = 0,
        m4 = 0,
        mr = 0,
        mi = 0,
        t2 = 0;
      for (let k = 0; k < N; k++) {
        const u = haarUnitary(d, rng);
        const a = u.re[0] * u.re[0] + u.im[0] * u.im[0];
        m2 += a;
        m4 += a * a;
        mr += u.re[0];
        mi += u.im[0];
        const [tr, ti] = trace(u);
        t2 += tr * tr + ti * ti;
      }
      m2 /= N;
      m4 /= N;
      mr /= N;
      mi /= N;
      t2 /= N;
      // Standard deviations of one sample (Haar): |U_00|² ~ Beta(1, d−1):
      // var = (d−1)/(d²(d+1)); |Tr U|² has variance E|Tr U|⁴ − 1 = 1 for d ≥ 2.
      const sd2 = Math.sqrt((d - 1) / (d * d * (d + 1)));
      const e4 = 2 / (d * (d + 1));
      const sd4 = Math.sqrt(24 / (d * (d + 1) * (d + 2) * (d + 3)) - e4 * e4);
      const z = 5 / Math.sqrt(N);
      expect(Math.abs(m2 - 1 / d)).toBeLessThan(z * sd2);
      expect(Math.abs(m4 - e4)).toBeLessThan(z * sd4);
      expect(Math.hypot(mr, mi)).toBeLessThan(z * Math.sqrt(1 / d));
      expect(Math.abs(t2 - 1)).toBeLessThan(z * 1);
    }
  });

  it('same seed gives the same unitary', () => {
    expect(maxAbsDiff(haarUnitary(4, makeRng(9)), haarUnitary(4, makeRng(9)))).toBe(0);
  });
});

describe('partial trace and partial transpose', () => {
  it('partial trace of a product state returns the factors (A = most significant qubit)', () => {
    const rng = makeRng(3);
    for (let k = 0; k < 10; k++) {
      const a = randomMixedState(1, rng);
      const b = randomPureState(1, rng);
      const ab = kron(a, b);
      expect(maxAbsDiff(partialTrace(ab, 'A'), a)).toBeLessThan(1e-14);
      expect(maxAbsDiff(partialTrace(ab, 'B'), b)).toBeLessThan(1e-14);
    }
  });

  it('partial trace of |01><01| keeps |0> on A and |1> on B', () => {
    const rho = pureState([0, 1, 0, 0]);
    expect(
      maxAbsDiff(
        partialTrace(rho, 'A'),
        fromArrays([
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toBe(0);
    expect(
      maxAbsDiff(
        partialTrace(rho, 'B'),
        fromArrays([
          [0, 0],
          [0, 1],
        ]),
      ),
    ).toBe(0);
  });

  it('partial transpose of a product is ρ_A ⊗ ρ_B^T, and matches the definition for 1+2 and 2+1 qubits', () => {
    const rng = makeRng(4);
    const a = randomMixedState(1, rng);
    const b = randomMixedState(1, rng);
    const bt: CMat = {
      rows: 2,
      cols: 2,
      re: Float64Array.from([b.re[0], b.re[2], b.re[1], b.re[3]]),
      im: Float64Array.from([b.im[0], b.im[2], b.im[1], b.im[3]]),
    };
    expect(maxAbsDiff(partialTranspose(kron(a, b), 1, 1), kron(a, bt))).toBeLessThan(1e-15);
    for (const [nA, nB] of [
      [1, 2],
      [2, 1],
    ]) {
      const rho = randomMixedState(3, rng);
      const pt = partialTranspose(rho, nA, nB);
      const dA = 1 << nA,
        dB = 1 << nB;
      for (let x = 0; x < dA; x++)
        for (let y = 0; y < dB; y++)
          for (let x2 = 0; x2 < dA; x2++)
            for (let y2 = 0; y2 < dB; y2++) {
              const [r, i] = naivePtEntry(rho, x, y, x2, y2, dB);
              const k = (x * dB + y) * 8 + x2 * dB + y2;
              expect(pt.re[k]).toBe(r);
              expect(pt.im[k]).toBe(i);
            }
    }
  });

  it('partial transpose of Φ+ is SWAP/2, with eigenvalues (−½, ½, ½, ½)', () => {
    const pt = partialTranspose(bellState('phi+'), 1, 1);
    const swapHalf = fromArrays([
      [0.5, 0, 0, 0],
      [0, 0, 0.5, 0],
      [0, 0.5, 0, 0],
      [0, 0, 0, 0.5],
    ]);
    expect(maxAbsDiff(pt, swapHalf)).toBeLessThan(1e-15);
    const ev = hermitianEigenvalues(pt);
    expect(ev[0]).toBeCloseTo(-0.5, 12);
    for (let i = 1; i < 4; i++) expect(ev[i]).toBeCloseTo(0.5, 12);
  });
});

describe('adversarial partners', () => {
  it('Δ(|Φ+><Φ+|) = (|00><00| + |11><11|)/2', () => {
    expect(
      maxAbsDiff(
        dephasedPartner(bellState('phi+')),
        fromArrays([
          [0.5, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0.5],
        ]),
      ),
    ).toBeLessThan(1e-15);
  });

  it('dephased partner: same diagonal, no off-diagonals, PPT, concurrence 0 (computational basis)', () => {
    const rng = makeRng(5);
    for (let k = 0; k < 20; k++) {
      const rho = [schmidtEntangled, wernerType, nptRandomMixed][k % 3](rng);
      const delta = dephasedPartner(rho);
      expect(Array.from(realDiagonal(delta))).toEqual(Array.from(realDiagonal(rho)));
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) expect(Math.hypot(delta.re[i * 4 + j], delta.im[i * 4 + j])).toBe(0);
      expect(isPpt(delta)).toBe(true);
      expect(concurrence(delta)).toBeLessThan(1e-10);
      expect(validateDensityMatrix(delta)).toBeNull();
    }
  });

  it('dephased partner in a random local basis reproduces <e_i f_j|ρ|e_i f_j>, is idempotent and PPT', () => {
    const rng = makeRng(6);
    for (let k = 0; k < 10; k++) {
      const rho = schmidtEntangled(rng);
      const ua = haarUnitary(2, rng),
        ub = haarUnitary(2, rng);
      const delta = dephasedPartner(rho, [ua, ub]);
      const w = kron(ua, ub);
      const p1 = realDiagonal(mul(mul(adjoint(w), rho), w));
      const p2 = realDiagonal(mul(mul(adjoint(w), delta), w));
      for (let i = 0; i < 4; i++) expect(p2[i]).toBeCloseTo(p1[i], 13);
      expect(maxAbsDiff(dephasedPartner(delta, [ua, ub]), delta)).toBeLessThan(1e-13);
      expect(isPpt(delta)).toBe(true);
      expect(validateDensityMatrix(delta)).toBeNull();
    }
    expect(() =>
      dephasedPartner(bellState('phi+'), [
        fromArrays([
          [1, 1],
          [0, 1],
        ]),
        identity(2),
      ]),
    ).toThrow(/unitary/);
  });

  it('marginal partner reproduces both single-qubit reduced states and is PPT', () => {
    const rng = makeRng(7);
    for (let k = 0; k < 20; k++) {
      const rho = [schmidtEntangled, wernerType, nptRandomMixed][k % 3](rng);
      const m = marginalProductPartner(rho);
      expect(maxAbsDiff(partialTrace(m, 'A'), partialTrace(rho, 'A'))).toBeLessThan(1e-14);
      expect(maxAbsDiff(partialTrace(m, 'B'), partialTrace(rho, 'B'))).toBeLessThan(1e-14);
      expect(isPpt(m)).toBe(true);
      expect(validateDensityMatrix(m)).toBeNull();
    }
  });

  it('marginal partner of a Bell state is I/4', () => {
    expect(
      maxAbsDiff(
        marginalProductPartner(bellState('psi-')),
        fromArrays([
          [0.25, 0, 0, 0],
          [0, 0.25, 0, 0],
          [0, 0, 0.25, 0],
          [0, 0, 0, 0.25],
        ]),
      ),
    ).toBeLessThan(1e-15);
  });
});

describe('random generators', () => {
  const generators: [string, (rng: ReturnType<typeof makeRng>) => CMat][] = [
    ['randomPureState(2)', (r) => randomPureState(2, r)],
    ['randomPureState(3)', (r) => randomPureState(3, r)],
    ['randomMixedState(2)', (r) => randomMixedState(2, r)],
    ['randomMixedState(3, rank 2)', (r) => randomMixedState(3, r, 2)],
    ['productState', productState],
    ['randomSeparableMixture', (r) => randomSeparableMixture(r)],
    ['schmidtEntangled', schmidtEntangled],
    ['wernerType', wernerType],
    ['nptRandomMixed', nptRandomMixed],
  ];

  it.each(generators)('%s gives valid density matrices for many seeds', (_name, gen) => {
    for (let seed = 0; seed < 40; seed++) {
      const rho = gen(makeRng(seed));
      expect(validateDensityMatrix(rho, 1e-12)).toBeNull();
    }
  });

  it.each(generators)('%s is deterministic in the seed', (_name, gen) => {
    expect(maxAbsDiff(gen(makeRng(42)), gen(makeRng(42)))).toBe(0);
    expect(maxAbsDiff(gen(makeRng(42)), gen(makeRng(43)))).toBeGreaterThan(0);
  });

  it('random pure states are pure; induced-measure states have the requested rank', () => {
    const rng = makeRng(8);
    for (let k = 0; k < 10; k++) {
      const ev = hermitianEigenvalues(randomPureState(2, rng));
      expect(ev[3]).toBeCloseTo(1, 12);
      const ev2 = hermitianEigenvalues(randomMixedState(3, rng, 2));
      expect(ev2.filter((l) => l > 1e-10).length).toBe(2);
      const ev4 = hermitianEigenvalues(randomMixedState(2, rng));
      expect(ev4[0]).toBeGreaterThan(0);
    }
  });

  it('separable generators are PPT; entangled generators are NPT', () => {
    const rng = makeRng(11);
    for (let k = 0; k < 50; k++) {
      expect(isPpt(productState(rng))).toBe(true);
      expect(isPpt(randomSeparableMixture(rng))).toBe(true);
      expect(isPpt(schmidtEntangled(rng))).toBe(false);
      expect(isPpt(wernerType(rng))).toBe(false);
      expect(isPpt(nptRandomMixed(rng))).toBe(false);
    }
  });

  it('Schmidt states have concurrence sin 2θ ≥ sin(π/10) and are pure', () => {
    const rng = makeRng(12);
    for (let k = 0; k < 30; k++) {
      const rho = schmidtEntangled(rng);
      expect(concurrence(rho)).toBeGreaterThan(Math.sin(Math.PI / 10) - 1e-10);
      expect(hermitianEigenvalues(rho)[3]).toBeCloseTo(1, 12);
    }
  });

  it('Werner-type states are mixed (unless p = 1) with the maximally mixed part: eigenvalues (1−p)/4 ×3', () => {
    const rng = makeRng(13);
    for (let k = 0; k < 20; k++) {
      const ev = hermitianEigenvalues(wernerType(rng));
      // p|ψ><ψ| + (1−p)I/4 has a threefold eigenvalue (1−p)/4 and one p + (1−p)/4.
      expect(ev[1] - ev[0]).toBeLessThan(1e-12);
      expect(ev[2] - ev[0]).toBeLessThan(1e-12);
      const p = 1 - 4 * ev[0];
      expect(ev[3]).toBeCloseTo(p + (1 - p) / 4, 12);
    }
  });
});
