/**
 * The network as a chain (<LayerChain />): ρ⁽⁰⁾ → block 1 → ρ⁽¹⁾ → … → ρ⁽ᴷ⁾ → readout. Every
 * layer draws its quantum-path density matrix (the selected view plugin) with the classical
 * path's diagonal x⁽ᵏ⁾ under it on the same colour scale; the layer where the paths first
 * differ is marked; each block's α is edited where the block is drawn. A cell repaints only
 * when its numbers changed. Clicking a layer selects it for the large view.
 */
import { modelDepth } from '../../app/explorer/trainedModel';
import { memo, useId, useLayoutEffect, useRef } from 'react';
import { isBlankDrawing, type ExploreLayer } from '../../protocol/explorer';
import type { MatrixView as MatrixViewId, Palette } from '../../app/explorer/store';
import { MATRIX_PLUGINS } from '../../viz/matrix';
import { fixedScale, scaleFor } from '../../viz/matrix/layerData';
import { classLabel, fmt } from '../../viz/format';
import { drawStrip, sameNumbers } from '../../viz/matrix/strip';
import { useExplorer } from '../../app/explorer/storeHook';
import { ViewOptions } from './LayerStrip';
import { FigureExport } from '../export/FigureExport';
import '../../viz/viz.css';
import { Term } from '../teaching/Term';

/** Cell width in CSS pixels: 4×4 states small, 64×64 digits large enough to read as a pattern. */
const cellCss = (d: number) => (d > 16 ? 84 : 62);
/**
 * Depths whose two-qubit chain wraps onto two rows on a wide screen (smaller cells, see
 * chain.css), so every layer stays on the first screen — the bundled entanglement model has
 * 12 blocks. Deeper stacks scroll sideways instead.
 */
const wrapsOnTwoRows = (d: number, K: number) => d <= 16 && K >= 7 && K <= 13;
const WRAPPED_CELL_CSS = 38;
/**
 * Width of a layer's column in the city view (its Re and Im floors side by side). Wrapped cells
 * widen less, so the bundled 12-block model keeps two rows in the city view too (at 1.6× the
 * chain took three rows at 1280 px and pushed the layer view down).
 */
const cityStripWidth = (size: number) => Math.round(size * (size === WRAPPED_CELL_CSS ? 1.1 : 1.6));

export function LayerChain() {
  const result = useExplorer((s) => s.result);
  const blocks = useExplorer((s) => s.stack.blocks);
  const trainedDepth = useExplorer((s) => (s.stack.trained ? modelDepth(s.stack.trained.model) : 0));
  const locked = useExplorer((s) => s.hidden.includes('stack'));
  const view = useExplorer((s) => s.view);
  const selected = useExplorer((s) => s.selectedLayer);
  const selectLayer = useExplorer((s) => s.selectLayer);
  const headingId = useId();
  const K = blocks.length;
  const d = result?.d ?? 4;
  const wrapped = wrapsOnTwoRows(d, K);
  const size = wrapped ? WRAPPED_CELL_CSS : cellCss(d);
  const layers = result?.layers;
  const div = result?.divergenceLayer ?? null;
  const fixed = result ? fixedScale(result) : 1;
  // A blank drawing canvas: an empty state, not the uniform I/64 flowing through the blocks.
  const blank = useExplorer((s) => isBlankDrawing(s.input, s.result));

  return (
    <section className="chain" aria-labelledby={headingId} data-request-id={result?.requestId ?? ''}>
      <div className="chain-head">
        <h2 id={headingId}>Network</h2>
        <ViewOptions />
        {locked && <span className="hint">Stack editing is hidden in this classroom link.</span>}
      </div>
      <ol className={`chain-row${wrapped ? ' is-wrapped' : ''}`} aria-label="Layers of the network">
        {!blank && (
          <li className="chain-legend" aria-hidden="true">
            <span className="chain-legend-q">quantum</span>
            <span className="chain-legend-c">classical</span>
          </li>
        )}
        {blank && <li className="chain-empty">The canvas is blank: draw a digit to see the layers.</li>}
        {!blank &&
          Array.from({ length: K + 1 }, (_, k) => (
            <ChainStep
              key={k === 0 ? 'input' : blocks[k - 1].id}
              k={k}
              layer={layers && layers.length === K + 1 ? layers[k] : undefined}
              d={d}
              nQubits={result?.nQubits ?? 2}
              size={size}
              scale={result && layers && layers.length === K + 1 ? (view.colourScale === 'fixed' ? fixed : scaleFor(result, k, 'per-layer')) : 1}
              view={view.matrixView}
              palette={view.palette}
              selected={selected === k}
              diverges={div === k}
              trained={k > 0 && k <= trainedDepth}
              locked={locked}
              onSelect={selectLayer}
            />
          ))}
        <li className="chain-readout">
          {/* Above the readout box, in the band the cells' labels take: never over a layer or the box. */}
          <FigureExport kind="chain" />
          <span className="chain-arrow" aria-hidden="true">
            →
          </span>
          <span className="chain-readout-box">
            <strong>readout</strong>
            {result?.noDigit ? (
              <span>draw a digit</span>
            ) : result ? (
              <>
                <span>quantum: {classLabel(result.classes[result.output.predicted])}</span>
                <span>classical: {classLabel(result.classes[result.classicalOutput.predicted])}</span>
                {/* Always there (space reserved): the partner toggle must not move anything. */}
                <span className={`chain-part-note${div === null ? ' is-none' : ''}`}>
                  {div === null ? (
                    'the paths never part'
                  ) : (
                    <>
                      <Term id="divergence-layer">◆ paths part</Term> at layer {div}
                    </>
                  )}
                </span>
              </>
            ) : (
              <span>…</span>
            )}
          </span>
        </li>
      </ol>
    </section>
  );
}

