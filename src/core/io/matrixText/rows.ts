/**
 * The rows of a pasted matrix as cell texts, by the layout of plain matrix text (matrix.ts reads
 * each cell with parseComplex, docs/math.md §10): numpy nested lists or prints (`[[0.5, 0], …]`,
 * `array([[0.5+0.j, …]])`, `[[0.5 0. ]\n [0.  0.5]]`), MATLAB brackets (`[0.5 0; 0 0.5]`),
 * Mathematica braces (`{{1/2, 0}, {0, 1/2}}`) or CSV / TSV / whitespace rows (`;` separators allow
 * decimal commas). Tool printouts around these layouts are unwrapped in formats.ts.
 */
import type { MatrixFormat } from './formats';

/** Cell texts row by row and the layout they were read in, or the problem with the text's shape. */
export type Rows = { rows: string[][]; format: MatrixFormat } | { problem: string };

/** The innermost bracket groups `[…]` (or `{…}`) of a text, in order; null when they do not match. */
export function innermostGroups(s: string, open: string, close: string): string[] | null {
  const groups: string[] = [];
  let depth = 0,
    start = -1,
    hasInner = false;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === open) {
      depth++;
      start = k + 1;
      hasInner = false;
    } else if (s[k] === close) {
      if (depth === 0) return null;
      if (start >= 0 && !hasInner) groups.push(s.slice(start, k));
      depth--;
      start = -1;
      hasInner = true;
    }
  }
  return depth === 0 ? groups : null;
}

/**
 * numpy prints complex arrays padded for alignment, `[[0.5+0.j  0. +0.j ]`: a lone sign term
 * after a number is that number's imaginary part. Whitespace-separated cells are re-joined.
 */
function joinNumpyComplex(cells: string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (/^[+-]/.test(c) && /[ij]$/.test(c) && out.length > 0 && !/[ij]$/.test(out[out.length - 1])) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/**
 * MATLAB's (and Julia's) rule inside brackets: `1 + 2i` (spaces on both sides of the operator)
 * is one entry, `1 +2i` two; `*`, `/`, `^` always bind. Returns the row's entries.
 */
export function splitMatlabRow(row: string): string[] {
  const bound = row
    .replace(/\s+([+\-*/^])\s+/g, '$1')
    .replace(/\s*([*/^])\s*/g, '$1')
    .replace(/([(])\s+/g, '$1')
    .replace(/\s+([)])/g, '$1');
  return bound.split(/[\s,]+/).filter((c) => c !== '');
}

/** Split a row on its separator: tab, then ';', then ',', then whitespace. */
function splitPlainRow(row: string): string[] {
  if (row.includes('\t')) return row.split('\t').map((c) => c.trim());
  if (row.includes(';')) return row.split(';').map((c) => c.trim());
  if (row.includes(',')) return row.split(',').map((c) => c.trim());
  return row.trim().split(/\s+/);
}

/** numpy's nested brackets `[[…], […]]`: a repr (commas) or a print (padded, whitespace separated). */
export function numpyRows(s: string): string[][] | null {
  const groups = innermostGroups(s, '[', ']');
  return groups?.map((g) => (g.includes(',') ? g.split(',').map((c) => c.trim()) : joinNumpyComplex(g.trim().split(/\s+/)))) ?? null;
}

/** MATLAB rows: separated by `;` or line breaks, entries by spaces or commas (splitMatlabRow). */
export function matlabRows(body: string): string[][] {
  return body
    .split(/;|\n/)
    .map((r) => r.trim())
    .filter((r) => r !== '')
    .map(splitMatlabRow);
}

/**
 * The rows of plain matrix text (see the module comment); `s` is trimmed, non-empty, with
 * ASCII minus signs. Problems: "the brackets [ ] do not match", "the braces { } do not match".
 */
export function plainRows(text: string): Rows {
  // numpy's wrappers: array(…), np.array(…), matrix(…), dtype=…
  let s = text.replace(/^(?:np\.|numpy\.)?(?:array|matrix|asarray)\s*\(/, '(').replace(/,\s*dtype\s*=\s*[\w.]+\s*/, '');
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  if (s.startsWith('{')) {
    const groups = innermostGroups(
      s
        .replace(/\*\^/g, 'e')
        .replace(/\bSqrt\s*\[/g, 'sqrt(')
        .replace(/\bExp\s*\[/g, 'exp(')
        .replace(/\]/g, ')'),
      '{',
      '}',
    );
    if (!groups) return { problem: 'the braces { } do not match' };
    return { rows: groups.map((g) => g.split(',').map((c) => c.trim())), format: 'mathematica' };
  }
  if (/^\[\s*\[/.test(s)) {
    const rows = numpyRows(s);
    return rows ? { rows, format: 'numpy' } : { problem: 'the brackets [ ] do not match' };
  }
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) return { problem: 'the brackets [ ] do not match' };
    return { rows: matlabRows(s.slice(1, -1)), format: 'matlab' };
  }
  if (
    !/\n/.test(s) &&
    s.includes(';') &&
    s
      .split(';')
      .filter((r) => r.trim() !== '')
      .every((r) => /\S\s+\S/.test(r.trim()))
  )
    // MATLAB rows typed without their brackets on one line: `1/4 0 0 0; 0 1/4 0 0; …` (a
    // one-line CSV with ';' separators has no spaces inside its cells and stays CSV).
    return { rows: matlabRows(s), format: 'matlab' };
  const rows = s
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter((r) => r !== '')
    .map(splitPlainRow);
  return { rows, format: 'csv' };
}
