/**
 * A diverging run (learning rate 1e30) stops, is marked diverged with the
 * epoch, and keeps the last finite model — which the float64 core can load and run.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../../src/cli/digitsData';
import { parseModelFile } from '../../../src/core/io/files';
import type { TrainRequest } from '../../../src/protocol/messages';
import { selectBackend } from '../backend';
import { train, TrainControl } from './train';

const set = loadDigitSet();
const run = (req: TrainRequest) => train(req, { onProgress: () => undefined, control: new TrainControl(), loadDigits: async () => set });
const BASE = { alpha: 0.5, activation: 'relu' as const, epochs: 4, batchSize: 50, seed: 2, trainSize: 300, testSize: 200 };

beforeAll(async () => {
  expect((await selectBackend('cpu')).backend).toBe('cpu');
});

describe('divergence: the run stops, says where, keeps the last finite model', () => {
  for (const [name, req] of [
    ['entanglement, quantum end-to-end, lr 1e30', { ...BASE, task: 'entanglement', mode: 'quantum-end-to-end', depth: 2, learningRate: 1e30 }],
    ['digits, classical, lr 1e30', { ...BASE, task: 'digits', mode: 'classical', depth: 2, learningRate: 1e30 }],
    ['entanglement, quantum greedy, lr 1e30', { ...BASE, task: 'entanglement', mode: 'quantum-greedy', depth: 2, learningRate: 1e30 }],
  ] as [string, TrainRequest][])
    it(name, async () => {
      const before = tf.memory().numTensors;
      const r = await run(req);
      expect(r.diverged, 'marked diverged').toBeDefined();
      expect(r.cancelled).toBe(false);
      expect(r.diverged!.epoch).toBeGreaterThanOrEqual(1);
      expect(r.diverged!.epoch).toBeLessThanOrEqual(req.epochs);
      expect(r.diverged!.reason).toMatch(/loss|weights/);
      // every epoch end reported before the divergence has a finite loss
      for (const h of r.history) expect(Number.isFinite(h.loss)).toBe(true);
      expect(r.history.length).toBeLessThan(req.epochs * (req.mode === 'quantum-greedy' ? req.depth : 1));
      // the kept model is finite and valid: the core parses it (finite numbers, |A±| ≤ 1)
      expect(() => parseModelFile(r.model)).not.toThrow();
      expect(Number.isFinite(r.final.testAccuracy)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    }, 60_000);

  it('a sane learning rate does not diverge', async () => {
    const r = await run({ ...BASE, task: 'entanglement', mode: 'quantum-end-to-end', depth: 2, learningRate: 0.02 });
    expect(r.diverged).toBeUndefined();
    expect(r.history.length).toBe(BASE.epochs);
  }, 60_000);
});
