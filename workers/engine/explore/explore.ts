/**
 * The explorer's requests, answered in the worker: make the model from the stack spec (seeded
 * weights or a trained model), make the input from its recipe, run Engine.forward on it with
 * every measure, and add layer 0 and the classical-vs-quantum comparison.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type CMat, diagonalMatrix, fromArrays, realDiagonal, toJson } from '../../../src/core/math/complex';
import { softmaxReadout } from '../../../src/core/hqrn/readout';
import { type DigitSet, DIGIT_DIM, DIGIT_PIXELS, digitIntensities, digitToInput } from '../../../src/core/states/digits';
import { drawnDigitToInput } from '../../../src/core/states/digitNormalise';
import { FileFormatError, parseModelFile } from '../../../src/core/io/files';
import { type Dataset, stateAt } from '../../../src/core/io/dataset';
import { stateMeasures } from '../../../src/core/measures/measures';
import { diagonalMeasures } from '../../../src/core/measures/spectral';
import { checkState } from '../../../src/core/states/nearestState';
import type { Model, QuantumBlock, QuantumModel } from '../../../src/core/hqrn/model';
import { randomQuantumBlock, randomReadout } from '../../../src/core/hqrn/randomModel';
import { makeRng } from '../../../src/core/math/rng';
import { bellState, dephasedPartner, marginalProductPartner, werner } from '../../../src/core/states/states';
import { seededButtonState } from '../../../src/core/states/buttons';
import {
  EXPLORER_LIMITS,
  type ExploreLayer,
  type MatrixCheck,
  type ExploreRequest,
  type ExploreResponse,
  type InputSpec,
  type StackSpec,
  type DatasetRef,
} from '../../../src/protocol/explorer';
import type { Engine } from '../forward/engine';
import { isDiagonalState } from '../forward/plan';
import { exploreFast, FAST_PATH_NAME } from './fast';
import { fastStateMeasures } from './fastMeasures';

export interface ExploreDeps {
  engine: Engine;
  loadDigits(): Promise<DigitSet>;
  /** Skip the float64 fast path (tests and benchmarks of the tfjs path). */
  tfjsOnly?: boolean;
  /** The imported dataset with this SHA-256, if the worker holds it (api.ts importDataset). */
  datasetBySha?(sha256: string): Dataset | undefined;
}

const TASK_QUBITS = { entanglement: 2, digits: 6 } as const;
const TASK_CLASSES = { entanglement: ['separable', 'entangled'], digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] } as const;

/**
 * A±, bias of a seeded block. They depend only on (d, seed) — α, σ and c are the spec's — and
 * making them costs two spectral norms (eigen-problems of 2d×2d), so they are kept: an α drag
 * on a 10-block digits stack re-uses all ten.
 */
const weightCache = new Map<string, Pick<QuantumBlock, 'aPlus' | 'aMinus' | 'bias'>>();
function seededWeights(d: number, seed: number): Pick<QuantumBlock, 'aPlus' | 'aMinus' | 'bias'> {
  const key = `${d}:${seed}`;
  let w = weightCache.get(key);
  if (!w) {
    const { aPlus, aMinus, bias } = randomQuantumBlock(d, makeRng(seed), { alpha: 0.5, activation: 'relu' });
    w = { aPlus, aMinus, bias };
    if (weightCache.size >= 64) weightCache.delete(weightCache.keys().next().value!);
    weightCache.set(key, w);
  }
  return w;
}

