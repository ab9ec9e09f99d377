/**
 * "Your data": a file input and a drop zone for a labelled dataset (docs/math.md §11: .json,
 * .npz, .npy, .csv), a progress bar while the engine worker reads it, and its summary in words:
 * states, d and qubits, classes and their balance, repaired states (and by how much at most),
 * refused states with the first reasons, and whether (and why not) it can train.
 */
import { useState } from 'react';
import { DATASET_ACCEPT, type ImportedSummary, useImportedData } from '../../app/training/importedData';

function sig(x: number): string {
  return x === 0 ? '0' : x.toPrecision(2);
}

function Summary({ ds }: { ds: ImportedSummary }) {
  const s = ds.summary;
  const used = ds.kept;
  return (
    <div className="train-dataset-summary" data-testid="dataset-summary" aria-live="polite">
      <p>
        <strong>{ds.name}</strong> ({s.format}): <span data-testid="dataset-n">{s.n}</span> states, d = {s.d} ({s.nQubits} qubit{s.nQubits === 1 ? '' : 's'}).
      </p>
      <p>
        Classes:{' '}
        {s.classes.map((c, k) => (
          <span key={c.name}>
            {k > 0 ? ', ' : ''}
            {c.name} {c.count} ({used ? ((100 * c.count) / used).toFixed(1) : '0'}%)
          </span>
        ))}
        .
      </p>
      <p>
        {s.repaired.count
          ? `${s.repaired.count} states were used as their nearest state (trace distance at most ${sig(s.repaired.maxTraceDistance)}).`
          : 'No state needed repair.'}
      </p>
      {s.refused.count > 0 ? (
        <div role="alert">
          <p>{s.refused.count} states were refused (not density matrices within the tolerance 1e-6):</p>
          <ul>
            {s.refused.first.map((r) => (
              <li key={r.index}>
                state {r.index}: {r.problem}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>No state was refused.</p>
      )}
      {ds.problem ? (
        <p className="train-field-error" role="alert">
          Cannot train: {ds.problem}
        </p>
      ) : (
        <p>
          Trains on a seeded stratified split: 80% training, 20% test (the Seed field picks the split)
          {ds.diagonal ? '; all states are diagonal, so the quantum path is the analog-weights path' : ''}.
        </p>
      )}
    </div>
  );
}

export function DatasetImport({ disabled }: { disabled: boolean }) {
  const { dataset, importing, error, importFiles } = useImportedData();
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    if (files?.length) void importFiles([...files]);
  };
  return (
    <div className="train-field train-field-wide train-dataset">
      <label htmlFor="train-dataset-file">Dataset file (.json, .npz, .npy, .csv)</label>
      <div
        className={`train-dropzone${over ? ' train-dropzone-over' : ''}`}
        data-testid="dataset-dropzone"
        role="group"
        aria-label="Drop a dataset file here"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!disabled) take(e.dataTransfer.files);
        }}
      >
        <input
          id="train-dataset-file"
          type="file"
          multiple
          accept={DATASET_ACCEPT}
          disabled={disabled || !!importing}
          onChange={(e) => take(e.currentTarget.files)}
        />
        <small className="train-hint">
          or drop a file here (a .npy of states: pick or drop it together with its labels .npy). Labels as integers or class names (docs/math.md §11).
        </small>
      </div>
      {importing && (
        <div>
          <label htmlFor="train-dataset-progress">Reading {importing.name}…</label> <progress id="train-dataset-progress" max={1} value={importing.fraction} />
        </div>
      )}
      {error && (
        <p className="train-field-error" role="alert">
          {error}
        </p>
      )}
      {dataset && !importing && <Summary ds={dataset} />}
    </div>
  );
}
