/**
 * "Use in explorer" for a model trained on an imported dataset (docs/math.md §11): the explorer
 * shows two-qubit stacks (the entanglement task, hand-entered 4×4 inputs) and six-qubit digit
 * stacks (MNIST and drawn inputs only). A model of n = 2 opens there with a state of its dataset
 * as the input (a `matrix` input); any other n gets words naming what is missing and the way
 * that works today (the saved model on the command line).
 */
import type { InputSpec } from '../../protocol/explorer';
import type { ImportedSummary } from './importedData';

export type ExplorerPlan = { ok: true; input: InputSpec; example: ImportedSummary['examples'][number] } | { ok: false; message: string };

/** How a model of `nQubits` trained on `dataset` opens in the explorer, or why it cannot. */
export function explorerPlan(nQubits: number, dataset: Pick<ImportedSummary, 'name' | 'examples'> | undefined): ExplorerPlan {
  if (nQubits !== 2) {
    const d = 2 ** nQubits;
    return {
      ok: false,
      message: `This model has ${nQubits} qubit${nQubits === 1 ? '' : 's'} (d = ${d}); the explorer shows two-qubit stacks (4×4 states) and the six-qubit digits task with MNIST or drawn inputs only, so it cannot show a ${d}×${d} input of your dataset yet. Save the model and run it on your states with the command line: hqrn predict --model MODEL.json --states YOUR-DATA.json (or hqrn evaluate --model MODEL.json --data YOUR-DATA.json).`,
    };
  }
  const example = dataset?.examples[0];
  if (!example)
    return {
      ok: false,
      message:
        'The dataset this model was trained on is no longer in the studio (another file was imported): import it again to open the model with its states.',
    };
  return { ok: true, input: { kind: 'matrix', re: example.re, im: example.im }, example };
}
