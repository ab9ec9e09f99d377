import { describe, expect, it } from 'vitest';
import { modelDepth, modelSummary } from './trainedModel';

const quantumBlock = (alpha: unknown, activation: unknown) => ({ alpha, activation, gain: 4, bias: [0], aPlus: { re: [[1]], im: [[0]] }, aMinus: { re: [[0]], im: [[0]] } });

describe('modelSummary', () => {
  it('reads α, activation and kind per block, and says whether every block is quantum', () => {
    const model = { format: 'hqrn-model', version: 1, nQubits: 2, blocks: [quantumBlock(0.3, 'relu'), quantumBlock(0.7, 'sigmoid')] };
    const s = modelSummary(model);
    expect(s.blocks).toEqual([
      { alpha: 0.3, activation: 'relu', quantum: true },
      { alpha: 0.7, activation: 'sigmoid', quantum: true },
    ]);
    expect(s.quantum).toBe(true);
    expect(modelDepth(model)).toBe(2);
  });

  it('parses a model once: the same object gives the same summary', () => {
    const model = { blocks: [quantumBlock(0.5, 'exp')] };
    expect(modelSummary(model)).toBe(modelSummary(model));
  });

  it('drops values outside the vocabulary and marks classical blocks', () => {
    const s = modelSummary({ blocks: [{ alpha: 1.5, activation: 'tanh', w: [[1]] }, null] });
    expect(s.blocks).toEqual([{ alpha: undefined, activation: undefined, quantum: false }, { alpha: undefined, activation: undefined, quantum: false }]);
    expect(s.quantum).toBe(false);
    expect(modelSummary({}).blocks).toEqual([]);
    expect(modelSummary({ blocks: [] }).quantum).toBe(false);
    expect(modelDepth(undefined)).toBe(0);
  });
});
