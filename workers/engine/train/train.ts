/**
 * Training: the classical residual network, classical → quantum transfer, and the
 * HQRN trained directly (greedy layer-wise, the paper's, or end-to-end), docs/math.md §3, §4, §6.
 *
 *   train(req, hooks) → TrainResult (+ the extras of TrainResultExt)
 *
 * Data: trainData.ts. Parameters and their export: trainNets.ts. The loop: trainLoop.ts.
 * Quantum modes run the genuine packed quantum path (Ω on packed ρ) on entanglement states;
 * digit inputs are diagonal, where the packed path equals the analog-weights path exactly
 * (§3), so digits use W_c = |Ã+|∘² − |Ã−|∘² (a d×d instead of a d×d² product).
 * Finite shots (req.shots > 0): the optimiser's steps and the per-epoch accuracies use exact
 * probabilities; the final test accuracy is measured again with N_s shots per unitary per block
 * on the float64 core (./shots.ts, docs/math.md §5) and reported as `shotEvaluation`.
 */
import * as tf from '@tensorflow/tfjs-core';
import './gradients';
import type { TrainRequest, TrainResult } from '../../../src/protocol/messages';
import { classicalAnalog, classicalForwardBatch } from '../../../src/core/hqrn/classical';
import { modelToJson } from '../../../src/core/io/files';
import type { Model } from '../../../src/core/hqrn/model';
import { compileBlock, depolarisePacked, quantumForwardBatch } from '../../../src/core/hqrn/qrb';
import { softmaxReadout } from '../../../src/core/hqrn/readout';
import { initRng as makeInitRng, shuffleRng } from '../../../src/core/hqrn/trainingDefinition';
import { transferModel } from '../../../src/core/hqrn/transfer';
import type { TrainHooks } from './control';
import { shotPredictions } from './shots';
import { accuracy, adversarialAccuracy, disposeSplit, loadTaskData, type Split, type SplitTensors, splitTensors, type TaskData } from './data';
import { type LogitsFn, predict, Trainer } from './loop';
import {
  type BlockSettings,
  ClassicalBlockParams,
  classicalModel,
  packedDiagonalT,
  QuantumBlockParams,
  quantumBlockApplyFixed,
  quantumModel,
  ReadoutParams,
  readoutFixed,
} from './nets';

export { TrainControl, type TrainHooks } from './control';

/** Digits transfer: rows of the test set also run through the genuine packed quantum path. */
export const PACKED_SUBSET = 500;

/** TrainResult plus checks the engine may pass on (all optional on the wire). */
export interface TrainResultExt extends TrainResult {
  /** Predictions of the returned model on the test set (tensor evaluation). */
  testPredictions?: Int32Array;
  /** The test labels in the same order (the panel's confusion matrix). */
  testLabels?: Int32Array;
  /** The test states' kinds in the same order, when the data has kinds (the per-kind table). */
  testKinds?: string[];
  /** The exported model run by the float64 core on the test set vs the tensor predictions. */
  exportCheck?: { n: number; agreement: number };
  /** req.shots > 0, quantum models: the test accuracy with N_s shots (first SHOT_EVAL_MAX test states). */
  shotEvaluation?: { shots: number; n: number; testAccuracy: number };
  transfer?: TrainResult['transfer'] & {
    /** Digits: test rows also run through the packed d×d² quantum path (first PACKED_SUBSET). */
    packedSubset?: { n: number; disagreements: number };
  };
}

/** At most this many test states are evaluated with finite shots. */
export const SHOT_EVAL_MAX = 1000;
/** Sampling draws one shot at a time: at most this many draws in all (≈ 1–2 s on one core). */
export const SHOT_DRAW_BUDGET = 2e7;

/**
 * The test accuracy of quantum model `qm` with `req.shots` shots per unitary per block, on the
 * first n test states (digits: their diagonal states diag(x)), n = min(SHOT_EVAL_MAX, N,
 * ⌊SHOT_DRAW_BUDGET / (2 · depth · N_s)⌋) and at least 1 (two unitaries per block); sampling
 * seeded by req.seed. Undefined when req.shots is 0 / absent or the model is not quantum.
 */
