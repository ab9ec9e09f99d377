/**
 * Classical vs quantum, the details (<ComparePanel />): both paths' class probabilities as a
 * table, the divergence layer, and the central demo — an input and its dephased partner
 * (|Φ+⟩ by default; any two-qubit input), flipped with one toggle and compared column by
 * column. The readouts themselves are drawn by Readouts.tsx in the one-screen view.
 */
import { useId, useMemo, useState } from 'react';
import type { ExploreResponse, InputSpec, StackSpec } from '../../protocol/explorer';
import { classLabel, fmt, MISSING } from '../../viz/format';
import { useExplorer } from '../../app/explorer/storeHook';
import { ExplainCompare } from '../shell/Explain';
import { readoutCsv } from '../../app/export/exporters';
import { ExportButtons } from '../export/ExportButtons';
import { describeInput } from '../inputs/InputPanel';
import '../../viz/viz.css';

const BELL: InputSpec = { kind: 'bell', which: 'phi+' };

type DemoTag = 'bell' | 'dephased';

/** Which side of the demo an input is: a state, or the dephased partner of one (digits: none). */
function demoTag(input: InputSpec): DemoTag | null {
  if (input.kind === 'mnist' || input.kind === 'drawn') return null;
  return input.kind === 'dephased' ? 'dephased' : 'bell';
}
const baseOf = (input: InputSpec): InputSpec => (input.kind === 'dephased' ? input.of : input);

/** A trained model's weights, by identity (stringifying them on every render costs milliseconds). */
const modelIds = new WeakMap<object, number>();
let nextModelId = 1;
const modelId = (m: object) => {
  let id = modelIds.get(m);
  if (id === undefined) modelIds.set(m, (id = nextModelId++));
  return id;
};
const stackSig = (s: StackSpec, input: InputSpec) =>
  JSON.stringify([{ ...s, trained: s.trained && { name: s.trained.name, model: modelId(s.trained.model) } }, baseOf(input)]);

export function ComparePanel() {
  const result = useExplorer((s) => s.result);
  const input = useExplorer((s) => s.input);
  const stack = useExplorer((s) => s.stack);
  const selectLayer = useExplorer((s) => s.selectLayer);
  const headingId = useId();
  const [snaps, setSnaps] = useState<Partial<Record<DemoTag, { sig: string; result: ExploreResponse }>>>({});
  const [seen, setSeen] = useState<ExploreResponse | undefined>(undefined);
  /** The stack and input the shown result was computed for (an edit in flight does not blank the table). */
  const [shownSig, setShownSig] = useState<string | undefined>(undefined);

  const tag = demoTag(input);
  // Remember the newest result of each demo input (for the same stack) for the side-by-side.
  // Adjusted while rendering (not in an effect), so a new result is one commit, not two; the
  // signature is computed only then (not on every edit of the stack).
  if (result !== seen) {
    const sig = stackSig(stack, input);
    setSeen(result);
    setShownSig(sig);
    if (result && tag) setSnaps((s) => ({ ...s, [tag]: { sig, result } }));
  }
  const showDemo = (which: InputSpec) => {
    // The task switch (if any) and the input in one update: one undo step.
    useExplorer.getState().setInput(which, 'entanglement');
  };

  const labels = useMemo(() => (result ? result.classes.map((c) => classLabel(c)) : []), [result]);
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
        <button
          type="button"
          aria-pressed={tag === 'dephased'}
          disabled={tag === null}
          onClick={() => (input.kind === 'dephased' ? showDemo(input.of) : showDemo({ kind: 'dephased', of: input }))}
        >
          Show dephased partner
        </button>
        <span className="viz-demo-now">
          {tag === 'bell'
            ? `Showing: ${describeInput(input)}`
            : tag === 'dephased'
              ? `Showing: ${describeInput(input)} (separable)`
              : 'Start the demo to compare |Φ+⟩ with its dephased partner.'}
        </span>
      </div>

      {result?.noDigit ? (
        <p role="status" aria-label="Prediction">
          Draw a digit: the canvas has no ink, so there is no prediction.
        </p>
      ) : result ? (
        <>
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

      <DemoSideBySide
        bell={snaps.bell && snaps.bell.sig === shownSig ? snaps.bell.result : undefined}
        dephased={snaps.dephased && snaps.dephased.sig === shownSig ? snaps.dephased.result : undefined}
        current={tag}
        base={describeInput(baseOf(input))}
      />
    </section>
  );
}

function DemoSideBySide({ bell, dephased, current, base }: { bell?: ExploreResponse; dephased?: ExploreResponse; current: DemoTag | null; base: string }) {
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
      <caption>
        Same stack, two inputs: the classical rows agree, the quantum rows do not. {(!bell || !dephased) && 'Flip the toggle to fill the other column.'}
      </caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className={current === 'bell' ? 'is-current' : ''}>
            {base}
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
