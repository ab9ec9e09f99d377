/**
 * The gradient registrations of gradients.ts: the reshape+sum Tile gradient and the one-hot
 * GatherV2 gradient (wasm, which has no UnsortedSegmentSum) agree with core's on the cpu backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, expect, it } from 'vitest';
import './gradients';

afterAll(async () => {
  await tf.setBackend('cpu');
});

function grads(): number[][] {
  const x = tf.tensor2d([
    [1, -2, 3],
    [0.5, 4, -1],
  ]);
  const w = tf.tensor2d([
    [1, 2, 3, 4, 5],
    [6, 7, 8, 9, 10],
  ]);
  const idx = tf.tensor1d([2, 0, 2, 1, 1], 'int32');
  const g = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.mul(tf.gather(a, idx, 1), w), tf.broadcastTo(tf.sum(a, 1, true), [2, 5]))));
  const [dx] = g([x]);
  return dx.arraySync() as number[][];
}

it('Tile and GatherV2 gradients: cpu (core gather gradient) and wasm (one-hot) agree with the hand-computed value', async () => {
  await tf.setBackend('cpu');
  const cpu = grads();
  await tf.setBackend('wasm');
  await tf.ready();
  const wasm = grads();
  // f = Σ_{r,p} x[r, idx_p] w[r,p] s_r with s_r = Σ_j x[r,j]:
  // ∂f/∂x[r,j] = s_r Σ_{p: idx_p = j} w[r,p] + Σ_p x[r,idx_p] w[r,p].
  const x = [
      [1, -2, 3],
      [0.5, 4, -1],
    ],
    w = [
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ],
    idx = [2, 0, 2, 1, 1];
  const want = x.map((row, r) => {
    const s = row.reduce((a, b) => a + b, 0);
    const t = idx.reduce((a, j, p) => a + row[j] * w[r][p], 0);
    return row.map((_, j) => s * idx.reduce((a, k, p) => a + (k === j ? w[r][p] : 0), 0) + t);
  });
  for (const got of [cpu, wasm]) got.forEach((row, r) => row.forEach((v, j) => expect(v).toBeCloseTo(want[r][j], 4)));
});
