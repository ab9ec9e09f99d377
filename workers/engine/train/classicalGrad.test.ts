/**
 * classicalBlockT's written-out gradient equals the tape's gradient of the same block
 * (applyClassicalT), for X, W and b, on rows with live and dead blocks.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import './gradients';
import { applyBlockPackedT, applyClassicalT, classicalBlockT, packedBlockT } from '../forward/tensorQrb';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('classicalBlockT: forward and gradient = the tape on applyClassicalT', () => {
  for (const act of ['relu', 'softplus', 'sigmoid'] as const)
    it(`${act}: values and d/dX, d/dW, d/db of a weighted sum of the outputs`, async () => {
      const n = 7,
        d = 5,
        alpha = 0.35;
      const x = tf.randomUniform([n, d], 0, 1, 'float32', 1) as tf.Tensor2D;
      const w = tf.randomNormal([d, d], 0, 1, 'float32', 2) as tf.Tensor2D;
      // rows 5 and 6 dead: inputs that make every z negative
      const b = tf.tensor1d([0.3, -0.2, 0.1, 0.4, -0.1]);
      const xDead = tf.tidy(() => tf.concat([tf.slice(x, [0, 0], [5, d]), tf.mul(tf.ones([2, d]), -50)], 0)) as tf.Tensor2D;
      const c = tf.randomNormal([n, d], 0, 1, 'float32', 3);
      const loss = (impl: 'custom' | 'tape') => (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(
          tf.mul(
            c,
            impl === 'custom'
              ? classicalBlockT(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, alpha, act)
              : applyClassicalT(xx as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, alpha, act).x,
          ),
        );
      for (const input of [x, xDead]) {
        const v1 = await loss('custom')(input, w, b).data(),
          v2 = await loss('tape')(input, w, b).data();
        expect(v1[0]).toBeCloseTo(v2[0], 5);
        const g1 = tf.grads(loss('custom'))([input, w, b]),
          g2 = tf.grads(loss('tape'))([input, w, b]);
        for (let i = 0; i < 3; i++) {
          const a1 = await g1[i].data(),
            a2 = await g2[i].data();
          expect(a1.length).toBe(a2.length);
          let worst = 0;
          a1.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - a2[k]))));
          expect(worst, `gradient ${i}`).toBeLessThan(1e-5);
          expect(Math.max(...Array.from(a2, Math.abs)), `gradient ${i} is not trivially zero`).toBeGreaterThan(1e-3);
        }
      }
    });
});

describe('packedBlockT: forward and gradient = the tape on applyBlockPackedT', () => {
  for (const act of ['relu', 'softplus', 'sigmoid'] as const)
    it(`${act}: values and d/dV, d/dΩ, d/db`, async () => {
      const n = 6,
        d = 4,
        D = 16,
        alpha = 0.6;
      const v = tf.randomUniform([n, D], -0.3, 0.5, 'float32', 4) as tf.Tensor2D;
      const om = tf.randomNormal([d, D], 0, 1, 'float32', 5) as tf.Tensor2D;
      const b = tf.tensor1d([0.2, -0.3, 0.1, 0.05]);
      const c = tf.randomNormal([n, D], 0, 1, 'float32', 6);
      const loss = (impl: 'custom' | 'tape') => (vv: tf.Tensor, oo: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(
          tf.mul(
            c,
            impl === 'custom'
              ? packedBlockT(vv as tf.Tensor2D, oo as tf.Tensor2D, bb as tf.Tensor1D, alpha, act)
              : applyBlockPackedT(vv as tf.Tensor2D, oo as tf.Tensor2D, bb as tf.Tensor1D, alpha, act, d).v,
          ),
        );
      expect((await loss('custom')(v, om, b).data())[0]).toBeCloseTo((await loss('tape')(v, om, b).data())[0], 5);
      const g1 = tf.grads(loss('custom'))([v, om, b]),
        g2 = tf.grads(loss('tape'))([v, om, b]);
      for (let i = 0; i < 3; i++) {
        const a1 = await g1[i].data(),
          a2 = await g2[i].data();
        let worst = 0;
        a1.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - a2[k]))));
        expect(worst, `gradient ${i}`).toBeLessThan(1e-5);
        expect(Math.max(...Array.from(a2, Math.abs))).toBeGreaterThan(1e-3);
      }
    });
});
