/**
 * Classical baselines for the experiments: a linear softmax (hidden: []) and a small
 * MLP, on tfjs tensors, Adam, seeded (initialisation and minibatch shuffles from makeRng), and
 * without leaks: the feature standardisation is fitted on the training rows only, the test
 * rows are used for evaluation only, and every tensor is disposed.
 *
 *   digits:        linear softmax 64 → 10 on the same 64 pooled inputs x as the networks
 *   entanglement:  MLP 16 → 32 → 32 → 2 on the packed ρ (diag, Re and Im of the upper
 *                  triangle: all 16 real parameters, "full tomography")
 */
import * as tf from '@tensorflow/tfjs-core';
import { makeRng, seededPermutation } from '../../../src/core/math/rng';
import { accuracy } from '../train/data';

export interface BaselineSpec {
  /** Hidden layer widths ([] = linear softmax). */
  hidden: number[];
  activation: 'tanh' | 'relu';
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Standardise every feature with the training rows' mean and std (default true). */
  standardise?: boolean;
}

export interface BaselineData {
  /** n×f row-major features. */
  trainX: ArrayLike<number>;
  trainY: ArrayLike<number>;
  testX: ArrayLike<number>;
  testY: ArrayLike<number>;
  features: number;
  classes: number;
}

export interface BaselineResult {
  trainAccuracy: number;
  testAccuracy: number;
  testPredictions: Int32Array;
  /** Mean cross-entropy of the last epoch's minibatches. */
  finalLoss: number;
  parameters: number;
  seconds: number;
}

/** Mean and std per feature of the training rows (std 0 → 1). */
function featureStats(x: ArrayLike<number>, n: number, f: number): { mean: Float32Array; std: Float32Array } {
  const mean = new Float32Array(f),
    std = new Float32Array(f);
  for (let s = 0; s < n; s++) for (let j = 0; j < f; j++) mean[j] += x[s * f + j] / n;
  for (let s = 0; s < n; s++) for (let j = 0; j < f; j++) std[j] += (x[s * f + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < f; j++) std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1;
  return { mean, std };
}

/** Train the baseline (synchronous steps, an `await` per epoch so a UI stays responsive). */
export async function trainBaseline(spec: BaselineSpec, data: BaselineData): Promise<BaselineResult> {
  const t0 = Date.now();
  const { features: f, classes: C } = data;
  const nTr = data.trainY.length,
    nTe = data.testY.length;
  if (data.trainX.length !== nTr * f || data.testX.length !== nTe * f) throw new Error('baseline: feature arrays do not match the label counts');
  const rng = makeRng(spec.seed);
  const stats = spec.standardise === false ? null : featureStats(data.trainX, nTr, f);
  const toTensor = (x: ArrayLike<number>, n: number) =>
    tf.tidy(() => {
      const t = tf.tensor2d(Float32Array.from(x), [n, f]);
      return stats ? (tf.div(tf.sub(t, tf.tensor1d(stats.mean)), tf.tensor1d(stats.std)) as tf.Tensor2D) : t;
    });
  const xTr = toTensor(data.trainX, nTr),
    xTe = toTensor(data.testX, nTe);
  const yTr = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(data.trainY), 'int32'), C), 'float32') as tf.Tensor2D);
  // Glorot-uniform weights, zero biases, from the seeded rng.
  const widths = [f, ...spec.hidden, C];
  const vars: tf.Variable[] = [];
  const layers: { w: tf.Variable; b: tf.Variable }[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    const [a, b] = [widths[l], widths[l + 1]];
    const lim = Math.sqrt(6 / (a + b));
    const w = new Float32Array(a * b);
    for (let i = 0; i < w.length; i++) w[i] = (2 * rng.uniform() - 1) * lim;
    const wt = tf.tensor2d(w, [a, b]),
      bt = tf.zeros([b]);
    const layer = { w: tf.variable(wt), b: tf.variable(bt) };
    wt.dispose();
    bt.dispose();
    layers.push(layer);
    vars.push(layer.w, layer.b);
  }
  const act = (x: tf.Tensor) => (spec.activation === 'relu' ? tf.relu(x) : tf.tanh(x));
  const logits = (x: tf.Tensor2D): tf.Tensor2D =>
    layers.reduce<tf.Tensor2D>((h, { w, b }, l) => {
      const z = tf.add(tf.matMul(h, w), b) as tf.Tensor2D;
      return l + 1 < layers.length ? (act(z) as tf.Tensor2D) : z;
    }, x);
  const predict = async (x: tf.Tensor2D): Promise<Int32Array> => {
    const am = tf.tidy(() => tf.argMax(logits(x), 1));
    const out = Int32Array.from(await am.data());
    am.dispose();
    return out;
  };
  const optimizer = tf.train.adam(spec.learningRate);
  const B = Math.max(1, Math.min(spec.batchSize, nTr));
  let finalLoss = NaN;
  try {
    for (let epoch = 0; epoch < spec.epochs; epoch++) {
      const perm = Int32Array.from(seededPermutation(nTr, rng));
      let lossSum = 0,
        steps = 0;
      for (let s = 0; s < nTr; s += B) {
        const idx = tf.tensor1d(perm.subarray(s, Math.min(nTr, s + B)), 'int32');
        const cost = optimizer.minimize(
          () => {
            const lg = logits(tf.gather(xTr, idx) as tf.Tensor2D);
            return tf.neg(tf.mean(tf.sum(tf.mul(tf.gather(yTr, idx), tf.logSoftmax(lg)), 1))) as tf.Scalar;
          },
          true,
          vars,
        )!;
        lossSum += cost.dataSync()[0];
        steps++;
        cost.dispose();
        idx.dispose();
      }
      finalLoss = lossSum / Math.max(1, steps);
      await new Promise<void>((r) => setTimeout(r, 0));
    }
    const trPred = await predict(xTr);
    const tePred = await predict(xTe);
    return {
      trainAccuracy: accuracy(trPred, data.trainY),
      testAccuracy: accuracy(tePred, data.testY),
      testPredictions: tePred,
      finalLoss,
      parameters: widths.slice(1).reduce((n, b, l) => n + widths[l] * b + b, 0),
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    optimizer.dispose();
    vars.forEach((v) => v.dispose());
    [xTr, xTe, yTr].forEach((t) => t.dispose());
  }
}
