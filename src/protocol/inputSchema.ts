/**
 * The schema of an explorer input recipe (InputSpec), built from the vocabulary in
 * ./inputs.ts; the InputSpec type is inferred from it. This module imports zod: the first page
 * load only needs the type (erased), and saved work, which validates recipes, loads it lazily.
 * Hand-entered matrices are checked as states separately (the core's validateDensityMatrix,
 * docs/math.md §10), partner nesting before the schema runs (so a deep file cannot exhaust the stack).
 */
import { z } from 'zod';
import { BELL_KINDS, LIMITS } from './inputs';

const finite = z.number({ error: (iss) => (iss.input === undefined ? 'is missing' : `must be a finite number, got ${String(iss.input)}`) });
const seed = z.number().int().min(0).max(LIMITS.maxSeed.value);

const bell = z.object({ kind: z.literal('bell'), which: z.enum(BELL_KINDS) });
const werner = z.object({ kind: z.literal('werner'), p: finite.min(0).max(1) });
const randomPure = z.object({ kind: z.literal('random-pure'), seed });
const randomMixed = z.object({ kind: z.literal('random-mixed'), seed });
const product = z.object({ kind: z.literal('product'), seed });
const matrix = z.object({ kind: z.literal('matrix'), re: z.array(z.array(finite)), im: z.array(z.array(finite)) });
/** 28×28 intensities in [0, 1], row-major (drawn on the canvas). */
const drawn = z.object({ kind: z.literal('drawn'), pixels: z.array(finite.min(0).max(1)).length(LIMITS.drawnPixels.value) });
/** Digit `index` of the packed MNIST set (0..9999). */
/** State `index` (0-based, among the kept states) of the stack's imported dataset (StackSpec.dataset). */
const dataset = z.object({ kind: z.literal('dataset'), index: z.number().int().min(0) });
const mnist = z.object({ kind: z.literal('mnist'), index: z.number().int().min(0).max(LIMITS.maxMnistIndex.value) });

const dephased = z.object({
  kind: z.literal('dephased'),
  get of() {
    return inputSpecSchema;
  },
});
const marginal = z.object({
  kind: z.literal('marginal'),
  get of() {
    return inputSpecSchema;
  },
});

/** An input recipe: what the explorer asks the worker to make (src/protocol/explorer.ts). */
export const inputSpecSchema = z.discriminatedUnion('kind', [
  bell,
  werner,
  randomPure,
  randomMixed,
  product,
  matrix,
  dephased,
  marginal,
  drawn,
  mnist,
  dataset,
]);

export type InputSpec = z.infer<typeof inputSpecSchema>;
