/**
 * Training data for the two tasks of docs/math.md §7, in the layouts the training loop needs:
 * the classical path sees diagonals x (n×d), the quantum path packed states v (n×d², see
 * src/core/hqrn/qrb.ts) — built for entanglement only: digit inputs are diagonal, so their packed
 * states are [x, 0] and the quantum path on them is exactly the analog-weights path (§3).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainRequest } from '../../../src/protocol/messages';
import { DIGITS_TRAIN, digitsDataset } from '../../../src/core/states/digits';
import { type EntanglementKind, entanglementDataset } from '../../../src/core/states/entanglement';
import { packState } from '../../../src/core/hqrn/qrb';
import type { TrainHooks } from './control';
import { type ImportedDataset, importedTaskData } from './imported';

export const ENTANGLEMENT_DEFAULTS = { train: 1300, test: 5000, adversarialShare: 0.5 };
export const DIGITS_DEFAULTS = { train: DIGITS_TRAIN, test: 4000 };
/** Test-set seed offset for the entanglement task (the train set uses req.seed). */
export const TEST_SEED_OFFSET = 1_000_003;

export interface Split {
  n: number;
  /** n×d diagonals (classical-path inputs), float64. */
  x: Float64Array;
  /** n×d² packed states (quantum-path inputs), float64; absent for digits (diagonal inputs). */
  v?: Float64Array;
  labels: Int32Array;
  /** The kind of each state (entanglement: EntanglementKind, for adversarial-subset accuracy; an imported dataset's `kinds`). */
  kinds?: (EntanglementKind | string)[];
}

export interface TaskData {
  d: number;
  nQubits: number;
  classes: (string | number)[];
  /** True when every input is diagonal (digits): quantum path = analog-weights path. */
  diagonal: boolean;
  train: Split;
  test: Split;
}

function entanglementSplit(seed: number, n: number, adversarialShare: number): Split {
  const ds = entanglementDataset({ seed, n, adversarialShare });
  const d = 4,
    D = 16;
  const x = new Float64Array(n * d),
    v = new Float64Array(n * D);
  ds.states.forEach((rho, s) => {
    for (let i = 0; i < d; i++) x[s * d + i] = rho.re[i * d + i];
    packState(rho, v, s * D);
  });
  return { n, x, v, labels: Int32Array.from(ds.labels), kinds: ds.kinds };
}

/** Rows [from, to) of a split. */
export function sliceSplit(s: Split, from: number, to: number, d: number): Split {
  const D = d * d;
  return {
    n: to - from,
    x: s.x.slice(from * d, to * d),
    ...(s.v ? { v: s.v.slice(from * D, to * D) } : {}),
    labels: s.labels.slice(from, to),
    ...(s.kinds ? { kinds: s.kinds.slice(from, to) } : {}),
  };
}

/**
 * Load / generate the task's train and test sets (seeded by req.seed). With
 * req.validationSize = m > 0 the last m training rows become the evaluation split (returned
 * as `test`) and the rest the training split: the test set is not generated or loaded.
 */
export async function loadTaskData(req: TrainRequest, hooks: Pick<TrainHooks, 'loadDigits' | 'dataset'>): Promise<TaskData> {
  const data = await loadFullTaskData(req, hooks);
  const m = req.validationSize ?? 0;
  if (!m) return data;
  const n = data.train.n;
  if (!(Number.isInteger(m) && m > 0 && m < n)) throw new Error(`train: validationSize must be an integer in [0, ${n - 1}], got ${m}`);
  return { ...data, train: sliceSplit(data.train, 0, n - m, data.d), test: sliceSplit(data.train, n - m, n, data.d) };
}

