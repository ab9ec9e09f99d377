/**
 * `npx tsx scripts/train-best-entanglement.ts [options]` — the "Best" entanglement model
 *: a float64 end-to-end HQRN (src/core/hqrn/fit.ts) trained on a large pool of
 * §7-generator and wide-family states (src/core/states/augment.ts), augmented afresh every epoch with
 * Haar local unitaries and qubit swaps, beside a full-tomography MLP on exactly the same data.
 *
 *   --mode val   (default) score on validation splits only (seeds disjoint from every test set);
 *   --mode test  also write the model (--out) and score it on the test sets: the §7 test split,
 *                the recipe-variant fresh split and the shifted sets of entanglementShifted.ts,
 *                and the Bell / Werner / partner checks. Prints one JSON line per result.
 *
 * Defaults (chosen on the validation splits only, see README "Best model"): 40,000 base states,
 * depth 12, α 0.8, softplus, Adam lr 0.02 decaying to 0.002, batch 64, 50 epochs, augmentation
 * "others", 10 % aligned entangled states, 30 % of the wide dephased partners from pure aligned states.
 *
 * Options: --pool N (base states, ½ §7 generator, ½ wide families), --epochs, --depth,
 * --alpha (one number or comma list), --act, --lr, --batch, --aug none|others|all
 * ("others": dephased partners only get the basis permutations of augmentDiagonal — local bit
 * flips and the swap — so they stay diagonal), --seed, --mlp 0|1, --out FILE, --results FILE.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type WideOptions,
  augmentDiagonal,
  augmentState,
  type LabelledStates,
  wideDataset,
  twinPairs,
  conjugate,
  randomLocalUnitary,
  mixWithIdentity,
} from '../src/core/states/augment';
import type { CMat } from '../src/core/math/complex';
import { entanglementDataset } from '../src/core/states/entanglement';
import { SHIFTED_SETS, shiftedSet } from '../src/core/states/entanglementShifted';
import { entanglementFigures } from '../src/core/states/figures';
import { type FitSpec, fitHqrn, initParams, packComplex, predictProba } from '../src/core/hqrn/fit';
import { toModelJson } from '../src/core/hqrn/fitModel';
import { features, mlpParameters, mlpProba, trainMlp } from '../src/core/baselines/mlp';
import { makeRng } from '../src/core/math/rng';
import { bellState, type BellKind, dephasedPartner, marginalProductPartner } from '../src/core/states/states';
import type { Activation } from '../src/core/hqrn/activation';
import { buttonFamilySets, buttonPool } from '../src/core/states/buttons';

const { values: a } = parseArgs({
  options: {
    mode: { type: 'string', default: 'val' },
    pool: { type: 'string', default: '40000' },
    epochs: { type: 'string', default: '50' },
    depth: { type: 'string', default: '12' },
    alpha: { type: 'string', default: '0.8' },
    act: { type: 'string', default: 'softplus' },
    lr: { type: 'string', default: '0.02' },
    batch: { type: 'string', default: '64' },
    aug: { type: 'string', default: 'others' },
    wide: { type: 'string', default: '0.5' },
    seed: { type: 'string', default: '1' },
    mlp: { type: 'string', default: '1' },
    out: { type: 'string' },
    results: { type: 'string' },
    aligned: { type: 'string', default: '0.1' },
    alignedPartners: { type: 'string', default: '0.3' },
    buttons: { type: 'string', default: '0.34' },
    valButtons: { type: 'string', default: '200' },
    l2: { type: 'string', default: '0' },
    init: { type: 'string', default: '0.5' },
    from: { type: 'string' },
    mlpEpochs: { type: 'string' },
  },
});

const seed = Number(a.seed);
const t0 = Date.now();
const summary: Record<string, unknown> = {
  generated: new Date().toISOString(),
  command: `npx tsx scripts/train-best-entanglement.ts ${process.argv.slice(2).join(' ')}`,
  test: {} as Record<string, unknown>,
};
const log = (o: Record<string, unknown>) => {
  console.log(JSON.stringify({ ...o, t: (Date.now() - t0) / 1000 }));
  const e = o.event as string;
  if (e === 'hqrn-val' || e === 'mlp-val' || e === 'checks') summary[e] = o;
  if (e === 'test') (summary.test as Record<string, unknown>)[`${o.model} ${o.set}`] = o;
};

/**
 * Training pool: the §7 generator (kinds product / mixture → separable), the wide families and
 * the explorer's button families (buttonPool), in shares 1 − wideShare − buttonShare, wideShare, buttonShare.
 */
