/**
 * The matrices the views draw, taken from an ExploreResponse (no physics: the quantum path's
 * ρ as it is, the classical path's x^(k) placed on a diagonal) and their colour scales.
 */
import type { ExploreResponse } from '../../protocol/explorer';
import type { ColourScale } from './types';
import { maxModulus } from '../format';
import type { MatrixData } from './types';

const diagCache = new WeakMap<Float32Array, { re: Float32Array; im: Float32Array }>();

/** x laid on the diagonal of a d×d matrix (cached per vector). */
export function diagonalOf(x: Float32Array, d: number): { re: Float32Array; im: Float32Array } {
  let m = diagCache.get(x);
  if (!m || m.re.length !== d * d) {
    const re = new Float32Array(d * d);
    for (let i = 0; i < d && i < x.length; i++) re[i * d + i] = x[i];
    m = { re, im: new Float32Array(d * d) };
    diagCache.set(x, m);
  }
  return m;
}

const fixedCache = new WeakMap<ExploreResponse, number>();

/** The largest |entry| over every layer of both paths (the "fixed" colour scale). */
export function fixedScale(r: ExploreResponse): number {
  let s = fixedCache.get(r);
  if (s === undefined) {
    s = maxModulus(r.layers.flatMap((l) => [l.rho, { re: l.x }]));
    fixedCache.set(r, s);
  }
  return s > 0 ? s : 1;
}

/** The colour scale of layer k: fixed, or the largest |entry| of the layer's two matrices. */
export function scaleFor(r: ExploreResponse, k: number, mode: ColourScale): number {
  if (mode === 'fixed') return fixedScale(r);
  const l = r.layers[k];
  if (!l) return 1;
  const s = maxModulus([l.rho, { re: l.x }]);
  return s > 0 ? s : 1;
}

export function quantumData(r: ExploreResponse, k: number, scaleMax: number): MatrixData | null {
  const l = r.layers[k];
  if (!l) return null;
  return { d: r.d, nQubits: r.nQubits, re: l.rho.re, im: l.rho.im, scaleMax };
}

export function classicalData(r: ExploreResponse, k: number, scaleMax: number): MatrixData | null {
  const l = r.layers[k];
  if (!l) return null;
  const m = diagonalOf(l.x, r.d);
  return { d: r.d, nQubits: r.nQubits, re: m.re, im: m.im, scaleMax };
}

/** The layer to show: the selected one, clamped to the result's layers. */
export function shownLayer(r: ExploreResponse | undefined, selected: number): number {
  if (!r || r.layers.length === 0) return 0;
  return Math.max(0, Math.min(r.layers.length - 1, selected));
}
