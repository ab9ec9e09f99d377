import { describe, expect, it } from 'vitest';
import { maxAbsDiff, realDiagonal } from '../math/complex';
import { applyQrb, measurementMatrix, packState } from './qrb';
import { randomQuantumBlock } from './randomModel';
import { makeRng } from '../math/rng';
import { estimateAncillaZeroProbabilities, sampleMultinomial } from './shots';
import { randomDensityMatrix } from '../math/testing';

describe('finite shots (docs/math.md §5)', () => {
  const p = [0.1, 0.25, 0.05, 0.3, 0.3];

  it('same seed, same counts; another seed, other counts', () => {
    const a = sampleMultinomial(p, 1000, makeRng(42));
    const b = sampleMultinomial(p, 1000, makeRng(42));
    const c = sampleMultinomial(p, 1000, makeRng(43));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect(a.reduce((s, v) => s + v, 0)).toBe(1000);
  });

  it('counts are multinomial: mean within 4 standard errors and variance N p (1 − p) within 15%', () => {
    const N = 400,
      R = 2000;
    const rng = makeRng(1);
    const sums = new Float64Array(p.length),
      sq = new Float64Array(p.length);
    for (let r = 0; r < R; r++) {
      const c = sampleMultinomial(p, N, rng);
      c.forEach((v, i) => {
        sums[i] += v;
        sq[i] += v * v;
      });
    }
    p.forEach((pi, i) => {
      const mean = sums[i] / R;
      const variance = sq[i] / R - mean * mean;
      const expectedVar = N * pi * (1 - pi);
      expect(Math.abs(mean - N * pi)).toBeLessThan(4 * Math.sqrt(expectedVar / R));
      expect(Math.abs(variance / expectedVar - 1)).toBeLessThan(0.15);
    });
  });

  it('p̂ converges to p like 1/sqrt(N_s)', () => {
    const rng = makeRng(2);
    const p0 = [0.2, 0.1, 0.3, 0.15]; // a = 1 mass 0.25
    for (const shots of [100, 10000, 1000000]) {
      const est = estimateAncillaZeroProbabilities(p0, shots, rng);
      est.forEach((e, j) => expect(Math.abs(e - p0[j])).toBeLessThan(5 * Math.sqrt((p0[j] * (1 - p0[j])) / shots)));
    }
  });

  it('a block with shots is seeded, stays a state, and approaches the exact block as N_s grows', () => {
    const rng = makeRng(3);
    const b = randomQuantumBlock(4, rng, { activation: 'softplus', alpha: 0.3 });
    const rho = randomDensityMatrix(4, rng);
    const exact = applyQrb(b, rho);
    const s1 = applyQrb(b, rho, { shots: 500, rng: makeRng(9) });
    const s2 = applyQrb(b, rho, { shots: 500, rng: makeRng(9) });
    expect(maxAbsDiff(s1.rho, s2.rho)).toBe(0);
    const err = (shots: number) => {
      let e = 0;
      for (let r = 0; r < 20; r++) e += maxAbsDiff(applyQrb(b, rho, { shots, rng: makeRng(100 + r) }).rho, exact.rho);
      return e / 20;
    };
    const e100 = err(100),
      e10000 = err(10000);
    expect(e10000).toBeLessThan(e100 / 4); // 1/sqrt(N) predicts a factor 10
    expect(realDiagonal(s1.rho).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
  });

  it('the exact probabilities fed to the sampler are diag(A ρ A†) and sum to ≤ 1', () => {
    const rng = makeRng(4);
    const b = randomQuantumBlock(8, rng);
    const rho = randomDensityMatrix(8, rng);
    const f = measurementMatrix(b.aPlus);
    const v = packState(rho);
    let total = 0;
    for (let j = 0; j < 8; j++) {
      let pj = 0;
      for (let k = 0; k < 64; k++) pj += f[j * 64 + k] * v[k];
      expect(pj).toBeGreaterThanOrEqual(-1e-15);
      total += pj;
    }
    expect(total).toBeLessThanOrEqual(1 + 1e-12);
  });
});
