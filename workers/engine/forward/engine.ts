/**
 * The Engine: owns every tfjs tensor of the app and answers ForwardRequests with plain arrays.
 * Plain module (no comlink, no DOM) so node tests drive it directly; workers/engine.worker.ts
 * exposes it. Models arrive as hqrn-model JSON and are validated by the core's parseModelFile.
 *
 * Forward of a batch (HQRN.md §2–3, §5, §8):
 * - quantum path on packed states V (n×d²): z = V Ωᵀ + b per block, one matMul;
 * - classical path: the classical analog (W_c = c(|A+|² − |A−|²)) on X = diag(ρ^(0));
 * - diagonal fast path: when every input is diagonal (and no shots), the quantum path *is*
 *   the classical path (correspondence theorem) and only the O(d²) network runs;
 * - shots: p± = V F±ᵀ are read back once per block, sampled with the core's seeded
 *   multinomial (same seed, same counts as the CLI), and z goes back as a tensor;
 * - measures: 'cheap' ones from the read-back states in O(d²), 'all' through the core.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from '../../../src/core/hqrn/activation';
import { fromArrays } from '../../../src/core/math/complex';
import { parseModelFile } from '../../../src/core/io/files';
import { stateMeasures } from '../../../src/core/measures/measures';
import type { Model, Readout } from '../../../src/core/hqrn/model';
import { makeRng } from '../../../src/core/math/rng';
import { estimateAncillaZeroProbabilities } from '../../../src/core/hqrn/shots';
import type { ForwardLayer, ForwardRequest, ForwardResponse, LayerField, LayerMeasures, MeasureLevel, ReadoutWire } from '../../../src/protocol/messages';
import { compileStack, type LayerWants, runStack, type StackRun, StackTensors } from './stack';
import {
  analogWeightsT,
  applyBlockPackedT,
  applyClassicalT,
  measurementMatrixT,
  mixWithZ,
  packBatch,
  readoutLogitsT,
  unpackBatch,
} from './tensorQrb';

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
  return model.blocks.map((b) =>
    tf.tidy(() => {
      const pr = mat(b.aPlus.re, d, d), pi = mat(b.aPlus.im, d, d), mr = mat(b.aMinus.re, d, d), mi = mat(b.aMinus.im, d, d);
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

/** True when every off-diagonal entry of every state is exactly zero. */
export function allDiagonal(re: ArrayLike<number>, im: ArrayLike<number>, n: number, d: number): boolean {
  const D = d * d;
  for (let k = 0; k < n * D; k++) {
    if ((re[k] !== 0 || im[k] !== 0) && k % D % (d + 1) !== 0) return false;
  }
  return true;
}

/** Packed form [x, 0, …, 0] of diagonal states given as n×d rows. */
function packDiagonal(x: ArrayLike<number>, n: number, d: number): Float32Array {
  const D = d * d;
  const out = new Float32Array(n * D);
  for (let s = 0; s < n; s++) for (let i = 0; i < d; i++) out[s * D + i] = x[s * d + i];
  return out;
}

function checkBatch(req: Omit<ForwardRequest, 'model'>, d: number): void {
  const { n } = req.states;
  if (req.states.d !== d) throw new Error(`states: dimension ${req.states.d} but the model has nQubits ${Math.log2(d)} (d = ${d})`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`states.n: must be a positive integer, got ${n}`);
  const parts = req.states.diagonal ? [req.states.diagonal] : [req.states.re, req.states.im];
  const expected = req.states.diagonal ? n * d : n * d * d;
  for (const part of parts) {
    if (part.length !== expected) throw new Error(`states: expected ${req.states.diagonal ? `${n}×${d} diagonal` : `${n}×${d}×${d}`} entries, got ${part.length}`);
    for (let k = 0; k < part.length; k++) if (!Number.isFinite(part[k])) throw new Error(`states: entry ${k} is not a finite number`);
  }
  if (req.shots !== undefined && (!Number.isInteger(req.shots) || req.shots < 0)) throw new Error(`shots: must be an integer ≥ 0, got ${req.shots}`);
}

