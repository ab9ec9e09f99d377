import { describe, expect, it } from 'vitest';
import { type CMat, diagonalMatrix, fromArrays, hermiticityError, maxAbsDiff, scale, sub, trace } from '../math/complex';
import { hermitianEigenvalues } from '../math/linalg';
import { validateDensityMatrix } from '../measures/measures';
import { checkState, nearestState, projectOntoSimplex, sig4, STATE_TOLERANCE, traceNorm } from './nearestState';
import { makeRng } from '../math/rng';
import { bellState, randomMixedState, randomPureState, werner } from './states';

/**
 * Independent reference: eigenvalues of a real symmetric matrix by cyclic Jacobi rotations
 * (written here, not ml-matrix), used on the real embedding [[X, −Y], [Y, X]] of a Hermitian
 * X + iY, whose eigenvalues are those of X + iY, each twice.
 */
function jacobiEigenvalues(a: number[][]): number[] {
  const n = a.length;
  const m = a.map((r) => r.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1),
          s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p],
            mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k],
            mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
      }
  }
  return m.map((r, i) => r[i]);
}

/** ½‖H‖₁ of a Hermitian H, from the Jacobi eigenvalues of its embedding (each counted twice). */
function referenceTraceDistance(h: CMat): number {
  const d = h.rows;
  const e = Array.from({ length: 2 * d }, () => new Array<number>(2 * d).fill(0));
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const x = h.re[i * d + j],
        y = h.im[i * d + j];
      e[i][j] = x;
      e[i + d][j + d] = x;
      e[i][j + d] = -y;
      e[i + d][j] = y;
    }
  return (0.5 * jacobiEigenvalues(e).reduce((s, l) => s + Math.abs(l), 0)) / 2;
}

/** A random pure two-qubit state typed with 6 decimals (seed 0): trace 1, λ_min ≈ −6.96e-7. */
const PURE_6_DECIMALS = fromArrays(
  [
    [0.137486, 0.172549, -0.048913, 0.106276],
    [0.172549, 0.226016, -0.12689, 0.105275],
    [-0.048913, -0.12689, 0.470866, 0.156755],
    [0.106276, 0.105275, 0.156755, 0.165632],
  ],
  [
    [0, -0.036068, 0.24969, 0.107133],
    [0.036068, 0, 0.300536, 0.162335],
    [-0.24969, -0.300536, 0, -0.231124],
    [-0.107133, -0.162335, 0.231124, 0],
  ],
);

/** Werner p = 1/3 typed as 0.333 / 0.166 / 0.166 / 0.333 (trace 0.998). */
const WERNER_TYPED = fromArrays([
  [0.333, 0, 0, 0.166],
  [0, 0.166, 0, 0],
  [0, 0, 0.166, 0],
  [0.166, 0, 0, 0.333],
]);

const isState = (rho: CMat) => validateDensityMatrix(rho, 1e-12) === null;

