/**
 * Reliability (docs/reliability.md) in node on tfjs cpu, through the engine API:
 * - invariants under load: random states through random stacks, every returned state a
 *   density matrix within docs/math.md §9 (the browser runs 10⁴ per backend: e2e/reliability.spec.ts);
 * - out-of-range numerics: a dead block, a gain of 10⁶, α = 0 and α = 1 give the results
 *   docs/math.md §2 defines, with no NaN or Infinity anywhere in the answer.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../../src/cli/digitsData';
import { modelToJson } from '../../../src/core/io/files';
import type { QuantumModel } from '../../../src/core/hqrn/model';
import { randomQuantumModel } from '../../../src/core/hqrn/randomModel';
import { makeRng } from '../../../src/core/math/rng';
import { randomDensityMatrix } from '../../../src/core/math/testing';
import type { ExploreRequest } from '../../../src/protocol/explorer';
import { createEngineApi } from '../api';
import { toBatch } from './crossCheck';
import { INVARIANT_TOLERANCES } from './invariants';

const api = createEngineApi({ loadDigits: async () => loadDigitSet() });

beforeAll(async () => {
  expect((await api.init('cpu')).backend).toBe('cpu');
});

/** Every number in a (nested) answer: typed arrays, arrays, objects. */
function nonFiniteNumbers(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(Number(a[i]))) out.push(`${path}[${i}] = ${a[i]}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, out);
  return out;
}

describe('invariants under load (cpu backend, node)', () => {
  it('2000 random states through random stacks (d = 2…64): every returned state Hermitian, trace 1, PSD (docs/math.md §9)', async () => {
    const before = tf.memory().numTensors;
    const r = await api.invariantCheck(2000, 42);
    console.log(
      `[invariants/cpu] ${r.states} states, ${r.stacks} stacks, ${r.layers} layer states, ${r.checks} checks, ${r.violations} violations; ` +
        `worst hermiticity ${r.worst.hermiticity.toExponential(2)}, trace ${r.worst.traceError.toExponential(2)}, λmin ${r.worst.minEigenvalue.toExponential(2)}; ` +
        `${r.deadBlocks} dead blocks; by qubits ${JSON.stringify(r.statesByQubits)}; ${r.ms.toFixed(0)} ms`,
    );
    expect(r.backend).toBe('cpu');
    expect(r.states).toBe(2000);
    expect(r.examples, JSON.stringify(r.examples)).toEqual([]);
    expect(r.violations).toBe(0);
    expect(r.worst.hermiticity).toBeLessThanOrEqual(INVARIANT_TOLERANCES.hermiticity);
    expect(r.worst.traceError).toBeLessThanOrEqual(INVARIANT_TOLERANCES.trace);
    expect(r.worst.minEigenvalue).toBeGreaterThanOrEqual(INVARIANT_TOLERANCES.minEigenvalue);
    // The generator really covers what it claims.
    for (const q of [1, 2, 3, 4, 5, 6]) expect(r.statesByQubits[q], `${q} qubits`).toBeGreaterThan(0);
    for (const [kind, count] of Object.entries(r.statesByKind)) expect(count, kind).toBeGreaterThan(0);
    expect(r.deadBlocks).toBeGreaterThan(0);
    expect(r.layers).toBeGreaterThan(r.states);
    expect(tf.memory().numTensors, 'no tensor leak').toBe(before);
  }, 120_000);

  it('the same seed checks the same states (reproducible report)', async () => {
    const a = await api.invariantCheck(50, 7);
    const b = await api.invariantCheck(50, 7);
    expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
  });

  it('rejects a nonsensical size with a message naming it', async () => {
    await expect(api.invariantCheck(0)).rejects.toThrow(/nStates must be an integer/);
    await expect(api.invariantCheck(Number.NaN)).rejects.toThrow(/nStates/);
  });
});

describe('out-of-range numerics give the results docs/math.md §2 defines, never NaN', () => {
  const rng = makeRng(5);
  const base = randomQuantumModel(2, 1, rng, { classes: 2, activation: 'relu', alpha: 0.5 });
  const states = Array.from({ length: 6 }, () => randomDensityMatrix(4, rng));
  const batch = toBatch(states);
  const withBlock = (patch: Partial<QuantumModel['blocks'][number]>): QuantumModel => ({ ...base, blocks: [{ ...base.blocks[0], ...patch }] });

  it("a dead block (all-zero activation): q uniform 1/d, dead flagged, ρ' = αρ + (1 − α) I/d", async () => {
    const model = withBlock({ bias: new Float64Array(4).fill(-1e3), activation: 'relu', alpha: 0.3 });
    const res = await api.forward({ model: modelToJson(model), states: batch, measures: 'all' });
    expect(nonFiniteNumbers(res)).toEqual([]);
    const l = res.layers[0];
    expect(Array.from(l.dead)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(l.classicalDead)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const q of l.q) expect(q).toBeCloseTo(0.25, 6);
    states.forEach((rho, s) => {
      for (let i = 0; i < 16; i++) {
        const expected = 0.3 * rho.re[i] + (i % 5 === 0 ? 0.7 * 0.25 : 0);
        expect(Math.abs(l.rho!.re[s * 16 + i] - expected)).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(l.rho!.im[s * 16 + i] - 0.3 * rho.im[i])).toBeLessThanOrEqual(1e-6);
      }
    });
  });

  for (const activation of ['relu', 'softplus', 'sigmoid', 'exp'] as const) {
    it(`a gain of 10⁶ with ${activation}: finite, a valid state, q a probability vector`, async () => {
      const model = withBlock({ gain: 1e6, activation });
      const res = await api.forward({ model: modelToJson(model), states: batch, measures: 'all' });
      expect(nonFiniteNumbers(res)).toEqual([]);
      const l = res.layers[0];
      for (let s = 0; s < 6; s++) {
        const q = Array.from(l.q.subarray(s * 4, s * 4 + 4));
        for (const v of q) expect(v).toBeGreaterThanOrEqual(0);
        expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(l.measures!.trace[s]).toBeCloseTo(1, 5);
      }
    });
  }

  it("α = 1: every layer is the input (ρ' = ρ); α = 0: ρ' = diag(q), off-diagonals gone", async () => {
    const one = await api.forward({ model: modelToJson(withBlock({ alpha: 1 })), states: batch, measures: 'all' });
    const zero = await api.forward({ model: modelToJson(withBlock({ alpha: 0 })), states: batch, measures: 'all' });
    expect(nonFiniteNumbers(one)).toEqual([]);
    expect(nonFiniteNumbers(zero)).toEqual([]);
    states.forEach((rho, s) => {
      for (let i = 0; i < 16; i++) {
        expect(Math.abs(one.layers[0].rho!.re[s * 16 + i] - rho.re[i])).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(one.layers[0].rho!.im[s * 16 + i] - rho.im[i])).toBeLessThanOrEqual(1e-6);
        const r = Math.floor(i / 4),
          c = i % 4;
        expect(zero.layers[0].rho!.re[s * 16 + i]).toBeCloseTo(r === c ? zero.layers[0].q[s * 4 + r] : 0, 6);
        expect(Math.abs(zero.layers[0].rho!.im[s * 16 + i])).toBe(0);
      }
    });
  });

  it('the explorer request with gain 10⁶, α = 0 and α = 1 (entanglement and digits): every number finite', async () => {
    const blocks = (alpha: number) =>
      [0, 1, 2].map((k) => ({ id: `b${k}`, alpha, activation: (['relu', 'exp', 'sigmoid'] as const)[k], gain: 1e6, seed: 1000 + k }));
    let requestId = 0;
    for (const alpha of [0, 1, 0.5]) {
      for (const req of [
        { stack: { task: 'entanglement', blocks: blocks(alpha), readoutSeed: 7 }, input: { kind: 'bell', which: 'phi+' } },
        { stack: { task: 'digits', blocks: blocks(alpha), readoutSeed: 7 }, input: { kind: 'mnist', index: 3 } },
      ] as Omit<ExploreRequest, 'requestId'>[]) {
        const res = await api.explore({ ...req, requestId: ++requestId });
        expect(nonFiniteNumbers(res), `${req.stack.task}, α = ${alpha}`).toEqual([]);
        expect(res.layers.length).toBe(4);
        for (const l of res.layers) expect(l.measures.trace).toBeCloseTo(1, 4);
        if (alpha === 1) for (const l of res.layers) expect(Array.from(l.rho.re)).toEqual(Array.from(res.layers[0].rho.re));
      }
    }
  });
});
