/**
 * The wire format between the app (main thread) and the engine worker. Both sides import
 * these types; everything crossing is plain data (typed arrays, numbers, strings, JSON).
 * Models cross as hqrn-model JSON (docs/math.md §10), validated by src/core/files on arrival.
 */
import type { Activation } from '../core/hqrn/activation';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  /** The backend the engine runs on. */
  backend: BackendName;
  /** Backends tried before it, with the reason each was not used. */
  fallbacks: { backend: BackendName; reason: string }[];
}

/**
 * A batch of n density matrices, d×d each, row-major: entry (s, i, j) at s·d² + i·d + j.
 * Diagonal inputs (digits) may instead come as `diagonal` (n×d, ρ = diag(x)): d× less data
 * and no off-diagonal scan.
 */
export type StateBatch =
  | { n: number; d: number; re: Float64Array | Float32Array; im: Float64Array | Float32Array; diagonal?: undefined }
  | { n: number; d: number; diagonal: Float64Array | Float32Array; re?: undefined; im?: undefined };

/** hqrn-model JSON (docs/math.md §10). */
export type ModelJson = Record<string, unknown>;

/**
 * 'none': no measures; 'cheap': trace, purity, l1-coherence (O(d²) each);
 * 'all': every measure of docs/math.md §8 (eigen-problems on the float64 core, per state).
 */
export type MeasureLevel = 'none' | 'cheap' | 'all';

export interface ForwardRequest {
  model: ModelJson;
  states: StateBatch;
  /** N_s shots per unitary per block; 0 or absent: exact. */
  shots?: number;
  seed?: number;
  measures?: MeasureLevel;
  /**
   * Use the O(d²) diagonal fast path (only valid when every state is diagonal; the engine
   * checks). Default: automatic, on when all inputs are diagonal and no shots are asked.
   */
  diagonalFastPath?: boolean;
  /**
   * Which layers come back (batch callers ask for what they need): 'all' (default),
   * 'last' (only the final layer, as layers[0]; `firstLayer` says which), 'none' (outputs only,
   * layers = []). Measures are computed for the returned layers only.
   */
  layers?: LayerSelection;
  /** Which per-layer fields; default all. A field not asked for comes back as an empty array. */
  fields?: LayerField[];
}

export type LayerSelection = 'all' | 'last' | 'none';
export type LayerField = 'rho' | 'x' | 'q' | 'dead';

export interface LayerMeasures {
  trace: Float64Array;
  purity: Float64Array;
  coherence: Float64Array;
  entropy?: Float64Array;
  traceDistanceToClassical?: Float64Array;
  concurrence?: Float64Array;
  negativity?: Float64Array;
  /** 1 = PPT, 0 = NPT. */
  ppt?: Uint8Array;
}

export interface ForwardLayer {
  /**
   * Quantum-path states after the block (n×d×d, re/im), float32 from the tensors. Absent on
   * the diagonal fast path, where ρ^(k) = diag(x^(k)) exactly (correspondence theorem).
   */
  rho?: { re: Float32Array; im: Float32Array };
  /** Classical-path vectors after the block (n×d). */
  x: Float32Array;
  /** Block outputs q (n×d). */
  q: Float32Array;
  dead: Uint8Array;
  classicalDead: Uint8Array;
  measures?: LayerMeasures;
}

export interface ReadoutWire {
  /** n×C class probabilities. */
  probabilities: Float32Array;
  predicted: Int32Array;
}

export interface ForwardResponse {
  backend: BackendName;
  n: number;
  d: number;
  layers: ForwardLayer[];
  /** Index of layers[0] among the model's blocks (0 unless ForwardRequest.layers = 'last'). */
  firstLayer?: number;
  /** Readout of the quantum path (when the model has one). */
  output?: ReadoutWire;
  /** Readout of the classical path. */
  classicalOutput?: ReadoutWire;
  ms: number;
}

export type TaskName = 'digits' | 'entanglement';
export type TrainMode = 'classical' | 'transfer' | 'quantum-greedy' | 'quantum-end-to-end';

export interface TrainRequest {
  task: TaskName;
  mode: TrainMode;
  depth: number;
  alpha: number;
  activation: Activation;
  learningRate: number;
  /** Epochs (per block for greedy training). */
  epochs: number;
  batchSize: number;
  seed: number;
  /** Digits: 6000 / 4000; entanglement: 1300 / 5000 (docs/math.md §7). */
  trainSize?: number;
  testSize?: number;
  /** Entanglement: share of the separable states that are adversarial partners (0.5). */
  adversarialShare?: number;
  /** Finite shots during evaluation (0 = exact). */
  shots?: number;
  /**
   * Depolarising noise λ ∈ [0, 1] on each quantum block's input (the noise study beyond the
   * paper): the block acts on (1 − λ) ρ + λ I/d, in training and evaluation. 0 or absent:
   * noiseless. Quantum modes only (the classical network and transfer ignore it).
   */
  noise?: number;
  /**
   * Hyper-parameter tuning: carve the last `validationSize` rows of the training split off
   * as the evaluation set (reported as "test"), train on the rest; the test set is never
   * touched. 0 or absent: train on the whole training split, evaluate on the test set.
   */
  validationSize?: number;
  /**
   * An imported labelled dataset (the worker's importDataset id, docs/math.md §11): trained on
   * its seeded stratified split (test share 0.2, `seed`); `task`, trainSize, testSize and
   * adversarialShare are then ignored by the data.
   */
  datasetId?: string;
}

export interface TrainProgress {
  /** 1-based epoch within the current stage. */
  epoch: number;
  epochs: number;
  /** Optimiser steps so far (all stages). */
  step: number;
  /** Greedy training: the block being trained (1-based); otherwise the depth. */
  depth: number;
  stage: string;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Accuracy on the adversarial subset of the test set (entanglement), per kind. */
  adversarialAccuracy?: { dephased: number; marginal: number; all: number };
  examplesPerSecond: number;
  elapsedMs: number;
  /** True for the report at the end of an epoch (per-step reports in between). */
  epochEnd: boolean;
}

export interface TrainResult {
  model: ModelJson;
  /** One entry per epoch end. */
  history: TrainProgress[];
  /** Greedy: test accuracy after training block k (index k−1). */
  accuracyByDepth?: { depth: number; trainAccuracy: number; testAccuracy: number }[];
  final: {
    trainAccuracy: number;
    testAccuracy: number;
    adversarialAccuracy?: { dephased: number; marginal: number; all: number };
  };
  /** Transfer mode: the classical network it came from and the agreement on the test set. */
  transfer?: {
    classicalModel: ModelJson;
    classicalTestAccuracy: number;
    quantumTestAccuracy: number;
    disagreements: number;
    maxUnitarityError: number;
  };
  cancelled: boolean;
  /**
   * Set when the run diverged (a non-finite loss, or a loss far above its start):
   * the run stopped in `epoch` of `stage`, and `model` holds the last finite weights (those of
   * the last epoch end before it, or the stage's start).
   */
  diverged?: { epoch: number; stage: string; reason: string; loss: number; startLoss: number };
  seconds: number;
}

export type TrainControl = 'pause' | 'resume' | 'cancel';
