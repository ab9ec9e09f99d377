/**
 * The classical path's diagonal x^(k) as a strip of d cells, coloured exactly like the heatmap
 * colours a real, non-negative diagonal entry (mix(background, phase-0 colour, x_i / scale)),
 * so the strip under a layer's quantum matrix is read on the same colour scale.
 */
import { BACKGROUND, mix, paletteSpec, phaseColour, VIZ_LIMITS } from '../config';
import type { Palette } from './types';
import { setupCanvas } from './grid';

export interface StripSpec {
  x: ArrayLike<number>;
  scaleMax: number;
  palette: Palette;
  /** CSS size of the strip. */
  cssWidth: number;
  cssHeight: number;
  dpr: number;
}

/** Paint the strip: one column per basis state, left to right, with thin separators up to 16 cells. */
export function drawStrip(canvas: HTMLCanvasElement, s: StripSpec): void {
  const d = s.x.length;
  const w = Math.max(d, Math.round(s.cssWidth * s.dpr));
  const h = Math.max(1, Math.round(s.cssHeight * s.dpr));
  const ctx = setupCanvas(canvas, w, h, s.dpr);
  const colour0 = phaseColour(paletteSpec(s.palette), 0);
  for (let i = 0; i < d; i++) {
    const v = s.x[i];
    const c = v > VIZ_LIMITS.zeroTolerance && s.scaleMax > 0 ? mix(BACKGROUND, colour0, v / s.scaleMax) : BACKGROUND;
    const x0 = Math.round((i * w) / d);
    const x1 = Math.round(((i + 1) * w) / d);
    ctx.fillStyle = `rgb(${Math.round(c.r)},${Math.round(c.g)},${Math.round(c.b)})`;
    ctx.fillRect(x0, 0, x1 - x0, h);
    if (d <= 16 && i > 0) {
      ctx.fillStyle = 'rgba(0,0,0,0.15)';
      ctx.fillRect(x0, 0, 1, h);
    }
  }
  ctx.strokeStyle = 'rgba(0,0,0,0.35)';
  ctx.strokeRect(0.5, 0.5, w - 1, h - 1);
}

/** True when two typed arrays hold the same numbers (the chain redraws only cells whose data changed). */
export function sameNumbers(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
