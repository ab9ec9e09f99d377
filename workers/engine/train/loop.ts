/**
 * The minibatch loop shared by every training mode: seeded shuffles, Adam, pause / cancel
 * between steps, throttled progress reports, per-epoch evaluation.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainProgress, TrainRequest } from '../../../src/protocol/messages';
import type { Rng } from '../../../src/core/math/rng';
import { seededPermutation } from '../../../src/core/math/rng';
import type { TrainHooks } from './control';
import { type Divergence, DivergenceDetector } from './divergence';
import { FlatAdam } from './flatAdam';
import { type AdversarialAccuracy, accuracy, adversarialAccuracy, type Split } from './data';

/** Where and why a run diverged (the run stops; the last finite weights are kept). */
export interface DivergedAt extends Divergence {
  epoch: number;
  stage: string;
}

/** 1 when every entry of every tensor is finite (one scalar read-back). */
async function allFinite(vars: tf.Tensor[]): Promise<boolean> {
  const bad = tf.tidy(() => tf.addN(vars.map((v) => tf.sum(tf.cast(tf.logicalNot(tf.isFinite(v)), 'float32')))));
  const n = (await bad.data())[0];
  bad.dispose();
  return n === 0;
}

/** Progress reports during an epoch at most this far apart (the contract asks ≤ 250 ms). */
const REPORT_EVERY_MS = 100;
/** Yield to the event loop (so control messages arrive) at least this often. */
const YIELD_EVERY_MS = 20;
/**
 * Rows per forward pass when evaluating a split: every split of the paper's tasks (≤ 6,000
 * rows) is one batched call with one read-back; larger ones are chunked.
 */
const EVAL_CHUNK = 8192;

export type LogitsFn = (input: tf.Tensor2D) => tf.Tensor2D;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/**
 * Yield to the event loop (control messages arrive as tasks). A MessageChannel task, not
 * setTimeout(0): browsers clamp nested timers to ≥ 4 ms, a tenth of the yield interval.
 */
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
/** node: the port keeps the process alive only while someone waits on it. */
const port1 = channel?.port1 as (MessagePort & { ref?: () => void; unref?: () => void }) | undefined;
if (port1) {
  port1.onmessage = () => {
    waiting.shift()?.();
    if (!waiting.length) port1.unref?.();
  };
  port1.unref?.();
}
const nextTick = () =>
  new Promise<void>((r) => {
    if (!channel) return void setTimeout(r, 0);
    waiting.push(r);
    port1!.ref?.();
    channel.port2.postMessage(0);
  });

/** Predicted classes of every row of `input` (chunked forward, one read-back per chunk). */
export async function predict(logits: LogitsFn, input: tf.Tensor2D, betweenChunks?: () => Promise<void>): Promise<Int32Array> {
  const n = input.shape[0];
  const out = new Int32Array(n);
  for (let s = 0; s < n; s += EVAL_CHUNK) {
    if (s > 0 && betweenChunks) await betweenChunks();
    const m = Math.min(EVAL_CHUNK, n - s);
    const am = tf.tidy(() => tf.argMax(logits(tf.slice(input, [s, 0], [m, -1])), 1));
    out.set(await am.data(), s);
    am.dispose();
  }
  return out;
}

export interface Evaluation {
  trainAccuracy: number;
  testAccuracy: number;
  adversarialAccuracy?: AdversarialAccuracy;
  testPredictions: Int32Array;
}

export interface StageSpec {
  stage: string;
  depth: number;
  epochs: number;
  vars: tf.Variable[];
  logits: LogitsFn;
  /** Stage inputs (rows aligned with the splits) and one-hot train labels. */
  trainInput: tf.Tensor2D;
  testInput: tf.Tensor2D;
  trainLabels: tf.Tensor2D;
}

export class Trainer {
  step = 0;
  readonly history: TrainProgress[] = [];
  private readonly t0 = now();
  private pausedMs = 0;
  private lastReport = now();
  private lastYield = now();
  last: Evaluation | undefined;
  /**
   * The full evaluation (train and test sets) of the weights a completed runStage left: the
   * caller's final evaluation of the same logits need not run again.
   */
  stageEvaluation: Evaluation | undefined;
  /** Set when the run diverged: runStage then returns false with the weights restored. */
  diverged: DivergedAt | undefined;
  private readonly detector = new DivergenceDetector();
  /** During an epoch: emit a per-step progress report (used between evaluation chunks too). */
  private report: (() => Promise<void>) | null = null;

