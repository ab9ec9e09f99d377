/**
 * Live plots of the main run (redrawn at each epoch end): loss and accuracy per epoch,
 * accuracy vs depth (greedy), the adversarial subsets beside the baselines' figures, and the
 * confusion matrix (only when the result carries the test labels; counting only).
 */
import { balancedAccuracy, classShares, oneClassNote } from '../../core/states/figures';
import { useEffect, useMemo, useRef } from 'react';
import type { TrainProgress } from '../../protocol/messages';
import { useTraining, type RunSummary, type TrainOutcome } from '../../app/training/store';
import { trainingCurvesCsv } from '../../app/export/exporters';
import { ExportButtons, svgElementExport } from '../export/ExportButtons';
import {
  confusionCounts,
  drawConfusion,
  drawGroupedBars,
  drawSeriesChart,
  TRAIN_COLOURS,
  type BarGroup,
  type SeriesChartSpec,
} from '../../viz/charts/trainingCharts';

const W = 480,
  H = 230;

/**
 * Draw in a task of its own (not in the React commit that delivered the data): an epoch end
 * updates several charts, and one task per chart keeps each main-thread task short.
 */
function deferDraw(draw: () => unknown): () => void {
  const id = setTimeout(draw, 0);
  return () => clearTimeout(id);
}

function SeriesChart({ spec, label, testId }: { spec: SeriesChartSpec; label: string; testId: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => deferDraw(() => ref.current && drawSeriesChart(ref.current, spec)), [spec]);
  return (
    <>
      <svg ref={ref} className="train-chart" role="img" aria-label={label} data-testid={testId} />
      <ExportButtons what={`training ${testId.replace(/-/g, ' ')}`} name={['training', testId]} svg={svgElementExport(ref)} />
    </>
  );
}

function Legend({ items }: { items: { name: string; colour: string; dashed?: boolean }[] }) {
  return (
    <ul className="train-legend">
      {items.map((i) => (
        <li key={i.name}>
          <span className={i.dashed ? 'swatch dashed' : 'swatch'} style={{ borderColor: i.colour, background: i.dashed ? 'transparent' : i.colour }} />
          {i.name}
        </li>
      ))}
    </ul>
  );
}

/** Stage boundaries (greedy: where block k starts) on the global epoch axis. */
function stageMarks(history: TrainProgress[]): { x: number; label: string }[] {
  const marks: { x: number; label: string }[] = [];
  history.forEach((p, i) => {
    if (i === 0 || history[i - 1].stage !== p.stage) marks.push({ x: i + 0.5, label: p.stage });
  });
  return marks.length > 1 ? marks : [];
}

function plannedEpochs(req: { mode: string; depth: number; epochs: number } | undefined): number {
  if (!req) return 1;
  return req.mode === 'quantum-greedy' ? req.depth * req.epochs : req.epochs;
}

function chanceLevel(task: string | undefined): number {
  return task === 'digits' ? 0.1 : 0.5;
}

export function EpochCharts() {
  const history = useTraining((s) => s.history);
  const req = useTraining((s) => (s.phase === 'main' ? s.request : s.summaries[0]?.request));
  const planned = plannedEpochs(req);
  const marks = useMemo(() => stageMarks(history), [history]);
  const lossSpec = useMemo<SeriesChartSpec>(
    () => ({
      series: [{ name: 'training loss', colour: TRAIN_COLOURS.loss, points: history.map((p, i) => ({ x: i + 1, y: p.loss })) }],
      width: W,
      height: H,
      xLabel: 'epoch',
      yLabel: 'cross-entropy',
      xMin: 1,
      xMax: planned,
      marks,
    }),
    [history, planned, marks],
  );
  const accSpec = useMemo<SeriesChartSpec>(
    () => ({
      series: [
        { name: 'train', colour: TRAIN_COLOURS.train, points: history.map((p, i) => ({ x: i + 1, y: p.trainAccuracy })) },
        { name: 'test', colour: TRAIN_COLOURS.test, points: history.map((p, i) => ({ x: i + 1, y: p.testAccuracy })) },
      ],
      width: W,
      height: H,
      xLabel: 'epoch',
      yLabel: 'accuracy',
      yDomain: [0, 1],
      xMin: 1,
      xMax: planned,
      marks,
      reference: { y: chanceLevel(req?.task), label: 'chance' },
    }),
    [history, planned, marks, req?.task],
  );
  const last = history[history.length - 1];
  return (
    <>
      <figure className="train-figure">
        <figcaption>Loss per epoch</figcaption>
        <SeriesChart
          spec={lossSpec}
          testId="loss-chart"
          label={
            last ? `Training loss per epoch; latest ${last.loss.toFixed(4)} after ${history.length} epochs` : 'Training loss per epoch (no epoch finished yet)'
          }
        />
        <Legend items={[{ name: 'training loss (mean over the epoch’s minibatches)', colour: TRAIN_COLOURS.loss }]} />
        <ExportButtons
          what="training curves (loss and accuracy per epoch)"
          name={['training', 'curves']}
          csv={() => (history.length ? trainingCurvesCsv(history) : null)}
        />
      </figure>
      <figure className="train-figure">
        <figcaption>Accuracy per epoch</figcaption>
        <SeriesChart
          spec={accSpec}
          testId="accuracy-chart"
          label={
            last
              ? `Accuracy per epoch; latest train ${last.trainAccuracy.toFixed(3)}, test ${last.testAccuracy.toFixed(3)}`
              : 'Accuracy per epoch (no epoch finished yet)'
          }
        />
        <Legend
          items={[
            { name: 'train (running, over the epoch’s minibatches)', colour: TRAIN_COLOURS.train },
            { name: 'test (whole test set, exact)', colour: TRAIN_COLOURS.test },
          ]}
        />
      </figure>
    </>
  );
}

