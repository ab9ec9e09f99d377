import { describe, expect, it } from 'vitest';
import { type CMat, diagonalMatrix, fromArrays, identity, kron, mul, adjoint, realDiagonal, scale, zeros } from '../math/complex';
import {
  concurrence,
  isPpt,
  l1Coherence,
  negativity,
  purity,
  stateMeasures,
  traceDistance,
  traceDistanceToClassical,
  validateDensityMatrix,
  vonNeumannEntropy,
} from './measures';
import { makeRng } from '../math/rng';
import {
  type BellKind,
  bellState,
  dephasedPartner,
  haarUnitary,
  productState,
  pureState,
  randomMixedState,
  randomPureState,
  randomSeparableMixture,
  werner,
} from '../states/states';

const binaryEntropy = (p: number): number => (p <= 0 || p >= 1 ? 0 : -p * Math.log2(p) - (1 - p) * Math.log2(1 - p));

function conjugateBy(u: CMat, rho: CMat): CMat {
  return mul(mul(u, rho), adjoint(u));
}

describe('Werner states', () => {
  it('are entangled (not PPT) iff p > 1/3, over a sweep of p', () => {
    for (let k = 0; k <= 300; k++) {
      const p = k / 300;
      const m = stateMeasures(werner(p));
      expect(m.ppt).toBe(!(k > 100));
      expect(isPpt(werner(p))).toBe(!(k > 100));
    }
  });

  it('have concurrence max(0, (3p−1)/2) and negativity max(0, (3p−1)/4) to 1e-10', () => {
    for (let k = 0; k <= 100; k++) {
      const p = k / 100;
      const w = werner(p);
      expect(Math.abs(concurrence(w) - Math.max(0, (3 * p - 1) / 2))).toBeLessThan(1e-10);
      expect(Math.abs(negativity(w) - Math.max(0, (3 * p - 1) / 4))).toBeLessThan(1e-10);
      const m = stateMeasures(w);
      expect(Math.abs(m.concurrence! - Math.max(0, (3 * p - 1) / 2))).toBeLessThan(1e-10);
      expect(Math.abs(m.negativity! - Math.max(0, (3 * p - 1) / 4))).toBeLessThan(1e-10);
    }
  });

  it('have purity (1 + 3p²)/4 and l1-coherence p', () => {
    for (const p of [0, 0.25, 0.5, 0.9, 1]) {
      // eigenvalues (1+3p)/4 and (1−p)/4 ×3 ⇒ Tr ρ² = ((1+3p)² + 3(1−p)²)/16 = (1 + 3p²)/4
      expect(purity(werner(p))).toBeCloseTo((1 + 3 * p * p) / 4, 14);
      expect(l1Coherence(werner(p))).toBeCloseTo(p, 14);
    }
  });
});

describe('Bell states', () => {
  it.each(['phi+', 'phi-', 'psi+', 'psi-'] as BellKind[])('%s: concurrence 1, purity 1, entropy 0, negativity ½, NPT', (kind) => {
    const rho = bellState(kind);
    const m = stateMeasures(rho);
    expect(m.concurrence).toBeCloseTo(1, 10);
    expect(m.purity).toBeCloseTo(1, 14);
    expect(m.entropy).toBeLessThan(1e-10);
    expect(m.negativity).toBeCloseTo(0.5, 10);
    expect(m.ppt).toBe(false);
    expect(m.trace).toBeCloseTo(1, 15);
    // Each Bell state has exactly two off-diagonal entries ±½.
    expect(m.coherence).toBeCloseTo(1, 14);
  });

  it('are pairwise orthogonal: trace distance 1', () => {
    const kinds: BellKind[] = ['phi+', 'phi-', 'psi+', 'psi-'];
    for (const a of kinds) for (const b of kinds) expect(traceDistance(bellState(a), bellState(b))).toBeCloseTo(a === b ? 0 : 1, 10);
  });
});

