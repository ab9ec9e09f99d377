/**
 * Pieces of a slide figure (src/viz/figure/figure.ts), pure SVG text: text with an estimated
 * width, a plugin's matrix export placed as a translated group, the classical strip, the
 * colour legend and the readout bars. Sizes are CSS px of the SVG (1 unit = 1 px at 1×).
 */
import { AXIS_TEXT, BACKGROUND, css, mix, paletteSpec, phaseColour, VIZ_LIMITS } from '../config';
import { xmlEscape } from '../matrix/grid';
import type { MatrixData, MatrixView, Palette } from '../matrix/types';

export const FONT = 'Helvetica, Arial, sans-serif';
/** Estimated advance per character per font px of a monospace face (the usual 0.6 em, with spare). */
export const MONO_EM = 0.62;
/**
 * Estimated advance per character per font px of the proportional face (Helvetica/Arial
 * average about 0.5 em in mixed text, bold titles 0.54 em measured in Chromium): 0.58 keeps
 * spare without leaving a slide's worth of white beside the title.
 */
export const SANS_EM = 0.58;

/** Estimated width of `text` at font size `fs` (px): characters × 0.58 × fs (0.62 × fs monospace). */
export const textWidth = (text: string, fs: number, mono = false) => [...text].length * (mono ? MONO_EM : SANS_EM) * fs;

/** A piece of a figure: its SVG text, drawn with its top-left corner at (0, 0), and its size. */
export interface Piece {
  svg: string;
  width: number;
  height: number;
}

/**
 * One <text> whose box (estimated) is [x, x + width] × [y, y + fs] for anchor 'start'
 * ('middle': centred on x, 'end': ending at x): baseline at y + 0.8·fs.
 */
export function text(
  s: string,
  x: number,
  y: number,
  fs: number,
  opts: { anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string; mono?: boolean } = {},
): string {
  const anchor = opts.anchor ?? 'start';
  return `<text x="${r2(x)}" y="${r2(y + 0.8 * fs)}" font-size="${fs}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${opts.bold ? ' font-weight="bold"' : ''} font-family="${opts.mono ? 'monospace' : FONT}" fill="${opts.fill ?? AXIS_TEXT}">${xmlEscape(s)}</text>`;
}

/** A piece moved to (x, y). */
export const place = (p: Piece | string, x: number, y: number) => `<g transform="translate(${r2(x)},${r2(y)})">${typeof p === 'string' ? p : p.svg}</g>`;

export const r2 = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A matrix drawn by a view plugin's exportSvg (labels on or off), as a piece: the root <svg>
 * element is taken off so the drawing can be placed in a group; its size is the root's.
 * Throws when the plugin has no SVG export.
 */
export function matrixPiece(
  exportSvg: ((d: MatrixData, o: { palette: Palette; cssSize: number; labels: boolean }) => string) | undefined,
  data: MatrixData,
  palette: Palette,
  cssSize: number,
  labels: boolean,
): Piece {
  if (!exportSvg) throw new Error('this matrix view has no SVG export');
  const doc = exportSvg(data, { palette, cssSize, labels });
  const head = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"[^>]*>/.exec(doc);
  if (!head || !doc.endsWith('</svg>')) throw new Error('matrix export: not a single <svg> document');
  return { svg: doc.slice(head[0].length, -'</svg>'.length), width: Number(head[1]), height: Number(head[2]) };
}

/**
 * The classical path x⁽ᵏ⁾ as a strip of d cells, `width` px wide: cell i is
 * mix(white, phase-0 colour, x_i / scale) (phase π for a negative x_i), the heatmap's colour
 * rule on the same scale as the quantum matrix above it; outlined, with a cell grid up to 16.
 */
export function stripPiece(x: ArrayLike<number>, scaleMax: number, palette: Palette, width: number): Piece {
  const d = x.length;
  const spec = paletteSpec(palette);
  const cw = width / d;
  const h = Math.max(10, Math.min(22, cw));
  const cells: string[] = [];
  for (let i = 0; i < d; i++) {
    const v = x[i];
    const m = Math.abs(v);
    const col = m > VIZ_LIMITS.zeroTolerance && scaleMax > 0 ? mix(BACKGROUND, phaseColour(spec, v >= 0 ? 0 : Math.PI), Math.min(1, m / scaleMax)) : BACKGROUND;
    cells.push(`<rect x="${r2(i * cw)}" y="0" width="${r2(cw + (i < d - 1 ? 0.3 : 0))}" height="${r2(h)}" fill="${css(col)}"/>`);
  }
  const grid = d <= VIZ_LIMITS.maxLabelledDim ? Array.from({ length: d - 1 }, (_, i) => `M${r2((i + 1) * cw)} 0V${r2(h)}`).join('') : '';
  const lines = `<path d="${grid}M0 0H${r2(width)}V${r2(h)}H0Z" fill="none" stroke="rgba(0,0,0,0.3)" stroke-width="1"/>`;
  return { svg: cells.join('') + lines, width, height: h };
}

