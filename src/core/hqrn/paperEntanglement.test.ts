import { describe, expect, it } from 'vitest';
import { entanglementPerDepth, entanglementSplit, figureCsv, meanOverSeeds, PAPER_COLUMNS, PAPER_TEST_SEED_OFFSET, paperSettings } from './paperEntanglement';

describe('the paper-style entanglement experiment (shared by the CLI and the studio)', () => {
  it('settings: the preset, depth 5 (quick: 3, 400 / 400 states, ≤ 10 epochs), greedy', () => {
    const preset = { alpha: 0.6, activation: 'softplus' as const, learningRate: 0.05, epochs: 20, batchSize: 32, trainSize: 1300, testSize: 5000 };
    expect(paperSettings(preset, false, 2)).toMatchObject({ nTrain: 1300, nTest: 5000, depth: 5, epochs: 20, seed: 2, mode: 'greedy', alpha: 0.6 });
    expect(paperSettings(preset, true, 1)).toMatchObject({ nTrain: 400, nTest: 400, depth: 3, epochs: 10 });
  });

  it('the test split is the generator at seed + offset, and differs from the training split', () => {
    const tr = entanglementSplit('train', 3, 20);
    const te = entanglementSplit('test', 3, 20);
    expect(te.generatorSeed).toBe(3 + PAPER_TEST_SEED_OFFSET);
    expect(tr.packed.length).toBe(20 * 32);
    expect(Array.from(tr.packed)).not.toEqual(Array.from(te.packed));
    // each packed state has trace 1 (real diagonal entries at 5j)
    for (let i = 0; i < 20; i++) expect(te.packed[i * 32] + te.packed[i * 32 + 5] + te.packed[i * 32 + 10] + te.packed[i * 32 + 15]).toBeCloseTo(1, 12);
  });

  it('one row per block with every figure in [0, 1]; the same seed gives the same rows', () => {
    const s = { depth: 2, alpha: 0.6, activation: 'softplus' as const, epochs: 2, batchSize: 16, learningRate: 0.05, seed: 1 };
    const tr = entanglementSplit('train', 1, 80);
    const te = entanglementSplit('test', 1, 80);
    const a = entanglementPerDepth(s, tr, te);
    expect(a.map((r) => r.depth)).toEqual([1, 2]);
    for (const r of a)
      for (const c of PAPER_COLUMNS) {
        expect(r[c]).toBeGreaterThanOrEqual(0);
        expect(r[c]).toBeLessThanOrEqual(1);
      }
    expect(entanglementPerDepth(s, tr, te)).toEqual(a);
  });

  it('meanOverSeeds and its CSV (values by hand)', () => {
    const t = meanOverSeeds([
      [
        { depth: 1, accuracy: 0.6, dephasedPartners: 1 },
        { depth: 2, accuracy: 0.7, dephasedPartners: 0.5 },
      ],
      [
        { depth: 1, accuracy: 0.8, dephasedPartners: 0 },
        { depth: 2, accuracy: 0.75, dephasedPartners: 0.25 },
      ],
    ]);
    expect(t).toEqual([
      { depth: 1, accuracy: 0.7, dephasedPartners: 0.5 },
      { depth: 2, accuracy: 0.725, dephasedPartners: 0.375 },
    ]);
    expect(figureCsv(t)).toBe('depth,accuracy,dephasedPartners\n1,0.7,0.5\n2,0.725,0.375\n');
  });
});
