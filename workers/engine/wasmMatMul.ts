/**
 * tfjs-backend-wasm 4.22 multiplies fast (XNNPACK) only when neither operand is transposed:
 * with transposeA or transposeB its BatchMatMul takes a plain loop, ~9× slower here
 * (6000×64 by 64×64: 2.3 ms NN, 22 ms NT or TN). Every `x Wᵀ` of the engine and every
 * matMul gradient (dA = dY Bᵀ, dB = Aᵀ dY) asked for a transpose. This wraps the wasm
 * kernels of BatchMatMul and _FusedMatMul: a transposed operand is transposed explicitly
 * (the wasm Transpose kernel, a copy) and the fast NN kernel runs. Same products, other
 * summation order: float32 round-off only.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

type KernelArgs = { inputs: Record<string, tf.TensorInfo | undefined>; backend: unknown; attrs?: Record<string, unknown> };
type KernelFunc = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

let patched = false;

export function patchWasmMatMul(): void {
  if (patched) return;
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!transpose) return;
  for (const name of ['BatchMatMul', '_FusedMatMul']) {
    const orig = tf.getKernel(name, 'wasm');
    if (!orig) continue;
    const origFunc = orig.kernelFunc as unknown as KernelFunc;
    const transposeFunc = transpose.kernelFunc as unknown as KernelFunc;
    const kernelFunc: KernelFunc = (args) => {
      const attrs = args.attrs ?? {};
      if (!attrs.transposeA && !attrs.transposeB) return origFunc(args);
      const backend = args.backend as { disposeData(id: unknown): void };
      const temps: tf.TensorInfo[] = [];
      const flip = (t: tf.TensorInfo) => {
        const r = t.shape.length;
        const perm = [...Array(r).keys()];
        [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
        const out = transposeFunc({ inputs: { x: t }, backend: args.backend, attrs: { perm } }) as tf.TensorInfo;
        temps.push(out);
        return out;
      };
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      try {
        return origFunc({
          inputs: { ...args.inputs, a: attrs.transposeA ? flip(a) : a, b: attrs.transposeB ? flip(b) : b },
          backend: args.backend,
          attrs: { ...attrs, transposeA: false, transposeB: false },
        });
      } finally {
        for (const t of temps) backend.disposeData(t.dataId);
      }
    };
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...orig, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
  patched = true;
}

patchWasmMatMul();
