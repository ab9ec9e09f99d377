/**
 * `hqrn reproduce entanglement|digits --out DIR [--quick] [--seed K]` (docs/math.md §11): the
 * paper's figures from the command line, as CSV + SVG + run cards.
 *   entanglement: greedy training (§6) of the app's preset; per depth the test accuracy, the
 *     balanced accuracy, the accuracy on the dephased and marginal adversarial partners and on
 *     their pairs with the entangled states (figures.ts), and the accuracy of the classical path
 *     (the same network on diag ρ, §3); mean over the seeds.
 *   digits: greedy quantum training on the 8×8 digits (§7); per depth the quantum accuracy, its
 *     classical analog's (§3), their agreement (1 by the correspondence theorem) and the largest
 *     difference of the class probabilities.
 * --quick: CI-sized (a few hundred states, depth ≤ 3, few epochs), not comparable with the paper.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classicalAnalog, classicalForwardBatch } from '../core/hqrn/classical';
import { fitGreedy, type HqrnParams, predictProba } from '../core/hqrn/fit';
import { toModelJson } from '../core/hqrn/fitModel';
import { softmaxReadout } from '../core/hqrn/readout';
import { parseModelFile } from '../core/io/files';
import { type RunCard, runDate } from '../core/io/runCard';
import { entanglementPerDepth, figureCsv, meanOverSeeds, PAPER_PLOTTED, type PaperPreset, paperSettings } from '../core/hqrn/paperEntanglement';
import { DIGITS_REQUEST, ENTANGLEMENT_REQUEST } from '../protocol/experiments';
import { intOption, listOption, UsageError } from './args';
import { appInfo } from './appInfo';
import { type LoadedData, taskData } from './data';
import { argmaxRows } from './metrics';
import { lineChart } from './svg';
import { trainCommand, type TrainSettings, type Values } from './train';

const r4 = (x: number) => Number(x.toFixed(4));

function settingsOf(task: 'entanglement' | 'digits', quick: boolean, seed: number): TrainSettings {
  if (task === 'entanglement') return { ...paperSettings(ENTANGLEMENT_REQUEST as PaperPreset, quick, seed), nearestState: false, skipRefused: false };
  const p = DIGITS_REQUEST;
  return {
    task,
    nTrain: quick ? 600 : p.trainSize,
    nTest: quick ? 300 : p.testSize,
    depth: p.depth,
    alpha: p.alpha,
    activation: p.activation as TrainSettings['activation'],
    mode: 'greedy',
    epochs: quick ? 3 : p.epochs,
    learningRate: p.learningRate,
    batchSize: p.batchSize,
    seed,
    nearestState: false,
    skipRefused: false,
  };
}

function card(s: TrainSettings, data: RunCard['data'], metrics: Record<string, unknown>, date: string | undefined): RunCard {
  const { seed, ...settings } = s;
  return {
    app: appInfo(),
    ...(date ? { date } : {}),
    backend: 'float64 core (src/core/hqrn/fit.ts)',
    settings: settings as unknown as Record<string, unknown>,
    seed,
    data,
    metrics,
    command: trainCommand(s),
  };
}

type Row = Record<string, number>;

function train(s: TrainSettings, te: LoadedData, perDepth: (k: number, p: HqrnParams) => Row): { rows: Row[]; data: RunCard['data']; p: HqrnParams } {
  const tr = taskData(s.task!, 'train', s.seed, s.nTrain!);
  const ds = tr.dataset;
  const rows: Row[] = [];
  const p = fitGreedy(
    { d: ds.d, depth: s.depth, alpha: s.alpha, activation: s.activation, classes: ds.classes.length, seed: s.seed },
    {
      epochs: s.epochs,
      batchSize: s.batchSize,
      learningRate: s.learningRate,
      data: () => ({ v: ds.packed, labels: ds.labels, n: ds.n }),
      onDepth: (k, q) => rows.push({ depth: k, ...perDepth(k, q) }),
    },
  );
  return { rows, data: { ...(tr.info as RunCard['data']), test: te.info }, p };
}

/** The shared definition (src/core/hqrn/paperEntanglement.ts) on the CLI's generated data. */
function entanglementRows(s: TrainSettings): { rows: Row[]; data: RunCard['data'] } {
  const tr = taskData('entanglement', 'train', s.seed, s.nTrain!);
  const te = taskData('entanglement', 'test', s.seed, s.nTest!);
  const rows = entanglementPerDepth(s, tr.dataset, te.dataset);
  return { rows, data: { ...(tr.info as RunCard['data']), test: te.info } };
}

