/**
 * Per-layer measures of the quantum path. <MetricsPanel />: small multiples (d3 line charts) of
 * purity, entropy, l1-coherence, concurrence and negativity (two qubits) and the trace distance
 * to the classical path, the selected layer marked. <MetricsDetails />: the explanation, the
 * CSV export and a table of the selected layer's numbers.
 */
import { useId, useLayoutEffect, useRef } from 'react';
import { isBlankDrawing, type ExploreLayer, type ExploreResponse } from '../../protocol/explorer';
import { DIVERGENCE_COLOUR, MEASURES, paletteSpec, type MeasureKey } from '../../viz/config';
import { fmt, MISSING } from '../../viz/format';
import { shownLayer } from '../../viz/matrix/layerData';
import { drawLineChart, updateLineChartSelection } from '../../viz/charts/lineChart';
import { useExplorer } from '../../app/explorer/storeHook';
import { ExplainMetrics } from '../shell/Explain';
import { metricsCsv } from '../../app/export/exporters';
import { ExportButtons, svgElementExport } from '../export/ExportButtons';
import { Formula } from '../teaching/Formula';
import { Term } from '../teaching/Term';
import type { FormulaId } from '../../content/lessons/types';
import type { GlossaryId } from '../../content/glossary';
import '../../viz/viz.css';

/** Each measure's formula and glossary entry (src/content). */
const MEASURE_TERM: Record<MeasureKey, FormulaId & GlossaryId> = {
  purity: 'purity',
  entropy: 'entropy',
  coherence: 'coherence',
  concurrence: 'concurrence',
  negativity: 'negativity',
  traceDistanceToClassical: 'trace-distance',
};

