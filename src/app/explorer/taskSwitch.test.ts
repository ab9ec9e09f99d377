import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultStack, useExplorer } from './store';
import { switchTask } from './taskSwitch';

const model = (nQubits: number, n: number, alpha: number) => ({ nQubits, blocks: Array.from({ length: n }, () => ({ alpha, activation: 'softplus' })) });
const MODELS: Record<string, ReturnType<typeof model>> = { 'entanglement-quantum': model(2, 12, 0.8), 'digits-quantum': model(6, 3, 0.6) };

vi.mock('../saved/savedWork', () => ({
  listBundledModels: async () => Object.keys(MODELS).map((name) => ({ name, file: `${name}.json` })),
  loadBundledModel: async (entry: { name: string }) => MODELS[entry.name],
}));

const initial = useExplorer.getState();
beforeEach(() => {
  useExplorer.setState(
    { ...initial, stack: defaultStack('entanglement'), input: { kind: 'bell', which: 'phi+' }, requestId: 1, result: undefined, error: undefined },
    false,
  );
  useExplorer.getState().loadTrainedModel('entanglement-quantum', MODELS['entanglement-quantum']);
  useExplorer.getState().resetHistory();
});

describe('switchTask with a trained model loaded', () => {
  it('the task switch and the other task’s bundled model are one undo step (no untrained in-between view)', async () => {
    await switchTask('digits');
    let st = useExplorer.getState();
    expect(st.stack.task).toBe('digits');
    expect(st.stack.trained?.name).toBe('digits-quantum');
    expect(st.stack.blocks).toHaveLength(3);
    expect(st.input).toEqual({ kind: 'mnist', index: 0 });

    st.undo();
    st = useExplorer.getState();
    expect(st.stack.task).toBe('entanglement');
    expect(st.stack.trained?.name).toBe('entanglement-quantum');
    expect(st.stack.blocks).toHaveLength(12);
    expect(st.stack.blocks.every((b) => b.alpha === 0.8)).toBe(true);
    expect(st.input).toEqual({ kind: 'bell', which: 'phi+' });
    expect(st.canUndo).toBe(false);

    st.redo();
    st = useExplorer.getState();
    expect(st.stack.task).toBe('digits');
    expect(st.stack.trained?.name).toBe('digits-quantum');
    expect(st.canRedo).toBe(false);
  });

  it('untrained weights stay untrained: the switch alone is the step', async () => {
    useExplorer.setState({ stack: defaultStack('entanglement') });
    useExplorer.getState().resetHistory();
    await switchTask('digits');
    expect(useExplorer.getState().stack.trained).toBeUndefined();
    expect(useExplorer.getState().stack.task).toBe('digits');
    useExplorer.getState().undo();
    expect(useExplorer.getState().stack.task).toBe('entanglement');
    expect(useExplorer.getState().canUndo).toBe(false);
  });
});

describe('switchTask while the model is read', () => {
  it('shows the chosen task at once (pendingTask) and clears it when the model is in', async () => {
    const done = switchTask('digits');
    expect(useExplorer.getState().pendingTask).toBe('digits');
    expect(useExplorer.getState().stack.task).toBe('entanglement');
    await done;
    expect(useExplorer.getState().pendingTask).toBeNull();
    expect(useExplorer.getState().stack.trained?.name).toBe('digits-quantum');
  });

  it('choosing the task back before the model is read leaves the page as it was', async () => {
    const done = switchTask('digits');
    await switchTask('entanglement');
    await done;
    const st = useExplorer.getState();
    expect(st.pendingTask).toBeNull();
    expect(st.stack.task).toBe('entanglement');
    expect(st.stack.trained?.name).toBe('entanglement-quantum');
    expect(st.canUndo).toBe(false);
  });
});
