/**
 * The matrix editor on demand: a "Type or paste a matrix" button in the input column opens the
 * editor as a drawer over the page (a non-modal dialog), wide enough for all four columns of
 * Re/Im cells, the paste box and the fill buttons (the 236 px input column cut off |10⟩ and
 * |11⟩). Non-modal on purpose: the readouts and the input's measures stay in sight and keep
 * updating after "Use this matrix". Escape or the Close button closes it and puts the focus
 * back on the opener. It opens by itself when a matrix is handed to the editor (a link's
 * matrix outside the tolerance, src/app/inputs/matrixDraft.ts), so the message pointing there is seen.
 * The editor stays mounted while closed: what was typed is still there when it reopens.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMatrixDraft } from '../../app/inputs/matrixDraft';
import { MatrixEditor } from '../inputs/MatrixEditor';

export function MatrixDrawer() {
  const seq = useMatrixDraft((s) => s.draft?.seq);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (seq !== undefined) setOpen(true);
  }, [seq]);
  // Focus moves into the drawer when it opens (its name is read out; Tab reaches the fields).
  useEffect(() => {
    if (open) drawer.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <div className="matrix-drawer-wrap">
      <button
        ref={opener}
        type="button"
        className="matrix-drawer-open"
        aria-expanded={open}
        aria-controls={`${id}-drawer`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'} </span>Type or paste a matrix
      </button>
      <div
        ref={drawer}
        id={`${id}-drawer`}
        role="dialog"
        aria-modal="false"
        aria-labelledby={`${id}-title`}
        className="matrix-drawer"
        tabIndex={-1}
        hidden={!open}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          close();
        }}
      >
        <div className="matrix-drawer-head">
          <h3 id={`${id}-title`}>Type or paste a matrix</h3>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
        <MatrixEditor />
      </div>
    </div>
  );
}
