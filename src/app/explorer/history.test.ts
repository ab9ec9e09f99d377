import { describe, expect, it } from 'vitest';
import type { StackSpec } from '../../protocol/explorer';
import { classifyEdit, createRevisions, HISTORY_LIMITS, record, redoRevision, undoRevision, type EditSnapshot } from './history';

const stack = (alphas: number[], extra: Partial<StackSpec> = {}): StackSpec => ({
  task: 'entanglement',
  readoutSeed: 7,
  blocks: alphas.map((alpha, k) => ({ id: `b${k}`, alpha, activation: 'softplus', gain: 4, seed: 1000 + k })),
  ...extra,
});
const snap = (alphas: number[], patch: Partial<EditSnapshot> = {}): EditSnapshot => ({
  stack: stack(alphas),
  input: { kind: 'bell', which: 'phi+' },
  globalAlpha: 0.5,
  sameAlpha: false,
  ...patch,
});

describe('revision list', () => {
  it('undo and redo walk back and forth; a new edit drops the redo list', () => {
    let r = createRevisions('a');
    r = record(r, 'b', { kind: 'discrete' }, 0);
    r = record(r, 'c', { kind: 'discrete' }, 1);
    r = undoRevision(r);
    expect(r.present).toBe('b');
    r = undoRevision(r);
    expect(r.present).toBe('a');
    expect(undoRevision(r)).toBe(r); // nothing left to undo
    r = redoRevision(r);
    expect(r.present).toBe('b');
    expect(r.future).toEqual(['c']);
    r = record(r, 'd', { kind: 'discrete' }, 2);
    expect(r.future).toEqual([]);
    expect(redoRevision(r)).toBe(r);
    expect(r.past).toEqual(['a', 'b']);
  });

  it('a drag of one control is one step; another control or a pause starts a new one', () => {
    let r = createRevisions(0);
    const drag = { kind: 'continuous', key: 'alpha:b1' } as const;
    for (let t = 0; t < 10; t++) r = record(r, t + 1, drag, 100 + t * 16);
    expect(r.past).toEqual([0]);
    expect(r.present).toBe(10);
    r = record(r, 11, { kind: 'continuous', key: 'alpha:b2' }, 300);
    expect(r.past).toEqual([0, 10]);
    r = record(r, 12, { kind: 'continuous', key: 'alpha:b2' }, 300 + HISTORY_LIMITS.coalesceMs + 1);
    expect(r.past).toEqual([0, 10, 11]);
    // After an undo, the same control starts a fresh step rather than rewriting the present.
    r = undoRevision(r);
    r = record(r, 13, { kind: 'continuous', key: 'alpha:b2' }, 300 + HISTORY_LIMITS.coalesceMs + 2);
    expect(r.past).toEqual([0, 10, 11]);
    expect(r.present).toBe(13);
  });

  it('while the pointer is held, a slow drag is still one step', () => {
    let r = createRevisions(0);
    const drag = { kind: 'continuous', key: 'werner' } as const;
    for (let t = 1; t <= 5; t++) r = record(r, t, drag, t * 5 * HISTORY_LIMITS.coalesceMs, true);
    expect(r.past).toEqual([0]);
    expect(r.present).toBe(5);
    r = record(r, 6, drag, 100 * HISTORY_LIMITS.coalesceMs, false); // released, and long after
    expect(r.past).toEqual([0, 5]);
  });

  it('discrete edits never coalesce, "none" records nothing, and the past is bounded', () => {
    let r = createRevisions(0);
    r = record(r, 1, { kind: 'discrete' }, 0);
    r = record(r, 2, { kind: 'discrete' }, 0);
    expect(r.past).toEqual([0, 1]);
    expect(record(r, 3, { kind: 'none' }, 0)).toBe(r);
    for (let k = 0; k < HISTORY_LIMITS.maxPast + 50; k++) r = record(r, k, { kind: 'discrete' }, k);
    expect(r.past).toHaveLength(HISTORY_LIMITS.maxPast);
  });
});

describe('classifyEdit', () => {
  it('α-only and gain-only changes are continuous, keyed by block', () => {
    expect(classifyEdit(snap([0.5, 0.5]), snap([0.5, 0.6]))).toEqual({ kind: 'continuous', key: 'alpha:b1' });
    expect(classifyEdit(snap([0.5, 0.5], { sameAlpha: true }), snap([0.6, 0.6], { sameAlpha: true, globalAlpha: 0.6 }))).toEqual({
      kind: 'continuous',
      key: 'alpha:all',
    });
    const g = snap([0.5]);
    g.stack = { ...g.stack, blocks: [{ ...g.stack.blocks[0], gain: 9 }] };
    expect(classifyEdit(snap([0.5]), g)).toEqual({ kind: 'continuous', key: 'gain:b0' });
  });

  it('Werner p and drawing are continuous; presets, depth, activation, task are discrete', () => {
    const w = (p: number) => snap([0.5], { input: { kind: 'werner', p } });
    expect(classifyEdit(w(0.1), w(0.2))).toEqual({ kind: 'continuous', key: 'werner' });
    // The first edit of the gesture (from a Bell state) is keyed the same, so the drag coalesces.
    expect(classifyEdit(snap([0.5]), w(0.2))).toEqual({ kind: 'continuous', key: 'werner' });
    expect(classifyEdit(w(0.2), snap([0.5]))).toEqual({ kind: 'discrete' });
    expect(classifyEdit(snap([0.5]), snap([0.5, 0.5]))).toEqual({ kind: 'discrete' });
    const act = snap([0.5]);
    act.stack = { ...act.stack, blocks: [{ ...act.stack.blocks[0], activation: 'relu' }] };
    expect(classifyEdit(snap([0.5]), act)).toEqual({ kind: 'discrete' });
    expect(classifyEdit(snap([0.5]), { ...snap([0.5]), stack: stack([0.5], { task: 'digits' }) })).toEqual({ kind: 'discrete' });
    expect(classifyEdit(snap([0.5]), snap([0.5], { sameAlpha: true }))).toEqual({ kind: 'discrete' });
    expect(classifyEdit(snap([0.5]), snap([0.5]))).toEqual({ kind: 'none' });
  });
});
