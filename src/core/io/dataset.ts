/**
 * Labelled datasets of density matrices (docs/math.md §11): the checks every format shares.
 * The format readers (jsonDataset.ts, numpyDataset.ts, csv.ts) produce a RawDataset; checkDataset
 * runs the §10 tolerance and nearest-state rule on every state (checkState of
 * states/nearestState.ts), maps the labels to class indices and writes a summary. A refused state
 * is never dropped silently: it is listed (index and problem) and the dataset is `ok: false` —
 * the caller decides (the CLI refuses the file unless --nearest-state or --skip-refused).
 *
 * States are packed as in hqrn/fit.ts: per state 2d² float64 numbers, Re ρ row-major then Im ρ.
 * Pure functions, no node imports (used by the CLI, the studio and Web Workers).
 */
import type { CMat } from '../math/complex';
import { makeRng, seededPermutation } from '../math/rng';
import { checkState, NEAREST_STATE_REPORT_THRESHOLD, sig4 } from '../states/nearestState';
import { certainlyUnchanged, shiftedNearest } from './stateCertificate';

export { certainlyUnchanged, shiftedNearest } from './stateCertificate';

/** Largest dimension of a dataset's states (d = 2ⁿ ≤ 64, docs/math.md §11). */
export const MAX_DATASET_DIM = 64;

export class DatasetError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'DatasetError';
  }
}

export type DatasetFormat = 'json' | 'npz' | 'npy' | 'csv';

/** Called with the fraction done (0..1) now and then while a large file is read. */
export type ProgressCallback = (fraction: number) => void;

/** A dataset as a format reader found it, before any check. */
export interface RawDataset {
  format: DatasetFormat;
  d: number;
  n: number;
  /** n × 2d² numbers: per state Re ρ (row-major) then Im ρ. */
  packed: Float64Array;
  /** Per state: a class index (integer) or a class name. */
  labels: (number | string)[];
  classes?: string[];
  kinds?: string[];
}

export interface DatasetSummary {
  format: DatasetFormat;
  /** States in the file. */
  n: number;
  d: number;
  nQubits: number;
  classes: { name: string; count: number }[];
  /** States used as their nearest state (trace distance > 1e-12), the largest distance. */
  repaired: { count: number; maxTraceDistance: number };
  /** States outside the tolerance (or without a projection): count and the first ≤ 10. */
  refused: { count: number; first: { index: number; problem: string }[] };
  /** Kinds and their counts, when the file names them. */
  kinds?: Record<string, number>;
}

/** A checked dataset: the states used (refused ones left out but listed), labels as indices. */
export interface Dataset {
  d: number;
  nQubits: number;
  /** States kept (n = summary.n − summary.refused.count). */
  n: number;
  packed: Float64Array;
  labels: number[];
  classes: string[];
  kinds?: string[];
  /** Index in the file of each kept state. */
  indices: number[];
  summary: DatasetSummary;
  /** No refused state. */
  ok: boolean;
}

export interface DatasetCheckOptions {
  /** Use the nearest state of any finite matrix, even outside the tolerance (--nearest-state). */
  nearestState?: boolean;
  onProgress?: ProgressCallback;
}

/** Default class names (docs/math.md §11). */
export function defaultClasses(d: number, count: number): string[] {
  if (d === 4 && count === 2) return ['separable', 'entangled'];
  if (d === 64 && count === 10) return Array.from({ length: 10 }, (_, k) => String(k));
  return Array.from({ length: count }, (_, k) => `class ${k}`);
}

/** 2ⁿ = d with 2 ≤ d ≤ 64, or a DatasetError naming `field`. */
export function checkDim(field: string, d: number): number {
  if (!Number.isInteger(d) || d < 2 || d > MAX_DATASET_DIM || (d & (d - 1)) !== 0)
    throw new DatasetError(field, `the states must be d×d with d = 2ⁿ between 2 and ${MAX_DATASET_DIM}, got d = ${d}`);
  return Math.round(Math.log2(d));
}

