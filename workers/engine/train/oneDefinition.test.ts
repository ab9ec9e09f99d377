/**
 * One training definition (docs/math.md §6, docs/cli.md "one training definition"): the studio's
 * tfjs trainer (float32, cpu backend) and `hqrn train`'s float64 trainer (src/cli/train.ts
 * runTraining → src/core/hqrn/fit.ts) train the same model for the same settings: the same
 * initial parameters (exactly), the same first-epoch losses (to 1e-4) and test accuracies that
 * agree within ONE_DEFINITION_TOLERANCE.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainRequest } from '../../../src/protocol/messages';
import { loadDigitSet } from '../../../src/cli/digitsData';
import { runTraining } from '../../../src/cli/train';
import { blockSize, initParams } from '../../../src/core/hqrn/fit';
import { BIAS_INIT, initRng, ONE_DEFINITION_TOLERANCE, quantumScale, readoutScale } from '../../../src/core/hqrn/trainingDefinition';
import { QuantumBlockParams, ReadoutParams } from './nets';
import { TrainControl, train } from './train';

// ONE_DEFINITION_TOLERANCE (0.01): why that value, see its doc comment in trainingDefinition.ts.

const BASE = {
  task: 'entanglement' as const,
  depth: 2,
  alpha: 0.6,
  activation: 'softplus' as const,
  learningRate: 0.05,
  epochs: 6,
  batchSize: 32,
  trainSize: 600,
  testSize: 1000,
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('one training definition: studio (tfjs) and hqrn train (float64 core)', () => {
  it('start from exactly the same parameters (draws, order, scales, biases)', () => {
    const d = 4,
      C = 2,
      K = 3,
      seed = 11;
    const rng = initRng(seed);
    const readout = new ReadoutParams(d, ['separable', 'entangled'], rng);
    const blocks = Array.from({ length: K }, () => new QuantumBlockParams(d, { alpha: 0.5, activation: 'softplus' }, rng));
    const core = initParams({ d, depth: K, alpha: 0.5, activation: 'softplus', classes: C, seed }).theta;
    const ro = K * blockSize(d);
    const rHat = readout.rHat.dataSync();
    for (let i = 0; i < C * d; i++) expect(core[ro + i]).toBe(readoutScale(d) * rHat[i]);
    for (let c = 0; c < C; c++) expect(core[ro + C * d + c]).toBe(0);
    expect(Array.from(readout.r.dataSync())).toEqual([0, 0]);
    blocks.forEach((b, k) => {
      const o = k * blockSize(d);
      [b.pRe, b.pIm, b.mRe, b.mIm].forEach((v, m) => {
        const a = v.dataSync();
        for (let i = 0; i < d * d; i++) expect(core[o + m * d * d + i]).toBe(quantumScale(d) * a[i]);
      });
      expect(Array.from(b.b.dataSync())).toEqual([BIAS_INIT, BIAS_INIT, BIAS_INIT, BIAS_INIT]);
      expect(Array.from(core.subarray(o + 4 * d * d, o + 4 * d * d + d))).toEqual([BIAS_INIT, BIAS_INIT, BIAS_INIT, BIAS_INIT]);
      b.vars().forEach((v) => v.dispose());
    });
    readout.vars().forEach((v) => v.dispose());
  });

  for (const mode of ['quantum-greedy', 'quantum-end-to-end'] as const)
    for (const seed of [1, 2, 3])
      it(`${mode} seed ${seed}: first-epoch losses within 1e-4, test accuracies within ${ONE_DEFINITION_TOLERANCE}`, async () => {
        const req: TrainRequest = { ...BASE, mode, seed, adversarialShare: 0.5 };
        const studio = await train(req, { onProgress: () => {}, control: new TrainControl(), loadDigits: async () => loadDigitSet() });
        const coreLoss = new Map<string, number>();
        const cli = await runTraining(
          {
            task: 'entanglement',
            nTrain: BASE.trainSize,
            nTest: BASE.testSize,
            depth: BASE.depth,
            alpha: BASE.alpha,
            activation: BASE.activation,
            mode: mode === 'quantum-greedy' ? 'greedy' : 'end-to-end',
            epochs: BASE.epochs,
            learningRate: BASE.learningRate,
            batchSize: BASE.batchSize,
            seed,
            nearestState: false,
            skipRefused: false,
          },
          { onEpoch: (k, e, loss) => coreLoss.set(`${k}/${e}`, loss) },
        );
        const epochs = studio.history.filter((h) => h.epochEnd);
        expect(epochs.length).toBe(coreLoss.size);
        // every stage's first epoch (greedy: blocks 1 and 2; end to end: the one stage)
        const firsts = epochs.filter((h) => h.epoch === 1);
        expect(firsts.length).toBe(mode === 'quantum-greedy' ? BASE.depth : 1);
        for (const h of firsts) expect(Math.abs(h.loss - coreLoss.get(`${h.depth}/1`)!)).toBeLessThan(1e-4);
        const coreAcc = (cli.run.metrics as { accuracy: number }).accuracy;
        expect(Math.abs(studio.final.testAccuracy - coreAcc)).toBeLessThanOrEqual(ONE_DEFINITION_TOLERANCE);
        // and it is a trained model, not two equal chance-level ones
        expect(coreAcc).toBeGreaterThan(0.6);
      });
});
