/** A model trained on an imported dataset in Saved work (docs/math.md §11): kept with its dataset, for any n. */
import { describe, expect, it } from 'vitest';
import { modelToJson } from '../../core/io/files';
import { randomQuantumModel } from '../../core/hqrn/randomModel';
import { makeRng } from '../../core/math/rng';
import type { DatasetRef } from '../../protocol/explorer';
import { checkStoredModel, isDatasetRef } from './format';
import * as saved from './savedWork';

const three = JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(3, 2, makeRng(3), { classes: 3 }))));
const ref: DatasetRef = { name: 'three.npz', sha256: 'c'.repeat(64), nQubits: 3, classes: ['a', 'b', 'c'], size: 90 };

describe('saving a model of a dataset', () => {
  it('keeps a 3-qubit model with its dataset (task entanglement: the explorer’s dataset stacks); without it, n = 3 is refused in words', async () => {
    const r = await saved.saveModel({ name: 'three', model: three, dataset: ref });
    expect(r.task).toBe('entanglement');
    expect(r.dataset).toEqual(ref);
    expect((await saved.listModels()).find((m) => m.id === r.id)?.dataset).toEqual(ref);
    await expect(saved.saveModel({ name: 'three again', model: three })).rejects.toThrow(/2 \(entanglement\) or 6 \(digits\) qubits, got 3/);
    // a dataset of another n does not make the model a dataset model
    await expect(saved.saveModel({ name: 'mismatch', model: three, dataset: { ...ref, nQubits: 4 } })).rejects.toThrow(/got 3/);
  });

  it('a stored record with a damaged dataset is not used', () => {
    const base = { id: 'x', name: 'n', createdAt: 1, task: 'entanglement', kind: 'quantum', depth: 2, model: three };
    expect(checkStoredModel({ ...base, dataset: ref })).toBeDefined();
    expect(checkStoredModel({ ...base, dataset: { ...ref, sha256: 'zz' } })).toBeUndefined();
    expect(isDatasetRef({ ...ref, nQubits: 7 })).toBe(false);
    expect(isDatasetRef({ ...ref, classes: ['only'] })).toBe(false);
  });
});
