import { describe, expect, it } from 'vitest';
import { baselineRow, baselinesMarkdown, BASELINES_SPEC, hqrnParameters, classicalParameters, runEntanglementBaselines } from './run';
import { createBaselinesApi } from './api';
import { loadTaskData } from '../train/data';
import type { TrainRequest } from '../../../src/protocol/messages';

const req: TrainRequest = {
  task: 'entanglement',
  mode: 'quantum-greedy',
  depth: 1,
  alpha: 0.5,
  activation: 'softplus',
  learningRate: 0.05,
  epochs: 1,
  batchSize: 32,
  seed: 3,
  trainSize: 120,
  testSize: 80,
  adversarialShare: 0.5,
};
const noDigits = {
  loadDigits: async () => {
    throw new Error('no digits here');
  },
};

describe('entanglement baselines table', () => {
  it('rows carry every figure in range, in the documented order, and render as Markdown', async () => {
    const data = await loadTaskData(req, noDigits);
    const spec = { ...BASELINES_SPEC, mlp: { ...BASELINES_SPEC.mlp, epochs: 2 }, vqc: { ...BASELINES_SPEC.vqc, layers: [1, 2], epochs: 1 } };
    const rows = await runEntanglementBaselines(data.train, data.test, spec);
    expect(rows.map((r) => r.family)).toEqual(['mlp', 'vqc', 'vqc', 'kernel', 'kernel']);
    for (const r of rows) {
      for (const x of [r.accuracy, r.balancedAccuracy, r.dephased, r.dephasedPair, r.marginal, r.marginalPair])
        expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1);
      expect(r.classShares[0] + r.classShares[1]).toBeCloseTo(1, 12);
      expect(r.seconds).toBeGreaterThanOrEqual(0);
    }
    expect(rows[1].parameters).toBe(8 + 10); // 4(L+1) angles + readout 2×4 + 2
    expect(rows[3].parameters).toBe(data.train.n);
    const md = baselinesMarkdown(rows);
    expect(md.split('\n')).toHaveLength(2 + rows.length);
    expect(md).toContain('| VQC, 2 layers |');
  });

  it('a one-class row: 1.000 on the partners, 0.5 on every pair, and a note', async () => {
    const data = await loadTaskData(req, noDigits);
    const r = baselineRow('always separable', 'hqrn', new Int32Array(data.test.n), data.test, 1, 0);
    expect(r.dephased).toBe(1);
    expect(r.marginal).toBe(1);
    expect(r.dephasedPair).toBe(0.5);
    expect(r.balancedAccuracy).toBe(0.5);
    expect(r.oneClassNote).toMatch(/separable/);
    expect(() => baselineRow('x', 'hqrn', [0, 1], data.test, 1, 0)).toThrow(/2 predictions for 80/);
  });

  it('parameter counts: HQRN 4d²+d per block, analog d²+d per block, readout C(d+1)', () => {
    expect(hqrnParameters(3)).toBe(3 * 68 + 10);
    expect(classicalParameters(3)).toBe(3 * 20 + 10);
  });

  it('the worker API refuses digits and adds the given rows first', async () => {
    const api = createBaselinesApi(noDigits as never);
    await expect(api.runBaselines({ ...req, task: 'digits' })).rejects.toThrow(/only the entanglement task/);
    const data = await loadTaskData(req, noDigits);
    const lines: string[] = [];
    const p = api.runBaselines(req, [{ label: 'given', family: 'hqrn', predictions: data.test.labels, parameters: 78, seconds: 1 }], 'quick', (l) =>
      lines.push(l),
    );
    await expect(api.runBaselines(req)).rejects.toThrow(/already running/);
    const rows = await p;
    expect(rows[0]).toMatchObject({ model: 'given', accuracy: 1, balancedAccuracy: 1 });
    expect(rows.length).toBe(1 + 1 + 2 + 2);
    expect(lines.length).toBe(5);
  });
});
