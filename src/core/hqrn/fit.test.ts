import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../io/files';
import { initParams, lossAndGrad, packComplex, predictProba, fitHqrn, fitGreedy, paramCount, type FitSpec } from './fit';
import { toModelJson } from './fitModel';
import { quantumForward } from './qrb';
import { softmaxReadout } from './readout';
import { makeRng } from '../math/rng';
import { randomMixedState, werner } from '../states/states';
import { realDiagonal } from '../math/complex';

const pack = (states: ReturnType<typeof werner>[]) => {
  const v = new Float64Array(states.length * 32);
  states.forEach((s, i) => packComplex(s, v, i * 32));
  return v;
};

describe('hqrnFit', () => {
  const rng = makeRng(3);
  const states = Array.from({ length: 6 }, () => randomMixedState(2, rng));
  const labels = [0, 1, 1, 0, 1, 0];
  const v = pack(states);

  for (const activation of ['softplus', 'sigmoid', 'exp'] as const)
    it(`analytic gradient matches central differences (${activation}, per-block α)`, () => {
      const spec: FitSpec = { d: 4, depth: 3, alpha: [0.3, 0.5, 0.8], activation, classes: 2, seed: 5 };
      const p = initParams(spec);
      for (let i = 0; i < p.theta.length; i++) p.theta[i] += 0.05 * Math.sin(i);
      const g = new Float64Array(p.theta.length);
      const idx = [0, 1, 2, 3, 4, 5];
      lossAndGrad(p, v, labels, idx, g);
      let worst = 0;
      for (let i = 0; i < p.theta.length; i++) {
        const t = p.theta[i],
          h = 1e-6;
        p.theta[i] = t + h;
        const lp = lossAndGrad(p, v, labels, idx);
        p.theta[i] = t - h;
        const lm = lossAndGrad(p, v, labels, idx);
        p.theta[i] = t;
        worst = Math.max(worst, Math.abs((lp - lm) / (2 * h) - g[i]));
      }
      expect(worst).toBeLessThan(1e-7);
      expect(g.some((x) => Math.abs(x) > 1e-4)).toBe(true);
    });

  it('the exported hqrn-model gives the trainer’s probabilities in the float64 core (to 1e-10)', () => {
    const spec: FitSpec = { d: 4, depth: 2, alpha: 0.5, activation: 'softplus', classes: 2, seed: 9 };
    const p = initParams(spec);
    const model = parseModelFile(toModelJson(p, ['separable', 'entangled']));
    if (model.kind !== 'quantum') throw new Error('quantum model expected');
    const probs = predictProba(p, v, states.length);
    states.forEach((rho, s) => {
      const layers = quantumForward(model.blocks, rho);
      const y = softmaxReadout(model.readout!, realDiagonal(layers[layers.length - 1].rho)).probabilities;
      expect(Math.abs(y[1] - probs[s * 2 + 1])).toBeLessThan(1e-10);
    });
  });

  it('learns the Werner threshold p = 1/3 from Werner states', () => {
    const ps = Array.from({ length: 200 }, (_, i) => i / 199);
    const ws = ps.map((p) => werner(p));
    const lab = ps.map((p) => (p > 1 / 3 ? 1 : 0));
    const vv = pack(ws);
    const p = initParams({ d: 4, depth: 1, alpha: 0.5, activation: 'softplus', classes: 2, seed: 1 });
    fitHqrn(p, { epochs: 150, batchSize: 20, learningRate: 0.05, data: () => ({ v: vv, labels: lab, n: ws.length }) });
    const pr = predictProba(p, vv, ws.length);
    let ok = 0;
    lab.forEach((l, i) => (ok += (pr[i * 2 + 1] > 0.5 ? 1 : 0) === l ? 1 : 0));
    expect(ok / lab.length).toBeGreaterThan(0.95);
  });

  it('greedy training: block k is trained with blocks 1..k−1 frozen; the result is the depth-K network', () => {
    const spec: FitSpec = { d: 4, depth: 2, alpha: 0.5, activation: 'softplus', classes: 2, seed: 4 };
    const bs = 4 * 16 + 4;
    const stages: Float64Array[] = [];
    const p = fitGreedy(spec, {
      epochs: 3,
      batchSize: 3,
      learningRate: 0.05,
      data: () => ({ v, labels, n: states.length }),
      onDepth: (_, q) => stages.push(q.theta.slice()),
    });
    expect(stages.map((t) => t.length)).toEqual([paramCount({ ...spec, depth: 1 }), paramCount(spec)]);
    expect(Array.from(stages[1].subarray(0, bs))).toEqual(Array.from(stages[0].subarray(0, bs))); // block 1 frozen in stage 2
    expect(Array.from(p.theta)).toEqual(Array.from(stages[1]));
    const init = initParams(spec).theta;
    expect(Array.from(stages[0].subarray(0, bs))).not.toEqual(Array.from(init.subarray(0, bs))); // block 1 trained in stage 1
  });

  it('a diagonal input takes the O(d²) path with the same probabilities and gradients as the full one', () => {
    const spec: FitSpec = { d: 4, depth: 2, alpha: [0.4, 0.7], activation: 'sigmoid', classes: 2, seed: 6 };
    const p = initParams(spec);
    const diag = new Float64Array(32),
      nearly = new Float64Array(32);
    [0.1, 0.2, 0.3, 0.4].forEach((x, i) => ((diag[5 * i] = x), (nearly[5 * i] = x)));
    nearly[1] = nearly[4] = 1e-300; // not diagonal: the full path, numerically the same state
    const g1 = new Float64Array(p.theta.length),
      g2 = new Float64Array(p.theta.length);
    const l1 = lossAndGrad(p, diag, [1], [0], g1),
      l2 = lossAndGrad(p, nearly, [1], [0], g2);
    expect(l1).toBe(l2);
    for (let i = 0; i < g1.length; i++) expect(Math.abs(g1[i] - g2[i])).toBeLessThan(1e-15);
  });
});
