import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../core/hqrn/activation';
import { EXPLORER_LIMITS, type InputSpec } from '../../protocol/explorer';
import { HIDEABLE_CONTROLS, PANELS } from '../explorer/store';
import type { TrainForm } from '../training/form';
import {
  decodeHash,
  defaultUrlState,
  encodeHash,
  encodeInput,
  encodeMatrixEntry,
  limitViolations,
  linkedKeys,
  linkNoticeHeading,
  linkReadsNothing,
  NOTHING_READ,
  unwrapEncodedHash,
  URL_LIMITS,
  type UrlState,
} from './urlState';
import { PAPER_LESSON } from '../../content/lessons/paper';

// ---- generators of valid states --------------------------------------------------------------

const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const seed = fc.integer({ min: 0, max: URL_LIMITS.maxSeed });
const twoQubitLeaf: fc.Arbitrary<InputSpec> = fc.oneof(
  fc.constantFrom<InputSpec>(...(['phi+', 'phi-', 'psi+', 'psi-'] as const).map((which) => ({ kind: 'bell' as const, which }))),
  unit.map((p) => ({ kind: 'werner' as const, p })),
  seed.map((s) => ({ kind: 'random-pure' as const, seed: s })),
  seed.map((s) => ({ kind: 'random-mixed' as const, seed: s })),
  seed.map((s) => ({ kind: 'product' as const, seed: s })),
  // A state with populations p, 1−p (exactly trace 1) and a real coherence c/16 with
  // (c/16)² ≤ p(1−p), so it is positive semidefinite (links check that, docs/math.md §10).
  fc
    .record({ p: fc.integer({ min: 0, max: 8 }), c: fc.integer({ min: -2, max: 2 }) })
    .filter(({ p, c }) => (c / 16) ** 2 <= (p / 8) * (1 - p / 8))
    .map(({ p, c }) => {
      const re = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
      re[0][0] = p / 8;
      re[3][3] = 1 - p / 8;
      re[0][3] = re[3][0] = c / 16;
      return { kind: 'matrix' as const, re, im: [0, 1, 2, 3].map(() => [0, 0, 0, 0]) };
    }),
);
const twoQubitInput: fc.Arbitrary<InputSpec> = fc.oneof(
  twoQubitLeaf,
  twoQubitLeaf.map((of) => ({ kind: 'dephased' as const, of })),
  twoQubitLeaf.map((of) => ({ kind: 'marginal' as const, of })),
);
const digitInput: fc.Arbitrary<InputSpec> = fc.oneof(
  fc.integer({ min: 0, max: URL_LIMITS.maxMnistIndex }).map((index) => ({ kind: 'mnist' as const, index })),
  // Drawn digits are stored to 1/255 (8 bits per pixel), so valid states use that grid.
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })), { minLength: 784, maxLength: 784 })
    .map((b) => ({ kind: 'drawn' as const, pixels: b.map((x) => x / 255) })),
);

const block = fc.record({
  alpha: unit,
  activation: fc.constantFrom(...ACTIVATIONS),
  gain: fc.double({ min: EXPLORER_LIMITS.minGain, max: EXPLORER_LIMITS.maxGain, noNaN: true }),
  seed,
});

