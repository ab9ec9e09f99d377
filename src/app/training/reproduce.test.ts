import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, formToRequest } from './form';
import { formFromRunCard } from './reproduce';
import { studioRunCard } from './runCard';
import type { TrainOutcome } from './types';

const outcome: TrainOutcome = { model: {}, history: [], final: { trainAccuracy: 0.9, testAccuracy: 0.8 }, cancelled: false, seconds: 1 };

describe('reproduce a run from its run card', () => {
  it("the studio's own card gives back the exact form (settings round trip)", () => {
    const form = { ...DEFAULT_FORM, seed: 7, batchSize: 64, epochs: 3, mode: 'quantum-end-to-end' as const, shots: 500 };
    const card = studioRunCard(formToRequest(form), outcome, '2026-01-01T00:00:00.000Z');
    expect(formFromRunCard({ format: 'hqrn-model', run: card })).toEqual({ form });
  });

  it('no card, a file-data card, a bad mode, out-of-range settings: each a worded problem', () => {
    expect(formFromRunCard({ format: 'hqrn-model' })).toMatchObject({ problem: expect.stringMatching(/no run card/) });
    const card = studioRunCard(formToRequest(DEFAULT_FORM), outcome, '2026-01-01T00:00:00.000Z', { name: 'mine.npz', sha256: 'a'.repeat(64), n: 10 });
    expect(formFromRunCard({ run: card })).toMatchObject({ problem: expect.stringMatching(/mine\.npz.*hqrn train --data/) });
    const bad = studioRunCard({ ...formToRequest(DEFAULT_FORM), mode: 'sideways' as never }, outcome, 'x');
    expect(formFromRunCard({ run: bad })).toMatchObject({ problem: expect.stringMatching(/mode "sideways"/) });
    const far = studioRunCard({ ...formToRequest(DEFAULT_FORM), epochs: 100_000 }, outcome, 'x');
    expect(formFromRunCard({ run: far })).toMatchObject({ problem: expect.stringMatching(/epochs must be/) });
  });
});
