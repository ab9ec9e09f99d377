/**
 * Saved models and inputs (IndexedDB, src/app/saved/savedWork.ts) — listed with
 * date, task and accuracy; rename, delete (with Undo), export, import, open in the explorer;
 * plus the models bundled with the app. Names come from files and users, so they are only
 * ever rendered as text nodes (React escapes them; no innerHTML anywhere here).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { downloadText, MIME } from '../../app/export/exporters';
import type { SavedStore } from '../../app/saved/savedWork';
import { formatBytes, formatSavedDate, MAX_IMPORT_BYTES } from '../../app/saved/format';
import { useSavedWork } from '../../app/saved/store';
import { describeInput } from '../inputs/InputPanel';
import './savedWork.css';

const TASK_LABEL = { entanglement: 'Entanglement', digits: 'Digits' } as const;
const fmtAccuracy = (a: number | undefined) => (a === undefined ? '—' : a.toFixed(4));

export function SavedPanel() {
  const refresh = useSavedWork((s) => s.refresh);
  const loaded = useSavedWork((s) => s.loaded);
  const storage = useSavedWork((s) => s.storage);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="panel saved-panel" aria-labelledby="saved-heading" aria-busy={!loaded}>
      <h2 id="saved-heading">Saved work</h2>
      {storage && !storage.persistent ? (
        <p className="notice saved-storage" role="note" data-persistent="false">
          Saving is not available: {storage.reason}. Saved models and inputs are kept only until this tab closes; use Export to keep them.
        </p>
      ) : (
        <p className="hint saved-storage" data-persistent={storage ? 'true' : ''}>
          Kept in this browser (IndexedDB): a reload or a crash loses nothing that is listed here.
        </p>
      )}
      <ImportControl />
      <Messages />
      <ModelList />
      <InputList />
      <BundledList />
    </section>
  );
}

function ImportControl() {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const importFile = useSavedWork((s) => s.importFile);
  return (
    <div className="saved-import">
      <label htmlFor={id} className="file-button">
        Import file…
      </label>
      <input
        ref={ref}
        id={id}
        className="visually-hidden-file"
        type="file"
        accept=".json,application/json"
        aria-label="Import an hqrn-model or hqrn-state file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          await importFile(file);
          if (ref.current) ref.current.value = ''; // the same file can be picked again
        }}
      />
      <span className="hint">hqrn-model or hqrn-state JSON, up to {formatBytes(MAX_IMPORT_BYTES)}.</span>
    </div>
  );
}

function Messages() {
  const message = useSavedWork((s) => s.message);
  const error = useSavedWork((s) => s.error);
  const deleted = useSavedWork((s) => s.deleted);
  const undo = useSavedWork((s) => s.undoDelete);
  const nearestOffer = useSavedWork((s) => s.nearestOffer);
  const importNearest = useSavedWork((s) => s.importNearest);
  return (
    <>
      <p className="saved-message" role="status" aria-live="polite" aria-label="Saved work status">
        {message}
        {deleted && (
          <>
            {' '}
            <button type="button" onClick={() => void undo()}>
              Undo
            </button>
          </>
        )}
      </p>
      {error && (
        <p className="error" role="alert" aria-label="Saved work problem">
          {error}
          {/[.!?]$/.test(error) ? '' : '.'} Nothing saved was changed.
        </p>
      )}
      {error && nearestOffer && (
        <p>
          <button type="button" onClick={() => void importNearest()}>
            Import its nearest state (trace distance {Number(nearestOffer.traceDistance.toPrecision(4))})
          </button>
        </p>
      )}
    </>
  );
}

/** A name cell that turns into a text field for renaming (Enter saves, Escape cancels). */
function NameCell({ store, id, name }: { store: SavedStore; id: string; name: string }) {
  const rename = useSavedWork((s) => s.rename);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  if (!editing) {
    return (
      <th scope="row" className="saved-name">
        <span data-testid="saved-name">{name}</span>{' '}
        <button
          type="button"
          className="link-button"
          aria-label={`Rename ${name}`}
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          Rename
        </button>
      </th>
    );
  }
  const commit = async () => {
    if (await rename(store, id, draft)) setEditing(false);
  };
  return (
    <th scope="row" className="saved-name">
      <input
        type="text"
        aria-label="New name"
        value={draft}
        // biome-ignore lint/a11y/noAutofocus: the rename field opens on the user's "Rename" click and takes the typing at once
        autoFocus
        maxLength={200}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') setEditing(false);
        }}
      />
      <button type="button" onClick={() => void commit()}>
        Save name
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </th>
  );
}

