/**
 * What the matrix editor says and allows (src/components/inputs/MatrixEditor.tsx), as one pure
 * function: the paste box's note, the check line under the cells and whether "Use this matrix"
 * is enabled. One clear state: while the paste box holds text that cannot be read, the check
 * line says the cells below still hold the previous matrix (it never shows a green "valid"
 * under a red paste problem) and "Use this matrix" waits until the paste is fixed or cleared.
 */
import type { MatrixCheck } from '../../protocol/explorer';
import { MATRIX_FORMAT_NAMES, parseMatrixText } from '../../core/io/matrixText';

/** The worker's verdict on the cells, as the editor keeps it. */
export type CellCheck = (
  | { state: 'checking' }
  | { state: 'valid'; traceDistance: number }
  | { state: 'unreadable'; reason: string }
  | { state: 'invalid'; reason: string; kind?: MatrixCheck['kind']; minEigenvalue?: number; nearest?: MatrixCheck['nearest'] }
  | { state: 'error'; reason: string }
) & { key?: string };

export type PasteResult = { state: 'empty' } | { state: 'read'; re: number[][]; im: number[][]; note: string } | { state: 'unreadable'; note: string };

/** Read the paste box: nothing, a d×d matrix for the cells, or the problem naming what was read. */
export function readPastedMatrix(text: string, size: number): PasteResult {
  if (text.trim() === '') return { state: 'empty' };
  const p = parseMatrixText(text, size);
  if ('problem' in p) return { state: 'unreadable', note: `Cannot read the pasted matrix: ${p.problem}` };
  return { state: 'read', re: p.re, im: p.im, note: `Read a ${size}×${size} matrix into the cells below (read as ${MATRIX_FORMAT_NAMES[p.format]}).` };
}

/** 4 significant digits, no trailing zeros (distances, as before). */
export const sig4 = (x: number) => (x === 0 ? '0' : String(Number(x.toPrecision(4))));

/** 4 significant digits, no trailing zeros, with the typographic minus. */
export function teacherNumber(x: number): string {
  const t = x === 0 ? '0' : String(Number(x.toPrecision(4)));
  return t.replace(/^-/, '−').replace(/e-/, 'e−');
}

/** The problem of a refused matrix in teacher words (a negative eigenvalue or a non-Hermitian matrix without jargon). */
export function refusedText(check: Extract<CellCheck, { state: 'invalid' }>): string {
  if (check.kind === 'psd' && check.minEigenvalue !== undefined)
    return `Not a density matrix: it has a negative eigenvalue (${teacherNumber(check.minEigenvalue)}).${check.nearest ? ' Use the nearest state to fix it.' : ''}`;
  if (check.kind === 'hermitian') {
    const gap = /= ([^ ]+) >/.exec(check.reason)?.[1];
    return `Not a density matrix: it is not Hermitian (each ρ(j,i) must be the complex conjugate of ρ(i,j)${gap ? `; the largest mismatch is ${gap}` : ''}). Tick “Keep Hermitian”, or use the nearest state.`;
  }
  return `Not a state: ${check.reason}`;
}

export interface EditorStatus {
  /** The line under the cells. */
  message: string;
  /** Its tone: valid (green), checking, invalid (red), error. */
  tone: 'valid' | 'checking' | 'invalid' | 'error';
  /** data-state of the line: the cells' check, or 'paste' while the paste box is unreadable. */
  state: CellCheck['state'] | 'paste';
  canUse: boolean;
  /** "Use the nearest state" is offered. */
  offerNearest: boolean;
}

/**
 * The check line and the buttons from the paste box's state, the cells' check (and whether it
 * is of the cells as they are now) and the distance moved by "Use the nearest state".
 */
export function editorStatus(paste: PasteResult, check: CellCheck, upToDate: boolean, moved: number | null): EditorStatus {
  if (paste.state === 'unreadable')
    return {
      message: 'The pasted text above cannot be read, so nothing was put in the cells; fix it or clear the paste box to use a matrix.',
      tone: 'invalid',
      state: 'paste',
      canUse: false,
      offerNearest: false,
    };
  switch (check.state) {
    case 'valid':
      return {
        message:
          check.traceDistance > 1e-12
            ? `Accepted: within 10⁻⁶ of a state, so its nearest state is used (trace distance ${sig4(check.traceDistance)}).`
            : moved !== null
              ? `A valid density matrix: the nearest state of the matrix entered (trace distance ${sig4(moved)} from it).`
              : 'A valid density matrix (Hermitian, trace 1, positive semidefinite).',
        tone: 'valid',
        state: 'valid',
        canUse: upToDate,
        offerNearest: false,
      };
    case 'checking':
      return { message: 'Checking…', tone: 'checking', state: 'checking', canUse: false, offerNearest: false };
    case 'unreadable':
      return { message: `Cannot read the matrix: ${check.reason}`, tone: 'invalid', state: 'unreadable', canUse: false, offerNearest: false };
    case 'invalid':
      return { message: refusedText(check), tone: 'invalid', state: 'invalid', canUse: false, offerNearest: upToDate && check.nearest !== undefined };
    case 'error':
      return { message: `Could not check the matrix: ${check.reason}`, tone: 'error', state: 'error', canUse: false, offerNearest: false };
  }
}