export function shotEvaluation(qm: Model, data: TaskData, req: TrainRequest): TrainResultExt['shotEvaluation'] {
  if (!req.shots || qm.kind !== 'quantum') return undefined;
  const d = data.d,
    D = d * d;
  const perState = 2 * Math.max(1, qm.blocks.length) * req.shots;
  const n = Math.max(1, Math.min(SHOT_EVAL_MAX, data.test.n, Math.floor(SHOT_DRAW_BUDGET / perState)));
  let v = data.test.v?.subarray(0, n * D);
  if (!v) {
    v = new Float64Array(n * D);
    for (let s = 0; s < n; s++) v.set(data.test.x.subarray(s * d, (s + 1) * d), s * D);
  }
  const pred = shotPredictions(qm, { ...data.test, n, v }, d, req.shots, req.seed, req.noise ?? 0);
  return { shots: req.shots, n, testAccuracy: accuracy(pred, data.test.labels.subarray(0, n)) };
}

/**
 * Core float64 predictions of a model on a split (quantum path on packed states when present).
 * noise λ > 0 (quantum models): the depolarising channel on every block's input.
 */
export function corePredictions(model: Model, split: Split, d: number, noise = 0): Int32Array {
  let xs: Float64Array;
  const D = d * d;
  if (model.kind === 'classical') xs = classicalForwardBatch(model.blocks, split.x, d).x;
  else if (split.v || noise > 0) {
    let v: Float64Array;
    if (split.v) v = split.v.slice();
    else {
      v = new Float64Array(split.n * D);
      for (let s = 0; s < split.n; s++) v.set(split.x.subarray(s * d, (s + 1) * d), s * D);
    }
    for (const cb of model.blocks.map(compileBlock)) {
      if (noise > 0) for (let s = 0; s < split.n; s++) v.set(depolarisePacked(v.subarray(s * D, (s + 1) * D), d, noise), s * D);
      v = quantumForwardBatch([cb], v, d).v;
    }
    xs = new Float64Array(split.n * d);
    for (let s = 0; s < split.n; s++) xs.set(v.subarray(s * D, s * D + d), s * d);
  } else xs = classicalForwardBatch(classicalAnalog(model).blocks, split.x, d).x;
  const out = new Int32Array(split.n);
  for (let s = 0; s < split.n; s++) out[s] = softmaxReadout(model.readout!, xs.subarray(s * d, (s + 1) * d)).predicted;
  return out;
}

function agreement(a: Int32Array, b: Int32Array): number {
  return accuracy(a, b);
}

