/**
 * Engine timings on the current backend (npm run bench:engine; not a test). Runs in node
 * (scripts/bench-engine.ts) and inside the worker in Chromium (scripts/bench-engine-browser.ts,
 * through the worker API's bench()). The float64 core is timed on the same work in the same
 * JS engine: the engine computes both paths (quantum and classical), so the core's time is
 * quantumForwardBatch + classicalForwardBatch of the same model and inputs; on diagonal
 * digits the fast path is the classical network, so the core's time is classicalForwardBatch.
 * Training has no float64 counterpart (the core does not train): its ratio is left empty.
 */
import { classicalAnalog, classicalForwardBatch } from '../../../src/core/hqrn/classical';
import { DIGIT_DIM, type DigitSet, digitsDataset } from '../../../src/core/states/digits';
import { modelToJson } from '../../../src/core/io/files';
import { compileBlock, packState, quantumForwardBatch } from '../../../src/core/hqrn/qrb';
import { randomQuantumModel } from '../../../src/core/hqrn/randomModel';
import { makeRng } from '../../../src/core/math/rng';
import { randomDensityMatrix } from '../../../src/core/math/testing';
import type { BackendName, ForwardRequest, TrainRequest, TrainResult } from '../../../src/protocol/messages';
import { BENCH_CASES, type BenchCase, type BenchOptions, type BenchRow } from './benchTable';
import * as tf from '@tensorflow/tfjs-core';
import type { Engine } from '../forward/engine';
import { TRAINING_PRESETS } from '../../../src/protocol/experiments';
import { train } from '../train/train';
import { TrainControl } from '../train/control';

export type { BenchCase, BenchOptions, BenchRow } from './benchTable';
export { BENCH_CASES, formatBenchTable, withNumpy } from './benchTable';

const BLOCKS = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Work {
  req: ForwardRequest;
  core: () => void;
  n: number;
  /** Nominal GFLOP of the case (see BenchRow.gflop). */
  gflop: number;
}

/** Sum of tf.profile's kernel times of one call over its wall time (NaN when the backend gives none). */
async function kernelShare(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  const info = await tf.profile(async () => {
    await fn();
  });
  const wall = performance.now() - t0;
  let kernelMs = 0;
  for (const k of info.kernels) {
    if (typeof k.kernelTimeMs !== 'number') return NaN;
    kernelMs += k.kernelTimeMs;
  }
  return Math.min(1, kernelMs / wall);
}

let cached2q: Work | null = null;
function work2q(): Work {
  if (cached2q) return cached2q;
  const rng = makeRng(2026);
  const d = 4,
    D = d * d,
    n = 5000;
  const model = randomQuantumModel(2, BLOCKS, rng, { activation: 'relu', alpha: 0.5, classes: 2 });
  const re = new Float64Array(n * D),
    im = new Float64Array(n * D),
    v0 = new Float64Array(n * D),
    x0 = new Float64Array(n * d);
  for (let s = 0; s < n; s++) {
    const rho = randomDensityMatrix(d, rng);
    re.set(rho.re, s * D);
    im.set(rho.im, s * D);
    packState(rho, v0, s * D);
    for (let i = 0; i < d; i++) x0[s * d + i] = rho.re[i * d + i];
  }
  const compiled = model.blocks.map(compileBlock);
  const analog = classicalAnalog(model).blocks;
  cached2q = {
    n,
    // per block: z = V Ωᵀ (n × d² × d) and the classical path's X Wᵀ (n × d × d)
    gflop: (BLOCKS * 2 * n * d * (D + d)) / 1e9,
    req: { model: modelToJson(model), states: { n, d, re, im }, measures: 'none', layers: 'last' },
    core: () => {
      quantumForwardBatch(compiled, v0, d);
      classicalForwardBatch(analog, x0, d);
    },
  };
  return cached2q;
}

let cachedDigits: Work | null = null;
async function workDigits(loadDigits: () => Promise<DigitSet>): Promise<Work> {
  if (cachedDigits) return cachedDigits;
  const rng = makeRng(2027);
  const d = DIGIT_DIM,
    n = 1000;
  const ds = digitsDataset(await loadDigits(), { seed: 1, n });
  const model = randomQuantumModel(6, BLOCKS, rng, { activation: 'relu', alpha: 0.5, classes: 10 });
  const analog = classicalAnalog(model).blocks;
  cachedDigits = {
    n,
    gflop: (BLOCKS * 2 * n * d * d) / 1e9,
    // diagonal inputs travel as n×d rows (StateBatch.diagonal), not n×d×d matrices
    req: { model: modelToJson(model), states: { n, d, diagonal: ds.inputs }, measures: 'none', diagonalFastPath: true, layers: 'last' },
    core: () => classicalForwardBatch(analog, ds.inputs, d),
  };
  return cachedDigits;
}

const TRAIN_BASE: Omit<TrainRequest, 'task' | 'mode' | 'depth'> = {
  alpha: 0.5,
  activation: 'relu',
  learningRate: 0.01,
  epochs: 1,
  batchSize: 100,
  seed: 1,
};

