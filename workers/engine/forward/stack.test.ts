/**
 * The compiled stack (stack.ts) against the float64 core, layer by layer (docs/math.md §9: 1e-4):
 * the off-diagonal identity z_k = W_k x^(k−1) + A_{k−1} Ω_off,k v_off^(0) + b_k with every
 * block's off-diagonal term from one product up front, the u = x/S_k rescaling (α = 0, α = 1,
 * and α small enough that S underflows and the chain rescales), the arithmetic dead rule, and
 * the per-layer selection (layers 'last' / 'none', fields) — and the per-block reference path
 * (forwardPerBlock) agreeing with it.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../../src/core/hqrn/activation';
import type { CMat } from '../../../src/core/math/complex';
import { modelToJson } from '../../../src/core/io/files';
import { runForward } from '../../../src/core/hqrn/forward';
import type { QuantumModel } from '../../../src/core/hqrn/model';
import { randomQuantumModel } from '../../../src/core/hqrn/randomModel';
import { makeRng } from '../../../src/core/math/rng';
import { randomDensityMatrix } from '../../../src/core/math/testing';
import { toBatch } from '../diagnostics/crossCheck';
import { Engine } from './engine';
import { compileStack } from './stack';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const rng = makeRng(2031);

function model(nQubits: number, alphas: number[], activation: Activation): QuantumModel {
  const m = randomQuantumModel(nQubits, alphas.length, rng, { activation, classes: 3 });
  return { ...m, blocks: m.blocks.map((b, k) => ({ ...b, alpha: alphas[k] })) };
}

/** max |engine − core| over ρ (re, im), x, q of every layer and the output. */
async function worst(engine: Engine, m: QuantumModel, states: CMat[]): Promise<number> {
  const r = await engine.forward({ model: modelToJson(m), states: toBatch(states), measures: 'none' });
  const d = states[0].rows;
  let w = 0;
  const upd = (a: number, b: number) => (w = Math.max(w, Number.isNaN(a - b) ? Infinity : Math.abs(a - b)));
  states.forEach((rho, s) => {
    const ref = runForward(m, rho, { measures: false });
    ref.layers.forEach((l, k) => {
      const got = r.layers[k];
      for (let e = 0; e < d * d; e++) {
        upd(got.rho!.re[s * d * d + e], l.rho!.re[e]);
        upd(got.rho!.im[s * d * d + e], l.rho!.im[e]);
      }
      for (let i = 0; i < d; i++) {
        upd(got.x[s * d + i], l.x[i]);
        upd(got.q[s * d + i], l.q[i]);
      }
      expect(got.dead[s]).toBe(l.dead ? 1 : 0);
      expect(got.classicalDead[s]).toBe(l.classicalDead ? 1 : 0);
    });
    ref.output!.probabilities.forEach((p, c) => upd(r.output!.probabilities[s * 3 + c], p));
  });
  return w;
}

describe('compiled stack = float64 core, layer by layer', () => {
  const engine = new Engine();
  const cases: [string, number, number[], Activation][] = [
    ['2 qubits, α = 0.5, relu', 2, [0.5, 0.5, 0.5, 0.5], 'relu'],
    ['2 qubits, mixed α incl. 0 and 1, softplus', 2, [0.3, 0, 1, 0.8, 0.6], 'softplus'],
    ['2 qubits, α = 1e-4 (S underflows: the chain rescales), sigmoid', 2, Array(8).fill(1e-4), 'sigmoid'],
    ['2 qubits, exp (softmax)', 2, [0.7, 0.2, 0.9], 'exp'],
    ['3 qubits, α = 0.9, relu', 3, [0.9, 0.9, 0.9], 'relu'],
    ['5 qubits (d = 32 > SMALL_D), α = 0.4, relu', 5, [0.4, 0.6, 0.4], 'relu'],
  ];
  for (const [name, n, alphas, act] of cases)
    it(name, async () => {
      const m = model(n, alphas, act);
      const states = Array.from({ length: n <= 3 ? 12 : 3 }, () => randomDensityMatrix(1 << n, rng));
      expect(await worst(engine, m, states)).toBeLessThan(1e-4);
    });

  it('dead blocks (bias −1000): q uniform, dead flags set, same as the core', async () => {
    const m = model(2, [0.5, 0.5], 'relu');
    m.blocks[1] = { ...m.blocks[1], bias: new Float64Array(4).fill(-1e3) };
    const states = Array.from({ length: 6 }, () => randomDensityMatrix(4, rng));
    expect(await worst(engine, m, states)).toBeLessThan(1e-4);
    const r = await engine.forward({ model: modelToJson(m), states: toBatch(states), measures: 'none' });
    expect(Array.from(r.layers[1].dead)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(r.layers[1].q.slice(0, 4))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('the off-diagonal identity: G holds A_{k−1} Ω_off,k, so ρ^(k) off-diagonals are A_k ρ^(0)', () => {
    const m = model(2, [0.5, 0.25, 0.8], 'relu');
    const cs = compileStack(m);
    expect(cs.steps.map((s) => s.offScale)).toEqual([0.5, 0.125, 0.1]);
    // W̃_k = S_{k−1} W_kᵀ with S_0 = 1, S_1 = 0.5, S_2 = 0.125
    expect(cs.steps.map((s) => s.scale)).toEqual([0.5, 0.125, 0.1]);
    expect(cs.g!.length).toBe(12 * 3 * 4);
  });

  it("layers 'last' / 'none' and fields: the same numbers, only what was asked", async () => {
    const m = model(2, [0.5, 0.6, 0.7], 'softplus');
    const states = toBatch(Array.from({ length: 5 }, () => randomDensityMatrix(4, rng)));
    const json = modelToJson(m);
    const all = await engine.forward({ model: json, states, measures: 'cheap' });
    const last = await engine.forward({ model: json, states, measures: 'cheap', layers: 'last' });
    expect(last.layers.length).toBe(1);
    expect(last.firstLayer).toBe(2);
    expect(Array.from(last.layers[0].rho!.re)).toEqual(Array.from(all.layers[2].rho!.re));
    expect(Array.from(last.layers[0].measures!.purity)).toEqual(Array.from(all.layers[2].measures!.purity));
    expect(Array.from(last.output!.probabilities)).toEqual(Array.from(all.output!.probabilities));
    const none = await engine.forward({ model: json, states, measures: 'none', layers: 'none' });
    expect(none.layers).toEqual([]);
    expect(Array.from(none.output!.probabilities)).toEqual(Array.from(all.output!.probabilities));
    const xOnly = await engine.forward({ model: json, states, measures: 'none', fields: ['x'] });
    expect(xOnly.layers[1].rho).toBeUndefined();
    expect(xOnly.layers[1].q.length).toBe(0);
    expect(Array.from(xOnly.layers[1].x)).toEqual(Array.from(all.layers[1].x));
  });

  it('the per-block reference path agrees with the compiled one (1e-5)', async () => {
    const m = model(2, [0.5, 0.3, 0.9, 0.6], 'relu');
    const states = Array.from({ length: 8 }, () => randomDensityMatrix(4, rng));
    const req = { states: toBatch(states), measures: 'none' as const };
    const a = await engine.forwardModel(m, req);
    const b = await engine.forwardPerBlock(m, req);
    a.layers.forEach((l, k) => l.rho!.re.forEach((v, i) => expect(Math.abs(v - b.layers[k].rho!.re[i])).toBeLessThan(1e-5)));
  });
});
