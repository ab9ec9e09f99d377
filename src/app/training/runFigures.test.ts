import { describe, expect, it } from 'vitest';
import type { TrainRequest } from '../../protocol/messages';
import { honestFigures, runClassNames, sharesText } from './runFigures';

const req = (extra: Partial<TrainRequest> = {}) => ({ task: 'entanglement', datasetId: 'dataset-1', ...extra }) as TrainRequest;

describe('final figures of any number of classes', () => {
  it('three classes: balanced accuracy and shares by hand', () => {
    // labels 0,0,0,0 | 1,1 | 2,2,2,2 — predictions right: class 0 3/4, class 1 1/2, class 2 4/4
    const labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2];
    const pred = Int32Array.from([0, 0, 0, 2, 1, 0, 2, 2, 2, 2]);
    const h = honestFigures({ request: req(), testPredictions: pred, testLabels: labels }, ['low', 'mid', 'high']);
    // (3/4 + 1/2 + 1) / 3 = 0.75
    expect(h?.balanced).toBeCloseTo(0.75, 12);
    // predicted 0: 4, 1: 1, 2: 5 of 10
    expect(h?.shares).toEqual([0.4, 0.1, 0.5]);
    expect(h && sharesText(h, false)).toBe('low 0.400 · mid 0.100 · high 0.500');
  });

  it('a class never predicted still has its share 0, and five classes show the largest share with its name', () => {
    const labels = [0, 1, 2, 3, 4];
    const pred = Int32Array.from([4, 4, 4, 1, 4]);
    const h = honestFigures({ request: req(), testPredictions: pred, testLabels: labels }, ['a', 'b', 'c', 'd', 'e']);
    expect(h?.shares).toEqual([0, 0.2, 0, 0, 0.8]);
    // recall: only class 4 right (1/1), the others 0 → 1/5
    expect(h?.balanced).toBeCloseTo(0.2, 12);
    expect(h && sharesText(h, false)).toBe('0.800 (e)');
  });

  it('the built-in tasks keep their names and cells; a dataset without its summary gets “class k” up to the largest label', () => {
    expect(runClassNames({ request: req({ datasetId: undefined }) })).toEqual(['separable', 'entangled']);
    expect(runClassNames({ request: req({ task: 'digits', datasetId: undefined }) })).toHaveLength(10);
    expect(runClassNames({ request: req(), testPredictions: Int32Array.from([0, 2]), testLabels: [1, 0] })).toEqual(['class 0', 'class 1', 'class 2']);
    const ent = honestFigures({ request: req({ datasetId: undefined }), testPredictions: Int32Array.from([0, 1, 1, 1]), testLabels: [0, 1, 0, 1] });
    expect(ent && sharesText(ent, true)).toBe('0.250 / 0.750');
    const dig = honestFigures({ request: req({ task: 'digits', datasetId: undefined }), testPredictions: Int32Array.from([3, 3, 5]), testLabels: [3, 3, 5] });
    expect(dig?.shares).toHaveLength(10);
    expect(dig && sharesText(dig, true)).toBe('0.667');
  });
});
