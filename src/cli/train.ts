/**
 * `hqrn train` (docs/math.md §11): the float64 trainer of core/hqrn/fit.ts — greedy layer-wise
 * (§6, the paper's) or end to end — on a dataset file or a built-in task's §7 generator, writing
 * the hqrn-model file (§10) with its run card. Same settings + seed → the same bytes (the run
 * card's `date` is the only field that changes; SOURCE_DATE_EPOCH or --date fixes it).
 */
import { ACTIVATIONS, type Activation } from '../core/hqrn/activation';
import { type FitSpec, fitGreedy, fitHqrn, type HqrnParams, initParams } from '../core/hqrn/fit';
import { toModelJson } from '../core/hqrn/fitModel';
import { type RunCard, runDate } from '../core/io/runCard';
import { DIGITS_REQUEST, ENTANGLEMENT_REQUEST } from '../protocol/experiments';
import { DIGITS_TRAIN } from '../core/states/digits';
import { choiceOption, intOption, numOption, UsageError } from './args';
import { type DataInfo, type LoadedData, loadDataFile, shareSplit, type Task, taskData } from './data';
import { evaluate, predictDataset } from './metrics';
import { appInfo } from './appInfo';

export const MODES = ['greedy', 'end-to-end'] as const;
export type Mode = (typeof MODES)[number];

/** Every training setting (the run card's `settings`, and the `command` that re-runs it). */
export interface TrainSettings {
  task?: Task;
  data?: string;
  labels?: string;
  test?: string;
  testLabels?: string;
  testShare?: number;
  nTrain?: number;
  nTest?: number;
  depth: number;
  alpha: number;
  activation: Activation;
  mode: Mode;
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
  nearestState: boolean;
  skipRefused: boolean;
}

export type Values = Record<string, string | boolean | undefined>;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** Settings from the command line; defaults: the app's presets (src/protocol/experiments.ts). */
export function parseTrainSettings(values: Values): TrainSettings {
  if (values.shots !== undefined && values.shots !== '0')
    throw new UsageError(
      '--shots: training with finite shots is not offered: a sampled p̂± (§5) has no gradient, and this trainer has no honest estimator for one; train exactly, then evaluate with "hqrn evaluate --model M --data D --shots N --seed K"',
    );
  const task = values.task === undefined ? undefined : choiceOption<Task>('task', str(values.task), ['entanglement', 'digits'], 'entanglement');
  const data = str(values.data);
  if (task && data) throw new UsageError('--data: give either --data FILE or --task entanglement|digits, not both');
  if (!task && !data) throw new UsageError('--data is required (a dataset file: .json, .npz, .npy + --labels, .csv), or --task entanglement|digits');
  if (values.test !== undefined && values['test-share'] !== undefined) throw new UsageError('--test: give either --test FILE or --test-share f, not both');
  if (task && (values.test !== undefined || values['test-share'] !== undefined))
    throw new UsageError(`--task: the ${task} task generates its own test set (--n-test N)`);
  const preset = task === 'digits' ? DIGITS_REQUEST : ENTANGLEMENT_REQUEST;
  const s: TrainSettings = {
    ...(task ? { task } : { data }),
    ...(str(values.labels) ? { labels: str(values.labels) } : {}),
    ...(str(values.test) ? { test: str(values.test) } : {}),
    ...(str(values['test-labels']) ? { testLabels: str(values['test-labels']) } : {}),
    depth: intOption('depth', str(values.depth), 1, preset.depth, 64),
    alpha: numOption('alpha', str(values.alpha), 0, 1, preset.alpha),
    activation: choiceOption('activation', str(values.activation), ACTIVATIONS, preset.activation as Activation),
    mode: choiceOption('mode', str(values.mode), MODES, 'greedy'),
    epochs: intOption('epochs', str(values.epochs), 1, preset.epochs, 100000),
    learningRate: numOption('lr', str(values.lr), 0, 10, preset.learningRate, true),
    batchSize: intOption('batch', str(values.batch), 1, preset.batchSize),
    seed: intOption('seed', str(values.seed), 0, preset.seed),
    nearestState: values['nearest-state'] === true,
    skipRefused: values['skip-refused'] === true,
  };
  if (task) {
    s.nTrain = intOption(
      'n-train',
      str(values['n-train']),
      2,
      task === 'digits' ? DIGITS_TRAIN : preset.trainSize!,
      task === 'digits' ? DIGITS_TRAIN : 1_000_000,
    );
    s.nTest = intOption('n-test', str(values['n-test']), 1, preset.testSize!, task === 'digits' ? 10000 - DIGITS_TRAIN : 1_000_000);
  } else if (!s.test) s.testShare = numOption('test-share', str(values['test-share']), 0, 1, 0.2, true);
  return s;
}

