/**
 * Trained float64 parameters (src/core/hqrn/fit.ts) as an hqrn-model file (docs/math.md §10),
 * each block's Ã± scaled into a contraction with its gain c (docs/math.md §4).
 */
import type { CMat } from '../math/complex';
import { spectralNorm } from '../math/linalg';
import { alphaOf, blockSize, type HqrnParams } from './fit';

/** The hqrn-model JSON (docs/math.md §10) of trained parameters, with the §4 normalisation of Ã±. */
export function toModelJson(p: HqrnParams, classNames: (string | number)[]): Record<string, unknown> {
  const { d, depth: K, classes: C, activation } = p.spec;
  const D2 = d * d,
    th = p.theta;
  const mat = (o: number): CMat => ({ rows: d, cols: d, re: th.slice(o, o + D2), im: th.slice(o + D2, o + 2 * D2) });
  const rows = (a: Float64Array, scale: number) => Array.from({ length: d }, (_, i) => Array.from(a.subarray(i * d, (i + 1) * d), (x) => x * scale));
  const blocks = [];
  for (let k = 0; k < K; k++) {
    const o = k * blockSize(d);
    const ap = mat(o),
      am = mat(o + 2 * D2);
    const n = Math.max(spectralNorm(ap), spectralNorm(am));
    const s = n > 0 ? (1 + 1e-6) * n * n : 1;
    const f = 1 / Math.sqrt(s);
    blocks.push({
      alpha: alphaOf(p.spec, k),
      activation,
      gain: s,
      bias: Array.from(th.subarray(o + 4 * D2, o + 4 * D2 + d)),
      aPlus: { re: rows(ap.re, f), im: rows(ap.im, f) },
      aMinus: { re: rows(am.re, f), im: rows(am.im, f) },
    });
  }
  const ro = K * blockSize(d);
  return {
    format: 'hqrn-model',
    version: 1,
    nQubits: Math.round(Math.log2(d)),
    blocks,
    readout: {
      weights: Array.from({ length: C }, (_, c) => Array.from(th.subarray(ro + c * d, ro + (c + 1) * d))),
      bias: Array.from(th.subarray(ro + C * d, ro + C * d + C)),
      classes: classNames,
    },
  };
}
