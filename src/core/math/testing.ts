/**
 * Small random generators shared by the tests (kept out of the public core API).
 */
import { type CMat, zeros } from './complex';
import type { Rng } from './rng';

/** A random probability vector x_i = e_i / Σ e, e_i ~ Exp(1) (uniform on the simplex). */
export function randomProbabilityVector(d: number, rng: Rng): Float64Array {
  const x = new Float64Array(d);
  let s = 0;
  for (let i = 0; i < d; i++) {
    x[i] = -Math.log(1 - rng.uniform());
    s += x[i];
  }
  for (let i = 0; i < d; i++) x[i] /= s;
  return x;
}

/** A random full-rank density matrix G G† / Tr(G G†), G complex Ginibre d×d. */
export function randomDensityMatrix(d: number, rng: Rng): CMat {
  const g = zeros(d, d);
  for (let i = 0; i < d * d; i++) {
    g.re[i] = rng.normal();
    g.im[i] = rng.normal();
  }
  const rho = zeros(d, d);
  let tr = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let r = 0,
        im = 0;
      for (let k = 0; k < d; k++) {
        // G_ik conj(G_jk)
        const ar = g.re[i * d + k],
          ai = g.im[i * d + k],
          br = g.re[j * d + k],
          bi = g.im[j * d + k];
        r += ar * br + ai * bi;
        im += ai * br - ar * bi;
      }
      rho.re[i * d + j] = r;
      rho.im[i * d + j] = im;
      if (i === j) tr += r;
    }
  for (let k = 0; k < d * d; k++) {
    rho.re[k] /= tr;
    rho.im[k] /= tr;
  }
  return rho;
}