/** A Training studio form within the form's ranges (src/app/training/ranges.ts). */
const trainingForm: fc.Arbitrary<TrainForm> = fc.record({
  task: fc.constantFrom('entanglement' as const, 'digits' as const),
  mode: fc.constantFrom('quantum-greedy' as const, 'quantum-end-to-end' as const, 'transfer' as const, 'classical' as const),
  depth: fc.integer({ min: 1, max: EXPLORER_LIMITS.maxDepth }),
  alpha: unit,
  activation: fc.constantFrom(...ACTIVATIONS),
  learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  epochs: fc.integer({ min: 1, max: 500 }),
  batchSize: fc.integer({ min: 1, max: 4096 }),
  shots: fc.integer({ min: 0, max: 10_000_000 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  trainSize: fc.integer({ min: 10, max: 9000 }),
  testSize: fc.integer({ min: 10, max: 4000 }),
  adversarialShare: unit,
});

const validState: fc.Arbitrary<UrlState> = fc
  .record({
    task: fc.constantFrom('entanglement' as const, 'digits' as const),
    blocks: fc.array(block, { maxLength: EXPLORER_LIMITS.maxDepth }),
    readoutSeed: seed,
    sameAlpha: fc.boolean(),
    globalAlpha: unit,
    layer: fc.nat(),
    view: fc.record({
      matrixView: fc.constantFrom('heatmap' as const, 'hinton' as const, 'city' as const),
      colourScale: fc.constantFrom('fixed' as const, 'per-layer' as const),
      palette: fc.constantFrom('default' as const, 'colour-blind' as const),
    }),
    panel: fc.option(fc.constantFrom(...PANELS), { nil: null }),
    hidden: fc.subarray([...HIDEABLE_CONTROLS]),
    model: fc.option(
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== ''),
      { nil: null },
    ),
    dataset: fc.option(
      fc.record({
        sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
        size: fc.integer({ min: 1, max: 100_000 }),
        nQubits: fc.integer({ min: 1, max: 6 }),
        name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
        classes: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 5 }),
      }),
      { nil: null },
    ),
    two: twoQubitInput,
    digit: digitInput,
    training: trainingForm,
    lessonStep: fc.option(fc.integer({ min: 1, max: PAPER_LESSON.steps.length }), { nil: null }),
    presentation: fc.boolean(),
  })
  .map((r) => ({
    task: r.task,
    input: r.task === 'entanglement' ? r.two : r.digit,
    blocks: r.sameAlpha ? r.blocks.map((b) => ({ ...b, alpha: r.globalAlpha })) : r.blocks,
    readoutSeed: r.readoutSeed,
    sameAlpha: r.sameAlpha,
    globalAlpha: r.globalAlpha,
    selectedLayer: r.layer % (r.blocks.length + 1),
    view: r.view,
    panel: r.panel,
    hidden: r.hidden,
    model: r.model,
    // a dataset stack keeps the entanglement task (StackSpec.dataset)
    dataset: r.task === 'entanglement' ? r.dataset : null,
    training: r.training,
    lesson: r.lessonStep === null ? null : PAPER_LESSON.id,
    step: r.lessonStep ?? 1,
    presentation: r.presentation,
  }));

// ---- counting what the fuzz tried ----------------------------------------------------------------

let casesTried = 0;
afterAll(() => {
  console.log(`urlState fuzz: ${casesTried} hashes decoded`);
});

function decodeChecked(hash: string, previous?: UrlState) {
  casesTried++;
  const out = decodeHash(hash, previous);
  expect(limitViolations(out.state)).toEqual([]);
  for (const p of out.problems) expect(p).toMatch(/^[^:]+: ./);
  return out;
}