describe('projectOntoSimplex (Euclidean projection onto {μ ≥ 0, Σμ = 1})', () => {
  it('(0.6, 0.5, −0.1, 0) → (0.55, 0.45, 0, 0)', () => {
    const mu = projectOntoSimplex([0.6, 0.5, -0.1, 0]);
    [0.55, 0.45, 0, 0].forEach((v, i) => expect(mu[i]).toBeCloseTo(v, 15));
  });
  it('a point of the simplex is its own projection; (2, 0, 0, 0) → (1, 0, 0, 0); uniform shift for a small trace defect', () => {
    expect(Array.from(projectOntoSimplex([0.1, 0.2, 0.3, 0.4]))).toEqual([0.1, 0.2, 0.3, 0.4].map((v) => expect.closeTo(v, 15)));
    expect(Array.from(projectOntoSimplex([2, 0, 0, 0]))).toEqual([1, 0, 0, 0]);
    const mu = projectOntoSimplex([0.499, 0.167, 0.166, 0.166]);
    [0.4995, 0.1675, 0.1665, 0.1665].forEach((v, i) => expect(mu[i]).toBeCloseTo(v, 15));
  });
  it('is the closest point: no random simplex point is nearer', () => {
    const rng = makeRng(5);
    for (let t = 0; t < 50; t++) {
      const v = Array.from({ length: 5 }, () => 2 * rng.uniform() - 0.7);
      const mu = projectOntoSimplex(v);
      expect(mu.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
      const dist = (p: ArrayLike<number>) => Math.hypot(...Array.from(p, (x, i) => x - v[i]));
      for (let k = 0; k < 20; k++) {
        const w = Array.from({ length: 5 }, () => -Math.log(rng.uniform()));
        const s = w.reduce((a, b) => a + b, 0);
        expect(dist(w.map((x) => x / s))).toBeGreaterThanOrEqual(dist(mu) - 1e-12);
      }
    }
  });
});

describe('nearestState (docs/math.md §10)', () => {
  it('a state is its own nearest state (distance ≤ 1e-12, the matrix unchanged)', () => {
    const rng = makeRng(3);
    for (const rho of [bellState('phi+'), werner(0.4), randomPureState(2, rng), randomMixedState(3, rng), diagonalMatrix([0.25, 0.25, 0.5, 0])]) {
      const n = nearestState(rho);
      expect(n.traceDistance).toBeLessThanOrEqual(1e-12);
      expect(maxAbsDiff(n.rho, rho)).toBe(0);
    }
  });

  it('eigenvalues (0.6, 0.5, −0.1, 0) in a rotated basis → (0.55, 0.45, 0, 0), distance 0.1', () => {
    const u = randomPureState(2, makeRng(9)); // a rank-one projector gives a basis change: V = I − 2|ψ⟩⟨ψ| (Householder)
    const v = sub(diagonalMatrix([1, 1, 1, 1]), scale(u, 2));
    const mul = (a: CMat, b: CMat) => {
      const d = a.rows,
        out = fromArrays(Array.from({ length: d }, () => new Array(d).fill(0)));
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++)
          for (let k = 0; k < d; k++) {
            out.re[i * d + j] += a.re[i * d + k] * b.re[k * d + j] - a.im[i * d + k] * b.im[k * d + j];
            out.im[i * d + j] += a.re[i * d + k] * b.im[k * d + j] + a.im[i * d + k] * b.re[k * d + j];
          }
      return out;
    };
    const rho = mul(mul(v, diagonalMatrix([0.6, 0.5, -0.1, 0])), v); // V is Hermitian and unitary
    const n = nearestState(rho);
    expect(isState(n.rho)).toBe(true);
    const ev = Array.from(hermitianEigenvalues(n.rho)).sort((a, b) => b - a);
    [0.55, 0.45, 0, 0].forEach((x, i) => expect(ev[i]).toBeCloseTo(x, 12));
    expect(maxAbsDiff(n.rho, mul(mul(v, diagonalMatrix([0.55, 0.45, 0, 0])), v))).toBeLessThan(1e-12);
    // ½(0.05 + 0.05 + 0.1) = 0.1
    expect(n.traceDistance).toBeCloseTo(0.1, 12);
    expect(referenceTraceDistance(sub(rho, n.rho))).toBeCloseTo(0.1, 10);
  });

  it('2·|Φ+⟩⟨Φ+| → |Φ+⟩⟨Φ+|, moving trace distance ½‖|Φ+⟩⟨Φ+|‖₁ = 0.5', () => {
    const phi = bellState('phi+');
    const n = nearestState(scale(phi, 2));
    expect(maxAbsDiff(n.rho, phi)).toBeLessThan(1e-14);
    // 2P − P = P is a projector: its trace norm is its trace, 1.
    expect(n.traceDistance).toBeCloseTo(0.5, 14);
    expect(referenceTraceDistance(sub(scale(phi, 2), n.rho))).toBeCloseTo(0.5, 12);
  });

  it('the 6-decimal pure state: within tolerance, accepted as its nearest state, a true state, distance as the independent reference', () => {
    expect(validateDensityMatrix(PURE_6_DECIMALS)).toMatch(/not positive semidefinite: smallest eigenvalue -6\.9/);
    const c = checkState(PURE_6_DECIMALS);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(isState(c.rho)).toBe(true);
    expect(c.traceDistance).toBeGreaterThan(1e-12);
    expect(c.traceDistance).toBeLessThan(2e-6);
    expect(c.traceDistance).toBeCloseTo(referenceTraceDistance(sub(PURE_6_DECIMALS, c.rho)), 12);
  });

  it('Werner typed as 0.333/0.166: refused naming the trace (0.998) and the tolerance; its nearest state is ρ + 0.0005·I at distance 0.001', () => {
    const c = checkState(WERNER_TYPED);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.kind).toBe('trace');
    expect(c.problem).toBe('trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6)');
    expect(c.nearest).toBeDefined();
    const expected = fromArrays([
      [0.3335, 0, 0, 0.166],
      [0, 0.1665, 0, 0],
      [0, 0, 0.1665, 0],
      [0.166, 0, 0, 0.3335],
    ]);
    expect(maxAbsDiff(c.nearest!.rho, expected)).toBeLessThan(1e-14);
    expect(c.nearest!.traceDistance).toBeCloseTo(0.001, 14);
    expect(referenceTraceDistance(sub(WERNER_TYPED, c.nearest!.rho))).toBeCloseTo(0.001, 12);
  });

  it('a non-Hermitian matrix: the distance is the sum of singular values of ρ − ρ_used', () => {
    const m = fromArrays([
      [0.5, 0.3],
      [0.1, 0.5],
    ]);
    const n = nearestState(m);
    expect(isState(n.rho)).toBe(true);
    expect(hermiticityError(n.rho)).toBe(0);
    // H = [[.5,.2],[.2,.5]] is a state; ρ − H = [[0, .1], [−.1, 0]] has singular values 0.1, 0.1.
    expect(
      maxAbsDiff(
        n.rho,
        fromArrays([
          [0.5, 0.2],
          [0.2, 0.5],
        ]),
      ),
    ).toBeLessThan(1e-15);
    expect(n.traceDistance).toBeCloseTo(0.1, 14);
    expect(
      traceNorm(
        fromArrays([
          [0, 0.1],
          [-0.1, 0],
        ]),
      ),
    ).toBeCloseTo(0.2, 15);
  });

  it('checkState names each problem with 4 significant digits and the tolerance, and offers the projection', () => {
    const herm = checkState(
      fromArrays([
        [0.5, 0.3],
        [0.1, 0.5],
      ]),
    );
    expect(herm).toMatchObject({ ok: false, kind: 'hermitian', problem: 'not Hermitian: max |ρ_ij − conj(ρ_ji)| = 0.2 > tolerance 1e-6' });
    const psd = checkState(diagonalMatrix([1.25, -0.25, 0, 0]));
    expect(psd).toMatchObject({ ok: false, kind: 'psd', problem: 'not positive semidefinite: smallest eigenvalue -0.25 < -1e-6 (tolerance 1e-6)' });
    expect(psd.ok === false && psd.nearest && Array.from(psd.nearest.rho.re)).toEqual(Array.from(diagonalMatrix([1, 0, 0, 0]).re));
    expect(
      checkState(
        fromArrays([
          [NaN, 0],
          [0, 1],
        ]),
      ),
    ).toMatchObject({ ok: false, kind: 'non-finite' });
    expect(checkState(fromArrays([[1, 0, 0]]))).toMatchObject({ ok: false, kind: 'shape' });
    // just inside / just outside the trace tolerance
    expect(checkState(diagonalMatrix([0.5, 0.5 + 0.9e-6])).ok).toBe(true);
    expect(checkState(diagonalMatrix([0.5, 0.5 + 1.1e-6])).ok).toBe(false);
    expect(STATE_TOLERANCE).toBe(1e-6);
    expect(sig4(-6.26257256750833e-7)).toBe('-6.263e-7');
    expect(
      trace(checkState(diagonalMatrix([0.5, 0.5 + 0.9e-6])).ok ? nearestState(diagonalMatrix([0.5, 0.5 + 0.9e-6])).rho : diagonalMatrix([0]))[0],
    ).toBeCloseTo(1, 15);
  });
});
