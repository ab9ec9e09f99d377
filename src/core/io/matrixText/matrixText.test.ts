import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCell, parseComplex, parseMatrixText } from '.';

const value = (t: string) => {
  const p = parseComplex(t);
  if ('problem' in p) throw new Error(`${t}: ${p.problem}`);
  return [p.value.re, p.value.im];
};
const problem = (t: string) => {
  const p = parseComplex(t);
  return 'problem' in p ? p.problem : null;
};

describe('parseComplex: numbers as people type them', () => {
  it.each([
    ['1/3', [1 / 3, 0]],
    ['-1/2', [-0.5, 0]],
    ['−1/2', [-0.5, 0]],
    ['0.5+0.5i', [0.5, 0.5]],
    ['0.5-0.5j', [0.5, -0.5]],
    ['i/2', [0, 0.5]],
    ['-i/2', [0, -0.5]],
    ['1/sqrt(2)', [Math.SQRT1_2, 0]],
    ['0,5', [0.5, 0]],
    ['.5', [0.5, 0]],
    ['5.', [5, 0]],
    ['1e-3', [0.001, 0]],
    ['2.5E+2', [250, 0]],
    ['0.+0.j', [0, 0]],
    ['(0.5+0j)', [0.5, 0]],
    ['0.5 + 0.5 i', [0.5, 0.5]],
    ['2i', [0, 2]],
    ['1/(2 sqrt(2))', [1 / (2 * Math.SQRT2), 0]],
    ['sqrt(-1)', [0, 1]],
    ['np.sqrt(2)/2', [Math.SQRT1_2, 0]],
    ['Sqrt[2]/2', [Math.SQRT1_2, 0]],
    ['I/2', [0, 0.5]],
    ['e^(i*pi/2)', [expect.closeTo(0, 15), 1]],
    ['exp(i pi)/4', [-0.25, expect.closeTo(0, 15)]],
    ['2^-1', [0.5, 0]],
    ['2**0.5', [Math.SQRT2, 0]],
    ['(1+i)(1-i)/4', [0.5, 0]],
  ] as [string, unknown[]][])('%s', (text, expected) => {
    expect(value(text)).toEqual(expected.map((v) => (typeof v === 'number' ? expect.closeTo(v, 15) : v)));
  });

  it('names what is not a number, division by zero and overflow', () => {
    expect(problem('0.5.1')).toBe("'0.5.1' is not a number");
    expect(problem('abc')).toBe("'abc' is not a number");
    expect(problem('1/')).toBe("'1/' is not a number");
    expect(problem('2 3')).toBe("'2 3' is not a number");
    expect(problem('(1')).toBe("'(1' is not a number");
    expect(problem('1/0')).toBe("'1/0' divides by zero");
    expect(problem('1e999')).toBe("'1e999' is too large (not a finite number)");
    expect(problem('1e300*1e300')).toBe("'1e300*1e300' is not a finite number");
    expect(problem('  ')).toBe('is empty');
    expect(problem('alert(1)')).toBe("'alert(1)' is not a number");
    for (const t of ['constructor', 'constructor(1)', 'toString(1)', '__proto__', 'valueOf', 'hasOwnProperty(1)'])
      expect(problem(t), t).toBe(`'${t}' is not a number`);
  });
});

