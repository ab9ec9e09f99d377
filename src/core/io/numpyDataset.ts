/**
 * NumPy datasets (docs/math.md §11): a .npz holding `states` (N, d, d) complex64 / complex128 or
 * real float32 / float64, `labels` (N,) integers (or strings), optional `classes` (N_c strings) and
 * `kinds` (N strings); or a .npy of states with a second .npy of labels. Both byte orders and
 * C / Fortran order (npy.ts). Async because deflated .npz entries are inflated by a stream.
 */
import { checkDim, DatasetError, type RawDataset } from './dataset';
import { type NpyArray, NpyError, readNpy } from './npy';
import { readZip, ZipError } from './zip';

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NpyError) throw new DatasetError(e.field, e.problem);
    throw e;
  }
}

function statesFrom(a: NpyArray, field: string): { d: number; n: number; packed: Float64Array } {
  if (a.shape.length !== 3 || a.shape[1] !== a.shape[2]) throw new DatasetError(field, `expected shape (N, d, d), got (${a.shape.join(', ')})`);
  if (a.kind !== 'complex' && a.kind !== 'real') throw new DatasetError(field, `expected complex64/128 or float32/64 states, got dtype ${a.descr}`);
  const [n, d] = a.shape;
  checkDim(field, d);
  const D2 = d * d;
  const packed = new Float64Array(n * 2 * D2);
  for (let s = 0; s < n; s++) {
    packed.set(a.re!.subarray(s * D2, (s + 1) * D2), 2 * D2 * s);
    if (a.im) packed.set(a.im.subarray(s * D2, (s + 1) * D2), 2 * D2 * s + D2);
  }
  return { d, n, packed };
}

function labelsFrom(a: NpyArray, field: string): (number | string)[] {
  if (a.shape.length !== 1) throw new DatasetError(field, `expected shape (N,), got (${a.shape.join(', ')})`);
  if (a.kind === 'string') return a.strings!;
  if (a.kind === 'complex') throw new DatasetError(field, `labels must be integers or strings, got dtype ${a.descr}`);
  return Array.from(a.re!);
}

function stringsFrom(a: NpyArray | undefined, field: string): string[] | undefined {
  if (!a) return undefined;
  if (a.kind !== 'string' || a.shape.length !== 1)
    throw new DatasetError(field, `expected a 1-D array of strings, got dtype ${a.descr} shape (${a.shape.join(', ')})`);
  return a.strings;
}

/** A .npz dataset (see the module comment). */
export async function readNpzDataset(bytes: Uint8Array): Promise<RawDataset> {
  let files: Map<string, Uint8Array>;
  try {
    files = await readZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw new DatasetError('npz', e.message);
    throw e;
  }
  const get = (name: string) => {
    const b = files.get(`${name}.npy`);
    return b ? wrap(() => readNpy(b, `${name}.npy`)) : undefined;
  };
  const st = get('states');
  if (!st) throw new DatasetError('npz', `no "states" array (found: ${[...files.keys()].join(', ') || 'nothing'}); save with np.savez(f, states=…, labels=…)`);
  const lab = get('labels');
  if (!lab) throw new DatasetError('npz', 'no "labels" array; save with np.savez(f, states=…, labels=…)');
  const s = statesFrom(st, 'states.npy');
  return {
    format: 'npz',
    ...s,
    labels: labelsFrom(lab, 'labels.npy'),
    classes: stringsFrom(get('classes'), 'classes.npy'),
    kinds: stringsFrom(get('kinds'), 'kinds.npy'),
  };
}

/** A .npy of states and a .npy of labels. */
export function readNpyDataset(states: Uint8Array, labels: Uint8Array): RawDataset {
  const s = statesFrom(
    wrap(() => readNpy(states, 'states')),
    'states',
  );
  return {
    format: 'npy',
    ...s,
    labels: labelsFrom(
      wrap(() => readNpy(labels, 'labels')),
      'labels',
    ),
  };
}
