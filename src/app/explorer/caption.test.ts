import { describe, expect, it } from 'vitest';
import { caption, type CaptionState, describeInput, digitTruth, pptTruth, verdictOf } from './caption';

const ENT = ['separable', 'entangled'] as const;
const bell: CaptionState = {
  input: { kind: 'bell', which: 'phi+' },
  classes: ENT,
  quantum: { predicted: 1, probability: 0.998 },
  classical: { predicted: 0, probability: 0.93 },
  truth: pptTruth(false, ENT),
  inputIsDiagonal: false,
};

describe('caption', () => {
  it('Bell state: names the truth (NPT), marks the quantum path right and the classical path wrong, and says why', () => {
    const c = caption(bell);
    expect(c.input).toBe('Input: the Bell state |Φ+⟩ — truly entangled (PPT criterion: the partial transpose has a negative eigenvalue (NPT), exact for two qubits).');
    expect(c.verdicts).toBe('Quantum path: entangled (P 0.998), right. Classical path: separable (P 0.930), wrong.');
    expect([c.quantum, c.classical]).toEqual(['right', 'wrong']);
    expect(c.why).toContain('only the diagonal');
    expect(c.why).toContain('same for this state and its dephased partner');
  });

  it('dephased partner: separable by PPT, both paths right; the diagonal input makes the paths one network', () => {
    const c = caption({ ...bell, input: { kind: 'dephased', of: bell.input }, quantum: { predicted: 0, probability: 0.9991 }, truth: pptTruth(true, ENT), inputIsDiagonal: true });
    expect(c.input).toContain('the dephased partner of the Bell state |Φ+⟩');
    expect(c.input).toContain('truly separable');
    expect(c.verdicts).toBe('Quantum path: separable (P 0.999), right. Classical path: separable (P 0.930), right.');
    expect(c.why).toContain('exact correspondence');
  });

  it('Werner p = 0.30 called entangled by the quantum path is marked wrong (entangled only for p > 1/3)', () => {
    const c = caption({ ...bell, input: { kind: 'werner', p: 0.3 }, quantum: { predicted: 1, probability: 0.506 }, truth: pptTruth(true, ENT) });
    expect(c.input).toContain('p = 0.3 (entangled exactly when p > 1/3)');
    expect(c.quantum).toBe('wrong');
    expect(c.classical).toBe('right');
    expect(c.verdicts).toContain('Quantum path: entangled (P 0.506), wrong.');
  });

  it('agreement on a non-diagonal state: both right, or both wrong said plainly', () => {
    const agree = { ...bell, classical: { predicted: 1, probability: 0.6 } };
    expect(caption(agree).why).toContain('the diagonal alone decides');
    const bothWrong = { ...bell, quantum: { predicted: 0, probability: 0.7 } };
    expect(caption(bothWrong).why).toContain('both are wrong');
  });

  it('digits: an MNIST digit is checked against its label; a drawing cannot be checked', () => {
    const digits = Array.from({ length: 10 }, (_, i) => i);
    const mnist = caption({ input: { kind: 'mnist', index: 12 }, classes: digits, quantum: { predicted: 7, probability: 0.8 }, classical: { predicted: 7, probability: 0.8 }, truth: digitTruth(7, digits), inputIsDiagonal: true });
    expect(mnist.input).toBe('Input: MNIST digit #12 — truly “7” (MNIST label 7).');
    expect([mnist.quantum, mnist.classical]).toEqual(['right', 'right']);
    expect(mnist.why).toContain('diagonal');
    const drawn = caption({ input: { kind: 'drawn', pixels: [] }, classes: digits, quantum: { predicted: 3, probability: 0.5 }, classical: { predicted: 3, probability: 0.5 }, truth: digitTruth(undefined, digits), inputIsDiagonal: true });
    expect(drawn.quantum).toBe('unknown');
    expect(drawn.verdicts).toContain('cannot be checked');
    expect(drawn.input).toContain('its true class is unknown');
  });

  it('names every input kind', () => {
    expect(describeInput({ kind: 'random-pure', seed: 3 })).toBe('a random pure state (seed 3)');
    expect(describeInput({ kind: 'random-mixed', seed: 4 })).toBe('a random mixed state (seed 4)');
    expect(describeInput({ kind: 'product', seed: 5 })).toBe('a random product state (seed 5)');
    expect(describeInput({ kind: 'matrix', re: [], im: [] })).toBe('the matrix you entered');
    expect(describeInput({ kind: 'marginal', of: { kind: 'bell', which: 'psi-' } })).toBe('the product of the marginals of the Bell state |Ψ−⟩');
  });

  it('verdictOf and pptTruth follow the class names, not a fixed order', () => {
    expect(pptTruth(true, ['entangled', 'separable']).cls).toBe(1);
    expect(verdictOf(1, { cls: 1, how: '' })).toBe('right');
    expect(verdictOf(0, { cls: null, how: '' })).toBe('unknown');
  });
});