describe('parseMatrixText: pasted matrices', () => {
  const half = {
    re: [
      [0.5, 0],
      [0, 0.5],
    ],
    im: [
      [0, 0],
      [0, 0],
    ],
  };
  it.each([
    ['numpy list', '[[0.5, 0], [0, 0.5]]', 'numpy'],
    ['numpy array repr', 'array([[0.5+0.j, 0. +0.j],\n       [0. +0.j, 0.5+0.j]])', 'numpy'],
    ['numpy array with dtype', 'np.array([[0.5, 0], [0, 0.5]], dtype=complex)', 'numpy'],
    ['numpy print (no commas, padded)', '[[0.5+0.j 0. +0.j]\n [0. +0.j 0.5+0.j]]', 'numpy'],
    ['numpy print, real', '[[0.5 0. ]\n [0.  0.5]]', 'numpy'],
    ['MATLAB', '[0.5 0; 0 0.5]', 'matlab'],
    ['MATLAB with commas and newlines', '[0.5, 0\n 0, 1/2]', 'matlab'],
    ['Mathematica', '{{1/2,0},{0,1/2}}', 'mathematica'],
    ['CSV', '0.5,0\n0,0.5\n', 'csv'],
    ['CSV with ; and decimal commas', '0,5;0\n0;0,5', 'csv'],
    ['TSV', '0.5\t0\n0\t0.5', 'csv'],
    ['whitespace', '0.5 0\n0 0.5', 'csv'],
  ])('%s', (_name, text, format) => {
    expect(parseMatrixText(text, 2)).toEqual({ ...half, format });
  });

  it('complex entries in each format', () => {
    const want = {
      re: [
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      im: [
        [0, -0.5],
        [0.5, 0],
      ],
    };
    expect(parseMatrixText('[[0.5, 0.5-0.5j], [0.5+0.5j, 0.5]]', 2)).toMatchObject(want);
    expect(parseMatrixText('[0.5 0.5 - 0.5i; 0.5 + 0.5i 0.5]', 2)).toMatchObject(want);
    expect(parseMatrixText('{{1/2, 1/2 - I/2}, {1/2 + I/2, 1/2}}', 2)).toMatchObject(want);
    expect(parseMatrixText('0.5,0.5-0.5i\n0.5+0.5i,0.5', 2)).toMatchObject(want);
    // MATLAB: "1 -2i" is two entries
    expect(parseMatrixText('[1 -2i]')).toMatchObject({ re: [[1, 0]], im: [[0, -2]] });
  });

  it('names each problem with its place', () => {
    expect(parseMatrixText('[[1, 0, 0], [0, 0.5.1, 0]]')).toEqual({ problem: "row 2, column 2: '0.5.1' is not a number" });
    expect(parseMatrixText('0.25,0,0,0\n0,0.25,0.5.1,0\n0,0,0.25,0\n0,0,0,0.25', 4)).toEqual({ problem: "row 2, column 3: '0.5.1' is not a number" });
    expect(parseMatrixText('[[1, 0], [0, 1]]', 4)).toEqual({ problem: '2 rows, expected 4 (a 4×4 matrix)' });
    expect(parseMatrixText('[[1, 0], [0, 1, 0]]', 2)).toEqual({ problem: 'row 2 has 3 entries, expected 2 (a 2×2 matrix)' });
    expect(parseMatrixText('[[1, 0], [0, 1]', 2)).toEqual({ problem: 'the brackets [ ] do not match' });
    expect(parseMatrixText('{{1, 0}, {0, 1}', 2)).toEqual({ problem: 'the braces { } do not match' });
    expect(parseMatrixText('   ')).toEqual({ problem: 'nothing pasted' });
  });

  it('names the word that is not a number before the shape (newcomer paste)', () => {
    expect(parseMatrixText('hello world ]]][[ 1,2', 4)).toEqual({ problem: "row 1, column 1: found 'hello' where a number was expected" });
    expect(parseMatrixText('[[0.5, 0, 0, 0], [0, x, 0, 0], [0, 0, 0.5, 0], [0, 0, 0, 0]]', 4)).toEqual({
      problem: "row 2, column 2: found 'x' where a number was expected",
    });
    expect(parseMatrixText('1 0 0\n0 1 0\n0 0 1', 4)).toEqual({ problem: '3 rows, expected 4 (a 4×4 matrix)' });
  });

  it('refuses overflow and entries far too large for a state, instead of showing Infinity', () => {
    const big = Array.from({ length: 4 }, () => '1e308, 1e308, 1e308, 1e308').join('\n');
    expect(parseMatrixText(big, 4)).toEqual({ problem: "row 1, column 1: '1e308' is too large for a density matrix (its entries are at most 1 in size)" });
    expect(parseMatrixText('1e999, 0\n0, 1', 2)).toEqual({ problem: "row 1, column 1: '1e999' is too large (not a finite number)" });
    expect(parseMatrixText('1e300*1e300, 0\n0, 1', 2)).toEqual({ problem: "row 1, column 1: '1e300*1e300' is not a finite number" });
  });
});

describe('formatCell', () => {
  it('6 decimals at most, no trailing zeros', () => {
    expect([1 / 3, -1 / 6, 0.5, -0, 1e-9, 0.1234565, 1].map(formatCell)).toEqual(['0.333333', '-0.166667', '0.5', '0', '0', '0.123457', '1']);
  });
  it('never shows a finite number as Infinity', () => {
    expect([1e308, -1e300, 1e15].map(formatCell)).toEqual(['1e+308', '-1e+300', '1000000000000000']);
  });
});

describe('fuzz: any text gets a value or a one-line problem, never an exception', () => {
  const alphabet = fc.constantFrom(...'0123456789.,+-−*/^()[]{}ijIe sqrtexppi;\t\narray'.split(''));
  it('parseComplex and parseMatrixText (3000 texts)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        ),
        (t) => {
          const c = parseComplex(t);
          if ('value' in c) expect(Number.isFinite(c.value.re) && Number.isFinite(c.value.im)).toBe(true);
          else expect(c.problem).not.toContain('\n');
          const m = parseMatrixText(t);
          if ('problem' in m) expect(m.problem).not.toMatch(/\n|undefined|NaN/);
          else
            m.re
              .flat()
              .concat(m.im.flat())
              .forEach((v) => expect(Number.isFinite(v)).toBe(true));
        },
      ),
      { numRuns: 3000, seed: 12 },
    );
  });
});

describe('MATLAB rows without their brackets, on one line', () => {
  it('`1/4 0 0 0; 0 1/4 0 0; …` is I/4 (it read as one row, "1 row, expected 4")', () => {
    const p = parseMatrixText('1/4 0 0 0; 0 1/4 0 0; 0 0 1/4 0; 0 0 0 1/4', 4);
    expect(p).toEqual({
      re: [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 0.25 : 0))),
      im: [0, 1, 2, 3].map(() => [0, 0, 0, 0]),
      format: 'matlab',
    });
  });

  it('a one-line CSV with ";" between cells stays CSV (one row)', () => {
    expect(parseMatrixText('0.5;0;0;0.5', 2)).toEqual({ problem: '1 row, expected 2 (a 2×2 matrix)' });
    const row = parseMatrixText('0.5;0;0;0.5');
    expect('format' in row && row.format).toBe('csv');
  });
});
