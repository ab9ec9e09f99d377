/**
 * One run of `hqrn sweep`, in a worker thread or in process: runTraining with the worker's
 * data cache (a built-in task's seeded sets or a file are generated / read once per worker).
 */
import type { LoadedData } from './data';
import { runTraining, type TrainResult, type TrainSettings, trainData } from './train';

const cache = new Map<string, Promise<{ train: LoadedData; test: LoadedData }>>();

/** The cache key of a run's data: everything trainData reads. */
export function dataKey(s: TrainSettings): string {
  return JSON.stringify([
    s.task,
    s.data,
    s.labels,
    s.test,
    s.testLabels,
    s.testShare,
    s.nTrain,
    s.nTest,
    s.task || s.testShare !== undefined ? s.seed : 0,
    s.nearestState,
    s.skipRefused,
  ]);
}

export async function runSweepItem(s: TrainSettings, date: string | undefined): Promise<TrainResult> {
  const key = dataKey(s);
  if (!cache.has(key)) {
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(key, trainData(s));
  }
  const data = await cache.get(key)!;
  return runTraining(s, { date, data });
}
