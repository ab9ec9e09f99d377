/**
 * Exact links (docs/links.md): a matrix input is written with the shortest decimal of each double,
 * so encode → decode gives bit-identical entries (Object.is per entry; −0 is written and read as 0),
 * and the longest link the app writes stays within URL_LIMITS.maxHashLength.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPLORER_LIMITS } from '../../protocol/explorer';
import { HIDEABLE_CONTROLS } from '../explorer/store';
import { decodeHash, defaultUrlState, encodeHash, URL_LIMITS, type UrlState } from './urlState';

type M = { re: number[][]; im: number[][] };
const withMatrix = (m: M): UrlState => ({ ...defaultUrlState(), input: { kind: 'matrix', re: m.re, im: m.im } });
/** The matrix a link reads back: the input when it is a state, else the one offered to the editor. */
function reopened(hash: string): M | undefined {
  const d = decodeHash(hash);
  return d.state.input.kind === 'matrix' ? d.state.input : d.rejectedMatrix;
}
function expectBitIdentical(back: M | undefined, m: M) {
  expect(back).toBeDefined();
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      const ok = Object.is(back!.re[i][j], m.re[i][j] + 0) && Object.is(back!.im[i][j], m.im[i][j] + 0);
      if (!ok) expect([back!.re[i][j], back!.im[i][j]], `entry (${i + 1},${j + 1})`).toEqual([m.re[i][j], m.im[i][j]]);
    }
}

const entry = fc.double({ min: -1, max: 1, noNaN: true });
const grid = (a: fc.Arbitrary<number>) => fc.array(fc.array(a, { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 });

/** ρ = G G† / Tr(G G†) for a complex 4×k G (k = 1…4: rank k), a density matrix (docs/math.md §1). */
function densityMatrix(gr: number[][], gi: number[][], k: number): M | null {
  const re = [0, 1, 2, 3].map(() => [0, 0, 0, 0]),
    im = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      for (let c = 0; c < k; c++) {
        re[i][j] += gr[i][c] * gr[j][c] + gi[i][c] * gi[j][c];
        im[i][j] += gi[i][c] * gr[j][c] - gr[i][c] * gi[j][c];
      }
  const t = re[0][0] + re[1][1] + re[2][2] + re[3][3];
  if (!(t > 1e-6)) return null;
  return { re: re.map((r) => r.map((v) => v / t)), im: im.map((r) => r.map((v) => v / t)) };
}

describe('exact links: encode → decode is bit-identical', () => {
  it('random complex entries in [−1, 1] (10⁴ matrices, any double: subnormals, −0, 17 digits)', () => {
    fc.assert(
      fc.property(grid(entry), grid(entry), (re, im) => {
        expectBitIdentical(reopened(encodeHash(withMatrix({ re, im }))), { re, im });
      }),
      { numRuns: 10_000, seed: 4 },
    );
  });

  it('random density matrices ρ = GG†/Tr (10⁴, ranks 1–4): read as states, bit for bit', () => {
    fc.assert(
      fc.property(grid(entry), grid(entry), fc.integer({ min: 1, max: 4 }), (gr, gi, k) => {
        const rho = densityMatrix(gr, gi, k);
        fc.pre(rho !== null);
        const d = decodeHash(encodeHash(withMatrix(rho!)));
        expect(d.problems).toEqual([]);
        expect(d.state.input.kind).toBe('matrix');
        expectBitIdentical(d.state.input as M, rho!);
      }),
      { numRuns: 10_000, seed: 44 },
    );
  });
});

/** The longest link the app writes: every field away from its default at full precision. */
function longestState(input: UrlState['input'], task: UrlState['task'], modelName: string): UrlState {
  const n = EXPLORER_LIMITS.maxDepth;
  const digits = (k: number) => 0.1234567890123456 + k * 1e-3; // 16–17 significant digits each
  return {
    ...defaultUrlState(),
    task,
    input,
    blocks: Array.from({ length: n }, (_, k) => ({ alpha: digits(k), activation: 'sigmoid', gain: 12.345678901234567 + k, seed: URL_LIMITS.maxSeed - k })),
    readoutSeed: URL_LIMITS.maxSeed,
    sameAlpha: false,
    globalAlpha: 0.3333333333333333,
    selectedLayer: n,
    view: { matrixView: 'hinton', colourScale: 'per-layer', palette: 'colour-blind' },
    panel: 'classroom',
    hidden: [...HIDEABLE_CONTROLS],
    model: modelName,
  };
}

describe('the longest link fits', () => {
  it('a 4×4 matrix of 17-digit entries with every other field at its longest, and a drawn digit with no blank pixel', () => {
    const rho = densityMatrix(
      [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => Math.sin(1 + i * 4 + j) / 3)),
      [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => -Math.cos(2 + i * 4 + j) / 7e5)),
      4,
    )!;
    const name = 'm'.repeat(URL_LIMITS.maxModelNameLength);
    const matrixHash = encodeHash(longestState({ kind: 'matrix', ...rho }, 'entanglement', name));
    const drawnHash = encodeHash(longestState({ kind: 'drawn', pixels: Array.from({ length: 784 }, (_, k) => ((k % 254) + 1) / 255) }, 'digits', name));
    for (const hash of [matrixHash, drawnHash]) {
      expect(hash.length).toBeLessThanOrEqual(URL_LIMITS.maxHashLength);
      const back = decodeHash(hash);
      expect(back.problems).toEqual([]);
      expect(encodeHash(back.state)).toBe(hash);
    }
    expectBitIdentical(decodeHash(matrixHash).state.input as M, rho);
    // docs/links.md quotes these: the matrix part alone is at most 32 × 24 characters
    const matrixPart = /in=matrix:([^&]*)/.exec(matrixHash)![1];
    expect(matrixPart.length).toBeLessThanOrEqual(32 * 24);
    expect(drawnHash.length).toBeGreaterThan(matrixHash.length);
  });
});
