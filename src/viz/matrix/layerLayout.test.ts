/**
 * The large layer view's sizes (src/viz/matrix/layerLayout.ts): on a phone the quantum grid (cells
 * only) is ≥ 150 px and both drawings fit the panel; at 1280×800 nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { gridLayout } from './grid';
import { gridSideCss, layerViewSizes, MIN_GRID_CSS, PAIR_GAP_CSS, type MatrixSlot } from './layerLayout';

const canvasCss = (d: number, n: number, slot: MatrixSlot, dpr: number) => gridLayout(d, n, slot.cssSize, dpr, true, slot).width / dpr;

describe('layerViewSizes', () => {
  for (const [d, n] of [
    [4, 2],
    [64, 6],
  ])
    for (const dpr of [1, 2, 3])
      it(`${d}×${d}, dpr ${dpr}: phone widths give a quantum grid ≥ ${MIN_GRID_CSS} px and both canvases fit side by side`, () => {
        for (let w = 330; w <= 440; w += 2) {
          const s = layerViewSizes('heatmap', d, n, w, dpr);
          expect(gridSideCss(d, n, s.quantum.cssSize, dpr, s.quantum), `width ${w}`).toBeGreaterThanOrEqual(MIN_GRID_CSS);
          // The drawings are not shrunk by max-width: compact, each canvas within its slot (the
          // figure's width) and both within the panel; pair, each within half the panel.
          const [q, c] = [canvasCss(d, n, s.quantum, dpr), canvasCss(d, n, s.classical, dpr)];
          if (s.mode === 'compact') {
            expect(q).toBeLessThanOrEqual(s.quantum.cssSize);
            expect(c).toBeLessThanOrEqual(s.classical.cssSize);
            expect(s.quantum.cssSize + PAIR_GAP_CSS + s.classical.cssSize, `width ${w}`).toBeLessThanOrEqual(w);
            expect(s.classical.rowLabels).toBe(false);
            // Sharing the quantum rows' labels: never larger than the quantum grid.
            expect(gridSideCss(d, n, s.classical.cssSize, dpr, s.classical)).toBeLessThanOrEqual(gridSideCss(d, n, s.quantum.cssSize, dpr, s.quantum));
          } else expect(Math.max(q, c), `width ${w}`).toBeLessThanOrEqual((w - PAIR_GAP_CSS) / 2);
        }
      });

  it('the 390×844 phone (354 px panel): both 4×4 grids 152 px, rows shared; 64×64 quantum 192 px with index labels', () => {
    const e = layerViewSizes('heatmap', 4, 2, 354, 1);
    expect(e.mode).toBe('compact');
    expect(gridSideCss(4, 2, e.quantum.cssSize, 1, e.quantum)).toBe(152);
    expect(gridSideCss(4, 2, e.classical.cssSize, 1, e.classical)).toBe(152);
    expect([e.quantum.indexLabels, e.classical.rowLabels]).toEqual([false, false]);
    const g = layerViewSizes('heatmap', 64, 6, 354, 1);
    expect(gridSideCss(64, 6, g.quantum.cssSize, 1, g.quantum)).toBe(192);
    expect(g.quantum.indexLabels).toBe(true);
    expect(gridSideCss(64, 6, g.classical.cssSize, 1, g.classical)).toBeGreaterThanOrEqual(128);
  });

  it('1280×800 keeps the side-by-side pair with full ket labels (4×4: 160 px grids; 64×64: 4 px cells)', () => {
    const e = layerViewSizes('hinton', 4, 2, 480, 1);
    expect(e.mode).toBe('pair');
    expect(e.quantum).toEqual(e.classical);
    expect(gridSideCss(4, 2, e.quantum.cssSize, 1, e.quantum)).toBe(160);
    const g = layerViewSizes('heatmap', 64, 6, 670, 1);
    expect([g.mode, g.quantum.indexLabels]).toEqual(['pair', false]);
    expect(gridSideCss(64, 6, g.quantum.cssSize, 1, g.quantum)).toBe(256);
  });

  it('city: the two cities stacked, each the whole width (capped)', () => {
    expect(layerViewSizes('city', 4, 2, 480, 1)).toMatchObject({ mode: 'stacked', quantum: { cssSize: 480 }, classical: { cssSize: 480 } });
    expect(layerViewSizes('city', 64, 6, 1400, 2).quantum.cssSize).toBe(760);
  });
});