/** The quantum model of a stack spec: seeded blocks, or a trained model's weights with the spec's α and σ. */
export function modelFromStack(stack: StackSpec, parse: (json: unknown) => Model = parseModelFile): QuantumModel {
  // A dataset stack (docs/math.md §11) has the dataset's nQubits and class names.
  const nQubits = stack.dataset?.nQubits ?? TASK_QUBITS[stack.task];
  const taskClasses: readonly (string | number)[] = stack.dataset?.classes ?? TASK_CLASSES[stack.task];
  const d = 1 << nQubits;
  if (stack.blocks.length > EXPLORER_LIMITS.maxDepth) throw new Error(`depth: at most ${EXPLORER_LIMITS.maxDepth} blocks, got ${stack.blocks.length}`);
  let trained: QuantumModel | undefined;
  if (stack.trained) {
    const m = parse(stack.trained.model);
    if (m.kind !== 'quantum') throw new FileFormatError('model', 'the explorer needs a quantum model (transfer a classical one first)');
    if (m.nQubits !== nQubits)
      throw new FileFormatError(
        'model.nQubits',
        stack.dataset
          ? `the dataset ${stack.dataset.name} has ${nQubits} qubits, the model ${m.nQubits}`
          : `the ${stack.task} task has ${nQubits} qubits, the model ${m.nQubits}`,
      );
    trained = m;
  }
  const blocks: QuantumBlock[] = stack.blocks.map((b, k) => {
    if (!(b.alpha >= 0 && b.alpha <= 1)) throw new FileFormatError(`blocks[${k}].alpha`, `must be in [0, 1], got ${b.alpha}`);
    if (!(b.gain > 0 && Number.isFinite(b.gain))) throw new FileFormatError(`blocks[${k}].gain`, `must be a finite number > 0, got ${b.gain}`);
    const source = trained?.blocks[k];
    if (source) return { ...source, alpha: b.alpha, activation: b.activation };
    return { ...seededWeights(d, b.seed), alpha: b.alpha, activation: b.activation, gain: b.gain };
  });
  const readout = trained?.readout ?? randomReadout(d, taskClasses.length, makeRng(stack.readoutSeed));
  return { kind: 'quantum', nQubits, blocks, readout: { ...readout, classes: trained?.readout?.classes ?? [...taskClasses] } };
}

/** An input state, and for digits the pooled x, the 28×28 image used and whether it had ink. */
export interface ExploreInput {
  rho: CMat;
  pooled?: Float64Array;
  digit28?: Float64Array;
  noDigit?: boolean;
  digitLabel?: number;
  datasetLabel?: ExploreResponse['datasetLabel'];
}

/**
 * State `index` of the stack's dataset, found by its SHA-256 among the worker's imported
 * datasets (as used: after the docs/math.md §10 check). Errors in words: no dataset on the
 * stack, the file not imported in this tab (e.g. after a reload: import it again), an index
 * outside 0..n−1.
 */
export function datasetInput(ref: DatasetRef | undefined, index: number, find: ExploreDeps['datasetBySha']): ExploreInput {
  if (!ref) throw new FileFormatError('input', 'a dataset state needs a model trained on that dataset: open one from the Training studio (“Use in explorer”)');
  const ds = find?.(ref.sha256);
  if (!ds)
    throw new FileFormatError(
      'input',
      `the states of ${ref.name} are not loaded in this tab (they are kept only while the page is open): import ${ref.name} again in the Training studio, then its states show here`,
    );
  if (!(Number.isInteger(index) && index >= 0 && index < ds.n))
    throw new FileFormatError('input', `state ${index} is not in ${ref.name}: it has states 0..${ds.n - 1}`);
  const v = stateAt(ds.packed, ds.d, index);
  const rho: CMat = { rows: ds.d, cols: ds.d, re: Float64Array.from(v.re), im: Float64Array.from(v.im) };
  return { rho, datasetLabel: { cls: ds.labels[index], fileIndex: ds.indices[index], ...(ds.kinds ? { kind: ds.kinds[index] } : {}) } };
}
/**
 * The input state of a recipe (two-qubit states for entanglement, diag(x) for digits). A
 * hand-entered matrix within 1e-6 of a state is used as its nearest state (docs/math.md §10); a
 * drawing is normalised as MNIST's digits were (§7) and flagged `noDigit` when it has no ink.
 */
