/**
 * Share and undo: Undo / Redo (also Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl+Y), "Copy
 * link" (the URL already holds the view, src/app/url/urlSync.ts), and "Classroom link": the same
 * link with controls the teacher ticks hidden. Problems found in an opened link are listed on
 * the notices line under the top bar (Notices.tsx).
 */
import { useEffect, useId, useState } from 'react';
import { useCopyByHand } from '../../app/url/copyLink';
import { HIDEABLE_CONTROLS, useExplorer, type HideableControl } from '../../app/explorer/store';
import { encodeHash } from '../../app/url/urlState';
import { currentUrlState } from '../../app/url/urlSync';
import './shareBar.css';

const CONTROL_LABEL: Record<HideableControl, string> = {
  task: 'Task switch',
  stack: 'Stack editing',
  matrix: 'Matrix editor',
  training: 'Training studio',
  export: 'Export',
  saved: 'Saved work',
};

/** Elements where Ctrl+Z belongs to the text being typed, not to the explorer. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color'].includes(target.type);
  return false;
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, except while typing in a text field. */
function useUndoShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextEntry(e.target)) return;
      const key = e.key.toLowerCase();
      const st = useExplorer.getState();
      if (key === 'z' && !e.shiftKey) st.undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) st.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** How long "Link copied." stays under the button. */
const COPIED_NOTE_MS = 4000;

/**
 * Whether a "copied" note is shown: true after a copy, false again after COPIED_NOTE_MS (a
 * short-lived note under the button, so it does not move the controls beside it).
 */
function useCopiedNote(): [boolean, (copied: boolean) => void] {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), COPIED_NOTE_MS);
    return () => clearTimeout(t);
  }, [copied]);
  return [copied, setCopied];
}

function linkFor(hash: string): string {
  return `${window.location.origin}${window.location.pathname}${window.location.search}#${hash}`;
}

/** Copy `text`; when the clipboard is not allowed, the caller shows the text to copy by hand. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareBar() {
  useUndoShortcuts();
  const canUndo = useExplorer((s) => s.canUndo);
  const canRedo = useExplorer((s) => s.canRedo);
  const { undo, redo } = useExplorer.getState();
  const [copied, setCopied] = useCopiedNote();
  const copyLink = async () => {
    const link = linkFor(encodeHash(currentUrlState()));
    const ok = await copyText(link);
    setCopied(ok);
    // Refused: the link to copy by hand goes to the notices line (Notices.tsx), not this row.
    useCopyByHand.getState().show(ok ? null : link);
  };

  return (
    <div className="share-bar" role="group" aria-label="Undo and share">
      <div className="share-buttons">
        <button type="button" onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z or Ctrl+Y)">
          Redo
        </button>
        <button type="button" onClick={() => void copyLink()}>
          Copy link
        </button>
      </div>
      {copied && (
        <p className="share-copied" role="status">
          Link copied.
        </p>
      )}
    </div>
  );
}

/** The teacher ticks controls to hide; the link is the current view with `hide=` set (the "Classroom link" tab). */
export function ClassroomLink() {
  // The whole store only while open (the link is built from it); null otherwise, so no re-renders.
  const state = useExplorer((s) => (s.panel === 'classroom' ? s : null));
  const [chosen, setChosen] = useState<HideableControl[]>(['stack', 'training', 'matrix']);
  const [copied, setCopied] = useCopiedNote();
  const id = useId();
  const link = state ? linkFor(encodeHash({ ...currentUrlState(state), hidden: HIDEABLE_CONTROLS.filter((c) => chosen.includes(c)), panel: null })) : '';

  return (
    <section className="panel classroom" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Classroom link</h2>
      <p className="hint">The same view for your students, with the controls you tick hidden.</p>
      <fieldset>
        <legend>Hide these controls from students</legend>
        {HIDEABLE_CONTROLS.map((c) => (
          <label key={c} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(c)}
              onChange={(e) => {
                setCopied(false);
                setChosen((cur) => (e.target.checked ? [...cur, c] : cur.filter((x) => x !== c)));
              }}
            />
            {CONTROL_LABEL[c]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-link`}>Classroom link</label>
      <input id={`${id}-link`} type="text" readOnly value={link} aria-label="Classroom link" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => void copyText(link).then(setCopied)}>
        Copy classroom link
      </button>
      {copied && <span role="status"> Copied.</span>}
    </section>
  );
}