interface StepProps {
  k: number;
  layer: ExploreLayer | undefined;
  d: number;
  nQubits: number;
  size: number;
  scale: number;
  view: MatrixViewId;
  palette: Palette;
  selected: boolean;
  diverges: boolean;
  trained: boolean;
  locked: boolean;
  onSelect(k: number): void;
}

/** One layer (and the block before it). Memoised: an α edit re-renders only the α controls (ChainBlock reads its own α), not the 21 steps. */
const ChainStep = memo(function ChainStep(p: StepProps) {
  return (
    <>
      {p.k > 0 && <ChainBlock n={p.k} trained={p.trained} dead={p.layer?.dead ?? false} locked={p.locked} />}
      <li className={`chain-layer${p.selected ? ' is-selected' : ''}${p.diverges ? ' is-divergence' : ''}`} data-layer={p.k}>
        <button type="button" className="chain-layer-label" aria-pressed={p.selected} aria-label={`Select layer ${p.k}`} onClick={() => p.onSelect(p.k)}>
          ρ<sup>({p.k})</sup>
          {p.k === 0 && <span className="chain-note"> input</span>}
        </button>
        <QuantumCell {...p} />
        <ClassicalStrip {...p} />
        {/* Markers sit over the layer's corner (out of the flow): one that comes or goes (the
            partner toggle) never moves the chain, the layer view or the readouts. The words are
            in the chain's head line ("◆ paths part at layer k"). */}
        {p.diverges && (
          <span className="chain-flag" title="The quantum path's diagonal leaves the classical path here">
            ◆
          </span>
        )}
        {p.layer?.dead && (
          <span className="chain-flag chain-dead" title="dead block: Σσ(z) ≤ 1e-12, the block outputs the uniform distribution">
            ✕ dead
          </span>
        )}
      </li>
    </>
  );
});

/** One layer's quantum-path matrix: repainted only when its numbers, scale, view or size change. */
const QuantumCell = memo(function QuantumCell({ k, layer, d, nQubits, size, scale, view, palette, onSelect }: StepProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ re?: Float32Array; im?: Float32Array; key: string }>({ key: '' });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !layer) return;
    const key = `${scale}|${view}|${palette}|${size}|${d}`;
    const prev = last.current;
    if (prev.key === key && sameNumbers(prev.re, layer.rho.re) && sameNumbers(prev.im, layer.rho.im)) return;
    const dpr = window.devicePixelRatio || 1;
    // The city view is wide and low: as wide as the classical strip under it (cityStripWidth).
    const cssSize = view === 'city' ? cityStripWidth(size) : size;
    MATRIX_PLUGINS[view].draw(el, { d, nQubits, re: layer.rho.re, im: layer.rho.im, scaleMax: scale }, { palette, cssSize, dpr, labels: false });
    last.current = { re: layer.rho.re, im: layer.rho.im, key };
  }, [layer, d, nQubits, size, scale, view, palette]);
  return (
    <canvas
      ref={ref}
      className={`chain-q${layer ? '' : ' is-pending'}`}
      role="img"
      aria-label={`quantum path, layer ${k}`}
      width={size}
      height={size}
      onClick={() => onSelect(k)}
    />
  );
});

/** One layer's classical-path diagonal, as a strip under the matrix. */
const ClassicalStrip = memo(function ClassicalStrip({ k, layer, size, scale, palette, view, onSelect }: StepProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x?: Float32Array; key: string }>({ key: '' });
  const width = view === 'city' ? cityStripWidth(size) : size;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !layer) return;
    const key = `${scale}|${palette}|${width}`;
    if (last.current.key === key && sameNumbers(last.current.x, layer.x)) return;
    drawStrip(el, { x: layer.x, scaleMax: scale, palette, cssWidth: width, cssHeight: 12, dpr: window.devicePixelRatio || 1 });
    last.current = { x: layer.x, key };
  }, [layer, width, scale, palette]);
  return <canvas ref={ref} className="chain-c" role="img" aria-label={`classical path, layer ${k}`} width={width} height={12} onClick={() => onSelect(k)} />;
});

/** A block between two layers: its name, badges and α (editable unless a classroom link locks the stack). */
function ChainBlock({ n, trained, dead, locked }: { n: number; trained: boolean; dead: boolean; locked: boolean }) {
  const alpha = useExplorer((s) => s.stack.blocks[n - 1]?.alpha ?? 0);
  const updateBlock = useExplorer((s) => s.updateBlock);
  const id = useId();
  return (
    <li className={`chain-block${dead ? ' is-dead' : ''}`}>
      <span className="chain-block-name">block {n}</span>
      <span className="chain-badges">
        {trained && <span className="badge">trained</span>}
        {dead && (
          <span className="badge badge-dead" title="Σσ(z) ≤ 1e-12: the block outputs the uniform distribution">
            dead
          </span>
        )}
      </span>
      {locked ? (
        <span className="chain-alpha-text">α = {fmt(alpha, 2)}</span>
      ) : (
        <span className="chain-alpha">
          <input
            id={id}
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={alpha}
            aria-label={`α of block ${n}`}
            onChange={(e) => updateBlock(n - 1, { alpha: Number(e.target.value) })}
          />
          <output htmlFor={id}>α {alpha.toFixed(2)}</output>
        </span>
      )}
      <span className="chain-arrow" aria-hidden="true">
        →
      </span>
    </li>
  );
}
