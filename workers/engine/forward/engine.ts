/**
 * The Engine: owns every tfjs tensor of the app and answers ForwardRequests with plain arrays.
 * Plain module (no comlink, no DOM) so node tests drive it directly; workers/engine.worker.ts
 * exposes it. Models arrive as hqrn-model JSON and are validated by the core's parseModelFile.
 *
 * Forward of a batch (docs/math.md §2–3, §5, §8): plan.ts picks the path, this module runs
 * the exact ones on the compiled stack (stack.ts), perBlock.ts runs finite shots, and
 * layers.ts assembles every response (fields, measures, readouts). States are packed by the
 * core's packing.ts:
 * - quantum path: x^(k) and the off-diagonals (only scaled by the residual mixes) as one chain;
 * - classical path: the classical analog (W_c = c(|A+|² − |A−|²)) on X = diag(ρ^(0));
 * - diagonal fast path: when every input is diagonal (and no shots), the quantum path *is*
 *   the classical path (correspondence theorem) and only the O(d²) network runs;
 * - measures: 'cheap' ones from the read-back states in O(d²), 'all' through the core.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseModelFile } from '../../../src/core/io/files';
import type { Model } from '../../../src/core/hqrn/model';
import { diagonalsOf, packOffDiagonals, statesFromDiagonals } from '../../../src/core/hqrn/packing';
import type { ForwardLayer, ForwardRequest, ForwardResponse } from '../../../src/protocol/messages';
import { type AssembleOptions, assembleLayer, assembleResponse, requestWants } from './layers';
import { forwardPerBlock } from './perBlock';
import { type BatchPlan, planBatch } from './plan';
import { compileStack, type LayerWants, runStack, type StackRun, StackTensors } from './stack';

/** Structural equality of two JSON values (numbers compared exactly). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a),
    kb = Object.keys(b as object);
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
    const plan = planBatch(model, req);
    if (plan.path === 'per-block') return this.forwardPerBlock(model, req, t0, plan);
    return this.forwardCompiled(model, req, t0, plan);
  }

  /**
   * The exact forward on the compiled stack (stack.ts): the model's tensors are uploaded once
   * and kept while it is in use; the off-diagonals of every block are one matMul; only the
   * layers and fields asked for are computed and read back, in one sync.
   */
  private async forwardCompiled(model: Model, req: Omit<ForwardRequest, 'model'>, t0: number, plan: BatchPlan): Promise<ForwardResponse> {
    const d = 1 << model.nQubits,
      D = d * d;
    const { n } = req.states;
    const K = model.blocks.length;
    const { fast, quantumChain } = plan;
    const { selection: sel, fields: f, level } = requestWants(req);
    const first = sel === 'all' ? 0 : K - 1;
    const isReturned = (k: number) => (sel === 'all' ? true : sel === 'last' ? k === K - 1 : false);
    const needRho = !fast && (f.has('rho') || level !== 'none');
    const st = this.stackTensors(model);
    const x0 = req.states.diagonal ? Float32Array.from(req.states.diagonal) : diagonalsOf(req.states.re!, n, d);
    const off = quantumChain ? packOffDiagonals(req.states.re!, req.states.im!, n, d) : undefined;
    const owned: tf.Tensor[] = [];
    try {
      const x0T = tf.tensor2d(x0, [n, d]);
      owned.push(x0T);
      // Quantum and classical paths run as one chain on 2n rows: [quantum; classical], the
      // classical rows with zero off-diagonals (same weights: W_c = Ω_diag, docs/math.md §3).
      let xIn = x0T,
        offIn: tf.Tensor2D | null = null;
      if (off) {
        const offT = tf.tensor2d(off, [n, D - d]);
        const zeros = tf.zeros([n, D - d]);
        owned.push(offT, zeros);
        xIn = tf.concat([x0T, x0T], 0) as tf.Tensor2D;
        offIn = tf.concat([offT, zeros], 0) as tf.Tensor2D;
        owned.push(xIn, offIn);
      }
      const want = (k: number): LayerWants =>
        !isReturned(k) ? {} : { x: f.has('x') || needRho || (fast && level !== 'none') || (!fast && level === 'all'), q: f.has('q'), dead: f.has('dead') };
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
        if (!a) return undefined;
        const outFlags = new Uint8Array(n);
        for (let s = 0; s < n; s++) outFlags[s] = a[s * stride];
        return outFlags;
      };
      const cw: 0 | 1 = quantumChain ? 1 : 0;
      const opts: AssembleOptions = { n, d, level, fields: f, fast };
      const layers: ForwardLayer[] = [];
      for (let k = first; k < K; k++) {
        if (!isReturned(k)) continue;
        const cx = half(run.xs[k], cw, d);
        const classicalDead = deadFlags(k, cw);
        if (fast) {
          layers.push(assembleLayer({ x: cx, q: half(run.qs[k], cw, d), classicalDead }, opts));
          continue;
        }
        const qx = half(run.xs[k], 0, d);
        const rho = needRho ? statesFromDiagonals(qx!, off, n, d, st.cs.steps[k].offScale) : undefined;
        layers.push(assembleLayer({ x: cx, q: half(run.qs[k], 0, d), dead: quantumChain ? deadFlags(k, 0) : classicalDead, classicalDead, rho }, opts));
      }
      const cProb = half(run.probabilities, cw, st.cs.classes);
      const qProb = quantumChain ? half(run.probabilities, 0, st.cs.classes) : undefined;
      return assembleResponse(
        tf.getBackend() as ForwardResponse['backend'],
        n,
        d,
        layers,
        sel,
        K,
        { classical: cProb, quantum: qProb, classes: st.cs.classes },
        t0,
      );
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
  async forwardPerBlock(model: Model, req: Omit<ForwardRequest, 'model'>, t0 = performance.now(), plan = planBatch(model, req)): Promise<ForwardResponse> {
    return forwardPerBlock(model, req, t0, plan);
  }

  /** tf.memory() numbers: the leak tests compare numTensors before and after each call. */
  memory(): { numTensors: number; numBytes: number; backend: string; cachedTensors: number } {
    const m = tf.memory();
    return { numTensors: m.numTensors, numBytes: m.numBytes, backend: tf.getBackend(), cachedTensors: this.cachedTensors() };
  }
}
