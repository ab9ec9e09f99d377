/**
 * Finite-shot evaluation of a trained quantum model (docs/math.md §5): each block's p± are
 * estimated from N_s shots per unitary (src/core/hqrn/shots.ts, multinomial sampling of the
 * ancilla outcomes), on the float64 core. The studio's "Shots" setting measures the final test
 * accuracy this way, beside the exact one; the optimiser's steps use exact probabilities.
 */
import type { QuantumModel } from '../../../src/core/hqrn/model';
import { packState, quantumForward, unpackState } from '../../../src/core/hqrn/qrb';
import { softmaxReadout } from '../../../src/core/hqrn/readout';
import { makeRng } from '../../../src/core/math/rng';
import type { Split } from './data';

/**
 * Predictions of a quantum model on the packed states of `split` (d×d each) with `shots` shots
 * per unitary per block (0 = exact) and depolarising noise λ = `noise`; the sampling is seeded
 * by `seed` (same seed → same predictions). Returns one class index per state (length split.n).
 */
export function shotPredictions(model: QuantumModel, split: Split, d: number, shots: number, seed: number, noise = 0): Int32Array {
  const D = d * d;
  const rng = makeRng(seed);
  const out = new Int32Array(split.n);
  for (let s = 0; s < split.n; s++) {
    const rho = unpackState(split.v!, d, s * D);
    const layers = quantumForward(model.blocks, rho, { shots, rng, noise });
    const v = packState(layers[layers.length - 1].rho);
    out[s] = softmaxReadout(model.readout!, v.subarray(0, d)).predicted;
  }
  return out;
}
