/**
 * "Beyond the paper": the four studies of src/protocol/experiments.ts as
 * one-click presets. Each runs in the engine worker (runStudy); this component only plots the
 * numbers it returns (d3, src/viz/charts/studyCharts.ts) and tabulates them.
 */
import { useEffect, useRef, useState } from 'react';
import type { AlphaSweepResults, GreedyVsEndToEndResults, NoiseResults, ShotsSweepResults } from '../../../workers/engine/studies/runners';
import { runStudyWithProgress } from '../../app/engine/engineClient';
import { toCsv } from '../../app/export/exporters';
import { ExportButtons, svgElementExport } from '../export/ExportButtons';
import { RowHeaderTable } from './RowHeaderTable';
import { drawGroupedBars, TRAIN_COLOURS } from '../../viz/charts/trainingCharts';
import { drawStudyChart, type StudyChartSpec } from '../../viz/charts/studyCharts';

type StudyName = 'alphaSweep' | 'shotsSweep' | 'greedyVsEndToEnd' | 'noise';
type Size = 'quick' | 'full';

interface StudyResults {
  alphaSweep?: AlphaSweepResults;
  shotsSweep?: ShotsSweepResults;
  greedyVsEndToEnd?: GreedyVsEndToEndResults;
  noise?: NoiseResults;
}

const STUDIES: { name: StudyName; label: string; desc: string }[] = [
  {
    name: 'alphaSweep',
    label: 'Study: accuracy vs α',
    desc: 'entanglement test accuracy against the residual weight α at fixed depth, several seeds (mean ± std)',
  },
  { name: 'shotsSweep', label: 'Study: accuracy vs shots', desc: 'the trained entanglement model evaluated with N_s shots per unitary per block, and exactly' },
  {
    name: 'greedyVsEndToEnd',
    label: 'Study: greedy vs end-to-end',
    desc: 'greedy layer-wise against end-to-end training on the same budget (blocks × epochs)',
  },
  { name: 'noise', label: 'Study: accuracy vs noise λ', desc: "a depolarising channel of strength λ on each block's input" },
];

const W = 480,
  H = 240;
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

function StudyChart({ spec, label, testId }: { spec: StudyChartSpec; label: string; testId: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const id = setTimeout(() => ref.current && drawStudyChart(ref.current, spec), 0);
    return () => clearTimeout(id);
  }, [spec]);
  return (
    <>
      <svg ref={ref} className="train-chart" role="img" aria-label={label} data-testid={testId} />
      <ExportButtons what={`${label} plot`} name={[testId]} svg={svgElementExport(ref)} />
    </>
  );
}

function Table({ name, caption, head, rows }: { name: StudyName; caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <div className="train-table-wrap train-table-scroll">
      <RowHeaderTable testId={`study-table-${name}`} caption={caption} head={head} rows={rows} />
      {/* the CSV holds the table as shown; '—' (not a number) becomes an empty cell */}
      <ExportButtons
        what={`${caption} table`}
        name={['study', name, 'table']}
        csv={() =>
          toCsv(
            head,
            rows.map((r) => r.map((c) => (c === '—' ? '' : c))),
          )
        }
      />
    </div>
  );
}

function AlphaStudy({ r }: { r: AlphaSweepResults }) {
  const spec: StudyChartSpec = {
    series: [{ name: 'test (mean ± std)', colour: TRAIN_COLOURS.quantum, points: r.points.map((p) => ({ x: p.alpha, y: p.mean, err: p.std })) }],
    width: W,
    height: H,
    xLabel: 'α',
    yLabel: 'test accuracy',
  };
  return (
    <figure className="study">
      <StudyChart spec={spec} label="Accuracy vs α" testId="study-plot-alphaSweep" />
      <Table
        name="alphaSweep"
        caption={`Depth ${r.depth}, seeds ${r.seeds.join(', ')} (${r.seconds.toFixed(1)} s)`}
        head={['α', 'test mean', 'std', 'dephased', 'marginal']}
        rows={r.points.map((p) => [p.alpha, f(p.mean), f(p.std), f(p.dephasedMean), f(p.marginalMean)])}
      />
    </figure>
  );
}

