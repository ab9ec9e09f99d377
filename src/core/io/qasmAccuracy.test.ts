/**
 * The circuits' class probabilities against the model's: A_r± read from the INDEPENDENT
 * simulator's unitary of the exported program (qasmSimulate.ts) equal circuitBlock's; the
 * chosen default r meets ε ≤ 1e-3 and r − 1 does not; with large gains a small unitary error
 * gives a large ε (the reason ε is measured, not bounded from ‖U_r − U‖₂).
 */
import { describe, expect, it } from 'vitest';
import { block as subBlock, maxAbsDiff } from '../math/complex';
import { makeRng } from '../math/rng';
import type { QuantumModel } from '../hqrn/model';
import { randomQuantumBlock, randomReadout } from '../hqrn/randomModel';
import { randomMixedState } from '../states/states';
import { chooseSteps, circuitBlock, classProbabilityError, stepsWarning } from './qasmAccuracy';
import { stackToQasm } from './qasm';
import { parseQasm } from './qasmParse';
import { qasmUnitary } from './qasmSimulate';

function model(seed: number, gain: number, depth = 2): QuantumModel {
  const rng = makeRng(seed);
  const blocks = Array.from({ length: depth }, () => ({ ...randomQuantumBlock(4, rng), gain }));
  return { kind: 'quantum', nQubits: 2, blocks, readout: randomReadout(4, 2, rng) };
}
const states = (seed: number, n: number) => {
  const rng = makeRng(seed);
  return Array.from({ length: n }, () => randomMixedState(2, rng));
};

describe('class probabilities of the OpenQASM circuits', () => {
  it('A_r± = the top-left block of the independently simulated circuit', () => {
    const m = model(3, 4, 1);
    for (const steps of [1, 5]) {
      const program = parseQasm(stackToQasm(m, { order: 2, steps }).text);
      const cb = circuitBlock(m.blocks[0], 2, steps);
      expect(maxAbsDiff(subBlock(qasmUnitary(program, 0), 0, 0, 4, 4), cb.aPlus)).toBeLessThan(1e-12);
      expect(maxAbsDiff(subBlock(qasmUnitary(program, 1), 0, 0, 4, 4), cb.aMinus)).toBeLessThan(1e-12);
    }
  });

  it('ε(r) falls to 0 with r; the default r is the smallest with ε ≤ 1e-3', () => {
    const m = model(5, 20);
    const rhos = states(9, 20);
    const e1 = classProbabilityError(m, rhos, 2, 1);
    expect(e1).toBeGreaterThan(1e-3);
    expect(classProbabilityError(m, rhos, 2, 400)).toBeLessThan(1e-5);
    const c = chooseSteps(m, rhos, 2);
    expect(c.reached).toBe(true);
    expect(c.error).toBeLessThanOrEqual(1e-3);
    expect(classProbabilityError(m, rhos, 2, c.steps)).toBe(c.error);
    expect(classProbabilityError(m, rhos, 2, c.steps - 1)).toBeGreaterThan(1e-3);
    expect(stepsWarning(c.steps, c.error)).toBeNull();
    expect(stepsWarning(1, e1)).toMatch(/r = 1 Trotter steps.*Use more steps/);
  });

  it('large gains amplify the unitary error: same blocks, gain 128 vs gain 1', () => {
    const rhos = states(11, 20);
    const small = classProbabilityError(model(7, 1), rhos, 1, 4);
    const large = classProbabilityError(model(7, 128), rhos, 1, 4);
    expect(large).toBeGreaterThan(5 * small);
  });

  it('a target no r up to the cap reaches is reported, not hidden', () => {
    const c = chooseSteps(model(5, 20), states(9, 5), 1, 1e-12, 4);
    expect(c).toMatchObject({ steps: 4, reached: false });
    expect(c.error).toBeGreaterThan(1e-12);
  });
});
