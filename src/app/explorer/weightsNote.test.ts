import { describe, expect, it } from 'vitest';
import { weightsNote } from './weightsNote';

const model12 = { name: 'entanglement-quantum', model: { blocks: Array.from({ length: 12 }, () => ({})) } };

describe('weightsNote (the words under each prediction)', () => {
  it('says untrained for seeded weights and names a trained model at its own depth', () => {
    expect(weightsNote(undefined, 3)).toEqual({ text: 'untrained (random) weights', untrained: true });
    expect(weightsNote(model12, 12)).toEqual({ text: 'trained model: entanglement-quantum', untrained: false });
  });
  it('a trained model made deeper names the untrained blocks (depth 20 of a 12-block model: 13–20)', () => {
    expect(weightsNote(model12, 20)).toEqual({ text: 'trained model: entanglement-quantum; blocks 13–20 untrained (random)', untrained: true });
    expect(weightsNote(model12, 13)).toEqual({ text: 'trained model: entanglement-quantum; block 13 untrained (random)', untrained: true });
  });
  it('a trained model cut shorter says so', () => {
    expect(weightsNote(model12, 5)).toEqual({ text: 'trained model: entanglement-quantum, cut to its first 5 of 12 blocks', untrained: true });
  });

  it('at depth 0 says there are no blocks (not "its first 0 of 12 blocks")', () => {
    expect(weightsNote(model12, 0)).toEqual({ text: 'trained model: entanglement-quantum, no blocks: the readout of the input', untrained: true });
  });
  it('a saved model named "trained: …" does not say "trained" twice', () => {
    const saved = { name: 'trained: entanglement, quantum, depth 3, α 0.5, seed 1', model: { blocks: [{}, {}, {}] } };
    expect(weightsNote(saved, 3)).toEqual({ text: 'trained model: entanglement, quantum, depth 3, α 0.5, seed 1', untrained: false });
    expect(weightsNote(saved, 4).text).toBe('trained model: entanglement, quantum, depth 3, α 0.5, seed 1; block 4 untrained (random)');
  });
});
