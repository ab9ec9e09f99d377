import { describe, expect, it } from 'vitest';
import type { RunCard } from '../../core/io/runCard';
import { sweepTable } from '../../core/io/sweep';
import type { TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import { listsOf, MAX_SWEEP_RUNS, planSweep, plotSeries, secondsLeft, STUDIO_METRICS, sweepMetrics } from './sweep';
import { runSweepLoop, type SweepEngine } from './sweepStore';
import type { TrainOutcome } from './types';

const base: TrainRequest = {
  task: 'entanglement',
  mode: 'quantum-greedy',
  depth: 2,
  alpha: 0.5,
  activation: 'softplus',
  learningRate: 0.02,
  epochs: 1,
  batchSize: 16,
  seed: 1,
  trainSize: 40,
  testSize: 30,
  shots: 0,
};

describe('planSweep', () => {
  it('the product of the lists over the form; empty lists keep the form value', () => {
    const lists = { ...listsOf(base), alpha: '0.3, 0.6,0.9', depth: '1,2', seed: '1,2,3,4', noise: '' };
    const p = planSweep(lists, base);
    if (!p.ok) throw new Error(p.error);
    expect(p.requests).toHaveLength(24);
    // odometer order: the seed fastest, then α, then depth
    expect(p.requests.slice(0, 5).map((r) => [r.depth, r.alpha, r.seed])).toEqual([
      [1, 0.3, 1],
      [1, 0.3, 2],
      [1, 0.3, 3],
      [1, 0.3, 4],
      [1, 0.6, 1],
    ]);
    expect(p.requests[23]).toMatchObject({ depth: 2, alpha: 0.9, seed: 4, learningRate: 0.02, trainSize: 40, mode: 'quantum-greedy' });
    // noise 0 is the noiseless request (no field)
    expect('noise' in p.requests[0]).toBe(false);
  });

  it('σ and mode lists, noise and shots', () => {
    const p = planSweep({ ...listsOf(base), activation: 'relu,softplus', mode: 'quantum-greedy,quantum-end-to-end', noise: '0,0.1', shots: '0' }, base);
    if (!p.ok) throw new Error(p.error);
    expect(p.requests).toHaveLength(8);
    expect(new Set(p.requests.map((r) => `${r.mode}/${r.activation}/${r.noise ?? 0}`)).size).toBe(8);
  });

  it('refuses out-of-range values and grids over the limit, naming the field', () => {
    const a = planSweep({ ...listsOf(base), alpha: '0.5,1.5' }, base);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.error).toMatch(/α must be from 0 to 1, got 1\.5/);
    const d = planSweep({ ...listsOf(base), depth: '1,x' }, base);
    expect(!d.ok && d.error).toMatch(/depth/);
    const s = planSweep({ ...listsOf(base), activation: 'tanh' }, base);
    expect(!s.ok && s.error).toMatch(/"tanh" is not one of relu, softplus, sigmoid, exp/);
    const big = planSweep({ ...listsOf(base), alpha: '0,0.1,0.2,0.3,0.4,0.5,0.6', depth: '1,2,3', seed: '1,2,3,4,5,6,7,8,9,10' }, base);
    expect(big.ok).toBe(false);
    expect(!big.ok && big.runs).toBe(210);
    expect(!big.ok && big.error).toContain(`more than the studio's ${MAX_SWEEP_RUNS}`);
    expect(!big.ok && big.error).toContain('hqrn sweep');
  });
});

const outcome = (test: number, pred: number[], labels: number[], adv?: { dephased: number; marginal: number; all: number }): TrainOutcome => ({
  model: { format: 'hqrn-model' },
  history: [],
  final: { trainAccuracy: 0.9, testAccuracy: test, ...(adv ? { adversarialAccuracy: adv } : {}) },
  cancelled: false,
  seconds: 1,
  testPredictions: Int32Array.from(pred),
  testLabels: Int32Array.from(labels),
});

