/**
 * One training run at a time, as the studio's store drives it: sends the request to the
 * engine worker, thins its progress reports (mid-epoch ones at most every PROGRESS_UI_MS),
 * re-sends the user's pause / cancel with each report until it takes effect, and puts the
 * result (or a worded error) into the store. Queued baselines run after the main run on the
 * same data. The engine and the store are passed in, so the runner is tested without a worker
 * (runner.test.ts).
 *
 * Step: the worker API has no "train one epoch and continue" call, so Step runs (or resumes)
 * training and asks the worker to pause as soon as the next epoch-end report arrives. The
 * pause lands between optimiser steps, so a step or two of the following epoch may already
 * have run when it takes effect.
 */
import type { TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import { studioRunCard, withRunCard } from './runCard';
import { PROGRESS_UI_MS, type PendingRun, type RunSummary, type TrainingState, type TrainOutcome } from './types';

/** The two engine calls a run needs (the worker's, through comlink; a fake in tests). */
export interface RunnerEngine {
  train(req: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<TrainResult>;
  control(action: 'pause' | 'resume' | 'cancel'): Promise<unknown>;
}

/** The store the runner reads and writes (zustand's get / set). */
export interface RunnerStore {
  get(): TrainingState;
  set(patch: Partial<TrainingState>): void;
}

/** An error of a run that the engine did not finish because the worker was restarted. */
export type IsEngineStopped = (e: unknown) => boolean;

export class TrainRunner {
  /** What the user asked of the worker; re-sent with each report until it took effect. */
  want: 'run' | 'pause' | 'cancel' = 'run';
  /** The worker runs one training at a time: a new run waits for the previous one to settle. */
  private inflight: Promise<unknown> = Promise.resolve();
  private pendingReport: TrainProgress | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastShown = 0;

  constructor(
    private readonly store: RunnerStore,
    private readonly engine: () => RunnerEngine,
    /** comlink's proxy() in the app (progress callbacks cross the worker boundary). */
    private readonly wrap: (f: (p: TrainProgress) => void) => (p: TrainProgress) => void,
    private readonly isEngineStopped: IsEngineStopped,
    /** The model file of a finished run gets its run card (docs/math.md §11); the clock is injectable for tests. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `r` with its model carrying the run card of `req`. */
  private stamp(req: TrainRequest, r: TrainOutcome, data?: PendingRun['data']): TrainOutcome {
    return { ...r, model: withRunCard(r.model, studioRunCard(req, r, this.now().toISOString(), data)) };
  }

  private flushReport(runId: number): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const p = this.pendingReport;
    this.pendingReport = null;
    if (!p || this.store.get().runId !== runId) return;
    this.lastShown = performance.now();
    this.store.set({ progress: p });
  }

  /** Ask the worker to pause, resume or cancel (a failed call is ignored: the next report re-sends it). */
  control(action: 'pause' | 'resume' | 'cancel'): void {
    void this.engine()
      .control(action)
      .catch(() => false);
  }

  /** Start `run` (after the previous run settled); its reports and result go into the store. */
  launch(run: PendingRun, phase: 'main' | 'baseline'): void {
    const { get, set } = this.store;
    const control = (a: 'pause' | 'resume' | 'cancel') => this.control(a);
    const runId = get().runId + 1;
    this.want = 'run';
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
      if (this.want === 'pause') control('pause');
      else if (this.want === 'cancel') control('cancel');
      // Mid-epoch reports (~10/s) are shown at most every PROGRESS_UI_MS: less main-thread work.
      const now = performance.now();
      if (!p.epochEnd) {
        this.pendingReport = p;
        if (now - this.lastShown >= PROGRESS_UI_MS) this.flushReport(runId);
        else if (this.flushTimer === null) this.flushTimer = setTimeout(() => this.flushReport(runId), PROGRESS_UI_MS - (now - this.lastShown));
        return;
      }
      this.pendingReport = null;
      this.lastShown = now;
      const patch: Partial<TrainingState> = { progress: p };
      if (st.phase === 'main') patch.history = [...st.history, p];
      if (st.stepPending) {
        patch.stepPending = false;
        patch.status = 'paused';
        this.want = 'pause';
        control('pause');
      }
      set(patch);
    };
    const started = this.inflight.then(() => this.engine().train(run.request, this.wrap(onProgress)));
    this.inflight = started.catch(() => undefined);
    started.then(
      (raw) => {
        settled = true;
        this.pendingReport = null;
        const st = get();
        if (st.runId !== runId) return;
        const r = (raw as TrainOutcome).cancelled ? (raw as TrainOutcome) : this.stamp(run.request, raw as TrainOutcome, run.data);
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
          testKinds: r.testKinds,
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
          this.launch(next, 'baseline');
        } else set({ status: 'done', stepPending: false });
      },
      (e: unknown) => {
        settled = true;
        if (get().runId !== runId) return;
        // The worker died and was replaced (engineClient.ts): the run is gone, Play starts it again.
        if (this.isEngineStopped(e)) {
          set({
            status: 'error',
            error: 'the run was interrupted because the engine stopped and was restarted. Press Play to start it again.',
            errorDetail: undefined,
            stepPending: false,
            queue: [],
          });
          return;
        }
        // No internal error text as the message: what failed and what to try; the details in a disclosure.
        set({
          status: 'error',
          error: 'the engine could not finish this run. Try again with a smaller learning rate, depth or data set; if it fails again, reload the page.',
          errorDetail: e instanceof Error ? e.message : String(e),
          stepPending: false,
          queue: [],
        });
      },
    );
  }
}
