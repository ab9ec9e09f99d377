/**
 * "Reproduce this run": the studio's form from a model or result file's run card (docs/math.md
 * §11 `run.settings`). Only the built-in generators' runs can be re-run in the studio (a run on
 * an imported file needs that file); every setting is checked against the form's ranges.
 */
import { validateRunCard } from '../../core/io/runCard';
import type { TrainRequest } from '../../protocol/messages';
import { requestToForm, type TrainForm } from './form';
import { checkForm } from './ranges';

const MODES = ['transfer', 'quantum-greedy', 'quantum-end-to-end', 'classical'] as const;
const ACTIVATIONS = ['relu', 'softplus', 'sigmoid', 'exp'] as const;

/**
 * The form of a file's run card, or a problem in words. `file`: the parsed JSON of a model or
 * result file. Settings keys are TrainRequest's (what the studio writes); the CLI's cards use
 * the same names for the common settings.
 */
export function formFromRunCard(file: unknown): { form: TrainForm } | { problem: string } {
  const run = (file as { run?: unknown } | null)?.run;
  if (run === undefined)
    return {
      problem: 'this file has no run card ("run"): it does not say how it was made. Models exported by this version of the app or by `hqrn train` have one.',
    };
  let card: ReturnType<typeof validateRunCard>;
  try {
    card = validateRunCard(run);
  } catch (e) {
    return { problem: `the run card is not valid (${e instanceof Error ? e.message : String(e)})` };
  }
  if (card.data.source !== 'generator')
    return {
      problem: `this run trained on the file “${card.data.name}”: the studio re-runs the built-in tasks only; use \`hqrn train --data\` with that file`,
    };
  const s = card.settings as Partial<TrainRequest> & Record<string, unknown>;
  const task =
    s.task === 'digits' || s.task === 'entanglement'
      ? s.task
      : card.data.name === 'digits'
        ? 'digits'
        : card.data.name === 'entanglement'
          ? 'entanglement'
          : undefined;
  if (!task) return { problem: `the run card's task ${JSON.stringify(s.task ?? card.data.name)} is not entanglement or digits` };
  const mode = (MODES as readonly string[]).includes(String(s.mode)) ? (s.mode as TrainRequest['mode']) : undefined;
  if (!mode) return { problem: `the run card's mode ${JSON.stringify(s.mode)} is not one of ${MODES.join(', ')}` };
  const activation = (ACTIVATIONS as readonly string[]).includes(String(s.activation)) ? (s.activation as TrainRequest['activation']) : undefined;
  if (!activation) return { problem: `the run card's activation ${JSON.stringify(s.activation)} is not one of ${ACTIVATIONS.join(', ')}` };
  const num = (k: keyof TrainRequest) => (typeof s[k] === 'number' ? (s[k] as number) : NaN);
  const req: TrainRequest = {
    task,
    mode,
    activation,
    depth: num('depth'),
    alpha: num('alpha'),
    learningRate: num('learningRate'),
    epochs: num('epochs'),
    batchSize: num('batchSize'),
    seed: typeof s.seed === 'number' ? s.seed : card.seed,
    ...(typeof s.trainSize === 'number' ? { trainSize: s.trainSize } : {}),
    ...(typeof s.testSize === 'number' ? { testSize: s.testSize } : {}),
    ...(typeof s.adversarialShare === 'number' ? { adversarialShare: s.adversarialShare } : {}),
    ...(typeof s.shots === 'number' ? { shots: s.shots } : {}),
  };
  const form = requestToForm(req);
  const check = checkForm(form);
  if (!check.ok) return { problem: `the run card's settings are outside the studio's ranges: ${Object.values(check.errors).join('; ')}` };
  return { form };
}