/** trace, purity Tr ρ² = Σ|ρ_ij|², l1-coherence Σ_{i≠j}|ρ_ij| of each state (O(d²)). */
function cheapMeasures(re: Float32Array, im: Float32Array, n: number, d: number): LayerMeasures {
  const trace = new Float64Array(n), purity = new Float64Array(n), coherence = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const o = s * d * d;
    let t = 0, p = 0, c = 0;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const a = re[o + i * d + j], b = im[o + i * d + j];
        const m2 = a * a + b * b;
        p += m2;
        if (i === j) t += a;
        else c += Math.sqrt(m2);
      }
    trace[s] = t;
    purity[s] = p;
    coherence[s] = c;
  }
  return { trace, purity, coherence };
}

/**
 * The measures of diagonal states ρ = diag(x) (the fast path), in O(d) per state:
 * trace Σx, purity Σx², entropy −Σ x log₂ x, coherence 0, trace distance to the classical
 * path 0 (it is the same vector); two qubits: a diagonal state is separable, so concurrence 0,
 * negativity 0, PPT.
 */
function diagonalMeasures(x: Float32Array, n: number, d: number, all: boolean): LayerMeasures {
  const trace = new Float64Array(n), purity = new Float64Array(n), coherence = new Float64Array(n), entropy = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let t = 0, p = 0, h = 0;
    for (let i = 0; i < d; i++) {
      const v = x[s * d + i];
      t += v;
      p += v * v;
      if (v > 0) h -= v * Math.log2(v);
    }
    trace[s] = t;
    purity[s] = p;
    entropy[s] = h;
  }
  if (!all) return { trace, purity, coherence };
  const m: LayerMeasures = { trace, purity, coherence, entropy, traceDistanceToClassical: new Float64Array(n) };
  if (d === 4) {
    m.concurrence = new Float64Array(n);
    m.negativity = new Float64Array(n);
    m.ppt = new Uint8Array(n).fill(1);
  }
  return m;
}

/** Every measure of §8 through the float64 core (eigen-problems per state). */
function allMeasures(re: Float32Array, im: Float32Array, x: Float32Array, n: number, d: number): LayerMeasures {
  const m = cheapMeasures(re, im, n, d);
  m.entropy = new Float64Array(n);
  m.traceDistanceToClassical = new Float64Array(n);
  if (d === 4) {
    m.concurrence = new Float64Array(n);
    m.negativity = new Float64Array(n);
    m.ppt = new Uint8Array(n);
  }
  for (let s = 0; s < n; s++) {
    const o = s * d * d;
    const rows = (a: Float32Array) => Array.from({ length: d }, (_, i) => Array.from(a.subarray(o + i * d, o + (i + 1) * d)));
    const rho = fromArrays(rows(re), rows(im));
    const sm = stateMeasures(rho, x.subarray(s * d, (s + 1) * d));
    m.entropy[s] = sm.entropy;
    m.traceDistanceToClassical[s] = sm.traceDistanceToClassical ?? 0;
    if (d === 4) {
      m.concurrence![s] = sm.concurrence ?? 0;
      m.negativity![s] = sm.negativity ?? 0;
      m.ppt![s] = sm.ppt ? 1 : 0;
    }
  }
  return m;
}

function readoutFromLogits(probabilities: Float32Array, n: number, C: number): ReadoutWire {
  const predicted = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (probabilities[s * C + c] > probabilities[s * C + best]) best = c;
    predicted[s] = best;
  }
  return { probabilities, predicted };
}

/** Structural equality of two JSON values (numbers compared exactly). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a), kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Every tensor of a stack run (to read back and dispose). */
function collect(r: StackRun): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  for (const t of [...r.xs, ...r.qs, ...r.deads, r.probabilities]) if (t) out.push(t);
  return out;
}

/** The off-diagonal part of packed states (n×(d²−d)): Re ρ_ii' (i<i'), then Im ρ_ii' (i<i'). */
function packOffDiagonals(re: ArrayLike<number>, im: ArrayLike<number>, n: number, d: number): Float32Array {
  const D = d * d, P = (D - d) / 2;
  const out = new Float32Array(n * (D - d));
  for (let s = 0; s < n; s++) {
    const o = s * D, w = s * (D - d);
    let p = 0;
    for (let i = 0; i < d; i++)
      for (let k = i + 1; k < d; k++) {
        out[w + p] = re[o + i * d + k];
        out[w + P + p] = im[o + i * d + k];
        p++;
      }
  }
  return out;
}

/**
 * ρ^(k) from its diagonal (the quantum chain's x^(k)) and the input's off-diagonals, which the
 * residual mixes only scale: ρ^(k)_ii' = A_k ρ^(0)_ii' (i ≠ i'), A_k = α_1 ⋯ α_k.
 */
