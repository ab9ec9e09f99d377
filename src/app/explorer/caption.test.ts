import { describe, expect, it } from 'vitest';
import { caption, captionStateOf, type CaptionResult, type CaptionState, describeInput, digitTruth, isDiagonal, pptTruth, verdictOf } from './caption';

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
    expect(c.input).toBe(
      'Input: the Bell state |Φ+⟩ — truly entangled (PPT criterion: the partial transpose has a negative eigenvalue (NPT), exact for two qubits).',
    );
    expect(c.verdicts).toBe('Quantum path: entangled (P 0.998), right. Classical path: separable (P 0.930), wrong.');
    expect([c.quantum, c.classical]).toEqual(['right', 'wrong']);
    expect(c.why).toContain('only the diagonal');
    expect(c.why).toContain('same for this state and its dephased partner');
  });

  it('dephased partner: separable by PPT, both paths right; the diagonal input makes the paths one network', () => {
    const c = caption({
      ...bell,
      input: { kind: 'dephased', of: bell.input },
      quantum: { predicted: 0, probability: 0.9991 },
      truth: pptTruth(true, ENT),
      inputIsDiagonal: true,
    });
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
    const mnist = caption({
      input: { kind: 'mnist', index: 12 },
      classes: digits,
      quantum: { predicted: 7, probability: 0.8 },
      classical: { predicted: 7, probability: 0.8 },
      truth: digitTruth(7, digits),
      inputIsDiagonal: true,
    });
    expect(mnist.input).toBe('Input: MNIST digit #12 — truly “7” (MNIST label 7).');
    expect([mnist.quantum, mnist.classical]).toEqual(['right', 'right']);
    expect(mnist.why).toContain('diagonal');
    const drawn = caption({
      input: { kind: 'drawn', pixels: [] },
      classes: digits,
      quantum: { predicted: 3, probability: 0.5 },
      classical: { predicted: 3, probability: 0.5 },
      truth: digitTruth(undefined, digits),
      inputIsDiagonal: true,
    });
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

  it('isDiagonal: float32 rounding of a diagonal state passes, a coherence of 1e-6 does not (relative 1e-7)', () => {
    const d = 4;
    const re = new Float32Array(16);
    const im = new Float32Array(16);
    [0.5, 0, 0, 0.5].forEach((v, i) => (re[i * d + i] = v));
    expect(isDiagonal(re, im, d)).toBe(true);
    re[3] = re[12] = 4e-8; // below 1e-7 × 0.5
    expect(isDiagonal(re, im, d)).toBe(true);
    im[3] = 1e-6;
    im[12] = -1e-6;
    expect(isDiagonal(re, im, d)).toBe(false);
    // Bell |Φ+⟩: ρ_03 = ½, not diagonal.
    const bellRe = new Float32Array(16);
    bellRe[0] = bellRe[3] = bellRe[12] = bellRe[15] = 0.5;
    expect(isDiagonal(bellRe, new Float32Array(16), d)).toBe(false);
    expect(() => isDiagonal(re, im, 3)).toThrow(/expected 9 entries/);
  });

  it('captionStateOf: truth from layer 0 PPT for two qubits, the MNIST label for a digit, unknown for a drawing, null without a prediction', () => {
    const rho = (diag: boolean) => {
      const re = new Float32Array(16);
      re[0] = re[15] = 0.5;
      if (!diag) re[3] = re[12] = 0.5;
      return { re, im: new Float32Array(16) };
    };
    const res = (ppt: boolean, diag: boolean): CaptionResult => ({
      d: 4,
      classes: ['separable', 'entangled'],
      layers: [{ rho: rho(diag), measures: { ppt } }],
      output: { probabilities: [0.002, 0.998], predicted: 1 },
      classicalOutput: { probabilities: [0.93, 0.07], predicted: 0 },
    });
    const bellState = captionStateOf({ kind: 'bell', which: 'phi+' }, res(false, false));
    expect(bellState?.truth.cls).toBe(1);
    expect(bellState?.inputIsDiagonal).toBe(false);
    expect(bellState?.quantum).toEqual({ predicted: 1, probability: 0.998 });
    const c = caption(bellState!);
    expect([c.quantum, c.classical]).toEqual(['right', 'wrong']);
    const partner = captionStateOf({ kind: 'dephased', of: { kind: 'bell', which: 'phi+' } }, res(true, true));
    expect(partner?.truth.cls).toBe(0);
    expect(partner?.inputIsDiagonal).toBe(true);
    expect(caption(partner!).why).toContain('exact correspondence');

    const digits = Array.from({ length: 10 }, (_, i) => i);
    const dig = (extra: Partial<CaptionResult>): CaptionResult => ({
      d: 64,
      classes: digits,
      layers: [{ rho: { re: new Float32Array(64 * 64), im: new Float32Array(64 * 64) }, measures: {} }],
      output: { probabilities: digits.map((k) => (k === 7 ? 0.9 : 0.01)), predicted: 7 },
      classicalOutput: { probabilities: digits.map((k) => (k === 7 ? 0.9 : 0.01)), predicted: 7 },
      ...extra,
    });
    expect(captionStateOf({ kind: 'mnist', index: 3 }, dig({ digitLabel: 7 }))?.truth.cls).toBe(7);
    expect(captionStateOf({ kind: 'mnist', index: 3 }, dig({ digitLabel: 2 }))?.truth.cls).toBe(2);
    expect(captionStateOf({ kind: 'drawn', pixels: [] }, dig({ digitLabel: 7 }))?.truth.cls).toBeNull();
    expect(captionStateOf({ kind: 'drawn', pixels: [] }, dig({ noDigit: true }))).toBeNull();
    expect(captionStateOf({ kind: 'bell', which: 'phi+' }, undefined)).toBeNull();
  });
});
