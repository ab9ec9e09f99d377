/**
 * `hqrn evaluate --model M --data D` (docs/math.md §11): the model's predictions on a labelled
 * dataset through the float64 core — the classical analog's O(d²) path for diagonal inputs
 * (equal by the correspondence theorem, §3), the quantum path otherwise, finite shots (§5)
 * with --shots N --seed K — and the figures of metrics.ts, with a run card.
 */
import type { CMat } from '../core/math/complex';
import { classicalAnalog, classicalForwardBatch } from '../core/hqrn/classical';
import { runForward } from '../core/hqrn/forward';
import type { Model } from '../core/hqrn/model';
import { softmaxReadout } from '../core/hqrn/readout';
import { FileFormatError } from '../core/io/files';
import { stateAt } from '../core/io/dataset';
import { type RunCard, runDate } from '../core/io/runCard';
import { UsageError } from './args';
import type { LoadedData } from './data';
import { evaluate, type Evaluation } from './metrics';
import { appInfo } from './appInfo';

function isDiagonal(rho: CMat): boolean {
  const d = rho.rows;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j && (rho.re[i * d + j] !== 0 || rho.im[i * d + j] !== 0)) return false;
  return true;
}

/**
 * Class probabilities of a model with a readout for each state. Exact: diagonal inputs (and
 * classical models, which see diag ρ) take the classical path, others runForward. With shots
 * (quantum models): runForward with N_s shots per unitary per block, seed `seed + i` for state i.
 */
export function predictStates(
  model: Model,
  states: CMat[],
  opts: { shots?: number; seed?: number } = {},
): { predicted: number; probabilities: Float64Array }[] {
  const readout = model.readout!;
  const d = 1 << model.nQubits;
  const classicalBlocks = model.kind === 'classical' ? model.blocks : classicalAnalog(model).blocks;
  return states.map((rho, i) => {
    if (model.kind === 'classical' || (!opts.shots && isDiagonal(rho))) {
      const x0 = new Float64Array(d);
      for (let k = 0; k < d; k++) x0[k] = rho.re[k * d + k];
      return softmaxReadout(readout, classicalForwardBatch(classicalBlocks, x0, d).x);
    }
    return runForward(model, rho, { measures: false, ...(opts.shots ? { shots: opts.shots, seed: (opts.seed ?? 0) + i } : {}) }).output!;
  });
}

export interface EvaluateResult extends Evaluation {
  classMapping?: 'by index';
  run: RunCard;
}

/** Evaluate a model on a loaded dataset (labels mapped to the model's classes by name, else by index). */
export function evaluateModel(model: Model, data: LoadedData, opts: { shots?: number; seed?: number; modelPath: string; date?: string }): EvaluateResult {
  if (!model.readout) throw new FileFormatError('--model readout', 'the model has no readout, so it cannot predict classes');
  const ds = data.dataset;
  const d = 1 << model.nQubits;
  if (ds.d !== d) throw new UsageError(`--data: its states are ${ds.d}×${ds.d} but the model has nQubits ${model.nQubits} (d = ${d})`);
  if (opts.shots && model.kind !== 'quantum') throw new UsageError('--shots: a classical model measures nothing; shots need a quantum model');
  const modelClasses = model.readout.classes.map(String);
  let map = ds.classes.map((c) => modelClasses.indexOf(c));
  let byIndex = false;
  if (map.some((k) => k < 0)) {
    if (ds.classes.length > modelClasses.length)
      throw new UsageError(`--data classes: ${ds.classes.join(', ')} are not the model's classes (${modelClasses.join(', ')})`);
    map = ds.classes.map((_, k) => k);
    byIndex = true;
  }
  const states = Array.from({ length: ds.n }, (_, i) => stateAt(ds.packed, ds.d, i));
  const pred = predictStates(model, states, opts).map((o) => o.predicted);
  const ev = evaluate(pred, { labels: ds.labels.map((l) => map[l]), classes: modelClasses, kinds: ds.kinds });
  const date = runDate(opts.date, process.env.SOURCE_DATE_EPOCH);
  const { n: _n, classes: _c, ...metrics } = ev;
  const run: RunCard = {
    app: appInfo(),
    ...(date ? { date } : {}),
    backend: 'float64 core',
    settings: { model: opts.modelPath, shots: opts.shots ?? 0 },
    seed: opts.seed ?? 0,
    data: { ...(data.info as RunCard['data']) },
    metrics,
  };
  return { ...ev, ...(byIndex ? { classMapping: 'by index' as const } : {}), run };
}
