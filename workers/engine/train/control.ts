/**
 * Pause / resume / cancel for a training run, and the hooks train() talks to.
 *
 * The training loop checks `paused` and `cancelled` before every optimiser step and yields
 * to the event loop every few milliseconds, so a control message that arrives while training
 * takes effect before the next step.
 */
import type { TrainProgress } from '../../../src/protocol/messages';
import type { DigitSet } from '../../../src/core/states/digits';

export interface TrainControlLike {
  readonly paused: boolean;
  readonly cancelled: boolean;
  /** Resolves at once when not paused (or cancelled); otherwise on resume() or cancel(). */
  waitWhilePaused(): Promise<void>;
}

export interface TrainHooks {
  onProgress(p: TrainProgress): void;
  control: TrainControlLike;
  /** The 10,000 digits (only called for task 'digits'). */
  loadDigits(): Promise<DigitSet>;
  /** An imported dataset by id (train/imported.ts; only called when req.datasetId is set). */
  dataset?(id: string): import('./imported').ImportedDataset | undefined;
}

export class TrainControl implements TrainControlLike {
  private _paused = false;
  private _cancelled = false;
  private waiters: (() => void)[] = [];

  get paused(): boolean {
    return this._paused;
  }
  get cancelled(): boolean {
    return this._cancelled;
  }

  pause(): void {
    if (!this._cancelled) this._paused = true;
  }

  resume(): void {
    this._paused = false;
    this.wake();
  }

  /** Cancelling also releases a paused run (which then stops). */
  cancel(): void {
    this._cancelled = true;
    this._paused = false;
    this.wake();
  }

  waitWhilePaused(): Promise<void> {
    if (!this._paused || this._cancelled) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }
}
