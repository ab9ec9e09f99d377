import { describe, expect, it } from 'vitest';
import { encodeHash, FIELDS, urlStateOf } from '../url/urlState';
import { keysPersistedIn, PERSISTENCE } from './persistence';
import { snapshotOf, useExplorer } from './store';

describe('the persistence table', () => {
  it('names every URL field exactly once, under a key persisted in the link', () => {
    const named = keysPersistedIn('link').flatMap((k) => PERSISTENCE[k].urlFields ?? []);
    expect([...named].sort()).toEqual(
      FIELDS.filter((f) => f.store !== 'training')
        .map((f) => f.key)
        .sort(),
    );
    expect(new Set(named).size).toBe(named.length);
    for (const [k, p] of Object.entries(PERSISTENCE)) expect(p.in.includes('link'), k).toBe((p.urlFields ?? []).length > 0);
  });

  it('lists exactly the keys of an undo snapshot as persisted in the undo history', () => {
    expect(Object.keys(snapshotOf(useExplorer.getState())).sort()).toEqual(keysPersistedIn('undo history').sort());
  });

  it('covers every key of the store state', () => {
    const stateKeys = Object.keys(useExplorer.getState()).filter(
      (k) => typeof (useExplorer.getState() as unknown as Record<string, unknown>)[k] !== 'function',
    );
    for (const k of stateKeys) expect(PERSISTENCE, k).toHaveProperty(k);
  });

  it('keys persisted nowhere do not change the link; each key in the link does', () => {
    const st = useExplorer.getState();
    const base = encodeHash(urlStateOf(st));
    const transient = {
      ...st,
      requestId: st.requestId + 7,
      computing: !st.computing,
      error: 'x',
      urlProblems: ['y'],
      canUndo: true,
      pendingTask: 'digits' as const,
    };
    expect(encodeHash(urlStateOf(transient))).toBe(base);
    const edits: Record<string, Partial<typeof st>> = {
      stack: { stack: { ...st.stack, readoutSeed: st.stack.readoutSeed + 1 } },
      input: { input: { kind: 'werner', p: 0.25 } },
      globalAlpha: { globalAlpha: 0.125, sameAlpha: true },
      sameAlpha: { sameAlpha: !st.sameAlpha },
      selectedLayer: { selectedLayer: 1 },
      view: { view: { ...st.view, palette: st.view.palette === 'default' ? 'colour-blind' : 'default' } },
      hidden: { hidden: ['export'] },
      panel: { panel: 'saved' },
      teaching: { teaching: { lesson: 'paper', step: 3, presentation: true } },
    };
    expect(Object.keys(edits).sort()).toEqual(keysPersistedIn('link').sort());
    for (const [k, patch] of Object.entries(edits)) expect(encodeHash(urlStateOf({ ...st, ...patch })), k).not.toBe(base);
  });
});