function rhoFromDiagonal(x: Float32Array, re: ArrayLike<number> | undefined, im: ArrayLike<number> | undefined, n: number, d: number, offScale: number): { re: Float32Array; im: Float32Array } {
  const D = d * d;
  const outRe = new Float32Array(n * D), outIm = new Float32Array(n * D);
  if (re && im && offScale !== 0)
    for (let k = 0; k < n * D; k++) {
      outRe[k] = offScale * re[k];
      outIm[k] = offScale * im[k];
    }
  for (let s = 0; s < n; s++)
    for (let i = 0; i < d; i++) {
      outRe[s * D + i * d + i] = x[s * d + i];
      outIm[s * D + i * d + i] = 0;
    }
  return { re: outRe, im: outIm };
}

/** Apply ForwardRequest.layers / fields to a response computed with every layer. */
function selectLayers(r: ForwardResponse, req: Omit<ForwardRequest, 'model'>, K: number): ForwardResponse {
  const sel = req.layers ?? 'all';
  if (sel !== 'all') {
    r.firstLayer = sel === 'last' ? Math.max(0, K - 1) : K;
    r.layers = sel === 'last' ? r.layers.slice(-1) : [];
  }
  if (req.fields) {
    const f = new Set(req.fields);
    r.layers = r.layers.map((l) => ({
      ...l,
      rho: f.has('rho') ? l.rho : undefined,
      x: f.has('x') ? l.x : new Float32Array(0),
      q: f.has('q') ? l.q : new Float32Array(0),
      dead: f.has('dead') ? l.dead : new Uint8Array(0),
      classicalDead: f.has('dead') ? l.classicalDead : new Uint8Array(0),
    }));
  }
  return r;
}

export class Engine {
  /**
   * The last few validated models with the JSON they came from. Validation needs spectral
   * norms (an eigen-problem per contraction: ~0.5 s for a 10-block 6-qubit model), while an
   * exact structural comparison with a cached JSON costs a few ms — and the explorer and the
   * benchmarks send the same model again and again.
   */
  private modelCache: { json: unknown; model: Model }[] = [];

  /** parseModelFile, memoised on exact JSON equality (the 4 most recent models). */
  parseModel(json: unknown): Model {
    const hit = this.modelCache.find((c) => jsonEqual(c.json, json));
    if (hit) return hit.model;
    const model = parseModelFile(json);
    this.modelCache.unshift({ json: structuredClone(json), model });
    this.modelCache.length = Math.min(this.modelCache.length, 4);
    return model;
  }

  /**
   * Forward a batch of states through a model (see the module comment). Every tensor made
   * here is disposed before returning: tf.memory().numTensors is unchanged.
   */
  async forward(req: ForwardRequest): Promise<ForwardResponse> {
    return this.forwardModel(this.parseModel(req.model), req);
  }

  /**
   * Forward with an already validated model (the explorer builds its models in the worker, so
   * they need no second validation; `req.model` is ignored).
   */
  async forwardModel(model: Model, req: Omit<ForwardRequest, 'model'>): Promise<ForwardResponse> {
    const t0 = performance.now();
    const d = 1 << model.nQubits;
    checkBatch(req, d);
    if ((req.shots ?? 0) > 0) return selectLayers(await this.forwardPerBlock(model, req, t0), req, model.blocks.length);
    return this.forwardCompiled(model, req, t0);
  }

