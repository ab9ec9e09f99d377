import { describe, expect, it } from 'vitest';
import { maxAbsDiff, realDiagonal } from '../math/complex';
import { entanglementDataset, labelByPpt } from './entanglement';
import { hermitianEigenvalues } from '../math/linalg';
import { concurrence, validateDensityMatrix } from '../measures/measures';
import { bellState, partialTranspose, werner } from './states';

/** Independent PPT label: smallest eigenvalue of the partial transpose, computed here. */
const pptLabel = (rho: Parameters<typeof partialTranspose>[0]): number => (hermitianEigenvalues(partialTranspose(rho, 1, 1))[0] < -1e-12 ? 1 : 0);

const count = <T>(xs: T[], x: T): number => xs.filter((y) => y === x).length;

describe('labelByPpt', () => {
  it('labels Werner states 1 iff p > 1/3 and Bell states 1', () => {
    for (let k = 0; k <= 60; k++) expect(labelByPpt(werner(k / 60))).toBe(k > 20 ? 1 : 0);
    expect(labelByPpt(bellState('psi-'))).toBe(1);
  });
});

describe('entanglementDataset', () => {
  const data = entanglementDataset({ seed: 7, n: 200 });

  it('is balanced with the requested kind counts', () => {
    expect(data.states.length).toBe(200);
    expect(data.labels.length).toBe(200);
    expect(data.kinds.length).toBe(200);
    expect(count(data.labels, 1)).toBe(100);
    expect(count(data.labels, 0)).toBe(100);
    expect(count(data.kinds, 'entangled')).toBe(100);
    // 100 separable: ½ adversarial (25 dephased + 25 marginal), the rest 25 product + 25 mixture.
    expect(count(data.kinds, 'dephased-partner')).toBe(25);
    expect(count(data.kinds, 'marginal-partner')).toBe(25);
    expect(count(data.kinds, 'product')).toBe(25);
    expect(count(data.kinds, 'mixture')).toBe(25);
  });

  it('labels agree with an independent PPT check and with the kinds', () => {
    data.states.forEach((rho, i) => {
      expect(data.labels[i]).toBe(pptLabel(rho));
      expect(data.labels[i]).toBe(data.kinds[i] === 'entangled' ? 1 : 0);
    });
  });

  it('entangled states have positive concurrence, separable ones zero (Wootters, independent of PPT)', () => {
    data.states.forEach((rho, i) => {
      if (data.labels[i] === 1) expect(concurrence(rho)).toBeGreaterThan(1e-9);
      else expect(concurrence(rho)).toBeLessThan(1e-10);
    });
  });

  it('every state is a valid density matrix', () => {
    for (const rho of data.states) expect(validateDensityMatrix(rho, 1e-12)).toBeNull();
  });

  it('entangled states come from all three generators, evenly', () => {
    const gens = data.generators.filter((_, i) => data.kinds[i] === 'entangled');
    for (const g of ['schmidt', 'werner-type', 'npt-mixed'] as const) expect(Math.abs(count(gens, g) - 100 / 3)).toBeLessThanOrEqual(1);
    data.kinds.forEach((k, i) => {
      if (k === 'product' || k === 'mixture') expect(data.generators[i]).toBeNull();
      else expect(data.generators[i]).not.toBeNull();
    });
  });

  it('dephased partners are diagonal (computational basis)', () => {
    data.states.forEach((rho, i) => {
      if (data.kinds[i] !== 'dephased-partner') return;
      for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) if (r !== c) expect(rho.re[r * 4 + c] === 0 && rho.im[r * 4 + c] === 0).toBe(true);
    });
  });

  it('is shuffled: the kinds are not in generation blocks', () => {
    // In generation order the first 100 are all entangled; a seeded shuffle mixes them.
    expect(count(data.kinds.slice(0, 100), 'entangled')).toBeLessThan(80);
    expect(count(data.kinds.slice(0, 100), 'entangled')).toBeGreaterThan(20);
  });

  it('is deterministic: same seed, same data; a different seed differs', () => {
    const again = entanglementDataset({ seed: 7, n: 200 });
    expect(again.labels).toEqual(data.labels);
    expect(again.kinds).toEqual(data.kinds);
    again.states.forEach((rho, i) => expect(maxAbsDiff(rho, data.states[i])).toBe(0));
    const other = entanglementDataset({ seed: 8, n: 200 });
    const same = other.states.every((rho, i) => maxAbsDiff(rho, data.states[i]) === 0);
    expect(same).toBe(false);
    expect(other.kinds).not.toEqual(data.kinds);
  });

  it('respects adversarialShare and dephasedShare, and handles odd n', () => {
    const d = entanglementDataset({ seed: 3, n: 41, adversarialShare: 1, dephasedShare: 0.25 });
    // floor(41/2) = 20 entangled, 21 separable, all adversarial: round(0.25·21) = 5 dephased, 16 marginal.
    expect(count(d.labels, 1)).toBe(20);
    expect(count(d.kinds, 'dephased-partner')).toBe(5);
    expect(count(d.kinds, 'marginal-partner')).toBe(16);
    expect(count(d.kinds, 'product') + count(d.kinds, 'mixture')).toBe(0);
    d.states.forEach((rho, i) => expect(d.labels[i]).toBe(pptLabel(rho)));

    const none = entanglementDataset({ seed: 3, n: 20, adversarialShare: 0 });
    expect(count(none.kinds, 'product')).toBe(5);
    expect(count(none.kinds, 'mixture')).toBe(5);
  });

  it("dephased partners' diagonals are probability vectors (sum 1, non-negative)", () => {
    data.states.forEach((rho, i) => {
      if (data.kinds[i] !== 'dephased-partner') return;
      const x = realDiagonal(rho);
      expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
      for (const v of x) expect(v).toBeGreaterThanOrEqual(0);
    });
  });

  it('rejects bad options', () => {
    expect(() => entanglementDataset({ seed: 1, n: -1 })).toThrow(/n must/);
    expect(() => entanglementDataset({ seed: 1, n: 2.5 })).toThrow(/n must/);
    expect(() => entanglementDataset({ seed: 1, n: 10, adversarialShare: 1.5 })).toThrow(/adversarialShare/);
    expect(() => entanglementDataset({ seed: 1, n: 10, dephasedShare: NaN })).toThrow(/dephasedShare/);
    expect(() => entanglementDataset({ seed: NaN, n: 10 })).toThrow(/seed/);
    expect(entanglementDataset({ seed: 1, n: 0 }).states).toEqual([]);
  });

  it('generates the paper-size test set (5000) with the paper split in reasonable time', () => {
    const t0 = Date.now();
    const test = entanglementDataset({ seed: 2, n: 5000 });
    expect(count(test.labels, 1)).toBe(2500);
    expect(count(test.kinds, 'dephased-partner')).toBe(625);
    expect(count(test.kinds, 'marginal-partner')).toBe(625);
    test.states.forEach((rho, i) => expect(test.labels[i]).toBe(pptLabel(rho)));
    expect(Date.now() - t0).toBeLessThan(30000);
  });
});
