/**
 * A glossary term (<Term id="negativity">negativity</Term>): an inline button that opens a small
 * popover with the definition from src/content/glossary.ts on tap, click, keyboard focus and
 * Enter (never hover only); Escape, a tap outside or leaving it closes it. The popover is a
 * role="tooltip" element the button names with aria-describedby while it is open.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { glossaryEntry, type GlossaryId } from '../../content/glossary';

/** A click this soon after focus opened the popover is the same tap: it keeps it open. */
const SAME_TAP_MS = 400;

export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const entry = glossaryEntry(id);
  const [open, setOpen] = useState(false);
  const openedAt = useRef(0);
  const wrap = useRef<HTMLSpanElement>(null);
  const tipId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const show = () => {
    openedAt.current = performance.now();
    setOpen(true);
  };
  return (
    <span className="term-wrap" ref={wrap} data-term={id}>
      <button
        type="button"
        className="term"
        aria-expanded={open}
        aria-describedby={open ? tipId : undefined}
        aria-label={`${typeof children === 'string' ? children : entry.term}: definition`}
        onFocus={show}
        onBlur={() => setOpen(false)}
        onClick={() => {
          if (open && performance.now() - openedAt.current < SAME_TAP_MS) return;
          if (open) setOpen(false);
          else show();
        }}
      >
        {children ?? entry.term}
      </button>
      {open && (
        <span role="tooltip" id={tipId} className="term-popover">
          <strong>{entry.term}</strong>: {entry.definition}
        </span>
      )}
    </span>
  );
}