/** The `hqrn train …` line that re-runs these settings (every setting explicit). */
export function trainCommand(s: TrainSettings, out?: string): string {
  const q = (x: string) => (/^[\w@%+=:,./-]+$/.test(x) ? x : `'${x.replace(/'/g, `'\\''`)}'`);
  const parts = ['hqrn', 'train'];
  const opt = (k: string, v: string | number | undefined) => v !== undefined && parts.push(`--${k}`, q(String(v)));
  opt('task', s.task), opt('data', s.data), opt('labels', s.labels), opt('test', s.test), opt('test-labels', s.testLabels), opt('test-share', s.testShare);
  opt('n-train', s.nTrain), opt('n-test', s.nTest);
  opt('depth', s.depth),
    opt('alpha', s.alpha),
    opt('activation', s.activation),
    opt('mode', s.mode),
    opt('epochs', s.epochs),
    opt('lr', s.learningRate),
    opt('batch', s.batchSize),
    opt('seed', s.seed);
  if (s.nearestState) parts.push('--nearest-state');
  if (s.skipRefused) parts.push('--skip-refused');
  opt('out', out);
  return parts.join(' ');
}

/** The training and test data of the settings. */
export async function trainData(s: TrainSettings, log: (line: string) => void = () => {}): Promise<{ train: LoadedData; test: LoadedData }> {
  if (s.task) return { train: taskData(s.task, 'train', s.seed, s.nTrain!), test: taskData(s.task, 'test', s.seed, s.nTest!) };
  const all = await loadDataFile('data', s.data!, { labels: s.labels, nearestState: s.nearestState, skipRefused: s.skipRefused });
  const sm = all.dataset.summary;
  log(`data: ${sm.n} states of ${sm.nQubits} qubits from ${s.data}; ${sm.repaired.count} used as their nearest state, ${sm.refused.count} refused`);
  if (s.testShare !== undefined) return shareSplit(all, s.testShare, s.seed);
  const test = await loadDataFile('test', s.test!, { labels: s.testLabels, nearestState: s.nearestState, skipRefused: s.skipRefused });
  if (test.dataset.d !== all.dataset.d)
    throw new UsageError(`--test: its states are ${test.dataset.d}×${test.dataset.d}, the training states ${all.dataset.d}×${all.dataset.d}`);
  // the test file's classes by name in the training set's order
  const map = test.dataset.classes.map((c) => all.dataset.classes.indexOf(c));
  const bad = map.findIndex((k) => k < 0);
  if (bad >= 0)
    throw new UsageError(
      `--test classes: class ${JSON.stringify(test.dataset.classes[bad])} is not a class of the training data (${all.dataset.classes.join(', ')})`,
    );
  test.dataset.labels = test.dataset.labels.map((l) => map[l]);
  test.dataset.classes = all.dataset.classes;
  return { train: all, test };
}

export interface TrainResult {
  model: Record<string, unknown>;
  run: RunCard;
}

/**
 * Train with the settings (the one training definition of docs/math.md §6); returns the model
 * JSON with its run card (metrics on the test set, per depth for greedy training). Progress
 * lines go to `log`; `onEpoch` sees every epoch's mean minibatch loss (depth: the greedy stage,
 * or the depth end to end; epoch 1-based).
 */
export async function runTraining(
  s: TrainSettings,
  opts: {
    log?: (line: string) => void;
    date?: string;
    out?: string;
    data?: { train: LoadedData; test: LoadedData };
    onEpoch?: (depth: number, epoch: number, loss: number) => void;
  } = {},
): Promise<TrainResult> {
  const log = opts.log ?? (() => {});
  const { train, test } = opts.data ?? (await trainData(s, log));
  const ds = train.dataset;
  const spec: FitSpec = { d: ds.d, depth: s.depth, alpha: s.alpha, activation: s.activation, classes: ds.classes.length, seed: s.seed };
  const fit = { epochs: s.epochs, batchSize: s.batchSize, learningRate: s.learningRate, data: () => ({ v: ds.packed, labels: ds.labels, n: ds.n }) };
  const perDepth: { depth: number; trainAccuracy: number; testAccuracy: number; testBalancedAccuracy: number }[] = [];
  let p: HqrnParams;
  if (s.mode === 'greedy') {
    p = fitGreedy(spec, {
      ...fit,
      onEpoch: (k, e, loss) => {
        opts.onEpoch?.(k, e + 1, loss);
        if (e === s.epochs - 1 || e % 10 === 9) log(`train: block ${k}/${s.depth} epoch ${e + 1}/${s.epochs} loss ${loss.toFixed(4)}`);
      },
      onDepth: (k, q) => {
        const te = evaluate(predictDataset(q, test.dataset), test.dataset);
        perDepth.push({
          depth: k,
          trainAccuracy: evaluate(predictDataset(q, ds), ds).accuracy,
          testAccuracy: te.accuracy,
          testBalancedAccuracy: te.balancedAccuracy,
        });
      },
    });
  } else {
    p = fitHqrn(initParams(spec), {
      ...fit,
      onEpoch: (e, loss) => {
        opts.onEpoch?.(s.depth, e + 1, loss);
        if (e === s.epochs - 1 || e % 10 === 9) log(`train: epoch ${e + 1}/${s.epochs} loss ${loss.toFixed(4)}`);
      },
    });
  }
  const te = evaluate(predictDataset(p, test.dataset), test.dataset);
  const trainAccuracy = evaluate(predictDataset(p, ds), ds).accuracy;
  const { n: _n, classes: _c, ...figures } = te;
  const data: RunCard['data'] = { ...(train.info as DataInfo & { source: 'generator' | 'file' }), test: test.info };
  const { seed, ...settings } = s;
  const date = runDate(opts.date, process.env.SOURCE_DATE_EPOCH);
  const run: RunCard = {
    app: appInfo(),
    ...(date ? { date } : {}),
    backend: 'float64 core (src/core/hqrn/fit.ts)',
    settings: settings as unknown as Record<string, unknown>,
    seed,
    data,
    metrics: { ...figures, trainAccuracy, ...(perDepth.length ? { perDepth } : {}) },
    command: trainCommand(s, opts.out),
  };
  return { model: { ...toModelJson(p, ds.classes), run }, run };
}