function measureOf(l: ExploreLayer | undefined, key: MeasureKey): number | undefined {
  const v = l?.measures[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Why concurrence and negativity are not shown for a dataset model of n ≠ 2 qubits: both are
 * defined here for two qubits (docs/math.md §8; the negativity of a chosen bipartition is not
 * computed). Null for the built-in tasks (their views are unchanged) and for two qubits.
 */
export function twoQubitMeasuresReason(nQubits: number | undefined, datasetStack: boolean): string | null {
  if (!datasetStack || nQubits === undefined || nQubits === 2) return null;
  return `Concurrence and negativity are defined here for two qubits (a 4×4 state); this model has ${nQubits} qubit${nQubits === 1 ? '' : 's'}, so they are not shown. Purity, entropy and l1-coherence hold for any d.`;
}

function yRange(key: MeasureKey, r: ExploreResponse): [number, number] {
  switch (key) {
    case 'purity':
    case 'concurrence':
    case 'traceDistanceToClassical':
      return [0, 1];
    case 'entropy':
      return [0, r.nQubits];
    case 'negativity':
      return [0, 0.5];
    case 'coherence':
      return [0, 1];
  }
}

export function MetricsPanel() {
  const result = useExplorer((s) => s.result);
  const selected = useExplorer((s) => s.selectedLayer);
  const palette = useExplorer((s) => s.view.palette);
  const selectLayer = useExplorer((s) => s.selectLayer);
  const headingId = useId();
  const k = shownLayer(result, selected);
  const twoQubits = result?.d === 4;
  const measures = MEASURES.filter((m) => !m.twoQubitOnly || twoQubits);
  // A blank drawing canvas: no curves of the uniform I/64 (as the chain and the layer view).
  const blank = useExplorer((s) => isBlankDrawing(s.input, s.result));
  const onlyTwo = twoQubitMeasuresReason(
    result?.nQubits,
    useExplorer((s) => s.stack.dataset !== undefined),
  );

  return (
    <section className="viz-panel viz-metrics" aria-labelledby={headingId} data-request-id={result?.requestId ?? ''} data-layer={k}>
      <div className="viz-metrics-head">
        <h2 id={headingId}>Measures per layer</h2>
        <p className="viz-chart-key">
          <span className="viz-key-selected" /> layer {k} (selected){' '}
          {result && (
            <>
              · <span className="viz-key-divergence" style={{ borderColor: DIVERGENCE_COLOUR }} /> paths part
            </>
          )}{' '}
          · ✕ dead block · click a chart to select a layer
        </p>
      </div>
      {blank ? (
        <p className="chain-empty">The canvas is blank: draw a digit to see its measures.</p>
      ) : result ? (
        <div className="viz-charts">
          {measures.map((m) => (
            <Chart
              key={m.key}
              result={result}
              measure={m.key}
              title={m.label}
              label={m.label}
              selected={k}
              colour={paletteSpec(palette).quantumLine}
              onSelect={selectLayer}
            />
          ))}
          {onlyTwo && (
            <p className="viz-chart-key" title={onlyTwo} data-testid="two-qubit-measures-note">
              Concurrence, negativity: — (two qubits only)
            </p>
          )}
        </div>
      ) : (
        <p>No result yet.</p>
      )}
    </section>
  );
}

/** The measures' explanation, CSV export and the selected layer's numbers (below the one screen). */
export function MetricsDetails() {
  const result = useExplorer((s) => s.result);
  const selected = useExplorer((s) => s.selectedLayer);
  const headingId = useId();
  const k = shownLayer(result, selected);
  const twoQubits = result?.d === 4;
  const measures = MEASURES.filter((m) => !m.twoQubitOnly || twoQubits);
  const layer = result?.layers[k];
  const onlyTwo = twoQubitMeasuresReason(
    result?.nQubits,
    useExplorer((s) => s.stack.dataset !== undefined),
  );
  return (
    <section className="viz-panel viz-metrics-details" aria-labelledby={headingId}>
      <h2 id={headingId}>Measures: the numbers</h2>
      <ExplainMetrics />
      {result && <ExportButtons what="measures per layer (table of every layer)" name={['measures-per-layer']} csv={() => metricsCsv(result)} />}
      <table className="viz-table" aria-label="Measures at the selected layer">
        <caption>
          Quantum path at layer {k}
          {k === 0 ? ' (input)' : ''}
          {layer?.dead ? ' — dead block: q uniform' : ''}
        </caption>
        <tbody>
          {measures.map((m) => (
            <tr key={m.key}>
              <th scope="row">
                <Term id={MEASURE_TERM[m.key]}>{m.label}</Term>
              </th>
              <td>{fmt(measureOf(layer, m.key))}</td>
              <td className="viz-formula-cell">
                <Formula id={MEASURE_TERM[m.key]} />
              </td>
            </tr>
          ))}
          {onlyTwo &&
            (['concurrence', 'negativity'] as const).map((key) => (
              <tr key={key} title={onlyTwo}>
                <th scope="row">
                  <Term id={MEASURE_TERM[key]}>{key === 'concurrence' ? 'Concurrence' : 'Negativity'}</Term>
                </th>
                <td>{MISSING}</td>
                <td>{onlyTwo}</td>
              </tr>
            ))}
          <tr>
            <th scope="row">trace</th>
            <td>{fmt(layer?.measures.trace)}</td>
          </tr>
          {twoQubits && (
            <tr>
              <th scope="row">
                <Term id="ppt">PPT verdict</Term>
              </th>
              <td>{layer?.measures.ppt === undefined ? MISSING : layer.measures.ppt ? 'PPT: separable' : 'NPT: entangled'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function Chart({
  result,
  measure,
  title,
  label,
  selected,
  colour,
  onSelect,
}: {
  result: ExploreResponse;
  measure: MeasureKey;
  title: string;
  label: string;
  selected: number;
  colour: string;
  onSelect: (k: number) => void;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useLayoutEffect(() => {
    if (!ref.current) return;
    const [yMin, yMaxAtLeast] = yRange(measure, result);
    drawLineChart(ref.current, {
      values: result.layers.map((l) => measureOf(l, measure)),
      yMin,
      yMaxAtLeast,
      selected: selectedRef.current,
      divergence: result.divergenceLayer,
      dead: result.layers.map((l) => l.dead),
      colour,
      width: 170,
      height: 80,
      onSelect,
    });
  }, [result, measure, colour, onSelect]);
  useLayoutEffect(() => {
    if (ref.current) updateLineChartSelection(ref.current, selected);
  }, [selected]);
  return (
    <figure className="viz-chart">
      <figcaption title={MEASURES.find((m) => m.key === measure)?.title}>
        <Term id={MEASURE_TERM[measure]}>{title}</Term>
      </figcaption>
      <svg ref={ref} role="img" aria-label={`${label} per layer`} />
      <ExportButtons what={`${label} chart`} name={[label, 'per-layer']} svg={svgElementExport(ref)} />
    </figure>
  );
}
