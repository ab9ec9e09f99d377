import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExploreRequest, ExploreResponse } from '../../protocol/explorer';
import { startRecompute } from './recompute';
import { defaultStack, useExplorer } from './store';

const initial = useExplorer.getState();
beforeEach(() => {
  useExplorer.setState({ ...initial, stack: defaultStack('entanglement'), requestId: 1, result: undefined, error: undefined }, false);
  useExplorer.getState().resetHistory();
});
afterEach(() => vi.useRealTimers());

describe('explorer store', () => {
  it('depth adds and removes blocks within 0…20 and keeps the selected layer valid', () => {
    const s = useExplorer.getState();
    s.selectLayer(4);
    s.setDepth(2);
    expect(useExplorer.getState().stack.blocks).toHaveLength(2);
    expect(useExplorer.getState().selectedLayer).toBe(2);
    s.setDepth(50);
    expect(useExplorer.getState().stack.blocks).toHaveLength(20);
    s.setDepth(-3);
    expect(useExplorer.getState().stack.blocks).toHaveLength(0);
  });

  it('same α everywhere: one block’s α drives all; off: only that block', () => {
    const s = useExplorer.getState();
    s.setSameAlpha(true);
    s.updateBlock(1, { alpha: 0.9 });
    expect(useExplorer.getState().stack.blocks.map((b) => b.alpha)).toEqual([0.9, 0.9, 0.9, 0.9]);
    s.setSameAlpha(false);
    s.updateBlock(2, { alpha: 0.1 });
    expect(useExplorer.getState().stack.blocks.map((b) => b.alpha)).toEqual([0.9, 0.9, 0.1, 0.9]);
    s.setGlobalAlpha(1.7);
    expect(useExplorer.getState().globalAlpha).toBe(1);
  });

  it('dragging the global α while “same α” is off ticks it and sets every block in one undo step', () => {
    const s = useExplorer.getState();
    s.setSameAlpha(false);
    s.updateBlock(2, { alpha: 0.1 });
    const before = useExplorer.getState().stack.blocks.map((b) => b.alpha);
    s.setSameAlpha(true, 0.35);
    expect(useExplorer.getState().sameAlpha).toBe(true);
    expect(useExplorer.getState().globalAlpha).toBe(0.35);
    expect(useExplorer.getState().stack.blocks.map((b) => b.alpha)).toEqual([0.35, 0.35, 0.35, 0.35]);
    s.undo();
    expect(useExplorer.getState().sameAlpha).toBe(false);
    expect(useExplorer.getState().stack.blocks.map((b) => b.alpha)).toEqual(before);
  });

  it('a loaded trained model sets the global α to its blocks’ α when they share one, and keeps it otherwise', () => {
    const s = useExplorer.getState();
    s.setGlobalAlpha(0.5);
    s.loadTrainedModel('uniform', { blocks: [{ alpha: 0.8 }, { alpha: 0.8 }, { alpha: 0.8 }] });
    expect(useExplorer.getState().globalAlpha).toBe(0.8);
    expect(useExplorer.getState().stack.blocks.map((b) => b.alpha)).toEqual([0.8, 0.8, 0.8]);
    s.loadTrainedModel('mixed', { blocks: [{ alpha: 0.3 }, { alpha: 0.6 }] });
    expect(useExplorer.getState().globalAlpha).toBe(0.8);
  });

  it('duplicate, move and remove keep ids unique and order right', () => {
    const s = useExplorer.getState();
    s.setSameAlpha(false);
    s.updateBlock(0, { gain: 9 });
    s.duplicateBlock(0);
    let b = useExplorer.getState().stack.blocks;
    expect(b).toHaveLength(5);
    expect(b[1].gain).toBe(9);
    expect(new Set(b.map((x) => x.id)).size).toBe(5);
    s.moveBlock(1, 1);
    b = useExplorer.getState().stack.blocks;
    expect(b[2].gain).toBe(9);
    s.moveBlock(0, -1); // no-op at the edge
    s.removeBlock(2);
    expect(useExplorer.getState().stack.blocks.map((x) => x.gain)).toEqual([9, 4, 4, 4]);
  });

  it('randomise weights with a seed is deterministic and changes every block seed', () => {
    const s = useExplorer.getState();
    s.randomiseWeights(42);
    const a = useExplorer.getState().stack.blocks.map((b) => b.seed);
    s.randomiseWeights(42);
    expect(useExplorer.getState().stack.blocks.map((b) => b.seed)).toEqual(a);
    expect(a).toEqual([42, 43, 44, 45]);
  });

  it('every edit bumps requestId; stale answers are dropped', () => {
    const s = useExplorer.getState();
    const r0 = useExplorer.getState().requestId;
    s.setInput({ kind: 'werner', p: 0.3 });
    s.setGlobalAlpha(0.2);
    const r2 = useExplorer.getState().requestId;
    expect(r2).toBe(r0 + 2);
    s.receiveResult({ requestId: r2 - 1 } as ExploreResponse);
    expect(useExplorer.getState().result).toBeUndefined();
    s.receiveResult({ requestId: r2 } as ExploreResponse);
    expect(useExplorer.getState().result?.requestId).toBe(r2);
  });
});

