/**
 * `npm run experiments [-- --quick] [-- --tune] [-- --only digits,entanglement,…] [-- --backend cpu]`
 *
 * Runs the presets of src/protocol/experiments.ts headless (tfjs wasm, falling back to cpu),
 * prints a results table, writes experiments/results.json and the trained models
 * (experiments/models/*.json, hqrn-model), and checks that `hqrn predict` (the CLI's main,
 * float64 core, in-process) gives the engine's predictions on a subset of the test set.
 * `--quick` writes experiments/results-quick.json and experiments/models-quick/ instead.
 *
 * `--tune`: the hyper-parameter search on validation splits carved from the training data
 * (TrainRequest.validationSize); writes experiments/tuning.json. Never touches the test set.
 *
 * The engine is imported dynamically after the ESM directory-import hook is registered:
 * tfjs-core's ESM build (pulled in by its register_all_gradients, which the training needs)
 * imports './gradients' where both gradients.js and gradients/ exist, which Node's ESM
 * resolver rejects (Vite and Vitest resolve it).
 */
import './node-esm-dir-imports.mjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tune: { type: 'boolean', default: false },
    only: { type: 'string' },
    backend: { type: 'string', default: 'wasm' },
    round: { type: 'string', default: '1' },
  },
});

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-wasm');
const { selectBackend } = await import('../workers/engine/backend');
const X = await import('../src/protocol/experiments');
const R = await import('../workers/engine/studies/runners');
const { TrainControl } = await import('../workers/engine/train/train');
const { loadDigitSet } = await import('../src/cli/digitsData');
const { main: cliMain } = await import('../src/cli/main');
const { diagonalMatrix } = await import('../src/core/math/complex');
const { stateToJson } = await import('../src/core/io/files');
const { unpackState } = await import('../src/core/hqrn/qrb');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'experiments');

