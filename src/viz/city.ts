/**
 * Re/Im "city" bars: two isometric 2D projections side by side (Re ρ left, Im ρ right), one
 * bar per entry, height ∝ value / scale (negative bars go down), colour = sign (the palette's
 * phase-0 and phase-π colours). Bars are painted back to front (painter's algorithm).
 */
import { AXIS_TEXT, css, paletteSpec, phaseColour, shade, VIZ_LIMITS, type RGB } from './config';
import { basisBits } from './format';
import { setupCanvas, xmlEscape } from './grid';
import type { MatrixData, MatrixDrawOptions, MatrixPlugin } from './types';

// Width / height of the drawing (for a 2×(2d·a) floor: see cityLayout).
// Oblique projection of the floor: column step U, row step V (in units of a), chosen so the
// diagonal does not run along the line of sight (diagonal bars would hide each other).
const U = [1, 0.3] as const;
const V = [-0.62, 0.42] as const;
const BAR_FILL = 0.72; // bar footprint as a fraction of its cell

interface CityLayout {
  d: number;
  /** Length unit of one cell step, device px. */
  a: number;
  /** Where the floor's corner (row 0, column 0) is drawn, per panel, device px. */
  origins: { x: number; y: number }[];
  hMax: number;
  width: number;
  height: number;
  dpr: number;
  fontPx: number;
}

/**
 * `titled`: room for the "Re ρ" / "Im ρ" titles and the basis labels. Without them (the
 * network chain's small cells) the floor takes the whole width: with a 36 px label pad a 62 px
 * cell had a negative floor and drew a tall empty box.
 */
function cityLayout(d: number, cssWidth: number, dpr: number, titled = true): CityLayout {
  const width = Math.round(cssWidth * dpr);
  const panelW = width / 2;
  const fontPx = 11 * dpr;
  const labelPad = !titled ? 3 * dpr : d <= VIZ_LIMITS.maxLabelledDim ? 36 * dpr : 6 * dpr;
  const a = (panelW - 2 * labelPad) / ((U[0] - V[0]) * d);
  const floorH = (U[1] + V[1]) * d * a;
  const titleH = titled ? fontPx + 8 * dpr : 2 * dpr;
  // Bars reach 1.1× the floor's height above it; below the floor half of that is reserved
  // (negative entries are off-diagonal, away from the front corner).
  const hMax = 1.1 * floorH;
  const height = Math.round(titleH + hMax + floorH + 0.5 * hMax + 4 * dpr);
  const oy = titleH + hMax;
  const ox = labelPad - V[0] * d * a;
  return { d, a, origins: [{ x: ox, y: oy }, { x: panelW + ox, y: oy }], hMax, width, height, dpr, fontPx };
}

type Pt = [number, number];

function basePoint(L: CityLayout, panel: number, i: number, j: number): Pt {
  const o = L.origins[panel];
  return [o.x + (j * U[0] + i * V[0]) * L.a, o.y + (j * U[1] + i * V[1]) * L.a];
}

/** The four corners (top, right, bottom, left) of the footprint of cell (i, j). */
function footprint(L: CityLayout, panel: number, i: number, j: number, f: number): Pt[] {
  const c = (1 - f) / 2;
  return [basePoint(L, panel, i + c, j + c), basePoint(L, panel, i + c, j + 1 - c), basePoint(L, panel, i + 1 - c, j + 1 - c), basePoint(L, panel, i + 1 - c, j + c)];
}

interface Face {
  pts: Pt[];
  fill: string;
}

