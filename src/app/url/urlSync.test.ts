import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultStack, useExplorer } from '../explorer/store';
import { applyUrlState, linkedModelBlocks } from './urlSync';
import { decodeHash, encodeHash, linkedKeys, urlStateOf } from './urlState';

const initial = useExplorer.getState();
beforeEach(() => {
  useExplorer.setState({ ...initial, stack: defaultStack('entanglement'), requestId: 1, result: undefined, error: undefined }, false);
  useExplorer.getState().resetHistory();
});

describe('applyUrlState', () => {
  it('puts a decoded link into the store: encodeHash of the store is the link again', () => {
    const hash = 'v=1&t=dig&d=2&sa=0&a=0.1,0.9&f=r,e&g=3,50&s=5,6&rs=11&in=mnist:42&l=1&mv=city&cs=layer&pal=cb&hide=stack,training';
    const { state, problems } = decodeHash(hash);
    expect(problems).toEqual([]);
    applyUrlState(state);
    expect(encodeHash(urlStateOf(useExplorer.getState()))).toBe(hash);
    expect(useExplorer.getState().stack.blocks.map((b) => b.activation)).toEqual(['relu', 'exp']);
    expect(useExplorer.getState().hidden).toEqual(['stack', 'training']);
  });

  it('re-reading the current view keeps block ids, does not recompute and records no undo step', () => {
    const st = useExplorer.getState();
    const ids = st.stack.blocks.map((b) => b.id);
    const requestId = st.requestId;
    applyUrlState(urlStateOf(st));
    expect(useExplorer.getState().stack.blocks.map((b) => b.id)).toEqual(ids);
    expect(useExplorer.getState().requestId).toBe(requestId);
    expect(useExplorer.getState().canUndo).toBe(false);
  });

  it('a changed α recomputes, keeps the ids of unchanged blocks, and can be undone', () => {
    const st = useExplorer.getState();
    const ids = st.stack.blocks.map((b) => b.id);
    const { state } = decodeHash('v=1&sa=0&a=0.5,0.5,0.5,0.2');
    applyUrlState(state);
    const after = useExplorer.getState();
    expect(after.requestId).toBe(st.requestId + 1);
    expect(after.stack.blocks.slice(0, 3).map((b) => b.id)).toEqual(ids.slice(0, 3));
    expect(after.stack.blocks[3].alpha).toBe(0.2);
    after.undo();
    expect(useExplorer.getState().stack.blocks[3].alpha).toBe(0.5);
  });
});

describe('a link naming a trained model restores its depth, α and activations (linkedModelBlocks)', () => {
  const model = { blocks: Array.from({ length: 12 }, () => ({ alpha: 0.8, activation: 'softplus' })) };
  const modelBlocks = () => {
    useExplorer.getState().loadTrainedModel('entanglement-quantum', model);
    return useExplorer.getState().stack.blocks;
  };

  it.each([1, 3, 4, 12, 20])('the app’s own link of the 12-block model at depth %i opens that view', (depth) => {
    const s = useExplorer.getState();
    s.loadTrainedModel('entanglement-quantum', model);
    s.setDepth(depth);
    if (depth > 1) s.updateBlock(depth - 1, { alpha: 0.3, activation: 'relu' });
    const hash = encodeHash(urlStateOf(useExplorer.getState()));
    expect(hash).toContain(`d=${depth}`);
    const { state, problems } = decodeHash(hash);
    expect(problems).toEqual([]);
    const blocks = linkedModelBlocks(modelBlocks(), state, linkedKeys(hash))!;
    expect(blocks).toHaveLength(depth);
    expect(blocks.map(({ id: _id, ...b }) => b)).toEqual(state.blocks);
  });

  it('the app’s own link of the model with “same α everywhere” at the default global α keeps that α (not the model’s)', () => {
    const s = useExplorer.getState();
    s.loadTrainedModel('entanglement-quantum', model);
    s.setSameAlpha(true);
    s.setGlobalAlpha(0.5);
    const view = urlStateOf(useExplorer.getState());
    const hash = encodeHash(view);
    const { state } = decodeHash(hash);
    const blocks = linkedModelBlocks(modelBlocks(), state, linkedKeys(hash))!;
    expect(blocks.map((b) => b.alpha)).toEqual(Array(12).fill(0.5));
    expect(state.sameAlpha).toBe(true);
  });

  it('a hand-written link without d gets the model’s own depth; with d and no α the model’s own α', () => {
    const own = modelBlocks();
    expect(linkedModelBlocks(own, decodeHash('v=1&model=entanglement-quantum').state, linkedKeys('v=1&model=entanglement-quantum'))).toBeUndefined();
    const h = 'v=1&model=entanglement-quantum&d=14&in=bell:phi+';
    const blocks = linkedModelBlocks(own, decodeHash(h).state, linkedKeys(h))!;
    expect(blocks.map((b) => b.alpha)).toEqual([...Array(12).fill(0.8), 0.5, 0.5]);
    expect(blocks.slice(0, 12).map((b) => b.id)).toEqual(own.map((b) => b.id));
  });
});

describe('a link whose task is not its model’s task', () => {
  it('edited in an open tab (t=dig beside an entanglement model): the model keeps its task and the link says why', () => {
    // It switched to digits with the 2-qubit model kept: the engine refused every edit and the
    // views stayed on "computing…".
    const model = JSON.parse(readFileSync(new URL('../../../experiments/models/entanglement-quantum.json', import.meta.url), 'utf8'));
    useExplorer.getState().loadTrainedModel('entanglement-quantum', model);
    const before = useExplorer.getState();
    const hash = encodeHash(urlStateOf(before));
    expect(hash).toContain('model=entanglement-quantum');
    const { state, problems } = decodeHash(`${hash}&t=dig`);
    expect(problems).toEqual([]);
    applyUrlState(state);
    const after = useExplorer.getState();
    expect(after.stack.task).toBe('entanglement');
    expect(after.stack.trained?.name).toBe('entanglement-quantum');
    expect(after.input).toEqual(before.input);
    expect(after.urlProblems).toEqual(["task: “entanglement-quantum” is a model of the entanglement task, so the link's digits task was not used"]);
  });
});
