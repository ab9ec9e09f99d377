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
