/**
 * The wrapped wasm kernels (wasmMatMul.ts) give the cpu backend's answers: matMul with every
 * transpose combination (2D and batched) and slices of every 1D/2D layout.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';

async function onBoth<T extends tf.Tensor>(f: () => T): Promise<{ cpu: Float32Array | Int32Array; wasm: Float32Array | Int32Array; shape: number[] }> {
  await selectBackend('cpu');
  const a = f();
  const cpu = (await a.data()) as Float32Array;
  a.dispose();
  expect((await selectBackend('wasm')).backend).toBe('wasm');
  const b = f();
  const wasm = (await b.data()) as Float32Array;
  const shape = b.shape;
  b.dispose();
  return { cpu, wasm, shape };
}

const data = (n: number, seed: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 1000 + i * 1.37));

describe('wasm kernel wrappers agree with the cpu backend', () => {
  for (const [ta, tb] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const)
    it(`matMul transposeA=${ta} transposeB=${tb}, 2D and batched`, async () => {
      const A = ta ? [7, 5] : [5, 7],
        B = tb ? [3, 7] : [7, 3];
      const r = await onBoth(() => tf.matMul(tf.tensor2d(data(35, 1), A as [number, number]), tf.tensor2d(data(21, 2), B as [number, number]), ta, tb));
      expect(r.shape).toEqual([5, 3]);
      r.wasm.forEach((v, i) => expect(v).toBeCloseTo(r.cpu[i], 5));
      const r3 = await onBoth(() =>
        tf.matMul(tf.tensor3d(data(70, 3), [2, ...A] as [number, number, number]), tf.tensor3d(data(42, 4), [2, ...B] as [number, number, number]), ta, tb),
      );
      r3.wasm.forEach((v, i) => expect(v).toBeCloseTo(r3.cpu[i], 5));
      const rf = await onBoth(() =>
        tf.fused.matMul({
          a: tf.tensor2d(data(35, 5), A as [number, number]),
          b: tf.tensor2d(data(21, 6), B as [number, number]),
          transposeA: ta,
          transposeB: tb,
          bias: tf.tensor1d([0.1, -0.2, 0.3]),
          activation: 'relu',
        }),
      );
      rf.wasm.forEach((v, i) => expect(v).toBeCloseTo(rf.cpu[i], 5));
    });

  it('identity shares data safely: a clone outlives its source, a variable assign leaves clones alone', async () => {
    expect((await selectBackend('wasm')).backend).toBe('wasm');
    const before = tf.memory().numTensors;
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.clone(a);
    a.dispose();
    expect(Array.from(await b.data())).toEqual([1, 2, 3]);
    const init = tf.tensor1d([4, 5]),
      next = tf.tensor1d([6, 7]);
    const v = tf.variable(init);
    const c = tf.clone(v);
    v.assign(next);
    expect(Array.from(await c.data())).toEqual([4, 5]);
    expect(Array.from(await v.data())).toEqual([6, 7]);
    tf.dispose([b, c, v, init, next]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gather of rows (the epoch shuffle), and of other layouts through the original kernel', async () => {
    const r = await onBoth(() => tf.gather(tf.tensor2d(data(6 * 4, 11), [6, 4]), tf.tensor1d([5, 0, 3, 3, 1], 'int32')));
    expect(r.shape).toEqual([5, 4]);
    expect(Array.from(r.wasm)).toEqual(Array.from(r.cpu));
    const ri = await onBoth(() => tf.gather(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32'), tf.tensor1d([2, 0], 'int32')));
    expect(Array.from(ri.wasm)).toEqual([5, 6, 1, 2]);
    const rc = await onBoth(() => tf.gather(tf.tensor2d(data(12, 12), [3, 4]), tf.tensor1d([3, 1], 'int32'), 1));
    expect(Array.from(rc.wasm)).toEqual(Array.from(rc.cpu));
  });

  it('slices: rows, columns, blocks, 1D, int32, and a 3D fallback', async () => {
    const x = () => tf.tensor2d(data(6 * 5, 7), [6, 5]);
    for (const [begin, size] of [
      [
        [2, 0],
        [3, -1],
      ],
      [
        [0, 1],
        [-1, 2],
      ],
      [
        [1, 2],
        [4, 3],
      ],
      [
        [5, 4],
        [1, 1],
      ],
    ] as [number[], number[]][]) {
      const r = await onBoth(() => tf.slice(x(), begin, size));
      expect(Array.from(r.wasm)).toEqual(Array.from(r.cpu));
    }
    const r1 = await onBoth(() => tf.slice(tf.tensor1d(data(10, 8)), 3, 4));
    expect(Array.from(r1.wasm)).toEqual(Array.from(r1.cpu));
    const ri = await onBoth(() => tf.slice(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32'), [1, 1], [2, 1]));
    expect(Array.from(ri.wasm)).toEqual([4, 6]);
    const r3 = await onBoth(() => tf.slice(tf.tensor3d(data(24, 9), [2, 3, 4]), [0, 1, 1], [2, 2, 2]));
    expect(Array.from(r3.wasm)).toEqual(Array.from(r3.cpu));
  });
});
