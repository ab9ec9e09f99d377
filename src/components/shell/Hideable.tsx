import type { ReactNode } from 'react';
import { useExplorer, type HideableControl } from '../../app/explorer/store';

/** Renders its children unless a classroom link hides `control` (store.hidden, URL field `hide`). */
export function Hideable({ control, children }: { control: HideableControl; children: ReactNode }) {
  const hidden = useExplorer((s) => s.hidden.includes(control));
  return hidden ? null : children;
}