function ShotsStudy({ r }: { r: ShotsSweepResults }) {
  const exact = r.points.find((p) => p.shots === 'exact');
  const finite = r.points.filter((p): p is typeof p & { shots: number } => typeof p.shots === 'number');
  const spec: StudyChartSpec = {
    series: [{ name: 'test, N_s shots', colour: TRAIN_COLOURS.quantum, points: finite.map((p) => ({ x: p.shots, y: p.testAccuracy })) }],
    width: W,
    height: H,
    xLabel: 'N_s (shots per unitary per block, log scale)',
    yLabel: 'test accuracy',
    logX: true,
    reference: exact ? { y: exact.testAccuracy, label: `exact ${f(exact.testAccuracy)}` } : undefined,
  };
  return (
    <figure className="study">
      <StudyChart spec={spec} label="Accuracy vs shots" testId="study-plot-shotsSweep" />
      <Table
        name="shotsSweep"
        caption={`First ${r.evalSize} test states (${r.seconds.toFixed(1)} s)`}
        head={['N_s', 'test', 'dephased', 'marginal']}
        rows={r.points.map((p) => [p.shots, f(p.testAccuracy), f(p.dephasedAccuracy), f(p.marginalAccuracy)])}
      />
    </figure>
  );
}

function GreedyStudy({ r }: { r: GreedyVsEndToEndResults }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const groups = [
      { group: 'test', g: r.greedy.testAccuracy, e: r.endToEnd.testAccuracy },
      { group: 'dephased', g: r.greedy.dephasedAccuracy, e: r.endToEnd.dephasedAccuracy },
      { group: 'marginal', g: r.greedy.marginalAccuracy, e: r.endToEnd.marginalAccuracy },
    ].map((x) => ({
      group: x.group,
      values: [
        { name: 'greedy', colour: TRAIN_COLOURS.quantum, value: x.g },
        { name: 'end-to-end', colour: TRAIN_COLOURS.classical, value: x.e },
      ],
    }));
    const id = setTimeout(() => ref.current && drawGroupedBars(ref.current, groups, W, H), 0);
    return () => clearTimeout(id);
  }, [r]);
  return (
    <figure className="study">
      <svg ref={ref} className="train-chart" role="img" aria-label="Greedy vs end-to-end" data-testid="study-plot-greedyVsEndToEnd" />
      <ExportButtons what="Greedy vs end-to-end plot" name={['study-plot-greedyVsEndToEnd']} svg={svgElementExport(ref)} />
      <ul className="train-legend">
        <li>
          <span className="swatch" style={{ borderColor: TRAIN_COLOURS.quantum, background: TRAIN_COLOURS.quantum }} />
          greedy layer-wise
        </li>
        <li>
          <span className="swatch" style={{ borderColor: TRAIN_COLOURS.classical, background: TRAIN_COLOURS.classical }} />
          end-to-end
        </li>
      </ul>
      <Table
        name="greedyVsEndToEnd"
        caption={`Depth ${r.depth}, ${r.budgetBlockEpochs} block-epochs each (${r.seconds.toFixed(1)} s)`}
        head={['training', 'test', 'dephased', 'marginal', 'seconds']}
        rows={[
          ['greedy', f(r.greedy.testAccuracy), f(r.greedy.dephasedAccuracy), f(r.greedy.marginalAccuracy), r.greedy.seconds.toFixed(1)],
          [
            `end-to-end (${r.endToEnd.epochs} epochs)`,
            f(r.endToEnd.testAccuracy),
            f(r.endToEnd.dephasedAccuracy),
            f(r.endToEnd.marginalAccuracy),
            r.endToEnd.seconds.toFixed(1),
          ],
        ]}
      />
    </figure>
  );
}

