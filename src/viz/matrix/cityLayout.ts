/**
 * Geometry of the "city" view (src/viz/matrix/city.ts), pure: where the floor of each of the two
 * panels (Re ρ, Im ρ) goes, the bars' footprints, and the basis labels.
 *
 * The floor is an oblique projection: cell (i, j) sits at origin + a·(j·U + i·V), so the back
 * corner (0, 0) is on top, the front corner (d, d) at the bottom. Bars rise from their
 * footprints (positive entries) or hang below them (negative ones).
 *
 * Basis labels sit outside the two FRONT edges of the floor: the kets |i⟩ to the right of the
 * edge j = d, the bras ⟨j| below the edge i = d. Every point of the floor lies on the inner
 * side of those edges and a bar only rises from it (up points inward for both edges), so a
 * positive bar can never cover a label; they are also drawn after the bars, with a halo, for
 * the negative ones. Labels are thinned (every 2nd, 4th, … basis state) until no two boxes
 * of the same edge overlap.
 */
import { VIZ_LIMITS } from '../config';
import { basisBits } from '../format';

// Oblique projection of the floor: column step U, row step V (in units of a), chosen so the
// diagonal does not run along the line of sight (diagonal bars would hide each other).
export const U = [1, 0.3] as const;
export const V = [-0.62, 0.42] as const;
/** Bar footprint as a fraction of its cell. */
export const BAR_FILL = 0.72;

export type Pt = [number, number];

/** An axis-aligned box, device px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A basis label: its text is drawn left-aligned, vertically centred, inside `box`. */
export interface CityLabel {
  text: string;
  panel: number;
  /** 'row': the ket of row i (right of the floor); 'column': the bra of column j (below it). */
  side: 'row' | 'column';
  index: number;
  box: Box;
}

export interface CityLayout {
  d: number;
  /** Length unit of one cell step, device px. */
  a: number;
  /** Where the floor's corner (row 0, column 0) is drawn, per panel, device px. */
  origins: { x: number; y: number }[];
  /** Height of a bar at |entry| = scale, device px. */
  hMax: number;
  width: number;
  height: number;
  dpr: number;
  /** Title font size, device px. */
  fontPx: number;
  /** Label font size, device px. */
  labelPx: number;
  /** Every `labelEvery`-th basis state is labelled (rows, columns). */
  labelEvery: { row: number; column: number };
  labels: CityLabel[];
}

/** Width of a label's text at `fontPx` (device px); the canvas measures it, tests estimate it. */
export type MeasureText = (text: string, fontPx: number) => number;

/** Monospace estimate (0.62 em per character, 10 % spare for glyphs taken from another font). */
export const estimateText: MeasureText = (text, fontPx) => [...text].length * 0.62 * fontPx * 1.1;

const ket = (k: number, n: number) => `|${basisBits(k, n)}⟩`;
const bra = (k: number, n: number) => `⟨${basisBits(k, n)}|`;

/** Point (i, j) of a panel's floor (fractional cell coordinates), device px. */
export function basePoint(L: Pick<CityLayout, 'origins' | 'a'>, panel: number, i: number, j: number): Pt {
  const o = L.origins[panel];
  return [o.x + (j * U[0] + i * V[0]) * L.a, o.y + (j * U[1] + i * V[1]) * L.a];
}

/** The four corners (top, right, bottom, left) of the footprint of cell (i, j), `f` = fraction of the cell. */
export function footprint(L: Pick<CityLayout, 'origins' | 'a'>, panel: number, i: number, j: number, f: number): Pt[] {
  const c = (1 - f) / 2;
  return [
    basePoint(L, panel, i + c, j + c),
    basePoint(L, panel, i + c, j + 1 - c),
    basePoint(L, panel, i + 1 - c, j + 1 - c),
    basePoint(L, panel, i + 1 - c, j + c),
  ];
}

/** The smallest power-of-two step ≥ 1 at which boxes w×h, `step` cells apart along `dir`·a, do not overlap (≤ d). */
function thinning(d: number, a: number, dir: readonly [number, number], w: number, h: number, gap: number): number {
  let step = 1;
  while (step < d && Math.abs(dir[0]) * a * step < w + gap && Math.abs(dir[1]) * a * step < h + gap) step *= 2;
  return step;
}

/** The city's basis label size by default, CSS px. */
export const CITY_LABEL_CSS = 10;

