import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Activation } from './activation';
import { classicalAnalog, classicalAnalogBlock, classicalForward } from './classical';
import { type CMat, diagonalMatrix, hermiticityError, maxAbsDiff, realDiagonal, trace } from '../math/complex';
import { hermitianEigenvalues } from '../math/linalg';
import type { QuantumBlock } from './model';
import { applyQrb, applyQrbReference, packState, quantumForward, unpackState } from './qrb';
import { randomQuantumBlock, randomQuantumModel } from './randomModel';
import { makeRng } from '../math/rng';
import { randomDensityMatrix, randomProbabilityVector } from '../math/testing';

const DIMS = [2, 4, 8, 16, 32, 64];

describe('correspondence theorem (docs/math.md §3): diagonal inputs follow the classical network', () => {
  it('holds layer by layer on 288 random stacks: 3 per (d = 2…64) × activation × α ∈ {0, 0.5, 1, random}', () => {
    const rng = makeRng(20261125);
    const alphas: (number | undefined)[] = [0, 0.5, 1, undefined];
    let cases = 0;
    let worst = 0;
    for (const d of DIMS) {
      for (const activation of ACTIVATIONS) {
        for (const alpha of alphas)
          for (let rep = 0; rep < 3; rep++) {
            // Big stacks on d = 64 cost ~d³ per block in the reference: keep them shorter.
            const depth = d >= 32 ? 1 + rng.int(2) : 1 + rng.int(5);
            const blocks = Array.from({ length: depth }, () => randomQuantumBlock(d, rng, { activation, alpha }));
            let rho: CMat = diagonalMatrix(randomProbabilityVector(d, rng));
            const classical = classicalForward(blocks.map(classicalAnalogBlock), realDiagonal(rho));
            blocks.forEach((b, k) => {
              // The reference QRB (A ρ A† from the definition) is independent of the classical code.
              const r = applyQrbReference(b, rho);
              rho = r.rho;
              worst = Math.max(worst, maxAbsDiff(rho, diagonalMatrix(classical[k].x)));
              expect(r.dead).toBe(classical[k].dead);
            });
            cases++;
          }
      }
    }
    expect(cases).toBe(288);
    expect(worst).toBeLessThan(1e-12);
  });

  it('also holds for the packed fast path on 200 more random models', () => {
    const rng = makeRng(7);
    let worst = 0;
    for (let t = 0; t < 200; t++) {
      const n = 1 + rng.int(6);
      const d = 1 << n;
      const model = randomQuantumModel(n, 1 + rng.int(d >= 32 ? 2 : 6), rng);
      const x0 = randomProbabilityVector(d, rng);
      const q = quantumForward(model.blocks, diagonalMatrix(x0));
      const c = classicalForward(classicalAnalog(model).blocks, x0);
      q.forEach((l, k) => (worst = Math.max(worst, maxAbsDiff(l.rho, diagonalMatrix(c[k].x)))));
    }
    expect(worst).toBeLessThan(1e-12);
  });
});

describe('packed QRB agrees with the definition on general states', () => {
  it('matches applyQrbReference to 1e-12 on random full-rank states (d = 2…32)', () => {
    const rng = makeRng(3);
    for (const d of DIMS.slice(0, 5)) {
      for (let t = 0; t < 10; t++) {
        const b = randomQuantumBlock(d, rng);
        const rho = randomDensityMatrix(d, rng);
        const fast = applyQrb(b, rho);
        const ref = applyQrbReference(b, rho);
        expect(maxAbsDiff(fast.rho, ref.rho)).toBeLessThan(1e-12);
        expect(fast.dead).toBe(ref.dead);
      }
    }
  });

  it('pack/unpack round-trips a Hermitian matrix', () => {
    const rho = randomDensityMatrix(8, makeRng(4));
    expect(maxAbsDiff(unpackState(packState(rho), 8), rho)).toBe(0);
  });
});

