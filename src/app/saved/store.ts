/**
 * The saved-work panel's state (zustand): the lists read from src/app/saved/savedWork.ts, the last
 * message, and the actions the panel, the training studio ("Save model") and the input panel
 * ("Save input") dispatch. Every action reports through `message` / `error`; a failed action
 * changes no list (the previous lists stay on screen).
 */
import { isAppUpdated } from '../engine/appUpdate';
import { create } from 'zustand';
import type { DatasetRef, InputSpec } from '../../protocol/explorer';
import type { ModelJson } from '../../protocol/messages';
import * as saved from './savedWork';
import type { BundledModel, SavedInput, SavedModel, SavedStore, StorageStatus } from './savedWork';
import { modelTaskRefusal } from '../explorer/classroom';
import { useExplorer } from '../explorer/store';

export interface SavedWorkState {
  loaded: boolean;
  storage?: StorageStatus;
  models: SavedModel[];
  inputs: SavedInput[];
  bundled: BundledModel[];
  /** What the last action did (shown in a polite live region). */
  message?: string;
  /** Why the last action failed (shown as an alert), naming the problem. */
  error?: string;
  /** The last deletion, for Undo. */
  deleted?: { store: 'models'; record: SavedModel } | { store: 'inputs'; record: SavedInput };
  /** An import refused for a state outside 1e-6 whose nearest state exists ("Import its nearest state"). */
  nearestOffer?: { file: File; traceDistance: number };
}