  /**
   * The exact forward on the compiled stack (stack.ts): the model's tensors are uploaded once
   * and kept while it is in use; the off-diagonals of every block are one matMul; only the
   * layers and fields asked for are computed and read back, in one sync.
   */
  private async forwardCompiled(model: Model, req: Omit<ForwardRequest, 'model'>, t0: number): Promise<ForwardResponse> {
    const d = 1 << model.nQubits, D = d * d;
    const { n } = req.states;
    const K = model.blocks.length;
    const level: MeasureLevel = req.measures ?? 'cheap';
    const diagonalInput = req.states.diagonal;
    const re = req.states.re, im = req.states.im;
    const diagonal = diagonalInput !== undefined || allDiagonal(re!, im!, n, d);
    if (req.diagonalFastPath && !diagonal) throw new Error('diagonalFastPath: the batch has off-diagonal entries, so the fast path would be wrong');
    const fast = model.kind === 'classical' || (diagonal && req.diagonalFastPath !== false);
    // Diagonal inputs on the full path: the off-diagonals are 0, so the quantum path *is* the classical chain.
    const quantumChain = !fast && !diagonal;
    const sel = req.layers ?? 'all';
    const first = sel === 'all' ? 0 : K - 1;
    const isReturned = (k: number) => (sel === 'all' ? true : sel === 'last' ? k === K - 1 : false);
    const f = new Set<LayerField>(req.fields ?? ['rho', 'x', 'q', 'dead']);
    const needRho = !fast && (f.has('rho') || level !== 'none');
    const st = this.stackTensors(model);
    const x0 = new Float32Array(n * d);
    if (diagonalInput) x0.set(diagonalInput);
    else for (let s = 0; s < n; s++) for (let i = 0; i < d; i++) x0[s * d + i] = re![s * D + i * d + i];
    const owned: tf.Tensor[] = [];
    try {
      const x0T = tf.tensor2d(x0, [n, d]);
      owned.push(x0T);
      // Quantum and classical paths run as one chain on 2n rows: [quantum; classical], the
      // classical rows with zero off-diagonals (same weights: W_c = Ω_diag, HQRN.md §3).
      let xIn = x0T, offIn: tf.Tensor2D | null = null;
      if (quantumChain) {
        const offT = tf.tensor2d(packOffDiagonals(re!, im!, n, d), [n, D - d]);
        const zeros = tf.zeros([n, D - d]);
        owned.push(offT, zeros);
        xIn = tf.concat([x0T, x0T], 0) as tf.Tensor2D;
        offIn = tf.concat([offT, zeros], 0) as tf.Tensor2D;
        owned.push(xIn, offIn);
      }
      const want = (k: number): LayerWants =>
        !isReturned(k)
          ? {}
          : {
              x: f.has('x') || needRho || (fast && level !== 'none') || (!fast && level === 'all'),
              q: f.has('q'),
              dead: f.has('dead'),
            };
      const run = runStack(st, xIn, offIn, want, true);
      const outs = collect(run);
      owned.push(...outs);
      // one read-back of everything asked for
      const data = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
      const got = new Map<tf.Tensor, Float32Array>(outs.map((t, i) => [t, data[i]]));
      // rows [0, n): quantum path (or the only path); rows [n, 2n): classical path
      const half = (t: tf.Tensor | undefined, which: 0 | 1, width: number) => {
        const a = t ? got.get(t) : undefined;
        if (!a) return undefined;
        // a copy, not a view: a view would carry the whole buffer across postMessage
        return quantumChain ? a.slice(which * n * width, (which + 1) * n * width) : a;
      };
      const deadFlags = (k: number, which: 0 | 1) => {
        const stride = run.deadStrides[k] ?? 1;
        const a = half(run.deads[k], which, stride);
        if (!a) return new Uint8Array(0);
        const outFlags = new Uint8Array(n);
        for (let s = 0; s < n; s++) outFlags[s] = a[s * stride];
        return outFlags;
      };
      const cw: 0 | 1 = quantumChain ? 1 : 0;
      const layers: ForwardLayer[] = [];
      const empty = new Float32Array(0);
      for (let k = first; k < K; k++) {
        if (!isReturned(k)) continue;
        const cx = half(run.xs[k], cw, d);
        const classicalDead = deadFlags(k, cw);
        if (fast) {
          const layer: ForwardLayer = { x: f.has('x') ? cx! : empty, q: half(run.qs[k], cw, d) ?? empty, dead: classicalDead, classicalDead };
          if (level !== 'none') layer.measures = diagonalMeasures(cx!, n, d, level === 'all');
          layers.push(layer);
          continue;
        }
        const qx = half(run.xs[k], 0, d);
        const rho = needRho ? rhoFromDiagonal(qx!, diagonal ? undefined : re!, diagonal ? undefined : im!, n, d, st.cs.steps[k].offScale) : undefined;
        const layer: ForwardLayer = {
          x: f.has('x') ? cx! : empty,
          q: half(run.qs[k], 0, d) ?? empty,
          dead: quantumChain ? deadFlags(k, 0) : classicalDead,
          classicalDead,
        };
        if (f.has('rho')) layer.rho = rho;
        if (rho && level === 'cheap') layer.measures = cheapMeasures(rho.re, rho.im, n, d);
        else if (rho && level === 'all') layer.measures = allMeasures(rho.re, rho.im, cx!, n, d);
        layers.push(layer);
      }
      const response: ForwardResponse = { backend: tf.getBackend() as ForwardResponse['backend'], n, d, layers, ms: 0 };
      if (sel !== 'all') response.firstLayer = sel === 'last' ? Math.max(0, K - 1) : K;
      const C = st.cs.classes;
      const cProb = half(run.probabilities, cw, C);
      if (cProb) {
        response.classicalOutput = readoutFromLogits(cProb, n, C);
        response.output = readoutFromLogits(quantumChain ? half(run.probabilities, 0, C)! : cProb.slice(), n, C);
      }
      response.ms = performance.now() - t0;
      return response;
    } finally {
      tf.dispose(owned);
    }
  }

