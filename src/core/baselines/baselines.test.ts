import { describe, expect, it } from 'vitest';
import { fitKernel, kernelPredict, hsInner, choleskySolve, kernelDecision } from './kernel';
import { trainVqc, vqcLossAndGrad, vqcPredict, vqcUnitary } from './vqc';
import { features, trainMlp, mlpProba } from './mlp';
import { makeRng } from '../math/rng';
import { bellState, randomMixedState, werner } from '../states/states';
import { adjoint, identity, maxAbsDiff, mul } from '../math/complex';
import { entanglementFigures, balancedAccuracy, classShares, oneClassNote } from '../states/figures';

describe('quantum kernel Tr(ρσ)^p', () => {
  it('Tr(ρσ) of Bell states: 1 with itself, 0 with an orthogonal one, 1/4 with I/4', () => {
    expect(hsInner(bellState('phi+'), bellState('phi+'))).toBeCloseTo(1, 14);
    expect(hsInner(bellState('phi+'), bellState('psi-'))).toBeCloseTo(0, 14);
    expect(hsInner(bellState('psi+'), werner(0))).toBeCloseTo(0.25, 14);
  });

  it('p = 1 separates Werner p > 1/3 from p < 1/3 perfectly (the fidelity witness)', () => {
    // Training Werner states symmetric about 1/3 (balanced), test over [0, 1] away from 1/3 by 0.005.
    const ptr = Array.from({ length: 41 }, (_, i) => (i / 40) * (2 / 3)).filter((p) => Math.abs(p - 1 / 3) > 1e-9);
    const m = fitKernel(
      ptr.map(werner),
      ptr.map((p) => (p > 1 / 3 ? 1 : 0)),
      1,
      1e-6,
    );
    const pte = Array.from({ length: 401 }, (_, i) => i / 400).filter((p) => Math.abs(p - 1 / 3) > 0.005);
    const pred = kernelPredict(m, pte.map(werner));
    pte.forEach((p, i) => expect(pred[i]).toBe(p > 1 / 3 ? 1 : 0));
    // f is affine in p with its zero at 1/3.
    const f = kernelDecision(m, [werner(1 / 3)]);
    expect(Math.abs(f[0])).toBeLessThan(1e-3);
  });

  it('p = 2 fits a set p = 1 cannot: Φ+ and Ψ− (entangled) vs their equal mixture (separable) and I/4', () => {
    const mix = (a: number) => {
      const x = bellState('phi+'),
        y = bellState('psi-');
      return { rows: 4, cols: 4, re: x.re.map((v, i) => a * v + (1 - a) * y.re[i]), im: x.im.map((v, i) => a * v + (1 - a) * y.im[i]) };
    };
    const states = [bellState('phi+'), bellState('psi-'), mix(0.5), werner(0)];
    const labels = [1, 1, 0, 0];
    expect(Array.from(kernelPredict(fitKernel(states, labels, 2, 1e-8), states))).toEqual(labels);
    // p = 1: f(mix(½)) = ½ f(Φ+) + ½ f(Ψ−) > 0 whenever both are > 0: not separable linearly.
    const p1 = kernelPredict(fitKernel(states, labels, 1, 1e-8), states);
    expect(Array.from(p1)).not.toEqual(labels);
  });

  it('Cholesky solve matches a known system and refuses an indefinite one', () => {
    const x = choleskySolve(Float64Array.from([4, 2, 2, 3]), 2, Float64Array.from([2, 1]));
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(x[1]).toBeCloseTo(0, 14);
    expect(() => choleskySolve(Float64Array.from([1, 2, 2, 1]), 2, Float64Array.from([1, 1]))).toThrow(/positive definite/);
    expect(() => fitKernel([werner(0)], [0, 1], 1)).toThrow(/labels/);
  });
});

