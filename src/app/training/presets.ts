/**
 * The paper's two experiments (HQRN.md §7) as one-click presets of the training panel.
 *
 * The requests come from src/protocol/experiments.ts (the experiments engineer's presets,
 * plain data shared with `npm run experiments`). The baselines run here are the ones the
 * worker's train() API can run on exactly the same data (same task, seed, sizes, share):
 * the classical analog (mode 'classical') and, for digits, a linear softmax on the 64 inputs
 * realised as a classical network with α = 1 (its blocks are identities). The experiments'
 * own MLP / linear BaselineSpecs need an engine call the worker API does not expose yet.
 */
import { ENTANGLEMENT_CLASSICAL, PRESETS } from '../../protocol/experiments';
import type { TaskName, TrainMode, TrainRequest } from '../../protocol/messages';

export interface TrainingBaseline {
  /** Row label in the final-figures table. */
  label: string;
  /** What differs from the main request (the data fields are never overridden). */
  patch: Partial<Pick<TrainRequest, 'mode' | 'depth' | 'alpha' | 'activation' | 'learningRate' | 'epochs' | 'batchSize'>>;
}

export interface TrainingPreset {
  id: string;
  label: string;
  description: string;
  request: TrainRequest;
  baselines: TrainingBaseline[];
}

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

export const TRAINING_PRESETS: TrainingPreset[] = [
  {
    id: 'paper-digits',
    label: 'Paper: digits (classical → quantum)',
    description:
      'Classical residual network on the seeded 6,000-digit training subset (test: the other 4,000), 64 inputs, α = 0.5, ' +
      'transferred to a quantum network; the two must agree on every test digit. Baseline: a linear softmax on the same 64 inputs ' +
      '(a classical network with α = 1, whose blocks are identities).',
    request: PRESETS.digits.request,
    baselines: [{ label: 'Linear softmax (α = 1, classical)', patch: { mode: 'classical', depth: 1, alpha: 1, activation: 'softplus' } }],
  },
  {
    id: 'paper-entanglement',
    label: 'Paper: entanglement (greedy)',
    description:
      '1,300 training / 5,000 test two-qubit states, half of the separable ones adversarial partners; the quantum network ' +
      'trained greedily, block by block. Baseline: the classical analog on the same data (it sees only the diagonal of ρ, ' +
      'so it must sit near chance on dephased partners).',
    request: PRESETS.entanglement.request,
    // The analog's own tuned settings (ENTANGLEMENT_CLASSICAL, as in npm run experiments): with
    // the HQRN's settings it collapses to "separable" for every state (balanced accuracy 0.5).
    baselines: [{ label: 'Classical analog (diagonal only)', patch: { ...ENTANGLEMENT_CLASSICAL } }],
  },
];
