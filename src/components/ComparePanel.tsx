/**
 * Classical vs quantum (<ComparePanel />): both paths' class probabilities and predictions
 * side by side, the divergence layer, and the central demo — the Bell state |Φ+⟩ and its
 * dephased partner, flipped with one toggle and compared column by column.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ExploreResponse, InputSpec, StackSpec } from '../app/explorer';
import { paletteSpec } from '../viz/config';
import { classLabel, fmt, MISSING } from '../viz/format';
import { drawProbBars } from '../viz/probBars';
import { useExplorer } from '../viz/storeHook';
import { ExplainCompare } from './Explain';
import { readoutCsv } from '../app/exporters';
import { ExportButtons, svgElementExport } from './ExportButtons';
import '../viz/viz.css';

const BELL: InputSpec = { kind: 'bell', which: 'phi+' };
const DEPHASED: InputSpec = { kind: 'dephased', of: BELL };

type DemoTag = 'bell' | 'dephased';

function demoTag(input: InputSpec): DemoTag | null {
  if (input.kind === 'bell' && input.which === 'phi+') return 'bell';
  if (input.kind === 'dephased' && input.of.kind === 'bell' && input.of.which === 'phi+') return 'dephased';
  return null;
}

const stackSig = (s: StackSpec) => JSON.stringify(s);

export function ComparePanel() {
  const result = useExplorer((s) => s.result);
  const input = useExplorer((s) => s.input);
  const stack = useExplorer((s) => s.stack);
  const palette = paletteSpec(useExplorer((s) => s.view.palette));
  const selectLayer = useExplorer((s) => s.selectLayer);
  const headingId = useId();
  const [snaps, setSnaps] = useState<Partial<Record<DemoTag, { sig: string; result: ExploreResponse }>>>({});

  // Remember the newest result of each demo input (for the same stack) for the side-by-side.
  useEffect(() => {
    if (!result) return;
    const st = useExplorer.getState();
    if (st.result !== result) return;
    const tag = demoTag(st.input);
    if (tag) setSnaps((s) => ({ ...s, [tag]: { sig: stackSig(st.stack), result } }));
  }, [result]);

  const tag = demoTag(input);
  const sig = stackSig(stack);
  const showDemo = (which: InputSpec) => {
    const st = useExplorer.getState();
    if (st.stack.task !== 'entanglement') st.setTask('entanglement');
    useExplorer.getState().setInput(which);
  };

  const labels = useMemo(() => (result ? result.classes.map((c) => classLabel(c)) : []), [result]);
  const probs = useMemo(() => (result ? { quantum: Array.from(result.output.probabilities), classical: Array.from(result.classicalOutput.probabilities) } : null), [result]);
  const differ = result ? result.output.predicted !== result.classicalOutput.predicted : false;
  const div = result?.divergenceLayer ?? null;

  return (
    <section className="viz-panel viz-compare" aria-labelledby={headingId} data-request-id={result?.requestId ?? ''}>
      <h2 id={headingId}>Classical vs quantum</h2>
      <ExplainCompare />

      <div className="viz-demo" role="group" aria-label="Central demo">
        <button type="button" onClick={() => showDemo(BELL)}>
          Central demo: Bell vs dephased partner
        </button>
        <button type="button" aria-pressed={tag === 'dephased'} disabled={tag === null} onClick={() => showDemo(tag === 'dephased' ? BELL : DEPHASED)}>
          Show dephased partner
        </button>
        <span className="viz-demo-now">
          {tag === 'bell' ? 'Showing: Bell state |Φ+⟩ (entangled)' : tag === 'dephased' ? 'Showing: dephased partner of |Φ+⟩ (separable)' : 'Start the demo to compare |Φ+⟩ with its dephased partner.'}
        </span>
      </div>

      {result?.noDigit ? (
        <p role="status" aria-label="Prediction">
          Draw a digit: the canvas has no ink, so there is no prediction.
        </p>
      ) : result ? (
        <>
          <div className="viz-paths">
            {(['quantum', 'classical'] as const).map((path) => {
              const out = path === 'quantum' ? result.output : result.classicalOutput;
              return (
                <figure key={path} className="viz-path">
                  <figcaption>
                    {path === 'quantum' ? 'Quantum path' : 'Classical path'}: predicts <strong>{classLabel(result.classes[out.predicted])}</strong>
                  </figcaption>
                  <Bars labels={labels} values={probs![path]} predicted={out.predicted} colour={path === 'quantum' ? palette.quantumLine : palette.classicalLine} name={`${path} path class probabilities`} />
                </figure>
              );
            })}
          </div>
          <ExportButtons what="class probabilities of both paths" name={['class-probabilities']} csv={() => readoutCsv(result)} />
          <table className="viz-table" aria-label="Class probabilities">
            <thead>
              <tr>
                <th scope="col">class</th>
                <th scope="col">quantum path</th>
                <th scope="col">classical path</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((c, m) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  <td>{fmt(result.output.probabilities[m])}</td>
                  <td>{fmt(result.classicalOutput.probabilities[m])}</td>
                </tr>
              ))}
              <tr className={differ ? 'is-different' : ''}>
                <th scope="row">prediction</th>
                <td>{classLabel(result.classes[result.output.predicted])}</td>
                <td>{classLabel(result.classes[result.classicalOutput.predicted])}</td>
              </tr>
              {result.digitLabel !== undefined && (
                <tr>
                  <th scope="row">true label</th>
                  <td colSpan={2}>{classLabel(result.digitLabel)}</td>
                </tr>
              )}
            </tbody>
          </table>
          <p className={`viz-divergence${div !== null ? ' is-diverging' : ''}`}>
            {div !== null ? (
              <>
                The paths' diagonals first differ at <strong>layer {div}</strong>
                {differ ? ', and the predictions differ.' : '.'}{' '}
                <button type="button" onClick={() => selectLayer(div)}>
                  Go to layer {div}
                </button>
              </>
            ) : (
              <>The quantum path's diagonal equals the classical path at every layer (within 10⁻⁴): the off-diagonals changed nothing the readout sees.</>
            )}
          </p>
        </>
      ) : (
        <p>No result yet.</p>
      )}

      <DemoSideBySide bell={snaps.bell?.sig === sig ? snaps.bell.result : undefined} dephased={snaps.dephased?.sig === sig ? snaps.dephased.result : undefined} current={tag} />
    </section>
  );
}

function Bars({ labels, values, predicted, colour, name }: { labels: string[]; values: number[]; predicted: number; colour: string; name: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    if (ref.current) drawProbBars(ref.current, { labels, values, predicted, colour, width: labels.length > 4 ? 280 : 200, height: 110 });
  }, [labels, values, predicted, colour]);
  return (
    <>
      <svg ref={ref} role="img" aria-label={name} />
      <ExportButtons what={name} name={[name]} svg={svgElementExport(ref)} />
    </>
  );
}

function DemoSideBySide({ bell, dephased, current }: { bell?: ExploreResponse; dephased?: ExploreResponse; current: DemoTag | null }) {
  if (!bell && !dephased) return null;
  const last = (r?: ExploreResponse) => (r ? r.layers[r.layers.length - 1] : undefined);
  const pEnt = (o?: { probabilities: Float32Array }) => (o ? fmt(o.probabilities[1]) : MISSING);
  const rows: [string, (r?: ExploreResponse) => string][] = [
    ['classical prediction', (r) => (r ? classLabel(r.classes[r.classicalOutput.predicted]) : MISSING)],
    ['classical P(entangled)', (r) => pEnt(r?.classicalOutput)],
    ['quantum prediction', (r) => (r ? classLabel(r.classes[r.output.predicted]) : MISSING)],
    ['quantum P(entangled)', (r) => pEnt(r?.output)],
    ['l1-coherence, layer 0', (r) => fmt(r?.layers[0]?.measures.coherence)],
    ['l1-coherence, layer 1', (r) => fmt(r?.layers[1]?.measures.coherence)],
    ['trace distance, last layer', (r) => fmt(last(r)?.measures.traceDistanceToClassical)],
    ['divergence layer', (r) => (r ? (r.divergenceLayer === null ? 'none' : String(r.divergenceLayer)) : MISSING)],
  ];
  return (
    <table className="viz-table viz-demo-table" aria-label="Central demo side by side">
      <caption>Same stack, two inputs: the classical rows agree, the quantum rows do not. {(!bell || !dephased) && 'Flip the toggle to fill the other column.'}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className={current === 'bell' ? 'is-current' : ''}>
            Bell |Φ+⟩
          </th>
          <th scope="col" className={current === 'dephased' ? 'is-current' : ''}>
            dephased partner
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, f]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{f(bell)}</td>
            <td>{f(dephased)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
