import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CMat, diagonalMatrix, realDiagonal } from '../../../src/core/math/complex';
import { modelToJson } from '../../../src/core/io/files';
import { runForward } from '../../../src/core/hqrn/forward';
import type { Model } from '../../../src/core/hqrn/model';
import { randomClassicalBlock, randomQuantumModel, randomReadout } from '../../../src/core/hqrn/randomModel';
import { makeRng } from '../../../src/core/math/rng';
import { bellState, dephasedPartner } from '../../../src/core/states/states';
import { randomDensityMatrix, randomProbabilityVector } from '../../../src/core/math/testing';
import { toBatch as batch } from '../diagnostics/crossCheck';
import { Engine } from './engine';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** max |engine − core| over every state entry, x, q and readout probability. */
async function compare(engine: Engine, model: Model, states: CMat[]): Promise<number> {
  const r = await engine.forward({ model: modelToJson(model), states: batch(states), measures: 'all' });
  const d = states[0].rows;
  let worst = 0;
  const upd = (a: number, b: number) => (worst = Math.max(worst, Math.abs(a - b)));
  states.forEach((rho, s) => {
    const ref = runForward(model, rho);
    ref.layers.forEach((l, k) => {
      const got = r.layers[k];
      for (let e = 0; e < d * d; e++) {
        const diagOf = (x: ArrayLike<number>, o: number) => (e % (d + 1) === 0 ? x[o + e / (d + 1)] : 0);
        // the fast path returns no ρ: it is diag(x) by the correspondence theorem
        upd(got.rho ? got.rho.re[s * d * d + e] : diagOf(got.x, s * d), l.rho ? l.rho.re[e] : diagOf(l.x, 0));
        upd(got.rho ? got.rho.im[s * d * d + e] : 0, l.rho ? l.rho.im[e] : 0);
      }
      for (let i = 0; i < d; i++) {
        upd(got.x[s * d + i], l.x[i]);
        upd(got.q[s * d + i], l.q[i]);
      }
      expect(got.dead[s]).toBe(l.dead ? 1 : 0);
      if (l.measures) {
        upd(got.measures!.purity[s], l.measures.purity);
        upd(got.measures!.entropy![s], l.measures.entropy);
        upd(got.measures!.traceDistanceToClassical![s], l.measures.traceDistanceToClassical!);
        if (d === 4) upd(got.measures!.concurrence![s], l.measures.concurrence!);
      }
    });
    if (ref.output) ref.output.probabilities.forEach((p, c) => upd(r.output!.probabilities[s * ref.output!.probabilities.length + c], p));
  });
  return worst;
}

describe('Engine.forward on tfjs cpu agrees with the float64 core (docs/math.md §9: 1e-4)', () => {
  const engine = new Engine();
  const rng = makeRng(77);

  for (const n of [2, 6])
    for (const kind of ['diagonal', 'full'] as const)
      it(`${n} qubits, ${kind} inputs`, async () => {
        const d = 1 << n;
        const model = randomQuantumModel(n, 4, rng, { classes: 3 });
        const states = Array.from({ length: n === 2 ? 20 : 3 }, () =>
          kind === 'diagonal' ? diagonalMatrix(randomProbabilityVector(d, rng)) : randomDensityMatrix(d, rng),
        );
        // The engine keeps the compiled weights of its two most recent models on purpose
        // (cachedTensors); nothing else may stay behind.
        const before = tf.memory().numTensors - engine.cachedTensors();
        expect(await compare(engine, model, states)).toBeLessThan(1e-4);
        expect(tf.memory().numTensors - engine.cachedTensors()).toBe(before);
        expect(engine.cachedTensors()).toBeGreaterThan(0);
      });

  it('a classical model runs the classical network only', async () => {
    const model: Model = {
      kind: 'classical',
      nQubits: 2,
      blocks: [randomClassicalBlock(4, rng), randomClassicalBlock(4, rng)],
      readout: randomReadout(4, 2, rng),
    };
    expect(await compare(engine, model, [diagonalMatrix(randomProbabilityVector(4, rng))])).toBeLessThan(1e-4);
  });

  it('Bell state and its dephased partner: identical classical paths, different quantum paths', async () => {
    const model = randomQuantumModel(2, 3, rng, { classes: 2, alpha: 0.5 });
    const bell = bellState('phi+');
    const r = await engine.forward({ model: modelToJson(model), states: batch([bell, dephasedPartner(bell)]), measures: 'all' });
    expect(Array.from(realDiagonal(dephasedPartner(bell)))).toEqual(Array.from(realDiagonal(bell)));
    for (const l of r.layers) {
      for (let i = 0; i < 4; i++) expect(l.x[i]).toBe(l.x[4 + i]);
      expect(l.measures!.coherence[0]).toBeGreaterThan(0.1);
      expect(l.measures!.coherence[1]).toBeLessThan(1e-6);
    }
  });

  it('shots: same seed same output, and close to exact for many shots', async () => {
    const model = modelToJson(randomQuantumModel(2, 2, rng, { classes: 2 }));
    const states = batch([randomDensityMatrix(4, rng), randomDensityMatrix(4, rng)]);
    const a = await engine.forward({ model, states, shots: 200, seed: 5 });
    const b = await engine.forward({ model, states, shots: 200, seed: 5 });
    const c = await engine.forward({ model, states, shots: 200, seed: 6 });
    expect(Array.from(a.layers[1].q)).toEqual(Array.from(b.layers[1].q));
    expect(Array.from(a.layers[1].q)).not.toEqual(Array.from(c.layers[1].q));
    const exact = await engine.forward({ model, states });
    const many = await engine.forward({ model, states, shots: 200000, seed: 1 });
    exact.layers[1].rho!.re.forEach((v, k) => expect(Math.abs(many.layers[1].rho!.re[k] - v)).toBeLessThan(0.02));
  });

  it('rejects bad batches and models with a message naming the problem, leaking nothing', async () => {
    const model = modelToJson(randomQuantumModel(2, 1, rng));
    const before = tf.memory().numTensors - engine.cachedTensors();
    await expect(engine.forward({ model, states: { n: 1, d: 4, re: new Float64Array(15), im: new Float64Array(16) } })).rejects.toThrow(
      /expected 1×4×4 entries/,
    );
    await expect(engine.forward({ model, states: { n: 1, d: 4, re: new Float64Array(16).fill(NaN), im: new Float64Array(16) } })).rejects.toThrow(
      /not a finite number/,
    );
    await expect(engine.forward({ model: { ...model, nQubits: 3 }, states: batch([randomDensityMatrix(4, rng)]) })).rejects.toThrow(
      /blocks\[0\]\.bias: expected 8 entries, got 4/,
    );
    await expect(engine.forward({ model, states: batch([randomDensityMatrix(4, rng)]), diagonalFastPath: true })).rejects.toThrow(/off-diagonal/);
    expect(tf.memory().numTensors - engine.cachedTensors()).toBe(before);
  });
});
