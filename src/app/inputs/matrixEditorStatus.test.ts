import { describe, expect, it } from 'vitest';
import { editorStatus, readPastedMatrix, refusedText } from './matrixEditorStatus';

const valid = { state: 'valid' as const, traceDistance: 0, key: 'k' };

describe('matrix editor status: one clear state', () => {
  it('an unreadable paste hides the green validity line and disables "Use this matrix"', () => {
    const paste = readPastedMatrix('hello world ]]][[ 1,2', 4);
    expect(paste).toEqual({ state: 'unreadable', note: "Cannot read the pasted matrix: row 1, column 1: found 'hello' where a number was expected" });
    const s = editorStatus(paste, valid, true, null);
    expect(s.canUse).toBe(false);
    expect(s.tone).toBe('invalid');
    expect(s.message).not.toMatch(/valid density matrix/);
    expect(s.message).toMatch(/fix it or clear the paste box/);
  });

  it('a 3×3 paste names its rows; clearing the paste box brings the cells back into use', () => {
    const paste = readPastedMatrix('1 0 0\n0 1 0\n0 0 1', 4);
    expect(paste).toMatchObject({ state: 'unreadable', note: 'Cannot read the pasted matrix: 3 rows, expected 4 (a 4×4 matrix)' });
    expect(editorStatus(paste, valid, true, null).canUse).toBe(false);
    const cleared = editorStatus(readPastedMatrix('', 4), valid, true, null);
    expect(cleared).toMatchObject({ canUse: true, tone: 'valid', message: 'A valid density matrix (Hermitian, trace 1, positive semidefinite).' });
  });

  it('a readable paste fills the cells and lets the check decide', () => {
    const paste = readPastedMatrix('[[0.5,0,0,0.5],[0,0,0,0],[0,0,0,0],[0.5,0,0,0.5]]', 4);
    expect(paste).toMatchObject({ state: 'read', note: 'Read a 4×4 matrix into the cells below (read as a numpy array).' });
    expect(editorStatus(paste, valid, true, null).canUse).toBe(true);
    expect(editorStatus(paste, valid, false, null).canUse).toBe(false);
  });

  it('the note names the tool whose printout was read', () => {
    const qobj =
      "Quantum object: dims=[[2, 2], [2, 2]], shape=(4, 4), type='oper', dtype=Dense, isherm=True\nQobj data =\n[[0.5 0.  0.  0.5]\n [0.  0.  0.  0. ]\n [0.  0.  0.  0. ]\n [0.5 0.  0.  0.5]]";
    expect(readPastedMatrix(qobj, 4)).toMatchObject({ state: 'read', note: 'Read a 4×4 matrix into the cells below (read as a QuTiP Qobj printout).' });
    expect(readPastedMatrix('4×4 Matrix{Float64}:\n 0.25 0 0 0\n 0 0.25 0 0\n 0 0 0.25 0\n 0 0 0 0.25', 4)).toMatchObject({
      note: 'Read a 4×4 matrix into the cells below (read as a Julia matrix).',
    });
    expect(readPastedMatrix('DensityMatrix([[1, 0], [0, 0]], dims=(2,))', 4)).toEqual({
      state: 'unreadable',
      note: 'Cannot read the pasted matrix: 2 rows, expected 4 (a 4×4 matrix)',
    });
  });

  it('a negative eigenvalue is said in teacher words with one minus sign', () => {
    const check = {
      state: 'invalid' as const,
      reason: 'not positive semidefinite: smallest eigenvalue -0.3 < -1e-6 (tolerance 1e-6)',
      kind: 'psd' as const,
      minEigenvalue: -0.3,
      nearest: { re: [], im: [], traceDistance: 0.3 },
    };
    expect(refusedText(check)).toBe('Not a density matrix: it has a negative eigenvalue (−0.3). Use the nearest state to fix it.');
    const s = editorStatus({ state: 'empty' }, { ...check, key: 'k' }, true, null);
    expect(s.message).not.toMatch(/-/);
    expect(s).toMatchObject({ canUse: false, offerNearest: true });
    // other refusals keep their precise wording
    // It said "Not a state: not Hermitian: max |ρ_ij − conj(ρ_ji)| = 0.6 > tolerance 1e-6".
    expect(refusedText({ state: 'invalid', reason: 'not Hermitian: max |ρ_ij − conj(ρ_ji)| = 0.6 > tolerance 1e-6', kind: 'hermitian' })).toBe(
      'Not a density matrix: it is not Hermitian (each ρ(j,i) must be the complex conjugate of ρ(i,j); the largest mismatch is 0.6). Tick “Keep Hermitian”, or use the nearest state.',
    );
    expect(refusedText({ state: 'invalid', reason: 'trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6)', kind: 'trace' })).toBe(
      'Not a state: trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6)',
    );
  });
});
