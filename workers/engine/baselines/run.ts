/**
 * The entanglement baselines table (docs/experiments/baselines.md), on exactly the data of a preset
 * (node: `npm run experiments`; browser: the worker's `runBaselines`). No node imports.
 *
 * Rows (every one trained on the preset's training split, scored on its test split):
 *   - the HQRN rows and the classical analog, from predictions the caller already has;
 *   - the full-tomography MLP 16 → 32 → 32 → 2 (float64, src/core/baselines/mlp.ts);
 *   - the variational quantum classifier with L = 1, 2, 3, … layers (src/core/baselines/vqc.ts);
 *   - kernel ridge classification with k(ρ, σ) = Tr(ρσ)^p, p = 1, 2 (src/core/baselines/kernel.ts).
 * Each row: overall / balanced accuracy, accuracy on the dephased and marginal partners with
 * the balanced accuracy of each pair (entangled states + those partners), the class shares,
 * parameters and seconds (src/core/states/figures.ts).
 */
import type { CMat } from '../../../src/core/math/complex';
import { features, mlpParameters, mlpProba, type MlpSpec, trainMlp } from '../../../src/core/baselines/mlp';
import { fitKernel, kernelParameters, kernelPredict } from '../../../src/core/baselines/kernel';
import { trainVqc, vqcParameters, vqcPredict, type VqcSpec } from '../../../src/core/baselines/vqc';
import { entanglementFigures } from '../../../src/core/states/figures';
import { unpackState } from '../../../src/core/hqrn/qrb';
import type { Split } from '../train/data';

export interface BaselineRow {
  model: string;
  family: 'hqrn' | 'classical' | 'mlp' | 'vqc' | 'kernel';
  accuracy: number;
  balancedAccuracy: number;
  dephased: number;
  dephasedPair: number;
  marginal: number;
  marginalPair: number;
  /** Shares of predictions [separable, entangled]. */
  classShares: number[];
  oneClassNote: string | null;
  parameters: number;
  seconds: number;
}

export interface BaselinesSpec {
  mlp: MlpSpec;
  vqc: Omit<VqcSpec, 'layers'> & { layers: number[] };
  kernelPowers: (1 | 2)[];
  /** Ridge λ per sample (the system is K + λ n I). */
  kernelLambda: number;
}

/** The table's settings: MLP as the experiments' (tanh 32-32, Adam 0.003, 100 epochs), VQC 1–4 layers. */
export const BASELINES_SPEC: BaselinesSpec = {
  mlp: { hidden: [32, 32], epochs: 100, batchSize: 32, learningRate: 0.003, seed: 1 },
  vqc: { layers: [1, 2, 3, 4], epochs: 30, batchSize: 32, learningRate: 0.05, seed: 1 },
  kernelPowers: [1, 2],
  kernelLambda: 1e-4,
};

/** Fewer epochs for `--quick` and the browser's quick preset. */
export const QUICK_BASELINES_SPEC: BaselinesSpec = {
  ...BASELINES_SPEC,
  mlp: { ...BASELINES_SPEC.mlp, epochs: 20 },
  vqc: { ...BASELINES_SPEC.vqc, layers: [1, 2], epochs: 10 },
};

/** A row's figures from test predictions (test.kinds required). */
export function baselineRow(
  model: string,
  family: BaselineRow['family'],
  pred: ArrayLike<number>,
  test: Split,
  parameters: number,
  seconds: number,
): BaselineRow {
  if (!test.kinds) throw new Error('baselineRow: the split has no kinds (not an entanglement split)');
  if (pred.length !== test.n) throw new Error(`baselineRow: ${pred.length} predictions for ${test.n} test states`);
  const f = entanglementFigures(pred, test.labels, test.kinds);
  return {
    model,
    family,
    parameters,
    seconds,
    accuracy: f.accuracy,
    balancedAccuracy: f.balancedAccuracy,
    dephased: f.dephased.partners,
    dephasedPair: f.dephased.balanced,
    marginal: f.marginal.partners,
    marginalPair: f.marginal.balanced,
    classShares: f.classShares,
    oneClassNote: f.oneClassNote,
  };
}

