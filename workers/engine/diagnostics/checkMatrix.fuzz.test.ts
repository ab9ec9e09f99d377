/**
 * Property-based fuzzing of the hand-entered matrix check: the matrix editor
 * sends whatever the user typed to the worker's `checkMatrix(re, im)`.
 *
 * Properties, for any input (wrong shapes, NaN, ±Infinity, 1e308, subnormals, random
 * matrices, near-states, perturbed states):
 * - it never throws; it returns null or a one-line message naming the problem;
 * - when it returns null the matrix is a state within the tolerance of docs/math.md §10 — checked
 *   independently of the core's validator: Hermitian, trace 1 (both to 1e-6) and PSD to −1e-6
 *   (a complex Cholesky factorisation of ρ + 1e-6·I written here, not the core's eigensolver);
 * - a refused finite 4×4 matrix is offered its nearest state, which is a state to 1e-10;
 * - every true state (G G† / Tr, any rank) is accepted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMatrix } from '../explore/explore';

const N = 4;
let casesTried = 0;

/**
 * Is the Hermitian ρ = A + iB ≥ −δ (all eigenvalues)? Complex Cholesky of ρ + δ'I with
 * δ' = δ(1 + 1e-6): it succeeds iff ρ + δ'I is positive definite. Written here, independent of
 * the core's eigensolver (ml-matrix's EigenvalueDecomposition itself fails on such inputs:
 * entries like 1e-247 beside 0.5 make its tql2 run past the matrix).
 */
function isPsdWithin(re: number[][], im: number[][], delta: number): boolean {
  const n = re.length;
  const shift = delta * (1 + 1e-6);
  const lr = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const li = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = re[j][j] + shift;
    for (let k = 0; k < j; k++) pivot -= lr[j][k] ** 2 + li[j][k] ** 2;
    if (!(pivot > 0)) return false;
    const ljj = Math.sqrt(pivot);
    lr[j][j] = ljj;
    for (let i = j + 1; i < n; i++) {
      // L_ij = (ρ_ij − Σ_k L_ik conj(L_jk)) / L_jj
      let sr = re[i][j],
        si = im[i][j];
      for (let k = 0; k < j; k++) {
        sr -= lr[i][k] * lr[j][k] + li[i][k] * li[j][k];
        si -= li[i][k] * lr[j][k] - lr[i][k] * li[j][k];
      }
      lr[i][j] = sr / ljj;
      li[i][j] = si / ljj;
    }
  }
  return true;
}

/** Independent check that a 4×4 (re, im) pair is a density matrix within `tol`. */
function isState(re: number[][], im: number[][], tol = 1e-6): boolean {
  let tr = 0;
  for (let i = 0; i < N; i++) {
    tr += re[i][i];
    if (Math.abs(im[i][i]) > tol) return false;
    for (let j = 0; j < N; j++) {
      if (!Number.isFinite(re[i][j]) || !Number.isFinite(im[i][j])) return false;
      if (Math.hypot(re[i][j] - re[j][i], im[i][j] + im[j][i]) > tol) return false;
    }
  }
  return Math.abs(tr - 1) <= tol && isPsdWithin(re, im, tol);
}

