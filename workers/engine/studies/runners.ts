/**
 * Running the presets of experiments.ts (node or worker: no node imports here). Each runner
 * returns plain numbers for results.json plus the trained models (hqrn-model JSON).
 */
import type { ModelJson, TrainProgress, TrainRequest } from '../../../src/protocol/messages';
import { parseModelFile } from '../../../src/core/io/files';
import { trainBaseline } from '../baselines/nets';
import type {
  AlphaSweepPreset,
  DigitsPreset,
  EntanglementPreset,
  GreedyVsEndToEndPreset,
  NoisePreset,
  ShotsSweepPreset,
} from '../../../src/protocol/experiments';
import { corePredictions, train, type TrainResultExt } from '../train/train';
import { shotPredictions } from '../train/shots';
import type { TrainHooks } from '../train/control';
import { accuracy, adversarialAccuracy, loadTaskData, type Split, sliceSplit, type TaskData } from '../train/data';

export type RunHooks = TrainHooks & {
  /** A line of progress for the console / status bar. */
  log?: (line: string) => void;
};

const secondsSince = (t0: number) => (Date.now() - t0) / 1000;

/** Accuracy on each kind of state of an entanglement split (entangled, product, …, partners). */
export function accuracyByKind(pred: ArrayLike<number>, s: Split): Record<string, number> {
  const c: Record<string, [number, number]> = {};
  s.kinds?.forEach((k, i) => {
    const b = (c[k] ??= [0, 0]);
    b[1]++;
    if (pred[i] === s.labels[i]) b[0]++;
  });
  return Object.fromEntries(Object.entries(c).map(([k, [ok, n]]) => [k, ok / n]));
}

/** Train quietly (progress reports dropped unless the caller passes its own). */
function run(req: TrainRequest, hooks: RunHooks): Promise<TrainResultExt> {
  return train(req, { ...hooks, onProgress: (p: TrainProgress) => hooks.onProgress(p) });
}

export interface DigitsResults {
  classicalTestAccuracy: number;
  quantumTestAccuracy: number;
  disagreements: number;
  packedSubset?: { n: number; disagreements: number };
  maxUnitarityError: number;
  linearTestAccuracy: number;
  classicalTrainAccuracy: number;
  linearTrainAccuracy: number;
  seconds: number;
}

export async function runDigits(
  p: DigitsPreset,
  hooks: RunHooks,
): Promise<{ results: DigitsResults; classicalModel: ModelJson; quantumModel: ModelJson; testPredictions: Int32Array; data: TaskData }> {
  const t0 = Date.now();
  const r = await run(p.request, hooks);
  const t = r.transfer!;
  hooks.log?.(
    `digits: classical ${t.classicalTestAccuracy.toFixed(4)}, quantum ${t.quantumTestAccuracy.toFixed(4)}, disagreements ${t.disagreements} (${r.seconds.toFixed(1)} s)`,
  );
  const data = await loadTaskData(p.request, hooks);
  const lin = await trainBaseline(p.linear, {
    trainX: data.train.x,
    trainY: data.train.labels,
    testX: data.test.x,
    testY: data.test.labels,
    features: data.d,
    classes: data.classes.length,
  });
  hooks.log?.(`digits: linear softmax ${lin.testAccuracy.toFixed(4)} (${lin.seconds.toFixed(1)} s)`);
  return {
    results: {
      classicalTestAccuracy: t.classicalTestAccuracy,
      quantumTestAccuracy: t.quantumTestAccuracy,
      disagreements: t.disagreements,
      packedSubset: t.packedSubset,
      maxUnitarityError: t.maxUnitarityError,
      linearTestAccuracy: lin.testAccuracy,
      classicalTrainAccuracy: r.history.length ? r.final.trainAccuracy : NaN,
      linearTrainAccuracy: lin.trainAccuracy,
      seconds: secondsSince(t0),
    },
    classicalModel: t.classicalModel,
    quantumModel: r.model,
    testPredictions: r.testPredictions!,
    data,
  };
}

export interface EntanglementResults {
  testAccuracy: number;
  trainAccuracy: number;
  dephasedAccuracy: number;
  marginalAccuracy: number;
  adversarialAccuracy: number;
  accuracyByDepth: { depth: number; trainAccuracy: number; testAccuracy: number }[];
  classicalTestAccuracy: number;
  classicalDephasedAccuracy: number;
  classicalMarginalAccuracy: number;
  mlpTestAccuracy: number;
  mlpDephasedAccuracy: number;
  mlpMarginalAccuracy: number;
  mlpParameters: number;
  /** Accuracy on each kind of test state (entangled, product, mixture, dephased-partner, marginal-partner). */
  byKind: { hqrn: Record<string, number>; classical: Record<string, number>; mlp: Record<string, number> };
  seconds: number;
}

