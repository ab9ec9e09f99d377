import { describe, expect, it } from 'vitest';
import { augmentState, SWAP, conjugate, wideDataset, twinPairs, nearBoundary, schmidtState } from './augment';
import { entanglementDataset } from './entanglement';
import { SHIFTED_SETS, shiftedSet } from './entanglementShifted';
import { hermitianEigenvalues } from '../math/linalg';
import { validateDensityMatrix } from '../measures/measures';
import { makeRng } from '../math/rng';
import { bellState, partialTranspose } from './states';
import { maxAbsDiff } from '../math/complex';

/** PPT label computed again here, independently of labelByPpt. */
const minPt = (rho: Parameters<typeof partialTranspose>[0]) => hermitianEigenvalues(partialTranspose(rho, 1, 1))[0];
const ppt = (rho: Parameters<typeof partialTranspose>[0]) => (minPt(rho) < -1e-12 ? 1 : 0);

describe('augmentState', () => {
  it('keeps every label of the §7 dataset and the wide families (PPT recomputed), and the spectrum of ρ^{T_B}', () => {
    const rng = makeRng(11);
    const ds = entanglementDataset({ seed: 3, n: 300 });
    const wide = wideDataset(makeRng(4), 200);
    const states = [...ds.states, ...wide.states];
    const labels = [...ds.labels, ...wide.labels];
    let changed = 0;
    states.forEach((rho, i) => {
      const aug = augmentState(rho, rng);
      expect(validateDensityMatrix(aug)).toBeNull();
      expect(ppt(aug)).toBe(labels[i]);
      expect(ppt(aug)).toBe(ppt(rho));
      expect(Math.abs(minPt(aug) - minPt(rho))).toBeLessThan(1e-9);
      if (maxAbsDiff(aug, rho) > 1e-3) changed++;
    });
    expect(changed).toBeGreaterThan(states.length * 0.95);
  });

  it('the swap maps |01> to |10> and keeps Bell states’ labels', () => {
    const rho = conjugate(SWAP, bellState('psi+'));
    expect(maxAbsDiff(rho, bellState('psi+'))).toBeLessThan(1e-15);
    expect(ppt(conjugate(SWAP, bellState('phi-')))).toBe(1);
  });

  it('rejects a non-4×4 state', () => {
    expect(() => augmentState({ rows: 2, cols: 2, re: new Float64Array(4), im: new Float64Array(4) }, makeRng(1))).toThrow(/4×4/);
  });

  it('a rotated dephased partner is separable but no longer diagonal', () => {
    const rng = makeRng(5);
    const tw = twinPairs(rng, 20, (r) => schmidtState(0.6, r));
    const deph = tw.states.filter((_, i) => tw.kinds[i] === 'dephased-partner');
    for (const d of deph) {
      const r = augmentState(d, rng);
      expect(ppt(r)).toBe(0);
      let off = 0;
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) off += Math.hypot(r.re[i * 4 + j], r.im[i * 4 + j]);
      expect(off).toBeGreaterThan(1e-3);
    }
  });
});

describe('families and shifted sets', () => {
  it('nearBoundary lands at the requested λ_min(ρ^{T_B}) on either side', () => {
    const rng = makeRng(8);
    for (const target of [-0.01, 0.01]) {
      const rho = nearBoundary(rng, target);
      expect(Math.abs(minPt(rho) - target)).toBeLessThan(1e-6);
      expect(ppt(rho)).toBe(target < 0 ? 1 : 0);
    }
  });

  it('every shifted set is PPT-labelled, seeded, and partners are separable', () => {
    for (const name of SHIFTED_SETS) {
      const s = shiftedSet(name, 7, 120);
      expect(s.states.length).toBe(120);
      s.states.forEach((rho, i) => {
        expect(ppt(rho)).toBe(s.labels[i]);
        if (s.kinds[i] === 'entangled') expect(s.labels[i]).toBe(1);
        else expect(s.labels[i]).toBe(0);
      });
      expect(maxAbsDiff(shiftedSet(name, 7, 10).states[3], shiftedSet(name, 7, 10).states[3])).toBe(0);
      if (name !== 'werner-sweep') expect(s.labels.filter((l) => l === 1).length).toBe(60);
    }
  });
});

describe('augmentDiagonal and alignedEntangled', () => {
  it('keep diagonal states diagonal and separable, and map Δ(Φ+) to Δ(Ψ+) for some draw', async () => {
    const { augmentDiagonal, alignedEntangled, bitFlips } = await import('./augment');
    const { dephasedPartner } = await import('./states');
    const rng = makeRng(21);
    const d = dephasedPartner(bellState('phi+'));
    const seen = new Set<string>();
    for (let k = 0; k < 40; k++) {
      const r = augmentDiagonal(d, rng);
      let off = 0;
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) off += Math.abs(r.re[i * 4 + j]) + Math.abs(r.im[i * 4 + j]);
      expect(off).toBe(0);
      expect(ppt(r)).toBe(0);
      seen.add([0, 5, 10, 15].map((i) => r.re[i].toFixed(12)).join(','));
    }
    const h = (0.5).toFixed(12),
      z = (0).toFixed(12);
    expect(seen).toEqual(new Set([[h, z, z, h].join(','), [z, h, h, z].join(',')]));
    expect(maxAbsDiff(conjugate(bitFlips(1, 0), bellState('phi+')), bellState('psi+'))).toBeLessThan(1e-15);
    for (let k = 0; k < 50; k++) {
      const e = alignedEntangled(rng);
      expect(validateDensityMatrix(e)).toBeNull();
      expect(ppt(augmentState(e, rng))).toBe(ppt(e));
    }
  });
});
