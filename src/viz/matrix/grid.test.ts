/**
 * Hit-testing of the square matrix views (src/viz/matrix/grid.ts): a point in a cell's middle
 * reads that cell, at any devicePixelRatio and when CSS shrinks the canvas (a phone's max-width).
 */
import { describe, expect, it } from 'vitest';
import { cellAtClient, gridGeometry, gridLayout } from './grid';

describe('cellAtClient', () => {
  for (const dpr of [1, 2, 3])
    it(`4×4 with labels, dpr ${dpr}: the middle of the |00⟩⟨11| cell reads (0, 3), also when CSS shrinks the canvas to 80 %`, () => {
      const L = gridLayout(4, 2, 196, dpr, true);
      const g = gridGeometry(L);
      const cellCss = L.cell / dpr;
      for (const scale of [1, 0.8]) {
        const rect = { left: 100, top: 50, width: g.cssWidth * scale, height: g.cssHeight * scale };
        // Middle of cell (i = 0, j = 3) in the drawing's CSS pixels, then on the page.
        const x = L.left / dpr + 3.5 * cellCss;
        const y = L.top / dpr + 0.5 * cellCss;
        expect(cellAtClient(g, rect, rect.left + x * scale, rect.top + y * scale)).toEqual({ i: 0, j: 3 });
        // And every other cell's middle.
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++)
            expect(
              cellAtClient(g, rect, rect.left + (L.left / dpr + (j + 0.5) * cellCss) * scale, rect.top + (L.top / dpr + (i + 0.5) * cellCss) * scale),
            ).toEqual({ i, j });
        // The label margins and beyond the grid read nothing.
        expect(cellAtClient(g, rect, rect.left + 2, rect.top + 2)).toBeNull();
        expect(cellAtClient(g, rect, rect.left + rect.width + 5, rect.top + rect.height / 2)).toBeNull();
      }
    });
});