/**
 * Class indices of the labels and the class names: `classes` from the file (index order); else,
 * for class-name labels, the default classes when they contain every name, otherwise the names
 * sorted (numeric-aware); for integer labels the default classes 0..max.
 */
function mapLabels(raw: RawDataset): { labels: number[]; classes: string[] } {
  const named = raw.labels.some((l) => typeof l === 'string');
  let classes = raw.classes;
  if (classes) {
    if (new Set(classes).size !== classes.length) throw new DatasetError('classes', 'class names must be distinct');
  } else if (named) {
    const names = [...new Set(raw.labels.filter((l): l is string => typeof l === 'string'))];
    const candidates = [defaultClasses(raw.d, 2), defaultClasses(raw.d, 10)];
    classes = candidates.find((c) => names.every((s) => c.includes(s))) ?? names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } else {
    let max = 0;
    for (const l of raw.labels) if (typeof l === 'number' && l > max) max = l;
    classes = defaultClasses(raw.d, Math.max(2, max + 1));
  }
  const index = new Map(classes.map((c, k) => [c, k]));
  const labels = raw.labels.map((l, i) => {
    if (typeof l === 'string') {
      const k = index.get(l);
      if (k === undefined) throw new DatasetError(`labels[${i}]`, `unknown class ${JSON.stringify(l)} (classes: ${classes!.join(', ')})`);
      return k;
    }
    if (!Number.isInteger(l) || l < 0 || l >= classes!.length)
      throw new DatasetError(`labels[${i}]`, `must be an integer in 0..${classes!.length - 1} or a class name, got ${l}`);
    return l;
  });
  return { labels, classes };
}

/** The d×d matrix of state i of a packed array (views, no copy). */
export function stateAt(packed: Float64Array, d: number, i: number): CMat {
  const D2 = d * d,
    o = 2 * D2 * i;
  return { rows: d, cols: d, re: packed.subarray(o, o + D2), im: packed.subarray(o + D2, o + 2 * D2) };
}

/**
 * Check every state of a raw dataset by docs/math.md §10 (checkState: within 1e-6 of Hermitian,
 * trace 1, PSD → its nearest state; outside → refused, or projected with `nearestState`),
 * map the labels to class indices and summarise. Throws DatasetError for a file-level problem
 * (label count, unknown class, dimension); state-level problems go to summary.refused.
 */
