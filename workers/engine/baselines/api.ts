/**
 * The worker's `runBaselines`: the entanglement baselines table on exactly
 * the data of a training request — rows the caller already has (HQRN runs, the classical
 * analog; given as test-set predictions) plus the MLP, VQC and quantum-kernel baselines
 * trained here in float64 (baselinesRun.ts). Spread into the engine API (api.ts).
 */
import type { TrainRequest } from '../../../src/protocol/messages';
import type { DigitSet } from '../../../src/core/states/digits';
import { BASELINES_SPEC, type BaselineRow, baselineRow, QUICK_BASELINES_SPEC, runEntanglementBaselines } from './run';
import { loadTaskData } from '../train/data';

export interface GivenRow {
  label: string;
  family: BaselineRow['family'];
  /** Predictions on the request's test split, in its order. */
  predictions: ArrayLike<number>;
  parameters: number;
  seconds: number;
}

export function createBaselinesApi(opts: { loadDigits: () => Promise<DigitSet> }) {
  let running = false;
  let cancel = false;
  return {
    /**
     * Rows for `given` (figures from their predictions) then the baselines trained on the
     * request's training split; `size` 'quick' trains fewer epochs / VQC layers.
     * Errors: a digits request, a second call while one runs, predictions of the wrong length.
     */
    async runBaselines(
      req: TrainRequest,
      given: GivenRow[] = [],
      size: 'quick' | 'full' = 'full',
      onProgress?: (line: string) => void,
    ): Promise<BaselineRow[]> {
      if (req.task !== 'entanglement') throw new Error('runBaselines: only the entanglement task has these baselines');
      if (running) throw new Error('runBaselines: already running');
      running = true;
      cancel = false;
      try {
        const data = await loadTaskData({ ...req, validationSize: 0 }, opts);
        const rows = given.map((g) => baselineRow(g.label, g.family, g.predictions, data.test, g.parameters, g.seconds));
        const log = (s: string) => onProgress && void Promise.resolve(onProgress(s)).catch(() => undefined);
        rows.push(...(await runEntanglementBaselines(data.train, data.test, size === 'quick' ? QUICK_BASELINES_SPEC : BASELINES_SPEC, log, () => cancel)));
        return rows;
      } finally {
        running = false;
      }
    },
    /** Stop runBaselines before its next model; false when none runs. */
    cancelBaselines(): boolean {
      cancel = running;
      return running;
    },
  };
}
