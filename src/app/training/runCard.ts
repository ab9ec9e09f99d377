/**
 * The run card (docs/math.md §11) of a model trained in the Training studio: app name, version
 * and commit (src/app/about/about.ts), ISO date, backend, every training setting, the seed, the
 * data (the §7 generator with its seed, or an imported file with its SHA-256) and the metrics.
 * Pure: the date and the data description are passed in.
 */
import type { RunCard } from '../../core/io/runCard';
import type { TrainRequest } from '../../protocol/messages';
import { appInfo } from '../about/about';
import type { TrainOutcome } from './types';

/** An imported labelled dataset as a run card names it. */
export interface DataSource {
  name: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
  /** States in the file. */
  n: number;
}

/** The run card of `result`, trained from `req` on `data`, finished at `date` (ISO 8601). */
export function studioRunCard(req: TrainRequest, result: TrainOutcome, date: string, data?: DataSource, backend = 'tfjs (web worker)'): RunCard {
  const app = appInfo();
  const metrics: Record<string, unknown> = { trainAccuracy: result.final.trainAccuracy, testAccuracy: result.final.testAccuracy };
  if (result.final.adversarialAccuracy) metrics.adversarialAccuracy = result.final.adversarialAccuracy;
  if (result.shotEvaluation) metrics.shotEvaluation = result.shotEvaluation;
  if (result.exportCheck) metrics.exportCheck = result.exportCheck;
  if (result.diverged) metrics.diverged = result.diverged;
  const n = req.trainSize ?? 0;
  const dataCard: RunCard['data'] = data
    ? { source: 'file', name: data.name, sha256: data.sha256, n: data.n }
    : { source: 'generator', name: req.task, sha256: null, n, generatorSeed: req.seed };
  return {
    app: { name: app.name, version: app.version, commit: app.commit === 'unknown' ? null : app.commit },
    date,
    backend,
    settings: { ...req },
    seed: req.seed,
    data: dataCard,
    metrics,
  };
}

/** The model file with its run card (`run`); any previous card is replaced. */
export function withRunCard(model: Record<string, unknown>, card: RunCard): Record<string, unknown> {
  return { ...model, run: card };
}