describe('QRB properties', () => {
  const rng = makeRng(11);
  const d = 4;

  it('off-diagonal entries shrink exactly by α per block: ρ^(K)_{ii′} = α^K ρ_{ii′}', () => {
    const alpha = 0.7;
    const blocks = Array.from({ length: 6 }, () => randomQuantumBlock(d, rng, { alpha }));
    const rho0 = randomDensityMatrix(d, rng);
    const last = quantumForward(blocks, rho0).at(-1)!.rho;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++)
        if (i !== j) {
          expect(last.re[i * d + j]).toBeCloseTo(alpha ** 6 * rho0.re[i * d + j], 14);
          expect(last.im[i * d + j]).toBeCloseTo(alpha ** 6 * rho0.im[i * d + j], 14);
        }
  });

  it('α = 1 is the identity and α = 0 replaces the state by diag(q)', () => {
    const rho = randomDensityMatrix(d, rng);
    const b1 = randomQuantumBlock(d, rng, { alpha: 1 });
    expect(maxAbsDiff(applyQrb(b1, rho).rho, rho)).toBe(0);
    const b0 = randomQuantumBlock(d, rng, { alpha: 0 });
    const r = applyQrb(b0, rho);
    expect(maxAbsDiff(r.rho, diagonalMatrix(r.q))).toBe(0);
  });

  it('a block whose activations all vanish is dead: q uniform, flagged', () => {
    const b: QuantumBlock = { ...randomQuantumBlock(d, rng, { activation: 'relu', alpha: 0.5 }), gain: 1e-3, bias: new Float64Array(d).fill(-1) };
    const r = applyQrb(b, randomDensityMatrix(d, rng));
    expect(r.dead).toBe(true);
    expect(Array.from(r.q)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('exp activation + normalisation is the softmax of z, also at gain 10⁶', () => {
    for (const gain of [1, 1e6]) {
      const b = { ...randomQuantumBlock(d, rng, { activation: 'exp' as Activation }), gain };
      const r = applyQrb(b, randomDensityMatrix(d, rng));
      const m = Math.max(...r.z);
      const e = Array.from(r.z, (z) => Math.exp(z - m));
      const s = e.reduce((a, v) => a + v, 0);
      e.forEach((v, j) => expect(r.q[j]).toBeCloseTo(v / s, 14));
      expect(r.q.every(Number.isFinite)).toBe(true);
    }
  });

  it('p± are probabilities: z − b lies in [−c, c]', () => {
    for (let t = 0; t < 50; t++) {
      const b = randomQuantumBlock(8, rng);
      const r = applyQrb(b, randomDensityMatrix(8, rng));
      r.z.forEach((z, j) => expect(Math.abs(z - b.bias[j])).toBeLessThanOrEqual(b.gain + 1e-12));
    }
  });
});

describe('invariants after random 20-block stacks on 10⁴ random states', () => {
  it('every output is Hermitian, trace 1 and has eigenvalues ≥ −1e-12', () => {
    const rng = makeRng(99);
    let checked = 0,
      worstHerm = 0,
      worstTrace = 0,
      minEig = Infinity;
    const plan: [number, number][] = [
      [2, 2500],
      [4, 5000],
      [8, 2000],
      [16, 500],
    ];
    for (const [d, count] of plan) {
      for (let batch = 0; batch < count / 100; batch++) {
        const blocks = Array.from({ length: 20 }, () => randomQuantumBlock(d, rng));
        for (let s = 0; s < 100; s++) {
          // The matrix-form reference QRB: its Hermiticity is not built in, so it is a real check.
          let rho = randomDensityMatrix(d, rng);
          for (const b of blocks) rho = applyQrbReference(b, rho).rho;
          worstHerm = Math.max(worstHerm, hermiticityError(rho));
          worstTrace = Math.max(worstTrace, Math.abs(trace(rho)[0] - 1), Math.abs(trace(rho)[1]));
          minEig = Math.min(minEig, hermitianEigenvalues(rho)[0]);
          checked++;
        }
      }
    }
    expect(checked).toBe(10000);
    expect(worstHerm).toBeLessThan(1e-15);
    expect(worstTrace).toBeLessThan(1e-12);
    expect(minEig).toBeGreaterThan(-1e-12);
  });
});

describe('depolarising noise on the block input (noise study)', () => {
  it('λ = 1 erases the input: the block sees I/d whatever ρ was', () => {
    const rng = makeRng(12);
    const b = randomQuantumBlock(4, rng, { alpha: 0.4 });
    const a = applyQrb(b, randomDensityMatrix(4, rng), { noise: 1 });
    const c = applyQrb(b, randomDensityMatrix(4, rng), { noise: 1 });
    expect(maxAbsDiff(a.rho, c.rho)).toBeLessThan(1e-15);
    expect(Math.abs(a.rho.re[1])).toBe(0);
  });

  it('matches the reference block applied to (1 − λ)ρ + λ I/d', () => {
    const rng = makeRng(13);
    const b = randomQuantumBlock(8, rng);
    const rho = randomDensityMatrix(8, rng);
    const lambda = 0.3;
    const noisy = unpackState(
      packState(rho).map((v, k) => (1 - lambda) * v + (k < 8 ? lambda / 8 : 0)),
      8,
    );
    expect(maxAbsDiff(applyQrb(b, rho, { noise: lambda }).rho, applyQrbReference(b, noisy).rho)).toBeLessThan(1e-13);
  });
});
