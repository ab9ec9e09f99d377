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
  /** Picked or dropped files: one dataset file, or a states .npy and its labels .npy (pairFiles). */
  importFiles(files: File[]): Promise<void>;
}

/**
 * The files of one import: a single file, or two .npy files as states + labels (the one whose name
 * contains "label", else the smaller: states take ≥ 16 bytes a state, labels ≤ 8 unless strings).
 * Otherwise the words for the user: a lone .npy needs its labels .npy, other combinations are refused.
 */
export function pairFiles<F extends { name: string; size: number }>(files: F[]): { states: F; labels?: F } | { error: string } {
  const isNpy = (f: F) => /\.npy$/i.test(f.name);
  if (files.length === 1) {
    if (isNpy(files[0]))
      return {
        error: `${files[0].name} is a .npy of states alone: its labels are in a second .npy. Pick (or drop) both files together — the states .npy and the labels .npy — or save them as one .npz with np.savez(f, states=…, labels=…).`,
      };
    return { states: files[0] };
  }
  if (files.length === 2 && files.every(isNpy)) {
    const byName = files.findIndex((f) => /label/i.test(f.name));
    const labelsAt = byName >= 0 && !/label/i.test(files[1 - byName].name) ? byName : files[0].size <= files[1].size ? 0 : 1;
    return { states: files[1 - labelsAt], labels: files[labelsAt] };
  }
  return {
    error: `${files.length} files (${files.map((f) => f.name).join(', ')}): pick one dataset file (.json, .npz, .csv), or two .npy files — the states and their labels.`,
  };
}

/** What the user sees for a failed import: the reader's field and problem, and the formats. */
function importMessage(name: string, e: unknown): string {
  const text = e instanceof Error ? e.message.replace(/^Error: /, '') : String(e);
  return `${name} could not be read: ${text}. The studio reads .json (the app's labelled batch), .npz, .npy and .csv datasets (docs/math.md §11).`;
}

let importSeq = 0;

export const useImportedData = create<ImportedDataState>()((set, get) => ({
  useFile: false,
  setUseFile: (on) => set({ useFile: on }),
  importFile: (file) => get().importFiles([file]),
  importFiles: async (files) => {
    const pair = pairFiles(files);
    if ('error' in pair) {
      ++importSeq;
      set({ useFile: true, importing: undefined, dataset: undefined, error: pair.error });
      return;
    }
    const file = pair.states;
    const seq = ++importSeq;
    set({ useFile: true, importing: { name: file.name, fraction: 0 }, error: undefined });
    // Progress comes through the proxy's own MessagePort: a last report may arrive after the result.
    let settled = false;
    try {
      const buf = await file.arrayBuffer();
      const labelsBuf = pair.labels ? await pair.labels.arrayBuffer() : undefined;
      let last = 0;
      const onProgress = (fraction: number) => {
        const now = performance.now();
        if (settled || seq !== importSeq || (now - last < 100 && fraction < 1)) return;
        last = now;
        set({ importing: { name: file.name, fraction } });
      };
      const summary = await getEngine()
        .importDataset(
          file.name,
          transfer(buf, labelsBuf ? [buf, labelsBuf] : [buf]),
          proxy(onProgress),
          pair.labels && labelsBuf ? { name: pair.labels.name, bytes: labelsBuf } : undefined,
        )
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
