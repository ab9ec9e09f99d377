/**
 * Small, seeded training runs whose curves (loss, accuracies per epoch) are pinned in
 * fixtures/train-curves.json, recorded with the training loop as it was before the batched restructuring's
 * restructuring (commit 38ad224). trainLoop.test.ts checks the current loop reproduces them
 * within float32 round-off. Regenerate (only on purpose): tsx workers/engine/train/curves.ts
 */
import type { TrainRequest } from '../../../src/protocol/messages';
import type { DigitSet } from '../../../src/core/states/digits';
import { train } from './train';
import { TrainControl } from './control';

export const CURVE_RUNS: Record<string, TrainRequest> = {
  'digits classical': {
    task: 'digits',
    mode: 'classical',
    depth: 2,
    alpha: 0.5,
    activation: 'relu',
    learningRate: 0.01,
    epochs: 3,
    batchSize: 50,
    seed: 3,
    trainSize: 600,
    testSize: 300,
  },
  'digits quantum greedy': {
    task: 'digits',
    mode: 'quantum-greedy',
    depth: 2,
    alpha: 0.5,
    activation: 'relu',
    learningRate: 0.01,
    epochs: 2,
    batchSize: 50,
    seed: 4,
    trainSize: 400,
    testSize: 200,
  },
  'entanglement quantum end-to-end': {
    task: 'entanglement',
    mode: 'quantum-end-to-end',
    depth: 2,
    alpha: 0.5,
    activation: 'relu',
    learningRate: 0.02,
    epochs: 3,
    batchSize: 40,
    seed: 5,
    trainSize: 400,
    testSize: 400,
  },
  'entanglement sigmoid, noise': {
    task: 'entanglement',
    mode: 'quantum-end-to-end',
    depth: 2,
    alpha: 0.3,
    activation: 'sigmoid',
    learningRate: 0.02,
    epochs: 2,
    batchSize: 40,
    seed: 6,
    trainSize: 200,
    testSize: 200,
    noise: 0.1,
  },
};

export interface Curve {
  loss: number[];
  trainAccuracy: number[];
  testAccuracy: number[];
  final: { trainAccuracy: number; testAccuracy: number };
}

export async function runCurve(req: TrainRequest, loadDigits: () => Promise<DigitSet>): Promise<Curve> {
  const r = await train(req, { onProgress: () => undefined, control: new TrainControl(), loadDigits });
  return {
    loss: r.history.map((h) => h.loss),
    trainAccuracy: r.history.map((h) => h.trainAccuracy),
    testAccuracy: r.history.map((h) => h.testAccuracy),
    final: { trainAccuracy: r.final.trainAccuracy, testAccuracy: r.final.testAccuracy },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadDigitSet } = await import('../../../src/cli/digitsData');
  const { selectBackend } = await import('../backend');
  await selectBackend('cpu');
  const set = loadDigitSet();
  const out: Record<string, Curve> = {};
  for (const [name, req] of Object.entries(CURVE_RUNS)) out[name] = await runCurve(req, async () => set);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(new URL('./fixtures/train-curves.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
  console.log(JSON.stringify(out));
}
