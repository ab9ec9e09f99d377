/**
 * The explorer's single-state fast path, float64 core in the worker. One state through ≤ 20
 * blocks is tiny (a 4×4 state: ~10⁴ flops); tfjs's per-op dispatch costs more than the
 * computation (measured: depth 20, d = 4: ~20 ms on tfjs wasm, ~3 ms here with every measure).
 * - two qubits (any state): src/core/hqrn/forward.ts runForward — quantum path, classical path and
 *   both readouts, exactly as the CLI computes them; the §8 measures by fastMeasures.ts (the
 *   same quantities with Jacobi eigensolvers: ~0.3 ms instead of ~7 ms at depth 20);
 * - a diagonal input (digits): by the correspondence theorem (docs/math.md §3) the quantum path is
 *   the classical network's, ρ^(k) = diag(x^(k)); measures of a diagonal state in closed form.
 * Anything else (a large non-diagonal state) returns null: the tfjs engine answers it.
 */
import { classicalAnalogBlock, classicalForward } from '../../../src/core/hqrn/classical';
import type { ClassicalBlock } from '../../../src/core/hqrn/model';
import { type CMat, realDiagonal } from '../../../src/core/math/complex';
import { runForward } from '../../../src/core/hqrn/forward';
import { softmaxReadout } from '../../../src/core/hqrn/readout';
import type { QuantumModel } from '../../../src/core/hqrn/model';
import { fastStateMeasures } from './fastMeasures';
import { diagonalMeasures } from '../../../src/core/measures/spectral';
import { planSingle } from '../forward/plan';
import { EXPLORER_LIMITS, type ExploreLayer } from '../../../src/protocol/explorer';

export interface FastAnswer {
  layers: ExploreLayer[];
  output: { probabilities: Float32Array; predicted: number };
  classicalOutput: { probabilities: Float32Array; predicted: number };
  divergenceLayer: number | null;
}

/** The label the status line shows for this path. */
export const FAST_PATH_NAME = 'float64 core';

const wire = (o: { probabilities: ArrayLike<number>; predicted: number }) => ({ probabilities: Float32Array.from(o.probabilities), predicted: o.predicted });

/** Layers 1..K and the readouts of one input, or null when the tfjs engine should answer (forward/plan.ts planSingle). */
export function exploreFast(model: QuantumModel, rho0: CMat): FastAnswer | null {
  const path = planSingle(rho0);
  if (path === 'core-two-qubit') return twoQubits(model, rho0);
  if (path === 'core-diagonal') return diagonal(model, rho0);
  return null;
}

function twoQubits(model: QuantumModel, rho0: CMat): FastAnswer {
  const d = rho0.rows;
  // The measures with Jacobi eigensolvers (fastMeasures.ts): 20× faster than measures.ts's.
  const r = runForward(model, rho0, { measures: false });
  let divergenceLayer: number | null = null;
  const layers = r.layers.map((l, k): ExploreLayer => {
    const rho = l.rho!;
    const m = fastStateMeasures(rho, l.x);
    if (divergenceLayer === null)
      for (let i = 0; i < d; i++)
        if (Math.abs(rho.re[i * d + i] - l.x[i]) > EXPLORER_LIMITS.divergenceTolerance) {
          divergenceLayer = k + 1;
          break;
        }
    return {
      rho: { re: Float32Array.from(rho.re), im: Float32Array.from(rho.im) },
      x: Float32Array.from(l.x),
      q: Float32Array.from(l.q),
      dead: l.dead,
      classicalDead: l.classicalDead,
      measures: {
        trace: m.trace,
        purity: m.purity,
        entropy: m.entropy,
        coherence: m.coherence,
        traceDistanceToClassical: m.traceDistanceToClassical,
        concurrence: m.concurrence,
        negativity: m.negativity,
        ppt: m.ppt,
      },
    };
  });
  return { layers, output: wire(r.output!), classicalOutput: wire(r.classicalOutput!), divergenceLayer };
}

/**
 * W_c of a block, kept per weights object: the stack is rebuilt for every request but its
 * blocks share the cached seeded (or memoised trained) A± arrays, so an α drag on a 64×64
 * digits stack does not recompute ten 64×64 analogs per edit.
 */
const analogCache = new WeakMap<object, { aMinus: object; gain: number; w: Float64Array }>();
function analogBlocks(model: QuantumModel): ClassicalBlock[] {
  return model.blocks.map((b) => {
    const hit = analogCache.get(b.aPlus);
    if (hit && hit.aMinus === b.aMinus && hit.gain === b.gain) return { alpha: b.alpha, activation: b.activation, bias: b.bias, w: hit.w };
    const a = classicalAnalogBlock(b);
    analogCache.set(b.aPlus, { aMinus: b.aMinus, gain: b.gain, w: a.w });
    return a;
  });
}

function diagonal(model: QuantumModel, rho0: CMat): FastAnswer {
  const d = rho0.rows;
  const x0 = realDiagonal(rho0);
  const cl = classicalForward(analogBlocks(model), x0);
  const layers = cl.map((l): ExploreLayer => {
    const re = new Float32Array(d * d);
    for (let i = 0; i < d; i++) re[i * d + i] = l.x[i];
    return {
      rho: { re, im: new Float32Array(d * d) },
      x: Float32Array.from(l.x),
      q: Float32Array.from(l.q),
      dead: l.dead,
      classicalDead: l.dead,
      measures: { ...diagonalMeasures(l.x, d), coherence: 0, traceDistanceToClassical: 0 },
    };
  });
  const last = cl.length ? cl[cl.length - 1].x : x0;
  const out = wire(softmaxReadout(model.readout!, last));
  return { layers, output: out, classicalOutput: { probabilities: out.probabilities.slice(), predicted: out.predicted }, divergenceLayer: null };
}
