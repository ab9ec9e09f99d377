/**
 * A pasted matrix (docs/math.md §10 "States as people write them"): the printout is unwrapped
 * and split into rows (formats.ts, rows.ts), and every entry read with parseComplex (numbers.ts).
 */
import { type MatrixFormat, readRows } from './formats';
import { foundWord, parseComplex, quoted } from './numbers';

/**
 * Entries of a density matrix are at most 1 in size; a pasted square matrix (`size` given) with
 * an entry above this is refused as unreadable rather than checked (1e308 would overflow the
 * trace and show as "Infinity" in a cell).
 */
export const MAX_STATE_ENTRY = 1e6;

/** A pasted matrix: its complex entries (rows × cols) and the format recognised, or the first problem found. */
export type ParsedMatrix = { re: number[][]; im: number[][]; format: MatrixFormat } | { problem: string };

/**
 * Parse a pasted matrix (formats.ts lists the printouts recognised), every entry through
 * parseComplex; `format` says what it was read as (MATRIX_FORMAT_NAMES). Problems are one line
 * naming the place: "row 2, column 3: '0.5.1' is not a number", "row 2 has 3 entries, expected
 * 4", "3 rows, expected 4 (a 4×4 matrix)". With `size` the matrix must be size×size; otherwise
 * any rectangular matrix.
 */
export function parseMatrixText(text: string, size?: number): ParsedMatrix {
  const s = text.replace(/[−–]/g, '-').replace(/\r\n?/g, '\n').trim();
  if (s === '') return { problem: 'nothing pasted' };
  const read = readRows(s);
  if ('problem' in read) return read;
  const format = read.format;
  let rows = read.rows;
  rows = rows.map((r) => (r.length > 1 && r[r.length - 1] === '' ? r.slice(0, -1) : r)); // a trailing separator
  if (rows.length === 0) return { problem: 'no rows found' };
  const expectRows = size ?? rows.length;
  const expectCols = size ?? rows[0].length;
  const shape = size !== undefined ? ` (a ${size}×${size} matrix)` : '';
  // A word that is no number ("hello") is the problem to name first, whatever the shape.
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < rows[i].length; j++) {
      const found = 'problem' in parseComplex(rows[i][j]) ? foundWord(rows[i][j]) : undefined;
      if (found !== undefined) return { problem: `row ${i + 1}, column ${j + 1}: found ${quoted(found)} where a number was expected` };
    }
  if (rows.length !== expectRows) return { problem: `${rows.length} row${rows.length === 1 ? '' : 's'}, expected ${expectRows}${shape}` };
  const re: number[][] = [],
    im: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].length !== expectCols)
      return { problem: `row ${i + 1} has ${rows[i].length} entr${rows[i].length === 1 ? 'y' : 'ies'}, expected ${expectCols}${shape}` };
    re.push([]);
    im.push([]);
    for (let j = 0; j < rows[i].length; j++) {
      const p = parseComplex(rows[i][j]);
      if ('problem' in p) return { problem: `row ${i + 1}, column ${j + 1}: ${p.problem}` };
      if (size !== undefined && Math.hypot(p.value.re, p.value.im) > MAX_STATE_ENTRY)
        return { problem: `row ${i + 1}, column ${j + 1}: ${quoted(rows[i][j])} is too large for a density matrix (its entries are at most 1 in size)` };
      re[i].push(p.value.re);
      im[i].push(p.value.im);
    }
  }
  return { re, im, format };
}
