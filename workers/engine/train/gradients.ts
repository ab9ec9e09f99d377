/**
 * Gradient registration for training. tfjs-core registers no gradients by default (the
 * @tensorflow/tfjs umbrella package does that); this module registers all of core's, plus
 * zero gradients for the comparison / logical kernels: they are piecewise constant, and
 * tensorQrb.ts uses them inside differentiable functions (the dead-block masks of
 * activateAndNormaliseT feed tf.where, whose condition input gets a zero gradient that the
 * tape then propagates into Greater / LessEqual / LogicalNot, which have no gradient in core).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

const ZERO_GRAD_KERNELS: Record<string, string[]> = {
  Greater: ['a', 'b'],
  GreaterEqual: ['a', 'b'],
  Less: ['a', 'b'],
  LessEqual: ['a', 'b'],
  Equal: ['a', 'b'],
  NotEqual: ['a', 'b'],
  LogicalNot: ['x'],
  LogicalAnd: ['a', 'b'],
  LogicalOr: ['a', 'b'],
};

for (const [kernelName, inputs] of Object.entries(ZERO_GRAD_KERNELS)) {
  if (tf.getGradient(kernelName)) continue;
  tf.registerGradient({
    kernelName,
    inputsToSave: inputs,
    gradFunc: (_dy, saved) => Object.fromEntries(inputs.map((name, i) => [name, () => tf.zeros(saved[i].shape)])),
  });
}

/**
 * A faster Tile gradient. tf.broadcastTo runs the Tile kernel, and core's Tile gradient sums
 * one tf.slice per repetition (64 slices + adds per dead-mask broadcast at d = 64, half the
 * time of a training step on the cpu backend). Same value, one reshape and one sum:
 * dy of shape [r0·s0, r1·s1, …] → [r0, s0, r1, s1, …] → sum over the r axes.
 */
tf.registerGradient({
  kernelName: 'Tile',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved;
    const reps = (attrs as unknown as { reps: number[] }).reps;
    return {
      x: () => {
        const g = dy as tf.Tensor;
        if (reps.every((r) => r === 1)) return tf.clone(g);
        const shape: number[] = [];
        const axes: number[] = [];
        x.shape.forEach((s, i) => {
          axes.push(shape.length);
          shape.push(reps[i], s);
        });
        return tf.sum(tf.reshape(g, shape), axes);
      },
    };
  },
});

/**
 * GatherV2 on backends without UnsortedSegmentSum (wasm): core's gradient scatters with that
 * kernel. For 1-D indices (what measurementMatrixT gathers with) the gradient is a product
 * with the one-hot matrix of the indices: dx = dy ×_axis oneHot(indices, n). Elsewhere (and
 * where the kernel exists) core's gradient runs unchanged.
 */
const coreGatherGrad = tf.getGradient('GatherV2');
if (coreGatherGrad) {
  tf.registerGradient({
    kernelName: 'GatherV2',
    inputsToSave: coreGatherGrad.inputsToSave,
    gradFunc: (dy, saved, attrs) => {
      const [x, indices] = saved;
      const a = attrs as unknown as { axis: number; batchDims: number };
      const axis = tf.util.parseAxisParam(a.axis, x.shape)[0];
      if (tf.getKernel('UnsortedSegmentSum', tf.getBackend()) || indices.rank !== 1 || a.batchDims) return coreGatherGrad.gradFunc(dy, saved, attrs);
      return {
        x: () => {
          const g = dy as tf.Tensor;
          const n = x.shape[axis];
          const perm = g.shape
            .map((_, i) => i)
            .filter((i) => i !== axis)
            .concat([axis]);
          const moved = tf.transpose(g, perm); // [..rest, m]
          const rest = moved.shape.slice(0, -1);
          const m = indices.shape[0];
          const flat = tf.reshape(moved, [-1, m]);
          const dxFlat = tf.matMul(flat, tf.cast(tf.oneHot(tf.cast(indices, 'int32'), n), 'float32')); // [rest, n]
          const back = tf.reshape(dxFlat, [...rest, n]);
          const inv = new Array<number>(perm.length);
          perm.forEach((p, i) => (inv[p] = i));
          return tf.transpose(back, inv);
        },
        indices: () => tf.zeros(indices.shape),
      };
    },
  });
}
