/**
 * The default number of Trotter steps of the OpenQASM export (docs/math.md §4): one r for the
 * file, the smallest with class probabilities within 1e-3 of the model's on the stated test set.
 * Independent facts: terms that commute Trotterise exactly (r = 1 is exact); the order-2 error
 * falls like 1/r² (ε(r)/ε(2r) → 4); the chosen r meets 1e-3 and r − 1 does not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scale, identity, type CMat } from '../math/complex';
import { makeRng } from '../math/rng';
import type { QuantumModel } from '../hqrn/model';
import { randomReadout } from '../hqrn/randomModel';
import { entanglementDataset } from '../states/entanglement';
import { parseModelFile } from './files';
import { parseQasm } from './qasmParse';
import { CLASS_PROBABILITY_TARGET, classErrorEvaluator, QASM_CHECK_SEED, QASM_CHECK_STATES, QASM_UNCHECKED_STEPS, qasmWithClassCheck } from './qasmAccuracy';
import { QASM_LIMITS } from './qasmLimits';

/** i·a·I: the Halmos dilation is i·a·I⊗I + √(1−a²)·X⊗I, whose log has only the commuting terms I and X⊗I. */
function imaginaryScalar(a: number, d: number): CMat {
  const m = scale(identity(d), 0);
  for (let j = 0; j < d; j++) m.im[j * d + j] = a;
  return m;
}

const checkStates = () => entanglementDataset({ seed: QASM_CHECK_SEED, n: QASM_CHECK_STATES, adversarialShare: 0.5 }).states;
const best = (): QuantumModel => {
  const m = parseModelFile(JSON.parse(readFileSync('public/models/entanglement-quantum.json', 'utf8')));
  if (m.kind !== 'quantum') throw new Error('the bundled Best model is quantum');
  return m;
};

describe('the default number of Trotter steps', () => {
  it('commuting Pauli terms: r = 1 is exact at both orders, so the default is r = 1', () => {
    const rng = makeRng(4);
    const block = (a: number, b: number) => ({
      alpha: 0.4,
      activation: 'relu' as const,
      gain: 60,
      bias: new Float64Array([0.1, -0.2, 0.05, 0]),
      aPlus: imaginaryScalar(a, 4),
      aMinus: imaginaryScalar(b, 4),
    });
    const model: QuantumModel = { kind: 'quantum', nQubits: 2, blocks: [block(0.7, 0.3), block(0.2, 0.9)], readout: randomReadout(4, 2, rng) };
    for (const order of [1, 2] as const) {
      const out = qasmWithClassCheck(model, { order, steps: 'auto' });
      expect(out.steps).toBe(1);
      expect(out.stepsFrom).toBe('auto');
      expect(out.classCheck!.error).toBeLessThan(1e-12);
      expect(out.maxError).toBeLessThan(1e-12);
    }
  });

  it('the bundled Best model at order 2: the chosen r meets 1e-3, r − 1 does not, and ε falls like 1/r²', () => {
    const model = best();
    const eps = classErrorEvaluator(model, checkStates(), 2);
    const out = qasmWithClassCheck(model, { order: 2, steps: 'auto' });
    const r = out.steps;
    expect(out.classCheck!.error).toBe(eps(r));
    expect(eps(r)).toBeLessThanOrEqual(CLASS_PROBABILITY_TARGET);
    expect(eps(r - 1)).toBeGreaterThan(CLASS_PROBABILITY_TARGET);
    expect(r).toBeLessThan(QASM_LIMITS.maxSteps);
    // order 2: ε(r) ≈ C/r², so doubling r divides ε by ≈ 4
    expect(eps(100) / eps(200)).toBeGreaterThan(3.9);
    expect(eps(100) / eps(200)).toBeLessThan(4.1);
    // the header states the check, the automatic choice and the test set, and parses back
    expect(out.text).toContain(`// r = ${r} chosen automatically`);
    expect(out.text).toContain(`on ${QASM_CHECK_STATES} states of the seeded entanglement set (seed ${QASM_CHECK_SEED}`);
    expect(out.text).toContain(`max |ΔP| = ${eps(r).toExponential(2)}`);
    expect(out.text).not.toContain('WARNING');
    expect(parseQasm(out.text).circuits.length).toBe(2 * model.blocks.length);
  });

  it('a requested r that misses 1e-3 is warned about, naming ε and the r that reaches it', () => {
    const model = best();
    const auto = qasmWithClassCheck(model, { order: 2, steps: 'auto' });
    const four = qasmWithClassCheck(model, { order: 2, steps: 4 });
    expect(four.stepsFrom).toBe('requested');
    expect(four.steps).toBe(4);
    expect(four.classCheck!.error).toBeGreaterThan(CLASS_PROBABILITY_TARGET);
    expect(four.classCheck!.recommended.steps).toBe(auto.steps);
    const warning = four.classCheck!.warning!;
    expect(warning).toContain(`up to ${four.classCheck!.error.toExponential(1)}`);
    expect(warning).toContain(`r = ${auto.steps} reaches it`);
    expect(four.text).toContain(`// WARNING: ${warning}`);
  });

  it('an export that cannot be checked (one block of several) says so and uses the fixed default', () => {
    const model = best();
    const out = qasmWithClassCheck(model, { order: 2, steps: 'auto', blocks: [0] });
    expect(out.classCheck).toBeUndefined();
    expect(out.stepsFrom).toBe('fixed');
    expect(out.steps).toBe(QASM_UNCHECKED_STEPS);
    expect(out.text).toMatch(/Class probabilities NOT checked \(a part of the stack\)/);
  });
});
