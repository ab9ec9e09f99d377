/**
 * The Training studio's settings in the link: issue 19's example (seed 7, batch 64, epochs 3)
 * round-trips with short keys and nothing else, a fresh form adds nothing, the task brings its
 * own sizes, and a bad value is named and keeps the previous one.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM } from '../training/form';
import { TASK_SIZES } from '../training/presets';
import { FIELDS } from './fields';
import { decodeHash, defaultUrlState, encodeHash } from './urlState';

describe('training settings in the link', () => {
  it('seed 7, batch 64, epochs 3 → tsd=7&tb=64&te=3, and back', () => {
    const s = { ...defaultUrlState(), training: { ...DEFAULT_FORM, seed: 7, batchSize: 64, epochs: 3 } };
    const hash = encodeHash(s);
    expect(hash).toBe('v=1&te=3&tb=64&tsd=7');
    const out = decodeHash(hash);
    expect(out.problems).toEqual([]);
    expect(out.state.training).toEqual(s.training);
  });

  it('a fresh form is not in the link; every form field has exactly one key', () => {
    expect(encodeHash(defaultUrlState())).toBe('v=1');
    const keys = FIELDS.filter((f) => f.store === 'training').map((f) => f.key);
    expect(keys).toHaveLength(Object.keys(DEFAULT_FORM).length);
    expect(new Set(keys).size).toBe(keys.length);
    // each field changes the link on its own
    const edits: Partial<typeof DEFAULT_FORM>[] = [
      { task: 'digits' },
      { mode: 'classical' },
      { depth: 5 },
      { alpha: 0.25 },
      { activation: 'relu' },
      { learningRate: 0.005 },
      { epochs: 4 },
      { batchSize: 8 },
      { shots: 100 },
      { seed: 3 },
      { trainSize: 500 },
      { testSize: 600 },
      { adversarialShare: 0.25 },
    ];
    const hashes = edits.map((e) => encodeHash({ ...defaultUrlState(), training: { ...DEFAULT_FORM, ...e } }));
    expect(new Set(hashes).size).toBe(edits.length);
    for (const h of hashes) expect(h).not.toBe('v=1');
  });

  it("the digits task alone brings the digits sizes; sizes equal to the task's are left out", () => {
    const out = decodeHash('v=1&tt=dig');
    expect(out.state.training).toMatchObject({ task: 'digits', ...TASK_SIZES.digits });
    expect(encodeHash(out.state)).toBe('v=1&tt=dig');
    expect(decodeHash('v=1&tt=dig&tn=700').state.training.trainSize).toBe(700);
  });

  it("a bad value is named and keeps the previous form's", () => {
    const previous = { ...defaultUrlState(), training: { ...DEFAULT_FORM, batchSize: 16 } };
    const out = decodeHash('v=1&tb=lots&te=0&tm=sideways', previous);
    expect(out.state.training.batchSize).toBe(16);
    expect(out.state.training.epochs).toBe(DEFAULT_FORM.epochs);
    expect(out.state.training.mode).toBe(DEFAULT_FORM.mode);
    expect(out.problems).toEqual([
      'training mode: "sideways" is not one of qg, qe, tr, c',
      'training epochs: 0 is outside [1, 500]',
      'training batch size: "lots" is not a whole number',
    ]);
  });
});
