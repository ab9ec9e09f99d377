import type { ModelJson } from '../../protocol/messages';
import { modelDepth } from './trainedModel';

/**
 * What the weights under a prediction are: a trained model, untrained (random) weights, or a
 * trained model whose stack was made deeper (the added blocks are untrained) or shallower.
 */
export function weightsNote(trained: { name: string; model: ModelJson } | undefined, depth: number): { text: string; untrained: boolean } {
  if (!trained) return { text: 'untrained (random) weights', untrained: true };
  const n = Array.isArray(trained.model.blocks) ? modelDepth(trained.model) : depth;
  // A model saved from the training studio is named "trained: entanglement, …": the label says
  // "trained model:" already, so the name's own "trained: " is not repeated.
  const name = trained.name.replace(/^trained:\s*/i, '') || trained.name;
  if (depth > n)
    return { text: `trained model: ${name}; ${n + 1 === depth ? `block ${depth}` : `blocks ${n + 1}–${depth}`} untrained (random)`, untrained: true };
  if (depth === 0 && n > 0) return { text: `trained model: ${name}, no blocks: the readout of the input`, untrained: true };
  if (depth < n) return { text: `trained model: ${name}, cut to its first ${depth} of ${n} blocks`, untrained: true };
  return { text: `trained model: ${name}`, untrained: false };
}
