/**
 * Main-thread client of the engine worker (workers/engine.worker.ts), via comlink, with a
 * supervisor that survives the worker dying.
 *
 * getEngine() returns one stable object typed Remote<EngineApi>: each method call goes to the
 * worker alive at that moment and races that worker's death, because a comlink call to a
 * terminated worker never settles. The worker is taken for dead when
 * - its life lock is released: the worker holds a Web Lock for as long as it lives
 *   (reliabilityApi.holdLifeLock) and the page waits for the same lock, which the browser
 *   grants the moment the worker is gone (terminated, closed itself, crashed), however busy
 *   it was: within milliseconds, with no false alarm from a long computation;
 * - it fires 'error' (an uncaught exception: its state is unknown) or 'messageerror';
 * - it does not answer the heartbeat ping() within HEARTBEAT_BUDGET_MS (a hang, or a browser
 *   without Web Locks), or longer while a call known to compute for long is in flight.
 * Then every pending call rejects with EngineStoppedError, a new worker starts, and the
 * listeners registered with onEngineEvent hear 'restarted' (main.tsx re-sends the explorer's
 * request and says so in the status line). A worker that dies before it answered its first
 * call (holdLifeLock) failed to start; after MAX_START_FAILURES in a row the supervisor stops retrying,
 * calls reject at once, and listeners hear 'failed'.
 *
 * The stable remote is also reachable as `window.__hqrnEngine`: the end-to-end tests and the
 * browser benchmark drive the worker through it, e.g. `await window.__hqrnEngine.crossCheck(1)`.
 * `window.__hqrnCrashEngineForTesting(kind)` simulates a crash (see crashEngineForTesting).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import type { EngineApi, EngineTestApi } from '../../../workers/engine.worker';

export type { EngineApi, EngineTestApi, WernerMeasures } from '../../../workers/engine.worker';

/** How often the heartbeat ticks (a ping is sent on a tick when none is outstanding). */
export const HEARTBEAT_TICK_MS = 250;
/**
 * A ping unanswered this long means the worker hangs. Generous on purpose: the engine may
 * legitimately compute for a second or more without turning its event loop (backend
 * selection compiling shaders, a 6-qubit explore on the cpu backend, a loaded machine), and
 * a dead worker is noticed at once through its life lock anyway (see the file comment).
 */
export const HEARTBEAT_BUDGET_MS = 10_000;
/** The first answer (module load, tfjs import) may take this long before the start counts as failed. */
export const START_BUDGET_MS = 30_000;
export const MAX_START_FAILURES = 3;
/**
 * Heartbeat budgets of the calls that may keep the worker's event loop busy for longer than
 * HEARTBEAT_BUDGET_MS: the cross-check and the benchmark run the float64 core on 6 qubits in
 * one go; exports and the baselines table build whole data sets. Keyed by the worker API's own
 * method names (a renamed method is a type error here); every other call of the API — the
 * method list is EngineApi's, nothing is copied here — gets HEARTBEAT_BUDGET_MS.
 */
const CALL_BUDGET_MS: Partial<Record<keyof EngineApi, number>> = {
  crossCheck: 60_000,
  bench: 300_000,
  exportQasm: 30_000,
  exportStateJson: 30_000,
  exportModelJson: 30_000,
  exportDatasetJson: 30_000,
  runBaselines: 30_000,
  cancelBaselines: 30_000,
  // 100,000 two-qubit states are read and checked in one go (a few seconds; more on a loaded machine).
  importDataset: 60_000,
};

/** A call that could not finish because the engine worker stopped (or could not start). */
export class EngineStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineStoppedError';
  }
}

export type EngineEvent =
  /** A worker died and a new one was started (`restarts`: how many so far in this page). */
  | { kind: 'restarted'; reason: string; restarts: number }
  /** MAX_START_FAILURES workers in a row died before answering: no more retries. */
  | { kind: 'failed'; reason: string; attempts: number };