const backendInfo = await selectBackend(args.backend as 'wasm' | 'cpu');
await tf.ready();
console.log(
  `backend: ${backendInfo.backend}${backendInfo.fallbacks.length ? ` (not used: ${backendInfo.fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')})` : ''}`,
);

const hooks = {
  onProgress: () => {},
  control: new TrainControl(),
  loadDigits: async () => loadDigitSet(),
  log: (s: string) => console.log(`  ${s}`),
};

type Json = Record<string, unknown>;

if (args.tune) {
  await tune();
  process.exit(0);
}

const presets = args.quick ? X.quickPresets() : X.PRESETS;
const only = args.only ? new Set(args.only.split(',')) : null;
const want = (name: string) => !only || only.has(name);
const modelsDir = join(OUT_DIR, args.quick ? 'models-quick' : 'models');
mkdirSync(modelsDir, { recursive: true });
const tAll = Date.now();
const results: Json = {};
const checks: Json = {};

/** hqrn predict (the CLI, float64 core) on a batch of states: its predicted classes. */
async function cliPredict(name: string, modelJson: Json, states: import('../src/core/math/complex').CMat[]): Promise<Int32Array> {
  const dir = join(tmpdir(), `hqrn-exp-${process.pid}-p`);
  mkdirSync(dir, { recursive: true });
  const mPath = join(dir, `${name}.model.json`),
    sPath = join(dir, `${name}.states.json`);
  writeFileSync(mPath, JSON.stringify(modelJson));
  writeFileSync(sPath, JSON.stringify(stateToJson(states)));
  let out = '',
    err = '';
  const code = await cliMain(
    ['predict', '--model', mPath, '--states', sPath],
    (s) => (out += s),
    (s) => (err += s),
  );
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`hqrn predict ${name}: exit ${code}: ${err}`);
  return Int32Array.from((JSON.parse(out) as { predicted: number[] }).predicted);
}

/** hqrn predict (the CLI, float64 core) on a batch of states vs the engine's predictions. */
async function cliAgreement(
  name: string,
  modelJson: Json,
  states: import('../src/core/math/complex').CMat[],
  enginePred: ArrayLike<number>,
): Promise<{ n: number; agreement: number }> {
  const pred = await cliPredict(name, modelJson, states);
  let same = 0;
  pred.forEach((p, i) => (same += p === enginePred[i] ? 1 : 0));
  const r = { n: pred.length, agreement: same / pred.length };
  console.log(`  hqrn predict ${name}: ${same}/${pred.length} agree with the engine`);
  return r;
}

const CHECK_N = args.quick ? 100 : 500;

const saveModel = (file: string, m: Json) => writeFileSync(join(modelsDir, file), `${JSON.stringify(m)}\n`);

let entanglementRun: Awaited<ReturnType<typeof R.runEntanglement>> | null = null;
const B = await import('../workers/engine/baselines/run');
const { spawnSync } = await import('node:child_process');
const { readFileSync } = await import('node:fs');

if (want('digits')) {
  console.log('digits …');
  const d = await R.runDigits(presets.digits, hooks);
  results.digits = d.results;
  saveModel('digits-classical.json', d.classicalModel);
  saveModel('digits-quantum.json', d.quantumModel);
  const n = Math.min(CHECK_N, d.data.test.n);
  const states = Array.from({ length: n }, (_, s) => diagonalMatrix(d.data.test.x.subarray(s * 64, (s + 1) * 64)));
  checks.digitsClassical = await cliAgreement('digits-classical', d.classicalModel, states, d.testPredictions);
  checks.digitsQuantum = await cliAgreement('digits-quantum', d.quantumModel, states, d.testPredictions);
}

if (want('entanglement') || want('shotsSweep') || want('greedyVsEndToEnd')) {
  console.log('entanglement …');
  entanglementRun = await R.runEntanglement(presets.entanglement, hooks);
  results.entanglement = entanglementRun.results;
  // The "Paper" preset (1,300 states, greedy) is kept apart from the shipped "Best" model.
  saveModel('entanglement-paper.json', entanglementRun.quantumModel);
  const t = entanglementRun.data.test;
  const n = Math.min(CHECK_N, t.n);
  const states = Array.from({ length: n }, (_, s) => unpackState(t.v!, 4, s * 16));
  checks.entanglementPaper = await cliAgreement('entanglement-paper', entanglementRun.quantumModel, states, entanglementRun.testPredictions);

  // The baselines table (docs/experiments/baselines.md) on exactly the preset's data (HQRN rows from the runs above).
  const e = entanglementRun;
  const req = presets.entanglement.request;
  const rows = [
    B.baselineRow(`HQRN Paper (greedy, depth ${req.depth}, α ${req.alpha})`, 'hqrn', e.testPredictions, t, B.hqrnParameters(req.depth), e.quantum.seconds),
    B.baselineRow(
      'Classical analog (diagonal only)',
      'classical',
      e.classical.testPredictions!,
      t,
      B.classicalParameters(presets.entanglement.classical.depth),
      e.classical.seconds,
    ),
  ];
  console.log('entanglement baselines …');
  rows.push(...(await B.runEntanglementBaselines(e.data.train, t, args.quick ? B.QUICK_BASELINES_SPEC : B.BASELINES_SPEC, hooks.log)));

  // The "Best" model: float64 end-to-end HQRN, any budget (scripts/train-best-entanglement.ts).
  if (want('best') || want('entanglement')) {
    console.log('entanglement "Best" model …');
    const bestArgs = args.quick ? ['--pool', '2000', '--epochs', '5', '--depth', '4', '--alpha', '0.7'] : [];
    const bestFile = join(OUT_DIR, args.quick ? 'best-entanglement-quick.json' : 'best-entanglement.json');
    const modelFile = join(modelsDir, 'entanglement-quantum.json');
    const tB = Date.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'train-best-entanglement.ts'), '--mode', 'test', '--out', modelFile, '--results', bestFile, ...bestArgs],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0) throw new Error(`train-best-entanglement failed (exit ${r.status})`);
    const best = JSON.parse(readFileSync(bestFile, 'utf8'));
    const bestModel = JSON.parse(readFileSync(modelFile, 'utf8')) as Json;
    // Its predictions on the preset's test split through hqrn predict (float64 core, the CLI).
    const allStates = Array.from({ length: t.n }, (_, s) => unpackState(t.v!, 4, s * 16));
    const pred = await cliPredict('entanglement-quantum', bestModel, allStates);
    const cfg = best['hqrn-val'].cfg;
    rows.splice(
      1,
      0,
      B.baselineRow(
        `HQRN Best (end-to-end, depth ${cfg.depth}, α ${cfg.alpha}, ${cfg.pool} states + augmentation)`,
        'hqrn',
        pred,
        t,
        B.hqrnParameters(cfg.depth),
        best['hqrn-val'].seconds,
      ),
    );
    results.bestEntanglement = { ...best, seconds: (Date.now() - tB) / 1000 };
  }
  results.entanglementBaselines = { rows, settings: args.quick ? B.QUICK_BASELINES_SPEC : B.BASELINES_SPEC };
  console.log(`\n${B.baselinesMarkdown(rows)}`);
}

