/**
 * "Export figure" of the whole chain or of the layer view (quantum vs classical): a slide-ready
 * SVG (title, layer names, colour legend, both readouts; src/app/export/figures.ts) and the
 * same SVG rasterised to PNG at a chosen scale (1×, 2× default, 3×). Nothing is composed until
 * a button is pressed.
 */
import { useId, useState } from 'react';
import { exportButtonsShown } from '../../app/explorer/classroom';
import { useExplorer } from '../../app/explorer/store';
import { downloadBlob, downloadText, fileName, MIME, svgToPng } from '../../app/export/exporters';
import { explorerRunCard, svgWithRunCard } from '../../app/export/runCard';
import { DEFAULT_PNG_SCALE, figureSvg, PNG_SCALES, type PngScale } from '../../app/export/figures';
import './export.css';

const WHAT = { chain: 'the whole chain', layer: 'the layer view (quantum vs classical)' } as const;

export function FigureExport({ kind }: { kind: 'chain' | 'layer' }) {
  const shown = useExplorer((s) => exportButtonsShown(s.hidden) && s.result !== undefined);
  return shown ? <FigureExportShown kind={kind} /> : null;
}

function FigureExportShown({ kind }: { kind: 'chain' | 'layer' }) {
  const [scale, setScale] = useState<PngScale>(DEFAULT_PNG_SCALE);
  const [problem, setProblem] = useState<string | null>(null);
  const scaleId = useId();
  const what = WHAT[kind];
  const make = () => {
    const s = useExplorer.getState();
    if (!s.result) throw new Error('nothing computed yet');
    const svg = figureSvg(kind, { result: s.result, stack: s.stack, input: s.input, view: s.view, selectedLayer: s.selectedLayer });
    const layer = kind === 'layer' ? [`layer${Math.max(0, Math.min(s.result.layers.length - 1, s.selectedLayer))}`] : [];
    return { svg, name: ['figure', kind, ...layer, s.view.matrixView] };
  };
  const run = async (format: string, f: () => Promise<void> | void) => {
    setProblem(null);
    try {
      await f();
    } catch (e) {
      setProblem(`${format} figure of ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span className="export-buttons figure-export" role="group" aria-label={`Export figure of ${what}`}>
      <span className="figure-export-label">{kind === 'chain' ? 'Figure:' : 'Export figure:'}</span>
      <button
        type="button"
        aria-label={`Export figure of ${what} as SVG`}
        onClick={() =>
          run('SVG', () => {
            const f = make();
            const st = useExplorer.getState();
            const card = explorerRunCard({ stack: st.stack, input: st.input, exported: `SVG figure of ${what}`, date: new Date().toISOString() });
            downloadText(svgWithRunCard(f.svg, card), fileName(f.name, 'svg'), MIME.svg);
          })
        }
      >
        SVG
      </button>
      <button
        type="button"
        aria-label={`Export figure of ${what} as PNG at ${scale}×`}
        onClick={() =>
          run('PNG', async () => {
            const f = make();
            downloadBlob(await svgToPng(f.svg, scale), fileName([...f.name, `${scale}x`], 'png'));
          })
        }
      >
        PNG
      </button>
      <select id={scaleId} value={scale} aria-label={`PNG scale of the figure of ${what}`} onChange={(e) => setScale(Number(e.target.value) as PngScale)}>
        {PNG_SCALES.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      {problem && (
        <span className="export-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
