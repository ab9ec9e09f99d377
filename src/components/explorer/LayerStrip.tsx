/**
 * The selected layer, large (<EvolutionPanel />): its quantum-path density matrix beside the
 * classical path's diagonal, view/colour-scale/palette switches, an entry read-out (status
 * region) and the colour legend. <LayerDetails />: the explanation, a layer scrubber (slider,
 * step buttons, play-through) and the diagonals as a table. Every layer's small view is the
 * chain (LayerChain.tsx).
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isBlankDrawing, type ExploreResponse } from '../../protocol/explorer';
import type { ColourScale, MatrixView as MatrixViewId } from '../../app/explorer/store';
import { VIZ_LIMITS } from '../../viz/config';
import { fmt, ket, MISSING } from '../../viz/format';
import { layerViewSizes } from '../../viz/matrix/layerLayout';
import { MATRIX_PLUGINS, MATRIX_VIEW_ORDER } from '../../viz/matrix';
import { classicalData, quantumData, scaleFor, shownLayer } from '../../viz/matrix/layerData';
import { useExplorer } from '../../app/explorer/storeHook';
import { ExplainEvolution } from '../shell/Explain';
import { IndexLegend, Legend } from './MatrixLegend';
import { FigureExport } from '../export/FigureExport';
import { MatrixView } from './MatrixView';
import '../../viz/viz.css';

/** Width of an element in CSS pixels (ResizeObserver). */
export function useWidth<T extends HTMLElement>(fallback: number): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const cw = Math.floor(entries[0].contentRect.width);
      if (cw > 0) setW(cw);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

/** The view options (matrix view, colour scale, palette): they apply to every matrix, the chain's too. */
export function ViewOptions() {
  const view = useExplorer((s) => s.view);
  const setView = useExplorer((s) => s.setView);
  return (
    <div className="viz-controls">
      <RadioGroup<MatrixViewId>
        name="Matrix view"
        value={view.matrixView}
        options={MATRIX_VIEW_ORDER.map((id) => ({ value: id, label: id === 'heatmap' ? 'Heatmap' : id === 'hinton' ? 'Hinton' : 'City (Re/Im)' }))}
        onChange={(matrixView) => setView({ matrixView })}
      />
      <RadioGroup<ColourScale>
        name="Colour scale"
        value={view.colourScale}
        options={[
          { value: 'fixed', label: 'Fixed' },
          { value: 'per-layer', label: 'Per layer' },
        ]}
        onChange={(colourScale) => setView({ colourScale })}
      />
      <label className="viz-check">
        <input
          type="checkbox"
          checked={view.palette === 'colour-blind'}
          onChange={(e) => setView({ palette: e.target.checked ? 'colour-blind' : 'default' })}
        />
        Colour-blind palette
      </label>
    </div>
  );
}

export function EvolutionPanel() {
  const result = useExplorer((s) => s.result);
  const selected = useExplorer((s) => s.selectedLayer);
  const view = useExplorer((s) => s.view);
  const [entry, setEntry] = useState<string | null>(null);
  const headingId = useId();
  const [mainRef, mainWidth] = useWidth<HTMLDivElement>(440);
  // A blank drawing canvas: say so instead of drawing the uniform I/64 (as the chain does).
  const blank = useExplorer((s) => isBlankDrawing(s.input, s.result));

  const K = result ? result.layers.length - 1 : 0;
  const k = shownLayer(result, selected);
  const layer = result?.layers[k];

  const scale = result ? scaleFor(result, k, view.colourScale) : 1;
  const qData = useMemo(() => (result ? quantumData(result, k, scale) : null), [result, k, scale]);
  const cData = useMemo(() => (result ? classicalData(result, k, scale) : null), [result, k, scale]);

  const plugin = MATRIX_PLUGINS[view.matrixView];
  const d = result?.d ?? 4;
  const nQubits = result?.nQubits ?? 2;
  const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
  const sizes = layerViewSizes(view.matrixView, d, nQubits, mainWidth, dpr);
  // Compact: each figure as wide as its drawing (the quantum one may be the wider).
  const figStyle = (cssSize: number) => (sizes.mode === 'compact' ? { flex: '0 0 auto', width: cssSize } : undefined);

  const layerName = k === 0 ? 'layer 0 (input)' : `layer ${k}`;
  const divergence = result?.divergenceLayer ?? null;

  return (
    <section className="viz-panel viz-evolution" aria-labelledby={headingId} data-request-id={result?.requestId ?? ''} data-layer={k}>
      <div className="viz-evolution-head">
        <h2 id={headingId}>Layer by layer</h2>
        <span className="viz-layer-now">{result ? `layer ${k} of ${K}${k === 0 ? ' (input)' : ''}` : ''}</span>
        <FigureExport kind="layer" />
      </div>

      {blank && <p className="chain-empty">The canvas is blank: draw a digit to see its layers.</p>}
      <div className={`viz-main is-${sizes.mode}`} ref={mainRef} data-layout={sizes.mode} hidden={blank}>
        <figure className="viz-figure" style={figStyle(sizes.quantum.cssSize)}>
          <figcaption>
            Quantum path ρ<sup>({k})</sup>, {layerName}
            {layer?.dead && <span className="viz-flag viz-dead">dead block: q uniform</span>}
            {divergence !== null && k === divergence && <span className="viz-flag viz-diverge">paths diverge here</span>}
          </figcaption>
          <MatrixView
            data={qData}
            view={view.matrixView}
            palette={view.palette}
            cssSize={sizes.quantum.cssSize}
            rowLabels={sizes.quantum.rowLabels}
            indexLabels={sizes.quantum.indexLabels}
            label={`Quantum path density matrix, ${layerName}, ${plugin.label}`}
            context={`Quantum path, ${layerName}`}
            onEntry={setEntry}
            exportName={[`layer${k}`, 'quantum', view.matrixView]}
          />
        </figure>
        <figure className="viz-figure" style={figStyle(sizes.classical.cssSize)}>
          <figcaption>
            Classical path diag(x<sup>({k})</sup>), {layerName}
            {layer?.classicalDead && <span className="viz-flag viz-dead">classical dead block: q uniform</span>}
          </figcaption>
          <MatrixView
            data={cData}
            view={view.matrixView}
            palette={view.palette}
            cssSize={sizes.classical.cssSize}
            rowLabels={sizes.classical.rowLabels}
            indexLabels={sizes.classical.indexLabels}
            label={`Classical path diagonal, ${layerName}, ${plugin.label}`}
            context={`Classical path, ${layerName}`}
            onEntry={setEntry}
            exportName={[`layer${k}`, 'classical', view.matrixView]}
          />
        </figure>
      </div>

      <p className="viz-entry" role="status" aria-label="Matrix entry">
        {entry ?? 'Hover, tap or focus a matrix (arrow keys) to read an entry.'}
      </p>
      {sizes.quantum.indexLabels && result && <IndexLegend nQubits={result.nQubits} />}
      <Legend palette={view.palette} view={view.matrixView} scale={scale} mode={view.colourScale} />
    </section>
  );
}

