/**
 * Slide-ready figures as standalone SVG documents (pure: data in, SVG text out; the PNG is
 * this SVG rasterised, so both show the same content):
 * - chainFigureSvg: the whole network, every layer's quantum-path ρ⁽ᵏ⁾ with the classical
 *   path's x⁽ᵏ⁾ under it (docs/math.md §3: the classical path is the diagonal the quantum path
 *   would carry without coherences), layer names, the colour legend and both readouts;
 * - layerFigureSvg: one layer, the quantum path's ρ⁽ᵏ⁾ beside the classical path's diag x⁽ᵏ⁾,
 *   large and with basis labels, the legend and both readouts.
 * Both carry a title (model, input) and, when known, the true class. Every text is laid out
 * inside the viewBox from estimated widths (0.62 em per character, generous for the
 * proportional face used); width = the widest row + margins.
 */
import { MATRIX_PLUGINS } from '../matrix';
import type { MatrixData, MatrixView, Palette } from '../matrix/types';
import { FONT, legendPiece, matrixPiece, place, r2, readoutPiece, stripPiece, text, textWidth, type FigureReadout, type Piece } from './parts';

export type { FigureReadout } from './parts';

/** One layer of a figure. */
export interface FigureLayer {
  /** Layer index k (0 = the input). */
  k: number;
  /** E.g. "input", "after block 3". */
  name: string;
  /** The quantum path's density matrix ρ⁽ᵏ⁾ (d×d). */
  quantum: MatrixData;
  /** The classical path's x⁽ᵏ⁾ (length d), on quantum.scaleMax's scale. */
  classical: ArrayLike<number>;
  /** A short mark under the name, e.g. "◆ paths part", "✕ dead block". */
  note?: string;
}

export interface FigureSpec {
  /** The figure's title, e.g. "HQRN entanglement-quantum (12 blocks): every layer". */
  title: string;
  /** Lines under the title: the input, the true class. */
  lines: readonly string[];
  view: MatrixView;
  palette: Palette;
  /** What full colour / size / height means, e.g. "full colour = 0.5000 (fixed over all layers)". */
  scaleText: string;
  layers: readonly FigureLayer[];
  /** Both paths' readouts (quantum first). */
  readouts: readonly FigureReadout[];
}

/** k in superscript digits: sup(12) = "¹²". */
export const sup = (k: number) => String(k).replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]);
/** "ρ⁽ᵏ⁾" of layer k. */
export const rhoName = (k: number) => `ρ⁽${sup(k)}⁾`;

const PAD = 28;
const TITLE_FS = 24;
const LINE_FS = 16;
const FS = 15;
/** Most layer columns on one row of the chain figure (deeper stacks wrap). */
export const CHAIN_COLUMNS = 7;

/** Readout bar colours: the quantum path blue, the classical one grey (neither reads as an alarm). */
function readoutColours(): string[] {
  return ['#3b6fb6', '#7a7a7a'];
}

function header(spec: FigureSpec): Piece {
  const parts = [text(spec.title, 0, 0, TITLE_FS, { bold: true })];
  let y = TITLE_FS + 10;
  let w = textWidth(spec.title, TITLE_FS);
  for (const l of spec.lines) {
    parts.push(text(l, 0, y, LINE_FS));
    w = Math.max(w, textWidth(l, LINE_FS));
    y += LINE_FS + 6;
  }
  return { svg: parts.join(''), width: w, height: y };
}

/** The two readouts side by side. */
function readouts(spec: FigureSpec, barW: number): Piece {
  const colours = readoutColours();
  const pieces = spec.readouts.map((r, i) => readoutPiece(r, FS, barW, colours[i % colours.length]));
  let x = 0;
  const svg = pieces.map((p) => {
    const s = place(p, x, 0);
    x += p.width + 40;
    return s;
  });
  return { svg: svg.join(''), width: Math.max(0, x - 40), height: Math.max(0, ...pieces.map((p) => p.height)) };
}

