/**
 * "Reproduce the paper" (docs/math.md §7, §11): the paper-style entanglement figure — accuracy
 * against depth with the adversarial subsets and the classical path — run seed by seed in the
 * engine worker (src/app/training/paperStore.ts, the definition `hqrn reproduce entanglement`
 * uses), drawn here, with CSV, SVG and the run cards as JSON. Digits: the command line only.
 */
import { useEffect, useMemo, useRef } from 'react';
import { figureCsv, PAPER_PLOTTED } from '../../core/hqrn/paperEntanglement';
import { downloadJson, fileName } from '../../app/export/exporters';
import { usePaper } from '../../app/training/paperStore';
import { drawStudyChart, type StudyChartSpec } from '../../viz/charts/studyCharts';
import { ExportButtons, svgElementExport } from '../export/ExportButtons';
import { exportButtonsShown } from '../../app/explorer/classroom';
import { useExplorer } from '../../app/explorer/store';

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
const NAMES: Record<string, string> = {
  accuracy: 'test accuracy',
  balancedAccuracy: 'balanced accuracy',
  dephasedBalanced: 'entangled vs dephased partners (balanced)',
  marginalBalanced: 'entangled vs marginal partners (balanced)',
  classicalPathAccuracy: 'classical path (diag ρ only)',
};

export function ReproducePaper() {
  const p = usePaper();
  // a classroom link hiding Export hides the run-card download too
  const exportShown = useExplorer((s) => exportButtonsShown(s.hidden));
  const ref = useRef<SVGSVGElement>(null);
  const running = p.status === 'running';
  const spec = useMemo<StudyChartSpec | null>(
    () =>
      p.table.length
        ? {
            series: PAPER_PLOTTED.map((c, i) => ({
              name: NAMES[c],
              colour: PALETTE[i],
              dashed: c === 'classicalPathAccuracy',
              points: p.table.map((r) => ({ x: r.depth, y: r[c] })),
            })),
            width: 480,
            height: 260,
            xLabel: 'depth (blocks)',
            yLabel: 'accuracy',
          }
        : null,
    [p.table],
  );
  useEffect(() => {
    const id = setTimeout(() => ref.current && spec && drawStudyChart(ref.current, spec), 0);
    return () => clearTimeout(id);
  }, [spec]);
  const done = p.perSeed.length;
  return (
    <section className="training-panel train-paper" aria-labelledby="paper-heading">
      <h2 id="paper-heading">Reproduce the paper</h2>
      <p className="train-hint">
        The paper-style entanglement figure: greedy training block by block (the preset's settings, depth 5, 1,300 / 5,000 states, seeds {p.seeds.join(', ')}),
        after each block the test accuracy, the accuracy against the dephased and marginal adversarial partners, and the same network on the diagonal of ρ only.
        The same definition as <code>hqrn reproduce entanglement</code> (float64 core in the worker, a few seconds per seed). The digits experiment (6,000
        digits at d = 64) is too slow for the browser: run <code>hqrn reproduce digits --out DIR</code>.
      </p>
      <div className="train-presets">
        <button type="button" data-testid="paper-run" disabled={running} onClick={() => p.start()}>
          Reproduce the paper (entanglement)
        </button>
        <button type="button" data-testid="paper-cancel" disabled={!running} onClick={() => p.cancel()}>
          Cancel
        </button>
        <label>
          <input type="checkbox" checked={p.quick} disabled={running} onChange={(e) => p.setQuick(e.target.checked)} data-testid="paper-quick" /> quick (400 /
          400 states, depth 3: not comparable with the paper)
        </label>
      </div>
      {p.status !== 'idle' && (
        <p role="status" className="train-hint" data-testid="paper-status">
          {running
            ? `Seed ${done + 1} of ${p.seeds.length} …`
            : p.status === 'done'
              ? `Done: ${p.seeds.length} seeds in ${p.seconds.reduce((a, b) => a + b, 0).toFixed(1)} s of training.`
              : p.status === 'cancelled'
                ? `Cancelled after ${done} of ${p.seeds.length} seeds (the figure shows the finished ones).`
                : p.error}
        </p>
      )}
      {spec && (
        <figure className="study">
          <figcaption>
            Entanglement: accuracy vs depth (greedy, mean of {done} seed{done === 1 ? '' : 's'})
          </figcaption>
          <svg ref={ref} className="train-chart" role="img" aria-label="Paper figure: accuracy vs depth" data-testid="paper-plot" />
          <ul className="train-legend">
            {spec.series.map((s) => (
              <li key={s.name}>
                <span className={s.dashed ? 'swatch dashed' : 'swatch'} style={{ borderColor: s.colour, background: s.dashed ? 'transparent' : s.colour }} />
                {s.name}
              </li>
            ))}
          </ul>
          <ExportButtons what="paper figure" name={['reproduce', 'entanglement']} svg={svgElementExport(ref)} csv={() => figureCsv(p.table)} />
          {exportShown && (
            <button
              type="button"
              aria-label="Export the paper figure's run cards as JSON"
              onClick={() => downloadJson({ runs: p.cards, table: p.table }, fileName(['reproduce', 'entanglement', 'run'], 'json'))}
            >
              Run cards (JSON)
            </button>
          )}
        </figure>
      )}
    </section>
  );
}