  /** Compiled tensors of the models in use (the two most recent; see cachedTensors()). */
  private stacks: { model: Model; st: StackTensors; backend: string }[] = [];

  private stackTensors(model: Model): StackTensors {
    // tensors live on one backend: a switch (or a WebGL fallback) recompiles
    if (this.stacks.length && this.stacks[0].backend !== tf.getBackend()) this.releaseCompiled();
    const i = this.stacks.findIndex((s) => s.model === model);
    if (i >= 0) {
      const [hit] = this.stacks.splice(i, 1);
      this.stacks.unshift(hit);
      return hit.st;
    }
    const st = new StackTensors(compileStack(model));
    this.stacks.unshift({ model, st, backend: tf.getBackend() });
    while (this.stacks.length > 2) this.stacks.pop()!.st.dispose();
    return st;
  }

  /**
   * Tensors the engine keeps between calls on purpose: the compiled weights of the (at most
   * two) most recent models. Leak checks compare tf.memory().numTensors − cachedTensors().
   */
  cachedTensors(): number {
    return this.stacks.reduce((a, s) => a + s.st.count, 0);
  }

  /** Drop the compiled weights (backend switches; tests). */
  releaseCompiled(): void {
    for (const s of this.stacks) s.st.dispose();
    this.stacks = [];
  }