describe('sweep metrics and table', () => {
  it('balanced accuracy from the test predictions; adversarial partners by name', () => {
    // labels 0,0,0,1; predictions 0,0,1,1: recall 2/3 and 1 → balanced 5/6
    const m = sweepMetrics(outcome(0.75, [0, 0, 1, 1], [0, 0, 0, 1], { dephased: 0.4, marginal: 0.6, all: 0.5 }));
    expect(m.accuracy).toBe(0.75);
    expect(m.balancedAccuracy).toBeCloseTo(5 / 6, 15);
    expect(m.adversarial).toEqual({ dephasedPartners: 0.4, marginalPartners: 0.6 });
  });

  it('plot: a line per value of the chosen setting, points sorted by x, err = std', () => {
    const card = (alpha: number, depth: number, seed: number, accuracy: number) => ({
      app: { name: 'x', version: '0', commit: null },
      backend: 't',
      settings: { alpha, depth, seed },
      seed,
      data: { source: 'generator' as const, name: 'e', n: 1 },
      metrics: { accuracy },
    });
    const rows = sweepTable(
      [card(0.6, 1, 1, 0.7), card(0.6, 1, 2, 0.9), card(0.3, 1, 1, 0.6), card(0.3, 1, 2, 0.6), card(0.3, 2, 1, 0.5), card(0.3, 2, 2, 0.7)],
      STUDIO_METRICS,
    );
    const s = plotSeries(rows, 'alpha', 'depth');
    expect(s.map((x) => x.name)).toEqual(['depth = 1', 'depth = 2']);
    expect(s[0].points).toEqual([
      { x: 0.3, y: 0.6, err: 0 },
      { x: 0.6, y: 0.8, err: 0.1414 },
    ]);
    expect(s[1].points).toEqual([{ x: 0.3, y: 0.6, err: 0.1414 }]);
    // one line: (α = 0.3) averages depth 1 and 2 (0.6 and 0.6), no error bar
    expect(plotSeries(rows, 'alpha', null)[0].points[0]).toEqual({ x: 0.3, y: 0.6 });
  });

  it('time left: mean time per finished run × runs to go', () => {
    expect(secondsLeft([2, 4], 5)).toBe(9);
    expect(secondsLeft([], 5)).toBeNaN();
  });
});

describe('runSweepLoop', () => {
  const fake = (cancelAfter: number | null) => {
    const calls: TrainRequest[] = [];
    let cancelled = false;
    const engine: SweepEngine = {
      async train(req, onProgress) {
        calls.push(req);
        onProgress({
          epoch: 1,
          epochs: 1,
          step: 1,
          depth: 1,
          stage: 's',
          loss: 1,
          trainAccuracy: 0,
          testAccuracy: 0,
          examplesPerSecond: 1,
          elapsedMs: 1,
          epochEnd: false,
        } as TrainProgress);
        const r = outcome(req.alpha, [0, 1], [0, 1]);
        return { ...r, cancelled } as TrainResult;
      },
      async control() {
        cancelled = true;
        return true;
      },
    };
    return { engine, calls, cancelAfter };
  };

  it('runs every request in order; each finished run has its card', async () => {
    const { engine, calls } = fake(null);
    const p = planSweep({ ...listsOf(base), alpha: '0.3,0.6' }, base);
    if (!p.ok) throw new Error(p.error);
    const cards: number[] = [];
    const how = await runSweepLoop(p.requests, engine, {
      cancelled: () => false,
      onRun: (_, c) => cards.push(c.metrics.accuracy as number),
      now: () => new Date(0),
    });
    expect(how).toBe('done');
    expect(calls.map((r) => r.alpha)).toEqual([0.3, 0.6]);
    expect(cards).toEqual([0.3, 0.6]);
  });

  it('cancel: the finished runs stay, the cancelled one is dropped, no later run starts', async () => {
    const { engine, calls } = fake(null);
    const p = planSweep({ ...listsOf(base), alpha: '0.1,0.2,0.3,0.4' }, base);
    if (!p.ok) throw new Error(p.error);
    let flag = false;
    const done: number[] = [];
    const how = await runSweepLoop(p.requests, engine, {
      cancelled: () => flag,
      onStart: (i) => {
        if (i === 2) flag = true; // the user presses Cancel during the third run
      },
      onRun: (i) => done.push(i),
    });
    expect(how).toBe('cancelled');
    expect(done).toEqual([0, 1]);
    expect(calls).toHaveLength(3);
  });

  it("trainer 'core': each run goes to coreTrainRun, its card names the float64 core and keeps its figures", async () => {
    const { engine, calls } = fake(null);
    const core: TrainRequest[] = [];
    engine.coreTrainRun = async (req) => {
      core.push(req);
      return {
        model: {},
        metrics: { accuracy: req.alpha, balancedAccuracy: 0.5 },
        data: {
          source: 'generator',
          name: 'e',
          sha256: null,
          n: 40,
          generatorSeed: req.seed,
          test: { source: 'generator', name: 't', sha256: null, n: 30, generatorSeed: 9 },
        },
        seconds: 0.1,
      };
    };
    const p = planSweep({ ...listsOf(base), alpha: '0.3,0.6' }, base);
    if (!p.ok) throw new Error(p.error);
    const cards: RunCard[] = [];
    await runSweepLoop(p.requests, engine, { trainer: 'core', cancelled: () => false, onRun: (_, c) => cards.push(c) });
    expect(calls).toHaveLength(0);
    expect(core.map((r) => r.alpha)).toEqual([0.3, 0.6]);
    expect(cards[1].backend).toMatch(/float64 core/);
    expect(cards[1].metrics.accuracy).toBe(0.6);
    expect(sweepTable(cards, STUDIO_METRICS)[1].accuracy).toEqual({ mean: 0.6, std: 0 });
  });
});
