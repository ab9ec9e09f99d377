/**
 * The training panel's labels and form defaults; its one-click presets (TRAINING_PRESETS) are
 * plain data in src/protocol/experiments.ts, re-exported here.
 */
import type { TaskName, TrainMode } from '../../protocol/messages';

// The presets are plain data in src/protocol (the worker's bench runs them too).
export { TRAINING_PRESETS, type TrainingBaseline, type TrainingPreset } from '../../protocol/experiments';

/** Form defaults per task (HQRN.md §7 sizes). */
export const TASK_SIZES: Record<TaskName, { trainSize: number; testSize: number }> = {
  digits: { trainSize: 6000, testSize: 4000 },
  entanglement: { trainSize: 1300, testSize: 5000 },
};

export const MODE_LABELS: Record<TrainMode, string> = {
  transfer: 'Classical, then transfer to quantum',
  'quantum-greedy': 'Quantum, greedy layer-wise',
  'quantum-end-to-end': 'Quantum, end-to-end',
  classical: 'Classical only',
};
