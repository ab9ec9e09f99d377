import { describe, expect, it } from 'vitest';
import { globalAlphaReason } from './alphaReason';

describe('global α slider: a greyed slider says why', () => {
  it('names the checkbox that turns it on, and what to use meanwhile', () => {
    expect(globalAlphaReason(false)).toMatch(/“Same α everywhere” is unticked/);
    expect(globalAlphaReason(false)).toMatch(/Tick “Same α everywhere”/);
    expect(globalAlphaReason(true)).toBeNull();
  });
});
