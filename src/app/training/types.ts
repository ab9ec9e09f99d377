/**
 * The training panel's types and the pure arithmetic of a run's progress (no store, no engine).
 */
import type { TrainMode, TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import type { TrainForm } from './form';
import { TASK_SIZES } from './presets';

/** The result as it arrives (TrainResultExt's optional extras, read defensively). */
export interface TrainOutcome extends TrainResult {
  testPredictions?: Int32Array;
  /** Not sent by the engine today; the confusion matrix is drawn only when present. */
  testLabels?: Int32Array | number[];
  /** The test states' kinds (same order) when the data has kinds: the per-kind table. */
  testKinds?: string[];
  exportCheck?: { n: number; agreement: number };
  /** Shots > 0: the final test accuracy from finite-shot estimates (workers/engine/train/shots.ts). */
  shotEvaluation?: { shots: number; n: number; testAccuracy: number };
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
  testKinds?: string[];
}

export interface PendingRun {
  label: string;
  request: TrainRequest;
  /** An imported dataset the run trains on (its run card names it). */
  data?: import('./runCard').DataSource;
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
  /** Put a whole form in place as it is (a link, a run card): no task-size defaults applied. */
  loadForm(form: TrainForm): void;
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