interface LiveWorker {
  worker: Worker;
  remote: Remote<EngineApi>;
  /** Rejects when this worker is taken for dead; every call races it. */
  died: Promise<never>;
  rejectDied: (e: Error) => void;
  /** Answered any call: it loaded and runs (a death from now on is a crash, not a failed start). */
  started: boolean;
  /** The page is waiting for the worker's life lock: a death is noticed within milliseconds. */
  lifeLockWatched: boolean;
  dead: boolean;
  timer: ReturnType<typeof setInterval>;
  /** When the outstanding ping was sent (null: none outstanding). */
  pingSentAt: number | null;
  lastTick: number;
  /** In-flight calls by method name (for their heartbeat budgets). */
  inFlight: Map<string, number>;
}

let live: LiveWorker | null = null;
let startFailures = 0;
let restarts = 0;
let failedMessage: string | null = null;
const listeners = new Set<(e: EngineEvent) => void>();

/** Hear about restarts and the final failure; returns an unsubscribe function. */
export function onEngineEvent(listener: (e: EngineEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(e: EngineEvent): void {
  for (const l of listeners) {
    try {
      l(e);
    } catch (err) {
      console.error('engine event listener failed', err);
    }
  }
}

function budget(w: LiveWorker): number {
  if (!w.started) return START_BUDGET_MS;
  let b = HEARTBEAT_BUDGET_MS;
  for (const name of w.inFlight.keys()) b = Math.max(b, CALL_BUDGET_MS[name as keyof EngineApi] ?? HEARTBEAT_BUDGET_MS);
  return b;
}

/**
 * Test-only: `?engine-without=offscreencanvas` in the page's address makes the worker start
 * without that global (workers/engine/backend.ts reads its own name), the way a browser
 * without it would be. The worker cannot see the page's address, so it travels in the name.
 */
function simulatedMissingFeatures(): string {
  if (typeof location === 'undefined') return '';
  const missing = new URLSearchParams(location.search).get('engine-without');
  return missing ? `;without=${missing}` : '';
}

/**
 * Test-only: under browser automation (navigator.webdriver: the e2e specs, the browser bench)
 * the worker loads its test hooks (workers/engine/testHooks.ts: crashForTesting,
 * loseWebglContextForTesting), which are not part of the production EngineApi.
 */
function testHooksFlag(): string {
  return typeof navigator !== 'undefined' && navigator.webdriver === true ? ';testHooks' : '';
}

function startWorker(): LiveWorker {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: `hqrn-engine${simulatedMissingFeatures()}${testHooksFlag()}`,
  });
  let rejectDied!: (e: Error) => void;
  const died = new Promise<never>((_, reject) => {
    rejectDied = reject;
  });
  died.catch(() => undefined); // only raced against calls; never unhandled on its own
  const w: LiveWorker = {
    worker,
    remote: wrap<EngineApi>(worker),
    died,
    rejectDied,
    started: false,
    lifeLockWatched: false,
    dead: false,
    timer: setInterval(() => tick(w), HEARTBEAT_TICK_MS),
    pingSentAt: null,
    lastTick: performance.now(),
    inFlight: new Map(),
  };
  worker.addEventListener('error', (ev: ErrorEvent) => {
    ev.preventDefault();
    declareDead(w, ev.message ? `uncaught error in the worker: ${ev.message}` : 'the worker failed to load or threw an uncaught error');
  });
  worker.addEventListener('messageerror', () => declareDead(w, 'a message from the worker could not be read'));
  watchLifeLock(w);
  return w;
}

type LockManagerLike = { request(name: string, callback: () => unknown): Promise<unknown> };
const lockManager = (): LockManagerLike | undefined =>
  typeof navigator !== 'undefined' ? (navigator as unknown as { locks?: LockManagerLike }).locks : undefined;