describe('concurrence', () => {
  it('Δ(|Φ+><Φ+|) has concurrence 0 and the diagonal of Φ+', () => {
    const delta = dephasedPartner(bellState('phi+'));
    expect(concurrence(delta)).toBeLessThan(1e-10);
    expect(Array.from(realDiagonal(delta))).toEqual(Array.from(realDiagonal(bellState('phi+'))));
    expect(negativity(delta)).toBeLessThan(1e-12);
  });

  it('is 0 for product states and separable mixtures', () => {
    const rng = makeRng(21);
    for (let k = 0; k < 50; k++) {
      expect(concurrence(productState(rng))).toBeLessThan(1e-10);
      expect(concurrence(randomSeparableMixture(rng))).toBeLessThan(1e-10);
    }
  });

  it('equals 2|ad − bc| for pure states ψ = (a, b, c, d)', () => {
    const rng = makeRng(22);
    for (let k = 0; k < 50; k++) {
      const re = [0, 1, 2, 3].map(() => rng.normal());
      const im = [0, 1, 2, 3].map(() => rng.normal());
      const n = Math.sqrt(re.reduce((s, x, i) => s + x * x + im[i] * im[i], 0));
      const [ar, br, cr, dr] = re.map((x) => x / n);
      const [ai, bi, ci, di] = im.map((x) => x / n);
      const detr = ar * dr - ai * di - (br * cr - bi * ci);
      const deti = ar * di + ai * dr - (br * ci + bi * cr);
      const expected = 2 * Math.hypot(detr, deti);
      const rho = pureState(re, im);
      expect(Math.abs(concurrence(rho) - expected)).toBeLessThan(1e-10);
      // Pure states: negativity = λ_0 λ_1 (Schmidt coefficients) = C/2.
      expect(Math.abs(negativity(rho) - expected / 2)).toBeLessThan(1e-10);
    }
  });

  it('is invariant under local unitaries U_A ⊗ U_B', () => {
    const rng = makeRng(23);
    for (let k = 0; k < 30; k++) {
      const rho = randomMixedState(2, rng, 1 + (k % 4));
      const u = kron(haarUnitary(2, rng), haarUnitary(2, rng));
      const rotated = conjugateBy(u, rho);
      expect(Math.abs(concurrence(rotated) - concurrence(rho))).toBeLessThan(1e-10);
      expect(Math.abs(negativity(rotated) - negativity(rho))).toBeLessThan(1e-10);
    }
  });

  it('matches the closed form for X states: 2·max(0, |ρ_03| − √(ρ_11ρ_22), |ρ_12| − √(ρ_00ρ_33))', () => {
    const rng = makeRng(24);
    for (let k = 0; k < 50; k++) {
      const w = [0, 1, 2, 3].map(() => -Math.log(1 - rng.uniform()));
      const s = w.reduce((x, y) => x + y, 0);
      const [a, b, c, d] = w.map((x) => x / s);
      // Coherences inside the positivity bounds |z| ≤ √(ad), |v| ≤ √(bc).
      const zAbs = rng.uniform() * Math.sqrt(a * d),
        zPh = 2 * Math.PI * rng.uniform();
      const vAbs = rng.uniform() * Math.sqrt(b * c),
        vPh = 2 * Math.PI * rng.uniform();
      const rho = zeros(4, 4);
      rho.re[0] = a;
      rho.re[5] = b;
      rho.re[10] = c;
      rho.re[15] = d;
      rho.re[3] = zAbs * Math.cos(zPh);
      rho.im[3] = zAbs * Math.sin(zPh);
      rho.re[12] = rho.re[3];
      rho.im[12] = -rho.im[3];
      rho.re[6] = vAbs * Math.cos(vPh);
      rho.im[6] = vAbs * Math.sin(vPh);
      rho.re[9] = rho.re[6];
      rho.im[9] = -rho.im[6];
      expect(validateDensityMatrix(rho)).toBeNull();
      const expected = 2 * Math.max(0, zAbs - Math.sqrt(b * c), vAbs - Math.sqrt(a * d));
      expect(Math.abs(concurrence(rho) - expected)).toBeLessThan(1e-10);
    }
  });

  it('for random mixed states: C > 0 ⇔ N > 0 ⇔ NPT, and 2N ≤ C (two qubits)', () => {
    const rng = makeRng(25);
    for (let k = 0; k < 100; k++) {
      const rho = randomMixedState(2, rng, 1 + (k % 4));
      const c = concurrence(rho),
        n = negativity(rho);
      expect(2 * n).toBeLessThanOrEqual(c + 1e-10);
      const entangled = !isPpt(rho);
      if (entangled) {
        expect(c).toBeGreaterThan(0);
        expect(n).toBeGreaterThan(0);
      } else {
        expect(c).toBeLessThan(1e-10);
        expect(n).toBeLessThan(1e-12);
      }
    }
  });

  it('rejects non-4×4 input', () => {
    expect(() => concurrence(identity(2))).toThrow();
    expect(() => negativity(identity(8))).toThrow();
  });
});