if (want('alphaSweep')) {
  console.log('alpha sweep …');
  results.alphaSweep = await R.runAlphaSweep(presets.alphaSweep, hooks);
}

if (want('shotsSweep') && entanglementRun) {
  console.log('shots sweep …');
  results.shotsSweep = R.runShotsSweep(presets.shotsSweep, entanglementRun.quantumModel, entanglementRun.data.test, 4, hooks.log);
}

if (want('greedyVsEndToEnd') && entanglementRun) {
  console.log('greedy vs end-to-end …');
  const same = JSON.stringify(presets.greedyVsEndToEnd.greedy) === JSON.stringify(presets.entanglement.request);
  results.greedyVsEndToEnd = await R.runGreedyVsEndToEnd(presets.greedyVsEndToEnd, hooks, same ? entanglementRun.quantum : undefined);
}

if (want('noise')) {
  console.log('noise …');
  results.noise = await R.runNoise(presets.noise, hooks);
}

const totalSeconds = (Date.now() - tAll) / 1000;
const out = {
  generated: new Date().toISOString(),
  command: `npm run experiments${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  quick: args.quick,
  backend: backendInfo,
  totalSeconds,
  ...results,
  cliCheck: checks,
  settings: presets,
};
const file = join(OUT_DIR, args.quick ? 'results-quick.json' : 'results.json');
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\n${R.resultsTable(out as never)}`);
console.log(`\nwrote ${file} and ${modelsDir}/ in ${totalSeconds.toFixed(1)} s on ${backendInfo.backend}`);

/**
 * Validation search: every candidate trained on the training split minus its last
 * `validationSize` rows and scored on those rows (two seeds: different data and init).
 * `--only entanglement` or `--only digits` runs one half. Writes experiments/tuning-<task>.json.
 */
