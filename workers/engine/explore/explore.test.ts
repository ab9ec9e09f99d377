import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../../src/cli/digitsData';
import type { BlockSpec, StackSpec } from '../../../src/protocol/explorer';
import { Engine } from '../forward/engine';
import { checkMatrix, explore } from './explore';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const deps = { engine: new Engine(), loadDigits: async () => loadDigitSet() };
const blocks = (n: number, alpha = 0.5): BlockSpec[] =>
  Array.from({ length: n }, (_, k) => ({ id: `b${k}`, alpha, activation: 'softplus', gain: 4, seed: 100 + k }));
const stack = (task: StackSpec['task'], n: number, alpha?: number): StackSpec => ({ task, blocks: blocks(n, alpha), readoutSeed: 1 });

describe('explore (the explorer’s worker request)', () => {
  it('Bell state vs its dephased partner: identical classical paths, different quantum paths', async () => {
    const a = await explore({ requestId: 1, stack: stack('entanglement', 5), input: { kind: 'bell', which: 'phi+' } }, deps);
    const b = await explore({ requestId: 2, stack: stack('entanglement', 5), input: { kind: 'dephased', of: { kind: 'bell', which: 'phi+' } } }, deps);
    expect(a.layers).toHaveLength(6);
    expect(a.layers[0].measures.concurrence).toBeCloseTo(1, 6);
    expect(b.layers[0].measures.concurrence).toBeCloseTo(0, 6);
    for (let k = 0; k <= 5; k++) expect(Array.from(a.layers[k].x)).toEqual(Array.from(b.layers[k].x));
    expect(Array.from(a.classicalOutput.probabilities)).toEqual(Array.from(b.classicalOutput.probabilities));
    // the Bell state's coherences reach the diagonal from block 1 on; the dephased one has none
    expect(a.divergenceLayer).toBe(1);
    expect(b.divergenceLayer).toBeNull();
    expect(a.layers[3].measures.traceDistanceToClassical).toBeGreaterThan(1e-3);
  });

  it('α = 1 leaves the state unchanged through every block', async () => {
    const r = await explore({ requestId: 3, stack: stack('entanglement', 4, 1), input: { kind: 'werner', p: 0.7 } }, deps);
    for (const l of r.layers) expect(l.measures.concurrence).toBeCloseTo((3 * 0.7 - 1) / 2, 5);
  });

  it('digits: an MNIST digit gives a diagonal 64×64 path equal to the classical one', async () => {
    const r = await explore({ requestId: 4, stack: stack('digits', 3), input: { kind: 'mnist', index: 1234 } }, deps);
    expect(r.d).toBe(64);
    expect(r.pooled).toHaveLength(64);
    expect(r.digitLabel).toBe(loadDigitSet().labels[1234]);
    expect(r.divergenceLayer).toBeNull();
    expect(r.output.predicted).toBe(r.classicalOutput.predicted);
    expect(r.layers[3].measures.traceDistanceToClassical).toBeLessThan(1e-5);
  });

  it('the float64 fast path (single states) agrees with the tfjs path to 1e-4, and every state is a state', async () => {
    const tfjsDeps = { ...deps, tfjsOnly: true };
    const cases: { stack: StackSpec; input: Parameters<typeof explore>[0]['input'] }[] = [
      { stack: stack('entanglement', 20, 0.3), input: { kind: 'bell', which: 'psi-' } },
      { stack: stack('entanglement', 6), input: { kind: 'random-mixed', seed: 11 } },
      { stack: stack('entanglement', 4), input: { kind: 'dephased', of: { kind: 'werner', p: 0.8 } } },
      { stack: stack('digits', 3), input: { kind: 'mnist', index: 77 } },
    ];
    for (const c of cases) {
      const fast = await explore({ requestId: 10, ...c }, deps);
      const slow = await explore({ requestId: 11, ...c }, tfjsDeps);
      expect(fast.computedBy).toBe('float64 core');
      expect(slow.computedBy).toMatch(/^tfjs /);
      expect(fast.layers).toHaveLength(slow.layers.length);
      expect(fast.divergenceLayer).toBe(slow.divergenceLayer);
      expect(fast.output.predicted).toBe(slow.output.predicted);
      expect(fast.classicalOutput.predicted).toBe(slow.classicalOutput.predicted);
      const d = fast.d;
      fast.layers.forEach((l, k) => {
        const o = slow.layers[k];
        for (let i = 0; i < d * d; i++) {
          expect(Math.abs(l.rho.re[i] - o.rho.re[i])).toBeLessThan(1e-4);
          expect(Math.abs(l.rho.im[i] - o.rho.im[i])).toBeLessThan(1e-4);
        }
        for (let i = 0; i < d; i++) expect(Math.abs(l.x[i] - o.x[i])).toBeLessThan(1e-4);
        for (const key of ['purity', 'entropy', 'coherence', 'traceDistanceToClassical', 'concurrence', 'negativity'] as const)
          if (o.measures[key] !== undefined) expect(Math.abs((l.measures[key] as number) - (o.measures[key] as number))).toBeLessThan(1e-3);
        // Hermitian, trace 1 (PSD: checkMatrix validates the 4×4 ones with the core's eigen-solver)
        let tr = 0;
        for (let i = 0; i < d; i++) {
          tr += l.rho.re[i * d + i];
          for (let j = 0; j < d; j++) {
            expect(Math.abs(l.rho.re[i * d + j] - l.rho.re[j * d + i])).toBeLessThan(1e-6);
            expect(Math.abs(l.rho.im[i * d + j] + l.rho.im[j * d + i])).toBeLessThan(1e-6);
          }
        }
        expect(tr).toBeCloseTo(1, 5);
        if (d === 4) {
          const rows = (a: Float32Array) => Array.from({ length: 4 }, (_, i) => Array.from(a.slice(4 * i, 4 * i + 4)));
          expect(checkMatrix(rows(l.rho.re), rows(l.rho.im)).problem ?? '').not.toMatch(/semidefinite/);
        }
      });
      for (let m = 0; m < fast.output.probabilities.length; m++) {
        expect(Math.abs(fast.output.probabilities[m] - slow.output.probabilities[m])).toBeLessThan(1e-4);
        expect(Math.abs(fast.classicalOutput.probabilities[m] - slow.classicalOutput.probabilities[m])).toBeLessThan(1e-4);
      }
    }
  });

  it('depth 0: the input is the output and both paths read out the same diagonal', async () => {
    const r = await explore({ requestId: 7, stack: stack('entanglement', 0), input: { kind: 'bell', which: 'phi+' } }, deps);
    expect(r.layers).toHaveLength(1);
    expect(Array.from(r.output.probabilities)).toEqual(Array.from(r.classicalOutput.probabilities));
    expect(r.output.probabilities.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
  });

  it('names the problem of bad requests', async () => {
    await expect(
      explore({ requestId: 5, stack: { ...stack('entanglement', 1), blocks: [{ ...blocks(1)[0], alpha: -1 }] }, input: { kind: 'bell', which: 'psi-' } }, deps),
    ).rejects.toThrow(/blocks\[0\]\.alpha: must be in \[0, 1\], got -1/);
    await expect(
      explore(
        {
          requestId: 6,
          stack: stack('entanglement', 1),
          input: {
            kind: 'matrix',
            re: [
              [1.25, 0, 0, 0],
              [0, -0.25, 0, 0],
              [0, 0, 0, 0],
              [0, 0, 0, 0],
            ],
            im: [
              [0, 0, 0, 0],
              [0, 0, 0, 0],
              [0, 0, 0, 0],
              [0, 0, 0, 0],
            ],
          },
        },
        deps,
      ),
    ).rejects.toThrow(/matrix: not positive semidefinite/);
    expect(
      checkMatrix(
        [
          [1, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
        ],
      ).problem,
    ).toMatch(/4×4/);
    expect(
      checkMatrix(
        [
          [0.5, 0, 0, 0.5],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0.5, 0, 0, 0.5],
        ],
        [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
      ),
    ).toEqual({ problem: null, traceDistance: expect.closeTo(0, 12) });
  });

  it('a hand-entered matrix within 1e-6 is used as its nearest state; outside, the nearest state is offered', async () => {
    const z = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    // Bell Φ+ with a trace defect of 4e-7: accepted, purity 1 (the projection adds 1e-7 per eigenvalue)
    const re = [
      [0.4999998, 0, 0, 0.4999998],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0.4999998, 0, 0, 0.4999998],
    ];
    const ok = checkMatrix(re, z);
    expect(ok.problem).toBeNull();
    expect(ok.traceDistance).toBeCloseTo(2e-7, 12);
    const r = await explore({ requestId: 8, stack: stack('entanglement', 1), input: { kind: 'matrix', re, im: z } }, deps);
    expect(r.layers[0].measures.trace).toBeCloseTo(1, 6);
    expect(r.layers[0].measures.concurrence).toBeCloseTo(1, 5);
    const werner = [
      [0.333, 0, 0, 0.166],
      [0, 0.166, 0, 0],
      [0, 0, 0.166, 0],
      [0.166, 0, 0, 0.333],
    ];
    const bad = checkMatrix(werner, z);
    expect(bad.problem).toBe('trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6)');
    expect(bad.nearest!.traceDistance).toBeCloseTo(0.001, 12);
    expect(bad.nearest!.re[0][0]).toBeCloseTo(0.3335, 12);
    await expect(explore({ requestId: 9, stack: stack('entanglement', 1), input: { kind: 'matrix', re: werner, im: z } }, deps)).rejects.toThrow(
      /^matrix: trace is not 1: 0\.998/,
    );
  });

  it('a drawn digit is normalised (§7): a corner drawing gives the same input as the centred one; a blank one has no digit', async () => {
    const bar = (x0: number, y0: number) =>
      Array.from({ length: 784 }, (_, k) => (k % 28 >= x0 && k % 28 < x0 + 3 && Math.floor(k / 28) >= y0 && Math.floor(k / 28) < y0 + 12 ? 1 : 0));
    const corner = await explore({ requestId: 10, stack: stack('digits', 1), input: { kind: 'drawn', pixels: bar(1, 1) } }, deps);
    const centre = await explore({ requestId: 11, stack: stack('digits', 1), input: { kind: 'drawn', pixels: bar(12, 8) } }, deps);
    expect(corner.noDigit).toBeUndefined();
    expect(Array.from(corner.pooled!)).toEqual(Array.from(centre.pooled!));
    expect(Array.from(corner.digit28!)).toEqual(Array.from(centre.digit28!));
    expect(Math.max(...corner.digit28!)).toBeCloseTo(1, 6);
    const blank = await explore({ requestId: 12, stack: stack('digits', 1), input: { kind: 'drawn', pixels: new Array(784).fill(0) } }, deps);
    expect(blank.noDigit).toBe(true);
    expect(Math.max(...blank.digit28!)).toBe(0);
    expect(Array.from(blank.pooled!)).toEqual(new Array(64).fill(Math.fround(1 / 64)));
  });
});
