/**
 * Divergence of a training run: the loss is not a finite number, or it has
 * risen far above where the run started. Checked where the loop reads the loss anyway (the
 * progress reports and epoch ends, no extra sync per step).
 */

/** "Far above its start": more than FACTOR × the start and more than MARGIN above it. */
export const DIVERGENCE_FACTOR = 10;
export const DIVERGENCE_MARGIN = 5;

export interface Divergence {
  /** What happened, in words for the user. */
  reason: string;
  loss: number;
  startLoss: number;
}

export class DivergenceDetector {
  private start: number | null = null;

  /** The loss the run started from (the first finite loss observed). */
  get startLoss(): number | null {
    return this.start;
  }

  /** Observe a loss (the running mean of the epoch so far); a Divergence when it diverged. */
  observe(loss: number): Divergence | null {
    if (!Number.isFinite(loss)) {
      return { reason: Number.isNaN(loss) ? 'the loss became not a number' : 'the loss became infinite', loss, startLoss: this.start ?? NaN };
    }
    if (this.start === null) {
      this.start = loss;
      return null;
    }
    if (loss > DIVERGENCE_FACTOR * this.start && loss > this.start + DIVERGENCE_MARGIN) {
      return { reason: `the loss rose from ${fmt(this.start)} to ${fmt(loss)}`, loss, startLoss: this.start };
    }
    return null;
  }
}

function fmt(x: number): string {
  return Math.abs(x) >= 1e4 ? x.toExponential(2) : x.toPrecision(3);
}
