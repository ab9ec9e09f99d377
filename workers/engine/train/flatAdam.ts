/**
 * Adam over all of a stage's variables at once (fewer, fatter ops). tfjs's
 * AdamOptimizer runs ~14 kernels per variable per step (a quantum stage has 16 variables:
 * ~220 of a step's kernels); this concatenates the gradients, runs the same update on one flat
 * vector and splits it back (~20 kernels). Element by element it is the same arithmetic as
 * tfjs-core 4.22's AdamOptimizer.applyGradients (same float32 operations in the same order,
 * same bias correction through float32 β^t accumulators), so a run's numbers do not change.
 * β1, β2, ε: the one training definition's (src/core/hqrn/trainingDefinition.ts ADAM,
 * docs/math.md §6); ε is raised to the backend's own epsilon where that is larger (16-bit WebGL).
 */
import * as tf from '@tensorflow/tfjs-core';
import { ADAM } from '../../../src/core/hqrn/trainingDefinition';

export class FlatAdam {
  private readonly sizes: number[];
  private m: tf.Tensor1D;
  private v: tf.Tensor1D;
  private w: tf.Tensor1D;
  private accBeta1: tf.Scalar;
  private accBeta2: tf.Scalar;
  private readonly epsilon: number;

  constructor(
    private readonly vars: tf.Variable[],
    private readonly learningRate: number,
    private readonly beta1: number = ADAM.beta1,
    private readonly beta2: number = ADAM.beta2,
  ) {
    this.epsilon = Math.max(ADAM.epsilon, tf.backend().epsilon());
    this.sizes = vars.map((v) => v.size);
    this.w = tf.tidy(() => tf.concat(vars.map((v) => tf.reshape(v, [-1]))) as tf.Tensor1D);
    const n = this.w.size;
    this.m = tf.zeros([n]);
    this.v = tf.zeros([n]);
    this.accBeta1 = tf.scalar(beta1);
    this.accBeta2 = tf.scalar(beta2);
  }

  /** One step: gradients of f (a scalar) with respect to the variables, then Adam. Returns f's value. */
  minimize(f: () => tf.Scalar): tf.Scalar {
    const { value, grads } = tf.variableGrads(f, this.vars);
    try {
      const next = tf.tidy(() => {
        const g = tf.concat(this.vars.map((v) => (grads[v.name] ? tf.reshape(grads[v.name], [-1]) : tf.zeros([v.size])))) as tf.Tensor1D;
        const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
        const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
        const m = tf.add(tf.mul(this.m, this.beta1), tf.mul(g, 1 - this.beta1)) as tf.Tensor1D;
        const v = tf.add(tf.mul(this.v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2)) as tf.Tensor1D;
        const mHat = tf.div(m, oneMinusAccBeta1);
        const vHat = tf.div(v, oneMinusAccBeta2);
        const w = tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), this.epsilon)), -this.learningRate), this.w) as tf.Tensor1D;
        const parts = this.sizes.length > 1 ? tf.split(w, this.sizes) : [w];
        this.vars.forEach((x, i) => x.assign(tf.reshape(parts[i], x.shape)));
        return { m, v, w, a1: tf.mul(this.accBeta1, this.beta1) as tf.Scalar, a2: tf.mul(this.accBeta2, this.beta2) as tf.Scalar };
      });
      tf.dispose([this.m, this.v, this.w, this.accBeta1, this.accBeta2]);
      this.m = next.m;
      this.v = next.v;
      this.w = next.w;
      this.accBeta1 = next.a1;
      this.accBeta2 = next.a2;
    } finally {
      tf.dispose(Object.values(grads));
    }
    return value;
  }

  dispose(): void {
    tf.dispose([this.m, this.v, this.w, this.accBeta1, this.accBeta2]);
  }
}
