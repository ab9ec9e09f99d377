/**
 * Matrices as the tools print them (docs/math.md §10 "States as people write them"): a paste is
 * unwrapped from the printout around its numbers, and the format recognised is returned so the
 * page and `hqrn` can say what it was read as.
 *   QuTiP   `Quantum object: dims = [[2, 2], [2, 2]], shape = (4, 4), type = oper, isherm = True`
 *           (QuTiP ≤ 4; QuTiP 5: `dims=[[2, 2], [2, 2]], shape=(4, 4), type='oper', dtype=Dense, …`),
 *           an optional `Qobj data =` line, then numpy's print of the array;
 *   Qiskit  `DensityMatrix([[…]],\n dims=(2, 2))`, `Operator([[…]], input_dims=(2, 2), output_dims=(2, 2))`;
 *   savetxt `np.savetxt` of a complex array: ` (5.000000000000000000e-01+0.000000000000000000e+00j) (…)`
 *           one row per line (any delimiter between the parenthesised cells);
 *   Julia   the REPL's `4×4 Matrix{ComplexF64}:` header then rows `0.5+0.0im  0.0+0.0im …`, or a
 *           typed literal `ComplexF64[0.5 0; 0 0.5]` (any bracket matrix with `im` is Julia's);
 *   MATLAB  `[0.5, 0; 0, 0.5]`, `0.5 + 0.1i`, `...` continuations, a `rho = [...];` statement, the
 *           display `ans =` / `rho =` then rows (with its common factor line `1.0e-03 *`);
 * and the plain layouts of rows.ts (numpy, MATLAB, Mathematica, CSV). A Python / MATLAB / Julia
 * assignment `rho = …` and IPython's `Out[3]:` before the matrix are dropped.
 */
import { matlabRows, numpyRows, plainRows, type Rows } from './rows';

/** The format a pasted matrix was read in. */
export type MatrixFormat = 'numpy' | 'matlab' | 'mathematica' | 'csv' | 'qutip' | 'qiskit' | 'savetxt' | 'julia';

/** Each format as messages name it: "read as a QuTiP Qobj printout". */
export const MATRIX_FORMAT_NAMES: Record<MatrixFormat, string> = {
  numpy: 'a numpy array',
  matlab: 'a MATLAB matrix',
  mathematica: 'a Mathematica list',
  csv: 'CSV / plain rows',
  qutip: 'a QuTiP Qobj printout',
  qiskit: 'a Qiskit DensityMatrix / Operator repr',
  savetxt: 'numpy savetxt output',
  julia: 'a Julia matrix',
};

const withFormat = (rows: string[][] | null, format: MatrixFormat): Rows => (rows ? { rows, format } : { problem: 'the brackets [ ] do not match' });

/** QuTiP's header line(s) and `Qobj data =`, then numpy's print of the data. */
function qutipRows(s: string): Rows | null {
  const head = /^Quantum object:[^\n]*\n(?:\s*Qobj data\s*=[ \t]*\n)?/.exec(s);
  if (!head) return null;
  const body = s.slice(head[0].length).trim();
  if (!body.startsWith('[')) return { problem: 'the QuTiP printout has no data array [[…]] after its header' };
  return withFormat(numpyRows(body), 'qutip');
}

/** Qiskit's `DensityMatrix(…, dims=…)` / `Operator(…, input_dims=…, output_dims=…)` reprs. */
function qiskitRows(s: string): Rows | null {
  const head = /^(?:DensityMatrix|Operator)\s*\(/.exec(s);
  if (!head) return null;
  if (!s.endsWith(')')) return { problem: 'the parentheses ( ) of the Qiskit repr do not match' };
  const body = s
    .slice(head[0].length, -1)
    .replace(/,\s*(?:input_dims|output_dims|dims)\s*=\s*(?:\([^)]*\)|\[[^\]]*\]|\w+)\s*/g, '')
    .trim();
  return withFormat(numpyRows(body), 'qiskit');
}

/** np.savetxt of a complex array: parenthesised cells `(re+imj)`, one row per line. */
function savetxtRows(s: string): Rows | null {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  if (!/j\s*\)/.test(s) || !lines.every((l) => /^\s*(?:\([^()]*\)\s*[,;\t ]?\s*)+$/.test(l))) return null;
  return { rows: lines.map((l) => Array.from(l.matchAll(/\(([^()]*)\)/g), (m) => m[1].trim())), format: 'savetxt' };
}

/** Julia's REPL display (`4×4 Matrix{ComplexF64}:` then rows) and typed literals `ComplexF64[…]`. */
function juliaRows(s: string): Rows | null {
  const head = /^\d+\s*×\s*\d+\s[^\n]*:[ \t]*\n/.exec(s);
  if (head) return { rows: matlabRows(s.slice(head[0].length).replace(/;/g, ' ')), format: 'julia' };
  const typed = /^(?:Complex(?:F16|F32|F64)?(?:\{\w+\})?|Float(?:16|32|64)|Int(?:8|16|32|64)?|Real|Number)\s*\[/.exec(s);
  if (!typed) return null;
  if (!s.endsWith(']')) return { problem: 'the brackets [ ] do not match' };
  return { rows: matlabRows(s.slice(typed[0].length, -1)), format: 'julia' };
}

/** MATLAB's display `rho =` on its own line, then rows (after an optional `1.0e-03 *` factor). */
function matlabDisplayRows(s: string): Rows | null {
  const head = /^[\p{L}_][\p{L}\p{N}_]*\s*=[ \t]*\n/u.exec(s);
  if (!head) return null;
  let body = s.slice(head[0].length).trim();
  const factor = /^(\d+(?:\.\d*)?[eE][+-]?\d+)\s*\*[ \t]*\n/.exec(body);
  if (factor) body = body.slice(factor[0].length);
  const rows = matlabRows(body.replace(/;/g, ' '));
  return { rows: factor ? rows.map((r) => r.map((c) => `${factor[1]}*(${c})`)) : rows, format: 'matlab' };
}

/**
 * The rows of a pasted matrix as cell texts and the format recognised (see the module comment);
 * `text` is trimmed, non-empty, with ASCII minus signs. Problems name a bracket or wrapper
 * that does not close.
 */
export function readRows(text: string): Rows {
  // IPython's Out[3]: prompt; MATLAB's `...` continuation (the rest of that line is a comment)
  const s = text
    .replace(/^Out\[\d+\]:\s*/, '')
    .replace(/\.\.\.[^\n\]]*\n/g, ' ')
    .trim();
  const tool = qutipRows(s) ?? qiskitRows(s) ?? savetxtRows(s) ?? juliaRows(s) ?? matlabDisplayRows(s);
  if (tool) return tool;
  // an assignment on one line: rho = np.array(…), rho = [0.5 0; 0 0.5];
  const assigned = /^[\p{L}_][\p{L}\p{N}_]*\s*=(?!=)\s*(?=\S)/u.exec(s);
  if (assigned) {
    const body = s.slice(assigned[0].length).replace(/;\s*$/, '').trim();
    return body === '' ? { problem: `nothing after '${assigned[0].trim()}'` } : readRows(body);
  }
  const plain = plainRows(s);
  // a bracket matrix with Julia's imaginary unit `im` is Julia's (same rules as MATLAB's)
  if (!('problem' in plain) && plain.format === 'matlab' && /(?:\d|\b)im\b/.test(s)) return { ...plain, format: 'julia' };
  return plain;
}