/**
 * The layout of a city drawing `cssWidth` CSS px wide at devicePixelRatio `dpr`: two panels
 * (Re ρ, Im ρ) of a d×d matrix on nQubits. `titled`: the large view, with titles and basis
 * labels; without them (the network chain's small cells) the floor takes the whole width.
 */
export function cityLayout(
  d: number,
  nQubits: number,
  cssWidth: number,
  dpr: number,
  titled = true,
  measure: MeasureText = estimateText,
  labelCss = CITY_LABEL_CSS,
): CityLayout {
  const width = Math.round(cssWidth * dpr);
  const panelW = width / 2;
  const fontPx = Math.max(11, labelCss + 1) * dpr;
  const labelPx = labelCss * dpr;
  const titleH = titled ? fontPx + 8 * dpr : 2 * dpr;
  const lineH = labelPx * 1.1;
  // The widest labels decide the room kept for them beside and below the floor.
  let wRow = titled ? measure(ket(d - 1, nQubits), labelPx) : 0;
  let wCol = titled ? measure(bra(d - 1, nQubits), labelPx) : 0;
  // Rows: a label's left side this far right of its point on the edge j = d. The box's top-left
  // corner, half a line above that point, then stays outside the slanted edge: the edge moves
  // right by |V0 / V1| = 1.48 px per px up, so it needs more than 1.48 · lineH / 2.
  const gapRow = (-V[0] / V[1]) * (lineH / 2) + 4 * dpr;
  const gapCol = 3 * dpr;
  // Labels only where they leave the floor at least 40 % of the panel (not for 64×64 in ~100 px).
  const labelled = titled && panelW - (wCol / 2 + gapRow + wRow + 4 * dpr) >= 0.4 * panelW;
  if (!labelled) wRow = wCol = 0;
  const leftPad = labelled ? wCol / 2 + 2 * dpr : 3 * dpr;
  const rightPad = labelled ? gapRow + wRow + 2 * dpr : 3 * dpr;
  const a = Math.max(0.1, (panelW - leftPad - rightPad) / ((U[0] - V[0]) * d));
  const floorH = (U[1] + V[1]) * d * a;
  // Bars reach 1.1× the floor's height above it; below the floor half of that is reserved
  // (negative entries are off-diagonal, away from the front corner), or the column labels' room.
  const hMax = 1.1 * floorH;
  const below = labelled ? Math.max(0.5 * hMax, gapCol + U[1] * wCol * 0.5 + lineH + 4 * dpr) : 0.5 * hMax;
  const height = Math.round(titleH + hMax + floorH + below + 4 * dpr);
  const oy = titleH + hMax;
  const ox = leftPad - V[0] * d * a;
  const L: CityLayout = {
    d,
    a,
    origins: [
      { x: ox, y: oy },
      { x: panelW + ox, y: oy },
    ],
    hMax,
    width,
    height,
    dpr,
    fontPx,
    labelPx,
    labelEvery: { row: d, column: d },
    labels: [],
  };
  if (!labelled) return L;

  // Thinning: never below every (d / 8)-th for big matrices, as the grid lines.
  const base = d <= VIZ_LIMITS.maxLabelledDim ? 1 : Math.max(1, Math.round(d / 8));
  const row = Math.max(base, thinning(d, a, V, wRow, lineH, 0.5 * dpr));
  const column = Math.max(base, thinning(d, a, U, wCol, lineH, 4 * dpr));
  L.labelEvery = { row, column };
  for (let panel = 0; panel < 2; panel++) {
    for (let k = 0; k < d; k += row) {
      const text = ket(k, nQubits);
      const [x, y] = basePoint(L, panel, k + 0.5, d);
      L.labels.push({ text, panel, side: 'row', index: k, box: { x: x + gapRow, y: y - lineH / 2, w: measure(text, labelPx), h: lineH } });
    }
    for (let k = 0; k < d; k += column) {
      const text = bra(k, nQubits);
      const w = measure(text, labelPx);
      const [x, y] = basePoint(L, panel, d, k + 0.5);
      // Centred under the cell; low enough that its top corners clear the slanted edge.
      L.labels.push({ text, panel, side: 'column', index: k, box: { x: x - w / 2, y: y + gapCol + U[1] * (w / 2), w, h: lineH } });
    }
  }
  return L;
}