export interface SavedWorkActions {
  refresh(): Promise<void>;
  /** Save a trained model; resolves with the record only after it is written (throws otherwise). */
  saveModel(args: { name: string; model: ModelJson; accuracy?: number; alsoKnownAs?: string; dataset?: DatasetRef }): Promise<SavedModel>;
  saveInput(args: { name: string; input: InputSpec }): Promise<SavedInput>;
  rename(store: SavedStore, id: string, name: string): Promise<boolean>;
  remove(store: SavedStore, id: string): Promise<void>;
  undoDelete(): Promise<void>;
  importFile(file: File, opts?: { nearestState?: boolean }): Promise<void>;
  /** Import the file of `nearestOffer` with its states replaced by their nearest states. */
  importNearest(): Promise<void>;
  openModel(record: SavedModel): void;
  openBundled(entry: BundledModel): Promise<void>;
  openInput(record: SavedInput): void;
  /** The file (name and text) of a saved record; errors go to `error`. */
  exportFile(store: SavedStore, id: string): Promise<{ fileName: string; text: string } | undefined>;
  dismiss(): void;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const useSavedWork = create<SavedWorkState & SavedWorkActions>()((set, get) => {
  /** Run an action; on failure keep the lists and report the problem. */
  const attempt = async <T>(what: string, f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      // A new version replaced this tab's files: the app-wide notice says so (appUpdate.ts).
      set({ error: isAppUpdated(e) ? undefined : `${what}: ${messageOf(e)}`, message: undefined });
      return undefined;
    }
  };
  const loadModelIntoExplorer = (name: string, model: ModelJson, task: SavedModel['task'], kind: SavedModel['kind'], dataset?: SavedModel['dataset']) => {
    if (kind !== 'quantum') {
      set({
        error: `Cannot open “${name}”: it is a classical model, and the explorer shows quantum models (train it in transfer mode to get its quantum twin).`,
        message: undefined,
      });
      return;
    }
    const ex = useExplorer.getState();
    // A classroom link hiding the task switch: no model of the other task (it would switch the task).
    const refusal = modelTaskRefusal(task, ex.stack.task, ex.hidden, `“${name}”`);
    if (refusal) {
      set({ error: `Cannot open ${refusal}`, message: undefined });
      return;
    }
    // The task switch (if any) and the model in one update: one undo step. A model trained on an
    // imported dataset opens with state 0 of it (its states show once the file is imported in this tab).
    if (dataset) ex.openDatasetModel(name, model, dataset, 0);
    else ex.loadTrainedModel(name, model, task);
    // Show it: the Explore tab replaces the open one (saved work, training studio).
    useExplorer.getState().setPanel(null);
    set({
      message: dataset ? `The explorer now shows the model “${name}” with the states of ${dataset.name}.` : `The explorer now shows the model “${name}”.`,
      error: undefined,
      deleted: undefined,
    });
  };

  return {
    loaded: false,
    models: [],
    inputs: [],
    bundled: [],

    async refresh() {
      await attempt('Reading saved work', async () => {
        const [storage, models, inputs, bundled] = await Promise.all([
          saved.storageStatus(),
          saved.listModels(),
          saved.listInputs(),
          saved.listBundledModels(),
        ]);
        set({ storage, models, inputs, bundled, loaded: true });
      });
    },
    async saveModel(args) {
      const record = await saved.saveModel(args);
      await get().refresh();
      set({ message: `Saved the model “${record.name}”.`, error: undefined, deleted: undefined });
      return record;
    },
    async saveInput(args) {
      const record = await saved.saveInput(args);
      await get().refresh();
      set({ message: `Saved the input “${record.name}”.`, error: undefined, deleted: undefined });
      return record;
    },
    async rename(store, id, name) {
      const ok = await attempt('Rename', async () => {
        await saved.renameSaved(store, id, name);
        return true;
      });
      if (!ok) return false;
      await get().refresh();
      set({ message: 'Renamed.', error: undefined, deleted: undefined });
      return true;
    },
    async remove(store, id) {
      await attempt('Delete', async () => {
        const record = await saved.deleteSaved(store, id);
        await get().refresh();
        if (record)
          set({
            deleted: store === 'models' ? { store, record: record as SavedModel } : { store: 'inputs', record: record as SavedInput },
            message: `Deleted “${record.name}”.`,
            error: undefined,
          });
      });
    },
    async undoDelete() {
      const d = get().deleted;
      if (!d) return;
      await attempt('Undo', async () => {
        if (d.store === 'models') await saved.restoreSaved('models', [d.record]);
        else await saved.restoreSaved('inputs', [d.record]);
        set({ deleted: undefined });
        await get().refresh();
        set({ message: `Restored “${d.record.name}”.`, error: undefined, deleted: undefined });
      });
    },
    async importFile(file, opts = {}) {
      set({ nearestOffer: undefined });
      await attempt('Import', async () => {
        let r: Awaited<ReturnType<typeof saved.importSavedFile>>;
        try {
          r = await saved.importSavedFile(file, opts);
        } catch (e) {
          if (e instanceof saved.StateOutsideToleranceImportError) set({ nearestOffer: { file, traceDistance: e.traceDistance } });
          throw e;
        }
        await get().refresh();
        const names = [...r.models.map((m) => `model “${m.name}”`), ...r.inputs.map((i) => `input “${i.name}”`)];
        const moved = r.nearestState
          ? ` (as the nearest state, trace distance ${Number(r.nearestState.traceDistance.toPrecision(4))})`
          : opts.nearestState
            ? ' (as the nearest state)'
            : '';
        set({ message: `Imported ${names.join(', ')}${moved}.`, error: undefined, deleted: undefined });
      });
    },
    async importNearest() {
      const offer = get().nearestOffer;
      if (offer) await get().importFile(offer.file, { nearestState: true });
    },
    openModel(record) {
      loadModelIntoExplorer(record.name, record.model, record.task, record.kind, record.dataset);
    },
    async openBundled(entry) {
      await attempt(`Opening ${entry.name}`, async () => loadModelIntoExplorer(entry.name, await saved.loadBundledModel(entry), entry.task, entry.kind));
    },
    openInput(record) {
      // The task switch (if any) and the input in one update: one undo step.
      useExplorer.getState().setInput(record.input, record.task);
      useExplorer.getState().setPanel(null);
      set({ message: `The explorer now shows the input “${record.name}”.`, error: undefined, deleted: undefined });
    },
    async exportFile(store, id) {
      return attempt('Export', async () => {
        if (store === 'models') {
          const record = await saved.getModel(id);
          if (!record) throw new Error('this model is no longer saved');
          return saved.exportModelFile(record);
        }
        const record = await saved.getInput(id);
        if (!record) throw new Error('this input is no longer saved');
        return saved.exportInputFile(record);
      });
    },
    dismiss() {
      set({ message: undefined, error: undefined, deleted: undefined });
    },
  };
});

// Another tab saved, renamed, deleted or imported: read the lists again (once this tab has
// shown them), and say why they changed.
saved.onSavedWorkChangedElsewhere(() => {
  const st = useSavedWork.getState();
  if (!st.loaded) return;
  const errorBefore = st.error;
  void st.refresh().then(() => {
    if (useSavedWork.getState().error === errorBefore) useSavedWork.setState({ message: 'Saved work changed in another tab; the lists are up to date.' });
  });
});