/** ρ = G G† / Tr(G G†) for a complex N×k G (rank ≤ k). */
function stateFrom(gRe: number[][], gIm: number[][]): { re: number[][]; im: number[][] } {
  const re = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  const im = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  const k = gRe[0].length;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++)
      for (let l = 0; l < k; l++) {
        // (G G†)_ij = Σ_l G_il conj(G_jl)
        re[i][j] += gRe[i][l] * gRe[j][l] + gIm[i][l] * gIm[j][l];
        im[i][j] += gIm[i][l] * gRe[j][l] - gRe[i][l] * gIm[j][l];
      }
  let tr = 0;
  for (let i = 0; i < N; i++) tr += re[i][i];
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      re[i][j] /= tr;
      im[i][j] /= tr;
    }
  // Exact Hermitian symmetry and a real diagonal, as a careful user would type it.
  for (let i = 0; i < N; i++) {
    im[i][i] = 0;
    for (let j = 0; j < i; j++) {
      re[i][j] = re[j][i];
      im[i][j] = -im[j][i];
    }
  }
  return { re, im };
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, -0, 1e154, 0.25, 1, -1);
const entry = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: special },
);
const row = (len: fc.Arbitrary<number>) => len.chain((n) => fc.array(entry, { minLength: n, maxLength: n }));
const anyMatrix = fc.oneof(
  { weight: 5, arbitrary: fc.array(row(fc.constant(N)), { minLength: N, maxLength: N }) },
  { weight: 1, arbitrary: fc.array(row(fc.integer({ min: 0, max: 6 })), { minLength: 0, maxLength: 6 }) },
);
const gaussianish = fc.double({ min: -1, max: 1, noNaN: true });
const factor = fc
  .integer({ min: 1, max: N })
  .chain((k) =>
    fc.tuple(
      fc.array(fc.array(gaussianish, { minLength: k, maxLength: k }), { minLength: N, maxLength: N }),
      fc.array(fc.array(gaussianish, { minLength: k, maxLength: k }), { minLength: N, maxLength: N }),
    ),
  );
const nonZeroFactor = factor.filter(([re, im]) =>
  re
    .flat()
    .concat(im.flat())
    .some((v) => Math.abs(v) > 1e-3),
);

function expectWellFormedAnswer(re: number[][], im: number[][]): string | null {
  casesTried++;
  let check: ReturnType<typeof checkMatrix> = { problem: 'not run' };
  expect(() => (check = checkMatrix(re, im))).not.toThrow();
  const answer = check.problem;
  if (answer === null) {
    expect(isState(re, im), 'accepted, so it must be a state within 1e-6').toBe(true);
  } else {
    const message: string = answer;
    expect(message.length).toBeGreaterThan(0);
    expect(message).not.toContain('\n');
    expect(message).toMatch(/4×4|non-finite|Hermitian|trace|positive semidefinite|square|empty/);
    if (check.nearest) {
      expect(isState(check.nearest.re, check.nearest.im, 1e-10), 'the nearest state is a state').toBe(true);
      expect(check.nearest.traceDistance).toBeGreaterThan(0);
    }
  }
  return answer;
}

describe('checkMatrix (hand-entered matrices) under fuzzing', () => {
  it('any input: never throws; null only for true states, otherwise a one-line named problem', () => {
    fc.assert(
      fc.property(anyMatrix, anyMatrix, (re, im) => {
        expectWellFormedAnswer(re, im);
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it('every true state (any rank) is accepted', () => {
    fc.assert(
      fc.property(nonZeroFactor, ([gRe, gIm]) => {
        const { re, im } = stateFrom(gRe, gIm);
        fc.pre(isState(re, im, 1e-8)); // drops the rare numerically degenerate factor
        expect(expectWellFormedAnswer(re, im)).toBeNull();
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('a state with one entry changed: accepted exactly when it is still a state', () => {
    fc.assert(
      fc.property(nonZeroFactor, fc.nat(N * N - 1), fc.boolean(), entry, ({ 0: gRe, 1: gIm }, k, imaginary, v) => {
        const { re, im } = stateFrom(gRe, gIm);
        (imaginary ? im : re)[Math.floor(k / N)][k % N] = v;
        const answer = expectWellFormedAnswer(re, im);
        if (!isState(re, im)) expect(answer).not.toBeNull();
      }),
      { numRuns: 2500, seed: 8 },
    );
  });

  it('reports the number of cases tried', () => {
    console.log(`checkMatrix fuzz: ${casesTried} hand-entered matrices checked`);
    expect(casesTried).toBeGreaterThanOrEqual(6000);
  });
});
