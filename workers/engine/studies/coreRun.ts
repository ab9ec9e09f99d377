/**
 * One sweep run on the float64 core (docs/math.md §6, §11): the trainer of `hqrn train` /
 * `hqrn sweep` (src/core/hqrn/fit.ts: fitGreedy for greedy, fitHqrn from initParams for end to
 * end) on the built-in entanglement task's §7 data (training split from the seed, test split
 * from seed + 1,000,003), so a studio sweep on this trainer gives the command line's numbers.
 * Figures: test accuracy, balanced accuracy, train accuracy and the adversarial partners
 * (core/states/figures.ts, the names of `hqrn sweep`'s table). Synchronous; the app cancels
 * between runs (a run of the paper preset: well under a second on one core).
 */
import { fitGreedy, fitHqrn, type HqrnParams, initParams, predictProba } from '../../../src/core/hqrn/fit';
import { toModelJson } from '../../../src/core/hqrn/fitModel';
import { entanglementSplit, type GeneratorSplitsData, generatorSplitsData, type PackedSplit } from '../../../src/core/hqrn/paperEntanglement';
import { argmaxRows, entanglementFigures } from '../../../src/core/states/figures';
import type { TrainRequest } from '../../../src/protocol/messages';
import { coreRunProblem } from '../../../src/protocol/coreRun';

export interface CoreRunResult {
  model: Record<string, unknown>;
  metrics: Record<string, unknown>;
  data: GeneratorSplitsData;
  seconds: number;
}

const cache = new Map<string, PackedSplit & { generatorSeed: number }>();
function split(which: 'train' | 'test', seed: number, n: number, share: number) {
  const key = `${which}/${seed}/${n}/${share}`;
  let s = cache.get(key);
  if (!s) {
    if (cache.size >= 8) cache.delete(cache.keys().next().value as string);
    s = entanglementSplit(which, seed, n, share);
    cache.set(key, s);
  }
  return s;
}

function predict(p: HqrnParams, s: PackedSplit): number[] {
  return argmaxRows(predictProba(p, s.packed, s.n), s.n, 2);
}

/** Train `req` on the float64 core; errors: coreRunProblem's reason. */
export function runCoreTraining(req: TrainRequest): CoreRunResult {
  const problem = coreRunProblem(req);
  if (problem) throw new Error(`float64 core: ${problem}`);
  const t0 = performance.now();
  const share = req.adversarialShare ?? 0.5;
  const train = split('train', req.seed, req.trainSize ?? 1300, share);
  const test = split('test', req.seed, req.testSize ?? 5000, share);
  const spec = { d: 4, depth: req.depth, alpha: req.alpha, activation: req.activation, classes: 2, seed: req.seed };
  const fit = {
    epochs: req.epochs,
    batchSize: req.batchSize,
    learningRate: req.learningRate,
    data: () => ({ v: train.packed, labels: train.labels, n: train.n }),
  };
  const p = req.mode === 'quantum-greedy' ? fitGreedy(spec, fit) : fitHqrn(initParams(spec), fit);
  const f = entanglementFigures(predict(p, test), test.labels, test.kinds!);
  const trainPred = predict(p, train);
  const trainAccuracy = trainPred.filter((y, i) => y === train.labels[i]).length / train.n;
  return {
    model: toModelJson(p, ['separable', 'entangled']),
    metrics: {
      accuracy: f.accuracy,
      balancedAccuracy: f.balancedAccuracy,
      trainAccuracy,
      adversarial: {
        dephasedPartners: f.dephased.partners,
        dephasedBalanced: f.dephased.balanced,
        marginalPartners: f.marginal.partners,
        marginalBalanced: f.marginal.balanced,
      },
    },
    data: generatorSplitsData(train, test),
    seconds: (performance.now() - t0) / 1000,
  };
}