describe('undo / redo in the store', () => {
  it('a slider drag is one step; undo restores the stack and input, redo re-applies them', () => {
    vi.useFakeTimers();
    const s = useExplorer.getState();
    s.setSameAlpha(false);
    vi.advanceTimersByTime(2000);
    for (let k = 1; k <= 8; k++) {
      s.updateBlock(1, { alpha: k / 10 });
      vi.advanceTimersByTime(16);
    }
    s.setInput({ kind: 'werner', p: 0.3 });
    s.setDepth(2);
    expect(useExplorer.getState().canUndo).toBe(true);
    s.undo(); // depth
    expect(useExplorer.getState().stack.blocks).toHaveLength(4);
    s.undo(); // input
    expect(useExplorer.getState().input).toEqual({ kind: 'bell', which: 'phi+' });
    expect(useExplorer.getState().stack.blocks[1].alpha).toBe(0.8);
    s.undo(); // the whole drag
    expect(useExplorer.getState().stack.blocks[1].alpha).toBe(0.5);
    expect(useExplorer.getState().sameAlpha).toBe(false);
    s.undo(); // same α toggle
    expect(useExplorer.getState().sameAlpha).toBe(true);
    expect(useExplorer.getState().canUndo).toBe(false);
    const before = useExplorer.getState().requestId;
    s.redo();
    s.redo();
    expect(useExplorer.getState().stack.blocks[1].alpha).toBe(0.8);
    expect(useExplorer.getState().requestId).toBe(before + 2); // each restore recomputes
    expect(useExplorer.getState().canRedo).toBe(true);
    s.selectLayer(2); // not an undoable edit: the redo list survives
    expect(useExplorer.getState().canRedo).toBe(true);
    s.addBlock(); // a new edit drops it
    expect(useExplorer.getState().canRedo).toBe(false);
  });

  it('undoing a task switch brings back the other task and clears the stale result', () => {
    const s = useExplorer.getState();
    s.setTask('digits');
    s.receiveResult({ requestId: useExplorer.getState().requestId } as ExploreResponse);
    s.undo();
    expect(useExplorer.getState().stack.task).toBe('entanglement');
    expect(useExplorer.getState().input.kind).toBe('bell');
    expect(useExplorer.getState().result).toBeUndefined();
  });
});

