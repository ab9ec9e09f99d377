/**
 * Training and test data of `hqrn train / evaluate / sweep`: a dataset file (any format of
 * docs/math.md §11, read by core/io/readDataset.ts with its summary and SHA-256) or a built-in
 * task's seeded §7 generator (entanglement: train seed K, test seed K + 1,000,003 as the
 * engine; digits: the seeded 6,000 / 4,000 split of the shipped MNIST digits).
 */
import { type CMat, diagonalMatrix } from '../core/math/complex';
import { type Dataset, DatasetError, splitDataset } from '../core/io/dataset';
import { readDataset } from '../core/io/readDataset';
import { sha256Hex } from '../core/io/runCard';
import { entanglementDataset } from '../core/states/entanglement';
import { DIGIT_DIM, digitsDataset } from '../core/states/digits';
import { packComplex } from '../core/hqrn/fit';
import { readBytes, UsageError } from './args';
import { loadDigitSet } from './digitsData';

/** Seed offset of a built-in task's test set (the engine's TEST_SEED_OFFSET, workers/engine/train/data.ts). */
export const TEST_SEED_OFFSET = 1_000_003;

export type Task = 'entanglement' | 'digits';

/** The run card's description of a data source (docs/math.md §11). */
export interface DataInfo {
  source: 'generator' | 'file' | 'split';
  name: string;
  sha256: string | null;
  n: number;
  generatorSeed?: number;
}

export interface LoadedData {
  dataset: Dataset;
  info: DataInfo;
}

/** Read a dataset file; refused states fail the load (exit 2) unless skipRefused (then reported). */
export async function loadDataFile(
  flag: string,
  path: string,
  opts: { labels?: string; nearestState?: boolean; skipRefused?: boolean; progress?: (f: number) => void },
): Promise<LoadedData> {
  const bytes = readBytes(flag, path);
  const labels = opts.labels !== undefined ? readBytes('labels', opts.labels) : undefined;
  let dataset: Dataset;
  try {
    dataset = await readDataset(path, bytes, { labels, nearestState: opts.nearestState, onProgress: opts.progress });
  } catch (e) {
    if (e instanceof DatasetError) throw new UsageError(`--${flag} ${e.field}: ${e.problem}`);
    throw e;
  }
  if (!dataset.ok && !opts.skipRefused) {
    const f = dataset.summary.refused.first[0];
    throw new UsageError(
      `--${flag} states[${f.index}]: ${f.problem} (${dataset.summary.refused.count} of ${dataset.summary.n} states refused; --skip-refused leaves them out, reported)`,
    );
  }
  const sha = await sha256Hex(labels ? concat(bytes, labels) : bytes);
  return { dataset, info: { source: 'file', name: path, sha256: sha, n: dataset.n } };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function packed(states: CMat[]): Float64Array {
  const d = states[0].rows,
    stride = 2 * d * d;
  const v = new Float64Array(states.length * stride);
  states.forEach((s, i) => packComplex(s, v, i * stride));
  return v;
}

function datasetOf(d: number, v: Float64Array, labels: number[], classes: string[], kinds?: string[]): Dataset {
  const n = labels.length;
  const counts = classes.map((_, k) => labels.filter((l) => l === k).length);
  return {
    d,
    nQubits: Math.round(Math.log2(d)),
    n,
    packed: v,
    labels,
    classes,
    ...(kinds ? { kinds } : {}),
    indices: labels.map((_, i) => i),
    ok: true,
    summary: {
      format: 'json',
      n,
      d,
      nQubits: Math.round(Math.log2(d)),
      classes: classes.map((name, k) => ({ name, count: counts[k] })),
      repaired: { count: 0, maxTraceDistance: 0 },
      refused: { count: 0, first: [] },
    },
  };
}

/** A built-in task's split (docs/math.md §7), generated from the seed. */
export function taskData(task: Task, split: 'train' | 'test', seed: number, n: number, adversarialShare = 0.5): LoadedData {
  if (task === 'entanglement') {
    const s = split === 'train' ? seed : seed + TEST_SEED_OFFSET;
    const ds = entanglementDataset({ seed: s, n, adversarialShare });
    return {
      dataset: datasetOf(4, packed(ds.states), ds.labels, ['separable', 'entangled'], ds.kinds),
      info: { source: 'generator', name: `entanglement ${split}`, sha256: null, n, generatorSeed: s },
    };
  }
  const ds = digitsDataset(loadDigitSet(), { seed, n, split });
  const v = new Float64Array(n * 2 * DIGIT_DIM * DIGIT_DIM);
  ds.labels.forEach((_, k) => packComplex(diagonalMatrix(ds.inputs.subarray(k * DIGIT_DIM, (k + 1) * DIGIT_DIM)), v, k * 2 * DIGIT_DIM * DIGIT_DIM));
  return {
    dataset: datasetOf(
      DIGIT_DIM,
      v,
      ds.labels,
      Array.from({ length: 10 }, (_, k) => String(k)),
    ),
    info: { source: 'generator', name: `digits ${split} (MNIST)`, sha256: null, n, generatorSeed: seed },
  };
}

/** Split a file's dataset by --test-share (seeded, stratified). */
export function shareSplit(data: LoadedData, share: number, seed: number): { train: LoadedData; test: LoadedData } {
  const { train, test } = splitDataset(data.dataset, share, seed);
  if (train.n === 0 || test.n === 0)
    throw new UsageError(`--test-share: ${share} of ${data.dataset.n} states leaves an empty ${train.n === 0 ? 'training' : 'test'} set`);
  return {
    train: { dataset: train, info: { ...data.info, n: train.n } },
    test: { dataset: test, info: { source: 'split', name: `${data.info.name} (test share ${share}, seed ${seed})`, sha256: data.info.sha256, n: test.n } },
  };
}