export function trainingPool(n: number, wideShare: number, buttonShare: number, s: number, wide: WideOptions = {}): LabelledStates {
  const nWide = Math.round(n * wideShare),
    nButtons = Math.round(n * buttonShare);
  const g = entanglementDataset({ seed: 5000 + s, n: n - nWide - nButtons });
  const w = wideDataset(makeRng(6000 + s), nWide, wide);
  const b = buttonPool(makeRng(6500 + s), nButtons);
  return {
    states: [...g.states, ...w.states, ...b.states],
    labels: [...g.labels, ...w.labels, ...b.labels],
    kinds: [...g.kinds.map((k) => (k === 'product' || k === 'mixture' ? 'separable' : k)), ...w.kinds, ...b.kinds] as LabelledStates['kinds'],
  };
}

const pack = (states: CMat[]) => {
  const v = new Float64Array(states.length * 32);
  states.forEach((s, i) => packComplex(s, v, i * 32));
  return v;
};

const pool = trainingPool(Number(a.pool), Number(a.wide), Number(a.buttons), seed, {
  alignedShare: Number(a.aligned),
  alignedPartnerShare: Number(a.alignedPartners),
});
log({ event: 'pool', n: pool.states.length });
const augRng = makeRng(700 + seed);
const epochStates = (e: number): CMat[] =>
  a.aug === 'none' || e < 0
    ? pool.states
    : pool.states.map((rho, i) => (a.aug === 'others' && pool.kinds[i] === 'dephased-partner' ? augmentDiagonal(rho, augRng) : augmentState(rho, augRng)));
const epochs = Number(a.epochs);
const alpha = a.alpha!.includes(',') ? a.alpha!.split(',').map(Number) : Number(a.alpha);
const spec: FitSpec = { d: 4, depth: Number(a.depth), alpha, activation: a.act as Activation, classes: 2, seed, initScale: Number(a.init) };
const p = initParams(spec);
if (a.from) warmStart(a.from);

/**
 * Start from a trained hqrn-model file of the same depth (fine-tuning): Ã± = A±·√c (the inverse
 * of toModelJson's normalisation A± = Ã±/√s, c = s), biases and readout as stored.
 */
function warmStart(file: string): void {
  const m = JSON.parse(readFileSync(file, 'utf8')) as {
    blocks: { gain: number; bias: number[]; aPlus: { re: number[][]; im: number[][] }; aMinus: { re: number[][]; im: number[][] } }[];
    readout: { weights: number[][]; bias: number[] };
  };
  if (m.blocks.length !== spec.depth) throw new Error(`--from ${file}: ${m.blocks.length} blocks, but --depth ${spec.depth}`);
  const th = p.theta,
    d = 4,
    D2 = 16,
    bs = 4 * D2 + d;
  m.blocks.forEach((b, k) => {
    const f = Math.sqrt(b.gain);
    [b.aPlus.re, b.aPlus.im, b.aMinus.re, b.aMinus.im].forEach((mat, t) => mat.flat().forEach((x, i) => (th[k * bs + t * D2 + i] = x * f)));
    b.bias.forEach((x, i) => (th[k * bs + 4 * D2 + i] = x));
  });
  const ro = spec.depth * bs;
  m.readout.weights.flat().forEach((x, i) => (th[ro + i] = x));
  m.readout.bias.forEach((x, i) => (th[ro + 8 + i] = x));
}
const dataCache = new Map<number, CMat[]>();
const statesFor = (e: number) => {
  if (!dataCache.has(e)) {
    dataCache.clear();
    dataCache.set(e, epochStates(e));
  }
  return dataCache.get(e)!;
};

