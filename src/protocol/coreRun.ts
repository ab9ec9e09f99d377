/**
 * Which training requests the engine's float64-core sweep run takes (workers/engine/studies/coreRun.ts,
 * the trainer of `hqrn sweep`, docs/math.md §11): the built-in entanglement task, quantum
 * greedy or end-to-end, exact and noiseless. Shared by the worker (which refuses the others)
 * and the studio (which sends the others to the tfjs trainer).
 */
import type { TrainRequest } from './messages';

/** Why `req` cannot run on the float64 core (null when it can): words for the user. */
export function coreRunProblem(req: TrainRequest): string | null {
  if (req.datasetId) return 'an imported dataset trains on the tfjs engine';
  if (req.task !== 'entanglement') return 'the digits task trains on the tfjs engine (d = 64 is slow on the float64 core)';
  if (req.mode !== 'quantum-greedy' && req.mode !== 'quantum-end-to-end') return `mode ${req.mode} trains on the tfjs engine`;
  if (req.noise) return 'noise λ > 0 trains on the tfjs engine';
  if (req.shots) return 'finite shots are evaluated on the tfjs engine';
  return null;
}
