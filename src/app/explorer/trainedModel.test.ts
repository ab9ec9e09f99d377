import { describe, expect, it } from 'vitest';
import { formatGain, modelDepth, modelSummary, trainedGain } from './trainedModel';

const quantumBlock = (alpha: unknown, activation: unknown) => ({
  alpha,
  activation,
  gain: 4,
  bias: [0],
  aPlus: { re: [[1]], im: [[0]] },
  aMinus: { re: [[0]], im: [[0]] },
});

describe('modelSummary', () => {
  it('reads α, activation and kind per block, and says whether every block is quantum', () => {
    const model = { format: 'hqrn-model', version: 1, nQubits: 2, blocks: [quantumBlock(0.3, 'relu'), quantumBlock(0.7, 'sigmoid')] };
    const s = modelSummary(model);
    expect(s.blocks).toEqual([
      { alpha: 0.3, activation: 'relu', gain: 4, quantum: true },
      { alpha: 0.7, activation: 'sigmoid', gain: 4, quantum: true },
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
    expect(s.blocks).toEqual([
      { alpha: undefined, activation: undefined, quantum: false },
      { alpha: undefined, activation: undefined, quantum: false },
    ]);
    expect(s.quantum).toBe(false);
    expect(modelSummary({}).blocks).toEqual([]);
    expect(modelSummary({ blocks: [] }).quantum).toBe(false);
    expect(modelDepth(undefined)).toBe(0);
  });

  it('formats gains so the bundled models’ values fit: 25,699.8, 119.2, 4, 0.75', () => {
    expect(formatGain(25699.8123)).toBe('25,699.8');
    expect(formatGain(14568.04)).toBe('14,568');
    expect(formatGain(119.2275243810565)).toBe('119.2');
    expect(formatGain(51.88184484002567)).toBe('51.88');
    expect(formatGain(4)).toBe('4');
    expect(formatGain(0.75)).toBe('0.75');
  });

  it('trainedGain reads block k’s gain from the file, undefined without one', () => {
    const model = { blocks: [quantumBlock(0.3, 'relu'), { ...quantumBlock(0.3, 'relu'), gain: 119.5 }, { alpha: 0.3 }] };
    expect(trainedGain({ model }, 1)).toBe(119.5);
    expect(trainedGain({ model }, 0)).toBe(4);
    expect(trainedGain({ model }, 2)).toBeUndefined();
    expect(trainedGain({ model }, 7)).toBeUndefined();
    expect(trainedGain(undefined, 0)).toBeUndefined();
  });
});