function NoiseStudy({ r }: { r: NoiseResults }) {
  const series: StudyChartSpec['series'] = [
    { name: 'trained and tested at λ', colour: TRAIN_COLOURS.quantum, points: r.points.map((p) => ({ x: p.lambda, y: p.testAccuracy })) },
  ];
  if (r.points.some((p) => Number.isFinite(p.noiselessModelAccuracy))) {
    series.push({
      name: 'noiseless-trained model tested at λ',
      colour: TRAIN_COLOURS.classical,
      dashed: true,
      points: r.points.map((p) => ({ x: p.lambda, y: p.noiselessModelAccuracy })),
    });
  }
  const spec: StudyChartSpec = { series, width: W, height: H, xLabel: 'depolarising λ on each block input', yLabel: 'test accuracy' };
  return (
    <figure className="study">
      <StudyChart spec={spec} label="Accuracy vs noise λ" testId="study-plot-noise" />
      <ul className="train-legend">
        {series.map((s) => (
          <li key={s.name}>
            <span className={s.dashed ? 'swatch dashed' : 'swatch'} style={{ borderColor: s.colour, background: s.dashed ? 'transparent' : s.colour }} />
            {s.name}
          </li>
        ))}
      </ul>
      <Table
        name="noise"
        caption={`(${r.seconds.toFixed(1)} s)`}
        head={['λ', 'test', 'dephased', 'marginal', 'noiseless model']}
        rows={r.points.map((p) => [p.lambda, f(p.testAccuracy), f(p.dephasedAccuracy), f(p.marginalAccuracy), f(p.noiselessModelAccuracy)])}
      />
    </figure>
  );
}

export function Studies() {
  const [size, setSize] = useState<Size>('quick');
  const [running, setRunning] = useState<StudyName | null>(null);
  const [status, setStatus] = useState('Pick a study: it runs in the engine worker.');
  const [results, setResults] = useState<StudyResults>({});

  const start = async (name: StudyName) => {
    const label = STUDIES.find((s) => s.name === name)!.label;
    setRunning(name);
    setStatus(`${label} (${size}): starting …`);
    const t0 = performance.now();
    try {
      const r = await runStudyWithProgress(name, size, (msg) => setStatus(`${label} (${size}): ${msg}`));
      setResults((prev) => ({ ...prev, [name]: r }));
      setStatus(`${label} (${size}): done in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    } catch (e) {
      setStatus(`${label}: failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="train-studies" aria-labelledby="studies-heading">
      <h3 id="studies-heading">Beyond the paper</h3>
      <p className="train-hint">The reviews' open questions, each a preset with its plot (the same runs as the project's experiment script).</p>
      <div className="train-presets">
        {STUDIES.map((s) => (
          <button key={s.name} type="button" className="preset" title={s.desc} disabled={running !== null} onClick={() => void start(s.name)}>
            {s.label}
          </button>
        ))}
        <fieldset className="study-size">
          <legend>Size</legend>
          <label>
            <input type="radio" name="study-size" value="quick" checked={size === 'quick'} disabled={running !== null} onChange={() => setSize('quick')} />{' '}
            quick
          </label>
          <label>
            <input type="radio" name="study-size" value="full" checked={size === 'full'} disabled={running !== null} onChange={() => setSize('full')} /> full
          </label>
        </fieldset>
        <span className="train-hint preset-desc">
          Quick: reduced sizes, a few seconds each (not comparable with the goals). Full: the paper-sized presets, minutes each (the α sweep trains 15 models).
        </span>
      </div>
      <p role="status" className="train-hint" data-testid="study-status">
        {status}
      </p>
      <div className="train-plots">
        {results.alphaSweep && <AlphaStudy r={results.alphaSweep} />}
        {results.shotsSweep && <ShotsStudy r={results.shotsSweep} />}
        {results.greedyVsEndToEnd && <GreedyStudy r={results.greedyVsEndToEnd} />}
        {results.noise && <NoiseStudy r={results.noise} />}
      </div>
    </section>
  );
}