describe('encodeHash / decodeHash', () => {
  it('round trip: decode(encode(s)) equals s for random valid states, with no problems', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const hash = encodeHash(s);
        const out = decodeChecked(hash);
        expect(out.problems).toEqual([]);
        expect(out.state).toEqual(s);
        expect(encodeHash(out.state)).toBe(hash);
      }),
      { numRuns: 1500 },
    );
  });

  it('is compact: the default view is v=1, and per-block lists are comma-separated', () => {
    expect(encodeHash(defaultUrlState())).toBe('v=1');
    const s = defaultUrlState();
    s.sameAlpha = false;
    s.blocks = s.blocks.slice(0, 3);
    s.blocks[2].alpha = 0.3;
    s.model = 'my model';
    // a view naming a model always carries its α and activations (a link without them keeps the model's own)
    expect(encodeHash(s)).toBe('v=1&d=3&sa=0&a=0.5,0.5,0.3&f=sp,sp,sp&model=my%20model');
    s.model = null;
    expect(encodeHash(s)).toBe('v=1&d=3&sa=0&a=0.5,0.5,0.3');
  });

  it('names the field of each bad value and keeps the previous value', () => {
    const prev = defaultUrlState();
    prev.sameAlpha = false;
    prev.blocks = prev.blocks.map((b, k) => ({ ...b, alpha: 0.1 * (k + 1) }));
    prev.view.matrixView = 'city';
    const out = decodeHash('v=1&d=4&sa=0&a=0.5,0.5,-1,NaN&g=4,4,1e9,Infinity&mv=sphere&in=werner:2', prev);
    expect(out.problems).toContain('α of block 3: -1 is outside [0, 1]');
    expect(out.problems).toContain('α of block 4: "NaN" is not a number');
    expect(out.problems).toContain('gain of block 3: 1000000000 is outside [0.01, 100]');
    expect(out.problems).toContain('gain of block 4: "Infinity" is not a number');
    expect(out.problems).toContain('matrix view: "sphere" is not one of heat, hinton, city');
    expect(out.problems).toContain('input: Werner p: 2 is outside [0, 1]');
    expect(out.state.blocks.map((b) => b.alpha)).toEqual([0.5, 0.5, 0.30000000000000004, 0.4]);
    expect(out.state.view.matrixView).toBe('city');
    expect(out.state.input).toEqual(prev.input);
  });

  it('depth 10^6 is rejected and the previous depth kept', () => {
    const out = decodeChecked('v=1&d=1000000');
    expect(out.problems).toEqual(['depth: 1000000 is outside [0, 20]']);
    expect(out.state.blocks).toHaveLength(4);
  });

  it('an unknown version, a missing version and a huge hash keep the whole previous state', () => {
    const prev = { ...defaultUrlState(), selectedLayer: 3 };
    for (const [hash, msg] of [
      ['v=2&d=3', /^version: links of version "2" are not supported \(this app reads v=1\)/],
      ['v=0', /^version: links of version "0"/],
      ['d=3', /^version: the link has no version field/],
      [`v=1&model=${'x'.repeat(20000)}`, /^link: 20010 characters is longer than the 8000/],
    ] as const) {
      const out = decodeChecked(hash, prev);
      expect(out.problems).toHaveLength(1);
      expect(out.problems[0]).toMatch(msg);
      expect(out.state).toEqual(prev);
    }
  });

  it('an input that does not fit the task falls back to the task’s default input', () => {
    const out = decodeChecked('v=1&t=dig&in=bell:phi-');
    expect(out.problems).toEqual(['input: bell is not an input of the digits task; using its default input']);
    expect(out.state.input).toEqual({ kind: 'mnist', index: 0 });
  });

  it('a view naming a trained model always writes its α and activations; linkedKeys lists the fields a link gives', () => {
    const withModel = { ...decodeChecked('v=1&d=2&sa=0').state, model: 'entanglement-quantum' };
    const hash = encodeHash(withModel);
    expect(hash).toContain('a=0.5,0.5');
    expect(hash).toMatch(/(^|&)f=[a-z]+,[a-z]+(&|$)/);
    expect(encodeHash({ ...withModel, model: null })).not.toMatch(/(^|&)(a|f)=/);
    expect([...linkedKeys(encodeURIComponent('v=1&model=x&d=12'))].sort()).toEqual(['d', 'model', 'v']);
  });

  it('a digits link without an input gets the digits default input and no problem (it said “bell is not an input”)', () => {
    const out = decodeChecked('v=1&t=dig&d=2&model=digits-quantum');
    expect(out.problems).toEqual([]);
    expect(out.state.input).toEqual({ kind: 'mnist', index: 0 });
    expect(out.state.task).toBe('digits');
  });

  it('a matrix that is not a state is named and rejected', () => {
    const id = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1].join(',');
    const zero = Array(16).fill(0).join(',');
    const trace2 = decodeChecked(`v=1&in=matrix:${id};${zero}`);
    expect(trace2.problems).toEqual([
      'input: not a density matrix: trace is not 1: 2 (tolerance 1e-6); it is in the matrix editor, where "Use the nearest state" projects it',
    ]);
    expect(trace2.rejectedMatrix!.re[3][3]).toBe(1);
    const asym = [1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].join(',');
    expect(decodeChecked(`v=1&in=matrix:${asym};${zero}`).problems[0]).toMatch(
      /^input: not a density matrix: not Hermitian: max \|ρ_ij − conj\(ρ_ji\)\| = 0\.5 \(tolerance 1e-6\)/,
    );
    expect(decodeChecked(`v=1&in=matrix:1,0;0`).problems[0]).toMatch(/^input: the real part has 2 entries, expected 16/);
  });

  it('a Hermitian, unit-trace matrix with a negative eigenvalue is refused (links had no PSD check; docs/math.md §10 has one)', () => {
    const zero = Array(16).fill(0).join(',');
    // diag(0.75, 0.5, −0.25, 0): Hermitian, trace 1; the smallest eigenvalue is −0.25.
    const neg = decodeHash(`v=1&in=matrix:${[0.75, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, -0.25, 0, 0, 0, 0, 0].join(',')};${zero}`);
    expect(neg.problems).toHaveLength(1);
    expect(neg.problems[0]).toMatch(
      /^input: not a density matrix: not positive semidefinite: smallest eigenvalue -0\.25\d* \(tolerance 1e-6\); it is in the matrix editor/,
    );
    // Non-negative diagonal, yet not PSD: |01⟩⟨10| coherence 0.5 with populations 0.5, 0, 0, 0.5 → eigenvalues ±0.5 in the middle block.
    const offDiag = [0.5, 0, 0, 0, 0, 0, 0.5, 0, 0, 0.5, 0, 0, 0, 0, 0, 0.5].join(',');
    const bad = decodeHash(`v=1&in=matrix:${offDiag};${zero}`);
    expect(bad.problems[0]).toMatch(/^input: not a density matrix: not positive semidefinite: smallest eigenvalue -0\.5/);
    expect(bad.rejectedMatrix).toBeDefined();
    // Within the tolerance: λ_min = −5e-7 is read.
    const nearly = [0.5 + 5e-7, 0, 0, 0, 0, -5e-7, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0].join(',');
    expect(decodeHash(`v=1&in=matrix:${nearly};${zero}`).problems).toEqual([]);
  });

  it('reads partners nested 4 deep and refuses 5 (the one nesting limit, files included)', () => {
    const wrap = (n: number) => `${'dephased:'.repeat(n)}bell:phi+`;
    expect(decodeHash(`v=1&in=${wrap(4)}`).problems).toEqual([]);
    expect(decodeHash(`v=1&in=${wrap(5)}`).problems).toEqual(['input: partners nested more than 4 deep']);
  });

  it('a matrix within 1e-6 of a state is read (the worker uses its nearest state); 0.998 is refused naming the tolerance', () => {
    const zero = Array(16).fill(0).join(',');
    const rounded = [0.3333333, 0, 0, 0, 0, 0.3333333, 0, 0, 0, 0, 0.3333333, 0, 0, 0, 0, 0].join(',');
    expect(decodeChecked(`v=1&in=matrix:${rounded};${zero}`).state.input).toMatchObject({
      kind: 'matrix',
      re: [
        [0.3333333, 0, 0, 0],
        [0, 0.3333333, 0, 0],
        [0, 0, 0.3333333, 0],
        [0, 0, 0, 0],
      ],
    });
    const werner = [0.333, 0, 0, 0.166, 0, 0.166, 0, 0, 0, 0, 0.166, 0, 0.166, 0, 0, 0.333].join(',');
    const w = decodeHash(`v=1&in=matrix:${werner};${zero}`);
    expect(w.problems).toEqual([
      'input: not a density matrix: trace is not 1: 0.998 (tolerance 1e-6); it is in the matrix editor, where "Use the nearest state" projects it',
    ]);
    expect(w.rejectedMatrix).toEqual({
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
    });
    expect(w.state.input).toEqual(defaultUrlState().input);
    expect(decodeHash(`v=1&in=matrix:${rounded};${zero}`).rejectedMatrix).toBeUndefined();
  });

  it('matrix entries are written exactly (the shortest decimal of the double, docs/links.md); −0 is written 0', () => {
    expect(encodeMatrixEntry(-1.8e-17)).toBe('-1.8e-17');
    expect(encodeMatrixEntry(-0)).toBe('0');
    expect(encodeMatrixEntry(1e-12)).toBe('1e-12');
    expect(encodeMatrixEntry(-3e-9)).toBe('-3e-9');
    // "Use the nearest state" leaves 0.4999999999999999: kept, not rounded to 0.5
    expect(encodeMatrixEntry(0.4999999999999999)).toBe('0.4999999999999999');
    expect(encodeMatrixEntry(0.5)).toBe('0.5');
    expect(encodeMatrixEntry(0.33349999999999996)).toBe('0.33349999999999996');
    expect(encodeMatrixEntry(-0.123456789012345)).toBe('-0.123456789012345');
    expect(encodeMatrixEntry(0.1 + 0.2)).toBe('0.30000000000000004');
    // A projected Bell state: halves on the corners, noise elsewhere; reopened bit for bit.
    const noise = [-1.8e-17, 2.7e-18, 0, -5.5e-17];
    const re = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => ((i === 0 || i === 3) && (j === 0 || j === 3) ? 0.5 : noise[(i + j) % 4])));
    const im = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 0 : noise[(i * j) % 4])));
    const text = encodeInput({ kind: 'matrix', re, im });
    expect(text.slice('matrix:'.length).split(';')[0].split(',').slice(0, 4)).toEqual(['0.5', '2.7e-18', '0', '0.5']);
    const back = decodeChecked(`v=1&in=${text}`).state.input as { re: number[][]; im: number[][] };
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        expect(Object.is(back.re[i][j], re[i][j])).toBe(true);
        expect(Object.is(back.im[i][j], im[i][j])).toBe(true);
      }
  });

  it('a hash percent-encoded once or twice too often is read as the link it encodes', () => {
    const plain = 'v=1&ga=0.54&in=werner:0.7&mv=hinton&model=my%20model';
    const expected = decodeChecked(plain);
    expect(expected.problems).toEqual([]);
    expect(expected.state.globalAlpha).toBe(0.54);
    expect(expected.state.input).toEqual({ kind: 'werner', p: 0.7 });
    expect(expected.state.model).toBe('my model');
    const once = encodeURIComponent(plain); // v%3D1%26ga%3D0.54%26in%3Dwerner%3A0.7…
    expect(once.startsWith('v%3D1%26ga%3D0.54')).toBe(true);
    const twice = encodeURIComponent(once); // v%253D1%2526…
    for (const hash of [once, `#${once}`, twice]) {
      const out = decodeChecked(hash);
      expect(out.problems, hash).toEqual([]);
      expect(out.state).toEqual(expected.state);
    }
    expect(unwrapEncodedHash(plain)).toBe(plain);
    // stray escapes in one value (a chat app encoding the commas of a matrix)
    const zero = Array(16).fill(0).join('%2C');
    expect(decodeChecked(`v=1&in=matrix:${[0.25, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 0.25].join('%2C')}%3B${zero}`).state.input).toMatchObject({
      kind: 'matrix',
    });
  });

  it('the link notice never says both "restored" and "nothing was read"', () => {
    const unread = decodeChecked('v=2&d=3').problems;
    expect(unread).toHaveLength(1);
    expect(unread[0].endsWith(NOTHING_READ)).toBe(true);
    expect(linkNoticeHeading(unread)).toBe('This link could not be read (nothing in it was used):');
    const partly = decodeChecked('v=1&d=3&mv=sphere').problems;
    expect(linkNoticeHeading(partly)).toMatch(/rest of the view was restored/);
    expect(partly.some((p) => p.includes(NOTHING_READ))).toBe(false);
  });

  it('a too short list and a wrong list entry are both reported; missing entries take defaults', () => {
    const out = decodeChecked('v=1&d=3&f=r,bogus');
    expect(out.problems).toEqual(['activation: 2 values for 3 blocks', 'activation of block 2: "bogus" is not one of r, sp, sg, e']);
    expect(out.state.blocks.map((b) => b.activation)).toEqual(['relu', 'softplus', 'softplus']);
  });
});

