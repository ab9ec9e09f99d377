/**
 * How the large "Layer by layer" view shares its width between the quantum path's ρ and the
 * classical path's diag(x) (no physics: sizes only).
 *
 * - `pair` (heatmap/Hinton, room enough): side by side, each half the width (capped so the one
 *   screen keeps the chain, the readouts and the measures), each with its own basis labels.
 * - `compact` (heatmap/Hinton on a narrow screen, where `pair` would leave a grid under
 *   MIN_GRID_CSS): the classical diagonal drops its row labels (its column labels name every
 *   entry of a diagonal; drawn at the same size it lines up with the quantum rows), 64×64
 *   labels become decimal indices (0, 8, … 56), and the quantum grid gets at least
 *   MIN_GRID_CSS with integer device-pixel cells, the classical one the rest.
 * - `stacked` (city): the two cities one above the other, each the whole width (a Re ρ and an
 *   Im ρ city side by side need it to be legible).
 */
import { VIZ_LIMITS } from '../config';
import { gridLayout } from './grid';
import type { MatrixView } from './types';

/** The smallest side of the selected layer's matrix grid (cells only, no labels), CSS px. */
export const MIN_GRID_CSS = 150;
/** Gap between the two figures, CSS px (the `.one-screen .viz-main` gap). */
export const PAIR_GAP_CSS = 8;
/** The city view's widest drawing (Re ρ and Im ρ together), CSS px. */
const CITY_MAX_CSS = 760;

export interface MatrixSlot {
  /** Width budget of the drawing, CSS px (MatrixDrawOptions.cssSize). */
  cssSize: number;
  rowLabels: boolean;
  indexLabels: boolean;
}

export interface LayerViewSizes {
  mode: 'pair' | 'compact' | 'stacked';
  quantum: MatrixSlot;
  classical: MatrixSlot;
}

/** Side of the cells of a grid drawn in `cssSize` (CSS px). */
export function gridSideCss(d: number, nQubits: number, cssSize: number, dpr: number, slot: Omit<MatrixSlot, 'cssSize'>): number {
  const L = gridLayout(d, nQubits, cssSize, dpr, true, slot);
  return (L.cell * d) / dpr;
}

/**
 * Sizes of the two matrices of the selected layer for a view, a d×d matrix on nQubits and the
 * panel's content width `mainWidth` (CSS px) at devicePixelRatio `dpr`.
 */
export function layerViewSizes(view: MatrixView, d: number, nQubits: number, mainWidth: number, dpr: number): LayerViewSizes {
  if (view === 'city') {
    const full = { cssSize: Math.max(140, Math.min(CITY_MAX_CSS, Math.floor(mainWidth))), rowLabels: true, indexLabels: false };
    return { mode: 'stacked', quantum: full, classical: full };
  }
  const big = d > VIZ_LIMITS.maxLabelledDim;
  // At most ~196 px for 4×4 (the one screen must hold the chain, this view, the readouts and the measures).
  const cap = big ? 330 : 196;
  const half = Math.max(140, Math.min(cap, Math.floor((mainWidth - 12) / 2)));
  const full = { cssSize: half, rowLabels: true, indexLabels: false };
  if (gridSideCss(d, nQubits, half, dpr, full) >= MIN_GRID_CSS) return { mode: 'pair', quantum: full, classical: full };

  // Narrow: one label gutter (the quantum one), short labels for 64×64. Sizes in whole device
  // pixels per cell; a canvas is its cells + 1 px (the closing grid line) wide, the quantum
  // one + the gutter, so neither is shrunk to fit.
  const quantumSlot = { rowLabels: true, indexLabels: big };
  const gutter = gridLayout(d, nQubits, 1000, 1, true, quantumSlot).left;
  const room = (Math.floor(mainWidth) - gutter - PAIR_GAP_CSS) * dpr; // device px for both canvases
  const cellsIn = (px: number) => Math.max(1, Math.floor((px - 1) / d));
  const even = cellsIn(room / 2);
  const needed = Math.ceil((MIN_GRID_CSS * dpr) / d);
  const qCell = Math.max(even, Math.min(needed, cellsIn(room - d - 1)));
  // Never larger than the quantum cells: at the same size its rows line up with the shared labels.
  const cCell = Math.min(qCell, cellsIn(room - (qCell * d + 1)));
  return {
    mode: 'compact',
    quantum: { cssSize: gutter + (qCell * d + 1) / dpr, ...quantumSlot },
    classical: { cssSize: (cCell * d + 1) / dpr, rowLabels: false, indexLabels: big },
  };
}
