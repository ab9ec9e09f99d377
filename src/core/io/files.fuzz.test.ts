/**
 * Property-based fuzzing of the file loaders (bad input gets a clear message; docs/reliability.md).
 * Property: for any mutation of a valid file, parsing either succeeds with a valid result or
 * throws a FileFormatError whose message is one line `field: problem` — never another error,
 * never a silent NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realDiagonal, trace } from '../math/complex';
import { FileFormatError, modelToJson, parseModelFile, parseStateFile, stateToJson } from './files';
import { randomQuantumModel } from '../hqrn/randomModel';
import { makeRng } from '../math/rng';
import { randomDensityMatrix } from '../math/testing';

const rng = makeRng(404);
const validModel = JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(1, 2, rng, { classes: 2 }))));
const validState = JSON.parse(JSON.stringify(stateToJson(randomDensityMatrix(2, rng))));

/** Every path to a leaf of a JSON value. */
function leafPaths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, [...prefix, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...prefix, k]));
  return [prefix];
}

function setPath(root: any, path: (string | number)[], value: unknown): any {
  const copy = structuredClone(root);
  let o = copy;
  for (const p of path.slice(0, -1)) o = o[p];
  if (value === DELETE) {
    if (Array.isArray(o)) o.splice(path.at(-1) as number, 1);
    else delete o[path.at(-1)!];
  } else o[path.at(-1)!] = value;
  return copy;
}
const DELETE = Symbol('delete');

const weird = fc.oneof(
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, 2, 1e308, -1e-300, 0, null, '', 'relu', 'NaN', [], {}, true, DELETE, 1e6, [[1]]),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);

function expectCleanOutcome(parse: () => unknown): void {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError);
    const msg = (e as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/^[^:]+: \S/);
  }
}

describe('fuzzing the hqrn-model loader', () => {
  const paths = leafPaths(validModel);
  it('any single-leaf mutation (2000 cases) parses to a valid model or fails with a named field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), weird, (k, value) => {
        const mutated = setPath(validModel, paths[k], value);
        expectCleanOutcome(() => {
          const m = parseModelFile(mutated);
          for (const b of m.blocks) {
            expect(b.alpha).toBeGreaterThanOrEqual(0);
            expect(b.alpha).toBeLessThanOrEqual(1);
            expect(Array.from(b.bias).every(Number.isFinite)).toBe(true);
          }
        });
      }),
      { numRuns: 2000, seed: 1 },
    );
  });

  it('random JSON values (1000 cases) never crash the loader', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => expectCleanOutcome(() => parseModelFile(v))),
      { numRuns: 1000, seed: 2 },
    );
  });
});

describe('fuzzing the hqrn-state loader', () => {
  const paths = leafPaths(validState);
  it('any single-entry mutation (2000 cases) gives a valid state or a named error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), weird, (k, value) => {
        const mutated = setPath(validState, paths[k], value);
        expectCleanOutcome(() => {
          const [rho] = parseStateFile(mutated);
          expect(Math.abs(trace(rho)[0] - 1)).toBeLessThanOrEqual(1e-8);
          expect(Math.min(...realDiagonal(rho))).toBeGreaterThanOrEqual(-1e-8);
        });
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('random JSON values (1000 cases) never crash the loader', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => expectCleanOutcome(() => parseStateFile(v))),
      { numRuns: 1000, seed: 4 },
    );
  });
});
