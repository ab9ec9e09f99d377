/**
 * The worker's importDataset (docs/math.md §11) on files this test writes from the format's
 * definition (CSV: d² real parts row-major, d² imaginary parts, label; JSON: {states: [{re, im}],
 * labels, classes}), not with the readers under test: the summary's numbers, the SHA-256 against
 * node's, and a training run on the imported data using the seeded 80/20 stratified split.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../src/cli/digitsData';
import { makeRng } from '../../src/core/math/rng';
import { createEngineApi } from './api';

const api = createEngineApi({ loadDigits: async () => loadDigitSet() });

/** diag(a ⊗ b) for random probability vectors a, b (a separable two-qubit state). */
function productDiagonal(r: () => number): { re: number[][]; im: number[][] } {
  const a = r(),
    b = r();
  const p = [a * b, a * (1 - b), (1 - a) * b, (1 - a) * (1 - b)];
  return { re: p.map((x, i) => p.map((_, j) => (i === j ? x : 0))), im: p.map(() => [0, 0, 0, 0]) };
}

/** p|Φ+⟩⟨Φ+| + (1 − p) I/4 with p ∈ [0.6, 1] (entangled for p > 1/3), phase e^{iφ} on |11⟩⟨00|. */
function bellLike(r: () => number): { re: number[][]; im: number[][] } {
  const p = 0.6 + 0.4 * r(),
    phi = 2 * Math.PI * r();
  const re = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? (1 - p) / 4 : 0)));
  const im = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  re[0][0] += p / 2;
  re[3][3] += p / 2;
  re[0][3] = (p / 2) * Math.cos(phi);
  im[0][3] = -(p / 2) * Math.sin(phi);
  re[3][0] = (p / 2) * Math.cos(phi);
  im[3][0] = (p / 2) * Math.sin(phi);
  return { re, im };
}

function csvLine(m: { re: number[][]; im: number[][] }, label: string): string {
  return [...m.re.flat(), ...m.im.flat()].map((x) => String(x)).join(',') + ',' + label;
}

