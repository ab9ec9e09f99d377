/**
 * Pastes of what the tools print, each sample written in the layout the tool documents or prints
 * (the version is named per sample). ρ = |ψ⟩⟨ψ| with |ψ⟩ = (|00⟩ + i|11⟩)/√2 unless said otherwise:
 * Re ρ = ½ on (1,1), (4,4); Im ρ = −½ at (1,4), +½ at (4,1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATRIX_FORMAT_NAMES, type MatrixFormat, parseMatrixText } from '.';

const Z = [0, 0, 0, 0];
const PSI = { re: [[0.5, 0, 0, 0], Z, Z, [0, 0, 0, 0.5]], im: [[0, 0, 0, -0.5], Z, Z, [0.5, 0, 0, 0]] };
const BELL = { re: [[0.5, 0, 0, 0.5], Z, Z, [0.5, 0, 0, 0.5]], im: [Z, Z, Z, Z] };

/** numpy's print of ρ (numpy ≥ 1.14, as QuTiP 4/5 show `Qobj data`). */
const NUMPY_PRINT =
  '[[0.5+0.j  0. +0.j  0. +0.j  0. -0.5j]\n [0. +0.j  0. +0.j  0. +0.j  0. +0.j ]\n [0. +0.j  0. +0.j  0. +0.j  0. +0.j ]\n [0. +0.5j 0. +0.j  0. +0.j  0.5+0.j ]]';
/** numpy's repr rows of ρ (numpy ≥ 1.14), as Qiskit's reprs embed them. */
const reprRows = (indent: string) =>
  `[[0.5+0.j , 0. +0.j , 0. +0.j , 0. -0.5j],\n${indent}[0. +0.j , 0. +0.j , 0. +0.j , 0. +0.j ],\n${indent}[0. +0.j , 0. +0.j , 0. +0.j , 0. +0.j ],\n${indent}[0. +0.5j, 0. +0.j , 0. +0.j , 0.5+0.j ]]`;

const read = (text: string, format: MatrixFormat, want = PSI) => expect(parseMatrixText(text, 4)).toEqual({ ...want, format });

describe('QuTiP Qobj printouts', () => {
  it('QuTiP 4.x print(qobj) / repr: "Quantum object: dims = …, isherm = True", "Qobj data =", the array', () => {
    read(`Quantum object: dims = [[2, 2], [2, 2]], shape = (4, 4), type = oper, isherm = True\nQobj data =\n${NUMPY_PRINT}`, 'qutip');
  });
  it('QuTiP 3.x (shape as a list, numpy < 1.14 padding) and a real Qobj', () => {
    const old = '[[ 0.5  0.   0.   0.5]\n [ 0.   0.   0.   0. ]\n [ 0.   0.   0.   0. ]\n [ 0.5  0.   0.   0.5]]';
    read(`Quantum object: dims = [[2, 2], [2, 2]], shape = [4, 4], type = oper, isherm = True\nQobj data =\n${old}`, 'qutip', BELL);
  });
  it('QuTiP 5: "dims=[[2, 2], [2, 2]], shape=(4, 4), type=\'oper\', dtype=Dense, isherm=True", with or without "Qobj data ="', () => {
    const head = "Quantum object: dims=[[2, 2], [2, 2]], shape=(4, 4), type='oper', dtype=Dense, isherm=True";
    read(`${head}\nQobj data =\n${NUMPY_PRINT}`, 'qutip');
    read(`${head}\n${NUMPY_PRINT}\n`, 'qutip');
    // IPython's Out[n]: before the repr
    read(`Out[7]: \n${head}\nQobj data =\n${NUMPY_PRINT}`, 'qutip');
  });
});

describe('Qiskit reprs', () => {
  it('DensityMatrix(…, dims=(2, 2)) as Qiskit ≥ 0.20 prints it', () => {
    read(`DensityMatrix(${reprRows('               ')},\n              dims=(2, 2))`, 'qiskit');
  });
  it('Operator(…, input_dims=(2, 2), output_dims=(2, 2))', () => {
    read(`Operator(${reprRows('          ')},\n         input_dims=(2, 2), output_dims=(2, 2))`, 'qiskit');
  });
});

describe('np.savetxt of a complex array (default fmt %.18e: " (re+imj)" cells, "+-" written "-")', () => {
  it('reads every digit: 4.000000000000000222e-01 is the double 0.4', () => {
    const c = (re: string, im: string) => ` (${re}${im.startsWith('-') ? '' : '+'}${im}j)`;
    const z = '0.000000000000000000e+00';
    const text = [
      [c('4.000000000000000222e-01', z), c(z, z), c(z, z), c(z, '-1.000000000000000056e-01')],
      [c(z, z), c('1.000000000000000056e-01', z), c(z, z), c(z, z)],
      [c(z, z), c(z, z), c('1.000000000000000056e-01', z), c(z, z)],
      [c(z, '1.000000000000000056e-01'), c(z, z), c(z, z), c('4.000000000000000222e-01', z)],
    ]
      .map((r) => r.join(' '))
      .join('\n');
    const p = parseMatrixText(`${text}\n`, 4);
    expect(p).toEqual({
      re: [
        [0.4, 0, 0, 0],
        [0, 0.1, 0, 0],
        [0, 0, 0.1, 0],
        [0, 0, 0, 0.4],
      ],
      im: [[0, 0, 0, -0.1], Z, Z, [0.1, 0, 0, 0]],
      format: 'savetxt',
    });
    // delimiter=','
    expect(parseMatrixText(text.replace(/\) \(/g, '), ('), 4)).toMatchObject({
      format: 'savetxt',
      re: [
        [0.4, 0, 0, 0],
        [0, 0.1, 0, 0],
        [0, 0, 0.1, 0],
        [0, 0, 0, 0.4],
      ],
    });
  });
});

