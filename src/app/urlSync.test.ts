import { beforeEach, describe, expect, it } from 'vitest';
import { defaultStack, useExplorer } from './store';
import { applyUrlState } from './urlSync';
import { decodeHash, encodeHash, urlStateOf } from './urlState';

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