async function tune(): Promise<void> {
  const { train } = await import('../workers/engine/train/train');
  const quick = args.quick;
  const seeds = quick ? [1] : [1, 2];
  const tasks = args.only ? args.only.split(',') : ['entanglement', 'digits'];
  mkdirSync(OUT_DIR, { recursive: true });
  for (const task of tasks) {
    const rows: Json[] = [];
    const candidates: Json[] = [];
    let base: import('../src/protocol/messages').TrainRequest;
    if (task === 'entanglement') {
      // 1300 training states → 1000 train / 300 validation.
      base = { ...X.ENTANGLEMENT_REQUEST, validationSize: 300 };
      // A first single-seed pass over activation × α ∈ {0.3, 0.6} × lr ∈ {0.05, 0.02} (greedy,
      // depth 3, 10 epochs/block) favoured softplus at α = 0.6; these are its neighbours and
      // the previous defaults (relu, α 0.3, lr 0.05), with two seeds each.
      const g = { mode: 'quantum-greedy', depth: 3, epochs: 10 };
      candidates.push(
        { ...g, activation: 'relu', alpha: 0.3, learningRate: 0.05 },
        { ...g, activation: 'relu', alpha: 0.6, learningRate: 0.05 },
        { ...g, activation: 'exp', alpha: 0.6, learningRate: 0.02 },
        { ...g, activation: 'softplus', alpha: 0.6, learningRate: 0.05 },
        { ...g, activation: 'softplus', alpha: 0.6, learningRate: 0.02 },
        { ...g, activation: 'softplus', alpha: 0.8, learningRate: 0.05 },
        { ...g, activation: 'softplus', alpha: 0.6, learningRate: 0.05, depth: 5 },
        { ...g, activation: 'softplus', alpha: 0.6, learningRate: 0.05, epochs: 20 },
        { ...g, activation: 'softplus', alpha: 0.6, learningRate: 0.05, mode: 'quantum-end-to-end', epochs: 30 },
      );
      // Round 2 (--round 2): around the best of round 1 (end-to-end, softplus, α 0.6).
      const e = { mode: 'quantum-end-to-end', depth: 3, epochs: 30, activation: 'softplus', alpha: 0.6, learningRate: 0.05 };
      if (args.round === '2')
        candidates.splice(
          0,
          candidates.length,
          { ...e, epochs: 60 },
          { ...e, alpha: 0.5 },
          { ...e, alpha: 0.7 },
          { ...e, learningRate: 0.02 },
          { ...e, activation: 'exp', learningRate: 0.02 },
          { ...e, depth: 5, epochs: 50 },
        );
    } else if (task === 'entanglement-classical') {
      // The classical analog baseline (diagonal only) gets its own search: 1000 / 300 as above.
      base = { ...X.ENTANGLEMENT_REQUEST, mode: 'classical', validationSize: 300 };
      for (const activation of ['relu', 'softplus'])
        for (const alpha of [0.3, 0.6])
          for (const learningRate of [0.05, 0.02, 0.005]) candidates.push({ activation, alpha, learningRate, depth: 3, epochs: 30 });
    } else {
      // 6000 training digits → 5000 train / 1000 validation (classical network; transfer is exact).
      base = { ...X.DIGITS_REQUEST, mode: 'classical', validationSize: 1000 };
      candidates.push(
        { activation: 'relu', learningRate: 0.01, epochs: 12 },
        { activation: 'softplus', learningRate: 0.01, epochs: 12 },
        { activation: 'exp', learningRate: 0.01, epochs: 12 },
        { activation: 'relu', learningRate: 0.003, epochs: 20 },
      );
      if (args.round === '2')
        candidates.splice(
          0,
          candidates.length,
          { activation: 'softplus', learningRate: 0.01, epochs: 20 },
          { activation: 'softplus', learningRate: 0.02, epochs: 12 },
          { activation: 'softplus', learningRate: 0.01, epochs: 12, depth: 3 },
        );
    }
    for (const cfg of quick ? candidates.slice(0, 2) : candidates) {
      const t0 = Date.now();
      const rs: Awaited<ReturnType<typeof train>>[] = [];
      for (const seed of seeds) {
        const req = {
          ...base,
          ...cfg,
          seed,
          ...(quick ? { trainSize: base.task === 'digits' ? 1500 : 400, epochs: 1, depth: 1 } : {}),
        } as import('../src/protocol/messages').TrainRequest;
        rs.push(await train(req, hooks));
      }
      const m = (f: (r: (typeof rs)[number]) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
      const row: Json = {
        ...cfg,
        validationAccuracy: m((r) => r.final.testAccuracy),
        perSeed: rs.map((r) => r.final.testAccuracy),
        seconds: (Date.now() - t0) / 1000,
      };
      if (task.startsWith('entanglement'))
        Object.assign(row, { dephased: m((r) => r.final.adversarialAccuracy!.dephased), marginal: m((r) => r.final.adversarialAccuracy!.marginal) });
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    rows.sort((a, b) => (b.validationAccuracy as number) - (a.validationAccuracy as number));
    console.log(`${task}: best on validation: ${JSON.stringify(rows[0])}`);
    writeFileSync(
      join(OUT_DIR, `tuning-${task}${args.round === '1' ? '' : `-round${args.round}`}${quick ? '-quick' : ''}.json`),
      `${JSON.stringify({ generated: new Date().toISOString(), backend: backendInfo, base, seeds, rows }, null, 2)}\n`,
    );
  }
}
