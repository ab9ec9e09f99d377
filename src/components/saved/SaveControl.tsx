/**
 * A name field and a "Save …" button for saved work. It says "Saved" only after the save
 * promise resolved, i.e. after the record was written (IndexedDB transaction committed); a
 * failure is shown with its reason and the name stays in the field to try again.
 */
import { useId, useState } from 'react';

/** `disabledReason`: nothing to save yet; the button is disabled and the reason shown beside it. */
export function SaveControl({
  label,
  defaultName,
  save,
  what,
  disabledReason,
}: {
  label: string;
  defaultName: string;
  save: (name: string) => Promise<{ name: string }>;
  what: string;
  disabledReason?: string;
}) {
  const id = useId();
  const [name, setName] = useState(defaultName);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; name: string } | { kind: 'failed'; reason: string }>({
    kind: 'idle',
  });
  return (
    <div className="save-control">
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        type="text"
        value={name}
        maxLength={200}
        onChange={(e) => {
          setName(e.target.value);
          setState({ kind: 'idle' });
        }}
        aria-label={`Name of the ${what}`}
      />
      <button
        type="button"
        // Once saved, a second click would only make a duplicate: editing the name re-enables it.
        disabled={!!disabledReason || state.kind === 'saving' || state.kind === 'saved'}
        aria-describedby={disabledReason ? `${id}-why` : undefined}
        onClick={async () => {
          setState({ kind: 'saving' });
          try {
            const record = await save(name);
            setState({ kind: 'saved', name: record.name });
          } catch (e) {
            setState({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) });
          }
        }}
      >
        {label}
      </button>
      {disabledReason && (
        <span id={`${id}-why`} className="hint">
          {disabledReason}
        </span>
      )}
      <span role="status" aria-live="polite" aria-label={`${label} status`} className="hint">
        {state.kind === 'saving' && 'Saving…'}
        {state.kind === 'saved' && `Saved “${state.name}” (see Saved work).`}
      </span>
      {state.kind === 'failed' && (
        <span role="alert" className="error">
          Not saved: {state.reason}
        </span>
      )}
    </div>
  );
}