const enc = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('importDataset (worker)', () => {
  it('CSV: counts, classes, a repaired and no refused state; trains on the 80/20 split', async () => {
    const rng = makeRng(5);
    const r = () => rng.uniform();
    const lines = ['header,ignored'];
    for (let i = 0; i < 60; i++) lines.push(csvLine(productDiagonal(r), 'separable'));
    for (let i = 0; i < 40; i++) lines.push(csvLine(bellLike(r), 'entangled'));
    // state 100: trace 1 + 2e-7 (inside the 1e-6 tolerance): used as its nearest state.
    const off = productDiagonal(r);
    off.re[0][0] += 2e-7;
    lines.push(csvLine(off, 'separable'));
    const bytes = enc(lines.join('\n') + '\n');
    const fractions: number[] = [];
    const s = await api.importDataset('mine.csv', bytes.slice().buffer, (f) => fractions.push(f));
    expect(s.summary.n).toBe(101);
    expect(s.summary.d).toBe(4);
    expect(s.summary.nQubits).toBe(2);
    expect(s.summary.classes).toEqual([
      { name: 'separable', count: 61 },
      { name: 'entangled', count: 40 },
    ]);
    expect(s.summary.refused.count).toBe(0);
    expect(s.summary.repaired.count).toBe(1);
    // the trace excess 2e-7 is spread over the 4 eigenvalues: ½‖ρ − ρ'‖₁ = ½ · 2e-7
    expect(s.summary.repaired.maxTraceDistance).toBeCloseTo(1e-7, 9);
    expect(s.sha256).toBe(sha(bytes));
    expect(s.problem).toBeUndefined();
    expect(s.diagonal).toBe(false);
    expect(fractions.at(-1)).toBe(1);

    const result = await api.train(
      {
        task: 'entanglement',
        datasetId: s.id,
        mode: 'quantum-end-to-end',
        depth: 1,
        alpha: 0.5,
        activation: 'softplus',
        learningRate: 0.05,
        epochs: 2,
        batchSize: 16,
        seed: 3,
      },
      () => undefined,
    );
    // stratified: round(0.2·61) + round(0.2·40) = 12 + 8 test states
    const labels = Array.from((result as { testLabels?: Int32Array }).testLabels ?? []);
    expect(labels.length).toBe(20);
    expect(labels.filter((l) => l === 1).length).toBe(8);
    expect(result.final.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(result.final.testAccuracy).toBeLessThanOrEqual(1);
    expect(result.history.length).toBe(2);
  }, 60_000);

  it('JSON: one qubit, three named classes; a refused state makes it untrainable, with its index', async () => {
    const states: { re: number[][]; im: number[][] }[] = [];
    const labels: string[] = [];
    const names = ['up', 'down', 'plus'];
    for (let i = 0; i < 15; i++) {
      const c = i % 3;
      states.push(
        c === 0
          ? {
              re: [
                [1, 0],
                [0, 0],
              ],
              im: [
                [0, 0],
                [0, 0],
              ],
            }
          : c === 1
            ? {
                re: [
                  [0, 0],
                  [0, 1],
                ],
                im: [
                  [0, 0],
                  [0, 0],
                ],
              }
            : {
                re: [
                  [0.5, 0.5],
                  [0.5, 0.5],
                ],
                im: [
                  [0, 0],
                  [0, 0],
                ],
              },
      );
      labels.push(names[c]);
    }
    // state 15: eigenvalues 1.5 and −0.5 (trace 1, far from PSD): refused.
    states.push({
      re: [
        [0.5, 1],
        [1, 0.5],
      ],
      im: [
        [0, 0],
        [0, 0],
      ],
    });
    labels.push('up');
    const bytes = enc(JSON.stringify({ states, labels, classes: names }));
    const s = await api.importDataset('qubit.json', bytes);
    expect(s.summary.n).toBe(16);
    expect(s.summary.d).toBe(2);
    expect(s.summary.nQubits).toBe(1);
    expect(s.summary.classes.map((c) => [c.name, c.count])).toEqual([
      ['up', 5],
      ['down', 5],
      ['plus', 5],
    ]);
    expect(s.summary.refused.count).toBe(1);
    expect(s.summary.refused.first[0].index).toBe(15);
    expect(s.kept).toBe(15);
    expect(s.problem).toMatch(/1 of 16 states/);
    expect(s.problem).toMatch(/nearest-state/);
    await expect(
      api.train(
        {
          task: 'entanglement',
          datasetId: s.id,
          mode: 'classical',
          depth: 1,
          alpha: 0.5,
          activation: 'softplus',
          learningRate: 0.05,
          epochs: 1,
          batchSize: 8,
          seed: 1,
        },
        () => undefined,
      ),
    ).rejects.toThrow(/cannot train/);
  });

  it('a file-level problem is an error naming the field', async () => {
    await expect(api.importDataset('bad.json', enc('{"states": [{"re": [[1]], "im": [[0]]}], "labels": [0]}'))).rejects.toThrow(/states/);
  });

  it.each([
    [1, 'transfer'],
    [3, 'quantum-greedy'],
  ] as const)(
    '%i qubit(s), mode %s: trains beyond d = 4 and 64 (states |k⟩⟨k| labelled by k mod 2)',
    async (nq, mode) => {
      const d = 2 ** nq;
      const states: { re: number[][]; im: number[][] }[] = [];
      const labels: number[] = [];
      for (let i = 0; i < 40; i++) {
        const k = i % d;
        // (1 − ε)|k⟩⟨k| + ε I/d: diagonal; the last few get a coherence so that d = 8 runs the packed path
        const eps = 0.1;
        const re = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? (a === k ? 1 - eps : 0) + eps / d : 0)));
        if (i >= 36) re[0][1] = re[1][0] = 0.01;
        states.push({ re, im: re.map((row) => row.map(() => 0)) });
        labels.push(k % 2);
      }
      const s = await api.importDataset(`q${nq}.json`, enc(JSON.stringify({ states, labels })));
      expect(s.summary.d).toBe(d);
      expect(s.problem).toBeUndefined();
      const r = await api.train(
        { task: 'entanglement', datasetId: s.id, mode, depth: 1, alpha: 0.5, activation: 'softplus', learningRate: 0.05, epochs: 1, batchSize: 8, seed: 2 },
        () => undefined,
      );
      expect(Array.from((r as { testLabels?: Int32Array }).testLabels ?? []).length).toBe(8);
      expect((r.model as { nQubits?: number }).nQubits).toBe(nq);
      expect(r.final.testAccuracy).toBeGreaterThanOrEqual(0);
    },
    60_000,
  );

  it('full (non-diagonal) states of 5 qubits are refused for training with the reason', async () => {
    const d = 32;
    const re = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 / d : 0)));
    re[0][1] = re[1][0] = 0.001;
    const states = Array.from({ length: 10 }, () => ({ re, im: re.map((row) => row.map(() => 0)) }));
    const s = await api.importDataset('q5.json', enc(JSON.stringify({ states, labels: states.map((_, i) => i % 2) })));
    expect(s.summary.nQubits).toBe(5);
    expect(s.problem).toMatch(/d = 32 with non-diagonal states is not supported/);
  });

  it('a states .npy with its labels .npy (NPY 1.0 written by hand): one dataset, its SHA-256 over both files; alone it is refused', async () => {
    const rng = makeRng(9);
    const r = () => rng.uniform();
    const N = 30;
    const mats = Array.from({ length: N }, (_, i) => (i % 2 ? bellLike(r) : productDiagonal(r)));
    const npy = (descr: string, shape: string, data: Uint8Array) => {
      let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
      header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
      const out = new Uint8Array(10 + header.length + data.length);
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
      new DataView(out.buffer).setUint16(8, header.length, true);
      out.set(enc(header), 10);
      out.set(data, 10 + header.length);
      return out;
    };
    const st = new Float64Array(N * 32); // <c16: (re, im) per entry, C order
    mats.forEach((m, s) => m.re.flat().forEach((x, k) => ((st[s * 32 + 2 * k] = x), (st[s * 32 + 2 * k + 1] = m.im.flat()[k]))));
    const states = npy('<c16', `(${N}, 4, 4)`, new Uint8Array(st.buffer));
    const labels = npy('<i8', `(${N},)`, new Uint8Array(BigInt64Array.from(mats, (_, i) => BigInt(i % 2)).buffer));
    const both = new Uint8Array(states.length + labels.length);
    both.set(states);
    both.set(labels, states.length);
    const s = await api.importDataset('rho.npy', states.slice(), undefined, { name: 'y.npy', bytes: labels.slice() });
    expect(s.name).toBe('rho.npy + y.npy');
    expect(s.sha256).toBe(sha(both));
    expect(s.summary.format).toBe('npy');
    expect(s.summary.classes.map((c) => [c.name, c.count])).toEqual([
      ['separable', 15],
      ['entangled', 15],
    ]);
    await expect(api.importDataset('rho.npy', states.slice())).rejects.toThrow(/labels/);
  });

  it('the test states’ kinds come back with the predictions (a file’s kinds, the built-in entanglement task’s kinds)', async () => {
    const rng = makeRng(21);
    const r = () => rng.uniform();
    const states = Array.from({ length: 40 }, (_, i) => (i % 2 ? bellLike(r) : productDiagonal(r)));
    const kinds = states.map((_, i) => (i % 2 ? 'bell-like' : i % 4 === 0 ? 'product-a' : 'product-b'));
    const s = await api.importDataset('k.json', enc(JSON.stringify({ states, labels: states.map((_, i) => i % 2), kinds })));
    expect(s.summary.kinds).toEqual({ 'bell-like': 20, 'product-a': 10, 'product-b': 10 });
    const base = { mode: 'quantum-end-to-end', depth: 1, alpha: 0.5, activation: 'softplus', learningRate: 0.05, epochs: 1, batchSize: 8, seed: 4 } as const;
    const fromFile = (await api.train({ task: 'entanglement', datasetId: s.id, ...base }, () => undefined)) as {
      testKinds?: string[];
      testLabels?: Int32Array;
    };
    expect(fromFile.testKinds?.length).toBe(8);
    // every kind matches its label: bell-like ↔ 1, product-* ↔ 0
    fromFile.testKinds!.forEach((k, i) => expect(fromFile.testLabels![i]).toBe(k === 'bell-like' ? 1 : 0));
    const builtIn = (await api.train({ task: 'entanglement', trainSize: 64, testSize: 32, ...base }, () => undefined)) as { testKinds?: string[] };
    expect(builtIn.testKinds?.length).toBe(32);
    expect(new Set(builtIn.testKinds).size).toBeGreaterThan(2);
  }, 60_000);
});
