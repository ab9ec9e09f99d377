/**
 * Main-thread client of the engine worker (workers/engine.worker.ts), via comlink.
 * One shared worker, created lazily on first use.
 *
 * The remote is also reachable as `window.__hqrnEngine` (created on first access): the
 * end-to-end tests and the browser benchmark drive the worker through it, e.g.
 * `await window.__hqrnEngine.crossCheck(1)`.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { TrainProgress, TrainRequest, TrainResult } from './protocol';
import type { EngineApi } from '../../workers/engine.worker';

export type { EngineApi, WernerMeasures } from '../../workers/engine.worker';

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

/** Train with a progress callback (wrapped in comlink's proxy so the worker can call it). */
export function trainWithProgress(req: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<TrainResult> {
  return getEngine().train(req, proxy(onProgress)) as Promise<TrainResult>;
}

declare global {
  interface Window {
    __hqrnEngine?: Remote<EngineApi>;
  }
}

if (typeof window !== 'undefined' && !Object.prototype.hasOwnProperty.call(window, '__hqrnEngine')) {
  Object.defineProperty(window, '__hqrnEngine', { get: getEngine, configurable: true });
}

/** A study beyond the paper (issue 7 item 4) in the worker, with its log lines as progress. */
export function runStudyWithProgress(
  name: 'alphaSweep' | 'shotsSweep' | 'greedyVsEndToEnd' | 'noise',
  size: 'quick' | 'full',
  onProgress: (msg: string) => void,
): Promise<unknown> {
  return getEngine().runStudy(name, size, proxy(onProgress)) as Promise<unknown>;
}