/** The visible faces of every bar, back to front. */
function cityFaces(L: CityLayout, data: MatrixData, paletteId: MatrixDrawOptions['palette']): Face[] {
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
        const h = (Math.max(-1, Math.min(1, v / data.scaleMax)) * L.hMax);
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

function drawBase(ctx: CanvasRenderingContext2D, L: CityLayout, panel: number): void {
  ctx.strokeStyle = 'rgba(0,0,0,0.15)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  const step = L.d <= VIZ_LIMITS.maxLabelledDim ? 1 : L.d / 8;
  for (let k = 0; k <= L.d; k += step) {
    const p0 = basePoint(L, panel, k, 0);
    const p1 = basePoint(L, panel, k, L.d);
    const q0 = basePoint(L, panel, 0, k);
    const q1 = basePoint(L, panel, L.d, k);
    ctx.moveTo(p0[0], p0[1]);
    ctx.lineTo(p1[0], p1[1]);
    ctx.moveTo(q0[0], q0[1]);
    ctx.lineTo(q1[0], q1[1]);
  }
  ctx.stroke();
}

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
    const L = cityLayout(data.d, options.cssSize, options.dpr, titled);
    const ctx = setupCanvas(target, L.width, L.height, L.dpr);
    ctx.font = `${L.fontPx}px system-ui, sans-serif`;
    ctx.fillStyle = AXIS_TEXT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (titled) {
      ctx.fillText('Re ρ', L.width / 4, 2 * L.dpr);
      ctx.fillText('Im ρ', (3 * L.width) / 4, 2 * L.dpr);
    }
    drawBase(ctx, L, 0);
    drawBase(ctx, L, 1);
    for (const f of cityFaces(L, data, options.palette)) {
      ctx.fillStyle = f.fill;
      ctx.beginPath();
      ctx.moveTo(f.pts[0][0], f.pts[0][1]);
      for (let k = 1; k < f.pts.length; k++) ctx.lineTo(f.pts[k][0], f.pts[k][1]);
      ctx.closePath();
      ctx.fill();
    }
    if (options.labels && data.d <= VIZ_LIMITS.maxLabelledDim) {
      ctx.font = `${L.fontPx * 0.9}px ui-monospace, Menlo, Consolas, monospace`;
      ctx.textBaseline = 'middle';
      // Drawn after the bars, with a white halo: a tall bar never hides a basis label.
      ctx.fillStyle = AXIS_TEXT;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 3 * L.dpr;
      ctx.lineJoin = 'round';
      for (let panel = 0; panel < 2; panel++)
        for (let k = 0; k < data.d; k++) {
          const bits = basisBits(k, data.nQubits);
          const [rx, ry] = basePoint(L, panel, k + 0.5, 0);
          ctx.textAlign = 'right';
          ctx.strokeText(`|${bits}⟩`, rx - 3 * L.dpr, ry - 2 * L.dpr);
          ctx.fillText(`|${bits}⟩`, rx - 3 * L.dpr, ry - 2 * L.dpr);
          const [cx, cy] = basePoint(L, panel, 0, k + 0.5);
          ctx.textAlign = 'center';
          ctx.strokeText(`⟨${bits}|`, cx, cy - 8 * L.dpr);
          ctx.fillText(`⟨${bits}|`, cx, cy - 8 * L.dpr);
        }
    }
    if (options.cursor) {
      for (let panel = 0; panel < 2; panel++) {
        const pts = footprint(L, panel, options.cursor.i, options.cursor.j, 1);
        ctx.beginPath();
        ctx.moveTo(pts[0][0], pts[0][1]);
        for (const p of pts.slice(1)) ctx.lineTo(p[0], p[1]);
        ctx.closePath();
        ctx.lineWidth = Math.max(2, L.dpr);
        ctx.strokeStyle = '#000';
        ctx.stroke();
      }
    }
    return cityGeometry(L);
  },
  exportSvg(data, options) {
    const L = cityLayout(data.d, options.cssSize, 1);
    const polys = cityFaces(L, data, options.palette).map((f) => `<polygon points="${f.pts.map((p) => `${p[0].toFixed(2)},${p[1].toFixed(2)}`).join(' ')}" fill="${f.fill}"/>`);
    const titles = `<text x="${L.width / 4}" y="12" text-anchor="middle" font-size="11">${xmlEscape('Re ρ')}</text><text x="${(3 * L.width) / 4}" y="12" text-anchor="middle" font-size="11">${xmlEscape('Im ρ')}</text>`;
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${L.height}" viewBox="0 0 ${L.width} ${L.height}">${titles}${polys.join('')}</svg>`;
  },
};
