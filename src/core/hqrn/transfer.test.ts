import { describe, expect, it } from 'vitest';
import { classicalAnalogBlock, classicalForward } from './classical';
import { block, diagonalMatrix, identity, maxAbsDiff, squaredModuli, zeros } from '../math/complex';
import { spectralNorm, unitarityError } from '../math/linalg';
import { quantumForward } from './qrb';
import { randomClassicalBlock } from './randomModel';
import { makeRng } from '../math/rng';
import { randomProbabilityVector } from '../math/testing';
import { NORM_MARGIN, halmosDilation, normaliseContractions, transferBlock, transferModel } from './transfer';

describe('classical → quantum transfer (docs/math.md §4)', () => {
  const rng = makeRng(5);

  it('c(|A+|∘² − |A−|∘²) = W exactly (1e-12 relative) and ‖A±‖₂ < 1 on 60 random W, d = 2…32', () => {
    for (let t = 0; t < 60; t++) {
      const d = 1 << (1 + (t % 5));
      const cb = randomClassicalBlock(d, rng, { scale: 0.1 + 10 * rng.uniform() });
      const qb = transferBlock(cb);
      const p = squaredModuli(qb.aPlus),
        m = squaredModuli(qb.aMinus);
      const wMax = Math.max(...cb.w.map(Math.abs));
      for (let k = 0; k < d * d; k++) expect(Math.abs(qb.gain * (p[k] - m[k]) - cb.w[k])).toBeLessThan(1e-12 * wMax);
      const norm = Math.max(spectralNorm(qb.aPlus), spectralNorm(qb.aMinus));
      expect(norm).toBeLessThan(1);
      // s = (1 + 1e-6)·max‖B±‖² makes the larger norm exactly 1/sqrt(1 + 1e-6).
      expect(norm).toBeCloseTo(1 / Math.sqrt(NORM_MARGIN), 12);
    }
  });

  it('W = 0 gives s = 1 (c = 1, A± = 0)', () => {
    const qb = transferBlock({ alpha: 0.5, activation: 'relu', bias: new Float64Array(4), w: new Float64Array(16) });
    expect(qb.gain).toBe(1);
    expect(maxAbsDiff(qb.aPlus, zeros(4))).toBe(0);
  });

  it('Halmos dilations are unitary to 1e-10 with U00 = A, on 40 random transferred blocks', () => {
    for (let t = 0; t < 40; t++) {
      const d = 1 << (1 + (t % 4));
      const qb = transferBlock(randomClassicalBlock(d, rng));
      for (const a of [qb.aPlus, qb.aMinus]) {
        const u = halmosDilation(a);
        expect(unitarityError(u)).toBeLessThan(1e-10);
        expect(maxAbsDiff(block(u, 0, 0, d, d), a)).toBe(0);
      }
    }
  });

  it('the dilation of a contraction with ‖A‖ = 1/sqrt(1+1e-6) of complex entries is unitary', () => {
    const d = 8;
    const a = zeros(d);
    for (let k = 0; k < d * d; k++) {
      a.re[k] = rng.normal();
      a.im[k] = rng.normal();
    }
    const { aPlus } = normaliseContractions(a, zeros(d), 1);
    expect(unitarityError(halmosDilation(aPlus))).toBeLessThan(1e-10);
    expect(unitarityError(identity(4))).toBe(0);
  });

  it('a transferred model reproduces the classical network on diagonal inputs', () => {
    const d = 16;
    const blocks = Array.from({ length: 5 }, () => randomClassicalBlock(d, rng));
    const { model, blocks: info } = transferModel({ kind: 'classical', nQubits: 4, blocks });
    info.forEach((b) => expect(Math.max(b.unitarityError.plus, b.unitarityError.minus)).toBeLessThan(1e-10));
    for (let t = 0; t < 20; t++) {
      const x0 = randomProbabilityVector(d, rng);
      const c = classicalForward(blocks, x0);
      const q = quantumForward(model.blocks, diagonalMatrix(x0));
      q.forEach((l, k) => expect(maxAbsDiff(l.rho, diagonalMatrix(c[k].x))).toBeLessThan(1e-12));
      // and the analog of the transferred block is W again
      model.blocks.forEach((qb, k) => {
        const back = classicalAnalogBlock(qb).w;
        back.forEach((w, i) => expect(w).toBeCloseTo(blocks[k].w[i], 10));
      });
    }
  });
});