// Validation: seeds disjoint from the pool and from every test set.
const val7 = entanglementDataset({ seed: 9100 + seed, n: 3000 });
const valWide = wideDataset(makeRng(9200 + seed), 2000);
const evalSet = (name: string, s: { states: CMat[]; labels: number[]; kinds: readonly string[] }, proba: (v: Float64Array, n: number) => Float64Array) => {
  const pr = proba(pack(s.states), s.states.length);
  const pred = Array.from({ length: s.states.length }, (_, i) => (pr[i * 2 + 1] > pr[i * 2] ? 1 : 0));
  const f = entanglementFigures(pred, s.labels, s.kinds);
  return {
    set: name,
    acc: +f.accuracy.toFixed(4),
    bal: +f.balancedAccuracy.toFixed(4),
    deph: +f.dephased.partners.toFixed(4),
    dephPair: +f.dephased.balanced.toFixed(4),
    marg: +f.marginal.partners.toFixed(4),
    margPair: +f.marginal.balanced.toFixed(4),
    shares: f.classShares.map((x) => +x.toFixed(3)),
  };
};
const hqrnProba = (v: Float64Array, n: number) => predictProba(p, v, n);
if (a.from) log({ event: 'warm-start', from: a.from, ...evalSet('val7', val7, hqrnProba) });
/** Accuracy per button family (src/core/states/buttons.ts), truth by PPT. */
const familyTable = (sets: ReturnType<typeof buttonFamilySets>, proba: (v: Float64Array, n: number) => Float64Array) =>
  Object.fromEntries(
    sets.map((f) => {
      const pr = proba(pack(f.states), f.states.length);
      const ok = f.labels.filter((y, i) => (pr[i * 2 + 1] > pr[i * 2] ? 1 : 0) === y).length;
      return [f.name, +(ok / Math.max(1, f.labels.length)).toFixed(4)];
    }),
  );
const valButtons = buttonFamilySets(Number(a.valButtons), 9300 + seed);

const tFit = Date.now();
fitHqrn(p, {
  epochs,
  batchSize: Number(a.batch),
  learningRate: Number(a.lr),
  finalLrFactor: 0.1,
  l2: Number(a.l2),
  data: (e) => {
    const st = statesFor(e);
    return { v: pack(st), labels: pool.labels, n: st.length };
  },
  onEpoch: (e, loss) => {
    if (e % 5 === 4 || e === epochs - 1) log({ event: 'epoch', e, loss: +loss.toFixed(4), ...evalSet('val7', val7, hqrnProba) });
  },
});
const hqrnSeconds = (Date.now() - tFit) / 1000;
const cfg = {
  pool: a.pool,
  epochs,
  depth: spec.depth,
  alpha,
  act: a.act,
  lr: a.lr,
  batch: a.batch,
  aug: a.aug,
  wide: a.wide,
  buttons: a.buttons,
  aligned: a.aligned,
  alignedPartners: a.alignedPartners,
  l2: a.l2,
  init: a.init,
  seed,
};
log({
  event: 'hqrn-val',
  cfg,
  seconds: hqrnSeconds,
  ...evalSet('val7', val7, hqrnProba),
  wide: evalSet('valWide', valWide, hqrnProba),
  buttons: familyTable(valButtons, hqrnProba),
});

let mlpProbaFn: ((v: Float64Array, n: number) => Float64Array) | null = null;
let mlpInfo: Record<string, unknown> = {};
if (a.mlp === '1') {
  const tM = Date.now();
  const featsOf = (states: CMat[]) => {
    const x = new Float64Array(states.length * 16);
    states.forEach((s, i) => x.set(features(s), i * 16));
    return x;
  };
  const m = trainMlp({ hidden: [32, 32], epochs: Number(a.mlpEpochs ?? epochs), batchSize: Number(a.batch), learningRate: 0.003, seed }, 16, 2, (e) => {
    const st = statesFor(e);
    return { x: featsOf(st), y: pool.labels, n: st.length };
  });
  const unpackStates = (v: Float64Array, n: number): CMat[] =>
    Array.from({ length: n }, (_, i) => ({ rows: 4, cols: 4, re: v.slice(i * 32, i * 32 + 16), im: v.slice(i * 32 + 16, i * 32 + 32) }));
  mlpProbaFn = (v, n) => mlpProba(m, featsOf(unpackStates(v, n)), n);
  mlpInfo = { parameters: mlpParameters(m), seconds: (Date.now() - tM) / 1000 };
  log({
    event: 'mlp-val',
    ...mlpInfo,
    ...evalSet('val7', val7, mlpProbaFn),
    wide: evalSet('valWide', valWide, mlpProbaFn),
    buttons: familyTable(valButtons, mlpProbaFn),
  });
}

