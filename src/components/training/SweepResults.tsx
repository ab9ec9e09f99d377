/**
 * A sweep's results: one row per setting with mean ± std over the seeds (src/core/io/sweep.ts
 * sweepTable), CSV (tableCsv, as `hqrn sweep --csv`) and JSON (the table and every run's run
 * card) downloads, and accuracy against one chosen setting with a line per value of another
 * (error bars: ± std over the seeds).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { tableCsv, type TableRow, varyingKeys } from '../../core/io/sweep';
import { downloadJson, fileName } from '../../app/export/exporters';
import { NUMERIC_KEYS, plotSeries, settingText, SWEEP_LABELS, type SweepKey } from '../../app/training/sweep';
import { useSweep } from '../../app/training/sweepStore';
import { drawStudyChart, type StudyChartSpec } from '../../viz/charts/studyCharts';
import { ExportButtons, svgElementExport } from '../export/ExportButtons';
import { exportButtonsShown } from '../../app/explorer/classroom';
import { useExplorer } from '../../app/explorer/store';

const METRICS: { key: string; label: string }[] = [
  { key: 'accuracy', label: 'test accuracy' },
  { key: 'balancedAccuracy', label: 'balanced accuracy' },
  { key: 'trainAccuracy', label: 'train accuracy' },
  { key: 'dephasedPartners', label: 'dephased partners' },
  { key: 'marginalPartners', label: 'marginal partners' },
  { key: 'shotAccuracy', label: 'test, finite shots' },
];
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

const cell = (r: TableRow, m: string) => {
  const v = r[m] as { mean: number; std: number } | undefined;
  return v ? `${v.mean.toFixed(3)} ± ${v.std.toFixed(3)}` : '—';
};

function SweepPlot({ rows, keys }: { rows: TableRow[]; keys: SweepKey[] }) {
  const numeric = keys.filter((k) => NUMERIC_KEYS.includes(k));
  const [x, setX] = useState<string>('');
  const [line, setLine] = useState<string>('');
  const xKey = numeric.includes(x as SweepKey) ? x : (numeric[0] ?? '');
  const lineKey = keys.includes(line as SweepKey) && line !== xKey ? line : (keys.find((k) => k !== xKey) ?? '');
  const ref = useRef<SVGSVGElement>(null);
  const spec = useMemo<StudyChartSpec | null>(() => {
    if (!xKey) return null;
    const series = plotSeries(rows, xKey, lineKey || null).map((s, i) => ({ ...s, colour: PALETTE[i % PALETTE.length] }));
    return { series, width: 480, height: 260, xLabel: SWEEP_LABELS[xKey as SweepKey], yLabel: 'test accuracy (mean ± std over seeds)' };
  }, [rows, xKey, lineKey]);
  useEffect(() => {
    const id = setTimeout(() => ref.current && spec && drawStudyChart(ref.current, spec), 0);
    return () => clearTimeout(id);
  }, [spec]);
  if (!xKey) return <p className="train-hint">The plot needs a numeric setting with more than one value (α, depth, learning rate, shots or noise).</p>;
  return (
    <figure className="study">
      <figcaption>Sweep: test accuracy against {SWEEP_LABELS[xKey as SweepKey]}</figcaption>
      <div className="train-presets">
        <label>
          x axis{' '}
          <select value={xKey} onChange={(e) => setX(e.target.value)} data-testid="sweep-plot-x">
            {numeric.map((k) => (
              <option key={k} value={k}>
                {SWEEP_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          a line per{' '}
          <select value={lineKey} onChange={(e) => setLine(e.target.value)} data-testid="sweep-plot-line">
            <option value="">(one line)</option>
            {keys
              .filter((k) => k !== xKey)
              .map((k) => (
                <option key={k} value={k}>
                  {SWEEP_LABELS[k]}
                </option>
              ))}
          </select>
        </label>
      </div>
      <svg ref={ref} className="train-chart" role="img" aria-label="Sweep: accuracy plot" data-testid="sweep-plot" />
      <ul className="train-legend">
        {spec?.series.map((s) => (
          <li key={s.name}>
            <span className="swatch" style={{ borderColor: s.colour, background: s.colour }} />
            {s.name}
          </li>
        ))}
      </ul>
      <ExportButtons what="sweep plot" name={['sweep', 'plot']} svg={svgElementExport(ref)} />
    </figure>
  );
}

export function SweepResults() {
  const { table, cards, varied, status } = useSweep();
  // a classroom link hiding Export hides this download too
  const exportShown = useExplorer((s) => exportButtonsShown(s.hidden));
  const keys = (varied.length ? varied : (varyingKeys(table) as SweepKey[])).filter((k) => k !== ('seed' as SweepKey));
  const metrics = METRICS.filter((m) => table.every((r) => r[m.key] !== undefined));
  const csv = () => tableCsv(table, [...metrics.map((m) => m.key)], keys);
  return (
    <div className="sweep-results">
      <div className="train-table-wrap train-table-scroll">
        <table className="train-table" data-testid="sweep-table">
          <caption>
            Mean ± std over the seeds ({cards.length} run{cards.length === 1 ? '' : 's'}
            {status === 'running' ? ' so far' : ''})
          </caption>
          <thead>
            <tr>
              {keys.length ? keys.map((k) => <th key={k}>{SWEEP_LABELS[k]}</th>) : <th>setting</th>}
              <th>seeds</th>
              {metrics.map((m) => (
                <th key={m.key}>{m.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.map((r) => (
              <tr key={JSON.stringify(r.settings)}>
                {keys.length ? (
                  keys.map((k, i) =>
                    i === 0 ? (
                      <th key={k} scope="row">
                        {settingText(r.settings[k])}
                      </th>
                    ) : (
                      <td key={k}>{settingText(r.settings[k])}</td>
                    ),
                  )
                ) : (
                  <th scope="row">the form's</th>
                )}
                <td>{r.seeds.join(', ')}</td>
                {metrics.map((m) => (
                  <td key={m.key}>{cell(r, m.key)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <ExportButtons what="sweep results" name={['sweep', 'results']} csv={csv} />
        {exportShown && (
          <button
            type="button"
            className="export-json"
            aria-label="Export sweep results as JSON (table and run cards)"
            onClick={() => downloadJson({ table, runs: cards }, fileName(['sweep', 'results'], 'json'))}
          >
            JSON (with run cards)
          </button>
        )}
      </div>
      <SweepPlot rows={table} keys={keys} />
    </div>
  );
}
