/**
 * The worker API in node on tfjs cpu: no tensor leaks (tf.memory().numTensors unchanged by
 * every call), importModel errors name the field, export after import round-trips.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../src/cli/digitsData';
import { diagonalMatrix } from '../../src/core/math/complex';
import { modelToJson, parseModelFile } from '../../src/core/io/files';
import { randomQuantumModel } from '../../src/core/hqrn/randomModel';
import { makeRng } from '../../src/core/math/rng';
import { randomDensityMatrix, randomProbabilityVector } from '../../src/core/math/testing';
import type { ForwardRequest } from '../../src/protocol/messages';
import { createEngineApi } from './api';
import { toBatch } from './diagnostics/crossCheck';

const api = createEngineApi({ loadDigits: async () => loadDigitSet() });

/**
 * Run fn and assert numTensors is the same before and after, apart from the compiled weights
 * the engine keeps on purpose for its two most recent models (memory().cachedTensors).
 */
async function noLeak<T>(what: string, fn: () => Promise<T> | T): Promise<T> {
  const live = () => tf.memory().numTensors - api.memory().cachedTensors;
  const before = live();
  const out = await fn();
  expect(live(), `${what}: tensors before ${before}`).toBe(before);
  return out;
}

beforeAll(async () => {
  expect((await api.init('cpu')).backend).toBe('cpu');
});

describe('engine API: no tensor leaks (tf.memory().numTensors unchanged by every call)', () => {
  const rng = makeRng(11);
  const model = modelToJson(randomQuantumModel(2, 3, rng, { classes: 2 }));
  const model6 = modelToJson(randomQuantumModel(6, 2, rng, { classes: 10 }));
  const full = toBatch(Array.from({ length: 5 }, () => randomDensityMatrix(4, rng)));
  const diag = toBatch(Array.from({ length: 5 }, () => diagonalMatrix(randomProbabilityVector(4, rng))));
  const diag6 = toBatch(Array.from({ length: 3 }, () => diagonalMatrix(randomProbabilityVector(64, rng))));
  const cases: [string, ForwardRequest][] = [
    ['forward, exact, no measures', { model, states: full, measures: 'none' }],
    ['forward, exact, cheap measures', { model, states: full, measures: 'cheap' }],
    ['forward, exact, all measures', { model, states: full, measures: 'all' }],
    ['forward, 100 shots', { model, states: full, shots: 100, seed: 3, measures: 'cheap' }],
    ['forward, diagonal fast path', { model, states: diag, diagonalFastPath: true }],
    ['forward, diagonal, full path', { model, states: diag, diagonalFastPath: false }],
    ['forward, 6 qubits, diagonal fast path', { model: model6, states: diag6, measures: 'all' }],
  ];
  for (const [name, req] of cases)
    it(name, async () => {
      const r = await noLeak(name, () => api.forward(req));
      expect(r.layers.length).toBeGreaterThan(0);
      expect(r.backend).toBe('cpu');
    });

  it('a failing forward (wrong dimension) leaks nothing either', async () => {
    await noLeak('bad forward', () => expect(api.forward({ model: model6, states: full })).rejects.toThrow(/dimension/));
  });

  it('importModel / exportModel', async () => {
    const summary = await noLeak('importModel', () => api.importModel(model));
    expect(summary).toEqual({ kind: 'quantum', nQubits: 2, depth: 3, classes: 2 });
    const exported = await noLeak('exportModel', () => api.exportModel());
    expect(parseModelFile(exported)).toEqual(parseModelFile(model));
    expect(api.importModel(JSON.stringify(model6)).nQubits).toBe(6);
  });

  it('crossCheck', async () => {
    const r = await noLeak('crossCheck', () => api.crossCheck(3));
    expect(r.maxAbsError).toBeLessThanOrEqual(1e-4);
  });

  it('memory, backendInfo, control without a run, wernerMeasures', async () => {
    await noLeak('misc', async () => {
      expect(api.memory().numTensors).toBe(tf.memory().numTensors);
      expect((await api.backendInfo()).backend).toBe('cpu');
      expect(api.control('pause')).toBe(false);
      expect(api.wernerMeasures(1).concurrence).toBeCloseTo(1, 10);
    });
  });

  it('train (classical, small) then exportModel gives the trained model', async () => {
    const progress: number[] = [];
    const r = await noLeak('train', () =>
      api.train(
        {
          task: 'entanglement',
          mode: 'classical',
          depth: 1,
          alpha: 0.5,
          activation: 'relu',
          learningRate: 0.05,
          epochs: 1,
          batchSize: 50,
          seed: 1,
          trainSize: 100,
          testSize: 100,
        },
        (p) => progress.push(p.step),
      ),
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(api.exportModel()).toEqual(r.model);
  });
});

describe('importModel errors name the field', () => {
  const good = modelToJson(randomQuantumModel(2, 2, makeRng(5)));
  const bad = (mutate: (m: any) => void) => {
    const m = JSON.parse(JSON.stringify(good));
    mutate(m);
    return m;
  };
  it.each([
    ['blocks[1].alpha', (m: any) => (m.blocks[1].alpha = 2)],
    ['blocks[0].bias', (m: any) => (m.blocks[0].bias = [1, 2])],
    ['blocks[0].aPlus', (m: any) => delete m.blocks[0].aPlus],
    ['nQubits', (m: any) => (m.nQubits = 'two')],
  ])('%s', (field, mutate) => {
    expect(() => api.importModel(bad(mutate))).toThrow(field);
  });
  it('not JSON', () => {
    expect(() => api.importModel('{nope')).toThrow(/^model: not valid JSON/);
  });
});
