/**
 * "Use in explorer" for a model trained on an imported dataset (docs/math.md §11): the explorer
 * opens the model with the dataset's states as its inputs (state 0 first, then any index through
 * the input panel), for any n the core supports (1..6 qubits, d = 2ⁿ ≤ 64). The stack carries a
 * DatasetRef (name, SHA-256, nQubits, class names, kept states); the states stay in the worker,
 * found by the SHA-256. Without the dataset (another file was imported since) there are words
 * naming what is missing and the way forward.
 */
import type { DatasetRef } from '../../protocol/explorer';
import type { ImportedSummary } from './importedData';

/** Largest number of qubits the explorer shows (d = 64: the digits size). */
export const MAX_EXPLORER_QUBITS = 6;

export type ExplorerPlan = { ok: true; dataset: DatasetRef; index: number; example?: ImportedSummary['examples'][number] } | { ok: false; message: string };

/** The DatasetRef of an imported dataset (class names in the dataset's class order). */
export function datasetRef(ds: Pick<ImportedSummary, 'name' | 'sha256' | 'kept' | 'summary'>): DatasetRef {
  return { name: ds.name, sha256: ds.sha256, nQubits: ds.summary.nQubits, classes: ds.summary.classes.map((c) => c.name), size: ds.kept };
}

/** How a model of `nQubits` trained on `dataset` opens in the explorer (state 0 of the dataset), or why it cannot. */
export function explorerPlan(nQubits: number, dataset: Pick<ImportedSummary, 'name' | 'sha256' | 'kept' | 'summary' | 'examples'> | undefined): ExplorerPlan {
  if (!(Number.isInteger(nQubits) && nQubits >= 1 && nQubits <= MAX_EXPLORER_QUBITS))
    return {
      ok: false,
      message: `This model has ${nQubits} qubits; the explorer shows 1 to ${MAX_EXPLORER_QUBITS} qubits (d = 2 to 64). Save the model and run it on your states with the command line: hqrn evaluate --model MODEL.json --data YOUR-DATA.json.`,
    };
  if (!dataset || dataset.kept === 0)
    return {
      ok: false,
      message:
        'The dataset this model was trained on is no longer in the studio (another file was imported): import it again to open the model with its states.',
    };
  if (dataset.summary.nQubits !== nQubits)
    return {
      ok: false,
      message: `This model has ${nQubits} qubits but the dataset in the studio, ${dataset.name}, has ${dataset.summary.nQubits}: import the dataset the model was trained on to open it with its states.`,
    };
  return { ok: true, dataset: datasetRef(dataset), index: 0, example: dataset.examples[0] };
}