/** The explanation, the layer scrubber (slider, step, play) and the diagonals table (below the one screen). */
export function LayerDetails() {
  const result = useExplorer((s) => s.result);
  const selected = useExplorer((s) => s.selectedLayer);
  const view = useExplorer((s) => s.view);
  const selectLayer = useExplorer((s) => s.selectLayer);
  const [playing, setPlaying] = useState(false);
  const headingId = useId();
  const K = result ? result.layers.length - 1 : 0;
  const k = shownLayer(result, selected);

  // Play-through: one layer per step, stopping at the last.
  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => {
      const st = useExplorer.getState();
      const last = (st.result?.layers.length ?? 1) - 1;
      if (st.selectedLayer >= last) setPlaying(false);
      else st.selectLayer(st.selectedLayer + 1);
    }, VIZ_LIMITS.playStepMs);
    return () => clearInterval(t);
  }, [playing]);

  return (
    <section className="viz-panel viz-layer-details" aria-labelledby={headingId}>
      <h2 id={headingId}>Step through the layers</h2>
      <ExplainEvolution view={view.matrixView} />
      <div className="viz-scrubber">
        <button type="button" onClick={() => selectLayer(k - 1)} disabled={!result || k <= 0}>
          Previous layer
        </button>
        <input
          type="range"
          aria-label="Layer"
          min={0}
          max={K}
          step={1}
          value={k}
          disabled={!result}
          aria-valuetext={`layer ${k} of ${K}${k === 0 ? ' (input)' : ''}`}
          onChange={(e) => selectLayer(Number(e.target.value))}
        />
        <button type="button" onClick={() => selectLayer(k + 1)} disabled={!result || k >= K}>
          Next layer
        </button>
        <button
          type="button"
          aria-pressed={playing}
          disabled={!result || K === 0}
          onClick={() => {
            if (!playing && k >= K) selectLayer(0);
            setPlaying(!playing);
          }}
        >
          {playing ? 'Pause' : 'Play layers'}
        </button>
        <span className="viz-layer-label" aria-live="off">
          {result ? `Layer ${k} of ${K}` : 'No result yet'}
        </span>
      </div>

      {result && result.d <= VIZ_LIMITS.maxDiagonalTableDim && <DiagonalTable result={result} k={k} />}
    </section>
  );
}

function RadioGroup<T extends string>({
  name,
  value,
  options,
  onChange,
}: {
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div role="radiogroup" aria-labelledby={id} className="viz-radiogroup">
      <span id={id} className="viz-radiogroup-name">
        {name}
      </span>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}

function DiagonalTable({ result, k }: { result: ExploreResponse; k: number }) {
  const l = result.layers[k];
  return (
    <table className="viz-table" aria-label="Diagonals at the selected layer">
      <caption>
        Diagonals at layer {k}: quantum ρ<sub>ii</sub> and classical x<sub>i</sub>
      </caption>
      <thead>
        <tr>
          <th scope="col">basis state</th>
          <th scope="col">quantum ρ_ii</th>
          <th scope="col">classical x_i</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: result.d }, (_, i) => (
          <tr key={i}>
            <th scope="row">{ket(i, result.nQubits)}</th>
            <td>{l ? fmt(l.rho.re[i * result.d + i]) : MISSING}</td>
            <td>{l ? fmt(l.x[i]) : MISSING}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
