import { describe, expect, it } from 'vitest';
import type { BellKind } from '../core/states/states';
import { inputSpecSchema, type InputSpec } from './inputSchema';
import { BELL_KINDS, INPUT_KINDS, LIMITS } from './inputs';

/** The wire shape the worker reads, as it was written by hand before the schema. */
type WireInputSpec =
  | { kind: 'bell'; which: BellKind }
  | { kind: 'werner'; p: number }
  | { kind: 'random-pure'; seed: number }
  | { kind: 'random-mixed'; seed: number }
  | { kind: 'product'; seed: number }
  | { kind: 'matrix'; re: number[][]; im: number[][] }
  | { kind: 'dephased'; of: WireInputSpec }
  | { kind: 'marginal'; of: WireInputSpec }
  | { kind: 'drawn'; pixels: number[] }
  | { kind: 'mnist'; index: number }
  | { kind: 'dataset'; index: number };

// Both directions: the inferred type is the wire shape (a compile error otherwise).
const toWire = (x: InputSpec): WireInputSpec => x;
const fromWire = (x: WireInputSpec): InputSpec => x;

describe('the input vocabulary', () => {
  it('infers the wire shape of InputSpec and round-trips a nested recipe unchanged', () => {
    const spec: WireInputSpec = { kind: 'dephased', of: { kind: 'marginal', of: { kind: 'bell', which: 'psi-' } } };
    expect(toWire(fromWire(spec))).toBe(spec);
    expect(inputSpecSchema.parse(spec)).toEqual(spec);
  });

  it('lists every kind of the schema and the four Bell states', () => {
    expect(new Set(inputSpecSchema.options.map((o) => o.shape.kind.value))).toEqual(new Set(INPUT_KINDS));
    expect(BELL_KINDS).toEqual(['phi+', 'phi-', 'psi+', 'psi-']);
  });

  it('gives every limit a value and a reason', () => {
    for (const [name, l] of Object.entries(LIMITS)) {
      expect(Number.isFinite(l.value), name).toBe(true);
      expect(l.reason.length, name).toBeGreaterThan(20);
    }
  });

  it('uses the docs/math.md §10 tolerance 1e-6', () => {
    expect(LIMITS.stateTolerance.value).toBe(1e-6);
  });

  it('refuses seeds above 2³¹−1 (the files once took up to 2⁵³) and MNIST indices above 9999', () => {
    expect(inputSpecSchema.safeParse({ kind: 'product', seed: 2 ** 31 - 1 }).success).toBe(true);
    expect(inputSpecSchema.safeParse({ kind: 'product', seed: 2 ** 31 }).success).toBe(false);
    expect(inputSpecSchema.safeParse({ kind: 'mnist', index: 9999 }).success).toBe(true);
    expect(inputSpecSchema.safeParse({ kind: 'mnist', index: 10000 }).success).toBe(false);
  });
});
