/**
 * Geometry of the square matrix views (heatmap, Hinton): integer device-pixel cells so 64×64
 * stays crisp at any devicePixelRatio, margins for big-endian basis labels, hit-testing.
 */
import { AXIS_TEXT, CURSOR_COLOUR, GRID_COLOUR, VIZ_LIMITS } from '../config';
import { basisBits } from '../format';
import type { MatrixGeometry } from './types';

export interface GridLayout {
  d: number;
  dpr: number;
  /** Cell side, device pixels (integer). */
  cell: number;
  /** Grid origin, device pixels (integers). */
  left: number;
  top: number;
  /** Canvas size, device pixels. */
  width: number;
  height: number;
  /** A label every `labelEvery` cells (1 up to 16×16, 8 for 64×64). */
  labelEvery: number;
  /** Column labels rotated (when they would not fit side by side). */
  rotateTop: boolean;
  fontPx: number;
  /** Row labels drawn (false: left out, no left margin). */
  rowLabels: boolean;
  /** Labels are decimal indices (0, 8, …) instead of kets. */
  indexLabels: boolean;
}

const CHAR_W = 0.62; // monospace advance per font pixel

/** Options of gridLayout beyond the label switch (see MatrixDrawOptions). */
export interface GridLabelOptions {
  rowLabels?: boolean;
  indexLabels?: boolean;
  /** Font size of the basis labels in CSS px (default GRID_LABEL_CSS; presentation mode: larger). */
  labelCss?: number;
}

/** The basis labels' default font size, CSS px. */
export const GRID_LABEL_CSS = 11;

/** The text of basis label k: a ket/bra of nQubits bits, or the decimal index. */
export function gridLabelText(k: number, nQubits: number, side: 'row' | 'column', index: boolean): string {
  if (index) return String(k);
  const bits = basisBits(k, nQubits);
  return side === 'row' ? `|${bits}⟩` : `⟨${bits}|`;
}

/**
 * Where a d×d matrix goes in a cssSize-wide canvas (CSS px budget, device pixels out): integer
 * device-pixel cells after a left margin for the row labels and a top margin for the column
 * labels (rotated when they would not fit side by side).
 */
export function gridLayout(d: number, nQubits: number, cssSize: number, dpr: number, labels: boolean, opts: GridLabelOptions = {}): GridLayout {
  const fontCss = opts.labelCss ?? GRID_LABEL_CSS;
  const indexLabels = opts.indexLabels === true;
  const rowLabels = labels && opts.rowLabels !== false;
  const labelEvery = d <= VIZ_LIMITS.maxLabelledDim ? 1 : Math.max(1, Math.round(d / 8));
  const chars = indexLabels ? String(d - 1).length : nQubits + 2;
  const labelW = chars * fontCss * CHAR_W + 6;
  const leftCss = rowLabels ? Math.ceil(labelW) : 0;
  const avail = Math.max(d, (cssSize - leftCss) * dpr);
  const cell = Math.max(1, Math.floor(avail / d));
  const rotateTop = labels && (cell * labelEvery) / dpr < labelW + 2;
  const topCss = labels ? (rotateTop ? Math.ceil(labelW) : fontCss + 8) : 0;
  const left = Math.round(leftCss * dpr);
  const top = Math.round(topCss * dpr);
  return {
    d,
    dpr,
    cell,
    left,
    top,
    width: left + cell * d + 1,
    height: top + cell * d + 1,
    labelEvery,
    rotateTop,
    fontPx: fontCss * dpr,
    rowLabels,
    indexLabels,
  };
}

