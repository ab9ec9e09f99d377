/**
 * The engine (float32 tensors, current tfjs backend) against the float64 core (docs/math.md §9:
 * ≤ 1e-4 absolute). Random quantum models (every activation, random α, gain, bias, readout)
 * on 2 and 6 qubits, on full random mixed states and on diagonal inputs (both the diagonal
 * fast path and the full packed path), plus the classical analog as a classical model. The
 * error is the max |engine − core| over every state entry (re and im), x entry, q entry and
 * readout probability (quantum and classical path), over every layer.
 */
import * as tf from '@tensorflow/tfjs-core';
import { classicalAnalog } from '../../../src/core/hqrn/classical';
import { type CMat, diagonalMatrix } from '../../../src/core/math/complex';
import { modelToJson } from '../../../src/core/io/files';
import { runForward } from '../../../src/core/hqrn/forward';
import type { Model } from '../../../src/core/hqrn/model';
import { randomQuantumModel } from '../../../src/core/hqrn/randomModel';
import { makeRng, type Rng } from '../../../src/core/math/rng';
import { randomDensityMatrix, randomProbabilityVector } from '../../../src/core/math/testing';
import type { BackendName, ForwardResponse, StateBatch } from '../../../src/protocol/messages';
import type { Engine } from '../forward/engine';

export interface CrossCheckCase {
  name: string;
  maxAbsError: number;
  /** Number of compared entries. */
  entries: number;
  /** Engine forward time (ms) and the float64 core's time on the same states. */
  engineMs: number;
  coreMs: number;
}

export interface CrossCheckResult {
  backend: BackendName;
  cases: CrossCheckCase[];
  maxAbsError: number;
  ms: number;
}

/** n states as one row-major StateBatch (re/im, n×d×d). */
export function toBatch(states: CMat[]): StateBatch {
  const d = states[0].rows;
  const re = new Float64Array(states.length * d * d),
    im = new Float64Array(states.length * d * d);
  states.forEach((s, k) => {
    re.set(s.re, k * d * d);
    im.set(s.im, k * d * d);
  });
  return { n: states.length, d, re, im };
}

/** max |engine − core| over every reported number of a forward response. */
export function compareWithCore(model: Model, states: CMat[], res: ForwardResponse): { maxAbsError: number; entries: number; coreMs: number } {
  const t0 = performance.now();
  const refs = states.map((rho0) => runForward(model, rho0, { measures: false }));
  const coreMs = performance.now() - t0;
  const d = states[0].rows,
    D = d * d;
  let err = 0,
    entries = 0;
  const upd = (a: number, b: number) => {
    const e = Math.abs(a - b);
    // NaN anywhere is an infinite error
    err = Number.isNaN(e) ? Infinity : Math.max(err, e);
    entries++;
  };
  if (res.layers.length !== model.blocks.length) throw new Error(`engine returned ${res.layers.length} layers for ${model.blocks.length} blocks`);
  states.forEach((_, s) => {
    const ref = refs[s];
    ref.layers.forEach((l, k) => {
      const e = res.layers[k];
      if (l.rho)
        for (let i = 0; i < D; i++) {
          // The fast path returns no ρ: it is diag(x), which is what the core must match.
          const onDiag = i % (d + 1) === 0;
          upd(e.rho ? e.rho.re[s * D + i] : onDiag ? e.x[s * d + i / (d + 1)] : 0, l.rho.re[i]);
          upd(e.rho ? e.rho.im[s * D + i] : 0, l.rho.im[i]);
        }
      for (let j = 0; j < d; j++) {
        upd(e.x[s * d + j], l.x[j]);
        upd(e.q[s * d + j], l.q[j]);
      }
      if (e.dead[s] !== (l.dead ? 1 : 0) || e.classicalDead[s] !== (l.classicalDead ? 1 : 0)) err = Infinity;
    });
    for (const [mine, theirs] of [
      [res.output, ref.output],
      [res.classicalOutput, ref.classicalOutput],
    ] as const) {
      if (!theirs) continue;
      if (!mine) throw new Error('engine returned no readout for a model with one');
      const C = theirs.probabilities.length;
      for (let c = 0; c < C; c++) upd(mine.probabilities[s * C + c], theirs.probabilities[c]);
    }
  });
  return { maxAbsError: err, entries, coreMs };
}

function mixedStates(d: number, n: number, rng: Rng): CMat[] {
  return Array.from({ length: n }, () => randomDensityMatrix(d, rng));
}

function diagonalStates(d: number, n: number, rng: Rng): CMat[] {
  return Array.from({ length: n }, () => diagonalMatrix(randomProbabilityVector(d, rng)));
}

/** Run every case through `engine` on the current backend (`qubits`: a subset of [2, 6]). */
export async function crossCheck(engine: Engine, seed = 1, opts: { qubits?: readonly number[] } = {}): Promise<CrossCheckResult> {
  const t0 = performance.now();
  const rng = makeRng(seed);
  const cases: CrossCheckCase[] = [];
  const run = async (name: string, model: Model, states: CMat[], diagonalFastPath?: boolean) => {
    const t0 = performance.now();
    const res = await engine.forward({ model: modelToJson(model), states: toBatch(states), measures: 'none', diagonalFastPath });
    const engineMs = performance.now() - t0;
    cases.push({ name, engineMs, ...compareWithCore(model, states, res) });
  };
  for (const nQubits of opts.qubits ?? [2, 6]) {
    const d = 1 << nQubits;
    const depth = nQubits === 2 ? 5 : 3;
    const n = nQubits === 2 ? 32 : 6;
    const classes = nQubits === 2 ? 2 : 10;
    const model = randomQuantumModel(nQubits, depth, rng, { classes });
    const acts = model.blocks.map((b) => b.activation).join(',');
    await run(`${nQubits} qubits, full mixed states (${acts})`, model, mixedStates(d, n, rng));
    const diag = diagonalStates(d, n, rng);
    await run(`${nQubits} qubits, diagonal, fast path`, model, diag);
    await run(`${nQubits} qubits, diagonal, full path`, model, diag, false);
    await run(`${nQubits} qubits, classical model`, classicalAnalog(model), diagonalStates(d, n, rng));
  }
  // Its random models are never used again: drop their compiled weights (nothing stays behind).
  engine.releaseCompiled();
  const maxAbsError = cases.reduce((m, c) => Math.max(m, c.maxAbsError), 0);
  return { backend: tf.getBackend() as BackendName, cases, maxAbsError, ms: performance.now() - t0 };
}