export function DepthChart() {
  const history = useTraining((s) => s.history);
  const result = useTraining((s) => s.result);
  const req = useTraining((s) => s.summaries[0]?.request ?? s.request);
  const points = useMemo(() => {
    if (result?.accuracyByDepth?.length) return result.accuracyByDepth;
    // Live: the last epoch-end report of each finished or running block.
    const byStage = new Map<number, TrainProgress>();
    for (const p of history) byStage.set(p.depth, p);
    return [...byStage.values()].map((p) => ({ depth: p.depth, trainAccuracy: p.trainAccuracy, testAccuracy: p.testAccuracy }));
  }, [history, result]);
  const spec = useMemo<SeriesChartSpec>(
    () => ({
      series: [
        { name: 'train', colour: TRAIN_COLOURS.train, points: points.map((p) => ({ x: p.depth, y: p.trainAccuracy })) },
        { name: 'test', colour: TRAIN_COLOURS.test, points: points.map((p) => ({ x: p.depth, y: p.testAccuracy })) },
      ],
      width: W,
      height: H,
      xLabel: 'depth (blocks trained)',
      yLabel: 'accuracy',
      yDomain: [0, 1],
      xMin: 1,
      xMax: Math.max(2, req?.depth ?? 2),
      reference: { y: chanceLevel(req?.task), label: 'chance' },
    }),
    [points, req?.depth, req?.task],
  );
  if (req?.mode !== 'quantum-greedy') return null;
  return (
    <figure className="train-figure">
      <figcaption>Accuracy vs depth (greedy)</figcaption>
      <SeriesChart
        spec={spec}
        testId="depth-chart"
        label={`Accuracy after each greedily trained block: ${points.map((p) => `depth ${p.depth} test ${p.testAccuracy.toFixed(3)}`).join(', ') || 'none yet'}`}
      />
      <Legend
        items={[
          { name: 'train', colour: TRAIN_COLOURS.train },
          { name: 'test', colour: TRAIN_COLOURS.test },
        ]}
      />
      {!result?.accuracyByDepth?.length && <p className="train-hint">Live: each block’s latest epoch end; exact figures at the end of the run.</p>}
    </figure>
  );
}

const BAR_COLOURS = [TRAIN_COLOURS.quantum, TRAIN_COLOURS.classical, '#e7298a', '#66a61e'];