/** Stack pieces vertically with `gap` px between them, inside PAD margins: the whole document. */
function document(pieces: Piece[], gap: number, label: string): string {
  const width = Math.ceil(Math.max(...pieces.map((p) => p.width)) + 2 * PAD);
  let y = PAD;
  const body = pieces.map((p) => {
    const s = place(p, PAD, y);
    y += p.height + gap;
    return s;
  });
  const height = Math.ceil(y - gap + PAD);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${body.join('')}</svg>`
  );
}

/** The matrix size of a chain cell (css px of the plugin's drawing): city panels need more width. */
const chainCellCss = (view: MatrixView, d: number) => (view === 'city' ? 230 : d > 16 ? 150 : 120);

/**
 * The whole chain: layers in columns (at most CHAIN_COLUMNS per row), each with its name,
 * the quantum ρ⁽ᵏ⁾ (no basis labels: the layer figure has them) and the classical strip under
 * it, then the legend and both readouts. Throws when there is no layer.
 */
export function chainFigureSvg(spec: FigureSpec): string {
  if (spec.layers.length === 0) throw new Error('figure: no layer to draw');
  const plugin = MATRIX_PLUGINS[spec.view];
  const cells = spec.layers.map((l) => {
    const m = matrixPiece(plugin.exportSvg, l.quantum, spec.palette, chainCellCss(spec.view, l.quantum.d), false);
    const strip = stripPiece(l.classical, l.quantum.scaleMax, spec.palette, Math.min(m.width, 120));
    return { l, title: rhoName(l.k), m, strip };
  });
  const colW =
    Math.max(...cells.map((c) => Math.max(c.m.width, textWidth(c.title, FS), textWidth(c.l.name, FS - 2), c.l.note ? textWidth(c.l.note, FS - 2) : 0))) + 18;
  const rowLabelW = Math.max(textWidth('quantum ρ⁽ᵏ⁾', FS - 1), textWidth('classical x⁽ᵏ⁾', FS - 1)) + 12; // ≥ 'Re ρ | Im ρ' at FS − 2
  const rows = Math.ceil(cells.length / CHAIN_COLUMNS);
  const perRow = Math.ceil(cells.length / rows);
  const mH = Math.max(...cells.map((c) => c.m.height));
  const sH = Math.max(...cells.map((c) => c.strip.height));
  const hasNote = cells.some((c) => c.l.note);
  const nameH = FS + 2 + (FS - 2) + 6 + (hasNote ? FS + 2 : 0);
  const rowH = nameH + mH + 8 + sH + 18;
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    const y0 = r * rowH;
    parts.push(text('quantum ρ⁽ᵏ⁾', 0, y0 + nameH + mH / 2 - FS / 2, FS - 1, { bold: true }));
    if (spec.view === 'city') parts.push(text('Re ρ | Im ρ', 0, y0 + nameH + mH / 2 + FS / 2 + 2, FS - 2));
    parts.push(text('classical x⁽ᵏ⁾', 0, y0 + nameH + mH + 8 + sH / 2 - (FS - 1) / 2, FS - 1, { bold: true }));
    cells.slice(r * perRow, (r + 1) * perRow).forEach((c, i) => {
      const x0 = rowLabelW + i * colW;
      const cx = x0 + colW / 2;
      parts.push(text(c.title, cx, y0, FS, { anchor: 'middle', bold: true }));
      parts.push(text(c.l.name, cx, y0 + FS + 2, FS - 2, { anchor: 'middle' }));
      if (c.l.note) parts.push(text(c.l.note, cx, y0 + 2 * FS + 2, FS - 2, { anchor: 'middle', fill: '#8a1c4a' }));
      parts.push(place(c.m, cx - c.m.width / 2, y0 + nameH));
      parts.push(place(c.strip, cx - c.strip.width / 2, y0 + nameH + mH + 8));
      if (i > 0)
        parts.push(
          `<path d="M${r2(x0 - 14)} ${r2(y0 + nameH + mH / 2)}h10" stroke="#999" stroke-width="1.5"/><path d="M${r2(x0 - 4)} ${r2(y0 + nameH + mH / 2)}l-5 -4v8z" fill="#999"/>`,
        );
    });
  }
  const grid: Piece = { svg: parts.join(''), width: rowLabelW + perRow * colW, height: rows * rowH - 18 };
  const legend = legendPiece(
    spec.view,
    spec.palette,
    spec.scaleText,
    FS - 1,
    'Classical strip: the classical path x⁽ᵏ⁾ on the same colour scale (the diagonal the quantum path would carry without coherences).',
  );
  return document([header(spec), grid, legend, readouts(spec, 220)], 22, spec.title);
}

/** Matrix size of the layer figure (css px of the plugin's drawing). */
const layerCellCss = (view: MatrixView, d: number) => (view === 'city' ? 560 : d > 16 ? 380 : 300);

/**
 * One layer: the quantum path's ρ⁽ᵏ⁾ and the classical path's diag x⁽ᵏ⁾ side by side (city:
 * one above the other), both with basis labels, headed by the layer name; then the legend
 * and both readouts. Throws unless spec.layers holds exactly one layer.
 */
export function layerFigureSvg(spec: FigureSpec): string {
  if (spec.layers.length !== 1) throw new Error(`figure: the layer view draws one layer, not ${spec.layers.length}`);
  const l = spec.layers[0];
  const plugin = MATRIX_PLUGINS[spec.view];
  const size = layerCellCss(spec.view, l.quantum.d);
  const diag = new Float64Array(l.quantum.d * l.quantum.d);
  for (let i = 0; i < l.quantum.d; i++) diag[i * l.quantum.d + i] = l.classical[i];
  const cData: MatrixData = { ...l.quantum, re: diag, im: new Float64Array(diag.length) };
  const q = matrixPiece(plugin.exportSvg, l.quantum, spec.palette, size, true);
  const c = matrixPiece(plugin.exportSvg, cData, spec.palette, size, true);
  const heads = [`Quantum path: ${rhoName(l.k)} (${l.name})`, `Classical path: diag x⁽${sup(l.k)}⁾ (${l.name})`];
  const stacked = spec.view === 'city';
  const parts: string[] = [];
  let width: number;
  let height: number;
  const headH = FS + 10;
  if (stacked) {
    parts.push(text(heads[0], 0, 0, FS, { bold: true }), place(q, 0, headH));
    parts.push(text(heads[1], 0, headH + q.height + 16, FS, { bold: true }), place(c, 0, 2 * headH + q.height + 16));
    width = Math.max(q.width, c.width, ...heads.map((h) => textWidth(h, FS)));
    height = 2 * headH + q.height + 16 + c.height;
  } else {
    const colW = Math.max(q.width, textWidth(heads[0], FS), textWidth(heads[1], FS)) + 32;
    parts.push(text(heads[0], 0, 0, FS, { bold: true }), place(q, 0, headH));
    parts.push(text(heads[1], colW, 0, FS, { bold: true }), place(c, colW, headH));
    width = colW + Math.max(c.width, textWidth(heads[1], FS));
    height = headH + Math.max(q.height, c.height);
  }
  if (l.note) {
    parts.push(text(l.note, 0, height + 6, FS - 1, { fill: '#8a1c4a' }));
    height += FS + 6;
  }
  const body: Piece = { svg: parts.join(''), width, height };
  const legend = legendPiece(
    spec.view,
    spec.palette,
    spec.scaleText,
    FS - 1,
    'Classical path: x⁽ᵏ⁾ placed on a diagonal, on the same colour scale as the quantum path.',
  );
  return document([header(spec), body, legend, readouts(spec, 220)], 22, spec.title);
}
