/**
 * The training panel's state (zustand, separate from the explorer store). All training runs
 * in the engine worker: this store sends the request, receives progress through a comlink
 * proxy and keeps the history, the result and the figures of baselines trained on the same
 * data. It never computes physics; it only counts predictions.
 *
 * Step: the worker API has no "train one epoch and continue" call, so Step runs (or resumes)
 * training and asks the worker to pause as soon as the next epoch-end report arrives. The
 * pause lands between optimiser steps, so a step or two of the following epoch may already
 * have run when it takes effect.
 */
import { modelSummary } from '../explorer/trainedModel';
import { proxy } from 'comlink';
import { create } from 'zustand';
import type { Activation } from '../../core/hqrn/activation';
import { EngineStoppedError, getEngine } from '../engine/engineClient';
import type { ModelJson, TaskName, TrainMode, TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import { TASK_SIZES, TRAINING_PRESETS, type TrainingBaseline } from './presets';
import { checkForm } from './ranges';

export interface TrainForm {
  task: TaskName;
  mode: TrainMode;
  depth: number;
  alpha: number;
  activation: Activation;
  learningRate: number;
  epochs: number;
  batchSize: number;
  /** 0 = exact. */
  shots: number;
  seed: number;
  trainSize: number;
  testSize: number;
  adversarialShare: number;
}

export const DEFAULT_FORM: TrainForm = {
  task: 'entanglement',
  mode: 'quantum-greedy',
  depth: 2,
  alpha: 0.5,
  activation: 'softplus',
  learningRate: 0.02,
  epochs: 10,
  batchSize: 32,
  shots: 0,
  seed: 1,
  ...TASK_SIZES.entanglement,
  adversarialShare: 0.5,
};

/** The result as it arrives (TrainResultExt's optional extras, read defensively). */
export interface TrainOutcome extends TrainResult {
  testPredictions?: Int32Array;
  /** Not sent by the engine today; the confusion matrix is drawn only when present. */
  testLabels?: Int32Array | number[];
  exportCheck?: { n: number; agreement: number };
  transfer?: TrainResult['transfer'] & { packedSubset?: { n: number; disagreements: number } };
}

export type RunStatus = 'idle' | 'running' | 'paused' | 'done' | 'cancelled' | 'diverged' | 'error';

export interface RunSummary {
  label: string;
  mode: TrainMode;
  request: TrainRequest;
  final: TrainResult['final'];
  transfer?: TrainOutcome['transfer'];
  exportCheck?: TrainOutcome['exportCheck'];
  seconds: number;
  epochs: number;
  /** Test-set predictions and labels when the engine sent them (balanced accuracy, class shares, baselines table). */
  testPredictions?: Int32Array;
  testLabels?: Int32Array | number[];
}

interface PendingRun {
  label: string;
  request: TrainRequest;
}

export interface TrainingState {
  form: TrainForm;
  status: RunStatus;
  /** Which run is going: the main one (plotted) or a baseline on the same data. */
  phase: 'main' | 'baseline';
  phaseLabel: string;
  presetId?: string;
  request?: TrainRequest;
  /** The newest report of the run in progress. */
  progress?: TrainProgress;
  /** Epoch-end reports of the main run. */
  history: TrainProgress[];
  result?: TrainOutcome;
  /** The main run's figures, then each baseline's (same data). */
  summaries: RunSummary[];
  queue: PendingRun[];
  /** What failed and what to try (words for the user; never an internal message). */
  error?: string;
  /** The internal message behind `error` (shown in a disclosure). */
  errorDetail?: string;
  stepPending: boolean;
  runId: number;
  /** Wall-clock start of the current run (ms, performance.now()). */
  startedAt?: number;
}

export interface TrainingActions {
  setForm(patch: Partial<TrainForm>): void;
  /** Start a new run from the form, or resume a paused one. */
  play(): void;
  pause(): void;
  /** Run until the next epoch end, then pause (see the file comment). */
  step(): void;
  cancel(): void;
  /** Cancel anything running and clear the run, plots and figures (the form stays). */
  reset(): void;
  runPreset(id: string): void;
}

export function formToRequest(f: TrainForm): TrainRequest {
  const req: TrainRequest = {
    task: f.task,
    mode: f.mode,
    depth: f.depth,
    alpha: f.alpha,
    activation: f.activation,
    learningRate: f.learningRate,
    epochs: f.epochs,
    batchSize: f.batchSize,
    seed: f.seed,
    trainSize: f.trainSize,
    testSize: f.testSize,
    shots: f.shots,
  };
  if (f.task === 'entanglement') req.adversarialShare = f.adversarialShare;
  return req;
}

/** The form showing a request (absent fields: the task's defaults). */
export function requestToForm(r: TrainRequest): TrainForm {
  return {
    task: r.task,
    mode: r.mode,
    depth: r.depth,
    alpha: r.alpha,
    activation: r.activation,
    learningRate: r.learningRate,
    epochs: r.epochs,
    batchSize: r.batchSize,
    shots: r.shots ?? 0,
    seed: r.seed,
    trainSize: r.trainSize ?? TASK_SIZES[r.task].trainSize,
    testSize: r.testSize ?? TASK_SIZES[r.task].testSize,
    adversarialShare: r.adversarialShare ?? DEFAULT_FORM.adversarialShare,
  };
}

/** Optimiser steps of a whole run (greedy: one stage per block). */
export function totalSteps(req: TrainRequest): number {
  const n = req.trainSize ?? TASK_SIZES[req.task].trainSize;
  const stages = req.mode === 'quantum-greedy' ? req.depth : 1;
  return stages * req.epochs * Math.ceil(n / Math.max(1, Math.min(req.batchSize, n)));
}

/** Fraction done, examples/s and estimated time left of a report. */
export function progressFigures(req: TrainRequest | undefined, p: TrainProgress | undefined) {
  if (!req || !p) return { fraction: 0, secondsLeft: NaN };
  const total = totalSteps(req);
  const fraction = total > 0 ? Math.min(1, p.step / total) : 0;
  const secondsLeft = fraction > 0 ? ((p.elapsedMs / 1000) * (1 - fraction)) / fraction : NaN;
  return { fraction, secondsLeft };
}

export const MODE_NAMES: Record<TrainMode, string> = {
  transfer: 'classical → quantum',
  'quantum-greedy': 'quantum, greedy',
  'quantum-end-to-end': 'quantum, end-to-end',
  classical: 'classical',
};

/** Mid-epoch progress reports are drawn at most this often (epoch ends at once). */
export const PROGRESS_UI_MS = 250;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export const useTraining = create<TrainingState & TrainingActions>()((set, get) => {
  /** What the user asked of the worker; re-sent with each report until it took effect. */
  let want: 'run' | 'pause' | 'cancel' = 'run';
  /** The worker runs one training at a time: a new run waits for the previous one to settle. */
  let inflight: Promise<unknown> = Promise.resolve();
  let pendingReport: TrainProgress | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let lastShown = 0;
  const flushReport = (runId: number) => {
    if (flushTimer !== null) clearTimeout(flushTimer);
    flushTimer = null;
    const p = pendingReport;
    pendingReport = null;
    if (!p || get().runId !== runId) return;
    lastShown = performance.now();
    set({ progress: p });
  };

  const control = (action: 'pause' | 'resume' | 'cancel') => {
    void getEngine()
      .control(action)
      .catch(() => false);
  };

  const launch = (run: PendingRun, phase: 'main' | 'baseline') => {
    const runId = get().runId + 1;
    want = 'run';
    set({
      runId,
      status: 'running',
      phase,
      phaseLabel: run.label,
      request: run.request,
      progress: undefined,
      error: undefined,
      errorDetail: undefined,
      startedAt: performance.now(),
      ...(phase === 'main' ? { history: [], result: undefined, summaries: [] } : {}),
    });
    // Progress comes through the proxy's own MessagePort, so a last report can arrive after
    // the result (another port): reports of a settled run are dropped.
    let settled = false;
    const onProgress = (p: TrainProgress) => {
      if (settled) return;
      const st = get();
      if (st.runId !== runId) {
        // A run the user reset away: runs are serialised, so the worker's current run is this one.
        control('cancel');
        return;
      }
      if (want === 'pause') control('pause');
      else if (want === 'cancel') control('cancel');
      // Mid-epoch reports (~10/s) are shown at most every PROGRESS_UI_MS: less main-thread work.
      const now = performance.now();
      if (!p.epochEnd) {
        pendingReport = p;
        if (now - lastShown >= PROGRESS_UI_MS) flushReport(runId);
        else if (flushTimer === null) flushTimer = setTimeout(() => flushReport(runId), PROGRESS_UI_MS - (now - lastShown));
        return;
      }
      pendingReport = null;
      lastShown = now;
      const patch: Partial<TrainingState> = { progress: p };
      if (st.phase === 'main') patch.history = [...st.history, p];
      if (st.stepPending) {
        patch.stepPending = false;
        patch.status = 'paused';
        want = 'pause';
        control('pause');
      }
      set(patch);
    };
    const started = inflight.then(() => getEngine().train(run.request, proxy(onProgress)));
    inflight = started.catch(() => undefined);
    started.then(
        (raw) => {
          settled = true;
          pendingReport = null;
          const r = raw as TrainOutcome;
          const st = get();
          if (st.runId !== runId) return;
          if (r.cancelled) {
            set({ status: 'cancelled', stepPending: false, queue: [], ...(phase === 'main' ? { result: r } : {}) });
            return;
          }
          const summary: RunSummary = {
            label: run.label,
            mode: run.request.mode,
            request: run.request,
            final: r.final,
            transfer: r.transfer,
            exportCheck: r.exportCheck,
            seconds: r.seconds,
            epochs: r.history.length,
            testPredictions: r.testPredictions,
            testLabels: r.testLabels,
          };
          const summaries = [...st.summaries, summary];
          const [next, ...rest] = st.queue;
          // Keep the history array the plots already show when it is the same (no redraw).
          const history = r.history.length === st.history.length || !r.history.length ? st.history : r.history;
          if (phase === 'main') set({ result: r, history, summaries });
          else set({ summaries });
          if (r.diverged) {
            // The run stopped itself; the engine kept the last finite model. No baselines after it.
            set({ status: 'diverged', stepPending: false, queue: [] });
            return;
          }
          if (next) {
            set({ queue: rest });
            launch(next, 'baseline');
          } else set({ status: 'done', stepPending: false });
        },
        (e: unknown) => {
          settled = true;
          if (get().runId !== runId) return;
          // The worker died and was replaced (engineClient.ts): the run is gone, Play starts it again.
          if (e instanceof EngineStoppedError) {
            set({ status: 'error', error: 'the run was interrupted because the engine stopped and was restarted. Press Play to start it again.', errorDetail: undefined, stepPending: false, queue: [] });
            return;
          }
          // No internal error text as the message: what failed and what to try; the details in a disclosure.
          set({
            status: 'error',
            error: 'the engine could not finish this run. Try again with a smaller learning rate, depth or data set; if it fails again, reload the page.',
            errorDetail: message(e),
            stepPending: false,
            queue: [],
          });
        },
      );
  };

  const startMain = (label: string, request: TrainRequest, baselines: TrainingBaseline[]) => {
    const queue = baselines.map((b) => ({ label: b.label, request: { ...request, ...b.patch } }));
    set({ queue });
    launch({ label, request }, 'main');
  };

  return {
    form: DEFAULT_FORM,
    status: 'idle',
    phase: 'main',
    phaseLabel: '',
    history: [],
    summaries: [],
    queue: [],
    stepPending: false,
    runId: 0,

    setForm: (patch) =>
      set((st) => {
        const form = { ...st.form, ...patch };
        // A task switch brings that task's dataset sizes (docs/math.md §7).
        if (patch.task && patch.task !== st.form.task) Object.assign(form, TASK_SIZES[patch.task]);
        return { form, presetId: undefined };
      }),

    play: () => {
      const st = get();
      if (st.status === 'paused') {
        want = 'run';
        set({ status: 'running' });
        control('resume');
        return;
      }
      if (st.status === 'running') return;
      // Out-of-range fields are marked in the form; Play waits until they are fixed.
      if (!checkForm(st.form).ok) return;
      const req = formToRequest(st.form);
      startMain(`HQRN (${MODE_NAMES[req.mode]})`, req, []);
    },

    pause: () => {
      if (get().status !== 'running') return;
      want = 'pause';
      set({ status: 'paused', stepPending: false });
      control('pause');
    },

    step: () => {
      const st = get();
      if (st.status === 'running') {
        set({ stepPending: true });
        return;
      }
      set({ stepPending: true });
      get().play();
    },

    cancel: () => {
      const st = get();
      if (st.status !== 'running' && st.status !== 'paused') return;
      want = 'cancel';
      set({ queue: [], stepPending: false });
      control('cancel');
    },

    reset: () => {
      const st = get();
      if (st.status === 'running' || st.status === 'paused') {
        want = 'cancel';
        control('cancel');
      }
      set({
        runId: st.runId + 1,
        status: 'idle',
        phase: 'main',
        phaseLabel: '',
        request: undefined,
        progress: undefined,
        history: [],
        result: undefined,
        summaries: [],
        queue: [],
        error: undefined,
        errorDetail: undefined,
        stepPending: false,
        startedAt: undefined,
        presetId: undefined,
      });
    },

    runPreset: (id) => {
      const preset = TRAINING_PRESETS.find((p) => p.id === id);
      if (!preset) throw new Error(`runPreset: unknown preset ${JSON.stringify(id)}`);
      const st = get();
      if (st.status === 'running' || st.status === 'paused') return;
      const form = requestToForm(preset.request);
      set({ form, presetId: id, stepPending: false });
      startMain(`HQRN (${MODE_NAMES[form.mode]})`, { ...preset.request, ...formToRequest(form) }, preset.baselines);
    },
  };
});

/** The trained model the explorer can show: quantum models only. */
export function explorableModel(result: TrainOutcome | undefined): ModelJson | undefined {
  if (!result || result.cancelled) return undefined;
  // hqrn-model JSON: quantum blocks carry aPlus / aMinus, classical ones w (docs/math.md §10).
  return modelSummary(result.model).quantum ? result.model : undefined;
}
