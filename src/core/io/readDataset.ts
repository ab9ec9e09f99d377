/**
 * One entry point for every dataset format of docs/math.md §11: picks the reader by the file
 * name (or `format`), then checkDataset (the §10 rule on every state, summary). Pure and async.
 */
import { checkDataset, type Dataset, DatasetError, type DatasetCheckOptions, type DatasetFormat } from './dataset';
import { readCsvDataset } from './csv';
import { readJsonDataset } from './jsonDataset';
import { readNpyDataset, readNpzDataset } from './numpyDataset';

/** The format of a file by its name: .json, .npz, .npy, .csv / .tsv / .txt; undefined if unknown. */
export function datasetFormatOf(name: string): DatasetFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'npz') return 'npz';
  if (ext === 'npy') return 'npy';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return undefined;
}

export interface ReadDatasetOptions extends DatasetCheckOptions {
  /** Force a format instead of the one the name says. */
  format?: DatasetFormat;
  /** The labels .npy beside a states .npy. */
  labels?: Uint8Array;
}

/** Read and check a dataset file's bytes. Errors: DatasetError naming the field or line. */
export async function readDataset(name: string, bytes: Uint8Array, opts: ReadDatasetOptions = {}): Promise<Dataset> {
  const format = opts.format ?? datasetFormatOf(name);
  switch (format) {
    case 'json':
      return checkDataset(readJsonDataset(bytes), opts);
    case 'csv':
      return checkDataset(readCsvDataset(bytes, opts.onProgress && ((f) => opts.onProgress!(0.3 * f))), {
        ...opts,
        onProgress: opts.onProgress && ((f) => opts.onProgress!(0.3 + 0.7 * f)),
      });
    case 'npz':
      return checkDataset(await readNpzDataset(bytes), opts);
    case 'npy':
      if (!opts.labels) throw new DatasetError('labels', `a .npy of states needs its labels in a second .npy (--labels LABELS.npy)`);
      return checkDataset(readNpyDataset(bytes, opts.labels), opts);
  }
  throw new DatasetError('data', `unknown dataset format of ${JSON.stringify(name)} (expected .json, .npz, .npy or .csv)`);
}
