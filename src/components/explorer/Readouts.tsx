/**
 * The two readouts side by side (<Readouts />): the quantum path's and the classical path's
 * class probabilities, each a region ("Quantum path readout", "Classical path readout") that
 * states its prediction in words. With seeded weights every prediction is labelled
 * "untrained (random) weights", so nobody reads a random network's guess as a result.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { paletteSpec } from '../../viz/config';
import { classLabel, fmt } from '../../viz/format';
import { drawProbBars } from '../../viz/charts/probBars';
import { useExplorer } from '../../app/explorer/storeHook';
import { weightsNote } from '../../app/explorer/weightsNote';
import { ExportButtons, svgElementExport } from '../export/ExportButtons';
import { useCaption, VerdictMark } from './Caption';
import '../../viz/viz.css';

export function Readouts() {
  const result = useExplorer((s) => s.result);
  const trained = useExplorer((s) => s.stack.trained);
  const depth = useExplorer((s) => s.stack.blocks.length);
  const note = weightsNote(trained, depth);
  const cap = useCaption();
  const truthCls = cap?.state.truth.cls;
  const truthName = cap && truthCls !== null && truthCls !== undefined ? classLabel(cap.state.classes[truthCls] ?? truthCls) : 'unknown';
  const palette = paletteSpec(useExplorer((s) => s.view.palette));
  const labels = useMemo(() => (result ? result.classes.map((c) => classLabel(c)) : []), [result]);
  // Axis ticks: the bare digit for ten classes (full labels would run together).
  const ticks = useMemo(() => (result ? result.classes.map((c) => (typeof c === 'number' ? String(c) : c)) : []), [result]);

  return (
    <section className="readouts" aria-label="Readouts" id="explorer-readouts" tabIndex={-1} data-request-id={result?.requestId ?? ''}>
      {(['quantum', 'classical'] as const).map((path) => {
        const out = result ? (path === 'quantum' ? result.output : result.classicalOutput) : undefined;
        const name = path === 'quantum' ? 'Quantum path readout' : 'Classical path readout';
        const values = out ? Array.from(out.probabilities) : [];
        return (
          <section key={path} className={`readout readout-${path}`} aria-label={name}>
            <h3>{path === 'quantum' ? 'Quantum path' : 'Classical path'}</h3>
            {result?.noDigit ? (
              <p className="predicts">Draw a digit: the canvas has no ink, so there is no prediction.</p>
            ) : result && out ? (
              <>
                <p className="predicts">
                  predicts <strong>{classLabel(result.classes[out.predicted])}</strong>
                </p>
                <p className="truth">
                  {cap && <VerdictMark verdict={cap[path]} path={path === 'quantum' ? 'Quantum' : 'Classical'} truth={truthName} />} truth:{' '}
                  <strong>{truthName}</strong>
                  {cap?.state.input.kind === 'dataset'
                    ? ' (label in your dataset)'
                    : result.d === 4
                      ? ' (PPT)'
                      : cap?.state.input.kind === 'mnist'
                        ? ' (label)'
                        : ''}
                </p>
                <p className="prob">
                  P({classLabel(result.classes[out.predicted])}) = {fmt(values[out.predicted], 3)}
                </p>
                <Bars
                  labels={ticks}
                  names={labels}
                  values={values}
                  predicted={out.predicted}
                  colour={path === 'quantum' ? palette.quantumLine : palette.classicalLine}
                  name={`${path} path class probabilities`}
                />
              </>
            ) : (
              <p className="predicts">computing…</p>
            )}
            {/* Random weights are a caution (their "prediction" means nothing); a trained model
                cut short or made deeper is information: neither is styled as an error. */}
            <p className={`weights-note${note.untrained ? (trained ? ' is-partial' : ' is-untrained') : ''}`}>
              {note.untrained && !trained && <span aria-hidden="true">⚠ </span>}
              {note.text}
            </p>
          </section>
        );
      })}
      {cap?.state.inputIsDiagonal && result && result.d > 4 && (
        <p className="readouts-coincide">
          {cap.state.input.kind === 'dataset' ? 'This state of your dataset is diagonal' : 'A digit enters as a diagonal state'}, so the two paths compute the
          same numbers at every layer (the <strong>exact correspondence</strong> of a QRB with its classical residual network): their predictions coincide.
        </p>
      )}
    </section>
  );
}

function Bars({
  labels,
  names,
  values,
  predicted,
  colour,
  name,
}: {
  labels: string[];
  names: string[];
  values: number[];
  predicted: number;
  colour: string;
  name: string;
}) {
  const ref = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    if (ref.current) drawProbBars(ref.current, { labels, values, predicted, colour, width: labels.length > 4 ? 260 : 200, height: 96 });
  }, [labels, values, predicted, colour]);
  const summary = names.map((n, k) => `${n} ${fmt(values[k], 3)}`).join(', ');
  return (
    <div className="readout-bars">
      <svg ref={ref} role="img" aria-label={`${name}: ${summary}`} />
      <ExportButtons what={name} name={[name]} svg={svgElementExport(ref)} />
    </div>
  );
}
