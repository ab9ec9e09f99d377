import { describe, expect, it } from 'vitest';
import { datasetRef, explorerPlan } from './explorerFromDataset';

const ex = (label: string) => ({
  index: 3,
  label,
  re: [
    [0.5, 0, 0, 0.5],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0.5, 0, 0, 0.5],
  ],
  im: [0, 1, 2, 3].map(() => [0, 0, 0, 0]),
});
const summaryOf = (nQubits: number, classes: string[]) => ({
  format: 'json' as const,
  n: 12,
  d: 2 ** nQubits,
  nQubits,
  classes: classes.map((name, k) => ({ name, count: 4 + k })),
  repaired: { count: 0, maxTraceDistance: 0 },
  refused: { count: 0, first: [] },
});
const ds = (nQubits: number, classes = ['low', 'mid', 'high']) => ({
  name: 'mine.json',
  sha256: 'f00d',
  kept: 12,
  summary: summaryOf(nQubits, classes),
  examples: [ex(classes[0])],
});

describe('explorerPlan: a model trained on an imported dataset in the explorer', () => {
  it('n = 2: opens with state 0 of the dataset (the dataset on the stack)', () => {
    const p = explorerPlan(2, ds(2, ['entangled', 'separable']));
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.index).toBe(0);
      expect(p.dataset).toEqual({ name: 'mine.json', sha256: 'f00d', nQubits: 2, classes: ['entangled', 'separable'], size: 12 });
      expect(p.example?.label).toBe('entangled');
    }
  });
  it('every n of 1..6 opens, with the dataset’s class names and size', () => {
    for (let n = 1; n <= 6; n++) {
      const p = explorerPlan(n, ds(n));
      expect(p.ok, `n = ${n}`).toBe(true);
      if (p.ok) {
        expect(p.dataset.nQubits).toBe(n);
        expect(p.dataset.classes).toEqual(['low', 'mid', 'high']);
        expect(p.dataset.size).toBe(12);
      }
    }
  });
  it('without the dataset: asks to import it again; another n than the dataset’s: says both; n = 7: names the range and the command line', () => {
    const p = explorerPlan(3, undefined);
    expect(!p.ok && p.message).toMatch(/import it again/);
    const q = explorerPlan(3, ds(2));
    expect(!q.ok && q.message).toMatch(/This model has 3 qubits but the dataset in the studio, mine\.json, has 2/);
    const r = explorerPlan(7, ds(7));
    expect(!r.ok && r.message).toMatch(/1 to 6 qubits.*hqrn evaluate --model MODEL\.json/);
  });
  it('datasetRef keeps the class order of the summary', () => {
    expect(datasetRef(ds(3, ['z', 'a'])).classes).toEqual(['z', 'a']);
  });
});
