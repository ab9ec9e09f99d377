import { describe, expect, it } from 'vitest';
import { explorerPlan } from './explorerFromDataset';

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

describe('explorerPlan: a model trained on an imported dataset in the explorer', () => {
  it('n = 2: the first state of the dataset becomes a matrix input', () => {
    const p = explorerPlan(2, { name: 'mine.json', examples: [ex('entangled'), ex('separable')] });
    expect(p.ok).toBe(true);
    if (p.ok) {
      expect(p.input).toEqual({ kind: 'matrix', re: ex('').re, im: ex('').im });
      expect(p.example.label).toBe('entangled');
    }
  });
  it('n = 1 and n = 3: words naming the qubit count, d, what the explorer shows and the command line that works', () => {
    for (const [n, d] of [
      [1, 2],
      [3, 8],
    ]) {
      const p = explorerPlan(n, { name: 'x', examples: [ex('a')] });
      expect(p.ok).toBe(false);
      if (!p.ok) {
        expect(p.message).toContain(`This model has ${n} qubit`);
        expect(p.message).toContain(`d = ${d}`);
        expect(p.message).toContain(`${d}×${d} input`);
        expect(p.message).toMatch(/hqrn predict --model MODEL\.json/);
      }
    }
  });
  it('n = 2 without the dataset: asks to import it again', () => {
    const p = explorerPlan(2, undefined);
    expect(!p.ok && p.message).toMatch(/import it again/);
  });
});
