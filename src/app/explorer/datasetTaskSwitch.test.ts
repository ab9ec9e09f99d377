/** Leaving a dataset stack (StackSpec.dataset) through the task switch, and coming back with Undo. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetRef } from '../../protocol/explorer';
import { defaultStack, useExplorer } from './store';
import { switchTask } from './taskSwitch';

const model = (nQubits: number, n: number) => ({ nQubits, blocks: Array.from({ length: n }, () => ({ alpha: 0.7, activation: 'softplus', aPlus: [] })) });
const MODELS: Record<string, ReturnType<typeof model>> = { 'entanglement-quantum': model(2, 12), 'digits-quantum': model(6, 3) };
vi.mock('../saved/savedWork', () => ({
  listBundledModels: async () => Object.keys(MODELS).map((name) => ({ name, file: `${name}.json` })),
  loadBundledModel: async (entry: { name: string }) => MODELS[entry.name],
}));

const ref: DatasetRef = { name: 'three.json', sha256: 'd'.repeat(64), nQubits: 3, classes: ['x', 'y'], size: 10 };
const initial = useExplorer.getState();
beforeEach(() => {
  useExplorer.setState({ ...initial, stack: defaultStack('entanglement'), input: { kind: 'bell', which: 'phi+' }, requestId: 1, result: undefined }, false);
  useExplorer.getState().openDatasetModel('trained: three.json', model(3, 2), ref, 4);
  useExplorer.getState().resetHistory();
});

describe('the task switch from a dataset model', () => {
  it('Two qubits (the same task value) leaves the dataset for the bundled entanglement model; Undo brings the dataset model back', async () => {
    await switchTask('entanglement');
    let st = useExplorer.getState();
    expect(st.stack.dataset).toBeUndefined();
    expect(st.stack.trained?.name).toBe('entanglement-quantum');
    expect(st.input).toEqual({ kind: 'bell', which: 'phi+' });
    st.undo();
    st = useExplorer.getState();
    expect(st.stack.dataset).toEqual(ref);
    expect(st.stack.trained?.name).toBe('trained: three.json');
    expect(st.input).toEqual({ kind: 'dataset', index: 4 });
  });

  it('Digits leaves it for the bundled digits model', async () => {
    await switchTask('digits');
    const st = useExplorer.getState();
    expect(st.stack.dataset).toBeUndefined();
    expect(st.stack.task).toBe('digits');
    expect(st.stack.trained?.name).toBe('digits-quantum');
    expect(st.input).toEqual({ kind: 'mnist', index: 0 });
  });
});