  /**
   * Block by block with a read-back per block: finite shots (p± are sampled on the CPU with the
   * core's seeded multinomial). Also the reference the compiled path is tested against.
   */
  async forwardPerBlock(model: Model, req: Omit<ForwardRequest, 'model'>, t0 = performance.now()): Promise<ForwardResponse> {
    const d = 1 << model.nQubits;
    const { n } = req.states;
    const shots = req.shots ?? 0;
    const level: MeasureLevel = req.measures ?? 'cheap';
    const diagonalInput = req.states.diagonal;
    const diagonal = diagonalInput !== undefined || allDiagonal(req.states.re!, req.states.im!, n, d);
    if (req.diagonalFastPath && !diagonal) throw new Error('diagonalFastPath: the batch has off-diagonal entries, so the fast path would be wrong');
    const fast = model.kind === 'classical' || (diagonal && shots === 0 && req.diagonalFastPath !== false);
    const blocks = blockTensors(model, !fast);
    const keep: tf.Tensor[] = [];
    try {
      const x0 = diagonalInput ? Float32Array.from(diagonalInput) : new Float32Array(n * d);
      if (!diagonalInput) for (let s = 0; s < n; s++) for (let i = 0; i < d; i++) x0[s * d + i] = req.states.re![s * d * d + i * d + i];
      // classical path (always)
      const xs: tf.Tensor2D[] = [], cqs: tf.Tensor2D[] = [], cdeads: tf.Tensor1D[] = [];
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
      const vs: tf.Tensor2D[] = [], qs: tf.Tensor2D[] = [], deads: tf.Tensor1D[] = [];
      if (!fast) {
        const packed = diagonalInput ? packDiagonal(diagonalInput, n, d) : packBatch(req.states.re!, req.states.im!, n, d);
        let v: tf.Tensor2D = tf.tensor2d(packed, [n, d * d]);
        keep.push(v);
        const rng = shots > 0 ? makeRng(req.seed ?? 0) : undefined;
        for (const b of blocks) {
          let r: { v: tf.Tensor2D; q: tf.Tensor2D; dead: tf.Tensor1D };
          if (rng) {
            const [pp, pm] = await Promise.all([tf.matMul(v, b.fPlus!, false, true), tf.matMul(v, b.fMinus!, false, true)].map(async (t) => {
              const data = await t.data();
              t.dispose();
              return data;
            }));
            // Same order of draws as the core: per state, U+ then U−.
            const z = new Float32Array(n * d);
            const bias = await b.bias.data();
            for (let s = 0; s < n; s++) {
              const ep = estimateAncillaZeroProbabilities(pp.subarray(s * d, (s + 1) * d), shots, rng);
              const em = estimateAncillaZeroProbabilities(pm.subarray(s * d, (s + 1) * d), shots, rng);
              for (let j = 0; j < d; j++) z[s * d + j] = b.gain * (ep[j] - em[j]) + bias[j];
            }
            const zt = tf.tensor2d(z, [n, d]);
            r = mixWithZ(v, zt, b.alpha, b.activation, d);
            zt.dispose();
          } else {
            const full = applyBlockPackedT(v, b.omega!, b.bias, b.alpha, b.activation, d);
            full.z.dispose();
            r = full;
          }
          keep.push(r.v, r.q, r.dead);
          vs.push(r.v);
          qs.push(r.q);
          deads.push(r.dead);
          v = r.v;
        }
      }
      // readouts
      let outputT: tf.Tensor2D | undefined, classicalOutputT: tf.Tensor2D | undefined;
      const readout: Readout | undefined = model.readout;
      if (readout) {
        const C = readout.bias.length;
        const rw = mat(readout.weights, C, d), rb = tf.tensor1d(Float32Array.from(readout.bias));
        keep.push(rw, rb);
        const lastX = xs.length ? xs[xs.length - 1] : x;
        classicalOutputT = tf.tidy(() => tf.softmax(readoutLogitsT(lastX, rw, rb)) as tf.Tensor2D);
        keep.push(classicalOutputT);
        if (!fast && vs.length) {
          const lastV = vs[vs.length - 1];
          outputT = tf.tidy(() => tf.softmax(readoutLogitsT(tf.slice(lastV, [0, 0], [-1, d]) as tf.Tensor2D, rw, rb)) as tf.Tensor2D);
          keep.push(outputT);
        }
      }
      // read back everything at once (one sync point)
      const read = async (ts: tf.Tensor[]) => Promise.all(ts.map((t) => t.data() as Promise<Float32Array>));
      const [xsD, cqsD, cdeadsD, vsD, qsD, deadsD, outD, coutD] = await Promise.all([
        read(xs), read(cqs), read(cdeads), read(vs), read(qs), read(deads),
        outputT ? outputT.data() as Promise<Float32Array> : Promise.resolve(undefined),
        classicalOutputT ? classicalOutputT.data() as Promise<Float32Array> : Promise.resolve(undefined),
      ]);
      const layers: ForwardLayer[] = blocks.map((_, k) => {
        if (fast && level !== 'none') {
          // ρ^(k) = diag(x^(k)): every measure is a function of the diagonal, no eigen-problem.
          return { x: xsD[k], q: cqsD[k], dead: Uint8Array.from(cdeadsD[k]), classicalDead: Uint8Array.from(cdeadsD[k]), measures: diagonalMeasures(xsD[k], n, d, level === 'all') };
        }
        const rho = fast ? undefined : unpackBatch(vsD[k], n, d);
        const layer: ForwardLayer = {
          rho: fast ? undefined : rho,
          x: xsD[k],
          q: fast ? cqsD[k] : qsD[k],
          dead: Uint8Array.from(fast ? cdeadsD[k] : deadsD[k]),
          classicalDead: Uint8Array.from(cdeadsD[k]),
        };
        if (rho && level === 'cheap') layer.measures = cheapMeasures(rho.re, rho.im, n, d);
        else if (rho && level === 'all') layer.measures = allMeasures(rho.re, rho.im, xsD[k], n, d);
        return layer;
      });
      const C = readout?.bias.length ?? 0;
      const response: ForwardResponse = { backend: tf.getBackend() as ForwardResponse['backend'], n, d, layers, ms: 0 };
      if (coutD) {
        response.classicalOutput = readoutFromLogits(coutD, n, C);
        response.output = outD ? readoutFromLogits(outD, n, C) : readoutFromLogits(coutD.slice(), n, C);
      }
      response.ms = performance.now() - t0;
      return response;
    } finally {
      tf.dispose(keep);
      disposeBlocks(blocks);
    }
  }

  /** tf.memory() numbers: the leak tests compare numTensors before and after each call. */
  memory(): { numTensors: number; numBytes: number; backend: string; cachedTensors: number } {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes, backend: tf.getBackend(), cachedTensors: this.cachedTensors() };
  }
}