/**
 * The colour legend: for heatmap/Hinton the phase colour bar 0 … 2π (64 slices, ticks at
 * multiples of π/2), for the city the sign colours; then what full colour means on this scale
 * (`scaleText`, e.g. "full colour = 0.5000 (fixed over all layers)") and `note`: how the
 * classical path is drawn.
 */
export function legendPiece(view: MatrixView, palette: Palette, scaleText: string, fs: number, note: string): Piece {
  const spec = paletteSpec(palette);
  const parts: string[] = [];
  let x = 0;
  const barH = Math.round(fs * 0.9);
  if (view === 'city') {
    for (const [name, phase] of [
      ['positive', 0],
      ['negative', Math.PI],
    ] as const) {
      parts.push(`<rect x="${x}" y="0" width="${barH}" height="${barH}" fill="${css(phaseColour(spec, phase))}"/>`);
      parts.push(text(name, x + barH + 6, (barH - fs) / 2, fs));
      x += barH + 6 + textWidth(name, fs) + 16;
    }
  } else {
    parts.push(text('phase', 0, (barH - fs) / 2, fs));
    x = textWidth('phase', fs) + 10;
    const W = 200;
    const n = 64;
    for (let k = 0; k < n; k++)
      parts.push(
        `<rect x="${r2(x + (k * W) / n)}" y="0" width="${r2(W / n + 0.3)}" height="${barH}" fill="${css(phaseColour(spec, ((k + 0.5) / n) * 2 * Math.PI))}"/>`,
      );
    parts.push(`<rect x="${r2(x)}" y="0" width="${W}" height="${barH}" fill="none" stroke="rgba(0,0,0,0.3)" stroke-width="1"/>`);
    const ticks = ['0', 'π/2', 'π', '3π/2', '2π'];
    const tfs = Math.round(fs * 0.85);
    ticks.forEach((t, k) => {
      const tx = x + (k * W) / 4;
      parts.push(`<path d="M${r2(tx)} ${barH}v4" stroke="${AXIS_TEXT}" stroke-width="1"/>`);
      parts.push(text(t, tx, barH + 5, tfs, { anchor: 'middle' }));
    });
    x += W + textWidth('2π', tfs) / 2 + 16;
  }
  const rowH = view === 'city' ? barH : barH + 5 + Math.round(fs * 0.85);
  parts.push(text(scaleText, x, (barH - fs) / 2, fs));
  const w1 = x + textWidth(scaleText, fs);
  parts.push(text(note, 0, rowH + 8, fs));
  return { svg: parts.join(''), width: Math.max(w1, textWidth(note, fs)), height: rowH + 8 + fs };
}

/** One path's readout: its class probabilities, the prediction and (when known) right or wrong. */
export interface FigureReadout {
  /** "Quantum path" or "Classical path". */
  path: string;
  /** Class names, in the model's order. */
  classes: readonly string[];
  probabilities: ArrayLike<number>;
  /** Index of the predicted class; null: no prediction (a blank drawing). */
  predicted: number | null;
  verdict?: 'right' | 'wrong' | 'unknown';
}

const VERDICT_TEXT = { right: '✓ right', wrong: '✗ wrong', unknown: 'truth unknown' } as const;

/** The heading line of a readout: "Quantum path: predicts entangled (P 0.9980), ✓ right". */
export function readoutHeading(r: FigureReadout): string {
  if (r.predicted === null) return `${r.path}: no prediction`;
  const p = r.probabilities[r.predicted];
  return `${r.path}: predicts ${r.classes[r.predicted] ?? `class ${r.predicted}`} (P ${p.toFixed(4)})${r.verdict ? `, ${VERDICT_TEXT[r.verdict]}` : ''}`;
}

/** A readout as horizontal bars: one row per class (name, bar ∝ probability, value), the predicted row in bold. */
export function readoutPiece(r: FigureReadout, fs: number, barW: number, colour: string): Piece {
  const parts: string[] = [];
  const heading = readoutHeading(r);
  parts.push(text(heading, 0, 0, fs, { bold: true }));
  const nameW = Math.max(...r.classes.map((c) => textWidth(c, fs))) + 8;
  const rowH = Math.round(fs * 1.45);
  let y = fs + 10;
  r.classes.forEach((c, m) => {
    const p = r.probabilities[m];
    const bold = m === r.predicted;
    parts.push(text(c, nameW - 8, y + (rowH - fs) / 2 - 1, fs, { anchor: 'end', bold }));
    parts.push(`<rect x="${r2(nameW)}" y="${r2(y + 2)}" width="${barW}" height="${rowH - 4}" fill="#f0f0f0"/>`);
    parts.push(`<rect x="${r2(nameW)}" y="${r2(y + 2)}" width="${r2(Math.max(0, Math.min(1, p)) * barW)}" height="${rowH - 4}" fill="${colour}"/>`);
    parts.push(text(Number.isFinite(p) ? p.toFixed(4) : '—', nameW + barW + 6, y + (rowH - fs) / 2 - 1, fs, { bold, mono: true }));
    y += rowH;
  });
  const width = Math.max(textWidth(heading, fs), nameW + barW + 6 + textWidth('0.0000', fs, true));
  return { svg: parts.join(''), width, height: y };
}
