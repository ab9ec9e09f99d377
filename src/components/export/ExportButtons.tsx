/**
 * Small "SVG / PNG / CSV" download buttons under a view. The view passes
 * functions that produce the file's content when clicked (nothing is serialised while the
 * user only looks), and the file name parts (src/app/export/exporters.ts fileName).
 */
import { useState, type RefObject } from 'react';
import { exportButtonsShown } from '../../app/explorer/classroom';
import { useExplorer } from '../../app/explorer/store';
import { canvasToPng, downloadBlob, downloadText, fileName, MIME, serializeSvgElement, svgToPng } from '../../app/export/exporters';
import { explorerRunCard, svgWithRunCard } from '../../app/export/runCard';
import './export.css';

export interface ExportButtonsProps {
  /** What is exported, for the buttons' accessible names, e.g. "quantum path, layer 3". */
  what: string;
  /** File name parts: ['layer3', 'quantum', 'heatmap'] → hqrn-layer3-quantum-heatmap.svg. */
  name: readonly (string | number)[];
  /** The SVG document (null: nothing to export yet). */
  svg?: () => string | null;
  /** The PNG; defaults to rasterising `svg`. */
  png?: () => Promise<Blob> | null;
  /** CSV text with a header row. */
  csv?: () => string | null;
}

/**
 * The title an exported chart carries: the caption of the <figure> it is in, else its
 * aria-label (what a screen reader announces for it).
 */
export function chartTitle(svg: SVGSVGElement): string {
  const caption = svg.closest('figure')?.querySelector(':scope > figcaption')?.textContent?.trim();
  return caption || svg.getAttribute('aria-label')?.trim() || '';
}

/** SVG + PNG export of an SVG element on the page (d3 charts), styles inlined, its title (chartTitle) above it. */
export function svgElementExport(ref: RefObject<SVGSVGElement | null>): () => string | null {
  return () => (ref.current && ref.current.childElementCount > 0 ? serializeSvgElement(ref.current, chartTitle(ref.current)) : null);
}

/** PNG of a canvas on the page as drawn. */
export function canvasExport(ref: RefObject<HTMLCanvasElement | null>): () => Promise<Blob> | null {
  return () => (ref.current && ref.current.width > 0 ? canvasToPng(ref.current) : null);
}

export function ExportButtons(props: ExportButtonsProps) {
  // A classroom link hiding Export hides every export button too.
  const shown = useExplorer((s) => exportButtonsShown(s.hidden));
  return shown ? <ExportButtonsShown {...props} /> : null;
}

function ExportButtonsShown({ what, name, svg, png, csv }: ExportButtonsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (format: string, make: () => Promise<void> | void) => {
    setProblem(null);
    try {
      await make();
    } catch (e) {
      setProblem(`${format} export of ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const nothing = (format: string) => {
    throw new Error(`nothing to export yet (${format})`);
  };
  const pngOf =
    png ??
    (svg
      ? () => {
          const text = svg();
          return text ? svgToPng(text) : null;
        }
      : undefined);
  return (
    <span className="export-buttons" role="group" aria-label={`Export ${what}`}>
      {svg && (
        <button
          type="button"
          aria-label={`Export ${what} as SVG`}
          onClick={() =>
            run('SVG', () => {
              const text = svg();
              if (!text) nothing('SVG');
              const st = useExplorer.getState();
              const card = explorerRunCard({ stack: st.stack, input: st.input, exported: `SVG of ${what}`, date: new Date().toISOString() });
              downloadText(svgWithRunCard(text!, card), fileName(name, 'svg'), MIME.svg);
            })
          }
        >
          SVG
        </button>
      )}
      {pngOf && (
        <button
          type="button"
          aria-label={`Export ${what} as PNG`}
          onClick={() =>
            run('PNG', async () => {
              const blob = await pngOf();
              if (!blob) nothing('PNG');
              downloadBlob(blob!, fileName(name, 'png'));
            })
          }
        >
          PNG
        </button>
      )}
      {csv && (
        <button
          type="button"
          aria-label={`Export ${what} as CSV`}
          onClick={() =>
            run('CSV', () => {
              const text = csv();
              if (!text) nothing('CSV');
              downloadText(text!, fileName(name, 'csv'), MIME.csv);
            })
          }
        >
          CSV
        </button>
      )}
      {problem && (
        <span className="export-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
