import { describe, expect, it } from 'vitest';

describe('perKindAccuracy (docs/math.md §11: accuracy per kind)', () => {
  it('counts each kind’s states and its correct predictions; keys sorted', async () => {
    const { perKindAccuracy } = await import('./figures');
    const pred = [1, 0, 1, 1, 0, 0];
    const labels = [1, 1, 1, 0, 0, 0];
    const kinds = ['werner', 'bell', 'werner', 'product', 'product', 'bell'];
    const per = perKindAccuracy(pred, labels, kinds);
    expect(Object.keys(per)).toEqual(['bell', 'product', 'werner']);
    expect(per.bell).toEqual({ n: 2, accuracy: 0.5 });
    expect(per.product).toEqual({ n: 2, accuracy: 0.5 });
    expect(per.werner).toEqual({ n: 2, accuracy: 1 });
    // the counts add up to N and the weighted mean is the overall accuracy (4/6)
    const vals = Object.values(per);
    expect(vals.reduce((a, v) => a + v.n, 0)).toBe(6);
    expect(vals.reduce((a, v) => a + v.n * v.accuracy, 0) / 6).toBeCloseTo(4 / 6, 15);
  });
});
