/**
 * The training form (pure: no store, no engine): its fields, defaults and the request it makes.
 * Kept apart from the store so that the link (src/app/url/fields.ts) can hold the form.
 */
import type { Activation } from '../../core/hqrn/activation';
import type { TaskName, TrainMode, TrainRequest } from '../../protocol/messages';
import { TASK_SIZES } from './presets';

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