  constructor(
    private readonly req: TrainRequest,
    private readonly hooks: TrainHooks,
    private readonly shuffleRng: Rng,
    private readonly train: Split,
    private readonly test: Split,
  ) {}

  get cancelled(): boolean {
    return this.hooks.control.cancelled;
  }

  elapsedMs(): number {
    return now() - this.t0 - this.pausedMs;
  }

  /**
   * Accuracies on the whole test set and (trainInput given) the whole train set; without
   * trainInput, trainAccuracy is `runningTrainAccuracy` (the epoch's minibatches, as they went).
   */
  async evaluate(logits: LogitsFn, trainInput: tf.Tensor2D | null, testInput: tf.Tensor2D, runningTrainAccuracy = NaN): Promise<Evaluation> {
    const tick = async () => {
      if (now() - this.lastYield >= YIELD_EVERY_MS) {
        await nextTick();
        this.lastYield = now();
      }
      if (this.report && now() - this.lastReport >= REPORT_EVERY_MS) await this.report();
    };
    const tr = trainInput ? await predict(logits, trainInput, tick) : null;
    await tick();
    const te = await predict(logits, testInput, tick);
    return {
      trainAccuracy: tr ? accuracy(tr, this.train.labels) : runningTrainAccuracy,
      testAccuracy: accuracy(te, this.test.labels),
      adversarialAccuracy: adversarialAccuracy(te, this.test),
      testPredictions: te,
    };
  }

  /** Wait out a pause (its duration does not count as training time); true if cancelled. */
  private async checkControl(): Promise<boolean> {
    const c = this.hooks.control;
    if (now() - this.lastYield >= YIELD_EVERY_MS) {
      await nextTick();
      this.lastYield = now();
    }
    if (c.paused && !c.cancelled) {
      const t = now();
      await c.waitWhilePaused();
      this.pausedMs += now() - t;
      this.lastReport = now();
      this.lastYield = now();
    }
    return c.cancelled;
  }

