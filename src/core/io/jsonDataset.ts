/**
 * JSON datasets (docs/math.md §11): the hqrn-state batch of §10 (`"states": [{re, im}, …]`, the
 * `format` / `version` header optional) plus `"labels"` (integers or class names), optional
 * `"classes"` (names in index order) and `"kinds"` (a family name per state) — what
 * `hqrn dataset` writes. A single `{re, im}` state with a `"label"` is a dataset of one.
 */
import { checkDim, DatasetError, type RawDataset } from './dataset';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readMatrixInto(field: string, m: unknown, d: number, out: Float64Array, o: number): void {
  if (!isObject(m)) throw new DatasetError(field, 'must be an object {re, im}');
  (['re', 'im'] as const).forEach((part, p) => {
    const rows = m[part];
    if (!Array.isArray(rows)) throw new DatasetError(`${field}.${part}`, rows === undefined ? 'is missing' : 'must be an array of rows');
    if (rows.length !== d) throw new DatasetError(`${field}.${part}`, `expected ${d} rows, got ${rows.length}`);
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== d)
        throw new DatasetError(`${field}.${part}[${i}]`, `expected ${d} entries, got ${Array.isArray(row) ? row.length : typeof row}`);
      row.forEach((x, j) => {
        if (typeof x !== 'number' || !Number.isFinite(x))
          throw new DatasetError(`${field}.${part}[${i}][${j}]`, `must be a finite number, got ${JSON.stringify(x)}`);
        out[o + p * d * d + i * d + j] = x;
      });
    });
  });
}

function stringArray(field: string, v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new DatasetError(field, 'must be an array of strings');
  return v.map((s, i) => {
    if (typeof s !== 'string' && typeof s !== 'number') throw new DatasetError(`${field}[${i}]`, `must be a string, got ${JSON.stringify(s)}`);
    return String(s);
  });
}

/** Parse a JSON dataset (a parsed object, a string or UTF-8 bytes). */
export function readJsonDataset(input: unknown): RawDataset {
  let data = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new DatasetError('json', `not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
  }
  if (!isObject(data)) throw new DatasetError('json', 'a dataset must be an object with "states" and "labels"');
  if (data.format !== undefined && data.format !== 'hqrn-state') throw new DatasetError('format', `expected "hqrn-state", got ${JSON.stringify(data.format)}`);
  const single = data.states === undefined && data.re !== undefined;
  const states = single ? [{ re: data.re, im: data.im }] : data.states;
  if (!Array.isArray(states)) throw new DatasetError('states', states === undefined ? 'is missing' : 'must be an array of {re, im}');
  if (states.length === 0) throw new DatasetError('states', 'the dataset has no states');
  const first = states[0] as Record<string, unknown> | undefined;
  const d = isObject(first) && Array.isArray(first.re) ? first.re.length : 0;
  checkDim(single ? 're' : 'states[0].re', d);
  const stride = 2 * d * d;
  const packed = new Float64Array(states.length * stride);
  states.forEach((s, i) => readMatrixInto(single ? '' : `states[${i}]`, s, d, packed, i * stride));
  const labelsIn = single ? (data.label !== undefined ? [data.label] : data.labels) : data.labels;
  if (!Array.isArray(labelsIn))
    throw new DatasetError('labels', labelsIn === undefined ? 'is missing: a dataset needs one label per state (integers or class names)' : 'must be an array');
  const labels = labelsIn.map((l, i) => {
    if (typeof l === 'number' || typeof l === 'string') return l;
    throw new DatasetError(`labels[${i}]`, `must be an integer or a class name, got ${JSON.stringify(l)}`);
  });
  return { format: 'json', d, n: states.length, packed, labels, classes: stringArray('classes', data.classes), kinds: stringArray('kinds', data.kinds) };
}
