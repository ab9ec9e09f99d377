/**
 * Phase/magnitude heatmap: each cell is mix(white, phase colour, |ρ_ij| / scale), so
 * intensity = magnitude and hue = phase. The cells are painted into an n×n image and scaled
 * up with nearest-neighbour sampling onto integer device-pixel cells (crisp at 64×64).
 */
import { BACKGROUND, css, mix, paletteSpec, phaseColour, VIZ_LIMITS } from '../config';
import { drawGridCursor, drawGridLabels, drawGridLines, gridGeometry, gridLabelsSvg, gridLayout, gridLinesSvg, setupCanvas } from './grid';
import type { MatrixData, MatrixPlugin } from './types';

/** The colour of entry k as [r, g, b] in 0..255. */
function cellColour(data: MatrixData, k: number, palette: ReturnType<typeof paletteSpec>) {
  const a = data.re[k];
  const b = data.im[k];
  const m = Math.sqrt(a * a + b * b);
  if (!(m > VIZ_LIMITS.zeroTolerance) || !(data.scaleMax > 0)) return BACKGROUND;
  return mix(BACKGROUND, phaseColour(palette, Math.atan2(b, a)), m / data.scaleMax);
}

let scratch: HTMLCanvasElement | null = null;
let scratchImage: ImageData | null = null;

/** Paint the d×d cells into a d×d canvas (one pixel per cell). */
export function paintCells(data: MatrixData, palette: ReturnType<typeof paletteSpec>, into?: HTMLCanvasElement): HTMLCanvasElement {
  const d = data.d;
  const c = into ?? (scratch ??= document.createElement('canvas'));
  if (c.width !== d) c.width = d;
  if (c.height !== d) c.height = d;
  const ctx = c.getContext('2d')!;
  // Reused across draws (putImageData copies it; every pixel is written below).
  const img = scratchImage && scratchImage.width === d ? scratchImage : (scratchImage = ctx.createImageData(d, d));
  const px = img.data;
  for (let k = 0; k < d * d; k++) {
    const col = cellColour(data, k, palette);
    px[4 * k] = col.r;
    px[4 * k + 1] = col.g;
    px[4 * k + 2] = col.b;
    px[4 * k + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

export const heatmapPlugin: MatrixPlugin = {
  id: 'heatmap',
  label: 'Heatmap (phase/magnitude)',
  aspect: 1,
  draw(target, data, options) {
    const L = gridLayout(data.d, data.nQubits, options.cssSize, options.dpr, options.labels, options);
    const ctx = setupCanvas(target, L.width, L.height, L.dpr);
    const palette = paletteSpec(options.palette);
    const cells = paintCells(data, palette);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, 0, 0, data.d, data.d, L.left, L.top, L.cell * data.d, L.cell * data.d);
    drawGridLines(ctx, L);
    if (options.labels) drawGridLabels(ctx, L, data.nQubits);
    drawGridCursor(ctx, L, options.cursor);
    return gridGeometry(L);
  },
  exportSvg(data, options) {
    const L = gridLayout(data.d, data.nQubits, options.cssSize, 1, options.labels, options);
    const palette = paletteSpec(options.palette);
    const parts: string[] = [];
    for (let i = 0; i < data.d; i++)
      for (let j = 0; j < data.d; j++) {
        const col = cellColour(data, i * data.d + j, palette);
        parts.push(`<rect x="${L.left + j * L.cell}" y="${L.top + i * L.cell}" width="${L.cell}" height="${L.cell}" fill="${css(col)}"/>`);
      }
    parts.push(gridLinesSvg(L));
    if (options.labels) parts.push(gridLabelsSvg(L, data.nQubits));
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}">${parts.join('')}</svg>`;
  },
};