export function checkDataset(raw: RawDataset, opts: DatasetCheckOptions = {}): Dataset {
  const { d, n } = raw;
  const nQubits = checkDim('states', d);
  if (n === 0) throw new DatasetError('states', 'the dataset has no states');
  if (raw.labels.length !== n) throw new DatasetError('labels', `expected ${n} labels (one per state), got ${raw.labels.length}`);
  if (raw.kinds && raw.kinds.length !== n) throw new DatasetError('kinds', `expected ${n} kinds (one per state), got ${raw.kinds.length}`);
  const { labels, classes } = mapLabels(raw);
  const stride = 2 * d * d;
  const packed = new Float64Array(n * stride);
  const keptLabels: number[] = [],
    indices: number[] = [],
    kinds: string[] = [];
  const refusedFirst: { index: number; problem: string }[] = [];
  let refused = 0,
    repaired = 0,
    maxTd = 0,
    kept = 0;
  const every = Math.max(1, Math.floor(n / 50));
  for (let i = 0; i < n; i++) {
    if (opts.onProgress && i % every === 0) opts.onProgress(i / n);
    const entered = stateAt(raw.packed, d, i);
    if (certainlyUnchanged(entered)) {
      packed.set(raw.packed.subarray(i * stride, (i + 1) * stride), kept * stride);
      keptLabels.push(labels[i]);
      indices.push(i);
      if (raw.kinds) kinds.push(raw.kinds[i]);
      kept++;
      continue;
    }
    // rounded numbers: H − θI without the eigensolver when no eigenvalue is clipped; else the full rule
    const shifted = shiftedNearest(entered);
    const check = shifted ? undefined : checkState(entered);
    let rho: CMat | undefined,
      td = 0;
    if (shifted) (rho = shifted.rho), (td = shifted.traceDistance);
    else if (check!.ok) (rho = check!.rho), (td = check!.traceDistance);
    else if (opts.nearestState && check!.nearest) (rho = check!.nearest.rho), (td = check!.nearest.traceDistance);
    if (!rho) {
      refused++;
      if (refusedFirst.length < 10) {
        const offer =
          check && !check.ok && check.nearest ? `; the nearest state is at trace distance ${sig4(check.nearest.traceDistance)} (--nearest-state uses it)` : '';
        refusedFirst.push({ index: i, problem: (check && !check.ok ? check.problem : '') + offer });
      }
      continue;
    }
    if (td > NEAREST_STATE_REPORT_THRESHOLD) {
      repaired++;
      if (td > maxTd) maxTd = td;
    }
    packed.set(rho.re, kept * stride);
    packed.set(rho.im, kept * stride + d * d);
    keptLabels.push(labels[i]);
    indices.push(i);
    if (raw.kinds) kinds.push(raw.kinds[i]);
    kept++;
  }
  opts.onProgress?.(1);
  const counts = classes.map(() => 0);
  for (const l of keptLabels) counts[l]++;
  const summary: DatasetSummary = {
    format: raw.format,
    n,
    d,
    nQubits,
    classes: classes.map((name, k) => ({ name, count: counts[k] })),
    repaired: { count: repaired, maxTraceDistance: maxTd },
    refused: { count: refused, first: refusedFirst },
  };
  if (raw.kinds) {
    const kc: Record<string, number> = {};
    for (const k of kinds) kc[k] = (kc[k] ?? 0) + 1;
    summary.kinds = kc;
  }
  return {
    d,
    nQubits,
    n: kept,
    packed: kept === n ? packed : packed.slice(0, kept * stride),
    labels: keptLabels,
    classes,
    ...(raw.kinds ? { kinds } : {}),
    indices,
    summary,
    ok: refused === 0,
  };
}

/** The rows `rows` of a dataset as a new dataset (summary kept from the parent). */
export function subset(ds: Dataset, rows: number[]): Dataset {
  const stride = 2 * ds.d * ds.d;
  const packed = new Float64Array(rows.length * stride);
  rows.forEach((r, k) => packed.set(ds.packed.subarray(r * stride, (r + 1) * stride), k * stride));
  return {
    ...ds,
    n: rows.length,
    packed,
    labels: rows.map((r) => ds.labels[r]),
    ...(ds.kinds ? { kinds: rows.map((r) => ds.kinds![r]) } : {}),
    indices: rows.map((r) => ds.indices[r]),
  };
}

/**
 * A seeded, stratified train / test split: within each class, a seeded permutation
 * (makeRng(seed)) and round(testShare · count) states go to the test set. Same seed, same split.
 * testShare must be in (0, 1).
 */
export function splitDataset(ds: Dataset, testShare: number, seed: number): { train: Dataset; test: Dataset } {
  if (!(testShare > 0 && testShare < 1)) throw new DatasetError('test-share', `must be a number in (0, 1), got ${testShare}`);
  const rng = makeRng(seed);
  const train: number[] = [],
    test: number[] = [];
  ds.classes.forEach((_, c) => {
    const rows = ds.labels.map((l, i) => (l === c ? i : -1)).filter((i) => i >= 0);
    const perm = seededPermutation(rows.length, rng);
    const nTest = Math.round(testShare * rows.length);
    perm.forEach((p, k) => (k < nTest ? test : train).push(rows[p]));
  });
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  return { train: subset(ds, train), test: subset(ds, test) };
}