function disagreementCount(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

export async function train(req: TrainRequest, hooks: TrainHooks): Promise<TrainResultExt> {
  validate(req);
  const t0 = Date.now();
  const data = await loadTaskData(req, hooks);
  const C = data.classes.length;
  const trainT = splitTensors(data.train, data.d, C);
  const testT = splitTensors(data.test, data.d, C);
  const initRng = makeInitRng(req.seed);
  const trainer = new Trainer(req, hooks, shuffleRng(req.seed), data.train, data.test);
  const settings: BlockSettings = { alpha: req.alpha, activation: req.activation };
  const qSettings: BlockSettings = { ...settings, noise: req.noise ?? 0 };
  const readout = new ReadoutParams(data.d, data.classes, initRng);
  const owned: { dispose(): void }[] = [];
  try {
    if (req.mode === 'classical' || req.mode === 'transfer') {
      const blocks = Array.from({ length: req.depth }, () => new ClassicalBlockParams(data.d, settings, initRng));
      owned.push(...blocks.flatMap((b) => b.vars()));
      const logits: LogitsFn = (x) => tf.tidy(() => readout.logits(blocks.reduce((h, b) => b.apply(h), x)));
      const done = await trainer.runStage({
        stage: 'classical',
        depth: req.depth,
        epochs: req.epochs,
        vars: [...blocks.flatMap((b) => b.vars()), ...readout.vars()],
        logits,
        trainInput: trainT.x,
        testInput: testT.x,
        trainLabels: trainT.y,
      });
      const cm = classicalModel(data.nQubits, blocks, readout);
      const ev = (done && trainer.stageEvaluation) || (await trainer.evaluate(logits, trainT.x, testT.x));
      const base = finish(trainer, ev, modelToJson(cm), !done, t0);
      const out: TrainResultExt = {
        ...base,
        testPredictions: ev.testPredictions,
        testLabels: data.test.labels,
        ...(data.test.kinds ? { testKinds: data.test.kinds } : {}),
        exportCheck: exportCheck(cm, data, ev.testPredictions),
      };
      if (req.mode === 'classical' || !done) return out;
      return await transferStage(out, cm, data, trainT, testT, ev.testPredictions, t0, req);
    }

    // Quantum: Ã± trained directly.
    const diag = data.diagonal;
    const toDiag = (v: tf.Tensor2D) => (diag ? v : packedDiagonalT(v, data.d));
    const blocks: QuantumBlockParams[] = [];
    const stackLogits =
      (bs: QuantumBlockParams[]): LogitsFn =>
      (v) =>
        tf.tidy(() => readout.logits(toDiag(bs.reduce((h, b) => b.apply(h, diag), v))));
    let done = true;
    const accuracyByDepth: NonNullable<TrainResult['accuracyByDepth']> = [];
    if (req.mode === 'quantum-end-to-end') {
      for (let k = 0; k < req.depth; k++) blocks.push(new QuantumBlockParams(data.d, qSettings, initRng));
      owned.push(...blocks.flatMap((b) => b.vars()), ...blocks.map((b) => ({ dispose: () => b.disposeConstants() })));
      done = await trainer.runStage({
        stage: 'end-to-end',
        depth: req.depth,
        epochs: req.epochs,
        vars: [...blocks.flatMap((b) => b.vars()), ...readout.vars()],
        logits: stackLogits(blocks),
        trainInput: trainT.v,
        testInput: testT.v,
        trainLabels: trainT.y,
      });
    } else {
      // Greedy: block k with the readout on the frozen outputs of blocks < k (precomputed).
      let trIn = trainT.v,
        teIn = testT.v;
      for (let k = 1; k <= req.depth && done; k++) {
        const blk = new QuantumBlockParams(data.d, qSettings, initRng);
        blocks.push(blk);
        owned.push(...blk.vars(), { dispose: () => blk.disposeConstants() });
        done = await trainer.runStage({
          stage: `block ${k}`,
          depth: k,
          epochs: req.epochs,
          vars: [...blk.vars(), ...readout.vars()],
          logits: stackLogits([blk]),
          trainInput: trIn,
          testInput: teIn,
          trainLabels: trainT.y,
        });
        if (!done) break;
        accuracyByDepth.push({ depth: k, trainAccuracy: trainer.last!.trainAccuracy, testAccuracy: trainer.last!.testAccuracy });
        if (k < req.depth) {
          const [nTr, nTe] = [blk.apply(trIn, diag), blk.apply(teIn, diag)];
          if (trIn !== trainT.v) {
            trIn.dispose();
            teIn.dispose();
          }
          [trIn, teIn] = [nTr, nTe];
          owned.push(nTr, nTe);
        }
      }
    }
    const qm = quantumModel(data.nQubits, blocks, readout);
    // End-to-end: the stage's own evaluation is of this very stack; greedy stages saw precomputed inputs.
    const ev = (done && req.mode === 'quantum-end-to-end' && trainer.stageEvaluation) || (await trainer.evaluate(stackLogits(blocks), trainT.v, testT.v));
    const out: TrainResultExt = {
      ...finish(trainer, ev, modelToJson(qm), !done, t0),
      testPredictions: ev.testPredictions,
      testLabels: data.test.labels,
      ...(data.test.kinds ? { testKinds: data.test.kinds } : {}),
      exportCheck: exportCheck(qm, data, ev.testPredictions, req.noise ?? 0),
    };
    if (done) out.shotEvaluation = shotEvaluation(qm, data, req);
    if (req.mode === 'quantum-greedy') out.accuracyByDepth = accuracyByDepth;
    return out;
  } finally {
    for (const o of owned) o.dispose();
    readout.vars().forEach((v) => v.dispose());
    disposeSplit(trainT);
    disposeSplit(testT);
  }
}

function finish(trainer: Trainer, ev: Awaited<ReturnType<Trainer['evaluate']>>, model: Record<string, unknown>, stopped: boolean, t0: number): TrainResult {
  const dv = trainer.diverged;
  return {
    model,
    history: trainer.history,
    final: { trainAccuracy: ev.trainAccuracy, testAccuracy: ev.testAccuracy, adversarialAccuracy: ev.adversarialAccuracy },
    // a run that stopped because it diverged is not a cancelled one
    cancelled: stopped && !dv,
    ...(dv ? { diverged: { epoch: dv.epoch, stage: dv.stage, reason: dv.reason, loss: dv.loss, startLoss: dv.startLoss } } : {}),
    seconds: (Date.now() - t0) / 1000,
  };
}

function exportCheck(model: Model, data: TaskData, tensorPred: Int32Array, noise = 0): { n: number; agreement: number } {
  return { n: data.test.n, agreement: agreement(corePredictions(model, data.test, data.d, noise), tensorPred) };
}

/**
 * Transfer the trained classical network (core, float64) and evaluate the quantum model on
 * tensors: on the packed diagonal states diag(x) of the test set (the correspondence theorem:
 * same predictions as the classical network), and on the task's own inputs (full ρ for
 * entanglement) for `final`. Digits: analog-weights path on the whole test set plus the
 * packed d×d² path on the first PACKED_SUBSET rows.
 */
async function transferStage(
  out: TrainResultExt,
  cm: import('../../../src/core/hqrn/model').ClassicalModel,
  data: TaskData,
  trainT: SplitTensors,
  testT: SplitTensors,
  classicalPred: Int32Array,
  t0: number,
  req: TrainRequest,
): Promise<TrainResultExt> {
  const { model: qm, blocks } = transferModel(cm);
  const maxUnitarityError = Math.max(0, ...blocks.flatMap((b) => [b.unitarityError.plus, b.unitarityError.minus]));
  const d = data.d,
    D = d * d;
  const qLogits =
    (diagonal: boolean): LogitsFn =>
    (v) =>
      tf.tidy(() => {
        const h = qm.blocks.reduce((acc, b) => quantumBlockApplyFixed(b, acc, diagonal), v);
        return readoutFixed(qm.readout!, diagonal ? h : packedDiagonalT(h, d));
      });
  const packedDiag = (x: tf.Tensor2D) =>
    tf.pad(x, [
      [0, 0],
      [0, D - d],
    ]) as tf.Tensor2D;
  let qPred: Int32Array;
  let packedSubset: { n: number; disagreements: number } | undefined;
  if (!data.diagonal) {
    const pd = packedDiag(testT.x);
    qPred = await predict(qLogits(false), pd);
    pd.dispose();
  } else {
    qPred = await predict(qLogits(true), testT.x);
    const m = Math.min(PACKED_SUBSET, data.test.n);
    const pd = tf.tidy(() => packedDiag(tf.slice(testT.x, [0, 0], [m, d])));
    const sub = await predict(qLogits(false), pd);
    pd.dispose();
    packedSubset = { n: m, disagreements: disagreementCount(sub, classicalPred.subarray(0, m)) };
  }
  // The quantum model on the task's inputs (entanglement: the full states).
  const trPred = data.diagonal ? null : await predict(qLogits(false), trainT.v);
  const tePred = data.diagonal ? qPred : await predict(qLogits(false), testT.v);
  const final = data.diagonal
    ? out.final
    : {
        trainAccuracy: accuracy(trPred!, data.train.labels),
        testAccuracy: accuracy(tePred, data.test.labels),
        adversarialAccuracy: adversarialAccuracy(tePred, data.test),
      };
  return {
    ...out,
    model: modelToJson(qm),
    final,
    testPredictions: tePred,
    testLabels: data.test.labels,
    ...(data.test.kinds ? { testKinds: data.test.kinds } : {}),
    exportCheck: { n: data.test.n, agreement: agreement(corePredictions(qm, data.test, d), tePred) },
    shotEvaluation: shotEvaluation(qm, data, req),
    transfer: {
      classicalModel: out.model,
      classicalTestAccuracy: accuracy(classicalPred, data.test.labels),
      quantumTestAccuracy: accuracy(qPred, data.test.labels),
      disagreements: disagreementCount(qPred, classicalPred),
      maxUnitarityError,
      packedSubset,
    },
    seconds: (Date.now() - t0) / 1000,
  };
}

function validate(req: TrainRequest): void {
  const bad = (f: string, why: string) => {
    throw new Error(`train: ${f} ${why}`);
  };
  if (!(Number.isInteger(req.depth) && req.depth >= 1)) bad('depth', `must be an integer ≥ 1, got ${req.depth}`);
  if (!(req.alpha >= 0 && req.alpha <= 1)) bad('alpha', `must be in [0, 1], got ${req.alpha}`);
  if (!(Number.isInteger(req.epochs) && req.epochs >= 0)) bad('epochs', `must be an integer ≥ 0, got ${req.epochs}`);
  if (!(Number.isInteger(req.batchSize) && req.batchSize >= 1)) bad('batchSize', `must be an integer ≥ 1, got ${req.batchSize}`);
  if (!(req.learningRate > 0)) bad('learningRate', `must be > 0, got ${req.learningRate}`);
  if (!Number.isFinite(req.seed)) bad('seed', `must be finite, got ${req.seed}`);
  if (req.noise !== undefined && !(req.noise >= 0 && req.noise <= 1)) bad('noise', `must be in [0, 1], got ${req.noise}`);
  if (req.validationSize !== undefined && !(Number.isInteger(req.validationSize) && req.validationSize >= 0))
    bad('validationSize', `must be an integer ≥ 0, got ${req.validationSize}`);
}
