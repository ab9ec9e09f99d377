import { describe, expect, it } from 'vitest';
import type { CMat } from '../math/complex';
import { makeRng } from '../math/rng';
import { randomDensityMatrix } from '../math/testing';
import { checkState } from '../states/nearestState';
import { randomPureState } from '../states/states';
import { checkDataset, type RawDataset } from './dataset';
import { shiftedNearest } from './stateCertificate';

/** ρ with every entry rounded to `digits` significant digits, kept exactly Hermitian (as a CSV of rounded numbers is). */
function rounded(rho: CMat, digits: number): CMat {
  const r = (x: number) => Number(x.toPrecision(digits));
  return { ...rho, re: rho.re.map(r), im: rho.im.map(r) };
}

describe('shiftedNearest: checkState’s answer without the eigensolver', () => {
  it('equals checkState (ρ_used to 1e-14, distance to 1e-15) whenever it answers, and answers on ordinary rounded states', () => {
    const rng = makeRng(31);
    let answered = 0,
      total = 0;
    for (const d of [2, 4, 8])
      for (let k = 0; k < 40; k++) {
        const base = k % 4 === 0 ? randomPureState(Math.log2(d), rng) : randomDensityMatrix(d, rng);
        for (const digits of [5, 7, 9, 12]) {
          const rho = rounded(base, digits);
          total++;
          const fast = shiftedNearest(rho);
          if (!fast) continue;
          answered++;
          const c = checkState(rho);
          expect(c.ok).toBe(true);
          if (!c.ok) continue;
          expect(Math.abs(fast.traceDistance - c.traceDistance)).toBeLessThan(1e-15);
          for (let i = 0; i < d * d; i++) {
            expect(Math.abs(fast.rho.re[i] - c.rho.re[i])).toBeLessThan(1e-14);
            expect(Math.abs(fast.rho.im[i] - c.rho.im[i])).toBeLessThan(1e-14);
          }
        }
      }
    expect(answered).toBeGreaterThan(total / 2);
  });

  it('declines (leaves it to checkState) outside the tolerance, off-Hermitian, clipped eigenvalues and d > 8', () => {
    const rng = makeRng(5);
    const rho = randomDensityMatrix(4, rng);
    const trace = { ...rho, re: Float64Array.from(rho.re) };
    trace.re[0] += 2e-6; // |Tr ρ − 1| = 2e-6 > 1e-6: refused by checkState
    expect(shiftedNearest(trace)).toBeUndefined();
    expect(checkState(trace).ok).toBe(false);
    const skew = { ...rho, im: Float64Array.from(rho.im) };
    skew.im[1] += 1e-9; // not exactly Hermitian
    expect(shiftedNearest(skew)).toBeUndefined();
    // diag(0.5 + 3e-7, 0.5, −1e-7, 0): trace 1 + 2e-7, the projection clips the negative eigenvalue
    const clip: CMat = { rows: 4, cols: 4, re: new Float64Array(16), im: new Float64Array(16) };
    (clip.re[0] = 0.5 + 3e-7), (clip.re[5] = 0.5), (clip.re[10] = -1e-7);
    expect(shiftedNearest(clip)).toBeUndefined();
    expect(shiftedNearest(randomDensityMatrix(16, rng))).toBeUndefined();
  });
});

describe('checkDataset with the certificates: the same states, verdicts and summary as checkState per state', () => {
  it('unchanged, repaired (shift and eigen paths), refused and --nearest-state states', () => {
    const rng = makeRng(77);
    const d = 4,
      D2 = 16;
    const states: CMat[] = [];
    for (let k = 0; k < 60; k++) {
      const base = k % 3 === 0 ? randomPureState(2, rng) : randomDensityMatrix(d, rng);
      states.push(k % 5 === 0 ? base : rounded(base, 6 + (k % 6)));
    }
    const bad = randomDensityMatrix(d, rng);
    bad.re[0] += 1e-3; // refused (trace)
    states.push(bad);
    const neg: CMat = { rows: 4, cols: 4, re: new Float64Array(16), im: new Float64Array(16) };
    (neg.re[0] = 0.6), (neg.re[5] = 0.4 + 5e-7), (neg.re[10] = -5e-7); // repaired by the eigen path (clipped)
    states.push(neg);
    const packed = new Float64Array(states.length * 2 * D2);
    states.forEach((s, i) => {
      packed.set(s.re, i * 2 * D2);
      packed.set(s.im, i * 2 * D2 + D2);
    });
    const raw: RawDataset = { format: 'csv', d, n: states.length, packed, labels: states.map((_, i) => i % 2) };
    for (const nearestState of [false, true]) {
      const ds = checkDataset(raw, { nearestState });
      let kept = 0,
        repaired = 0,
        maxTd = 0;
      const refused: number[] = [];
      states.forEach((rho, i) => {
        const c = checkState(rho);
        const use = c.ok ? c : nearestState && c.nearest ? { rho: c.nearest.rho, traceDistance: c.nearest.traceDistance } : undefined;
        if (!use) return void refused.push(i);
        if (use.traceDistance > 1e-12) repaired++, (maxTd = Math.max(maxTd, use.traceDistance));
        expect(ds.indices[kept]).toBe(i);
        const o = kept * 2 * D2;
        for (let j = 0; j < D2; j++) {
          expect(Math.abs(ds.packed[o + j] - use.rho.re[j])).toBeLessThan(1e-14);
          expect(Math.abs(ds.packed[o + D2 + j] - use.rho.im[j])).toBeLessThan(1e-14);
        }
        kept++;
      });
      expect(ds.n).toBe(kept);
      expect(ds.summary.refused.first.map((r) => r.index)).toEqual(refused);
      expect(ds.summary.refused.count).toBe(refused.length);
      expect(ds.summary.repaired.count).toBe(repaired);
      expect(Math.abs(ds.summary.repaired.maxTraceDistance - maxTd)).toBeLessThan(1e-15);
      expect(repaired).toBeGreaterThan(20);
    }
  });
});