describe('entropy, purity, coherence', () => {
  it('maximally mixed I/4: entropy 2 bits, purity 1/4, coherence 0', () => {
    const m = stateMeasures(scale(identity(4), 0.25));
    expect(m.entropy).toBeCloseTo(2, 12);
    expect(m.purity).toBeCloseTo(0.25, 15);
    expect(m.coherence).toBe(0);
    expect(m.concurrence).toBeLessThan(1e-10);
  });

  it('maximally mixed on n qubits has entropy n and purity 2^−n', () => {
    for (let n = 1; n <= 4; n++) {
      const d = 1 << n;
      const rho = scale(identity(d), 1 / d);
      expect(vonNeumannEntropy(rho)).toBeCloseTo(n, 12);
      expect(purity(rho)).toBeCloseTo(1 / d, 15);
    }
  });

  it('entropy of diag(p, 1−p) is the binary entropy h(p), 0 log 0 = 0', () => {
    for (let k = 0; k <= 50; k++) {
      const p = k / 50;
      expect(Math.abs(vonNeumannEntropy(diagonalMatrix([p, 1 - p])) - binaryEntropy(p))).toBeLessThan(1e-12);
    }
    expect(vonNeumannEntropy(diagonalMatrix([1, 0, 0, 0]))).toBe(0);
    expect(vonNeumannEntropy(diagonalMatrix([0.5, 0.5, 0, 0]))).toBeCloseTo(1, 14);
  });

  it('entropy is unitarily invariant: S(UρU†) = S(ρ) = h(p) for ρ unitarily rotated diag(p, 1−p)', () => {
    const rng = makeRng(26);
    for (let k = 0; k < 10; k++) {
      const p = rng.uniform();
      const rho = conjugateBy(haarUnitary(2, rng), diagonalMatrix([p, 1 - p]));
      expect(Math.abs(vonNeumannEntropy(rho) - binaryEntropy(p))).toBeLessThan(1e-10);
      expect(purity(rho)).toBeCloseTo(p * p + (1 - p) * (1 - p), 12);
    }
  });

  it('pure states: entropy 0, purity 1; |+>^⊗2 has l1-coherence d − 1 = 3', () => {
    const rng = makeRng(27);
    for (let k = 0; k < 10; k++) {
      const rho = randomPureState(3, rng);
      expect(vonNeumannEntropy(rho)).toBeLessThan(1e-10);
      expect(purity(rho)).toBeCloseTo(1, 13);
    }
    expect(l1Coherence(pureState([1, 1, 1, 1]))).toBeCloseTo(3, 14);
  });

  it("the entropy of a pure two-qubit state's marginal is h(cos²θ) (Schmidt form)", () => {
    const theta = 0.3;
    const rho = pureState([Math.cos(theta), 0, 0, Math.sin(theta)]);
    const m = stateMeasures(rho);
    expect(m.entropy).toBeLessThan(1e-10);
    const rhoA = diagonalMatrix([Math.cos(theta) ** 2, Math.sin(theta) ** 2]);
    expect(vonNeumannEntropy(rhoA)).toBeCloseTo(binaryEntropy(Math.cos(theta) ** 2), 12);
    expect(m.concurrence).toBeCloseTo(Math.sin(2 * theta), 10);
  });
});

describe('trace distances', () => {
  it('between pure states is √(1 − |<ψ|φ>|²)', () => {
    const rng = makeRng(28);
    for (let k = 0; k < 20; k++) {
      const a = [0, 1, 2, 3].map(() => [rng.normal(), rng.normal()]);
      const b = [0, 1, 2, 3].map(() => [rng.normal(), rng.normal()]);
      const na = Math.sqrt(a.reduce((s, [x, y]) => s + x * x + y * y, 0));
      const nb = Math.sqrt(b.reduce((s, [x, y]) => s + x * x + y * y, 0));
      let ovr = 0,
        ovi = 0;
      for (let i = 0; i < 4; i++) {
        // conj(a_i) b_i
        ovr += (a[i][0] * b[i][0] + a[i][1] * b[i][1]) / (na * nb);
        ovi += (a[i][0] * b[i][1] - a[i][1] * b[i][0]) / (na * nb);
      }
      const expected = Math.sqrt(Math.max(0, 1 - (ovr * ovr + ovi * ovi)));
      const ra = pureState(
        a.map((z) => z[0]),
        a.map((z) => z[1]),
      );
      const rb = pureState(
        b.map((z) => z[0]),
        b.map((z) => z[1]),
      );
      expect(Math.abs(traceDistance(ra, rb) - expected)).toBeLessThan(1e-10);
    }
  });

  it('between diagonal states is the total-variation distance ½Σ|x − y|', () => {
    const x = [0.1, 0.2, 0.3, 0.4],
      y = [0.4, 0.3, 0.2, 0.1];
    expect(traceDistance(diagonalMatrix(x), diagonalMatrix(y))).toBeCloseTo(0.4, 14);
    expect(traceDistanceToClassical(diagonalMatrix(x), y)).toBeCloseTo(0.4, 14);
  });

  it('to the classical diagonal of a Werner state is p/2 (off-diagonal block eigenvalues ±p/2)', () => {
    for (const p of [0, 0.3, 1]) {
      const w = werner(p);
      expect(traceDistanceToClassical(w, realDiagonal(w))).toBeCloseTo(p / 2, 12);
      expect(stateMeasures(w, realDiagonal(w)).traceDistanceToClassical).toBeCloseTo(p / 2, 12);
    }
    expect(() => traceDistanceToClassical(werner(0.5), [1, 0])).toThrow();
  });
});