/** Run the bench cases on the engine's current backend. */
export async function runBench(
  engine: Engine,
  opts: BenchOptions & { loadDigits: () => Promise<DigitSet>; runStudy?: (name: string) => Promise<unknown>; studies?: readonly string[] },
  backend: BackendName,
): Promise<BenchRow[]> {
  const cases = opts.cases ?? [...BENCH_CASES];
  const runs = opts.runs ?? 5;
  const rows: BenchRow[] = [];
  const forwardRow = async (id: BenchCase, name: string, w: Work) => {
    // engine and core interleaved, run by run, so that load on the machine hits both alike
    await engine.forward(w.req);
    w.core();
    const es: number[] = [],
      cs: number[] = [];
    for (let r = 0; r < runs; r++) {
      let t0 = performance.now();
      await engine.forward(w.req);
      es.push(performance.now() - t0);
      t0 = performance.now();
      w.core();
      cs.push(performance.now() - t0);
    }
    const ms = median(es),
      coreMs = median(cs);
    const share = await kernelShare(() => engine.forward(w.req));
    rows.push({
      backend,
      id,
      case: name,
      states: w.n,
      ms,
      statesPerSecond: (w.n / ms) * 1000,
      coreMs,
      speedup: coreMs / ms,
      gflop: w.gflop,
      ...(Number.isNaN(share) ? {} : { kernelShare: share }),
    });
  };
  const trainRow = async (id: BenchCase, name: string, req: TrainRequest, n: number) => {
    const hooks = { onProgress: () => undefined, control: new TrainControl(), loadDigits: opts.loadDigits };
    await train(req, hooks); // warm-up: kernels, data generation paths
    // median of three runs (one run is one epoch: noisy on a shared machine)
    const epochs: number[] = [],
      walls: number[] = [];
    let last: TrainResult['history'][number] | undefined;
    for (let r = 0; r < Math.min(3, runs); r++) {
      const t0 = performance.now();
      const res = await train(req, hooks);
      walls.push(performance.now() - t0);
      last = res.history[res.history.length - 1];
      if (!last) throw new Error('train() reported no epoch');
      // The epoch itself: the optimiser steps (examplesPerSecond at the epoch end counts those only).
      epochs.push((n / last.examplesPerSecond) * 1000);
    }
    const ms = median(epochs);
    const share = await kernelShare(() => train(req, hooks));
    rows.push({
      backend,
      id,
      case: name,
      states: n,
      ...(Number.isNaN(share) ? {} : { kernelShare: share }),
      ms,
      statesPerSecond: (n / ms) * 1000,
      note: `epoch = optimiser steps (median of ${epochs.length}: ${epochs.map((e) => e.toFixed(0)).join(', ')} ms); train() wall time ${median(walls).toFixed(0)} ms incl. data and evaluations; test acc ${last!.testAccuracy.toFixed(3)}`,
    });
  };
  for (const c of cases) {
    try {
      await runCase(c);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      rows.push({ backend, case: c, states: 0, ms: NaN, statesPerSecond: NaN, note: `failed: ${msg}` });
    }
  }
  return rows;

  async function runCase(c: BenchCase) {
    if (c === 'forward-2q') await forwardRow(c, `forward ${BLOCKS} blocks, 5000 two-qubit mixed states`, work2q());
    else if (c === 'forward-digits') await forwardRow(c, `forward ${BLOCKS} blocks, 1000 digits (d=64, diagonal fast path)`, await workDigits(opts.loadDigits));
    else if (c === 'train-classical-digits')
      await trainRow(c, 'train 1 epoch, classical, digits (6000)', { ...TRAIN_BASE, task: 'digits', mode: 'classical', depth: 3 }, 6000);
    else if (c === 'train-quantum-entanglement')
      await trainRow(
        c,
        'train 1 epoch, quantum end-to-end, entanglement (1300)',
        { ...TRAIN_BASE, task: 'entanglement', mode: 'quantum-end-to-end', depth: 3 },
        1300,
      );
    else if (c === 'presets')
      for (const p of TRAINING_PRESETS) {
        // as the training studio runs it: the preset, then its baselines on the same data
        const hooks = { onProgress: () => undefined, control: new TrainControl(), loadDigits: opts.loadDigits };
        const t0 = performance.now();
        await train(p.request, hooks);
        for (const b of p.baselines) await train({ ...p.request, ...b.patch }, hooks);
        const ms = performance.now() - t0;
        rows.push({ backend, id: c, case: `preset ${p.id} (+ ${p.baselines.length} baseline), whole run`, states: 0, ms, statesPerSecond: NaN });
      }
    else if (c === 'studies') {
      if (!opts.runStudy) throw new Error('studies: no runStudy in this bench');
      for (const name of opts.studies ?? []) {
        const t0 = performance.now();
        await opts.runStudy(name);
        rows.push({ backend, id: c, case: `study ${name} (full), whole run`, states: 0, ms: performance.now() - t0, statesPerSecond: NaN });
      }
    }
  }
}
