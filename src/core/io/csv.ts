/**
 * CSV datasets (docs/math.md §11): one state a line — d² real parts (row-major), then d²
 * imaginary parts, then the label (an integer or a class name); an optional first header line
 * (its first field is not a number) is skipped; fields separated by `,` `;` or a tab (the first
 * of tab, `;`, `,` found on the first data line). Blank lines are skipped. d = √((fields − 1)/2).
 * Pure; accepts a string or UTF-8 bytes; reports progress through an optional callback.
 */
import { checkDim, DatasetError, MAX_DATASET_DIM, type ProgressCallback, type RawDataset } from './dataset';

/** The widths a CSV line may have: 2d² + 1 fields for d = 2ⁿ, n = 1..6 (9, 33, 129, 513, 2049, 8193). */
export const CSV_WIDTHS = Array.from({ length: Math.log2(MAX_DATASET_DIM) }, (_, k) => 2 * 4 ** (k + 1) + 1);

/** Words for a line of the wrong width: the width found and the widths allowed, by qubit count. */
export function csvWidthProblem(width: number, sep: string): string {
  const sepName = sep === '\t' ? 'tab' : `"${sep}"`;
  const allowed = CSV_WIDTHS.map((w, k) => `${w} (${k + 1} qubit${k ? 's' : ''})`).join(', ');
  return `expected 2d² + 1 fields for a state of n qubits (d = 2ⁿ: d² real parts, d² imaginary parts, the label), i.e. ${allowed}; found ${width} field${width === 1 ? '' : 's'} separated by ${sepName}`;
}

/** Parse a CSV dataset; a DatasetError names the line (1-based) and column of a bad field. */
export function readCsvDataset(input: string | Uint8Array, onProgress?: ProgressCallback): RawDataset {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const lines = text.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first === lines.length) throw new DatasetError('csv', 'the file is empty');
  const sepOf = (line: string) => (line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',');
  const headerFields = lines[first].split(sepOf(lines[first]));
  if (!Number.isFinite(Number(headerFields[0].trim())) || headerFields[0].trim() === '') first++;
  let start = first;
  while (start < lines.length && lines[start].trim() === '') start++;
  if (start === lines.length) throw new DatasetError('csv', 'no data lines after the header');
  const sep = sepOf(lines[start]);
  const width = lines[start].split(sep).length;
  const d = Math.round(Math.sqrt((width - 1) / 2));
  if (2 * d * d + 1 !== width || d < 2 || d > MAX_DATASET_DIM || (d & (d - 1)) !== 0)
    throw new DatasetError(`csv line ${start + 1}`, csvWidthProblem(width, sep));
  checkDim(`csv line ${start + 1}`, d);
  const stride = 2 * d * d;
  let cap = Math.max(16, lines.length - start);
  let packed = new Float64Array(cap * stride);
  const labels: (number | string)[] = [];
  const every = Math.max(1, Math.floor(lines.length / 50));
  let n = 0;
  for (let L = start; L < lines.length; L++) {
    if (onProgress && L % every === 0) onProgress(L / lines.length);
    const line = lines[L];
    if (line.trim() === '') continue;
    const f = line.split(sep);
    if (f.length !== width) throw new DatasetError(`csv line ${L + 1}`, `expected ${width} fields like line ${start + 1}, got ${f.length}`);
    if (n === cap) {
      cap *= 2;
      const grown = new Float64Array(cap * stride);
      grown.set(packed);
      packed = grown;
    }
    const o = n * stride;
    for (let c = 0; c < stride; c++) {
      const s = f[c];
      const v = Number(s);
      // Number('') and Number(' ') are 0: only a zero needs the blank test
      if (!Number.isFinite(v) || (v === 0 && s.trim() === ''))
        throw new DatasetError(`csv line ${L + 1} column ${c + 1}`, `not a finite number: ${JSON.stringify(s.slice(0, 20))}`);
      packed[o + c] = v;
    }
    const lab = f[stride].trim().replace(/^"(.*)"$/, '$1');
    const num = Number(lab);
    labels.push(lab !== '' && Number.isFinite(num) ? num : lab);
    n++;
  }
  onProgress?.(1);
  return { format: 'csv', d, n, packed: packed.subarray(0, n * stride), labels };
}

/** The CSV text of a packed dataset (the inverse of readCsvDataset, with a header line). */
export function writeCsvDataset(d: number, packed: Float64Array, labels: (number | string)[]): string {
  const D2 = d * d;
  const head = [
    ...Array.from({ length: D2 }, (_, k) => `re${Math.floor(k / d)}${k % d}`),
    ...Array.from({ length: D2 }, (_, k) => `im${Math.floor(k / d)}${k % d}`),
    'label',
  ];
  const out = [head.join(',')];
  for (let i = 0; i < labels.length; i++) out.push(`${[...packed.subarray(i * 2 * D2, (i + 1) * 2 * D2)].join(',')},${labels[i]}`);
  return `${out.join('\n')}\n`;
}
