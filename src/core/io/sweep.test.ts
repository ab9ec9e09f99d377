import { describe, expect, it } from 'vitest';
import type { RunCard } from './runCard';
import { gridProduct, gridSize, meanStd, sweepTable, tableCsv } from './sweep';

const card = (settings: Record<string, unknown>, seed: number, metrics: Record<string, unknown>): RunCard => ({
  app: { name: 'hqrn', version: '0', commit: null },
  backend: 'test',
  settings,
  seed,
  data: { source: 'generator', name: 'entanglement', n: 10 },
  metrics,
});

describe('gridProduct', () => {
  it('is the Cartesian product in odometer order (last axis fastest), merged over the base', () => {
    const g = gridProduct({ lr: 0.05, alpha: 0 }, [
      { key: 'alpha', values: [0.3, 0.6] },
      { key: 'seed', values: [1, 2, 3] },
    ]);
    expect(g).toEqual([
      { lr: 0.05, alpha: 0.3, seed: 1 },
      { lr: 0.05, alpha: 0.3, seed: 2 },
      { lr: 0.05, alpha: 0.3, seed: 3 },
      { lr: 0.05, alpha: 0.6, seed: 1 },
      { lr: 0.05, alpha: 0.6, seed: 2 },
      { lr: 0.05, alpha: 0.6, seed: 3 },
    ]);
    expect(
      gridSize([
        { key: 'a', values: [1, 2] },
        { key: 'b', values: [1, 2, 3] },
        { key: 'c', values: [1, 2, 3, 4] },
      ]),
    ).toBe(24);
    expect(gridSize([])).toBe(1);
    expect(gridProduct({ x: 1 }, [])).toEqual([{ x: 1 }]);
  });

  it('refuses an empty axis by name', () => {
    expect(() => gridProduct({}, [{ key: 'depth', values: [] }])).toThrow('depth: empty list');
  });
});

describe('meanStd', () => {
  it('gives the mean and the sample (n − 1) standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s = √(32 / 7)
    const s = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    expect(s.std).toBeCloseTo(Math.sqrt(32 / 7), 15);
    expect(meanStd([0.7])).toEqual({ mean: 0.7, std: 0 });
    expect(meanStd([]).mean).toBeNaN();
  });
});

describe('sweepTable', () => {
  const runs = [
    card({ alpha: 0.3, depth: 1, seed: 1 }, 1, { accuracy: 0.7, balancedAccuracy: 0.6, adversarial: { dephasedPartners: 0.5 } }),
    card({ alpha: 0.3, depth: 1, seed: 2 }, 2, { accuracy: 0.8, balancedAccuracy: 0.8, adversarial: { dephasedPartners: 0.7 } }),
    card({ alpha: 0.6, depth: 1, seed: 1 }, 1, { accuracy: 0.9, balancedAccuracy: 0.9 }),
    card({ alpha: 0.6, depth: 1, seed: 2 }, 2, { accuracy: 0.6, balancedAccuracy: 0.5 }),
    card({ alpha: 0.6, depth: 1, seed: 3 }, 3, { accuracy: 0.6, balancedAccuracy: 0.7 }),
  ];

  it('groups by the settings without the seed: mean ± std over the seeds', () => {
    const t = sweepTable(runs);
    expect(t).toHaveLength(2);
    expect(t[0].settings).toEqual({ alpha: 0.3, depth: 1 });
    expect(t[0].runs).toBe(2);
    expect(t[0].seeds).toEqual([1, 2]);
    // 0.7, 0.8: mean 0.75, s = √(2 · 0.05² / 1) = 0.0707
    expect(t[0].accuracy).toEqual({ mean: 0.75, std: 0.0707 });
    // 0.6, 0.8: mean 0.7, s = √(2 · 0.1²) = 0.1414
    expect(t[0].balancedAccuracy).toEqual({ mean: 0.7, std: 0.1414 });
    expect(t[0].dephasedPartners).toEqual({ mean: 0.6, std: 0.1414 });
    // 0.9, 0.6, 0.6: mean 0.7, Σ(x − 0.7)² = 0.04 + 0.01 + 0.01 = 0.06, s = √0.03 = 0.1732
    expect(t[1].accuracy).toEqual({ mean: 0.7, std: 0.1732 });
    // the second group has no adversarial figures: the metric is left out, not averaged over fewer runs
    expect(t[1].dephasedPartners).toBeUndefined();
  });

  it('reads the metrics it is given (the studio names)', () => {
    const t = sweepTable(runs, [{ name: 'acc', get: (m) => m.accuracy }]);
    expect(t[1].acc).toEqual({ mean: 0.7, std: 0.1732 });
    expect(t[1].balancedAccuracy).toBeUndefined();
  });

  it('CSV: varying settings (and alpha, depth), runs, then mean and std of the metrics every row has', () => {
    const csv = tableCsv(sweepTable(runs));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('alpha,depth,runs,accuracyMean,accuracyStd,balancedAccuracyMean,balancedAccuracyStd');
    expect(lines.slice(1)).toEqual(['0.3,1,2,0.75,0.0707,0.7,0.1414', '0.6,1,3,0.7,0.1732,0.7,0.2']);
    // a value with a comma is quoted
    const q = tableCsv(sweepTable([card({ name: 'a,b', k: 1 }, 1, { accuracy: 1 }), card({ name: 'c', k: 1 }, 1, { accuracy: 0 })]), ['accuracy'], []);
    expect(q.split('\n')[1]).toBe('"a,b",1,1,0');
  });
});
