/**
 * Inputs of a model trained on an imported dataset (docs/math.md §11): "state k of the dataset",
 * k = 0..N−1 among the kept states, typed or stepped with Previous / Next. The worker makes the
 * state from the dataset it holds (found by the file's SHA-256); the dataset's label of the state
 * is the truth the readouts and the caption compare with.
 */
import { useId, useState } from 'react';
import { useExplorer } from '../../app/explorer/store';

export function DatasetInputs() {
  const dataset = useExplorer((s) => s.stack.dataset);
  const input = useExplorer((s) => s.input);
  const label = useExplorer((s) => s.result?.datasetLabel);
  const classes = useExplorer((s) => s.result?.classes);
  const setDatasetIndex = useExplorer((s) => s.setDatasetIndex);
  const id = useId();
  const [typed, setTyped] = useState<string | null>(null);
  if (!dataset) return null;
  const k = input.kind === 'dataset' ? input.index : null;
  const last = dataset.size - 1;
  const d = 2 ** dataset.nQubits;
  const shown = typed ?? (k === null ? '' : String(k));
  const apply = (text: string) => {
    setTyped(text);
    const n = Number(text);
    if (text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= last) {
      setDatasetIndex(n);
      setTyped(null);
    }
  };
  const bad = typed !== null;
  return (
    <fieldset className="dataset-inputs" data-testid="dataset-inputs">
      <legend>States of your dataset</legend>
      <p className="hint">
        {dataset.name}: {dataset.size.toLocaleString('en')} states, {dataset.nQubits} qubit{dataset.nQubits === 1 ? '' : 's'} (d = {d}), classes{' '}
        {dataset.classes.join(', ')}.
      </p>
      <div className="control dataset-step">
        <label htmlFor={id}>State</label>
        <button type="button" aria-label="Previous state" disabled={k === null || k <= 0} onClick={() => setDatasetIndex((k ?? 1) - 1)}>
          ‹ Prev
        </button>
        <input
          id={id}
          type="number"
          min={0}
          max={last}
          step={1}
          value={shown}
          aria-invalid={bad}
          aria-describedby={`${id}-range`}
          onChange={(e) => apply(e.target.value)}
          onBlur={() => setTyped(null)}
        />
        <button type="button" aria-label="Next state" disabled={k !== null && k >= last} onClick={() => setDatasetIndex(k === null ? 0 : k + 1)}>
          Next ›
        </button>
      </div>
      <p className="hint" id={`${id}-range`}>
        {bad ? `Type a whole number from 0 to ${last}.` : `0 to ${last}, in the order of the file's kept states.`}
        {k !== null && label && classes ? (
          <>
            {' '}
            Label of state {k}: <strong data-testid="dataset-label">{String(classes[label.cls] ?? label.cls)}</strong>
            {label.fileIndex !== k ? ` (row ${label.fileIndex} of the file)` : ''}
            {label.kind ? `, kind ${label.kind}` : ''}.
          </>
        ) : null}
      </p>
      {dataset.nQubits !== 2 && (
        <p className="hint">
          Typed matrices are 4×4 (two qubits) only: to try your own {d}×{d} state, add it to the dataset file and import it again.
        </p>
      )}
    </fieldset>
  );
}
