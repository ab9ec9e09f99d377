/**
 * "Your data" in the Training studio (docs/math.md §11): the file the user picked or dropped is
 * sent to the engine worker (importDataset: read, every state checked by the §10 rule, kept in
 * the worker), and its summary comes back here. The store only holds the summary and the
 * import's progress; the states stay in the worker.
 */
import { proxy, transfer } from 'comlink';
import { create } from 'zustand';
import type { ImportedSummary } from '../../../workers/engine/train/imported';
import { getEngine } from '../engine/engineClient';

export type { ImportedSummary } from '../../../workers/engine/train/imported';

/** The file types the import reads (docs/math.md §11). */
export const DATASET_ACCEPT = '.json,.npz,.npy,.csv';

export interface ImportedDataState {
  /** Train on the imported file instead of a built-in task. */
  useFile: boolean;
  dataset?: ImportedSummary;
  /** A file being read: its name and the fraction done. */
  importing?: { name: string; fraction: number };
  /** Why the last file could not be read (words for the user). */
  error?: string;
  setUseFile(on: boolean): void;
  importFile(file: File): Promise<void>;
}

/** What the user sees for a failed import: the reader's field and problem, and the formats. */
function importMessage(name: string, e: unknown): string {
  const text = e instanceof Error ? e.message.replace(/^Error: /, '') : String(e);
  return `${name} could not be read: ${text}. The studio reads .json (the app's labelled batch), .npz, .npy and .csv datasets (docs/math.md §11).`;
}

let importSeq = 0;

export const useImportedData = create<ImportedDataState>()((set) => ({
  useFile: false,
  setUseFile: (on) => set({ useFile: on }),
  importFile: async (file) => {
    const seq = ++importSeq;
    set({ useFile: true, importing: { name: file.name, fraction: 0 }, error: undefined });
    // Progress comes through the proxy's own MessagePort: a last report may arrive after the result.
    let settled = false;
    try {
      const buf = await file.arrayBuffer();
      let last = 0;
      const onProgress = (fraction: number) => {
        const now = performance.now();
        if (settled || seq !== importSeq || (now - last < 100 && fraction < 1)) return;
        last = now;
        set({ importing: { name: file.name, fraction } });
      };
      const summary = await getEngine()
        .importDataset(file.name, transfer(buf, [buf]), proxy(onProgress))
        .finally(() => (settled = true));
      if (seq !== importSeq) return;
      set({ dataset: summary, importing: undefined });
    } catch (e) {
      settled = true;
      if (seq !== importSeq) return;
      set({ importing: undefined, dataset: undefined, error: importMessage(file.name, e) });
    }
  },
}));