describe('numpy reprs', () => {
  it('rows wrapped at 75 columns, e-notation (numpy ≥ 1.14)', () => {
    const e =
      'array([[5.00000000e-01+0.j , 0.00000000e+00+0.j , 0.00000000e+00+0.j ,\n        0.00000000e+00-0.5j],\n       [0.00000000e+00+0.j , 0.00000000e+00+0.j , 0.00000000e+00+0.j ,\n        0.00000000e+00+0.j ],\n       [0.00000000e+00+0.j , 0.00000000e+00+0.j , 0.00000000e+00+0.j ,\n        0.00000000e+00+0.j ],\n       [0.00000000e+00+0.5j, 0.00000000e+00+0.j , 0.00000000e+00+0.j ,\n        5.00000000e-01+0.j ]])';
    read(e, 'numpy');
  });
  it('numpy < 1.14 padding: array([[ 0.5+0.j ,  0.0+0.j , …,\\n         0.5+0.j ]])', () => {
    const row = (a: string, d: string) => `[ ${a},  0.0+0.j ,  0.0+0.j ,\n          ${d}]`;
    read(
      `array([${row('0.5+0.j ', '0.0-0.5j')},\n       ${row('0.0+0.j ', '0.0+0.j ')},\n       ${row('0.0+0.j ', '0.0+0.j ')},\n       ${row('0.0+0.5j', '0.5+0.j ')}])`,
      'numpy',
    );
  });
  it('print() of a wrapped e-notation array and an assignment rho = np.array(…)', () => {
    read(
      '[[5.e-01+0.j 0.e+00+0.j 0.e+00+0.j\n  0.e+00-0.5j]\n [0.e+00+0.j 0.e+00+0.j 0.e+00+0.j\n  0.e+00+0.j]\n [0.e+00+0.j 0.e+00+0.j 0.e+00+0.j\n  0.e+00+0.j]\n [0.e+00+0.5j 0.e+00+0.j 0.e+00+0.j\n  5.e-01+0.j]]',
      'numpy',
    );
    read('rho = np.array([[0.5, 0, 0, -0.5j], [0, 0, 0, 0], [0, 0, 0, 0], [0.5j, 0, 0, 0.5]])', 'numpy');
  });
});

describe('Julia', () => {
  const rows =
    ' 0.5+0.0im  0.0+0.0im  0.0+0.0im  0.0-0.5im\n 0.0+0.0im  0.0+0.0im  0.0+0.0im  0.0+0.0im\n 0.0+0.0im  0.0+0.0im  0.0+0.0im  0.0+0.0im\n 0.0+0.5im  0.0+0.0im  0.0+0.0im  0.5+0.0im';
  it('REPL display, Julia ≥ 1.6 ("4×4 Matrix{ComplexF64}:") and 1.0–1.5 ("4×4 Array{Complex{Float64},2}:")', () => {
    read(`4×4 Matrix{ComplexF64}:\n${rows}`, 'julia');
    read(`4×4 Array{Complex{Float64},2}:\n${rows}\n`, 'julia');
    read('4×4 Matrix{Float64}:\n 0.5  0.0  0.0  0.5\n 0.0  0.0  0.0  0.0\n 0.0  0.0  0.0  0.0\n 0.5  0.0  0.0  0.5', 'julia', BELL);
  });
  it('typed literals ComplexF64[…], and im in a bracket matrix', () => {
    read('ComplexF64[0.5 0 0 -0.5im; 0 0 0 0; 0 0 0 0; 0.5im 0 0 0.5]', 'julia');
    read('[0.5 0 0 -im/2; 0 0 0 0; 0 0 0 0; im/2 0 0 0.5]', 'julia');
    read('ρ = Complex{Float64}[0.5 0 0 0.0 - 0.5im\n 0 0 0 0\n 0 0 0 0\n 0.0 + 0.5im 0 0 0.5]', 'julia');
  });
});

