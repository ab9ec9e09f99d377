/**
 * The studio's sweeps (docs/math.md §11) and its "Reproduce the paper" run: one run after
 * another in the engine worker (train(), then the next), progress "run k of N", time left from
 * the mean time per finished run, Cancel (the worker's current run is cancelled; the finished
 * runs stay). Trainer: the float64 core (the trainer of `hqrn sweep`, same numbers) when every
 * run allows it (src/protocol/coreRun.ts), else the tfjs engine of the Train button. Each finished run keeps its run card (studioRunCard + the sweep's figures). The
 * sweep's settings are not in the link (docs/user-guide.md).
 */
import { proxy } from 'comlink';
import { create } from 'zustand';
import type { RunCard } from '../../core/io/runCard';
import { sweepTable, type TableRow } from '../../core/io/sweep';
import type { TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import { getEngine } from '../engine/engineClient';
import { appInfo } from '../about/about';
import { coreRunProblem } from '../../protocol/coreRun';
import type { CoreRunResult } from '../../../workers/engine/studies/coreRun';
import { useImportedData } from './importedData';
import { type DataSource, studioRunCard } from './runCard';
import { listsOf, planSweep, STUDIO_METRICS, type SweepKey, type SweepLists, sweepCard } from './sweep';
import type { TrainOutcome } from './types';

export interface SweepEngine {
  train(req: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<TrainResult>;
  control(action: 'cancel'): Promise<unknown>;
  /** One run on the float64 core (the trainer of `hqrn sweep`). */
  coreTrainRun?(req: TrainRequest): Promise<CoreRunResult>;
}

/** Which trainer a sweep uses: the float64 core (as `hqrn sweep`) or the tfjs engine (as the Train button). */
export type SweepTrainer = 'core' | 'tfjs';

export interface SweepLoopHooks {
  /** A run finished (index in `requests`, its card, its wall time in s). */
  onRun(i: number, card: RunCard, seconds: number): void;
  /** A run starts (index). */
  onStart?(i: number): void;
  onProgress?(p: TrainProgress): void;
  cancelled(): boolean;
  now?: () => Date;
  data?: DataSource;
  trainer?: SweepTrainer;
}

/** The run card of a float64-core run (its metrics are already the sweep's). */
export function coreRunCard(req: TrainRequest, r: CoreRunResult, date: string): RunCard {
  const app = appInfo();
  return {
    app: { name: app.name, version: app.version, commit: app.commit === 'unknown' ? null : app.commit },
    date,
    backend: 'float64 core (src/core/hqrn/fit.ts) in the web worker',
    settings: { ...req },
    seed: req.seed,
    data: r.data,
    metrics: r.metrics,
  };
}

/**
 * Train `requests` one after another on `engine` (hooks.trainer: 'core' → coreTrainRun, else
 * train). Returns 'done', or 'cancelled' when hooks.cancelled() turned true (a run the worker
 * cancelled is dropped; those before it stay). A failed run ends the loop with its error.
 */
export async function runSweepLoop(requests: readonly TrainRequest[], engine: SweepEngine, hooks: SweepLoopHooks): Promise<'done' | 'cancelled'> {
  const now = hooks.now ?? (() => new Date());
  for (let i = 0; i < requests.length; i++) {
    if (hooks.cancelled()) return 'cancelled';
    hooks.onStart?.(i);
    const t0 = performance.now();
    let card: RunCard;
    if (hooks.trainer === 'core' && engine.coreTrainRun) {
      const r = await engine.coreTrainRun(requests[i]);
      if (hooks.cancelled()) return 'cancelled';
      card = coreRunCard(requests[i], r, now().toISOString());
    } else {
      const r = (await engine.train(requests[i], (p) => {
        if (hooks.cancelled()) void engine.control('cancel').catch(() => false);
        hooks.onProgress?.(p);
      })) as TrainOutcome;
      if (r.cancelled || hooks.cancelled()) return 'cancelled';
      card = sweepCard(studioRunCard(requests[i], r, now().toISOString(), hooks.data), r);
    }
    hooks.onRun(i, card, (performance.now() - t0) / 1000);
  }
  return 'done';
}

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface SweepState {
  lists?: SweepLists;
  status: SweepStatus;
  /** Runs planned, and the index of the run in progress. */
  total: number;
  current: number;
  /** Wall time of each finished run (s). */
  runSeconds: number[];
  /** Fraction of the current run done (from its progress reports). */
  runFraction: number;
  cards: RunCard[];
  table: TableRow[];
  /** The axes the sweep varied (the table's and the plot's columns). */
  varied: SweepKey[];
  error?: string;
  startedAt?: number;
  seconds?: number;
  /** The trainer asked for, and the one the running / last sweep used. */
  trainer: SweepTrainer;
  usedTrainer?: SweepTrainer;
  setTrainer(t: SweepTrainer): void;
  setList(key: SweepKey, text: string, base: TrainRequest): void;
  start(base: TrainRequest): void;
  cancel(): void;
}

let cancelFlag = false;

/** The base request: the form's, or the imported dataset's split (as store.ts play() builds it). */
export function sweepBase(req: TrainRequest): { req: TrainRequest; data?: DataSource } | { error: string } {
  const imported = useImportedData.getState();
  if (!imported.useFile) return { req };
  const ds = imported.dataset;
  if (!ds || ds.problem)
    return { error: ds ? `this dataset cannot train: ${ds.problem}` : 'choose a dataset file first (Your data), or switch back to a built-in task.' };
  const fileReq: TrainRequest = { ...req, datasetId: ds.id, trainSize: Math.round(ds.kept * 0.8), testSize: ds.kept - Math.round(ds.kept * 0.8) };
  delete fileReq.adversarialShare;
  return { req: fileReq, data: { name: ds.name, sha256: ds.sha256, n: ds.summary.n } };
}

export const useSweep = create<SweepState>()((set, get) => ({
  status: 'idle',
  total: 0,
  current: 0,
  runSeconds: [],
  runFraction: 0,
  cards: [],
  table: [],
  varied: [],
  trainer: 'core',
  setTrainer: (trainer) => set({ trainer }),
  setList: (key, text, base) => set({ lists: { ...(get().lists ?? listsOf(base)), [key]: text } }),
  start: (form) => {
    if (get().status === 'running') return;
    const b = sweepBase(form);
    if ('error' in b) return set({ status: 'error', error: b.error });
    const plan = planSweep(get().lists ?? listsOf(form), b.req);
    if (!plan.ok) return set({ status: 'error', error: plan.error });
    cancelFlag = false;
    const varied = plan.axes.filter((a) => a.values.length > 1 && a.key !== 'seed').map((a) => a.key as SweepKey);
    const t0 = performance.now();
    const trainer: SweepTrainer = get().trainer === 'core' && plan.requests.every((r) => coreRunProblem(r) === null) ? 'core' : 'tfjs';
    set({
      usedTrainer: trainer,
      status: 'running',
      total: plan.requests.length,
      current: 0,
      runSeconds: [],
      runFraction: 0,
      cards: [],
      table: [],
      varied,
      error: undefined,
      startedAt: t0,
    });
    const engine: SweepEngine = {
      train: (req, onProgress) => getEngine().train(req, proxy(onProgress)) as Promise<TrainResult>,
      control: (a) => getEngine().control(a) as Promise<unknown>,
      coreTrainRun: (req) => getEngine().coreTrainRun(req) as Promise<CoreRunResult>,
    };
    runSweepLoop(plan.requests, engine, {
      data: b.data,
      trainer,
      cancelled: () => cancelFlag,
      onStart: (i) => set({ current: i, runFraction: 0 }),
      onProgress: (p) => {
        const req = plan.requests[get().current];
        const stages = req.mode === 'quantum-greedy' ? req.depth : 1;
        const done = ((p.epochEnd ? p.epoch : p.epoch - 1) + (stages > 1 ? (p.depth - 1) * p.epochs : 0)) / (stages * p.epochs);
        set({ runFraction: Math.min(1, Math.max(0, done)) });
      },
      onRun: (_, card, s) => {
        const cards = [...get().cards, card];
        set({ cards, runSeconds: [...get().runSeconds, s], table: sweepTable(cards, STUDIO_METRICS) });
      },
    }).then(
      (how) => set({ status: how, seconds: (performance.now() - t0) / 1000 }),
      (e: unknown) => {
        const busy = e instanceof Error && /already in progress/.test(e.message);
        set({
          status: 'error',
          seconds: (performance.now() - t0) / 1000,
          error: busy
            ? 'the engine is busy with another training run: wait for it to finish or cancel it, then start the sweep again.'
            : 'a run of the sweep could not finish (the finished runs stay). Try a smaller learning rate or depth; if it fails again, reload the page.',
        });
      },
    );
  },
  cancel: () => {
    if (get().status !== 'running') return;
    cancelFlag = true;
    if (get().usedTrainer === 'core') return; // runs of well under a second: the loop stops after the current one
    void getEngine()
      .control('cancel')
      .catch(() => false);
  },
}));
