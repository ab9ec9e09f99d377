/**
 * A full forward pass as the CLI and the explorer show it: per layer the quantum-path state,
 * the classical-path vector (docs/math.md §3: the classical analog run on x^(0) = diag(rho^(0))),
 * both blocks' outputs and dead flags, and the measures of §8; then the readout (§6).
 */
import { classicalAnalog, classicalForward } from './classical';
import { type CMat, realDiagonal } from '../math/complex';
import { type StateMeasures, stateMeasures } from '../measures/measures';
import type { Model } from './model';
import { quantumForward } from './qrb';
import { type ReadoutOutput, softmaxReadout } from './readout';
import { makeRng } from '../math/rng';

export interface ForwardLayer {
  /** Quantum-path state after the block (absent for a classical model). */
  rho?: CMat;
  /** Classical-path vector after the block. */
  x: Float64Array;
  /** Output q of the block (quantum block for a quantum model, classical block otherwise). */
  q: Float64Array;
  dead: boolean;
  classicalDead: boolean;
  measures?: StateMeasures;
}

export interface ForwardResult {
  layers: ForwardLayer[];
  /** Readout of the quantum path (of the classical network for a classical model). */
  output?: ReadoutOutput;
  /** Readout of the classical path of the same input. */
  classicalOutput?: ReadoutOutput;
}

export interface ForwardOptions {
  shots?: number;
  seed?: number;
  /** Skip the (eigensolver-heavy) measures. */
  measures?: boolean;
}

/**
 * Run a model on one input state. Quantum model: quantum path ρ^(k) (exact, or N_s shots per
 * unitary per block with a seeded rng) and classical path x^(k) of diag(ρ^(0)).
 * Classical model: the classical network only, on diag(ρ^(0)).
 */
export function runForward(model: Model, rho0: CMat, opts: ForwardOptions = {}): ForwardResult {
  const x0 = realDiagonal(rho0);
  const withMeasures = opts.measures ?? true;
  if (model.kind === 'classical') {
    const cl = classicalForward(model.blocks, x0);
    return {
      layers: cl.map((l) => ({ x: l.x, q: l.q, dead: l.dead, classicalDead: l.dead })),
      output: model.readout && softmaxReadout(model.readout, cl.length ? cl[cl.length - 1].x : x0),
    };
  }
  const rng = opts.shots ? makeRng(opts.seed ?? 0) : undefined;
  const qu = quantumForward(model.blocks, rho0, { shots: opts.shots, rng });
  const cl = classicalForward(classicalAnalog(model).blocks, x0);
  const layers = qu.map((l, k) => ({
    rho: l.rho,
    x: cl[k].x,
    q: l.q,
    dead: l.dead,
    classicalDead: cl[k].dead,
    measures: withMeasures ? stateMeasures(l.rho, cl[k].x) : undefined,
  }));
  const last = qu.length ? realDiagonal(qu[qu.length - 1].rho) : x0;
  const lastX = cl.length ? cl[cl.length - 1].x : x0;
  return {
    layers,
    output: model.readout && softmaxReadout(model.readout, last),
    classicalOutput: model.readout && softmaxReadout(model.readout, lastX),
  };
}
