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
