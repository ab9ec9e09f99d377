import { describe, expect, it } from 'vitest';
import { toJson } from '../math/complex';
import { FileFormatError, modelToJson, parseModelFile, parseStateFile, readStateFile, stateToJson, StateToleranceError } from './files';
import { validateDensityMatrix } from '../measures/measures';
import { randomClassicalBlock, randomQuantumModel } from '../hqrn/randomModel';
import { makeRng } from '../math/rng';
import { randomDensityMatrix } from '../math/testing';

const rng = makeRng(8);

function errorOf(fn: () => unknown): FileFormatError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FileFormatError) return e;
    throw e;
  }
  throw new Error('expected a FileFormatError');
}

function quantumModelJson(): Record<string, any> {
  return JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(2, 2, rng, { classes: 2 }))));
}

describe('hqrn-state files', () => {
  it('round-trip a single state and a batch', () => {
    const rho = randomDensityMatrix(4, rng);
    const back = parseStateFile(JSON.parse(JSON.stringify(stateToJson(rho))));
    expect(back).toHaveLength(1);
    expect(Array.from(back[0].re)).toEqual(Array.from(rho.re));
    const batch = parseStateFile(stateToJson([rho, randomDensityMatrix(4, rng)]));
    expect(batch).toHaveLength(2);
  });

  const base = () => ({ format: 'hqrn-state', version: 1, ...toJson(randomDensityMatrix(4, rng)) }) as Record<string, any>;
  const cases: [string, (s: Record<string, any>) => unknown, RegExp][] = [
    ['wrong format', (s) => ({ ...s, format: 'hqrn-model' }), /^format: /],
    ['wrong version', (s) => ({ ...s, version: 2 }), /^version: /],
    ['string entry', (s) => ((s.re[1][2] = 'x'), s), /^re\[1\]\[2\]: must be a finite number, got "x"/],
    ['infinite entry (1e999 in JSON)', (s) => ((s.im[0][1] = Infinity), s), /^im\[0\]\[1\]: must be a finite number, got Infinity/],
    ['ragged row', (s) => (s.re[2].pop(), s), /^re\[2\]: expected 4 entries, got 3/],
    [
      'not a power of two',
      (s) => ({
        ...s,
        re: [
          [1, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
        im: [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      }),
      /^re: dimension must be a power of two/,
    ],
    ['non-Hermitian', (s) => ((s.re[0][1] += 0.1), s), /^state: not Hermitian/],
    [
      'trace 2',
      (s) => ({
        ...s,
        re: [
          [2, 0],
          [0, 0],
        ],
        im: [
          [0, 0],
          [0, 0],
        ],
      }),
      /^state: trace/,
    ],
    [
      'not PSD',
      (s) => ({
        ...s,
        re: [
          [1.25, 0, 0, 0],
          [0, -0.25, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
        im: s.im.map((r: number[]) => r.map(() => 0)),
      }),
      /^state: not positive semidefinite.*-0\.25/,
    ],
  ];
  for (const [name, mutate, pattern] of cases)
    it(`rejects ${name} naming the field`, () => {
      expect(errorOf(() => parseStateFile(mutate(base()))).message).toMatch(pattern);
    });
});

describe('hqrn-state files: states as people write them (tolerance 1e-6, nearest state)', () => {
  const werner3 = {
    format: 'hqrn-state',
    version: 1,
    re: [
      [0.333, 0, 0, 0.166],
      [0, 0.166, 0, 0],
      [0, 0, 0.166, 0],
      [0.166, 0, 0, 0.333],
    ],
    im: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
  };
  it('a trace 1 − 5e-7 diagonal is accepted as its nearest state with the distance it moved', () => {
    const [r] = readStateFile({
      format: 'hqrn-state',
      version: 1,
      re: [
        [0.5, 0],
        [0, 0.4999995],
      ],
      im: [
        [0, 0],
        [0, 0],
      ],
    });
    expect(validateDensityMatrix(r.rho, 1e-12)).toBeNull();
    expect(r.traceDistance).toBeCloseTo(2.5e-7, 15);
  });
  it('the Werner state typed 0.333/0.166 is refused naming the trace and the tolerance, with the nearest state offered', () => {
    const e = errorOf(() => parseStateFile(werner3));
    expect(e).toBeInstanceOf(StateToleranceError);
    expect(e.message).toBe('state: trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6); the nearest state is at trace distance 0.001');
    expect((e as StateToleranceError).nearest!.traceDistance).toBeCloseTo(0.001, 14);
  });
  it('with nearestState: true the same file loads as ρ + 0.0005·I, distance 0.001', () => {
    const [r] = readStateFile(werner3, { nearestState: true });
    expect(r.rho.re[0]).toBeCloseTo(0.3335, 14);
    expect(r.rho.re[5]).toBeCloseTo(0.1665, 14);
    expect(r.traceDistance).toBeCloseTo(0.001, 14);
  });
  it('a non-finite or misshapen matrix has no nearest state even with nearestState: true', () => {
    expect(
      errorOf(() =>
        parseStateFile(
          {
            ...werner3,
            re: [
              [1, 0, 0],
              [0, 0, 0],
            ],
          },
          { nearestState: true },
        ),
      ).message,
    ).toMatch(/^re\[0\]: expected 2 entries, got 3/);
  });
});

describe('hqrn-model files', () => {
  it('round-trip quantum and classical models', () => {
    const m = randomQuantumModel(3, 3, rng, { classes: 4 });
    const back = parseModelFile(JSON.parse(JSON.stringify(modelToJson(m))));
    expect(back.kind).toBe('quantum');
    if (back.kind !== 'quantum') return;
    expect(Array.from(back.blocks[2].aMinus.im)).toEqual(Array.from(m.blocks[2].aMinus.im));
    expect(back.readout!.classes).toEqual([0, 1, 2, 3]);
    const c = { kind: 'classical' as const, nQubits: 2, blocks: [randomClassicalBlock(4, rng)] };
    const cb = parseModelFile(modelToJson(c));
    expect(cb.kind).toBe('classical');
  });

  const cases: [string, (m: Record<string, any>) => unknown, RegExp][] = [
    ['α above 1', (m) => ((m.blocks[1].alpha = 1.5), m), /^blocks\[1\]\.alpha: must be in \[0, 1\], got 1\.5/],
    ['α = −1', (m) => ((m.blocks[0].alpha = -1), m), /^blocks\[0\]\.alpha: must be in \[0, 1\], got -1/],
    ['unknown activation', (m) => ((m.blocks[0].activation = 'tanh'), m), /^blocks\[0\]\.activation: unknown activation "tanh"/],
    ['gain 0', (m) => ((m.blocks[0].gain = 0), m), /^blocks\[0\]\.gain: must be > 0/],
    ['bias of the wrong length', (m) => (m.blocks[1].bias.push(0), m), /^blocks\[1\]\.bias: expected 4 entries, got 5/],
    ['missing aMinus', (m) => (delete m.blocks[0].aMinus, m), /^blocks\[0\]\.aMinus: is missing/],
    ['wrong matrix shape', (m) => (m.blocks[0].aPlus.im.pop(), m), /^blocks\[0\]\.aPlus\.im: expected 4 rows, got 3/],
    ['non-finite weight', (m) => ((m.blocks[1].aPlus.re[0][0] = NaN), m), /^blocks\[1\]\.aPlus\.re\[0\]\[0\]: must be a finite number, got NaN/],
    ['not a contraction', (m) => ((m.blocks[0].aPlus.re[0][0] = 3), m), /^blocks\[0\]\.aPlus: not a contraction: spectral norm/],
    ['nQubits 0', (m) => ((m.nQubits = 0), m), /^nQubits: /],
    ['readout of the wrong width', (m) => (m.readout.weights[0].pop(), m), /^readout\.weights\[0\]: expected 4 entries, got 3/],
    ['readout classes count', (m) => (m.readout.classes.push(9), m), /^readout\.classes: expected 2 entries, got 3/],
    ['blocks not an array', (m) => ((m.blocks = {}), m), /^blocks: /],
    ['mixed classical and quantum blocks', (m) => ((m.blocks[1].w = [[0]]), m), /^blocks\[1\]\.w: classical block in a quantum model/],
  ];
  for (const [name, mutate, pattern] of cases)
    it(`rejects ${name} naming the field`, () => {
      expect(errorOf(() => parseModelFile(mutate(quantumModelJson()))).message).toMatch(pattern);
    });
});