export async function runEntanglement(
  p: EntanglementPreset,
  hooks: RunHooks,
): Promise<{
  results: EntanglementResults;
  quantumModel: ModelJson;
  testPredictions: Int32Array;
  data: TaskData;
  quantum: TrainResultExt;
  classical: TrainResultExt;
}> {
  const t0 = Date.now();
  const q = await run(p.request, hooks);
  const adv = q.final.adversarialAccuracy!;
  hooks.log?.(
    `entanglement: HQRN ${q.final.testAccuracy.toFixed(4)} (dephased ${adv.dephased.toFixed(3)}, marginal ${adv.marginal.toFixed(3)}) (${q.seconds.toFixed(1)} s)`,
  );
  const c = await run(p.classical, hooks);
  const cAdv = c.final.adversarialAccuracy!;
  hooks.log?.(`entanglement: classical analog ${c.final.testAccuracy.toFixed(4)} (dephased ${cAdv.dephased.toFixed(3)}) (${c.seconds.toFixed(1)} s)`);
  const data = await loadTaskData(p.request, hooks);
  const mlp = await trainBaseline(p.mlp, {
    trainX: data.train.v!,
    trainY: data.train.labels,
    testX: data.test.v!,
    testY: data.test.labels,
    features: 16,
    classes: 2,
  });
  const mAdv = adversarialAccuracy(mlp.testPredictions, data.test)!;
  hooks.log?.(
    `entanglement: MLP ${mlp.testAccuracy.toFixed(4)} (dephased ${mAdv.dephased.toFixed(3)}, marginal ${mAdv.marginal.toFixed(3)}) (${mlp.seconds.toFixed(1)} s)`,
  );
  return {
    results: {
      testAccuracy: q.final.testAccuracy,
      trainAccuracy: q.final.trainAccuracy,
      dephasedAccuracy: adv.dephased,
      marginalAccuracy: adv.marginal,
      adversarialAccuracy: adv.all,
      accuracyByDepth: q.accuracyByDepth ?? [],
      classicalTestAccuracy: c.final.testAccuracy,
      classicalDephasedAccuracy: cAdv.dephased,
      classicalMarginalAccuracy: cAdv.marginal,
      mlpTestAccuracy: mlp.testAccuracy,
      mlpDephasedAccuracy: mAdv.dephased,
      mlpMarginalAccuracy: mAdv.marginal,
      mlpParameters: mlp.parameters,
      byKind: {
        hqrn: accuracyByKind(q.testPredictions!, data.test),
        classical: accuracyByKind(c.testPredictions!, data.test),
        mlp: accuracyByKind(mlp.testPredictions, data.test),
      },
      seconds: secondsSince(t0),
    },
    quantumModel: q.model,
    testPredictions: q.testPredictions!,
    data,
    quantum: q,
    classical: c,
  };
}

const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
/** Sample standard deviation (0 for one value). */
const std = (a: number[]) => (a.length > 1 ? Math.sqrt(a.reduce((s, x) => s + (x - mean(a)) ** 2, 0) / (a.length - 1)) : 0);

export interface AlphaSweepResults {
  depth: number;
  seeds: number[];
  points: { alpha: number; testAccuracies: number[]; mean: number; std: number; dephasedMean: number; marginalMean: number }[];
  seconds: number;
}

export async function runAlphaSweep(p: AlphaSweepPreset, hooks: RunHooks): Promise<AlphaSweepResults> {
  const t0 = Date.now();
  const points: AlphaSweepResults['points'] = [];
  for (const alpha of p.alphas) {
    const rs: TrainResultExt[] = [];
    for (const seed of p.seeds) rs.push(await run({ ...p.request, alpha, seed }, hooks));
    const acc = rs.map((r) => r.final.testAccuracy);
    points.push({
      alpha,
      testAccuracies: acc,
      mean: mean(acc),
      std: std(acc),
      dephasedMean: mean(rs.map((r) => r.final.adversarialAccuracy!.dephased)),
      marginalMean: mean(rs.map((r) => r.final.adversarialAccuracy!.marginal)),
    });
    hooks.log?.(`alpha sweep: α = ${alpha}: ${mean(acc).toFixed(4)} ± ${std(acc).toFixed(4)}`);
  }
  return { depth: p.request.depth, seeds: p.seeds, points, seconds: secondsSince(t0) };
}

