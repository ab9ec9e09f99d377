/**
 * The experiment presets: valid TrainRequests with docs/math.md §7's sizes, the
 * beyond-the-paper studies' settings, the results format of a tiny run, and baselines that
 * learn (cpu backend, small sizes: a few seconds).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainRequest } from '../../../src/protocol/messages';
import { loadDigitSet } from '../../../src/cli/digitsData';
import { parseModelFile } from '../../../src/core/io/files';
import { makeRng } from '../../../src/core/math/rng';
import { trainBaseline } from '../baselines/nets';
import { runDigits, runEntanglement, runGreedyVsEndToEnd, runNoise, runShotsSweep, resultsTable } from './runners';
import { PRESET_NAMES, PRESETS, presetRequests, quickPresets } from '../../../src/protocol/experiments';
import { train, TrainControl } from '../train/train';
import { loadTaskData } from '../train/data';

const hooks = { onProgress: () => {}, control: new TrainControl(), loadDigits: async () => loadDigitSet() };

function expectValidRequest(r: TrainRequest, label: string) {
  const msg = `${label}: ${JSON.stringify(r)}`;
  expect(['digits', 'entanglement'], msg).toContain(r.task);
  expect(['classical', 'transfer', 'quantum-greedy', 'quantum-end-to-end'], msg).toContain(r.mode);
  expect(['relu', 'softplus', 'sigmoid', 'exp'], msg).toContain(r.activation);
  expect(Number.isInteger(r.depth) && r.depth >= 1, msg).toBe(true);
  expect(r.alpha >= 0 && r.alpha <= 1, msg).toBe(true);
  expect(Number.isInteger(r.epochs) && r.epochs >= 1, msg).toBe(true);
  expect(Number.isInteger(r.batchSize) && r.batchSize >= 1, msg).toBe(true);
  expect(r.learningRate > 0 && r.learningRate < 1, msg).toBe(true);
  expect(Number.isInteger(r.seed), msg).toBe(true);
  expect(r.validationSize ?? 0, msg).toBe(0); // presets evaluate on the test set
  if (r.noise !== undefined) expect(r.noise >= 0 && r.noise <= 1, msg).toBe(true);
  // Classical training cannot use noise; the digits task has no adversarial share.
  if (r.mode === 'classical' || r.mode === 'transfer') expect(r.noise ?? 0, msg).toBe(0);
}

describe('experiment presets', () => {
  it('every preset request is a valid TrainRequest', () => {
    for (const p of [PRESETS, quickPresets()]) for (const { label, request } of presetRequests(p)) expectValidRequest(request, label);
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_NAMES].sort());
  });

  it('paper sizes (docs/math.md §7) and the paper settings', () => {
    const d = PRESETS.digits.request;
    expect([d.task, d.mode, d.trainSize, d.testSize, d.alpha]).toEqual(['digits', 'transfer', 6000, 4000, 0.5]);
    expect(PRESETS.digits.linear.hidden).toEqual([]);
    const e = PRESETS.entanglement.request;
    expect([e.task, e.mode, e.trainSize, e.testSize, e.adversarialShare]).toEqual(['entanglement', 'quantum-greedy', 1300, 5000, 0.5]);
    // The classical analog sees the same data (task, seed, sizes, share).
    const c = PRESETS.entanglement.classical;
    expect(c.mode).toBe('classical');
    expect([c.task, c.seed, c.trainSize, c.testSize, c.adversarialShare]).toEqual([e.task, e.seed, e.trainSize, e.testSize, e.adversarialShare]);
    expect(PRESETS.entanglement.mlp.hidden).toEqual([32, 32]);
  });

  it('beyond the paper: α values, ≥ 3 seeds, shots with the exact limit, same budget, λ values', () => {
    expect(PRESETS.alphaSweep.alphas).toEqual([0, 0.25, 0.5, 0.75, 0.9]);
    expect(PRESETS.alphaSweep.seeds.length).toBeGreaterThanOrEqual(3);
    expect(PRESETS.shotsSweep.shots).toEqual([10, 100, 1000, 10000, 0]);
    const { greedy, endToEnd } = PRESETS.greedyVsEndToEnd;
    expect([greedy.mode, endToEnd.mode]).toEqual(['quantum-greedy', 'quantum-end-to-end']);
    expect(endToEnd.epochs).toBe(greedy.depth * greedy.epochs);
    expect(endToEnd.depth).toBe(greedy.depth);
    expect(PRESETS.noise.lambdas).toEqual([0, 0.05, 0.1, 0.2, 0.4]);
    expect(PRESETS.noise.request.mode).not.toBe('classical');
  });

  it('--quick presets are smaller than the full ones', () => {
    const q = quickPresets();
    for (const name of ['digits', 'entanglement'] as const) {
      expect(q[name].request.trainSize!).toBeLessThan(PRESETS[name].request.trainSize!);
      expect(q[name].request.epochs * q[name].request.depth).toBeLessThanOrEqual(PRESETS[name].request.epochs * PRESETS[name].request.depth);
    }
  });

  it('presets are plain data (JSON round trip, for the worker)', () => {
    expect(JSON.parse(JSON.stringify(PRESETS))).toEqual(PRESETS);
  });
});

describe('experiment runs (tiny sizes, cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  it('entanglement, shots, greedy vs end-to-end, noise: the documented keys, numbers in [0, 1]', async () => {
    const before = tf.memory().numTensors;
    const q = quickPresets();
    const tiny = { trainSize: 120, testSize: 100, depth: 1, epochs: 1 };
    const ent = {
      ...q.entanglement,
      request: { ...q.entanglement.request, ...tiny },
      classical: { ...q.entanglement.classical, ...tiny },
      mlp: { ...q.entanglement.mlp, epochs: 2 },
    };
    const e = await runEntanglement(ent, hooks);
    const r = e.results;
    for (const k of [
      'testAccuracy',
      'dephasedAccuracy',
      'marginalAccuracy',
      'classicalTestAccuracy',
      'classicalDephasedAccuracy',
      'mlpTestAccuracy',
    ] as const) {
      expect(r[k], k).toBeGreaterThanOrEqual(0);
      expect(r[k], k).toBeLessThanOrEqual(1);
    }
    expect(r.accuracyByDepth.map((a) => a.depth)).toEqual([1]);
    expect(r.seconds).toBeGreaterThan(0);
    expect(parseModelFile(e.quantumModel).kind).toBe('quantum');
    const shots = runShotsSweep({ shots: [10, 0], evalSize: 30, seed: 1 }, e.quantumModel, e.data.test, 4);
    expect(shots.points.map((p) => p.shots)).toEqual([10, 'exact']);
    // Exact evaluation in the float64 core = the engine's predictions (float32 ties aside).
    const engineAcc = e.testPredictions.subarray(0, 30).reduce((n, p, i) => n + (p === e.data.test.labels[i] ? 1 : 0), 0) / 30;
    expect(Math.abs(shots.points[1].testAccuracy - engineAcc)).toBeLessThanOrEqual(1 / 30);
    const g = await runGreedyVsEndToEnd({ greedy: ent.request, endToEnd: { ...ent.request, mode: 'quantum-end-to-end' } }, hooks, e.quantum);
    expect(g.greedy.testAccuracy).toBe(r.testAccuracy);
    expect(g.endToEnd.testAccuracy).toBeGreaterThanOrEqual(0);
    const n = await runNoise({ request: { ...ent.request, trainSize: 60, testSize: 40 }, lambdas: [0, 0.2] }, hooks);
    expect(n.points.map((p) => p.lambda)).toEqual([0, 0.2]);
    for (const p of n.points) for (const v of [p.testAccuracy, p.noiselessModelAccuracy]) expect(v >= 0 && v <= 1).toBe(true);
    const table = resultsTable({ entanglement: r, shotsSweep: shots, greedyVsEndToEnd: g, noise: n });
    expect(table).toContain('| entanglement | HQRN greedy');
    expect(table).toContain('| noise |');
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('digits: transfer with 0 disagreements, linear baseline on the same inputs', async () => {
    const q = quickPresets();
    const d = await runDigits({ request: { ...q.digits.request, trainSize: 200, testSize: 100, epochs: 1 }, linear: { ...q.digits.linear, epochs: 2 } }, hooks);
    expect(d.results.disagreements).toBe(0);
    expect(d.results.quantumTestAccuracy).toBe(d.results.classicalTestAccuracy);
    expect(d.results.linearTestAccuracy).toBeGreaterThan(0.3);
    expect(d.results.linearTestAccuracy).toBeLessThanOrEqual(1);
    expect(parseModelFile(d.classicalModel).kind).toBe('classical');
    expect(parseModelFile(d.quantumModel).kind).toBe('quantum');
  }, 60_000);
});

describe('TrainRequest.validationSize and .noise', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  it('validationSize: the last rows of the training split become the evaluation split', async () => {
    const req: TrainRequest = { ...PRESETS.entanglement.request, trainSize: 200, testSize: 100 };
    const full = await loadTaskData(req, hooks);
    const val = await loadTaskData({ ...req, validationSize: 50 }, hooks);
    expect([val.train.n, val.test.n]).toEqual([150, 50]);
    expect(Array.from(val.train.v!)).toEqual(Array.from(full.train.v!.subarray(0, 150 * 16)));
    expect(Array.from(val.test.v!)).toEqual(Array.from(full.train.v!.subarray(150 * 16)));
    expect(val.test.kinds).toEqual(full.train.kinds!.slice(150));
    await expect(loadTaskData({ ...req, validationSize: 200 }, hooks)).rejects.toThrow(/validationSize/);
  });

  it('noise: the exported model under the same channel (float64 core) makes the tensor predictions', async () => {
    const req: TrainRequest = { ...PRESETS.entanglement.request, trainSize: 120, testSize: 200, depth: 2, epochs: 2, noise: 0.3 };
    const r = await train(req, hooks);
    expect(r.exportCheck!.agreement).toBeGreaterThanOrEqual(0.99);
    await expect(train({ ...req, noise: 1.5 }, hooks)).rejects.toThrow(/noise/);
  }, 60_000);
});

describe('baselines', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  /** Points in [−1, 1]²; label = XOR of the signs (not linearly separable) or the sign of x. */
  function problem(n: number, seed: number, xor: boolean) {
    const rng = makeRng(seed);
    const x = new Float64Array(2 * n),
      y = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const a = 2 * rng.uniform() - 1,
        b = 2 * rng.uniform() - 1;
      x[2 * s] = a;
      x[2 * s + 1] = b;
      y[s] = xor ? (a * b > 0 ? 1 : 0) : a > 0 ? 1 : 0;
    }
    return { x, y };
  }

  it('the MLP learns XOR (not linearly separable); the linear softmax learns a half-plane', async () => {
    const before = tf.memory().numTensors;
    const tr = problem(300, 1, true),
      te = problem(200, 2, true);
    const spec = { hidden: [16, 16], activation: 'tanh' as const, learningRate: 0.03, epochs: 30, batchSize: 50, seed: 5 };
    const mlp = await trainBaseline(spec, { trainX: tr.x, trainY: tr.y, testX: te.x, testY: te.y, features: 2, classes: 2 });
    expect(mlp.testAccuracy).toBeGreaterThan(0.9);
    expect(mlp.parameters).toBe(2 * 16 + 16 + 16 * 16 + 16 + 16 * 2 + 2);
    // Seeded: same spec, same predictions.
    const again = await trainBaseline(spec, { trainX: tr.x, trainY: tr.y, testX: te.x, testY: te.y, features: 2, classes: 2 });
    expect(Array.from(again.testPredictions)).toEqual(Array.from(mlp.testPredictions));
    const trL = problem(300, 3, false),
      teL = problem(200, 4, false);
    const lin = await trainBaseline({ ...spec, hidden: [], epochs: 20 }, { trainX: trL.x, trainY: trL.y, testX: teL.x, testY: teL.y, features: 2, classes: 2 });
    expect(lin.testAccuracy).toBeGreaterThan(0.95);
    // …and the linear model cannot learn XOR.
    const linXor = await trainBaseline({ ...spec, hidden: [], epochs: 10 }, { trainX: tr.x, trainY: tr.y, testX: te.x, testY: te.y, features: 2, classes: 2 });
    expect(linXor.testAccuracy).toBeLessThan(0.75);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