describe('decodeHash fuzz: never throws, always within limits', () => {
  const keys = ['v', 't', 'd', 'sa', 'ga', 'a', 'f', 'g', 's', 'rs', 'in', 'l', 'mv', 'cs', 'pal', 'p', 'hide', 'model', 'zz'];
  const nasty = fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '-1',
    '1e308',
    '1e-400',
    '1000000',
    '-0',
    '0x10',
    '',
    ' ',
    '%',
    '%E0%A4%A',
    '1,2,3',
    ',,,',
    ':',
    '&',
    '=',
    '#',
    'null',
    '__proto__',
  );
  const hugeNumber = fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(String)).map(String);

  it('random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string().map((s) => `v=1&${s}`),
        ),
        (h) => {
          decodeChecked(h);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random key=value pairs with nasty and huge values', () => {
    const pair = fc.tuple(
      fc.constantFrom(...keys),
      fc.oneof(
        nasty,
        hugeNumber,
        fc.string({ maxLength: 30 }),
        fc.array(fc.oneof(nasty, hugeNumber), { maxLength: 25 }).map((a) => a.join(',')),
      ),
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 12 }), fc.boolean(), (pairs, withVersion) => {
        const hash = [...(withVersion ? ['v=1'] : []), ...pairs.map(([k, v]) => `${k}=${v}`)].join('&');
        decodeChecked(hash);
      }),
      { numRuns: 3000 },
    );
  });

  it('truncated valid hashes', () => {
    fc.assert(
      fc.property(validState, fc.double({ min: 0, max: 1, noNaN: true }), (s, cut) => {
        const hash = encodeHash(s);
        decodeChecked(hash.slice(0, Math.floor(hash.length * cut)), s);
      }),
      { numRuns: 1500 },
    );
  });

  it('valid hashes with one field mutated keep every other field', () => {
    fc.assert(
      fc.property(validState, fc.constantFrom(...keys.filter((k) => k !== 'v')), fc.oneof(nasty, hugeNumber), (s, key, value) => {
        const hash = encodeHash(s)
          .split('&')
          .filter((p) => !p.startsWith(`${key}=`))
          .concat(`${key}=${value}`)
          .join('&');
        const out = decodeChecked(hash, s);
        if (key === 'zz') expect(out.problems).toContain('link: unknown field "zz" (ignored)');
        // Fields other than the mutated one (and those that depend on it) come through unchanged.
        if (!['t', 'in', 'd', 'sa', 'ga', 'a', 'l'].includes(key)) expect(out.state.input).toEqual(s.input);
        if (!['mv'].includes(key)) expect(out.state.view.matrixView).toBe(s.view.matrixView);
      }),
      { numRuns: 2000 },
    );
  });

  const readVersion = (v: string) => {
    const first = v.split('&')[0];
    try {
      return decodeURIComponent(first);
    } catch {
      return first;
    }
  };

  it('old and unknown versions', () => {
    fc.assert(
      // The version as the decoder reads it: up to the next '&', stray %-escapes decoded ('1&' and '%31' are version 1).
      fc.property(
        fc.oneof(fc.integer(), fc.string({ maxLength: 8 })).filter((v) => readVersion(String(v)) !== '1'),
        validState,
        (v, s) => {
          const out = decodeChecked(encodeHash(s).replace('v=1', `v=${v}`), s);
          expect(out.problems).toHaveLength(1);
          expect(out.problems[0]).toMatch(/^version: /);
          expect(out.state).toEqual(s);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('linkReadsNothing (such a page opens the first-visit view, firstVisit.ts)', () => {
  it('is true for no hash and for links that are not read at all', () => {
    for (const h of ['', '#', 'v=2', '#v=7&d=5', 'garbage%%%', '#garbage%%%', `v=1&model=${'x'.repeat(9000)}`]) expect(linkReadsNothing(h), h).toBe(true);
  });
  it('is false for any readable link, even one naming only a task or only the version', () => {
    for (const h of ['v=1', '#v=1', 'v=1&t=dig', 'v=1&d=2', 'v=1&p=saved', 'v=1&t=digits', 'v=1&zz=1']) expect(linkReadsNothing(h), h).toBe(false);
  });
});

describe('an input that could not be read is one problem', () => {
  it('t=dig&in=mnist:99999999 names the index, not "bell is not an input of the digits task"', () => {
    const { state, problems } = decodeHash('v=1&t=dig&in=mnist:99999999');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^input/);
    expect(problems[0]).not.toMatch(/bell/);
    expect(state.input.kind).toBe('mnist');
  });
  it('a readable input of the other task is still a problem', () => {
    expect(decodeHash('v=1&t=dig&in=bell:phi-').problems).toEqual(['input: bell is not an input of the digits task; using its default input']);
  });
});
