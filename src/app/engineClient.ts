/**
 * Main-thread client of the engine worker (workers/engine.worker.ts), via comlink.
 * One shared worker, created lazily on first use.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine.worker';

export type { WernerMeasures } from '../../workers/engine.worker';

let engine: Remote<EngineApi> | null = null;

export function getEngine(): Remote<EngineApi> {
  if (engine === null) {
    const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'hqrn-engine',
    });
    engine = wrap<EngineApi>(worker);
  }
  return engine;
}