/** Size the canvas for `width`×`height` device pixels and return a cleared context. */
export function setupCanvas(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): CanvasRenderingContext2D {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  // Only the width: CSS `height: auto` keeps the canvas's aspect ratio when max-width shrinks it.
  canvas.style.width = `${width / dpr}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D context unavailable');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

export function gridGeometry(L: GridLayout): MatrixGeometry {
  return {
    cssWidth: L.width / L.dpr,
    cssHeight: L.height / L.dpr,
    cellAt(x, y) {
      const j = Math.floor((x * L.dpr - L.left) / L.cell);
      const i = Math.floor((y * L.dpr - L.top) / L.cell);
      return i >= 0 && j >= 0 && i < L.d && j < L.d ? { i, j } : null;
    },
  };
}

/**
 * The cell under a pointer at client coordinates (clientX, clientY) on a canvas whose box on the
 * page is `rect` (getBoundingClientRect): the box may be scaled by CSS (max-width), so the point
 * is mapped to the drawing's CSS pixels first (× cssWidth / rect.width), then hit-tested.
 */
export function cellAtClient(
  g: MatrixGeometry,
  rect: { left: number; top: number; width: number; height: number },
  clientX: number,
  clientY: number,
): { i: number; j: number } | null {
  const sx = g.cssWidth / (rect.width || g.cssWidth);
  const sy = g.cssHeight / (rect.height || g.cssHeight);
  return g.cellAt((clientX - rect.left) * sx, (clientY - rect.top) * sy);
}

/**
 * The basis labels of a layout, drawn once into a transparent canvas of the layout's size and
 * then copied (drawImage at 1:1 onto the cleared target gives the same pixels): fillText is
 * the most expensive part of redrawing a labelled matrix, and the labels never change during
 * an α drag.
 */
const labelImages = new Map<string, HTMLCanvasElement>();

export function drawGridLabels(ctx: CanvasRenderingContext2D, L: GridLayout, nQubits: number): void {
  const key = JSON.stringify([L.d, L.dpr, L.cell, L.left, L.top, L.width, L.height, L.labelEvery, L.rotateTop, L.fontPx, L.rowLabels, L.indexLabels, nQubits]);
  let img = labelImages.get(key);
  if (!img && typeof document !== 'undefined') {
    const c = document.createElement('canvas');
    c.width = L.width;
    c.height = L.height;
    const cctx = c.getContext('2d');
    if (cctx) {
      paintGridLabels(cctx, L, nQubits);
      if (labelImages.size >= 16) labelImages.delete(labelImages.keys().next().value!);
      labelImages.set(key, (img = c));
    }
  }
  if (!img) {
    paintGridLabels(ctx, L, nQubits);
    return;
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.drawImage(img, 0, 0);
  ctx.restore();
}

function paintGridLabels(ctx: CanvasRenderingContext2D, L: GridLayout, nQubits: number): void {
  ctx.fillStyle = AXIS_TEXT;
  ctx.font = `${L.fontPx}px ui-monospace, Menlo, Consolas, monospace`;
  for (let k = 0; k < L.d; k += L.labelEvery) {
    const mid = (k + 0.5) * L.cell;
    // Rows (kets) on the left.
    if (L.rowLabels) {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      ctx.fillText(gridLabelText(k, nQubits, 'row', L.indexLabels), L.left - 4 * L.dpr, L.top + (L.labelEvery === 1 ? mid : k * L.cell + L.fontPx / 2));
    }
    // Columns (bras) on top.
    const bra = gridLabelText(k, nQubits, 'column', L.indexLabels);
    const x = L.left + (L.labelEvery === 1 ? mid : k * L.cell + L.fontPx / 2);
    if (L.rotateTop) {
      ctx.save();
      ctx.translate(x, L.top - 4 * L.dpr);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'left';
      ctx.fillText(bra, 0, 0);
      ctx.restore();
    } else {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText(bra, x, L.top - 3 * L.dpr);
    }
  }
}

export function drawGridLines(ctx: CanvasRenderingContext2D, L: GridLayout): void {
  ctx.strokeStyle = GRID_COLOUR;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const step = L.d <= VIZ_LIMITS.maxLabelledDim ? 1 : L.labelEvery;
  for (let k = 0; k <= L.d; k += step) {
    const p = k * L.cell + 0.5;
    ctx.moveTo(L.left + p, L.top);
    ctx.lineTo(L.left + p, L.top + L.d * L.cell);
    ctx.moveTo(L.left, L.top + p);
    ctx.lineTo(L.left + L.d * L.cell, L.top + p);
  }
  ctx.stroke();
}

export function drawGridCursor(ctx: CanvasRenderingContext2D, L: GridLayout, cursor: { i: number; j: number } | null | undefined): void {
  if (!cursor) return;
  const x = L.left + cursor.j * L.cell;
  const y = L.top + cursor.i * L.cell;
  const w = Math.max(2, L.dpr);
  const pad = L.cell < 6 ? 2 * L.dpr : 0; // keep tiny 64×64 cells visible
  ctx.lineWidth = w;
  ctx.strokeStyle = '#fff';
  ctx.strokeRect(x - pad - w, y - pad - w, L.cell + 2 * (pad + w), L.cell + 2 * (pad + w));
  ctx.strokeStyle = CURSOR_COLOUR;
  ctx.strokeRect(x - pad, y - pad, L.cell + 2 * pad, L.cell + 2 * pad);
}

/**
 * The basis labels of a layout as SVG <text> elements (the vector twin of paintGridLabels, at
 * dpr 1): kets right-aligned left of the rows, bras above the columns, rotated −90° (reading
 * upwards from just above the grid) when L.rotateTop, else centred on their column.
 */
export function gridLabelsSvg(L: GridLayout, nQubits: number): string {
  const font = `font-size="${L.fontPx}" font-family="monospace" fill="${AXIS_TEXT}"`;
  const parts: string[] = [];
  for (let k = 0; k < L.d; k += L.labelEvery) {
    const at = L.labelEvery === 1 ? (k + 0.5) * L.cell : k * L.cell + L.fontPx / 2;
    if (L.rowLabels)
      parts.push(
        `<text x="${L.left - 4}" y="${L.top + at}" text-anchor="end" dominant-baseline="middle" ${font}>${xmlEscape(gridLabelText(k, nQubits, 'row', L.indexLabels))}</text>`,
      );
    const bra = xmlEscape(gridLabelText(k, nQubits, 'column', L.indexLabels));
    if (L.rotateTop) parts.push(`<text transform="translate(${L.left + at},${L.top - 4}) rotate(-90)" dominant-baseline="middle" ${font}>${bra}</text>`);
    else parts.push(`<text x="${L.left + at}" y="${L.top - 3}" text-anchor="middle" dominant-baseline="text-after-edge" ${font}>${bra}</text>`);
  }
  return parts.join('');
}

/**
 * The cell grid of a layout as one SVG <path> (the vector twin of drawGridLines, at dpr 1):
 * a line between every two cells up to 16×16, every labelEvery-th line for bigger matrices,
 * plus the outer border; GRID_COLOUR, 1 px.
 */
export function gridLinesSvg(L: GridLayout): string {
  const step = L.d <= VIZ_LIMITS.maxLabelledDim ? 1 : L.labelEvery;
  const side = L.d * L.cell;
  const seg: string[] = [];
  const at = new Set<number>();
  for (let k = 0; k <= L.d; k += step) at.add(k);
  at.add(L.d);
  for (const k of at) {
    const p = k * L.cell;
    seg.push(`M${L.left + p} ${L.top}V${L.top + side}`, `M${L.left} ${L.top + p}H${L.left + side}`);
  }
  return `<path d="${seg.join('')}" fill="none" stroke="${GRID_COLOUR}" stroke-width="1"/>`;
}

/** Escape text for SVG export. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