export { shotPredictions } from '../train/shots';

export interface ShotsSweepResults {
  evalSize: number;
  points: { shots: number | 'exact'; testAccuracy: number; dephasedAccuracy: number; marginalAccuracy: number; copiesPerLayer: number | null }[];
  seconds: number;
}

/** The trained entanglement model evaluated with N_s shots per unitary per block (and exactly). */
export function runShotsSweep(p: ShotsSweepPreset, modelJson: ModelJson, test: Split, d: number, log?: (s: string) => void): ShotsSweepResults {
  const t0 = Date.now();
  const model = parseModelFile(modelJson);
  if (model.kind !== 'quantum') throw new Error('shots sweep: needs a quantum model');
  const sub = sliceSplit(test, 0, Math.min(p.evalSize, test.n), d);
  const points = p.shots.map((shots) => {
    const pred = shotPredictions(model, sub, d, shots, p.seed);
    const adv = adversarialAccuracy(pred, sub)!;
    log?.(`shots sweep: N_s = ${shots || 'exact'}: ${accuracy(pred, sub.labels).toFixed(4)}`);
    return {
      shots: shots || ('exact' as const),
      testAccuracy: accuracy(pred, sub.labels),
      dephasedAccuracy: adv.dephased,
      marginalAccuracy: adv.marginal,
      copiesPerLayer: shots ? 4 * shots : null,
    };
  });
  return { evalSize: sub.n, points, seconds: secondsSince(t0) };
}

export interface GreedyVsEndToEndResults {
  depth: number;
  budgetBlockEpochs: number;
  greedy: { testAccuracy: number; dephasedAccuracy: number; marginalAccuracy: number; seconds: number };
  endToEnd: { testAccuracy: number; dephasedAccuracy: number; marginalAccuracy: number; seconds: number; epochs: number };
  seconds: number;
}

export async function runGreedyVsEndToEnd(p: GreedyVsEndToEndPreset, hooks: RunHooks, greedyDone?: TrainResultExt): Promise<GreedyVsEndToEndResults> {
  const t0 = Date.now();
  const g = greedyDone ?? (await run(p.greedy, hooks));
  const e = await run(p.endToEnd, hooks);
  const pick = (r: TrainResultExt) => ({
    testAccuracy: r.final.testAccuracy,
    dephasedAccuracy: r.final.adversarialAccuracy!.dephased,
    marginalAccuracy: r.final.adversarialAccuracy!.marginal,
    seconds: r.seconds,
  });
  hooks.log?.(`greedy ${g.final.testAccuracy.toFixed(4)} vs end-to-end ${e.final.testAccuracy.toFixed(4)}`);
  return {
    depth: p.greedy.depth,
    budgetBlockEpochs: p.greedy.depth * p.greedy.epochs,
    greedy: pick(g),
    endToEnd: { ...pick(e), epochs: p.endToEnd.epochs },
    seconds: secondsSince(t0),
  };
}

export interface NoiseResults {
  points: {
    lambda: number;
    /** Trained and evaluated with the channel on every block's input. */
    testAccuracy: number;
    dephasedAccuracy: number;
    marginalAccuracy: number;
    /** The noiseless-trained model (λ = 0 run) evaluated under the channel (float64 core). */
    noiselessModelAccuracy: number;
  }[];
  seconds: number;
}

export async function runNoise(p: NoisePreset, hooks: RunHooks): Promise<NoiseResults> {
  const t0 = Date.now();
  const data = await loadTaskData(p.request, hooks);
  let clean: ModelJson | null = null;
  const points: NoiseResults['points'] = [];
  for (const lambda of p.lambdas) {
    const r = await run({ ...p.request, noise: lambda }, hooks);
    if (lambda === 0 || !clean) clean = lambda === 0 ? r.model : clean;
    const baseModel = clean ? parseModelFile(clean) : null;
    const adv = r.final.adversarialAccuracy!;
    const noiseless = baseModel ? accuracy(corePredictions(baseModel, data.test, data.d, lambda), data.test.labels) : NaN;
    points.push({
      lambda,
      testAccuracy: r.final.testAccuracy,
      dephasedAccuracy: adv.dephased,
      marginalAccuracy: adv.marginal,
      noiselessModelAccuracy: noiseless,
    });
    hooks.log?.(`noise λ = ${lambda}: ${r.final.testAccuracy.toFixed(4)} (noiseless model under λ: ${noiseless.toFixed(4)})`);
  }
  return { points, seconds: secondsSince(t0) };
}

