import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../src/cli/digitsData';
import type { BlockSpec, StackSpec } from '../../src/app/explorer';
import { Engine } from './engine';
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

  it('depth 0: the input is the output and both paths read out the same diagonal', async () => {
    const r = await explore({ requestId: 7, stack: stack('entanglement', 0), input: { kind: 'bell', which: 'phi+' } }, deps);
    expect(r.layers).toHaveLength(1);
    expect(Array.from(r.output.probabilities)).toEqual(Array.from(r.classicalOutput.probabilities));
    expect(r.output.probabilities.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
  });

  it('names the problem of bad requests', async () => {
    await expect(explore({ requestId: 5, stack: { ...stack('entanglement', 1), blocks: [{ ...blocks(1)[0], alpha: -1 }] }, input: { kind: 'bell', which: 'psi-' } }, deps)).rejects.toThrow(/blocks\[0\]\.alpha: must be in \[0, 1\], got -1/);
    await expect(explore({ requestId: 6, stack: stack('entanglement', 1), input: { kind: 'matrix', re: [[1.25, 0, 0, 0], [0, -0.25, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], im: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]] } }, deps)).rejects.toThrow(/matrix: not positive semidefinite/);
    expect(checkMatrix([[1, 0], [0, 0]], [[0, 0], [0, 0]]).problem).toMatch(/4×4/);
    expect(checkMatrix([[0.5, 0, 0, 0.5], [0, 0, 0, 0], [0, 0, 0, 0], [0.5, 0, 0, 0.5]], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])).toEqual({ problem: null, traceDistance: expect.closeTo(0, 12) });
  });
});