/**
 * The worker takes a Web Lock for its whole life (reliabilityApi.holdLifeLock); the browser
 * releases it when the worker ends, however it ends (terminated, closed, crashed). Once the
 * worker holds it, this side asks for the same lock: the request is granted exactly when
 * the worker is gone, even while its event loop was busy. Its answer also counts as started.
 */
function watchLifeLock(w: LiveWorker): void {
  const name = `hqrn-engine-life-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  w.pingSentAt = performance.now();
  w.remote.holdLifeLock(name).then(
    (held) => {
      if (w.dead) return;
      w.pingSentAt = null;
      markStarted(w);
      const locks = lockManager();
      if (!held || !locks) return; // no Web Locks: the heartbeat alone notices (within its budget)
      w.lifeLockWatched = true;
      locks.request(name, () => declareDead(w, 'the worker stopped')).catch(() => undefined);
    },
    () => undefined, // the 'error' listener or the heartbeat decides
  );
}

/**
 * Any answer proves the worker loaded and runs. Its life lock may be granted later than its
 * first answers (the lock is granted on a later task, which a long synchronous kernel
 * delays), so a worker that answered calls and then died before the lock was watched is a
 * crash after a start (heartbeat budget, a restart), not a failed start (START_BUDGET_MS,
 * counted towards MAX_START_FAILURES).
 */
function markStarted(w: LiveWorker): void {
  if (w.dead || w.started) return;
  w.started = true;
  startFailures = 0;
}

function sendPing(w: LiveWorker): void {
  w.pingSentAt = performance.now();
  w.remote.ping().then(
    () => {
      if (!w.dead) w.pingSentAt = null;
    },
    () => undefined, // the 'error' listener or the heartbeat decides
  );
}

function tick(w: LiveWorker): void {
  if (w.dead) return;
  const now = performance.now();
  // A late tick means the main thread itself was busy: the pong may be queued behind this
  // task, so the stalled time does not count against the worker.
  const stall = now - w.lastTick - HEARTBEAT_TICK_MS;
  w.lastTick = now;
  if (w.pingSentAt === null) {
    if (w.started) sendPing(w);
    return;
  }
  if (stall > HEARTBEAT_TICK_MS) {
    w.pingSentAt += stall;
    return;
  }
  const waited = now - w.pingSentAt;
  const limit = budget(w);
  if (waited <= limit) return;
  declareDead(w, w.started ? `no answer to the heartbeat for ${(waited / 1000).toFixed(1)} s` : `it did not start within ${limit / 1000} s`);
}

function declareDead(w: LiveWorker, reason: string): void {
  if (w.dead) return;
  w.dead = true;
  clearInterval(w.timer);
  console.warn(`engine worker taken for dead: ${reason}`);
  w.worker.terminate();
  const isLive = live === w;
  if (isLive && !w.started) startFailures++;
  const giveUp = isLive && startFailures >= MAX_START_FAILURES;
  w.rejectDied(new EngineStoppedError(`the engine stopped (${reason})${giveUp ? '' : ' and was restarted'}; this call was interrupted`));
  if (!isLive) return;
  live = null;
  if (giveUp) {
    failedMessage = `The engine could not be started (${startFailures} attempts; last: ${reason}). Reload the page to try again.`;
    emit({ kind: 'failed', reason, attempts: startFailures });
    return;
  }
  restarts++;
  live = startWorker();
  emit({ kind: 'restarted', reason, restarts });
}

function current(): LiveWorker | null {
  if (failedMessage !== null) return null;
  if (live === null) live = startWorker();
  return live;
}

/** Call `method` on the live worker; rejects with EngineStoppedError if it dies first. */
function call(method: string, args: unknown[]): Promise<unknown> {
  const w = current();
  if (!w) return Promise.reject(new EngineStoppedError(failedMessage ?? 'the engine is not running'));
  w.inFlight.set(method, (w.inFlight.get(method) ?? 0) + 1);
  const done = () => {
    const n = (w.inFlight.get(method) ?? 1) - 1;
    if (n <= 0) w.inFlight.delete(method);
    else w.inFlight.set(method, n);
  };
  const fn = (w.remote as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
  const result = Promise.race([fn(...args), w.died]);
  result.then(() => {
    done();
    markStarted(w);
  }, done);
  return result;
}

/**
 * The stable remote: property `m` is a function forwarding to the live worker's `m`. `then`
 * is undefined so the object is not mistaken for a promise; symbols (comlink's
 * releaseProxy etc.) are not supported.
 */
const stableRemote = new Proxy(
  {},
  {
    get(_target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args: unknown[]) => call(prop, args);
    },
  },
) as Remote<EngineApi>;

export function getEngine(): Remote<EngineApi> {
  current();
  return stableRemote;
}

/**
 * What the supervisor knows of the live worker: `started` (it answered a call) and
 * `lifeLockWatched` (its death will be noticed within milliseconds, not by the heartbeat).
 */
export function engineSupervision(): { started: boolean; lifeLockWatched: boolean; restarts: number; failed: boolean } {
  return { started: live?.started ?? false, lifeLockWatched: live?.lifeLockWatched ?? false, restarts, failed: failedMessage !== null };
}

/** Has the supervisor given up (MAX_START_FAILURES failed starts)? The message, or null. */
export function engineFailure(): string | null {
  return failedMessage;
}

/**
 * Test hook: simulate the worker dying. 'terminate' stops it silently (as the browser does to
 * a crashed worker: only the heartbeat notices); 'throw' makes it throw an uncaught error;
 * 'close' makes it close itself (self.close(): silent too).
 */
export function crashEngineForTesting(kind: 'terminate' | 'throw' | 'close' = 'terminate'): void {
  const w = live;
  if (!w) return;
  if (kind === 'terminate') w.worker.terminate();
  else void (w.remote as unknown as Remote<EngineTestApi>).crashForTesting(kind).catch(() => undefined);
}

/** Train with a progress callback (wrapped in comlink's proxy so the worker can call it). */
export function trainWithProgress(req: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<TrainResult> {
  return getEngine().train(req, proxy(onProgress)) as Promise<TrainResult>;
}

declare global {
  interface Window {
    /** The stable remote; under browser automation the worker also answers the test hooks. */
    __hqrnEngine?: Remote<EngineTestApi>;
    __hqrnCrashEngineForTesting?: (kind?: 'terminate' | 'throw' | 'close') => void;
    __hqrnEngineSupervision?: typeof engineSupervision;
  }
}

if (typeof window !== 'undefined' && !Object.hasOwn(window, '__hqrnEngine')) {
  Object.defineProperty(window, '__hqrnEngine', { get: getEngine, configurable: true });
  window.__hqrnCrashEngineForTesting = crashEngineForTesting;
  window.__hqrnEngineSupervision = engineSupervision;
}

/** A study beyond the paper in the worker, with its log lines as progress. */
export function runStudyWithProgress(
  name: 'alphaSweep' | 'shotsSweep' | 'greedyVsEndToEnd' | 'noise',
  size: 'quick' | 'full',
  onProgress: (msg: string) => void,
): Promise<unknown> {
  return getEngine().runStudy(name, size, proxy(onProgress)) as Promise<unknown>;
}

/** The entanglement baselines table on a request's data, with progress lines. */
export function runBaselinesWithProgress(
  req: import('../../protocol/messages').TrainRequest,
  given: import('../../../workers/engine/baselines/api').GivenRow[],
  size: 'quick' | 'full',
  onProgress: (msg: string) => void,
): Promise<import('../../../workers/engine/baselines/run').BaselineRow[]> {
  return getEngine().runBaselines(req, given, size, proxy(onProgress)) as Promise<import('../../../workers/engine/baselines/run').BaselineRow[]>;
}
