/**
 * The restructured training (fewer ops, data on the device, one batched evaluation
 * per epoch) gives the same curves as the loop before it, within float32 round-off. The
 * reference curves were recorded with the old loop (see trainCurves.ts) on tfjs cpu.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../../src/cli/digitsData';
import { selectBackend } from '../backend';
import { CURVE_RUNS, type Curve, runCurve } from './curves';

const reference = JSON.parse(readFileSync(new URL('./fixtures/train-curves.json', import.meta.url), 'utf8')) as Record<string, Curve>;
const set = loadDigitSet();

beforeAll(async () => {
  expect((await selectBackend('cpu')).backend).toBe('cpu');
});

describe('training curves: same seed, same curves as the pre-issue-13 loop (float32 round-off)', () => {
  for (const [name, req] of Object.entries(CURVE_RUNS))
    it(name, async () => {
      const before = tf.memory().numTensors;
      const got = await runCurve(req, async () => set);
      const ref = reference[name];
      const n = req.trainSize!,
        nTest = req.testSize!;
      expect(got.loss.length).toBe(ref.loss.length);
      got.loss.forEach((l, i) => expect(Math.abs(l - ref.loss[i]), `loss, report ${i}: ${l} vs ${ref.loss[i]}`).toBeLessThan(1e-4));
      // an accuracy may move by a row whose two best classes tie within round-off
      got.testAccuracy.forEach((a, i) => expect(Math.abs(a - ref.testAccuracy[i]), `test accuracy ${i}`).toBeLessThanOrEqual(1 / nTest + 1e-12));
      got.trainAccuracy.forEach((a, i) => expect(Math.abs(a - ref.trainAccuracy[i]), `train accuracy ${i}`).toBeLessThanOrEqual(1 / n + 1e-12));
      expect(Math.abs(got.final.testAccuracy - ref.final.testAccuracy)).toBeLessThanOrEqual(1 / nTest + 1e-12);
      expect(tf.memory().numTensors).toBe(before);
    }, 60_000);
});
