/**
 * Re/Im "city" bars: two isometric 2D projections side by side (Re ρ left, Im ρ right), one
 * bar per entry, height ∝ value / scale (negative bars go down), colour = sign (the palette's
 * phase-0 and phase-π colours). Bars are painted back to front (painter's algorithm), then
 * the basis labels outside the floor's front edges (geometry: src/viz/matrix/cityLayout.ts).
 */
import { AXIS_TEXT, css, paletteSpec, phaseColour, shade, VIZ_LIMITS, type RGB } from '../config';
import { BAR_FILL, basePoint, cityLayout, footprint, U, V, type CityLayout, type Pt } from './cityLayout';
import { setupCanvas, xmlEscape } from './grid';
import type { MatrixData, MatrixDrawOptions, MatrixPlugin } from './types';

export interface Face {
  pts: Pt[];
  fill: string;
}

/** The visible faces of every bar, back to front (device px polygons and their fills). */
export function cityFaces(L: CityLayout, data: MatrixData, paletteId: MatrixDrawOptions['palette']): Face[] {
  const palette = paletteSpec(paletteId);
  const pos = phaseColour(palette, 0);
  const neg = phaseColour(palette, Math.PI);
  const faces: Face[] = [];
  const parts = [data.re, data.im];
  for (let s = 0; s <= 2 * (data.d - 1); s++)
    for (let i = Math.max(0, s - data.d + 1); i <= Math.min(s, data.d - 1); i++) {
      const j = s - i;
      for (let panel = 0; panel < 2; panel++) {
        const v = parts[panel][i * data.d + j];
        if (!(Math.abs(v) > VIZ_LIMITS.zeroTolerance) || !(data.scaleMax > 0)) continue;
        const h = Math.max(-1, Math.min(1, v / data.scaleMax)) * L.hMax;
        const col: RGB = v >= 0 ? pos : neg;
        const [t, r, bt, l] = footprint(L, panel, i, j, BAR_FILL);
        const up = (p: Pt, dh: number): Pt => [p[0], p[1] - dh];
        const hi = Math.max(h, 0);
        const lo = Math.min(h, 0);
        // Left and right front faces, then the top.
        faces.push({ pts: [up(l, hi), up(bt, hi), up(bt, lo), up(l, lo)], fill: css(shade(col, 0.82)) });
        faces.push({ pts: [up(bt, hi), up(r, hi), up(r, lo), up(bt, lo)], fill: css(shade(col, 0.66)) });
        faces.push({ pts: [up(t, hi), up(r, hi), up(bt, hi), up(l, hi)], fill: css(col) });
      }
    }
  return faces;
}

const FLOOR_STROKE = 'rgba(0,0,0,0.15)';

/** The floor grid of a panel as line segments [from, to] (device px): every cell edge up to 16×16, every (d/8)-th beyond. */
export function floorLines(L: CityLayout, panel: number): [Pt, Pt][] {
  const lines: [Pt, Pt][] = [];
  const step = L.d <= VIZ_LIMITS.maxLabelledDim ? 1 : L.d / 8;
  for (let k = 0; k <= L.d; k += step) {
    lines.push([basePoint(L, panel, k, 0), basePoint(L, panel, k, L.d)]);
    lines.push([basePoint(L, panel, 0, k), basePoint(L, panel, L.d, k)]);
  }
  return lines;
}

function drawBase(ctx: CanvasRenderingContext2D, L: CityLayout, panel: number): void {
  ctx.strokeStyle = FLOOR_STROKE;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const [p0, p1] of floorLines(L, panel)) {
    ctx.moveTo(p0[0], p0[1]);
    ctx.lineTo(p1[0], p1[1]);
  }
  ctx.stroke();
}

/** The floor grid of a panel as one SVG <path> (the vector twin of drawBase). */
function floorSvg(L: CityLayout, panel: number): string {
  const f = (p: Pt) => `${p[0].toFixed(2)} ${p[1].toFixed(2)}`;
  return `<path d="${floorLines(L, panel)
    .map(([a, b]) => `M${f(a)}L${f(b)}`)
    .join('')}" fill="none" stroke="${FLOOR_STROKE}" stroke-width="1"/>`;
}

/**
 * Text width in the exported SVG, whose labels are set in a monospace font: 0.62 em per
 * character, the advance of the usual monospace faces (the canvas measures its real glyphs;
 * estimateText's extra 10 % would thin out labels the canvas shows).
 */
const monospaceWidth = (text: string, fontPx: number) => [...text].length * 0.62 * fontPx;

function cityGeometry(L: CityLayout) {
  return {
    cssWidth: L.width / L.dpr,
    cssHeight: L.height / L.dpr,
    cellAt(x: number, y: number) {
      const X = x * L.dpr;
      const Y = y * L.dpr;
      const panel = X < L.width / 2 ? 0 : 1;
      const o = L.origins[panel];
      // Solve (X, Y) − o = a (j U + i V) for (i, j).
      const px = (X - o.x) / L.a;
      const py = (Y - o.y) / L.a;
      const det = U[0] * V[1] - U[1] * V[0];
      const j = Math.floor((px * V[1] - py * V[0]) / det);
      const i = Math.floor((U[0] * py - U[1] * px) / det);
      return i >= 0 && j >= 0 && i < L.d && j < L.d ? { i, j } : null;
    },
  };
}