export interface ExperimentResultsJson {
  backend?: { backend: string };
  totalSeconds?: number;
  digits?: DigitsResults;
  entanglement?: EntanglementResults;
  alphaSweep?: AlphaSweepResults;
  shotsSweep?: ShotsSweepResults;
  greedyVsEndToEnd?: GreedyVsEndToEndResults;
  noise?: NoiseResults;
}

/** The results as a Markdown table (printed by the script, pasted in the README). */
export function resultsTable(r: ExperimentResultsJson): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  const rows: [string, string, string][] = [];
  if (r.digits) {
    const d = r.digits;
    rows.push([
      'digits',
      'classical residual net → quantum (test)',
      `${f(d.classicalTestAccuracy)} → ${f(d.quantumTestAccuracy)}, ${d.disagreements} disagreements`,
    ]);
    rows.push(['digits', 'linear softmax 64 → 10 (test)', f(d.linearTestAccuracy)]);
    rows.push(['digits', 'seconds', d.seconds.toFixed(1)]);
  }
  if (r.entanglement) {
    const e = r.entanglement;
    rows.push(['entanglement', 'HQRN greedy: test / dephased / marginal', `${f(e.testAccuracy)} / ${f(e.dephasedAccuracy)} / ${f(e.marginalAccuracy)}`]);
    rows.push(['entanglement', 'HQRN accuracy by depth (test)', e.accuracyByDepth.map((a) => `${a.depth}: ${f(a.testAccuracy)}`).join(', ')]);
    rows.push([
      'entanglement',
      'classical analog: test / dephased / marginal',
      `${f(e.classicalTestAccuracy)} / ${f(e.classicalDephasedAccuracy)} / ${f(e.classicalMarginalAccuracy)}`,
    ]);
    rows.push([
      'entanglement',
      `MLP 16→32→32→2 (full ρ): test / dephased / marginal`,
      `${f(e.mlpTestAccuracy)} / ${f(e.mlpDephasedAccuracy)} / ${f(e.mlpMarginalAccuracy)}`,
    ]);
    if (e.byKind) {
      const k = (m: Record<string, number>) => `${f(m.entangled)} + ${f(m['dephased-partner'])} = ${f(m.entangled + m['dephased-partner'])}`;
      rows.push([
        'entanglement',
        'entangled + their dephased partners (1 = chance for a diagonal-only model): HQRN / analog / MLP',
        `${k(e.byKind.hqrn)} / ${k(e.byKind.classical)} / ${k(e.byKind.mlp)}`,
      ]);
    }
    rows.push(['entanglement', 'seconds', e.seconds.toFixed(1)]);
  }
  if (r.alphaSweep) {
    const a = r.alphaSweep;
    rows.push([
      'α sweep',
      `test, depth ${a.depth}, ${a.seeds.length} seeds (mean ± std)`,
      a.points.map((p) => `${p.alpha}: ${f(p.mean)} ± ${f(p.std)}`).join('; '),
    ]);
  }
  if (r.shotsSweep) {
    const s = r.shotsSweep;
    rows.push(['shots sweep', `test (first ${s.evalSize}) vs N_s`, s.points.map((p) => `${p.shots}: ${f(p.testAccuracy)}`).join('; ')]);
  }
  if (r.greedyVsEndToEnd) {
    const g = r.greedyVsEndToEnd;
    rows.push([
      'greedy vs end-to-end',
      `test, depth ${g.depth}, ${g.budgetBlockEpochs} block-epochs each`,
      `greedy ${f(g.greedy.testAccuracy)} (${f(g.greedy.dephasedAccuracy)} / ${f(g.greedy.marginalAccuracy)}), end-to-end ${f(g.endToEnd.testAccuracy)} (${f(g.endToEnd.dephasedAccuracy)} / ${f(g.endToEnd.marginalAccuracy)})`,
    ]);
  }
  if (r.noise) {
    rows.push(['noise', 'test vs λ (trained with noise)', r.noise.points.map((p) => `${p.lambda}: ${f(p.testAccuracy)}`).join('; ')]);
    rows.push(['noise', 'test vs λ (noiseless model under noise)', r.noise.points.map((p) => `${p.lambda}: ${f(p.noiselessModelAccuracy)}`).join('; ')]);
  }
  return ['| experiment | figure | value |', '|---|---|---|', ...rows.map((x) => `| ${x.join(' | ')} |`)].join('\n');
}
