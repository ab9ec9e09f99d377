import { beforeEach, describe, expect, it } from 'vitest';
import type { DatasetRef } from '../../protocol/explorer';
import { defaultStack, useExplorer } from './store';

const initial = useExplorer.getState();
beforeEach(() => {
  useExplorer.setState({ ...initial, stack: defaultStack('entanglement'), requestId: 1, result: undefined, error: undefined }, false);
  useExplorer.getState().resetHistory();
});

const ref: DatasetRef = { name: 'three.json', sha256: 'abc', nQubits: 3, classes: ['a', 'b', 'c'], size: 5 };
const model = {
  nQubits: 3,
  blocks: [
    { alpha: 0.4, aPlus: [] },
    { alpha: 0.4, aPlus: [] },
  ],
};

describe('a dataset stack (docs/math.md §11)', () => {
  it('opens a model with state k of its dataset in one undo step, and steps through the states within 0..size−1', () => {
    const s = useExplorer.getState();
    s.openDatasetModel('trained: three.json', model, ref, 2);
    let st = useExplorer.getState();
    expect(st.stack.dataset).toEqual(ref);
    expect(st.stack.trained?.name).toBe('trained: three.json');
    expect(st.stack.blocks).toHaveLength(2);
    expect(st.input).toEqual({ kind: 'dataset', index: 2 });
    s.setDatasetIndex(3);
    expect(useExplorer.getState().input).toEqual({ kind: 'dataset', index: 3 });
    s.setDatasetIndex(99);
    expect(useExplorer.getState().input).toEqual({ kind: 'dataset', index: 4 });
    s.setDatasetIndex(-1);
    expect(useExplorer.getState().input).toEqual({ kind: 'dataset', index: 0 });
    // undo walks back through the states, then out of the dataset model to the fresh stack
    s.undo();
    expect(useExplorer.getState().input).toEqual({ kind: 'dataset', index: 4 });
    s.undo();
    s.undo();
    st = useExplorer.getState();
    expect(st.input).toEqual({ kind: 'dataset', index: 2 });
    s.undo();
    expect(useExplorer.getState().stack.dataset).toBeUndefined();
    expect(useExplorer.getState().input).toEqual({ kind: 'bell', which: 'phi+' });
  });

  it('a two-qubit input or another model leaves a dataset of n ≠ 2; a two-qubit dataset keeps its model for a Bell state', () => {
    const s = useExplorer.getState();
    s.openDatasetModel('m3', model, ref);
    s.setInput({ kind: 'bell', which: 'psi-' });
    expect(useExplorer.getState().stack.dataset).toBeUndefined();
    expect(useExplorer.getState().stack.trained).toBeUndefined();
    s.openDatasetModel('m3', model, ref);
    s.loadTrainedModel('other', { nQubits: 2, blocks: [{ alpha: 0.5, aPlus: [] }] }, 'entanglement');
    expect(useExplorer.getState().stack.dataset).toBeUndefined();
    expect(useExplorer.getState().stack.trained?.name).toBe('other');
    expect(useExplorer.getState().input).toEqual({ kind: 'bell', which: 'phi+' });
    const two = { ...ref, nQubits: 2 };
    s.openDatasetModel('m2', { nQubits: 2, blocks: [{ alpha: 0.5, aPlus: [] }] }, two);
    s.setInput({ kind: 'bell', which: 'psi-' });
    expect(useExplorer.getState().stack.dataset).toEqual(two);
    expect(useExplorer.getState().stack.trained?.name).toBe('m2');
  });

  it('setDatasetIndex does nothing without a dataset stack', () => {
    const before = useExplorer.getState();
    before.setDatasetIndex(3);
    expect(useExplorer.getState().input).toBe(before.input);
    expect(useExplorer.getState().requestId).toBe(before.requestId);
  });
});
