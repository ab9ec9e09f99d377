/**
 * The forward pass block by block, with a read-back per block (docs/math.md §2–3, §5): the
 * path for finite shots — p± = V F±ᵀ are read back and sampled on the CPU with the core's
 * seeded multinomial (same seed, same counts as the CLI) — and the reference the compiled
 * stack (stack.ts) is tested against. Every tensor made here is disposed before returning.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../../src/core/hqrn/activation';
import type { Model } from '../../../src/core/hqrn/model';
import { makeRng } from '../../../src/core/math/rng';
import { estimateAncillaZeroProbabilities } from '../../../src/core/hqrn/shots';
import { diagonalsOf, packDiagonals, packStates, unpackStates } from '../../../src/core/hqrn/packing';
import type { ForwardLayer, ForwardRequest, ForwardResponse } from '../../../src/protocol/messages';
import { type AssembleOptions, assembleLayer, assembleResponse, requestWants } from './layers';
import type { BatchPlan } from './plan';
import { analogWeightsT, applyBlockPackedT, applyClassicalT, measurementMatrixT, mixWithZ, readoutLogitsT } from './tensorQrb';

/** Per-block tensors of a model, built once per forward. */
interface BlockTensors {
  alpha: number;
  activation: Activation;
  gain: number;
  bias: tf.Tensor1D;
  /** classical (analog) weights, d×d */
  w: tf.Tensor2D;
  /** quantum model only: F+ and F− (d×d²) and Ω = c(F+ − F−) */
  fPlus?: tf.Tensor2D;
  fMinus?: tf.Tensor2D;
  omega?: tf.Tensor2D;
}

function mat(a: Float64Array, rows: number, cols: number): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(a), [rows, cols]);
}

function blockTensors(model: Model, withQuantum: boolean): BlockTensors[] {
  const d = 1 << model.nQubits;
  if (model.kind === 'classical')
    return model.blocks.map((b) => ({ alpha: b.alpha, activation: b.activation, gain: 1, bias: tf.tensor1d(Float32Array.from(b.bias)), w: mat(b.w, d, d) }));
  return model.blocks.map(
    (b) =>
      tf.tidy(() => {
        const pr = mat(b.aPlus.re, d, d),
          pi = mat(b.aPlus.im, d, d),
          mr = mat(b.aMinus.re, d, d),
          mi = mat(b.aMinus.im, d, d);
        const out: BlockTensors = {
          alpha: b.alpha,
          activation: b.activation,
          gain: b.gain,
          bias: tf.tensor1d(Float32Array.from(b.bias)),
          w: analogWeightsT(pr, pi, mr, mi, b.gain),
        };
        if (withQuantum) {
          out.fPlus = measurementMatrixT(pr, pi);
          out.fMinus = measurementMatrixT(mr, mi);
          out.omega = tf.mul(tf.sub(out.fPlus, out.fMinus), b.gain) as tf.Tensor2D;
        }
        // tidy keeps what is returned inside an object
        return out as unknown as tf.TensorContainer;
      }) as unknown as BlockTensors,
  );
}

function disposeBlocks(blocks: BlockTensors[]): void {
  for (const b of blocks) tf.dispose([b.bias, b.w, b.fPlus, b.fMinus, b.omega].filter((t) => t !== undefined) as tf.Tensor[]);
}

type BlockOut = { v: tf.Tensor2D; q: tf.Tensor2D; dead: tf.Tensor1D };

/** One exact block on packed states V (n×d²): z = V Ωᵀ + b (docs/math.md §2). */
function exactBlock(v: tf.Tensor2D, b: BlockTensors, d: number): BlockOut {
  const full = applyBlockPackedT(v, b.omega!, b.bias, b.alpha, b.activation, d);
  full.z.dispose();
  return full;
}

/**
 * One block with N_s shots (docs/math.md §5): p± = V F±ᵀ read back, sampled with the core's
 * seeded multinomial in the core's order (per state, U+ then U−), z = c(p̂+ − p̂−) + b.
 */
async function sampledBlock(v: tf.Tensor2D, b: BlockTensors, n: number, d: number, shots: number, rng: ReturnType<typeof makeRng>): Promise<BlockOut> {
  const [pp, pm] = await Promise.all(
    [tf.matMul(v, b.fPlus!, false, true), tf.matMul(v, b.fMinus!, false, true)].map(async (t) => {
      const data = await t.data();
      t.dispose();
      return data;
    }),
  );
  const z = new Float32Array(n * d);
  const bias = await b.bias.data();
  for (let s = 0; s < n; s++) {
    const ep = estimateAncillaZeroProbabilities(pp.subarray(s * d, (s + 1) * d), shots, rng);
    const em = estimateAncillaZeroProbabilities(pm.subarray(s * d, (s + 1) * d), shots, rng);
    for (let j = 0; j < d; j++) z[s * d + j] = b.gain * (ep[j] - em[j]) + bias[j];
  }
  const zt = tf.tensor2d(z, [n, d]);
  const r = mixWithZ(v, zt, b.alpha, b.activation, d);
  zt.dispose();
  return r;
}

