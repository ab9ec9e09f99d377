/**
 * The explorer's input vocabulary, in one place: the input kinds, the Bell states, and ONE
 * table of limits, each with the reason for it (Quirk's Config.js style). The URL codec
 * (src/app/url), saved work (src/app/saved), the UI and the worker all read these; the zod
 * schema of an input recipe (./inputSchema.ts) is built from them. No imports beyond types, so
 * the first page load (the URL reader) gets the numbers without zod or the eigensolver.
 */
import type { BellKind } from '../core/states/states';
import { STATE_TOLERANCE } from '../core/measures/tolerance';
import { QASM_LIMITS } from '../core/io/qasmLimits';

/** The four Bell states, in the order the UI lists them (docs/math.md §7). */
export const BELL_KINDS = ['phi+', 'phi-', 'psi+', 'psi-'] as const satisfies readonly BellKind[];

/** The input kinds of an InputSpec (the `kind` of the recipe). */
export const INPUT_KINDS = ['bell', 'werner', 'random-pure', 'random-mixed', 'product', 'matrix', 'dephased', 'marginal', 'drawn', 'mnist'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** Kinds whose recipe wraps another two-qubit input (`of`). */
export const PARTNER_KINDS = ['dephased', 'marginal'] as const;

/** A limit and why it is what it is. */
export interface Limit {
  readonly value: number;
  readonly reason: string;
}

/**
 * Every limit of the explorer's inputs, stack and links. Read `LIMITS.x.value`; the reason is
 * what a reviewer (or a message) needs to know about the number.
 */
export const LIMITS = {
  maxDepth: {
    value: 20,
    reason: 'blocks in the explorer stack: the layer strip shows every layer, and 20 keeps it readable and each recompute interactive',
  },
  minGain: { value: 0.01, reason: 'the gain c > 0 of a block (docs/math.md §2): the stack builder offers four decades, 0.01..100, around the default 4' },
  maxGain: { value: 100, reason: 'the gain c of a block: the top of the same four decades (see minGain)' },
  maxSeed: {
    value: 2_147_483_647,
    reason:
      'seeds of weights and random inputs are integers in [0, 2³¹−1]: the generator mixes a 32-bit seed (src/core/math/rng.ts), so larger seeds only alias smaller ones; links and saved files share this bound',
  },
  maxMnistIndex: { value: 9999, reason: 'the packed MNIST test set has 10,000 digits, indices 0..9999 (docs/math.md §7)' },
  maxInputNesting: {
    value: 4,
    reason:
      'partners (dephased / marginal) wrapping partners: both are idempotent (the dephased partner of a dephased state is itself), so depth 2 already says everything; 4 is the depth links have always read, and a saved file may not hold what a link cannot',
  },
  stateTolerance: {
    value: STATE_TOLERANCE,
    reason:
      'docs/math.md §10 "States as people write them": a matrix is a state when max|ρ − ρ†|, |Tr ρ − 1| and −λ_min are ≤ 1e-6 (then used as its nearest state); the same for links, saved files and the CLI',
  },
  matrixDim: { value: 4, reason: 'a hand-entered matrix is a two-qubit (4×4) state; digits are drawn or picked from MNIST' },
  drawnPixels: { value: 28 * 28, reason: 'a drawing is a 28×28 canvas, normalised to the 8×8 input as MNIST is (docs/math.md §7)' },
  maxHashLength: {
    value: 8000,
    reason: 'longer link hashes are not read at all: a drawn digit needs at most ~1,600 characters, and browsers and chat apps cut long URLs',
  },
  maxModelNameLength: { value: 200, reason: 'a model name in a link (`model=`): enough for any file name, short enough to quote in a message' },
  maxProblems: { value: 12, reason: 'problems of a link listed one by one; the rest are counted ("N more problems")' },
  divergenceTolerance: {
    value: 1e-4,
    reason:
      "the divergence layer: the first k where max_i |ρ^(k)_ii − x^(k)_i| exceeds this; well above float32 round-off (~1e-7), so the engine's precision never shows as a divergence",
  },
  maxTrotterSteps: {
    value: QASM_LIMITS.maxSteps,
    reason:
      "Trotter steps r of the OpenQASM export, typed or chosen (docs/math.md §4): the default is the smallest r whose class probabilities are within 1e-3 of the model's, and every bundled model reaches that well below 10,000 (order 2: r ≤ 111; order 1: r ≤ 7,081); 10⁴ steps of ~30 rotations is already far beyond any present device's coherent depth",
  },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

/** Inputs of the two-qubit (entanglement) task; the others (mnist, drawn) are digits. */
export function isTwoQubitKind(kind: InputKind): boolean {
  return kind !== 'mnist' && kind !== 'drawn';
}
