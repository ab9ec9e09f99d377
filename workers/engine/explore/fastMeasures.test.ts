import { describe, expect, it } from 'vitest';
import { realDiagonal } from '../../../src/core/math/complex';
import { stateMeasures } from '../../../src/core/measures/measures';
import { makeRng } from '../../../src/core/math/rng';
import { bellState, dephasedPartner, productState, randomMixedState, randomPureState, werner } from '../../../src/core/states/states';
import { runForward } from '../../../src/core/hqrn/forward';
import { modelFromStack } from './explore';
import { EXPLORER_LIMITS, type StackSpec } from '../../../src/protocol/explorer';
import { fastStateMeasures } from './fastMeasures';

/** The explorer's default stack (src/app/explorer/store defaultStack: softplus, default α and gain, seeds 1000 + k, readout seed 7). */
function defaultStack(task: StackSpec['task'], depth: number): StackSpec {
  const blocks = Array.from({ length: depth }, (_, k) => ({
    id: `b${k}`,
    alpha: EXPLORER_LIMITS.defaultAlpha,
    activation: 'softplus' as const,
    gain: EXPLORER_LIMITS.defaultGain,
    seed: 1000 + k,
  }));
  return { task, blocks, readoutSeed: 7 };
}

function close(a: ReturnType<typeof stateMeasures>, b: ReturnType<typeof stateMeasures>, tol = 1e-10) {
  for (const k of ['trace', 'purity', 'entropy', 'coherence', 'traceDistanceToClassical', 'concurrence', 'negativity'] as const) {
    expect(Math.abs((a[k] as number) - (b[k] as number)), k).toBeLessThan(tol);
  }
  expect(a.ppt).toBe(b.ppt);
}

describe('fastStateMeasures (Jacobi) agrees with stateMeasures (ml-matrix)', () => {
  it('on named and random two-qubit states', () => {
    const rng = makeRng(42);
    const states = [bellState('phi+'), bellState('psi-'), dephasedPartner(bellState('phi+')), werner(0.2), werner(0.7), werner(1 / 3), productState(rng)];
    for (let k = 0; k < 60; k++) states.push(k % 2 ? randomPureState(2, rng) : randomMixedState(2, rng));
    for (const rho of states) {
      const x = realDiagonal(rho).map((v, i) => (i === 0 ? v + 0.05 : v));
      close(fastStateMeasures(rho, x), stateMeasures(rho, x));
    }
  });

  it('on every layer of a depth-20 stack', () => {
    const model = modelFromStack(defaultStack('entanglement', 20));
    for (const rho0 of [bellState('phi+'), werner(0.6), randomMixedState(2, makeRng(3))]) {
      const r = runForward(model, rho0, { measures: true });
      for (const l of r.layers) close(fastStateMeasures(l.rho!, l.x), l.measures!);
    }
  });
});

describe('explore: layer 0 of a digits input', () => {
  it('has the measures stateMeasures gives diag(x)', async () => {
    const { explore } = await import('./explore');
    const { stateMeasures } = await import('../../../src/core/measures/measures');
    const { diagonalMatrix } = await import('../../../src/core/math/complex');
    const pixels = Array.from({ length: 28 * 28 }, (_, i) => ((i * 7919) % 97) / 96);
    const stack = defaultStack('digits', 2);
    const r = await explore({ requestId: 1, stack, input: { kind: 'drawn', pixels } } as never, {
      engine: { parseModel: (j: unknown) => j } as never,
      loadDigits: async () => {
        throw new Error('unused');
      },
    });
    const x = Float64Array.from(r.pooled!);
    const want = stateMeasures(diagonalMatrix(x), x);
    const got = r.layers[0].measures;
    for (const k of ['trace', 'purity', 'entropy', 'coherence', 'traceDistanceToClassical'] as const)
      expect(Math.abs(got[k]! - want[k]!), k).toBeLessThan(1e-6);
  });
});