export async function forwardPerBlock(model: Model, req: Omit<ForwardRequest, 'model'>, t0: number, plan: BatchPlan): Promise<ForwardResponse> {
  const d = 1 << model.nQubits;
  const { n } = req.states;
  const K = model.blocks.length;
  const { fast, shots } = plan;
  const { selection: sel, fields, level } = requestWants(req);
  const blocks = blockTensors(model, !fast);
  const keep: tf.Tensor[] = [];
  try {
    const diagonalInput = req.states.diagonal;
    const x0 = diagonalInput ? Float32Array.from(diagonalInput) : diagonalsOf(req.states.re!, n, d);
    // classical path (always)
    const xs: tf.Tensor2D[] = [],
      cqs: tf.Tensor2D[] = [],
      cdeads: tf.Tensor1D[] = [];
    let x: tf.Tensor2D = tf.tensor2d(x0, [n, d]);
    keep.push(x);
    for (const b of blocks) {
      const r = applyClassicalT(x, b.w, b.bias, b.alpha, b.activation);
      keep.push(r.x, r.q, r.dead);
      xs.push(r.x);
      cqs.push(r.q);
      cdeads.push(r.dead);
      x = r.x;
    }
    // quantum path
    const vs: tf.Tensor2D[] = [],
      qs: tf.Tensor2D[] = [],
      deads: tf.Tensor1D[] = [];
    if (!fast) {
      const packed = diagonalInput ? packDiagonals(diagonalInput, n, d) : packStates(req.states.re!, req.states.im!, n, d);
      let v: tf.Tensor2D = tf.tensor2d(packed, [n, d * d]);
      keep.push(v);
      const rng = shots > 0 ? makeRng(req.seed ?? 0) : undefined;
      for (const b of blocks) {
        const r = rng ? await sampledBlock(v, b, n, d, shots, rng) : exactBlock(v, b, d);
        keep.push(r.v, r.q, r.dead);
        vs.push(r.v);
        qs.push(r.q);
        deads.push(r.dead);
        v = r.v;
      }
    }
    // readouts
    let outputT: tf.Tensor2D | undefined, classicalOutputT: tf.Tensor2D | undefined;
    const readout = model.readout;
    if (readout) {
      const C = readout.bias.length;
      const rw = mat(readout.weights, C, d),
        rb = tf.tensor1d(Float32Array.from(readout.bias));
      keep.push(rw, rb);
      classicalOutputT = tf.tidy(() => tf.softmax(readoutLogitsT(xs.length ? xs[xs.length - 1] : x, rw, rb)) as tf.Tensor2D);
      keep.push(classicalOutputT);
      if (vs.length) {
        const lastV = vs[vs.length - 1];
        outputT = tf.tidy(() => tf.softmax(readoutLogitsT(tf.slice(lastV, [0, 0], [-1, d]) as tf.Tensor2D, rw, rb)) as tf.Tensor2D);
        keep.push(outputT);
      }
    }
    // read back everything at once (one sync point)
    const read = async (ts: tf.Tensor[]) => Promise.all(ts.map((t) => t.data() as Promise<Float32Array>));
    const [xsD, cqsD, cdeadsD, vsD, qsD, deadsD, outD, coutD] = await Promise.all([
      read(xs),
      read(cqs),
      read(cdeads),
      read(vs),
      read(qs),
      read(deads),
      outputT ? (outputT.data() as Promise<Float32Array>) : Promise.resolve(undefined),
      classicalOutputT ? (classicalOutputT.data() as Promise<Float32Array>) : Promise.resolve(undefined),
    ]);
    const opts: AssembleOptions = { n, d, level, fields, fast };
    const first = sel === 'all' ? 0 : sel === 'last' ? Math.max(0, K - 1) : K;
    const layers: ForwardLayer[] = [];
    for (let k = first; k < K; k++)
      layers.push(
        assembleLayer(
          {
            x: xsD[k],
            q: fast ? cqsD[k] : qsD[k],
            dead: Uint8Array.from(fast ? cdeadsD[k] : deadsD[k]),
            classicalDead: Uint8Array.from(cdeadsD[k]),
            rho: fast ? undefined : unpackStates(vsD[k], n, d),
          },
          opts,
        ),
      );
    return assembleResponse(
      tf.getBackend() as ForwardResponse['backend'],
      n,
      d,
      layers,
      sel,
      K,
      { classical: coutD, quantum: outD, classes: readout?.bias.length ?? 0 },
      t0,
    );
  } finally {
    tf.dispose(keep);
    disposeBlocks(blocks);
  }
}