export async function inputFromSpec(spec: InputSpec, deps: Pick<ExploreDeps, 'loadDigits' | 'datasetBySha'>, dataset?: DatasetRef): Promise<ExploreInput> {
  switch (spec.kind) {
    case 'bell':
      return { rho: bellState(spec.which) };
    case 'werner':
      return { rho: werner(spec.p) };
    case 'random-pure':
    case 'random-mixed':
    case 'product':
      return { rho: seededButtonState(spec.kind, spec.seed) };
    case 'matrix': {
      // within 1e-6 of a state: its nearest state (docs/math.md §10)
      const c = checkState(fromArrays(spec.re, spec.im));
      if (!c.ok) throw new FileFormatError('matrix', c.problem);
      return { rho: c.rho };
    }
    case 'dephased':
      return { rho: dephasedPartner((await inputFromSpec(spec.of, deps, dataset)).rho) };
    case 'marginal':
      return { rho: marginalProductPartner((await inputFromSpec(spec.of, deps, dataset)).rho) };
    case 'dataset':
      return datasetInput(dataset, spec.index, deps.datasetBySha);
    case 'drawn': {
      // normalised as MNIST's digits were (docs/math.md §7); no ink: uniform x and no prediction
      if (spec.pixels.length !== DIGIT_PIXELS) throw new FileFormatError('drawn.pixels', `expected ${DIGIT_PIXELS} pixels, got ${spec.pixels.length}`);
      const d = drawnDigitToInput(spec.pixels);
      return d.ink
        ? { rho: diagonalMatrix(d.x), pooled: d.x, digit28: d.image }
        : { rho: diagonalMatrix(d.x), pooled: d.x, digit28: new Float64Array(DIGIT_PIXELS), noDigit: true };
    }
    case 'mnist': {
      const set = await deps.loadDigits();
      if (!(Number.isInteger(spec.index) && spec.index >= 0 && spec.index < set.count))
        throw new FileFormatError('mnist.index', `must be an integer in [0, ${set.count - 1}], got ${spec.index}`);
      const image = digitIntensities(set, spec.index);
      const x = digitToInput(image);
      return { rho: diagonalMatrix(x), pooled: x, digit28: image, digitLabel: set.labels[spec.index] };
    }
  }
}

/**
 * Is the hand-entered 4×4 matrix a state (docs/math.md §10)? checkState with tolerance 1e-6:
 * accepted → `{ problem: null, traceDistance }` (the explorer uses its nearest state);
 * refused → the problem (one line, 4 significant digits, the tolerance) and, for any finite
 * matrix, the nearest state offered as "Use the nearest state". Never throws.
 */
export function checkMatrix(re: number[][], im: number[][]): MatrixCheck {
  try {
    if (re.length !== 4 || re.some((r) => r.length !== 4) || im.length !== 4 || im.some((r) => r.length !== 4)) return { problem: 'the matrix must be 4×4' };
    const c = checkState(fromArrays(re, im));
    if (c.ok) return { problem: null, traceDistance: c.traceDistance };
    if (!c.nearest) return { problem: c.problem, kind: c.kind };
    const json = toJson(c.nearest.rho);
    return {
      problem: c.problem,
      kind: c.kind,
      minEigenvalue: c.nearest.minEigenvalue,
      nearest: { re: json.re, im: json.im, traceDistance: c.nearest.traceDistance },
    };
  } catch (e) {
    return { problem: (e as Error).message.split('\n')[0] };
  }
}

/** The 28×28 image used and the no-ink flag of a digits input, for the response. */
function digitExtras(input: ExploreInput): Pick<ExploreResponse, 'digit28' | 'noDigit'> {
  return { ...(input.digit28 ? { digit28: Float32Array.from(input.digit28) } : {}), ...(input.noDigit ? { noDigit: true } : {}) };
}

/**
 * stateMeasures of diag(x) against x itself, in closed form (the eigenvalues are x): a digits
 * input would otherwise cost a 128×128 eigen-decomposition (~3 ms) per request.
 */
function diagonalStateMeasures(x: Float64Array) {
  return { ...diagonalMeasures(x, x.length), coherence: 0, traceDistanceToClassical: 0 };
}

function layerZero(rho: CMat): ExploreLayer {
  const x = realDiagonal(rho);
  const m = rho.rows === 4 ? fastStateMeasures(rho, x) : isDiagonalState(rho) ? diagonalStateMeasures(x) : stateMeasures(rho, x);
  return {
    rho: { re: Float32Array.from(rho.re), im: Float32Array.from(rho.im) },
    x: Float32Array.from(x),
    dead: false,
    classicalDead: false,
    measures: { ...m, traceDistanceToClassical: m.traceDistanceToClassical ?? 0 },
  };
}

function diagonalMatrixF32(x: Float32Array, d: number): Float32Array {
  const out = new Float32Array(d * d);
  for (let i = 0; i < d; i++) out[i * d + i] = x[i];
  return out;
}

/** Depth 0: the input is the output; both paths read out diag(ρ^(0)) (float64 core). */
function depthZero(req: ExploreRequest, model: QuantumModel, input: ExploreInput, t0: number): ExploreResponse {
  const out = softmaxReadout(model.readout!, realDiagonal(input.rho));
  const wire = () => ({ probabilities: Float32Array.from(out.probabilities), predicted: out.predicted });
  return {
    requestId: req.requestId,
    backend: tf.getBackend() as ExploreResponse['backend'],
    d: input.rho.rows,
    nQubits: model.nQubits,
    layers: [layerZero(input.rho)],
    output: wire(),
    classicalOutput: wire(),
    classes: model.readout!.classes,
    divergenceLayer: null,
    pooled: input.pooled ? Float32Array.from(input.pooled) : undefined,
    ...digitExtras(input),
    digitLabel: input.digitLabel,
    ...(input.datasetLabel ? { datasetLabel: input.datasetLabel } : {}),
    ms: performance.now() - t0,
    computedBy: FAST_PATH_NAME,
  };
}