describe('variational quantum classifier', () => {
  it('its circuit is unitary, and 0 layers with zero angles is the identity', () => {
    const u = vqcUnitary(
      Float64Array.from({ length: 12 }, (_, i) => 0.3 * i),
      2,
    );
    expect(maxAbsDiff(mul(adjoint(u), u), identity(4))).toBeLessThan(1e-14);
    expect(maxAbsDiff(vqcUnitary(new Float64Array(4), 0), identity(4))).toBeLessThan(1e-15);
  });

  it('exact gradient (½ U(θ + π) rule) matches central differences', () => {
    const rng = makeRng(2);
    const states = Array.from({ length: 5 }, () => randomMixedState(2, rng));
    const labels = [0, 1, 0, 1, 1];
    const m = trainVqc({ layers: 2, epochs: 0, batchSize: 5, learningRate: 0.1, seed: 3 }, states, labels);
    const g = new Float64Array(12 + 10);
    vqcLossAndGrad(m, states, labels, [0, 1, 2, 3, 4], g);
    for (let k = 0; k < 12; k++) {
      const t = m.angles[k],
        h = 1e-6;
      m.angles[k] = t + h;
      const lp = vqcLossAndGrad(m, states, labels, [0, 1, 2, 3, 4]);
      m.angles[k] = t - h;
      const lm = vqcLossAndGrad(m, states, labels, [0, 1, 2, 3, 4]);
      m.angles[k] = t;
      expect(Math.abs((lp - lm) / (2 * h) - g[k])).toBeLessThan(1e-8);
    }
  });

  it('one layer learns to tell Φ+ from its dephased partner (a basis change the CNOT provides)', () => {
    // Φ+ vs (|00><00| + |11><11|)/2: identical computational-basis statistics; after CNOT·(H⊗I)
    // Φ+ maps to |00>, the partner to a mixture of |00>,|10>… — learnable with ≥ 1 layer.
    const deph = { rows: 4, cols: 4, re: Float64Array.from([0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]), im: new Float64Array(16) };
    const states = [...Array(10).fill(bellState('phi+')), ...Array(10).fill(deph)];
    const labels = [...Array(10).fill(1), ...Array(10).fill(0)];
    const m = trainVqc({ layers: 1, epochs: 150, batchSize: 20, learningRate: 0.1, seed: 1 }, states, labels);
    expect(Array.from(vqcPredict(m, states))).toEqual(labels);
  });
});

describe('full-tomography MLP and figures', () => {
  it('features are the 16 real parameters (diag, Re/Im of the upper triangle)', () => {
    const f = features(bellState('psi+'));
    [0, 0.5, 0.5, 0].forEach((x, i) => expect(f[i]).toBeCloseTo(x, 14));
    expect(f.length).toBe(16);
    expect(f.filter((x) => Math.abs(x - 0.5) < 1e-12).length).toBe(3); // two diagonal entries and Re ρ_12
  });

  it('the MLP learns the Werner threshold', () => {
    const ps = Array.from({ length: 120 }, (_, i) => i / 119);
    const x = new Float64Array(ps.length * 16);
    ps.forEach((p, i) => x.set(features(werner(p)), i * 16));
    const y = ps.map((p) => (p > 1 / 3 ? 1 : 0));
    const m = trainMlp({ hidden: [8], epochs: 300, batchSize: 20, learningRate: 0.01, seed: 1 }, 16, 2, () => ({ x, y, n: ps.length }));
    const pr = mlpProba(m, x, ps.length);
    expect(
      balancedAccuracy(
        ps.map((_, i) => (pr[i * 2 + 1] > 0.5 ? 1 : 0)),
        y,
      ),
    ).toBeGreaterThan(0.95);
  });

  it('a one-class model gets 1.000 on the partners but 0.5 balanced on the pair, and a note', () => {
    const kinds = ['entangled', 'entangled', 'dephased-partner', 'marginal-partner', 'separable', 'dephased-partner'];
    const labels = [1, 1, 0, 0, 0, 0];
    const f = entanglementFigures([0, 0, 0, 0, 0, 0], labels, kinds);
    expect(f.dephased.partners).toBe(1);
    expect(f.dephased.balanced).toBe(0.5);
    expect(f.adversarial.balanced).toBe(0.5);
    expect(f.balancedAccuracy).toBe(0.5);
    expect(f.classShares).toEqual([1, 0]);
    expect(f.oneClassNote).toMatch(/separable.*100\.0 %/);
    expect(oneClassNote(classShares([0, 1, 1, 0], 2), ['a', 'b'])).toBeNull();
    expect(oneClassNote([0.94, 0.06], ['a', 'b'])).toBeNull();
    expect(oneClassNote([0.05, 0.95], ['a', 'b'])).toMatch(/"b"/);
  });
});
