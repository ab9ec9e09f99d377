/**
 * What the weights under a prediction are: a trained model, untrained (random) weights, or a
 * trained model whose stack was made deeper (the added blocks are untrained) or shallower.
 */
export function weightsNote(trained: { name: string; model: unknown } | undefined, depth: number): { text: string; untrained: boolean } {
  if (!trained) return { text: 'untrained (random) weights', untrained: true };
  const n = (trained.model as { blocks?: unknown[] }).blocks?.length ?? depth;
  if (depth > n) return { text: `trained model: ${trained.name}; ${n + 1 === depth ? `block ${depth}` : `blocks ${n + 1}–${depth}`} untrained (random)`, untrained: true };
  if (depth < n) return { text: `trained model: ${trained.name}, cut to its first ${depth} of ${n} blocks`, untrained: true };
  return { text: `trained model: ${trained.name}`, untrained: false };
}