/** Answer one explorer request (see ExploreResponse). */
export async function explore(req: ExploreRequest, deps: ExploreDeps): Promise<ExploreResponse> {
  const t0 = performance.now();
  // the engine memoises validated trained models: an α drag does not re-validate them
  const model = modelFromStack(req.stack, (json) => deps.engine.parseModel(json));
  const d = 1 << model.nQubits;
  const input = await inputFromSpec(req.input, deps, req.stack.dataset);
  if (input.rho.rows !== d)
    throw new FileFormatError(
      'input',
      `a ${input.rho.rows}×${input.rho.rows} state does not fit ${req.stack.dataset ? `the model of ${req.stack.dataset.name}` : `the ${req.stack.task} task`} (d = ${d})`,
    );
  if (model.blocks.length === 0) return depthZero(req, model, input, t0);
  // One state: the float64 core answers faster than tfjs's per-op dispatch (exploreFast.ts).
  const fast = deps.tfjsOnly ? null : exploreFast(model, input.rho);
  if (fast) {
    return {
      requestId: req.requestId,
      backend: tf.getBackend() as ExploreResponse['backend'],
      d,
      nQubits: model.nQubits,
      layers: [layerZero(input.rho), ...fast.layers],
      output: fast.output,
      classicalOutput: fast.classicalOutput,
      classes: model.readout!.classes,
      divergenceLayer: fast.divergenceLayer,
      pooled: input.pooled ? Float32Array.from(input.pooled) : undefined,
      ...digitExtras(input),
      digitLabel: input.digitLabel,
      ...(input.datasetLabel ? { datasetLabel: input.datasetLabel } : {}),
      ms: performance.now() - t0,
      computedBy: FAST_PATH_NAME,
    };
  }
  const r = await deps.engine.forwardModel(model, {
    states: { n: 1, d, re: input.rho.re, im: input.rho.im },
    measures: 'all',
  });
  const layers: ExploreLayer[] = [layerZero(input.rho)];
  let divergenceLayer: number | null = null;
  r.layers.forEach((l, k) => {
    const m = l.measures!;
    layers.push({
      // the diagonal fast path returns no ρ: it is diag(x)
      rho: l.rho ?? { re: diagonalMatrixF32(l.x, d), im: new Float32Array(d * d) },
      x: l.x,
      q: l.q,
      dead: l.dead[0] === 1,
      classicalDead: l.classicalDead[0] === 1,
      measures: {
        trace: m.trace[0],
        purity: m.purity[0],
        entropy: m.entropy![0],
        coherence: m.coherence[0],
        traceDistanceToClassical: m.traceDistanceToClassical![0],
        ...(d === 4 ? { concurrence: m.concurrence![0], negativity: m.negativity![0], ppt: m.ppt![0] === 1 } : {}),
      },
    });
    if (divergenceLayer === null && l.rho) {
      for (let i = 0; i < d; i++)
        if (Math.abs(l.rho.re[i * d + i] - l.x[i]) > EXPLORER_LIMITS.divergenceTolerance) {
          divergenceLayer = k + 1;
          break;
        }
    }
  });
  const pick = (w: { probabilities: Float32Array; predicted: Int32Array } | undefined) => ({ probabilities: w!.probabilities, predicted: w!.predicted[0] });
  return {
    requestId: req.requestId,
    backend: r.backend,
    d,
    nQubits: model.nQubits,
    layers,
    output: pick(r.output),
    classicalOutput: pick(r.classicalOutput),
    classes: model.readout!.classes,
    divergenceLayer,
    pooled: input.pooled ? Float32Array.from(input.pooled) : undefined,
    ...digitExtras(input),
    digitLabel: input.digitLabel,
    ...(input.datasetLabel ? { datasetLabel: input.datasetLabel } : {}),
    ms: performance.now() - t0,
    computedBy: `tfjs ${r.backend}`,
  };
}

export { DIGIT_DIM };