describe('MATLAB', () => {
  it('literals: commas, a + bi with spaces, j, ... continuations, an assignment with ;', () => {
    read('[0.5, 0, 0, -0.5i; 0, 0, 0, 0; 0, 0, 0, 0; 0.5i, 0, 0, 0.5]', 'matlab');
    read('[0.5 + 0i, 0, 0, 0 - 0.5j; 0, 0, 0, 0; 0, 0, 0, 0; 0 + 0.5j, 0, 0, 0.5]', 'matlab');
    read('rho = [0.5 0 0 -0.5i; ...  first row\n       0 0 0 0; ...\n       0 0 0 0; ...\n       0.5i 0 0 0.5];', 'matlab');
    read('[0.5 0 0 ...\n -0.5i; 0 0 0 0; 0 0 0 0; 0.5i 0 0 0.5]', 'matlab');
  });
  it('the display: "ans =" then rows (R2016b+ and Octave layout), and the common factor "1.0e-03 *"', () => {
    const display =
      '   0.5000 + 0.0000i   0.0000 + 0.0000i   0.0000 + 0.0000i   0.0000 - 0.5000i\n   0.0000 + 0.0000i   0.0000 + 0.0000i   0.0000 + 0.0000i   0.0000 + 0.0000i\n   0.0000 + 0.0000i   0.0000 + 0.0000i   0.0000 + 0.0000i   0.0000 + 0.0000i\n   0.0000 + 0.5000i   0.0000 + 0.0000i   0.0000 + 0.0000i   0.5000 + 0.0000i';
    read(`ans =\n\n${display}\n\n`, 'matlab');
    read(`rho =\n\n${display}\n`, 'matlab');
    expect(parseMatrixText('rho =\n\n   1.0e-03 *\n\n    0.5000         0\n         0    0.2500\n', 2)).toEqual({
      re: [
        [0.0005, 0],
        [0, 0.00025],
      ],
      im: [
        [0, 0],
        [0, 0],
      ],
      format: 'matlab',
    });
  });
});

describe('garbage still gets the clear problems', () => {
  it('a printout with broken or missing numbers names the place', () => {
    expect(parseMatrixText('Quantum object: dims = [[2], [2]], shape = (2, 2), type = oper, isherm = True\nQobj data =\n', 2)).toEqual({
      problem: 'the QuTiP printout has no data array [[…]] after its header',
    });
    expect(parseMatrixText('Quantum object: dims=[[2], [2]], shape=(2, 2)\n[[0.5 0. ]\n [0.  0.5]', 2)).toEqual({ problem: 'the brackets [ ] do not match' });
    expect(parseMatrixText('DensityMatrix([[0.5+0.j, 0.+0.j],\n               [0.+0.j, 0.5+0.j]],\n              dims=(2,', 2)).toEqual({
      problem: 'the parentheses ( ) of the Qiskit repr do not match',
    });
    expect(parseMatrixText('DensityMatrix([[0.5, nan], [0, 0.5]], dims=(2,))', 2)).toEqual({
      problem: "row 1, column 2: found 'nan' where a number was expected",
    });
    expect(parseMatrixText(' (5.0e-01+0.0e+00j) (0.0e+00+0.0e+00j)\n (0.0e+00+0.0e+00j) (5.0e-01+0.0e+00j) (1+0j)', 2)).toEqual({
      problem: 'row 2 has 3 entries, expected 2 (a 2×2 matrix)',
    });
    expect(parseMatrixText('2×2 Matrix{ComplexF64}:\n 0.5+0.0im  0.0+0.0im', 2)).toEqual({ problem: '1 row, expected 2 (a 2×2 matrix)' });
    expect(parseMatrixText('ComplexF64[0.5 0; 0 0.5.1]', 2)).toEqual({ problem: "row 2, column 2: '0.5.1' is not a number" });
    expect(parseMatrixText('ans =\n\n   0.5000   hello\n   0   0.5\n', 2)).toEqual({ problem: "row 1, column 2: found 'hello' where a number was expected" });
    expect(parseMatrixText('rho = ;', 2)).toEqual({ problem: "nothing after 'rho ='" });
    expect(parseMatrixText('hello world', 2)).toEqual({ problem: "row 1, column 1: found 'hello' where a number was expected" });
  });

  it('fuzz: tool headers before random text give a value or a one-line problem, never an exception (2000 texts)', () => {
    const heads = [
      'Quantum object: dims = [[2], [2]]\nQobj data =\n',
      'DensityMatrix(',
      'Operator(',
      '2×2 Matrix{ComplexF64}:\n',
      'ComplexF64[',
      'ans =\n',
      ' (',
      'rho = ',
      'Out[1]: ',
    ];
    const alphabet = fc.constantFrom(...'0123456789.,+-*/()[]{}ijm e;\t\n)dims=(2, 2)'.split(''));
    fc.assert(
      fc.property(
        fc.constantFrom(...heads),
        fc.array(alphabet, { maxLength: 50 }).map((a) => a.join('')),
        (head, tail) => {
          const m = parseMatrixText(head + tail);
          if ('problem' in m) expect(m.problem).not.toMatch(/\n|undefined|NaN/);
          else {
            expect(Object.keys(MATRIX_FORMAT_NAMES)).toContain(m.format);
            m.re
              .flat()
              .concat(m.im.flat())
              .forEach((v) => expect(Number.isFinite(v)).toBe(true));
          }
        },
      ),
      { numRuns: 2000, seed: 21 },
    );
  });
});
