import { describe, expect, it } from 'vitest';
import { isBlankDrawing } from './explorer';

describe('isBlankDrawing', () => {
  const blank = { kind: 'drawn' as const, pixels: Array(784).fill(0) };
  it('a drawing the worker found without ink is blank', () => {
    expect(isBlankDrawing(blank, { noDigit: true })).toBe(true);
  });
  it('a drawing with ink, a drawing not computed yet, and any other input are not', () => {
    expect(isBlankDrawing(blank, {})).toBe(false);
    expect(isBlankDrawing(blank, undefined)).toBe(false);
    expect(isBlankDrawing({ kind: 'mnist', index: 3 }, { noDigit: true })).toBe(false);
    expect(isBlankDrawing({ kind: 'bell', which: 'phi+' }, undefined)).toBe(false);
  });
});
