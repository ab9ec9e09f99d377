/**
 * A <details> menu that closes the way menus do: Escape (focus back on its summary), a
 * pointer press outside it, or another tab opening. Without this the Model menu stayed open
 * until its own button was pressed again, and on a phone it covered the tab row.
 */
import { useEffect, type RefObject } from 'react';
import { useExplorer } from '../../app/explorer/store';

export function useDismissable(ref: RefObject<HTMLDetailsElement | null>): void {
  const panel = useExplorer((s) => s.panel);
  useEffect(() => {
    const el = ref.current;
    if (el?.open) el.open = false;
  }, [panel, ref]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = ref.current;
      if (e.key !== 'Escape' || !el?.open) return;
      el.open = false;
      el.querySelector('summary')?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const el = ref.current;
      if (el?.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [ref]);
}
