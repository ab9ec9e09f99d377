/**
 * Property tests of the QASM writer and reader (fast-check):
 * - any sequence of Pauli rotations on 1–4 qubits, written as standard gates by the writer and
 *   simulated gate by gate by the reader, is the core's product of exp(−iθP) (trotter.ts's
 *   gateSequenceUnitary, which uses no gates at all) to 1e-12, global phase included;
 * - the reader on arbitrary text either parses or throws a QasmParseError naming a line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff } from '../math/complex';
import { pauliRotationLines } from './qasm';
import { parseQasm, QasmParseError } from './qasmParse';
import { qasmUnitary } from './qasmSimulate';
import { gateSequenceUnitary, type PauliRotation } from '../hqrn/trotter';

const rotation = (m: number) =>
  fc.record({
    label: fc.array(fc.constantFrom('I', 'X', 'Y', 'Z'), { minLength: m, maxLength: m }).map((a) => a.join('')),
    angle: fc.double({ min: -4, max: 4, noNaN: true }),
  });

const sequence = fc.integer({ min: 1, max: 4 }).chain((m) => fc.tuple(fc.constant(m), fc.array(rotation(m), { minLength: 0, maxLength: 12 })));

function program(m: number, gates: PauliRotation[]): string {
  const names = Array.from({ length: m }, (_, k) => `w${k}`);
  const body = gates.flatMap((g) => pauliRotationLines(g, (k) => names[k]));
  return [
    'OPENQASM 3.0;',
    'include "stdgates.inc";',
    `gate seq ${names.join(', ')} {`,
    ...body,
    '}',
    `qubit[${m}] q;`,
    `seq ${names.map((_, k) => `q[${k}]`).join(', ')};`,
  ].join('\n');
}

describe('QASM writer/reader properties', () => {
  it('written rotations simulate to the core product of Pauli exponentials (500 random sequences)', () => {
    fc.assert(
      fc.property(sequence, ([m, gates]) => {
        const text = program(m, gates);
        const parsed = parseQasm(text);
        const u = parsed.circuits.length ? qasmUnitary(parsed) : gateSequenceUnitary([], m);
        expect(maxAbsDiff(u, gateSequenceUnitary(gates, m))).toBeLessThan(1e-12);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('arbitrary text parses or fails with a QasmParseError (2000 random programs)', () => {
    const piece = fc.constantFrom(
      'OPENQASM',
      '3.0',
      'include',
      '"stdgates.inc"',
      'qubit',
      'bit',
      '[',
      ']',
      '2',
      'q',
      'c',
      ';',
      ',',
      'gate',
      'g',
      'a',
      '{',
      '}',
      'h',
      'cx',
      'rz',
      '(',
      ')',
      'pi',
      '-',
      '/',
      'for',
      'uint',
      'i',
      'in',
      ':',
      'reset',
      'measure',
      '=',
      '->',
      '//x\n',
      '/*',
      '*/',
      '\n',
      ' ',
      '#',
      '1e9',
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 40 }).map((a) => a.join(' ')),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseQasm(t);
        } catch (e) {
          expect(e).toBeInstanceOf(QasmParseError);
          expect((e as Error).message).toMatch(/^QASM line \d+: /);
        }
      }),
      { numRuns: 2000, seed: 6 },
    );
  });
});