export function AdversarialChart() {
  const summaries = useTraining((s) => s.summaries);
  const history = useTraining((s) => s.history);
  const req = useTraining((s) => s.summaries[0]?.request ?? s.request);
  const phaseLabel = useTraining((s) => s.phaseLabel);
  const ref = useRef<SVGSVGElement>(null);
  const rows = useMemo(() => {
    const done = summaries.filter((s) => s.final.adversarialAccuracy);
    if (done.length) return done.map((s) => ({ name: s.label, acc: s.final.adversarialAccuracy! }));
    const last = history[history.length - 1];
    return last?.adversarialAccuracy ? [{ name: `${phaseLabel} (live)`, acc: last.adversarialAccuracy }] : [];
  }, [summaries, history, phaseLabel]);
  const groups = useMemo<BarGroup[]>(() => {
    const kinds: [string, 'dephased' | 'marginal' | 'all'][] = [
      ['dephased partners', 'dephased'],
      ['marginal partners', 'marginal'],
      ['all adversarial', 'all'],
    ];
    return kinds.map(([group, k]) => ({ group, values: rows.map((r, i) => ({ name: r.name, colour: BAR_COLOURS[i % BAR_COLOURS.length], value: r.acc[k] })) }));
  }, [rows]);
  useEffect(() => deferDraw(() => ref.current && rows.length && drawGroupedBars(ref.current, groups, W, H, 0.5)), [groups, rows.length]);
  if (req?.task !== 'entanglement' || !rows.length) return null;
  const hasClassical = summaries.some((s) => s.mode === 'classical');
  return (
    <figure className="train-figure">
      <figcaption>Accuracy on the adversarial test subsets</figcaption>
      <svg
        ref={ref}
        className="train-chart"
        role="img"
        data-testid="adversarial-chart"
        aria-label={rows
          .map((r) => `${r.name}: dephased ${r.acc.dephased.toFixed(3)}, marginal ${r.acc.marginal.toFixed(3)}, all ${r.acc.all.toFixed(3)}`)
          .join('; ')}
      />
      <ExportButtons what="training adversarial chart" name={['training', 'adversarial-chart']} svg={svgElementExport(ref)} />
      <Legend items={rows.map((r, i) => ({ name: r.name, colour: BAR_COLOURS[i % BAR_COLOURS.length] }))} />
      <AdversarialHonesty />
      {!hasClassical && (
        <p className="train-hint">
          The classical analog’s figures appear here after a classical run on the same data (the entanglement preset trains it after the quantum run).
        </p>
      )}
    </figure>
  );
}

function classNames(task: string | undefined): string[] {
  return task === 'digits' ? ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] : ['separable', 'entangled'];
}

export function ConfusionMatrix({ result, task }: { result: TrainOutcome | undefined; task: string | undefined }) {
  const ref = useRef<SVGSVGElement>(null);
  const classes = useMemo(() => classNames(task), [task]);
  const preds = result?.testPredictions;
  const labels = result?.testLabels;
  const counts = useMemo(() => (preds && labels ? confusionCounts(labels, preds, classes.length) : null), [preds, labels, classes.length]);
  const predictedCounts = useMemo(() => {
    if (!preds) return null;
    const c = new Array<number>(classes.length).fill(0);
    for (const p of preds) if (p >= 0 && p < c.length) c[p]++;
    return c;
  }, [preds, classes.length]);
  useEffect(() => deferDraw(() => ref.current && counts && drawConfusion(ref.current, counts, classes, 300)), [counts, classes]);
  if (!result || result.cancelled) return null;
  return (
    <figure className="train-figure">
      <figcaption>Confusion matrix (test set)</figcaption>
      {counts ? (
        <>
          <svg
            ref={ref}
            className="train-chart confusion"
            role="img"
            data-testid="confusion-matrix"
            aria-label="Confusion matrix: rows true class, columns predicted class"
          />
          <ExportButtons what="confusion matrix" name={['training', 'confusion-matrix']} svg={svgElementExport(ref)} />
        </>
      ) : (
        <>
          <p className="train-hint" data-testid="confusion-unavailable">
            Not available: the engine’s result has the test predictions but not the test labels, and the labels are not recomputed here (no physics on the main
            thread). Predicted classes on the test set:
          </p>
          {predictedCounts && (
            <table className="train-table compact">
              <thead>
                <tr>
                  <th scope="col">predicted</th>
                  {classes.map((c) => (
                    <th scope="col" key={c}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">count</th>
                  {predictedCounts.map((n, i) => (
                    <td key={i}>{n}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          )}
        </>
      )}
    </figure>
  );
}

export type { RunSummary };

/**
 * Beside the adversarial bars: partner states are all
 * separable, so a model that answers "separable" to everything fills every bar. Each run's
 * balanced accuracy on the test set, the share of each class it predicts, and a note when one
 * class takes ≥ 95 %.
 */
function AdversarialHonesty() {
  const summaries = useTraining((s) => s.summaries);
  const items = summaries
    .filter((s) => s.testPredictions && s.testLabels && s.testPredictions.length === s.testLabels.length && s.testPredictions.length > 0)
    .map((s) => {
      const shares = classShares(s.testPredictions!, 2);
      return { name: s.label, balanced: balancedAccuracy(s.testPredictions!, s.testLabels!), shares, note: oneClassNote(shares, ['separable', 'entangled']) };
    });
  if (!items.length) return null;
  return (
    <ul className="train-hint adversarial-honesty" data-testid="adversarial-honesty">
      {items.map((it, i) => (
        <li key={i}>
          {it.name}: balanced accuracy {it.balanced.toFixed(3)}; predicted separable {(100 * it.shares[0]).toFixed(1)} %, entangled{' '}
          {(100 * it.shares[1]).toFixed(1)} %
          {it.note && (
            <strong className="train-warning" role="note">
              {' '}
              — {it.note}
            </strong>
          )}
        </li>
      ))}
    </ul>
  );
}
