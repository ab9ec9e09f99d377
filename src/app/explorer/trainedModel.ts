/**
 * What the app reads of a trained model's JSON (an hqrn-model, docs/math.md §10): per block its α,
 * activation and kind (quantum: aPlus/aMinus; classical: w). Parsed once per model object
 * (cached by identity), so the store, the stack builder, the layer chain and the training
 * studio share one typed value instead of each casting `model as { blocks?: … }`. The full
 * validation of a file is the core's parseModelFile (src/core/io/files.ts) where the model
 * enters (import, training result); this is the light reading of an already-valid model.
 */
import { ACTIVATIONS, type Activation } from '../../core/hqrn/activation';
import type { ModelJson } from '../../protocol/messages';

export interface ModelBlockSummary {
  /** α of the block, when the file gives a number in [0, 1]. */
  alpha?: number;
  /** The activation, when the file names one of ACTIVATIONS. */
  activation?: Activation;
  /** The gain c of z = c(p+ − p−) + b (docs/math.md §2), when the file gives a finite number. */
  gain?: number;
  /** Quantum block (aPlus / aMinus) rather than classical (w). */
  quantum: boolean;
}

export interface ModelSummary {
  blocks: readonly ModelBlockSummary[];
  /** Every block is quantum (and there is at least one): the explorer can show it. */
  quantum: boolean;
}

const cache = new WeakMap<object, ModelSummary>();

/** The typed summary of `model` (parsed on first use, then cached); no blocks for a malformed one. */
export function modelSummary(model: ModelJson): ModelSummary {
  const hit = cache.get(model);
  if (hit) return hit;
  const raw = Array.isArray(model.blocks) ? (model.blocks as unknown[]) : [];
  const blocks = raw.map((b): ModelBlockSummary => {
    const r = typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : {};
    const alpha = typeof r.alpha === 'number' && r.alpha >= 0 && r.alpha <= 1 ? r.alpha : undefined;
    const activation = (ACTIVATIONS as readonly unknown[]).includes(r.activation) ? (r.activation as Activation) : undefined;
    const gain = typeof r.gain === 'number' && Number.isFinite(r.gain) ? r.gain : undefined;
    return { alpha, activation, gain, quantum: 'aPlus' in r };
  });
  const summary = { blocks, quantum: blocks.length > 0 && blocks.every((b) => b.quantum) };
  cache.set(model, summary);
  return summary;
}

/** How many blocks a trained model has (0 without one). */
export function modelDepth(model: ModelJson | undefined): number {
  return model ? modelSummary(model).blocks.length : 0;
}

/**
 * A gain c as the block details show it: thousands separated, one decimal from 100 up, two
 * below ("25,699.8", "119.2", "4", "0.75"), so a trained digits model's 25,699.8 fits its card.
 */
export function formatGain(c: number): string {
  if (!Number.isFinite(c)) return String(c);
  return c.toLocaleString('en-US', { maximumFractionDigits: Math.abs(c) >= 100 ? 1 : 2 });
}

/** The gain of block k of a trained model (its file's value), or undefined (no model, no such block, no gain). */
export function trainedGain(trained: { model: ModelJson } | undefined, k: number): number | undefined {
  return trained ? modelSummary(trained.model).blocks[k]?.gain : undefined;
}