async function loadFullTaskData(req: TrainRequest, hooks: Pick<TrainHooks, 'loadDigits' | 'dataset'>): Promise<TaskData> {
  const validating = (req.validationSize ?? 0) > 0;
  if (req.datasetId !== undefined) {
    const imp: ImportedDataset | undefined = hooks.dataset?.(req.datasetId);
    if (!imp) throw new Error(`train: no imported dataset ${JSON.stringify(req.datasetId)} in this engine (import the file again)`);
    return importedTaskData(imp, req.seed);
  }
  if (req.task === 'entanglement') {
    const share = req.adversarialShare ?? ENTANGLEMENT_DEFAULTS.adversarialShare;
    return {
      d: 4,
      nQubits: 2,
      classes: ['separable', 'entangled'],
      diagonal: false,
      train: entanglementSplit(req.seed, req.trainSize ?? ENTANGLEMENT_DEFAULTS.train, share),
      // Validation runs never generate the test set (placeholder: no rows).
      test: validating ? emptySplit(16) : entanglementSplit(req.seed + TEST_SEED_OFFSET, req.testSize ?? ENTANGLEMENT_DEFAULTS.test, share),
    };
  }
  const set = await hooks.loadDigits();
  const nTrain = req.trainSize ?? DIGITS_DEFAULTS.train;
  // The split cut stays at 6,000 (the paper's) unless more training digits are asked for.
  const cut = Math.max(DIGITS_TRAIN, nTrain);
  const tr = digitsDataset(set, { seed: req.seed, n: nTrain, split: 'train', trainSize: cut });
  const split = (ds: typeof tr): Split => ({ n: ds.labels.length, x: ds.inputs, labels: Int32Array.from(ds.labels) });
  const test = validating
    ? { n: 0, x: new Float64Array(0), labels: new Int32Array(0) }
    : split(digitsDataset(set, { seed: req.seed, n: req.testSize ?? DIGITS_DEFAULTS.test, split: 'test', trainSize: cut }));
  return { d: 64, nQubits: 6, classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], diagonal: true, train: split(tr), test };
}

function emptySplit(D: number): Split {
  return { n: 0, x: new Float64Array(0), v: new Float64Array(D * 0), labels: new Int32Array(0), kinds: [] };
}

/** The tensors of one split: quantum-path input (packed or diagonal), classical input, one-hot labels. */
export interface SplitTensors {
  n: number;
  /** n×d diagonals. */
  x: tf.Tensor2D;
  /** n×d² packed states (entanglement) or n×d diagonals (digits, same tensor as x). */
  v: tf.Tensor2D;
  /** n×C one-hot labels. */
  y: tf.Tensor2D;
}

export function splitTensors(s: Split, d: number, classes: number): SplitTensors {
  const x = tf.tensor2d(Float32Array.from(s.x), [s.n, d]);
  const v = s.v ? tf.tensor2d(Float32Array.from(s.v), [s.n, d * d]) : x;
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(s.labels, 'int32'), classes), 'float32') as tf.Tensor2D);
  return { n: s.n, x, v, y };
}

export function disposeSplit(t: SplitTensors): void {
  t.x.dispose();
  if (t.v !== t.x) t.v.dispose();
  t.y.dispose();
}

export interface AdversarialAccuracy {
  dephased: number;
  marginal: number;
  all: number;
}

export function accuracy(pred: ArrayLike<number>, labels: ArrayLike<number>): number {
  let ok = 0;
  for (let i = 0; i < labels.length; i++) if (pred[i] === labels[i]) ok++;
  return labels.length ? ok / labels.length : 0;
}

/** Accuracy on the adversarial partners of an entanglement split (NaN for an empty subset). */
export function adversarialAccuracy(pred: ArrayLike<number>, s: Split): AdversarialAccuracy | undefined {
  if (!s.kinds) return undefined;
  const c = { dephased: [0, 0], marginal: [0, 0] };
  s.kinds.forEach((k, i) => {
    const bucket = k === 'dephased-partner' ? c.dephased : k === 'marginal-partner' ? c.marginal : null;
    if (!bucket) return;
    bucket[1]++;
    if (pred[i] === s.labels[i]) bucket[0]++;
  });
  return {
    dephased: c.dephased[0] / c.dephased[1],
    marginal: c.marginal[0] / c.marginal[1],
    all: (c.dephased[0] + c.marginal[0]) / (c.dephased[1] + c.marginal[1]),
  };
}
