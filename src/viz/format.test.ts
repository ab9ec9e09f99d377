import { describe, expect, it } from 'vitest';
import { basisBits, entryText, fmt, fmtComplex, ketBra, maxModulus, MISSING, fmtCount } from './format';

describe('viz formatting', () => {
  it('big-endian basis labels: qubit 0 is the leftmost bit', () => {
    expect(basisBits(1, 2)).toBe('01');
    expect(basisBits(2, 2)).toBe('10');
    expect(basisBits(5, 6)).toBe('000101');
    expect(ketBra(1, 2, 2)).toBe('|01⟩⟨10|');
  });
  it('complex entries with 4 decimals and a real minus sign', () => {
    expect(fmtComplex(0.25, -0.1)).toBe('0.2500 − 0.1000i');
    expect(fmtComplex(-0.5, 0)).toBe('−0.5000 + 0.0000i');
    expect(fmtComplex(1e-9, -1e-9)).toBe('0.0000 + 0.0000i');
    expect(entryText(1, 2, 2, 0.25, -0.1)).toBe('|01⟩⟨10|: 0.2500 − 0.1000i');
  });
  it('counts: rounded, comma-grouped like toLocaleString("en"), dash when not finite', () => {
    for (const v of [0, 7, 999, 1000, 12345.4, 999999.5, 1234567, 9007199254740991, -1234.6])
      expect(fmtCount(v)).toBe(Math.round(v).toLocaleString('en').replace('-', '−'));
    expect(fmtCount(NaN)).toBe('—');
    expect(fmtCount(Infinity)).toBe('—');
    expect(fmtCount(-0.2)).toBe('0');
  });

  it('never NaN: missing and non-finite values are a dash', () => {
    expect(fmt(undefined)).toBe(MISSING);
    expect(fmt(NaN)).toBe(MISSING);
    expect(fmt(Infinity)).toBe(MISSING);
    expect(fmt(-0.00001)).toBe('0.0000');
    expect(fmtComplex(NaN, 0)).toBe(MISSING);
  });
  it('maxModulus skips non-finite entries', () => {
    expect(maxModulus([{ re: [0.3, NaN], im: [0.4, 0] }, { re: [0.2] }])).toBeCloseTo(0.5);
  });
});
