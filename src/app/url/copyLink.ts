/**
 * The outcome of "Copy link" when the browser refuses the clipboard: the link to copy by hand,
 * shown on the notices line under the top bar (a long link must not push the bar's controls
 * onto another row) until dismissed or copied again.
 */
import { create } from 'zustand';

export interface CopyByHand {
  /** The link the user should copy by hand, or null. */
  link: string | null;
  show(link: string | null): void;
}

export const useCopyByHand = create<CopyByHand>()((set) => ({
  link: null,
  show: (link) => set({ link }),
}));