describe('recompute loop', () => {
  it('keeps one request in flight and sends only the newest state after it', async () => {
    const sent: ExploreRequest[] = [];
    const resolvers: (() => void)[] = [];
    const engine = {
      explore: (req: ExploreRequest) =>
        new Promise<ExploreResponse>((resolve) => {
          sent.push(req);
          resolvers.push(() => resolve({ requestId: req.requestId } as ExploreResponse));
        }),
    };
    const stop = startRecompute(engine);
    expect(sent).toHaveLength(1);
    const s = useExplorer.getState();
    for (let k = 1; k <= 10; k++) s.setGlobalAlpha(k / 10); // a drag: 10 edits while the first is busy
    expect(sent).toHaveLength(1);
    resolvers[0]();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toHaveLength(2);
    expect(sent[1].stack.blocks[0].alpha).toBe(1);
    resolvers[1]();
    await new Promise((r) => setTimeout(r, 0));
    expect(useExplorer.getState().result?.requestId).toBe(sent[1].requestId);
    expect(useExplorer.getState().computing).toBe(false);
    stop();
  });
});

describe('trained models and depth', () => {
  const model = { blocks: Array.from({ length: 12 }, () => ({ alpha: 0.8, activation: 'softplus' })) };

  it('loading a model of another task is one update: one undo step back to the view before', () => {
    const s = useExplorer.getState();
    s.loadTrainedModel('digits-quantum', { blocks: [{ alpha: 0.6 }, { alpha: 0.6 }] }, 'digits');
    let st = useExplorer.getState();
    expect(st.stack.task).toBe('digits');
    expect(st.input).toEqual({ kind: 'mnist', index: 0 });
    expect(st.stack.trained?.name).toBe('digits-quantum');
    st.undo();
    st = useExplorer.getState();
    expect(st.stack.task).toBe('entanglement');
    expect(st.stack.trained).toBeUndefined();
    expect(st.canUndo).toBe(false);
  });

  it('shrinking the depth and growing it back restores the model’s α and activation (12 → 1 → 12, 12 → 10 → 12)', () => {
    const s = useExplorer.getState();
    s.loadTrainedModel('entanglement-quantum', model);
    s.setDepth(1);
    s.setDepth(12);
    expect(useExplorer.getState().stack.blocks.map((b) => b.alpha)).toEqual(Array(12).fill(0.8));
    expect(useExplorer.getState().stack.blocks.map((b) => b.activation)).toEqual(Array(12).fill('softplus'));
    s.setDepth(10);
    s.setDepth(14); // blocks 13–14 are beyond the model: fresh seeded blocks
    const b = useExplorer.getState().stack.blocks;
    expect(b.slice(0, 12).map((x) => x.alpha)).toEqual(Array(12).fill(0.8));
    expect(b[12].activation).toBe('softplus');
    expect(b[12].seed).toBe(1012);
    s.setDepth(11);
    s.addBlock();
    expect(useExplorer.getState().stack.blocks[11]).toMatchObject({ alpha: 0.8, activation: 'softplus' });
  });

  it('with a mixed-α model, Add block within the model’s depth takes that block’s α', () => {
    const s = useExplorer.getState();
    s.loadTrainedModel('mixed', {
      blocks: [
        { alpha: 0.3, activation: 'relu' },
        { alpha: 0.6, activation: 'exp' },
      ],
    });
    s.setDepth(1);
    s.addBlock();
    expect(useExplorer.getState().stack.blocks[1]).toMatchObject({ alpha: 0.6, activation: 'exp' });
  });

  it('an input of another task (a saved input, a demo) switches the task in the same undo step', () => {
    const s = useExplorer.getState();
    s.setInput({ kind: 'mnist', index: 42 }, 'digits');
    expect(useExplorer.getState().stack.task).toBe('digits');
    expect(useExplorer.getState().input).toEqual({ kind: 'mnist', index: 42 });
    s.undo();
    expect(useExplorer.getState().stack.task).toBe('entanglement');
    expect(useExplorer.getState().input).toEqual({ kind: 'bell', which: 'phi+' });
    expect(useExplorer.getState().canUndo).toBe(false);
  });
});
