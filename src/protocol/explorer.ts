/**
 * What the explorer asks the worker: a stack described by parameters and seeds (never
 * weights: the worker makes them), and an input described by a recipe. Plain data, so it is
 * also what the URL, undo history and saved views store.
 */
import type { Activation } from '../core/hqrn/activation';
import type { BellKind } from '../core/states/states';
import type { BackendName, ModelJson, TaskName } from './messages';
import { LIMITS } from './inputs';

export type { BellKind, TaskName };

export interface BlockSpec {
  /** Stable id for React keys and reordering. */
  id: string;
  alpha: number;
  activation: Activation;
  /** The gain c > 0 of the block (docs/math.md §2). */
  gain: number;
  /** Seed of the block's random contractions A± and bias. */
  seed: number;
}

export interface StackSpec {
  task: TaskName;
  blocks: BlockSpec[];
  /** Seed of the random readout (used when no trained model is loaded). */
  readoutSeed: number;
  /**
   * A trained model (hqrn-model JSON) replacing the seeded weights: block k uses the trained
   * A±, c and bias, while α and activation still come from blocks[k] (so α stays live).
   */
  trained?: { name: string; model: ModelJson };
  /**
   * A model trained on an imported dataset (docs/math.md §11): the stack has the dataset's
   * nQubits and class names instead of the task's, and its inputs are the dataset's states
   * (`{ kind: 'dataset', index }`). `task` is then 'entanglement' (the non-digits input rules).
   */
  dataset?: DatasetRef;
}

/**
 * An imported dataset as the explorer names it: the worker finds its states by `sha256` (the
 * file's SHA-256; a re-import of the same file after a reload is found again), `name` is the
 * file name shown to the user, `size` the number of kept states (indices 0..size−1).
 */
export interface DatasetRef {
  name: string;
  sha256: string;
  nQubits: number;
  classes: string[];
  size: number;
}

/**
 * An input recipe: a Bell state, a Werner state, a seeded random or product state, a
 * hand-entered 4×4 matrix, a partner (dephased / marginal) of another two-qubit input, a drawn
 * digit (784 intensities in [0, 1]) or an MNIST digit. Inferred from the schema in
 * ./inputSchema.ts; the kinds, Bell states and limits are those of ./inputs.ts.
 */
export type { InputSpec } from './inputSchema';
import type { InputSpec } from './inputSchema';

export interface ExploreRequest {
  requestId: number;
  stack: StackSpec;
  input: InputSpec;
}

/** One layer of the explorer: layer 0 is the input. All matrices row-major d×d. */
export interface ExploreLayer {
  rho: { re: Float32Array; im: Float32Array };
  /** Classical path x^(k) (diagonal of the classical state). */
  x: Float32Array;
  /** Block output q (absent at layer 0). */
  q?: Float32Array;
  dead: boolean;
  classicalDead: boolean;
  measures: {
    trace: number;
    purity: number;
    entropy: number;
    coherence: number;
    traceDistanceToClassical: number;
    concurrence?: number;
    negativity?: number;
    ppt?: boolean;
  };
}

export interface ExploreResponse {
  requestId: number;
  backend: BackendName;
  d: number;
  nQubits: number;
  layers: ExploreLayer[];
  /** Class probabilities of the quantum path and of the classical path, and their labels. */
  output: { probabilities: Float32Array; predicted: number };
  classicalOutput: { probabilities: Float32Array; predicted: number };
  classes: (string | number)[];
  /**
   * First layer k ≥ 1 where the quantum path's diagonal leaves the classical path
   * (max_i |ρ^(k)_ii − x^(k)_i| > 1e-4), or null if they never differ.
   */
  divergenceLayer: number | null;
  /** Digits: the 8×8 pooled input x^(0) (64 values). */
  pooled?: Float32Array;
  /**
   * Digits: the 28×28 image that went into the 8×8 pipeline — a drawing after the §7
   * normalisation (box to 20×20, centre of mass to the centre), an MNIST digit as stored.
   */
  digit28?: Float32Array;
  /**
   * Digits: the drawing has no ink (docs/math.md §7): "draw a digit" — the result's numbers are
   * those of the uniform input and no prediction is shown.
   */
  noDigit?: boolean;
  /** Digits from the MNIST set: the true label. */
  digitLabel?: number;
  /** A state of an imported dataset: its class index (into `classes`), index in the file and kind. */
  datasetLabel?: { cls: number; fileIndex: number; kind?: string };
  ms: number;
  /** What computed the view, for the status line (e.g. "float64 core", "tfjs wasm"). */
  computedBy?: string;
}

/**
 * The answer to validating a hand-entered matrix (docs/math.md §10 "States as people write them"):
 * `problem` is null when it is accepted (within 1e-6 of a state; the explorer then uses its
 * nearest state, `traceDistance` away), otherwise one line naming the problem and the
 * tolerance, with the explicit projection in `nearest` when it exists ("Use the nearest state").
 */
export interface MatrixCheck {
  problem: string | null;
  /** Refused: which condition failed (src/core/states/nearestState.ts StateProblemKind). */
  kind?: 'shape' | 'non-finite' | 'hermitian' | 'trace' | 'psd';
  /** Refused: the smallest eigenvalue of the Hermitian part, when computed. */
  minEigenvalue?: number;
  /** Accepted: ½‖ρ_entered − ρ_used‖₁ (≤ 1e-12: nothing changed). */
  traceDistance?: number;
  /** Refused: the nearest state and its trace distance from the entered matrix. */
  nearest?: { re: number[][]; im: number[][]; traceDistance: number };
}

/** Limits (from the one table in ./inputs.ts, with their reasons) and defaults of the explorer. */
export const EXPLORER_LIMITS = {
  maxDepth: LIMITS.maxDepth.value,
  minGain: LIMITS.minGain.value,
  maxGain: LIMITS.maxGain.value,
  defaultGain: 4,
  defaultAlpha: 0.5,
  /** Tolerance on the diagonal for the divergence layer (float32 engine). */
  divergenceTolerance: LIMITS.divergenceTolerance.value,
} as const;

/**
 * The drawing canvas is blank (no digit): the input is a drawing and the shown result says it
 * has no ink (the worker's docs/math.md §7 verdict). The views then show an empty state ("draw a
 * digit") instead of the uniform I/64 layers, and a blank drawing is not offered for saving.
 */
export function isBlankDrawing(input: InputSpec, result: Pick<ExploreResponse, 'noDigit'> | undefined): boolean {
  return input.kind === 'drawn' && result?.noDigit === true;
}
