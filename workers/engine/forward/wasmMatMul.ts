/**
 * tfjs-backend-wasm 4.22 multiplies fast (XNNPACK) only when neither operand is transposed:
 * with transposeA or transposeB its BatchMatMul takes a plain loop, ~9× slower here
 * (6000×64 by 64×64: 2.3 ms NN, 22 ms NT or TN). Every `x Wᵀ` of the engine and every
 * matMul gradient (dA = dY Bᵀ, dB = Aᵀ dY) asked for a transpose. This wraps the wasm
 * kernels of BatchMatMul and _FusedMatMul: a transposed operand is transposed explicitly
 * (the wasm Transpose kernel, a copy) and the fast NN kernel runs. Same products, other
 * summation order: float32 round-off only.
 *
 * Slice: the wasm kernel starts with backend.readSync(x), a copy of the *whole* input, to
 * cut out a few rows (a training batch of 100 rows from 6000 copied 1.5 MB per slice, most of
 * a step's time). The wrapper copies only the slice, from views of the wasm heap; other
 * layouts (rank > 2 strided, strings) keep the original kernel.
 *
 * Identity: the wasm kernel copies its input. The gradient tape clones every tensor it saves
 * for the backward pass (an Identity each), so a training step copied ~100 tensors. Tensors
 * are immutable (variables get new data on assign), so the wrapper shares the data with a
 * reference count, as the cpu backend's Identity and the wasm Reshape do.
 *
 * GatherV2 of rows (axis 0, a 2-D float32/int32 input, 1-D indices): the epoch's shuffle of
 * the training set. The wasm kernel took ~12 ms for 6000×64 (a closure per index and a
 * generic strided copy); the wrapper copies whole rows between heap views.
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

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

let slicePatched = false;

export function patchWasmSlice(): void {
  if (slicePatched) return;
  const orig = tf.getKernel('Slice', 'wasm');
  if (!orig) return;
  const origFunc = orig.kernelFunc as unknown as KernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    const rank = x.shape.length;
    if (x.dtype === 'string' || rank === 0 || rank > 2) return origFunc(args);
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size: number | number[] };
    const [b, sz] = tf.slice_util.parseSliceParams(x as unknown as tf.Tensor, begin, size);
    const backend = args.backend as WasmBackendLike;
    // allocate first: growing the heap would detach views taken before
    const out = backend.makeOutput(sz, x.dtype);
    const xv = backend.typedArrayFromHeap(x);
    const ov = backend.typedArrayFromHeap(out);
    if (rank === 1) ov.set(xv.subarray(b[0], b[0] + sz[0]));
    else {
      const cols = x.shape[1];
      if (b[1] === 0 && sz[1] === cols) ov.set(xv.subarray(b[0] * cols, (b[0] + sz[0]) * cols));
      else for (let r = 0; r < sz[0]; r++) ov.set(xv.subarray((b[0] + r) * cols + b[1], (b[0] + r) * cols + b[1] + sz[1]), r * sz[1]);
    }
    return out;
  };
  tf.unregisterKernel('Slice', 'wasm');
  tf.registerKernel({ ...orig, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  slicePatched = true;
}

let identityPatched = false;

export function patchWasmIdentity(): void {
  if (identityPatched) return;
  const orig = tf.getKernel('Identity', 'wasm');
  if (!orig) return;
  const origFunc = orig.kernelFunc as unknown as KernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const x = args.inputs.x as tf.TensorInfo;
    if (x.dtype === 'string') return origFunc(args);
    (args.backend as { incRef(id: unknown): void }).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({ ...orig, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  identityPatched = true;
}

let gatherPatched = false;

export function patchWasmGather(): void {
  if (gatherPatched) return;
  const orig = tf.getKernel('GatherV2', 'wasm');
  if (!orig) return;
  const origFunc = orig.kernelFunc as unknown as KernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const { x, indices } = args.inputs as { x: tf.TensorInfo; indices: tf.TensorInfo };
    const { axis, batchDims } = (args.attrs ?? {}) as { axis?: number; batchDims?: number };
    if (
      x.shape.length !== 2 ||
      indices.shape.length !== 1 ||
      (axis ?? 0) !== 0 ||
      (batchDims ?? 0) !== 0 ||
      (x.dtype !== 'float32' && x.dtype !== 'int32') ||
      indices.dtype !== 'int32'
    )
      return origFunc(args);
    const backend = args.backend as WasmBackendLike;
    const [rows, cols] = x.shape;
    const m = indices.shape[0];
    const out = backend.makeOutput([m, cols], x.dtype);
    // views after the allocation (a growing heap detaches older views)
    const xv = backend.typedArrayFromHeap(x),
      iv = backend.typedArrayFromHeap(indices),
      ov = backend.typedArrayFromHeap(out);
    for (let r = 0; r < m; r++) {
      const i = iv[r];
      if (!(i >= 0 && i < rows)) throw new Error(`GatherV2: the index value ${i} is not in [0, ${rows - 1}]`);
      ov.set(xv.subarray(i * cols, (i + 1) * cols), r * cols);
    }
    return out;
  };
  tf.unregisterKernel('GatherV2', 'wasm');
  tf.registerKernel({ ...orig, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  gatherPatched = true;
}

patchWasmMatMul();
patchWasmSlice();
patchWasmIdentity();
patchWasmGather();
