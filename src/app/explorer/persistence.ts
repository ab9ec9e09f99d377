/**
 * Where each explorer store key is persisted (Excalidraw's appState storage table): in the
 * link (the URL hash, src/app/url/fields.ts), in saved work (IndexedDB records and the exported
 * hqrn-model / hqrn-state files, src/app/saved), in the undo history (src/app/explorer/history.ts),
 * or nowhere (derived or transient). A Record over every key of ExplorerState, so a new key
 * does not compile until it is placed here; persistence.test.ts checks the URL field table
 * and the undo snapshot against it, so they cannot drift apart.
 */
import type { ExplorerState } from './store';

export type PersistedIn = 'link' | 'saved file' | 'undo history';

export interface Persistence {
  /** Where the key lives beyond the page ([] = nowhere: derived or transient). */
  readonly in: readonly PersistedIn[];
  /** The URL fields (src/app/url/fields.ts FIELDS keys) that hold it, when in the link. */
  readonly urlFields?: readonly string[];
}

export const PERSISTENCE: { readonly [K in keyof Required<ExplorerState>]: Persistence } = {
  // The stack: task, depth, per-block α / activation / gain / seed, readout seed and the
  // trained model's name in the link; the trained model itself in saved work.
  stack: { in: ['link', 'saved file', 'undo history'], urlFields: ['t', 'd', 'a', 'f', 'g', 's', 'rs', 'model', 'ds'] },
  input: { in: ['link', 'saved file', 'undo history'], urlFields: ['in'] },
  globalAlpha: { in: ['link', 'undo history'], urlFields: ['ga'] },
  sameAlpha: { in: ['link', 'undo history'], urlFields: ['sa'] },
  selectedLayer: { in: ['link'], urlFields: ['l'] },
  view: { in: ['link'], urlFields: ['mv', 'cs', 'pal'] },
  hidden: { in: ['link'], urlFields: ['hide'] },
  panel: { in: ['link'], urlFields: ['p'] },
  teaching: { in: ['link'], urlFields: ['lesson', 'step', 'pres'] },
  requestId: { in: [] },
  result: { in: [] },
  error: { in: [] },
  fileError: { in: [] },
  computing: { in: [] },
  backend: { in: [] },
  engineNotice: { in: [] },
  engineFailed: { in: [] },
  urlProblems: { in: [] },
  canUndo: { in: [] },
  canRedo: { in: [] },
  pendingTask: { in: [] },
};

/** The store keys persisted in `where`. */
export function keysPersistedIn(where: PersistedIn): (keyof ExplorerState)[] {
  return (Object.keys(PERSISTENCE) as (keyof ExplorerState)[]).filter((k) => PERSISTENCE[k].in.includes(where));
}