describe('stateMeasures', () => {
  it('includes two-qubit measures only for d = 4 and the classical distance only when x is given', () => {
    const two = stateMeasures(werner(0.5));
    expect(Object.keys(two).sort()).toEqual(['coherence', 'concurrence', 'entropy', 'negativity', 'ppt', 'purity', 'trace']);
    const three = stateMeasures(scale(identity(8), 1 / 8), new Array(8).fill(1 / 8));
    expect(three.concurrence).toBeUndefined();
    expect(three.negativity).toBeUndefined();
    expect(three.ppt).toBeUndefined();
    expect(three.traceDistanceToClassical).toBeCloseTo(0, 14);
    expect(three.entropy).toBeCloseTo(3, 12);
  });

  it('trace is Re Tr ρ even for an unnormalised matrix', () => {
    expect(stateMeasures(scale(identity(2), 0.7)).trace).toBeCloseTo(1.4, 15);
  });
});

describe('validateDensityMatrix', () => {
  it('accepts states, including small round-off within tol', () => {
    expect(validateDensityMatrix(werner(0.4))).toBeNull();
    expect(validateDensityMatrix(diagonalMatrix([1]))).toBeNull();
    const nudged = werner(0.4);
    nudged.re[0] += 1e-10;
    expect(validateDensityMatrix(nudged)).toBeNull();
    expect(validateDensityMatrix(nudged, 1e-12)).toMatch(/trace/);
  });

  it('catches non-Hermitian matrices', () => {
    const m = fromArrays([
      [0.5, 0.3],
      [0.1, 0.5],
    ]);
    const msg = validateDensityMatrix(m)!;
    expect(msg).toMatch(/^not Hermitian: max \|ρ_ij − conj\(ρ_ji\)\| = /);
    expect(Number(msg.split('= ')[1])).toBeCloseTo(0.2, 14);
    const im = fromArrays(
      [
        [0.5, 0],
        [0, 0.5],
      ],
      [
        [0, 0.2],
        [0.2, 0],
      ],
    ); // ρ_01 = 0.2i, ρ_10 must be −0.2i
    expect(validateDensityMatrix(im)).toMatch(/not Hermitian/);
  });

  it('catches trace 2 and a complex trace', () => {
    expect(validateDensityMatrix(diagonalMatrix([1, 1]))).toMatch(/trace is not 1: 2/);
    const c = fromArrays(
      [
        [1, 0],
        [0, 0],
      ],
      [
        [0.1, 0],
        [0, 0],
      ],
    );
    expect(validateDensityMatrix(c)).toMatch(/not Hermitian|trace/);
  });

  it('catches a non-PSD matrix with its smallest eigenvalue', () => {
    expect(validateDensityMatrix(diagonalMatrix([1.25, -0.25, 0, 0]))).toBe('not positive semidefinite: smallest eigenvalue -0.25');
    // The partial transpose of Φ+ has trace 1 but eigenvalue −½.
    const msg = validateDensityMatrix(
      fromArrays([
        [0.5, 0, 0, 0],
        [0, 0, 0.5, 0],
        [0, 0.5, 0, 0],
        [0, 0, 0, 0.5],
      ]),
    )!;
    expect(msg).toMatch(/^not positive semidefinite: smallest eigenvalue /);
    expect(Number(msg.split('eigenvalue ')[1])).toBeCloseTo(-0.5, 14);
  });

  it('catches NaN, Infinity and non-square input', () => {
    const n = werner(0.5);
    n.re[5] = NaN;
    expect(validateDensityMatrix(n)).toMatch(/non-finite entry at \(1, 1\)/);
    const inf = werner(0.5);
    inf.im[2] = Infinity;
    expect(validateDensityMatrix(inf)).toMatch(/non-finite/);
    expect(validateDensityMatrix(zeros(2, 3))).toMatch(/not square/);
  });
});
