/**
 * A matrix handed to the matrix editor from elsewhere: a link whose matrix input is outside
 * the tolerance of docs/math.md §10 is not used, but its matrix is put into the editor, where the
 * problem is named and "Use the nearest state" offers the projection. A tiny store of its own
 * so that neither the URL code nor the editor needs the explorer store's shape.
 */
import { create } from 'zustand';

export interface MatrixDraft {
  re: number[][];
  im: number[][];
  /** Increases with each offer, so the same matrix offered twice is filled in twice. */
  seq: number;
}

export const useMatrixDraft = create<{ draft?: MatrixDraft; offer(re: number[][], im: number[][]): void }>()((set, get) => ({
  draft: undefined,
  offer: (re, im) => set({ draft: { re, im, seq: (get().draft?.seq ?? 0) + 1 } }),
}));
