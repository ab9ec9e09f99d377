/**
 * The city view's basis labels (src/viz/matrix/cityLayout.ts): legible at every size the explorer
 * draws it — no two label boxes overlap, none is covered by a bar (every entry at full height),
 * none is cut off by the canvas — and the network chain's small unlabelled cells keep their
 * floor across the whole width.
 */
import { describe, expect, it } from 'vitest';
import { cityFaces } from './city';
import { basePoint, cityLayout, estimateText, type Box, type MeasureText, type Pt } from './cityLayout';
import type { MatrixData } from './types';

/** Overlap of two boxes with positive area (touching edges do not count). */
function boxesOverlap(p: Box, q: Box): boolean {
  return p.x < q.x + q.w - 1e-9 && q.x < p.x + p.w - 1e-9 && p.y < q.y + q.h - 1e-9 && q.y < p.y + p.h - 1e-9;
}

/** Separating-axis test of a box and a convex polygon (positive-area overlap). */
function boxHitsPolygon(b: Box, poly: Pt[]): boolean {
  const rect: Pt[] = [
    [b.x, b.y],
    [b.x + b.w, b.y],
    [b.x + b.w, b.y + b.h],
    [b.x, b.y + b.h],
  ];
  const axes: Pt[] = [
    [1, 0],
    [0, 1],
  ];
  for (let k = 0; k < poly.length; k++) {
    const [x0, y0] = poly[k];
    const [x1, y1] = poly[(k + 1) % poly.length];
    if (x1 !== x0 || y1 !== y0) axes.push([y0 - y1, x1 - x0]);
  }
  for (const [ax, ay] of axes) {
    const proj = (pts: Pt[]) => pts.map(([x, y]) => x * ax + y * ay);
    const r = proj(rect);
    const p = proj(poly);
    if (Math.max(...r) <= Math.min(...p) + 1e-9 || Math.max(...p) <= Math.min(...r) + 1e-9) return false;
  }
  return true;
}

/** Every entry at +scale: the tallest possible bar on every cell, Re and Im. */
function fullMatrix(d: number, nQubits: number): MatrixData {
  return { d, nQubits, re: new Float64Array(d * d).fill(1), im: new Float64Array(d * d).fill(1), scaleMax: 1 };
}

/** A font whose kets are wider than the estimate (a fallback font for ⟨ ⟩). */
const wideFont: MeasureText = (text, px) => [...text].length * 0.8 * px;

// Large-view widths: 1280×800 entanglement (~480), digits (~670), the phone (~354), a wide screen.
const CASES: { d: number; n: number; css: number; dpr: number; measure: MeasureText }[] = [];
for (const [d, n] of [
  [4, 2],
  [64, 6],
])
  for (const css of [140, 200, 260, 354, 420, 480, 560, 670, 760])
    for (const dpr of [1, 2]) for (const measure of [estimateText, wideFont]) CASES.push({ d, n, css, dpr, measure });

describe('city labels', () => {
  it.each(CASES)('$d×$d at $css px, dpr $dpr: no two labels overlap, no bar covers one, all inside the canvas', ({ d, n, css, dpr, measure }) => {
    const L = cityLayout(d, n, css, dpr, true, measure);
    // At least one ket and one bra per panel at the large view's sizes (the phone's ~354 px and up).
    // (A font far wider than the estimate may leave a 64×64 phone city without labels.)
    if (css >= 420 || (css >= 340 && measure === estimateText)) expect(L.labels.length).toBeGreaterThanOrEqual(4);
    for (let p = 0; p < L.labels.length; p++)
      for (let q = p + 1; q < L.labels.length; q++) {
        const [a, b] = [L.labels[p], L.labels[q]];
        expect(boxesOverlap(a.box, b.box), `${a.text} (panel ${a.panel}) overlaps ${b.text} (panel ${b.panel})`).toBe(false);
      }
    const faces = cityFaces(L, fullMatrix(d, n), 'default');
    expect(faces.length).toBe(2 * 3 * d * d);
    for (const l of L.labels) {
      expect(
        faces.some((f) => boxHitsPolygon(l.box, f.pts)),
        `a bar covers ${l.text} (panel ${l.panel})`,
      ).toBe(false);
      expect(l.box.x).toBeGreaterThanOrEqual(0);
      expect(l.box.y).toBeGreaterThanOrEqual(0);
      expect(l.box.x + l.box.w).toBeLessThanOrEqual(L.width);
      expect(l.box.y + l.box.h).toBeLessThanOrEqual(L.height);
      // A label stays in its own panel (Re ρ left half, Im ρ right half).
      expect(l.box.x >= (l.panel * L.width) / 2 && l.box.x + l.box.w <= ((l.panel + 1) * L.width) / 2).toBe(true);
    }
  });

  it('the boxes test can fail: a label moved onto the floor is covered by a bar', () => {
    const L = cityLayout(4, 2, 480, 1);
    const [x, y] = basePoint(L, 0, 2, 2);
    const faces = cityFaces(L, fullMatrix(4, 2), 'default');
    expect(faces.some((f) => boxHitsPolygon({ x: x - 10, y: y - 20, w: 20, h: 11 }, f.pts))).toBe(true);
    expect(boxesOverlap(L.labels[0].box, { ...L.labels[0].box, x: L.labels[0].box.x + 3 })).toBe(true);
  });

  it('the large 4×4 view at 1280×800 (~480 px) labels every row and column at least every 2nd state, 64×64 every 8th to 32nd', () => {
    const L = cityLayout(4, 2, 480, 1);
    expect(L.labelEvery.row).toBe(1);
    expect(L.labels.filter((l) => l.panel === 0 && l.side === 'row').map((l) => l.text)).toEqual(['|00⟩', '|01⟩', '|10⟩', '|11⟩']);
    expect(L.labelEvery.column).toBeLessThanOrEqual(2);
    const D = cityLayout(64, 6, 670, 1);
    expect(D.labelEvery.row).toBeGreaterThanOrEqual(8);
    expect(D.labelEvery.row).toBeLessThanOrEqual(32);
    expect(D.labels.some((l) => l.text === '|000000⟩')).toBe(true);
  });

  it('the chain’s small cells: no labels, the floor spans the panel but for 3 px each side', () => {
    const L = cityLayout(4, 2, 62, 1, false);
    expect(L.labels).toEqual([]);
    const left = basePoint(L, 0, 4, 0)[0];
    const right = basePoint(L, 0, 0, 4)[0];
    expect(left).toBeCloseTo(3, 9);
    expect(right).toBeCloseTo(31 - 3, 9);
  });
});