const statesOf = (s: Split): CMat[] => Array.from({ length: s.n }, (_, i) => unpackState(s.v!, 4, i * 16));
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Train and score the MLP, VQC and kernel baselines on (train, test); rows in that order.
 * `log` gets one line per row; an `await` between models keeps a worker responsive;
 * `cancelled()` stops before the next model.
 */
export async function runEntanglementBaselines(
  train: Split,
  test: Split,
  spec: BaselinesSpec,
  log?: (s: string) => void,
  cancelled?: () => boolean,
): Promise<BaselineRow[]> {
  if (!train.v || !test.v) throw new Error('runEntanglementBaselines: needs packed states (an entanglement split)');
  const trS = statesOf(train),
    teS = statesOf(test);
  const rows: BaselineRow[] = [];
  const add = (r: BaselineRow) => {
    rows.push(r);
    log?.(
      `${r.model}: ${r.accuracy.toFixed(4)} (balanced ${r.balancedAccuracy.toFixed(4)}, dephased ${r.dephased.toFixed(3)}, marginal ${r.marginal.toFixed(3)}; ${r.seconds.toFixed(1)} s)`,
    );
  };
  const feats = (ss: CMat[]) => {
    const x = new Float64Array(ss.length * 16);
    ss.forEach((s, i) => x.set(features(s), i * 16));
    return x;
  };
  let t0 = Date.now();
  const xTr = feats(trS),
    xTe = feats(teS);
  const mlp = trainMlp(spec.mlp, 16, 2, () => ({ x: xTr, y: train.labels, n: train.n }));
  const pm = mlpProba(mlp, xTe, test.n);
  add(
    baselineRow(
      `MLP 16→${spec.mlp.hidden.join('→')}→2 (full ρ)`,
      'mlp',
      Int32Array.from({ length: test.n }, (_, i) => (pm[2 * i + 1] > pm[2 * i] ? 1 : 0)),
      test,
      mlpParameters(mlp),
      (Date.now() - t0) / 1000,
    ),
  );
  for (const L of spec.vqc.layers) {
    await tick();
    if (cancelled?.()) return rows;
    t0 = Date.now();
    const m = trainVqc({ ...spec.vqc, layers: L }, trS, train.labels);
    add(baselineRow(`VQC, ${L} layer${L === 1 ? '' : 's'}`, 'vqc', vqcPredict(m, teS), test, vqcParameters(m), (Date.now() - t0) / 1000));
  }
  for (const p of spec.kernelPowers) {
    await tick();
    if (cancelled?.()) return rows;
    t0 = Date.now();
    const m = fitKernel(trS, train.labels, p, spec.kernelLambda);
    add(baselineRow(`Kernel Tr(ρσ)${p === 1 ? '' : '²'} ridge`, 'kernel', kernelPredict(m, teS), test, kernelParameters(m), (Date.now() - t0) / 1000));
  }
  return rows;
}

/** Trainable real parameters of an HQRN (Ã± re/im, bias per block; readout) and of its classical analog. */
export const hqrnParameters = (depth: number, d = 4, classes = 2) => depth * (4 * d * d + d) + classes * (d + 1);
export const classicalParameters = (depth: number, d = 4, classes = 2) => depth * (d * d + d) + classes * (d + 1);

/** The table as Markdown (README, console). */
export function baselinesMarkdown(rows: BaselineRow[]): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  return [
    '| model | overall | balanced | dephased (pair bal.) | marginal (pair bal.) | predicted sep. / ent. | parameters | seconds |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.model} | ${f(r.accuracy)} | ${f(r.balancedAccuracy)} | ${f(r.dephased)} (${f(r.dephasedPair)}) | ${f(r.marginal)} (${f(r.marginalPair)}) | ${r.classShares.map((s) => f(s)).join(' / ')} | ${r.parameters} | ${r.seconds.toFixed(1)} |`,
    ),
  ].join('\n');
}
