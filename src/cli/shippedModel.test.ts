/**
 * The shipped "Best" entanglement model (experiments/models/entanglement-quantum.json),
 * run by `hqrn predict` (float64 core), gets the textbook cases right: the four Bell states and
 * Werner states p|B><B| + (1−p) I/4 with p ≥ 0.6 entangled; their dephased and marginal-product
 * partners separable; I/4 separable.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { combine, identity } from '../core/math/complex';
import { stateToJson } from '../core/io/files';
import { isPpt } from '../core/measures/measures';
import { bellState, type BellKind, dephasedPartner, marginalProductPartner } from '../core/states/states';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'hqrn-shipped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function predict(states: ReturnType<typeof bellState>[]): Promise<{ predicted: number[]; probabilities: number[][] }> {
  const s = join(dir, 'states.json');
  writeFileSync(s, JSON.stringify(stateToJson(states)));
  let out = '',
    err = '';
  const code = await main(
    ['predict', '--model', 'experiments/models/entanglement-quantum.json', '--states', s],
    (x) => (out += x),
    (x) => (err += x),
  );
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out);
}

const BELLS: BellKind[] = ['phi+', 'phi-', 'psi+', 'psi-'];
const werner = (b: BellKind, p: number) => combine(p, bellState(b), (1 - p) / 4, identity(4));

describe('the shipped entanglement model (hqrn predict)', () => {
  const model = JSON.parse(readFileSync('experiments/models/entanglement-quantum.json', 'utf8'));

  it('is an hqrn-model with classes [separable, entangled]', () => {
    expect(model.format).toBe('hqrn-model');
    expect(model.readout.classes).toEqual(['separable', 'entangled']);
  });

  it('calls all four Bell states and their Werner states with p ≥ 0.6 entangled', async () => {
    const cases = BELLS.flatMap((b) => [bellState(b), ...[0.6, 0.7, 0.8, 0.9].map((p) => werner(b, p))]);
    cases.forEach((c) => expect(isPpt(c)).toBe(false));
    const r = await predict(cases);
    expect(r.predicted).toEqual(cases.map(() => 1));
  });

  it('calls their dephased and marginal-product partners, and I/4, separable', async () => {
    const src = BELLS.flatMap((b) => [bellState(b), ...[0.6, 0.7, 0.8, 0.9].map((p) => werner(b, p))]);
    const cases = [...src.map((s) => dephasedPartner(s)), ...src.map((s) => marginalProductPartner(s)), werner('phi+', 0)];
    cases.forEach((c) => expect(isPpt(c)).toBe(true));
    const r = await predict(cases);
    expect(r.predicted).toEqual(cases.map(() => 0));
  });
});

describe('experiments/results.json (docs/experiments/best-entanglement.md format)', () => {
  const r = JSON.parse(readFileSync('experiments/results.json', 'utf8'));

  it('has the baselines table: every row with overall, balanced, pair figures, shares, parameters, seconds', () => {
    const rows = r.entanglementBaselines.rows as Record<string, unknown>[];
    expect(rows.map((x) => x.family)).toEqual(expect.arrayContaining(['hqrn', 'classical', 'mlp', 'vqc', 'kernel']));
    for (const x of rows) {
      for (const k of ['accuracy', 'balancedAccuracy', 'dephased', 'dephasedPair', 'marginal', 'marginalPair']) {
        expect(x[k]).toBeGreaterThanOrEqual(0);
        expect(x[k]).toBeLessThanOrEqual(1);
      }
      expect((x.classShares as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(x.parameters).toBeGreaterThan(0);
      expect(x.seconds).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports the Best model on the fresh and shifted splits beside the MLP, and its checks pass', () => {
    const t = r.bestEntanglement.test;
    for (const set of ['generator-test', 'recipe-variant', 'werner-sweep', 'low-concurrence', 'entangled-mixtures'])
      for (const m of ['hqrn', 'mlp']) expect(t[`${m} ${set}`].acc).toBeGreaterThan(0.5);
    expect(t['hqrn recipe-variant'].acc).toBeGreaterThanOrEqual(0.85);
    expect(t['hqrn recipe-variant'].deph).toBeGreaterThanOrEqual(0.99);
    expect(t['hqrn recipe-variant'].marg).toBeGreaterThanOrEqual(0.9);
    expect(r.bestEntanglement.checks.failing).toEqual([]);
  });
});
