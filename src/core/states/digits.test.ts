import { describe, expect, it } from 'vitest';
import { DIGIT_DIM, DIGIT_PIXELS, decodeDigitsBinary, digitToInput } from './digits';

describe('the 8×8 digit pipeline (docs/math.md §7)', () => {
  it('an all-ones image pools to 1 inside, 1/2 on edges and 1/4 in corners, then normalises', () => {
    const x = digitToInput(new Float64Array(DIGIT_PIXELS).fill(1));
    // padded 32×32: border cells see 2 of 4 rows (or columns) of the image
    const v = (r: number, c: number) => (r === 0 || r === 7 ? 0.5 : 1) * (c === 0 || c === 7 ? 0.5 : 1);
    let total = 0;
    for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) total += v(r, c);
    for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) expect(x[r * 8 + c]).toBeCloseTo(v(r, c) / total, 15);
  });

  it('a single pixel lands in its pooled cell: image (y, x) → cell ((y+2)/4, (x+2)/4)', () => {
    for (const [y, xx] of [
      [0, 0],
      [1, 1],
      [2, 2],
      [13, 27],
      [27, 5],
    ]) {
      const img = new Float64Array(DIGIT_PIXELS);
      img[y * 28 + xx] = 0.7;
      const x = digitToInput(img);
      expect(x[Math.floor((y + 2) / 4) * 8 + Math.floor((xx + 2) / 4)]).toBe(1);
    }
  });

  it('a blank image gives the uniform input 1/64', () => {
    expect(Array.from(digitToInput(new Float64Array(DIGIT_PIXELS)))).toEqual(new Array(DIGIT_DIM).fill(1 / 64));
  });

  it('rejects a wrong-size image and a corrupt binary', () => {
    expect(() => digitToInput(new Float64Array(10))).toThrow(/784/);
    expect(() => decodeDigitsBinary(new Uint8Array(20))).toThrow(/magic/);
  });
});
