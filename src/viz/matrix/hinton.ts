/**
 * Hinton diagram: one square per entry, its area ∝ |ρ_ij| / scale (side ∝ the square root,
 * the usual Hinton convention, so a 4× larger entry covers 4× the ink), its colour the phase
 * (for real matrices: the sign — phase 0 and phase π colours) on a light grey ground.
 */
import { css, paletteSpec, phaseColour, VIZ_LIMITS } from '../config';
import { drawGridCursor, drawGridLabels, drawGridLines, gridGeometry, gridLabelsSvg, gridLayout, gridLinesSvg, setupCanvas } from './grid';
import type { Palette } from './types';
import type { MatrixData, MatrixPlugin } from './types';

const GROUND = '#ececec';

function squares(data: MatrixData, f: (i: number, j: number, frac: number, colour: string) => void, paletteId: Palette) {
  const palette = paletteSpec(paletteId);
  for (let i = 0; i < data.d; i++)
    for (let j = 0; j < data.d; j++) {
      const k = i * data.d + j;
      const a = data.re[k];
      const b = data.im[k];
      const m = Math.sqrt(a * a + b * b);
      if (!(m > VIZ_LIMITS.zeroTolerance) || !(data.scaleMax > 0)) continue;
      const frac = Math.sqrt(Math.min(1, m / data.scaleMax));
      f(i, j, frac, css(phaseColour(palette, Math.atan2(b, a))));
    }
}

export const hintonPlugin: MatrixPlugin = {
  id: 'hinton',
  label: 'Hinton',
  aspect: 1,
  draw(target, data, options) {
    const L = gridLayout(data.d, data.nQubits, options.cssSize, options.dpr, options.labels, options);
    const ctx = setupCanvas(target, L.width, L.height, L.dpr);
    ctx.fillStyle = GROUND;
    ctx.fillRect(L.left, L.top, L.cell * data.d, L.cell * data.d);
    drawGridLines(ctx, L);
    squares(
      data,
      (i, j, frac, colour) => {
        const side = Math.max(1, Math.round(frac * (L.cell - (L.cell > 4 ? 2 : 0))));
        const off = Math.floor((L.cell - side) / 2);
        ctx.fillStyle = colour;
        ctx.fillRect(L.left + j * L.cell + off, L.top + i * L.cell + off, side, side);
      },
      options.palette,
    );
    if (options.labels) drawGridLabels(ctx, L, data.nQubits);
    drawGridCursor(ctx, L, options.cursor);
    return gridGeometry(L);
  },
  exportSvg(data, options) {
    const L = gridLayout(data.d, data.nQubits, options.cssSize, 1, options.labels, options);
    const parts: string[] = [`<rect x="${L.left}" y="${L.top}" width="${L.cell * data.d}" height="${L.cell * data.d}" fill="${GROUND}"/>`, gridLinesSvg(L)];
    squares(
      data,
      (i, j, frac, colour) => {
        const side = frac * (L.cell - 2);
        const off = (L.cell - side) / 2;
        parts.push(`<rect x="${L.left + j * L.cell + off}" y="${L.top + i * L.cell + off}" width="${side}" height="${side}" fill="${colour}"/>`);
      },
      options.palette,
    );
    if (options.labels) parts.push(gridLabelsSvg(L, data.nQubits));
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}">${parts.join('')}</svg>`;
  },
};