export const cityPlugin: MatrixPlugin = {
  id: 'city',
  label: 'City (Re/Im bars)',
  aspect: 2.1,
  draw(target, data, options) {
    const titled = options.labels !== false;
    const labelFont = (px: number) => `${px}px ui-monospace, Menlo, Consolas, monospace`;
    // Real text widths (the kets' ⟩ may come from another font than the digits).
    const ctx = target.getContext('2d');
    const measure = ctx
      ? (text: string, px: number) => {
          ctx.font = labelFont(px);
          return ctx.measureText(text).width;
        }
      : undefined;
    const L = cityLayout(data.d, data.nQubits, options.cssSize, options.dpr, titled, measure, options.labelCss);
    const g = setupCanvas(target, L.width, L.height, L.dpr);
    g.font = `${L.fontPx}px system-ui, sans-serif`;
    g.fillStyle = AXIS_TEXT;
    g.textAlign = 'center';
    g.textBaseline = 'top';
    if (titled) {
      g.fillText('Re ρ', L.width / 4, 2 * L.dpr);
      g.fillText('Im ρ', (3 * L.width) / 4, 2 * L.dpr);
    }
    drawBase(g, L, 0);
    drawBase(g, L, 1);
    for (const f of cityFaces(L, data, options.palette)) {
      g.fillStyle = f.fill;
      g.beginPath();
      g.moveTo(f.pts[0][0], f.pts[0][1]);
      for (let k = 1; k < f.pts.length; k++) g.lineTo(f.pts[k][0], f.pts[k][1]);
      g.closePath();
      g.fill();
    }
    if (options.labels) {
      // Outside the floor's front edges (src/viz/matrix/cityLayout.ts), after the bars, with a white
      // halo: a bar hanging below the floor never hides a basis label.
      g.font = labelFont(L.labelPx);
      g.textAlign = 'left';
      g.textBaseline = 'middle';
      g.fillStyle = AXIS_TEXT;
      g.strokeStyle = 'rgba(255,255,255,0.9)';
      g.lineWidth = 3 * L.dpr;
      g.lineJoin = 'round';
      for (const l of L.labels) {
        g.strokeText(l.text, l.box.x, l.box.y + l.box.h / 2);
        g.fillText(l.text, l.box.x, l.box.y + l.box.h / 2);
      }
    }
    // The label boxes in CSS px (x, y, w, h), for the e2e check that none overlap.
    if (titled)
      target.dataset.labelBoxes = JSON.stringify(L.labels.map((l) => [l.box.x, l.box.y, l.box.w, l.box.h].map((v) => Math.round((v / L.dpr) * 10) / 10)));
    if (options.cursor) {
      for (let panel = 0; panel < 2; panel++) {
        const pts = footprint(L, panel, options.cursor.i, options.cursor.j, 1);
        g.beginPath();
        g.moveTo(pts[0][0], pts[0][1]);
        for (const p of pts.slice(1)) g.lineTo(p[0], p[1]);
        g.closePath();
        g.lineWidth = Math.max(2, L.dpr);
        g.strokeStyle = '#000';
        g.stroke();
      }
    }
    return cityGeometry(L);
  },
  exportSvg(data, options) {
    const L = cityLayout(data.d, data.nQubits, options.cssSize, 1, options.labels !== false, monospaceWidth);
    const floors = floorSvg(L, 0) + floorSvg(L, 1);
    const polys = cityFaces(L, data, options.palette).map(
      (f) => `<polygon points="${f.pts.map((p) => `${p[0].toFixed(2)},${p[1].toFixed(2)}`).join(' ')}" fill="${f.fill}"/>`,
    );
    // Titles only on the titled (labelled) layout, as on the canvas: the unlabelled one keeps no room for them.
    const titles =
      options.labels === false
        ? ''
        : `<text x="${L.width / 4}" y="12" text-anchor="middle" font-size="11" fill="${AXIS_TEXT}">${xmlEscape('Re ρ')}</text><text x="${(3 * L.width) / 4}" y="12" text-anchor="middle" font-size="11" fill="${AXIS_TEXT}">${xmlEscape('Im ρ')}</text>`;
    const labels = options.labels
      ? L.labels.map(
          (l) =>
            `<text x="${l.box.x.toFixed(2)}" y="${(l.box.y + l.box.h / 2).toFixed(2)}" dominant-baseline="middle" font-size="${L.labelPx}" font-family="monospace" fill="${AXIS_TEXT}" stroke="#ffffff" stroke-opacity="0.9" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${xmlEscape(l.text)}</text>`,
        )
      : [];
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}">${titles}${floors}${polys.join('')}${labels.join('')}</svg>`;
  },
};