function digitsRows(s: TrainSettings): { rows: Row[]; data: RunCard['data'] } {
  const test = taskData('digits', 'test', s.seed, s.nTest!),
    te = test.dataset;
  const d = 64,
    stride = 2 * d * d;
  return train(s, test, (_, q) => {
    const proba = predictProba(q, te.packed, te.n);
    const qpred = argmaxRows(proba, te.n, 10);
    const model = parseModelFile(toModelJson(q, te.classes));
    if (model.kind !== 'quantum') throw new Error('quantum model expected');
    const analog = classicalAnalog(model);
    let agree = 0,
      ok = 0,
      cok = 0,
      maxDiff = 0;
    for (let i = 0; i < te.n; i++) {
      const x0 = new Float64Array(d);
      for (let j = 0; j < d; j++) x0[j] = te.packed[i * stride + j * d + j];
      const out = softmaxReadout(analog.readout!, classicalForwardBatch(analog.blocks, x0, d).x);
      for (let c = 0; c < 10; c++) maxDiff = Math.max(maxDiff, Math.abs(out.probabilities[c] - proba[i * 10 + c]));
      if (out.predicted === qpred[i]) agree++;
      if (qpred[i] === te.labels[i]) ok++;
      if (out.predicted === te.labels[i]) cok++;
    }
    return { quantumAccuracy: ok / te.n, classicalAccuracy: cok / te.n, agreement: agree / te.n, maxProbabilityDifference: maxDiff };
  });
}

export async function reproduce(task: string | undefined, values: Values, log: (line: string) => void): Promise<unknown> {
  if (task !== 'entanglement' && task !== 'digits') throw new UsageError(`reproduce: must be "entanglement" or "digits", got ${JSON.stringify(task)}`);
  const dir = typeof values.out === 'string' ? values.out : undefined;
  if (!dir) throw new UsageError('--out is required (the folder for the CSV, SVG and run cards)');
  const quick = values.quick === true;
  const seeds = (listOption(typeof values.seed === 'string' ? values.seed : undefined) ?? (quick || task === 'digits' ? ['1'] : ['1', '2', '3'])).map((x) =>
    intOption('seed', x, 0),
  );
  const date = runDate(typeof values.date === 'string' ? values.date : undefined, process.env.SOURCE_DATE_EPOCH);
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const runs: RunCard[] = [];
  const perSeed: Row[][] = [];
  for (const seed of seeds) {
    const s = settingsOf(task, quick, seed);
    log(`reproduce ${task}: seed ${seed}, depth ${s.depth}, ${s.nTrain} / ${s.nTest} states, ${s.epochs} epochs per block`);
    const r = task === 'entanglement' ? entanglementRows(s) : digitsRows(s);
    perSeed.push(r.rows);
    runs.push(card(s, r.data, { perDepth: r.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, r4(v)]))) }, date));
  }
  const table = meanOverSeeds(perSeed);
  const csv = figureCsv(table);
  const files = { csv: join(dir, `${task}.csv`), svg: join(dir, `${task}.svg`), runs: join(dir, `${task}-run.json`) };
  writeFileSync(files.csv, csv);
  const plotted = task === 'entanglement' ? [...PAPER_PLOTTED] : ['quantumAccuracy', 'classicalAccuracy', 'agreement'];
  writeFileSync(
    files.svg,
    lineChart({
      title:
        task === 'entanglement'
          ? `Entanglement: test accuracy vs depth (greedy, mean of ${seeds.length} seed${seeds.length > 1 ? 's' : ''})`
          : 'Digits: quantum vs classical analog vs depth',
      xLabel: 'depth (blocks)',
      yLabel: 'accuracy',
      x: table.map((r) => r.depth),
      series: plotted.map((c) => ({ name: c, y: table.map((r) => r[c]) })),
    }),
  );
  // the line that re-makes these files (each run card's `command` re-trains its one model)
  const command = [
    'hqrn',
    'reproduce',
    task,
    ...(quick ? ['--quick'] : []),
    '--seed',
    seeds.join(','),
    ...(date ? ['--date', date] : ['--date', 'none']),
    '--out',
    dir,
  ].join(' ');
  writeFileSync(files.runs, `${JSON.stringify({ command, runs }, null, 2)}\n`);
  log(`reproduce ${task}: ${((Date.now() - t0) / 1000).toFixed(1)} s, wrote ${files.csv}, ${files.svg}, ${files.runs}`);
  return { task, quick, seeds, table, files, command };
}