  /** Train `vars` for spec.epochs epochs; false if cancelled. */
  async runStage(spec: StageSpec): Promise<boolean> {
    const { req } = this;
    const n = spec.trainInput.shape[0];
    const B = Math.max(1, Math.min(req.batchSize, n));
    const optimizer = new FlatAdam(spec.vars, req.learningRate);
    const labels = spec.trainLabels;
    const base = { epochs: spec.epochs, depth: spec.depth, stage: spec.stage };
    // Per-step reports carry the latest evaluation: before the first epoch end of a later
    // greedy stage that is the previous depth's; the first stage evaluates its initial model.
    if (!this.last) this.last = await this.evaluate(spec.logits, spec.trainInput, spec.testInput);
    this.stageEvaluation = undefined;
    // The last weights known finite (stage start, then each epoch end with a finite loss).
    let snapshot: tf.Tensor[] = spec.vars.map((v) => tf.clone(v));
    const restore = async () => {
      spec.vars.forEach((v, i) => v.assign(snapshot[i]));
      this.last = await this.evaluate(spec.logits, spec.trainInput, spec.testInput);
    };
    try {
      for (let epoch = 1; epoch <= spec.epochs; epoch++) {
        const perm = Int32Array.from(seededPermutation(n, this.shuffleRng));
        // The epoch's order goes to the device once: the train set is shuffled there in one
        // gather, and each step takes a contiguous slice of it (no per-step gathers or uploads).
        const [xShuf, yShuf] = tf.tidy(() => {
          const permT = tf.tensor1d(perm, 'int32');
          return [tf.gather(spec.trainInput, permT) as tf.Tensor2D, tf.gather(labels, permT) as tf.Tensor2D];
        });
        let lossSum: tf.Tensor = tf.scalar(0);
        let correctSum: tf.Tensor = tf.scalar(0);
        let steps = 0,
          examples = 0;
        const epochStart = this.elapsedMs();
        let stepsEndMs = 0;
        const progress = async (epochEnd: boolean): Promise<TrainProgress> => {
          const loss = (await lossSum.data())[0] / Math.max(1, steps);
          if (!this.diverged && steps > 0) {
            const dv = this.detector.observe(loss);
            if (dv) this.diverged = { ...dv, epoch, stage: spec.stage };
          }
          const ms = this.elapsedMs();
          const trainingMs = (epochEnd ? stepsEndMs : ms) - epochStart;
          const ev = this.last!;
          return {
            ...base,
            epoch,
            step: this.step,
            loss,
            trainAccuracy: ev.trainAccuracy,
            testAccuracy: ev.testAccuracy,
            adversarialAccuracy: ev.adversarialAccuracy,
            examplesPerSecond: examples / Math.max(1e-3, trainingMs / 1000),
            elapsedMs: ms,
            epochEnd,
          };
        };
        this.report = async () => {
          this.hooks.onProgress(await progress(false));
          this.lastReport = now();
        };
        try {
          for (let s = 0; s < n; s += B) {
            if (await this.checkControl()) return false;
            const rows = Math.min(n, s + B) - s;
            let correct: tf.Tensor | null = null;
            const cost = optimizer.minimize(() => {
              const xb = tf.slice(xShuf, [s, 0], [rows, -1]);
              const yb = tf.slice(yShuf, [s, 0], [rows, -1]);
              const lg = spec.logits(xb);
              // Running train accuracy (not on the gradient's path; kept past the tape's tidy).
              correct = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(lg, 1), tf.argMax(yb, 1)), 'float32')));
              return tf.neg(tf.mean(tf.sum(tf.mul(yb, tf.logSoftmax(lg)), 1))) as tf.Scalar;
            });
            // The run's starting loss: the first step's (the initial weights'), read once per run,
            // so that a loss that explodes within the first epoch is measured against it.
            if (this.detector.startLoss === null && !this.diverged) {
              const dv = this.detector.observe((await cost.data())[0]);
              if (dv) this.diverged = { ...dv, epoch, stage: spec.stage };
            }
            const nextSum = tf.add(lossSum, cost);
            const nextCorrect = tf.add(correctSum, correct!);
            lossSum.dispose();
            correctSum.dispose();
            (correct as tf.Tensor | null)?.dispose();
            cost.dispose();
            lossSum = nextSum;
            correctSum = nextCorrect;
            steps++;
            examples += rows;
            this.step++;
            if (now() - this.lastReport >= REPORT_EVERY_MS) await this.report();
            if (this.diverged) break;
          }
          if (this.diverged) {
            await restore();
            return false;
          }
          stepsEndMs = this.elapsedMs();
          const running = (await correctSum.data())[0] / Math.max(1, examples);
          const p0 = await progress(true);
          if (!this.diverged && !(await allFinite(spec.vars)))
            this.diverged = { reason: 'the weights became non-finite', loss: p0.loss, startLoss: this.detector.startLoss ?? NaN, epoch, stage: spec.stage };
          if (this.diverged) {
            await restore();
            return false;
          }
          tf.dispose(snapshot);
          snapshot = spec.vars.map((v) => tf.clone(v));
          this.last = await this.evaluate(spec.logits, null, spec.testInput, running);
          const p = await progress(true);
          this.history.push(p);
          this.hooks.onProgress(p);
          this.lastReport = now();
        } finally {
          this.report = null;
          lossSum.dispose();
          correctSum.dispose();
          xShuf.dispose();
          yShuf.dispose();
        }
      }
      // Exact accuracies of the trained stage (accuracyByDepth, the next stage's reports). The
      // last epoch's test evaluation ran on these same weights: only the train set is new.
      if (spec.epochs >= 1 && this.last) {
        const tr = await predict(spec.logits, spec.trainInput);
        this.last = { ...this.last, trainAccuracy: accuracy(tr, this.train.labels) };
      } else this.last = await this.evaluate(spec.logits, spec.trainInput, spec.testInput);
      this.stageEvaluation = this.last;
      return true;
    } finally {
      optimizer.dispose();
      tf.dispose(snapshot);
    }
  }
}
