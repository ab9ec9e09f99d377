import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/core/io/dataset';
import type { BlockSpec, DatasetRef, StackSpec } from '../../../src/protocol/explorer';
import { Engine } from '../forward/engine';
import { explore } from './explore';
import { createExportApi } from '../exportApi';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Three qubits (d = 8): state 0 = |000⟩⟨000| (class "pure"), state 1 = I/8 (class "mixed"), state 2 = |+⟩⟨+| ⊗ |00⟩⟨00|. */
function dataset() {
  const d = 8,
    D2 = d * d;
  const packed = new Float64Array(3 * 2 * D2);
  packed[0] = 1;
  for (let i = 0; i < d; i++) packed[2 * D2 + i * d + i] = 1 / d;
  // |+⟩ on the first qubit: basis states 0 (000) and 4 (100), each entry 1/2
  for (const i of [0, 4]) for (const j of [0, 4]) packed[4 * D2 + i * d + j] = 0.5;
  return checkDataset({ format: 'json', d, n: 3, packed, labels: ['pure', 'mixed', 'pure'], classes: ['mixed', 'pure'] });
}
const ds = dataset();
const ref: DatasetRef = { name: 'three.json', sha256: 'abc', nQubits: 3, classes: ['mixed', 'pure'], size: 3 };
const blocks: BlockSpec[] = [0, 1].map((k) => ({ id: `b${k}`, alpha: 0.5, activation: 'softplus', gain: 4, seed: 100 + k }));
const stack: StackSpec = { task: 'entanglement', blocks, readoutSeed: 1, dataset: ref };
const deps = {
  engine: new Engine(),
  loadDigits: async () => Promise.reject(new Error('no digits')),
  datasetBySha: (s: string) => (s === 'abc' ? ds : undefined),
};

describe('explore with a dataset of three qubits (docs/math.md §11)', () => {
  it('shows state k of the dataset, 8×8, with its label and the dataset’s class names', async () => {
    const r0 = await explore({ requestId: 1, stack, input: { kind: 'dataset', index: 0 } }, deps);
    expect(r0.d).toBe(8);
    expect(r0.nQubits).toBe(3);
    expect(r0.classes).toEqual(['mixed', 'pure']);
    expect(r0.datasetLabel?.cls).toBe(1);
    expect(r0.layers).toHaveLength(3);
    expect(r0.layers[0].measures.purity).toBeCloseTo(1, 12);
    expect(r0.layers[0].measures.concurrence).toBeUndefined();
    expect(r0.output.probabilities).toHaveLength(2);
    const r1 = await explore({ requestId: 2, stack, input: { kind: 'dataset', index: 1 } }, deps);
    expect(r1.datasetLabel?.cls).toBe(0);
    // I/8: purity 1/8, entropy log2 8 = 3 bits, no coherence
    expect(r1.layers[0].measures.purity).toBeCloseTo(1 / 8, 12);
    expect(r1.layers[0].measures.entropy).toBeCloseTo(3, 9);
    const r2 = await explore({ requestId: 3, stack, input: { kind: 'dataset', index: 2 } }, deps);
    // |+⟩⟨+| ⊗ |00⟩⟨00|: l1-coherence = sum of |off-diagonal| = 2 · 1/2 = 1
    expect(r2.layers[0].measures.coherence).toBeCloseTo(1, 9);
    // every layer a state: trace 1, Hermitian
    for (const l of r2.layers) {
      let tr = 0;
      for (let i = 0; i < 8; i++) tr += l.rho.re[i * 8 + i];
      expect(tr).toBeCloseTo(1, 5);
      for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) expect(l.rho.re[i * 8 + j]).toBeCloseTo(l.rho.re[j * 8 + i], 6);
    }
  });

  it('says in words when the dataset is not loaded, or the index is outside it', async () => {
    await expect(
      explore({ requestId: 4, stack: { ...stack, dataset: { ...ref, sha256: 'other' } }, input: { kind: 'dataset', index: 0 } }, deps),
    ).rejects.toThrow(/three\.json are not loaded in this tab.*import three\.json again in the Training studio/);
    await expect(explore({ requestId: 5, stack, input: { kind: 'dataset', index: 3 } }, deps)).rejects.toThrow(
      /state 3 is not in three\.json: it has states 0\.\.2/,
    );
    await expect(explore({ requestId: 6, stack: { ...stack, dataset: undefined }, input: { kind: 'dataset', index: 0 } }, deps)).rejects.toThrow(
      /Use in explorer/,
    );
  });

  it('exports state k of the dataset (layer 0) as it is in the file, and a 6-qubit model’s QASM one block at a time', async () => {
    const api = createExportApi(deps);
    const json = (await api.exportStateJson({ requestId: 0, stack, input: { kind: 'dataset', index: 1 } }, 0)) as { re: number[][] };
    expect(json.re).toHaveLength(8);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) expect(json.re[i][j]).toBe(i === j ? 1 / 8 : 0);
    const six: StackSpec = { ...stack, dataset: { ...ref, nQubits: 6 } };
    expect(() => api.exportQasm(six, 2, 4)).toThrow(/a 6-qubit model exports one block at a time \(7 qubits a block\), got 2/);
  });
});