function RowActions({ store, id, name, open, openDisabled }: { store: SavedStore; id: string; name: string; open: () => void; openDisabled?: string }) {
  const exportFile = useSavedWork((s) => s.exportFile);
  const remove = useSavedWork((s) => s.remove);
  return (
    <td className="saved-actions">
      <button type="button" onClick={open} disabled={!!openDisabled} title={openDisabled} aria-label={`Open ${name} in explorer`}>
        Open in explorer
      </button>
      <button
        type="button"
        aria-label={`Export ${name}`}
        onClick={async () => {
          const file = await exportFile(store, id);
          if (file) downloadText(file.text, file.fileName, MIME.json);
        }}
      >
        Export
      </button>
      <button type="button" aria-label={`Delete ${name}`} onClick={() => void remove(store, id)}>
        Delete
      </button>
    </td>
  );
}

function Table({ label, head, children, empty }: { label: string; head: string[]; children: ReactNode[]; empty: string }) {
  return (
    <div className="saved-table-wrap">
      <table className="saved-table" aria-label={label}>
        <caption>{label}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children.length ? (
            children
          ) : (
            <tr>
              <td colSpan={head.length} className="hint">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function ModelList() {
  const models = useSavedWork((s) => s.models);
  const openModel = useSavedWork((s) => s.openModel);
  return (
    <Table
      label="Saved models"
      head={['Name', 'Task', 'Kind', 'Depth', 'Test accuracy', 'Saved', 'Actions']}
      empty="No saved models yet: train one in the Training studio tab and press “Save model”, or import a file."
    >
      {models.map((m) => (
        <tr key={m.id} data-id={m.id}>
          <NameCell store="models" id={m.id} name={m.name} />
          <td data-col="task">{m.dataset ? `Your data (${m.dataset.nQubits} qubit${m.dataset.nQubits === 1 ? '' : 's'})` : TASK_LABEL[m.task]}</td>
          <td data-col="kind">{m.kind}</td>
          <td data-col="depth">{m.depth}</td>
          <td data-col="accuracy">{fmtAccuracy(m.accuracy)}</td>
          <td data-col="date">
            <time dateTime={new Date(m.createdAt).toISOString()}>{formatSavedDate(m.createdAt)}</time>
          </td>
          <RowActions
            store="models"
            id={m.id}
            name={m.name}
            open={() => openModel(m)}
            openDisabled={m.kind === 'classical' ? 'A classical model: the explorer shows quantum models (transfer it first).' : undefined}
          />
        </tr>
      ))}
    </Table>
  );
}

function InputList() {
  const inputs = useSavedWork((s) => s.inputs);
  const openInput = useSavedWork((s) => s.openInput);
  return (
    <Table
      label="Saved inputs"
      head={['Name', 'Task', 'Input', 'Saved', 'Actions']}
      empty="No saved inputs yet: enter a matrix or draw a digit and press “Save input”."
    >
      {inputs.map((i) => (
        <tr key={i.id} data-id={i.id}>
          <NameCell store="inputs" id={i.id} name={i.name} />
          <td data-col="task">{TASK_LABEL[i.task]}</td>
          <td data-col="input">{describeInput(i.input)}</td>
          <td data-col="date">
            <time dateTime={new Date(i.createdAt).toISOString()}>{formatSavedDate(i.createdAt)}</time>
          </td>
          <RowActions store="inputs" id={i.id} name={i.name} open={() => openInput(i)} />
        </tr>
      ))}
    </Table>
  );
}

function BundledList() {
  const bundled = useSavedWork((s) => s.bundled);
  const openBundled = useSavedWork((s) => s.openBundled);
  if (!bundled.length) return null;
  return (
    <details className="saved-bundled">
      <summary>Models that come with the app ({bundled.length})</summary>
      <Table label="Bundled models" head={['Name', 'Task', 'Kind', 'Depth', 'Test accuracy', 'Actions']} empty="">
        {bundled.map((m) => (
          <tr key={m.name}>
            <th scope="row">{m.name}</th>
            <td>{TASK_LABEL[m.task]}</td>
            <td>{m.kind}</td>
            <td>{m.depth}</td>
            <td>{fmtAccuracy(m.accuracy)}</td>
            <td className="saved-actions">
              <button
                type="button"
                aria-label={`Open ${m.name} in explorer`}
                disabled={m.kind !== 'quantum'}
                title={m.kind !== 'quantum' ? 'A classical model: the explorer shows quantum models.' : undefined}
                onClick={() => void openBundled(m)}
              >
                Open in explorer
              </button>
              <a href={`models/${m.file}`} download={m.file}>
                Download
              </a>
            </td>
          </tr>
        ))}
      </Table>
    </details>
  );
}
