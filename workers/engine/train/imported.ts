/**
 * Labelled datasets imported into the worker (docs/math.md §11): the file's bytes are read and
 * checked here (readDataset: every state by the §10 rule), the checked dataset stays in the
 * worker under an id, and a train request naming that id trains on a seeded, stratified split
 * of it (splitDataset, test share IMPORT_TEST_SHARE, the request's seed).
 */
import { type Dataset, type DatasetSummary, splitDataset, stateAt } from '../../../src/core/io/dataset';
import { readDataset } from '../../../src/core/io/readDataset';
import { sha256Hex } from '../../../src/core/io/runCard';
import { packState } from '../../../src/core/hqrn/packing';
import type { Split, TaskData } from './data';

/** Share of each class that goes to the test set. */
export const IMPORT_TEST_SHARE = 0.2;
/** Largest d trained on full (non-diagonal) states: the packed path's Ω is d²×d² per block. */
export const MAX_PACKED_DIM = 16;

export interface ImportedSummary {
  /** Names the dataset in a train request (`datasetId`). */
  id: string;
  name: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  summary: DatasetSummary;
  /** States kept (file states minus refused ones). */
  kept: number;
  /** Every state diagonal (a classical distribution): trained on the analog-weights path. */
  diagonal: boolean;
  /** Why it cannot train (refused states, an unsupported d, too few states per class); absent when it can. */
  problem?: string;
  /** The first EXAMPLES kept states (as used, after the §10 check) with their class names: explorer inputs. */
  examples: { index: number; label: string; kind?: string; re: number[][]; im: number[][] }[];
}

/** How many states of an imported dataset come back as explorer inputs. */
export const EXAMPLES = 8;

function examplesOf(ds: Dataset): ImportedSummary['examples'] {
  const out: ImportedSummary['examples'] = [];
  const d = ds.d;
  for (let s = 0; s < Math.min(EXAMPLES, ds.n); s++) {
    const rho = stateAt(ds.packed, d, s);
    const rows = (a: Float64Array) => Array.from({ length: d }, (_, i) => Array.from(a.subarray(i * d, (i + 1) * d)));
    out.push({ index: ds.indices[s], label: ds.classes[ds.labels[s]], ...(ds.kinds ? { kind: ds.kinds[s] } : {}), re: rows(rho.re), im: rows(rho.im) });
  }
  return out;
}

export interface ImportedDataset {
  info: ImportedSummary;
  data: Dataset;
}

function allDiagonal(ds: Dataset): boolean {
  const d = ds.d,
    stride = 2 * d * d;
  for (let s = 0; s < ds.n; s++) {
    const o = s * stride;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) if (i !== j && (ds.packed[o + i * d + j] !== 0 || ds.packed[o + d * d + i * d + j] !== 0)) return false;
  }
  return true;
}

/** Why `ds` cannot train in the studio, or undefined. */
function trainProblem(ds: Dataset, diagonal: boolean): string | undefined {
  const s = ds.summary;
  if (!ds.ok)
    return `${s.refused.count} of ${s.n} states are not density matrices within the tolerance (first: state ${s.refused.first[0]?.index}: ${s.refused.first[0]?.problem}). Fix them, or write their nearest states with the command line (hqrn … --nearest-state) and import that file.`;
  if (!diagonal && ds.d > MAX_PACKED_DIM)
    return `d = ${ds.d} with non-diagonal states is not supported in the studio (the quantum path needs a d²×d² matrix per block); full states train up to d = ${MAX_PACKED_DIM} (4 qubits), diagonal ones up to d = 64.`;
  const thin = s.classes.filter((c) => Math.round(IMPORT_TEST_SHARE * c.count) < 1 || c.count - Math.round(IMPORT_TEST_SHARE * c.count) < 1);
  if (thin.length) return `class ${thin.map((c) => JSON.stringify(c.name)).join(', ')} has too few states for a train / test split (at least 3 each).`;
  return undefined;
}

/**
 * Read, check and summarise a dataset file; `id` names it. A states .npy needs `labels` (its
 * labels .npy); the SHA-256 is then that of the states bytes followed by the labels bytes, and the
 * name is "STATES + LABELS". Errors: DatasetError (file-level).
 */
export async function importDataset(
  id: string,
  name: string,
  bytes: Uint8Array,
  onProgress?: (f: number) => void,
  labels?: { name: string; bytes: Uint8Array },
): Promise<ImportedDataset> {
  let hashed = bytes;
  if (labels) {
    hashed = new Uint8Array(bytes.length + labels.bytes.length);
    hashed.set(bytes);
    hashed.set(labels.bytes, bytes.length);
  }
  const sha256 = await sha256Hex(hashed);
  const data = await readDataset(name, bytes, { onProgress, ...(labels ? { labels: labels.bytes } : {}) });
  if (labels) name = `${name} + ${labels.name}`;
  const diagonal = allDiagonal(data);
  const problem = trainProblem(data, diagonal);
  return { data, info: { id, name, sha256, summary: data.summary, kept: data.n, diagonal, examples: examplesOf(data), ...(problem ? { problem } : {}) } };
}

function toSplit(ds: Dataset, packed: boolean): Split {
  const d = ds.d,
    D = d * d,
    n = ds.n;
  const x = new Float64Array(n * d);
  const v = packed ? new Float64Array(n * D) : undefined;
  for (let s = 0; s < n; s++) {
    const rho = stateAt(ds.packed, d, s);
    for (let i = 0; i < d; i++) x[s * d + i] = rho.re[i * d + i];
    if (v) packState(rho, v, s * D);
  }
  return { n, x, ...(v ? { v } : {}), labels: Int32Array.from(ds.labels), ...(ds.kinds ? { kinds: ds.kinds } : {}) };
}

/** The training data of an imported dataset: its seeded stratified split (test share 0.2). */
export function importedTaskData(imp: ImportedDataset, seed: number): TaskData {
  if (imp.info.problem) throw new Error(`train: dataset ${imp.info.name} cannot train: ${imp.info.problem}`);
  const { train, test } = splitDataset(imp.data, IMPORT_TEST_SHARE, seed);
  const packed = !imp.info.diagonal;
  return {
    d: imp.data.d,
    nQubits: imp.data.nQubits,
    classes: imp.data.classes,
    diagonal: imp.info.diagonal,
    train: toSplit(train, packed),
    test: toSplit(test, packed),
  };
}
