import { describe, expect, it } from 'vitest';
import { hermitianEigenvalues } from '../math/linalg';
import { makeRng } from '../math/rng';
import { partialTranspose, productState, randomMixedState } from '../states/states';
import { negativity, purity, stateMeasures, vonNeumannEntropy } from './measures';
import { atLeast, atMost, diagonalMeasures, negativityFromSpectrum, nonNegative, ROUND_OFF, spectrumEntropy, unitInterval } from './spectral';

describe('round-off snapping (docs/math.md §8)', () => {
  it('snaps violations up to 1e-12 and leaves larger ones visible', () => {
    expect(ROUND_OFF).toBe(1e-12);
    expect(nonNegative(-1.1e-16)).toBe(0);
    expect(nonNegative(-1e-12)).toBe(0);
    expect(nonNegative(-1e-9)).toBe(-1e-9);
    expect(nonNegative(0.25)).toBe(0.25);
    expect(atMost(1 + 1e-13, 1)).toBe(1);
    expect(atMost(1 + 1e-9, 1)).toBe(1 + 1e-9);
    expect(atLeast(0.5 - 1e-13, 0.5)).toBe(0.5);
    expect(unitInterval(-2e-13)).toBe(0);
    expect(unitInterval(1 + 2e-13)).toBe(1);
    expect(unitInterval(0.3)).toBe(0.3);
  });

  it('negativity from a spectrum: a violation of 1e-9 is not clamped', () => {
    // Bell-state partial transpose: eigenvalues ½, ½, ½, −½ → N = ½
    expect(negativityFromSpectrum([0.5, 0.5, 0.5, -0.5])).toBeCloseTo(0.5, 15);
    // Σ|μ| = 1 − 2e-9 → (Σ|μ| − 1)/2 = −1e-9: a defect, reported as it is
    expect(negativityFromSpectrum([0.5, 0.5 - 2e-9, 0, 0])).toBeCloseTo(-1e-9, 15);
    expect(negativityFromSpectrum([0.5, 0.5 - 2e-9, 0, 0])).toBeLessThan(0);
    // Σ|μ| = 1 − 2e-16: round-off, exactly 0
    expect(negativityFromSpectrum([0.5, 0.5 - 2.2e-16, 0, 0])).toBe(0);
  });

  it("a product state's negativity is exactly 0 where round-off made it negative", () => {
    const rng = makeRng(7);
    let snapped = 0;
    for (let t = 0; t < 200; t++) {
      const rho = productState(rng);
      const mu = hermitianEigenvalues(partialTranspose(rho, 1, 1));
      const raw = (mu.reduce((s, l) => s + Math.abs(l), 0) - 1) / 2;
      const n = negativity(rho);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1e-12);
      expect(stateMeasures(rho).negativity).toBe(n);
      if (raw < 0) {
        expect(n).toBe(0);
        snapped++;
      }
    }
    // round-off does go negative on some of them: the snapping was exercised
    expect(snapped).toBeGreaterThan(0);
  });

  it('entropy of a spectrum: analytic values, 0 log 0 = 0, never −0-ish on pure states', () => {
    expect(spectrumEntropy([0.5, 0.5])).toBeCloseTo(1, 15);
    expect(spectrumEntropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 15);
    expect(spectrumEntropy([1, 0, -1e-17, 0])).toBe(0);
    // a row of a batch
    expect(spectrumEntropy([9, 9, 0.5, 0.5, 9], 2, 2)).toBeCloseTo(1, 15);
    // an eigenvalue above 1 (not a state) gives a genuinely negative sum: not hidden
    expect(spectrumEntropy([2, 0])).toBeCloseTo(-2, 15);
  });

  it('diagonal measures agree with stateMeasures of diag(x)', () => {
    const rng = makeRng(3);
    for (let t = 0; t < 20; t++) {
      const rho = randomMixedState(2, rng);
      const x = Array.from({ length: 4 }, (_, i) => rho.re[i * 4 + i]);
      const diag = { rows: 4, cols: 4, re: new Float64Array(16), im: new Float64Array(16) };
      for (let i = 0; i < 4; i++) diag.re[i * 4 + i] = x[i];
      const m = diagonalMeasures(x, 4);
      expect(m.trace).toBeCloseTo(1, 12);
      expect(m.purity).toBeCloseTo(purity(diag), 14);
      expect(m.entropy).toBeCloseTo(vonNeumannEntropy(diag), 12);
      expect(m.purity).toBeLessThanOrEqual(1);
      expect(m.entropy).toBeGreaterThanOrEqual(0);
    }
    // a pure diagonal state: purity exactly 1, entropy exactly 0
    expect(diagonalMeasures([0, 1, 0, 0], 4)).toEqual({ trace: 1, purity: 1, entropy: 0 });
  });
});