if (a.mode === 'test') {
  const sets: [string, { states: CMat[]; labels: number[]; kinds: readonly string[] }][] = [
    ['generator-test', entanglementDataset({ seed: 1 + 1_000_003, n: 5000 })],
    ...SHIFTED_SETS.map((s) => [s, shiftedSet(s, 424242, s === 'recipe-variant' ? 5000 : 2000)] as [string, LabelledStates]),
  ];
  for (const [name, s] of sets) {
    log({ event: 'test', model: 'hqrn', ...evalSet(name, s, hqrnProba) });
    if (mlpProbaFn) log({ event: 'test', model: 'mlp', ...evalSet(name, s, mlpProbaFn) });
  }
  // Bell / Werner / partner checks (docs/experiments/best-entanglement.md).
  const bells: BellKind[] = ['phi+', 'phi-', 'psi+', 'psi-'];
  const checks: Record<string, number> = {};
  for (const b of bells) {
    checks[b] = hqrnProba(pack([bellState(b)]), 1)[1];
    for (const pw of [0.6, 0.7, 0.8, 0.9]) {
      const w = mixWithIdentity(bellState(b), pw);
      checks[`${b} p=${pw}`] = hqrnProba(pack([w]), 1)[1];
      checks[`${b} p=${pw} dephased`] = hqrnProba(pack([dephasedPartner(w)]), 1)[1];
      checks[`${b} p=${pw} marginal`] = hqrnProba(pack([marginalProductPartner(w)]), 1)[1];
    }
    checks[`${b} dephased`] = hqrnProba(pack([dephasedPartner(bellState(b))]), 1)[1];
    checks[`${b} marginal`] = hqrnProba(pack([marginalProductPartner(bellState(b))]), 1)[1];
  }
  checks['I/4'] = hqrnProba(pack([mixWithIdentity(bellState('phi+'), 0)]), 1)[1];
  const bad = Object.entries(checks).filter(([k, v]) => (k === 'I/4' || k.includes('dephased') || k.includes('marginal') ? v > 0.5 : v <= 0.5));
  log({ event: 'checks', pEntangled: Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, +v.toFixed(3)])), failing: bad.map(([k]) => k) });
  // Rotated Bell states (local unitaries) — not a goal, a robustness figure.
  const rr = makeRng(31337);
  const tw = twinPairs(rr, 300, (r) => conjugate(randomLocalUnitary(r), mixWithIdentity(bellState(bells[r.int(4)]), 0.6 + 0.4 * r.uniform())));
  log({ event: 'test', model: 'hqrn', ...evalSet('rotated-werner-twins', tw, hqrnProba) });
  if (mlpProbaFn) log({ event: 'test', model: 'mlp', ...evalSet('rotated-werner-twins', tw, mlpProbaFn) });
  // The explorer's buttons: 500 seeded presses of each (src/core/states/buttons.ts), the same sets as src/core/states/buttons.test.ts.
  const testButtons = buttonFamilySets(500, 1);
  const buttons = { hqrn: familyTable(testButtons, hqrnProba), ...(mlpProbaFn ? { mlp: familyTable(testButtons, mlpProbaFn) } : {}) };
  log({ event: 'buttons', ...buttons });
  summary.buttons = buttons;
  const gen = (summary.test as Record<string, { acc: number; bal: number }>)['hqrn generator-test'];
  const model = {
    ...toModelJson(p, ['separable', 'entangled']),
    run: runCard({
      accuracy: gen.acc,
      balancedAccuracy: gen.bal,
      split: 'generator-test (§7 recipe, seed 1000004, n 5000)',
      buttons: buttons.hqrn,
      trainSeconds: hqrnSeconds,
    }),
  };
  if (a.out) writeFileSync(a.out, `${JSON.stringify(model)}\n`);
}
log({ event: 'done', ...mlpInfo });

/** The run card of the model file (docs/math.md §11). */
function runCard(metrics: Record<string, unknown>): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the commit stays unknown
  }
  return {
    app: { name: pkg.name, version: pkg.version, commit },
    date: new Date().toISOString(),
    backend: 'float64 core',
    settings: { ...cfg, mode: 'end-to-end', optimizer: 'Adam', finalLrFactor: 0.1, classes: ['separable', 'entangled'], augmentation: a.aug },
    seed,
    data: {
      source: 'generator',
      name: `§7 recipe + wide families + explorer button families (shares ${(1 - Number(a.wide) - Number(a.buttons)).toFixed(2)} / ${a.wide} / ${a.buttons})`,
      n: pool.states.length,
      generatorSeed: seed,
      generatorSeeds: { recipe: 5000 + seed, wide: 6000 + seed, buttons: 6500 + seed, augmentation: 700 + seed },
    },
    metrics,
    command: `npx tsx scripts/train-best-entanglement.ts ${process.argv.slice(2).join(' ')}`,
  };
}
summary.seconds = (Date.now() - t0) / 1000;
if (a.results) writeFileSync(a.results, `${JSON.stringify(summary, null, 2)}\n`);
