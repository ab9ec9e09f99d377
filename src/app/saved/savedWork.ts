/**
 * Saved work: trained models and custom inputs kept in the browser's
 * IndexedDB (through `idb`), plus the models bundled with the app (public/models/, written by
 * scripts/build-models.mjs). Every write resolves only after its transaction has committed, so
 * whatever the UI calls "saved" survives a reload or a crash of the tab.
 *
 * Without IndexedDB (private browsing, disabled storage, a failed open) the same calls work on
 * an in-memory store that lasts until the tab closes; `storageStatus()` says which one is used
 * and why, so the panel can tell the user.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DatasetRef, InputSpec } from '../../protocol/explorer';
import type { ModelJson, TaskName } from '../../protocol/messages';
import {
  bundledNameProblem,
  checkImportSize,
  checkStoredInput,
  checkStoredModel,
  cleanName,
  exportFileName,
  inputTask,
  newId,
  type SavedInput,
  type SavedModel,
} from './format';
import { lazyImport } from '../engine/lazyImport';

/** The saved-work file parsers and writers (./files.ts), loaded on first use. */
const filesModule = () => lazyImport(() => import('./files'), 'the saved-work file reader');

export type { SavedInput, SavedModel } from './format';

export const SAVED_WORK_DB = 'hqrn-explorer-saved-work';
const DB_VERSION = 1;

interface SavedWorkSchema extends DBSchema {
  models: { key: string; value: SavedModel };
  inputs: { key: string; value: SavedInput };
}

export type SavedStore = 'models' | 'inputs';
type RecordOf<S extends SavedStore> = S extends 'models' ? SavedModel : SavedInput;

/** The four operations the module needs, on IndexedDB or in memory. */
interface Backend {
  getAll<S extends SavedStore>(store: S): Promise<RecordOf<S>[]>;
  get<S extends SavedStore>(store: S, id: string): Promise<RecordOf<S> | undefined>;
  /** Resolves once the records are durably written (the transaction committed). */
  put<S extends SavedStore>(store: S, records: RecordOf<S>[]): Promise<void>;
  delete(store: SavedStore, id: string): Promise<void>;
}

export type StorageStatus = { persistent: true } | { persistent: false; reason: string };

/**
 * Other tabs of the app (same origin, same browser profile) share the database; each
 * committed write is announced on this channel so their lists follow without a reload.
 * One channel object per tab: a BroadcastChannel does not hear its own messages.
 */
const CHANGE_CHANNEL = 'hqrn-explorer-saved-work-changed';
let changeChannel: BroadcastChannel | null | undefined;
function savedWorkChannel(): BroadcastChannel | null {
  if (changeChannel === undefined) changeChannel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANGE_CHANNEL);
  return changeChannel;
}

/** Call `listener` whenever another tab changed the saved work; returns an unsubscribe function. */
export function onSavedWorkChangedElsewhere(listener: () => void): () => void {
  const channel = savedWorkChannel();
  if (!channel) return () => undefined;
  const handler = () => listener();
  channel.addEventListener('message', handler);
  return () => channel.removeEventListener('message', handler);
}

function idbBackend(db: IDBPDatabase<SavedWorkSchema>): Backend {
  const announce = (store: SavedStore) => savedWorkChannel()?.postMessage({ store });
  return {
    getAll: (store) => db.getAll(store) as Promise<never>,
    get: (store, id) => db.get(store, id) as Promise<never>,
    async put(store, records) {
      const tx = db.transaction(store, 'readwrite');
      await Promise.all([...records.map((r) => tx.store.put(r as never)), tx.done]);
      announce(store);
    },
    async delete(store, id) {
      const tx = db.transaction(store, 'readwrite');
      await Promise.all([tx.store.delete(id), tx.done]);
      announce(store);
    },
  };
}

function memoryBackend(): Backend {
  const maps = { models: new Map<string, SavedModel>(), inputs: new Map<string, SavedInput>() };
  // structuredClone: callers must not be able to change a stored record by mutating what they got.
  return {
    getAll: async (store) => [...maps[store].values()].map((r) => structuredClone(r)) as never,
    get: async (store, id) => structuredClone(maps[store].get(id)) as never,
    async put(store, records) {
      for (const r of records) (maps[store] as Map<string, unknown>).set(r.id, structuredClone(r));
    },
    async delete(store, id) {
      maps[store].delete(id);
    },
  };
}

let backend: Promise<{ backend: Backend; status: StorageStatus }> | undefined;

/** Open the database once; fall back to memory (with the reason) if IndexedDB is missing or refuses. */
function open(): Promise<{ backend: Backend; status: StorageStatus }> {
  backend ??= (async () => {
    const fallback = (reason: string) => ({ backend: memoryBackend(), status: { persistent: false, reason } as StorageStatus });
    if (typeof indexedDB === 'undefined' || indexedDB === null) return fallback('this browser offers no IndexedDB (private browsing, or storage disabled)');
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const db = await Promise.race([
        openDB<SavedWorkSchema>(SAVED_WORK_DB, DB_VERSION, {
          upgrade(db) {
            if (!db.objectStoreNames.contains('models')) db.createObjectStore('models', { keyPath: 'id' });
            if (!db.objectStoreNames.contains('inputs')) db.createObjectStore('inputs', { keyPath: 'id' });
          },
        }),
        // A blocked open (another tab holding an old version) would otherwise hang the panel.
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('opening the database timed out after 5 s')), 5000);
        }),
      ]).finally(() => clearTimeout(timer));
      return { backend: idbBackend(db), status: { persistent: true } };
    } catch (e) {
      return fallback(`IndexedDB could not be opened (${e instanceof Error ? e.message : String(e)})`);
    }
  })();
  return backend;
}

/** Where saved work goes: IndexedDB (persistent), or memory with the reason. */
export async function storageStatus(): Promise<StorageStatus> {
  return (await open()).status;
}

const newestFirst = (a: { createdAt: number }, b: { createdAt: number }) => b.createdAt - a.createdAt;

/** Saved models, newest first (records that no longer make sense are skipped). */
export async function listModels(): Promise<SavedModel[]> {
  const { backend } = await open();
  return (await backend.getAll('models'))
    .map(checkStoredModel)
    .filter((m): m is SavedModel => !!m)
    .sort(newestFirst);
}

/** Saved inputs, newest first. */
export async function listInputs(): Promise<SavedInput[]> {
  const { backend } = await open();
  return (await backend.getAll('inputs'))
    .map(checkStoredInput)
    .filter((m): m is SavedInput => !!m)
    .sort(newestFirst);
}

export async function getModel(id: string): Promise<SavedModel | undefined> {
  return checkStoredModel(await (await open()).backend.get('models', id));
}

export async function getInput(id: string): Promise<SavedInput | undefined> {
  return checkStoredInput(await (await open()).backend.get('inputs', id));
}

/**
 * Save a model (validated with the core's parseModelFile first: a bad model is refused with
 * `field: problem`, nothing is written). Resolves with the record once it is stored.
 */
export async function saveModel(args: { name: string; model: ModelJson; accuracy?: number; alsoKnownAs?: string; dataset?: DatasetRef }): Promise<SavedModel> {
  const { describeModel } = await filesModule();
  const { model, kind, depth, task } = describeModel(args.model, args.dataset);
  const accuracy = args.accuracy !== undefined && args.accuracy >= 0 && args.accuracy <= 1 ? args.accuracy : undefined;
  const name = cleanName(args.name, 'model');
  const taken = bundledNameProblem(name, await bundledNames());
  if (taken) throw new Error(taken);
  const record: SavedModel = { id: newId(), name, task, kind, depth, model, createdAt: Date.now(), accuracy };
  if (args.alsoKnownAs !== undefined && args.alsoKnownAs !== name) record.formerNames = [args.alsoKnownAs];
  if (args.dataset) record.dataset = args.dataset;
  await (await open()).backend.put('models', [record]);
  return record;
}

/** Save an explorer input (its recipe, validated first). Resolves once it is stored. */
export async function saveInput(args: { name: string; input: InputSpec }): Promise<SavedInput> {
  const { parseInputSpec } = await filesModule();
  const input = parseInputSpec(args.input);
  const record: SavedInput = { id: newId(), name: cleanName(args.name, 'input'), task: inputTask(input), createdAt: Date.now(), input };
  await (await open()).backend.put('inputs', [record]);
  return record;
}

/** Names of the bundled models (none when their list cannot be fetched, e.g. offline before a first visit). */
async function bundledNames(): Promise<string[]> {
  return listBundledModels()
    .then((l) => l.map((m) => m.name))
    .catch(() => []);
}

/** Rename a saved model or input; the name is cleaned (cleanName), must not be empty nor a bundled model's name. */
export async function renameSaved(store: SavedStore, id: string, name: string): Promise<void> {
  const clean = cleanName(name, '');
  if (!clean) throw new Error('name: must not be empty');
  if (store === 'models') {
    const taken = bundledNameProblem(clean, await bundledNames());
    if (taken) throw new Error(taken);
  }
  const { backend } = await open();
  const record = await backend.get(store, id);
  if (!record) throw new Error(`no saved ${store === 'models' ? 'model' : 'input'} with id ${id} (deleted in another tab?)`);
  // A model keeps its earlier names, so a link made before the rename still finds it.
  const formerNames =
    store === 'models' && record.name !== clean ? { formerNames: withFormerName((record as SavedModel).formerNames, record.name, clean) } : {};
  await backend.put(store, [{ ...record, name: clean, ...formerNames }] as RecordOf<typeof store>[]);
}

/** Earlier names of a model after a rename to `current`: the old name added, newest last, at most 20. */
function withFormerName(former: string[] | undefined, old: string, current: string): string[] {
  return [...(former ?? []).filter((n) => n !== old && n !== current), old].slice(-20);
}

/** Delete a saved record; resolves with it, so an "Undo" can put it back with restoreSaved. */
export async function deleteSaved<S extends SavedStore>(store: S, id: string): Promise<RecordOf<S> | undefined> {
  const { backend } = await open();
  const record = await backend.get(store, id);
  await backend.delete(store, id);
  return record;
}

/** Put deleted records back as they were (same id, name and date). */
export async function restoreSaved<S extends SavedStore>(store: S, records: RecordOf<S>[]): Promise<void> {
  await (await open()).backend.put(store, records);
}

/**
 * Import an hqrn-model or hqrn-state file into saved work. Files over MAX_IMPORT_BYTES are
 * refused from their size alone (never read); others are read, validated (savedWorkFiles.ts)
 * and stored in one transaction, so a bad file stores nothing. Throws an Error whose message
 * starts with the file name and names the problem.
 */
/**
 * An import refused because a state is outside the tolerance of docs/math.md §10 (1e-6) while its
 * nearest state exists: the panel offers to import that instead (`nearestState: true`).
 */
export class StateOutsideToleranceImportError extends Error {
  constructor(
    message: string,
    readonly traceDistance: number,
  ) {
    super(message);
    this.name = 'StateOutsideToleranceImportError';
  }
}

export async function importSavedFile(
  file: Blob & { name: string },
  opts: { nearestState?: boolean } = {},
): Promise<{ models: SavedModel[]; inputs: SavedInput[]; nearestState?: { traceDistance: number } }> {
  const tooBig = checkImportSize(file.name, file.size);
  if (tooBig) throw new Error(tooBig);
  const [{ recordsFromFile }, text] = await Promise.all([filesModule(), file.text()]);
  let records: { models: SavedModel[]; inputs: SavedInput[]; nearestState?: { traceDistance: number } };
  try {
    records = recordsFromFile(text, file.name, Date.now(), opts);
  } catch (e) {
    const message = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    const nearest = (e as { nearest?: { traceDistance: number } }).nearest;
    if (nearest) throw new StateOutsideToleranceImportError(message, nearest.traceDistance);
    throw new Error(message);
  }
  const { backend } = await open();
  if (records.models.length) await backend.put('models', records.models);
  if (records.inputs.length) await backend.put('inputs', records.inputs);
  return records;
}

/** The hqrn-model file of a saved model: file name and text. */
export async function exportModelFile(saved: SavedModel): Promise<{ fileName: string; text: string }> {
  const { modelFileJson } = await filesModule();
  return { fileName: exportFileName(saved.name, 'model'), text: JSON.stringify(modelFileJson(saved), null, 1) };
}

/**
 * The hqrn-state file of a saved input. Hand-entered matrices and drawings are made here;
 * other recipes (seeded states, partners, MNIST digits) come from the worker's float64
 * `exportStateJson` (layer 0 of a depth-0 stack), when the engine offers it.
 */
export async function exportInputFile(saved: SavedInput): Promise<{ fileName: string; text: string }> {
  const { inputFileJson, localInputState } = await filesModule();
  let state = localInputState(saved.input);
  if (!state) state = await stateFromWorker(saved.task, saved.input);
  return { fileName: exportFileName(saved.name, 'state'), text: JSON.stringify(inputFileJson(saved, state), null, 1) };
}

async function stateFromWorker(task: TaskName, input: InputSpec): Promise<{ re: number[][]; im: number[][] }> {
  const { getEngine } = await lazyImport(() => import('../engine/engineClient'), 'the engine client');
  // exportStateJson is the export task's worker call (workers/engine/exportApi.ts); typed
  // loosely here so this module does not depend on its exact signature.
  const engine = getEngine() as unknown as { exportStateJson(req: unknown, layer: number): Promise<unknown> };
  let answer: unknown;
  try {
    answer = await engine.exportStateJson({ requestId: 0, stack: { task, blocks: [], readoutSeed: 0 }, input }, 0);
  } catch (e) {
    throw new Error(`the engine could not make this input's state (${e instanceof Error ? e.message : String(e)})`);
  }
  const json = (typeof answer === 'string' ? JSON.parse(answer) : answer) as {
    re?: number[][];
    im?: number[][];
    states?: { re: number[][]; im: number[][] }[];
  };
  const s = json.states?.[0] ?? json;
  if (!s.re || !s.im) throw new Error('the engine returned no state for this input');
  return { re: s.re, im: s.im };
}

/** One entry of public/models/index.json (scripts/build-models.mjs). */
export interface BundledModel {
  name: string;
  file: string;
  task: TaskName;
  kind: 'quantum' | 'classical';
  depth: number;
  nQubits: number;
  accuracy?: number;
}

/** URL of a file under public/models/, relative to the page (the app may live in a sub-path). */
function bundledUrl(file: string): string {
  return new URL(`models/${encodeURIComponent(file)}`, document.baseURI).href;
}

let bundledIndex: Promise<BundledModel[]> | undefined;

/** The models shipped with the app (empty when the build has none). */
export function listBundledModels(): Promise<BundledModel[]> {
  if (typeof document === 'undefined') return Promise.resolve([]); // not in a page (node): nothing is served
  bundledIndex ??= fetch(bundledUrl('index.json'))
    .then((r) => (r.ok ? r.json() : []))
    .then((list: unknown) => (Array.isArray(list) ? (list as BundledModel[]).filter((m) => typeof m?.name === 'string' && typeof m?.file === 'string') : []))
    .catch(() => {
      bundledIndex = undefined; // try again next time (e.g. offline for a moment)
      return [];
    });
  return bundledIndex;
}

const bundledModels = new Map<string, Promise<ModelJson>>();

/** The hqrn-model JSON of a bundled model (fetched once per page; a failed fetch is tried again next time). */
export function loadBundledModel(entry: BundledModel): Promise<ModelJson> {
  let model = bundledModels.get(entry.file);
  if (!model) {
    model = fetch(bundledUrl(entry.file)).then(async (r) => {
      if (!r.ok) throw new Error(`bundled model ${entry.name}: HTTP ${r.status}`);
      return (await r.json()) as ModelJson;
    });
    model.catch(() => bundledModels.delete(entry.file));
    bundledModels.set(entry.file, model);
  }
  return model;
}

/**
 * A model by name, for `#…model=<name>` links: the newest saved model with exactly that name,
 * else the bundled model of that name, else the newest saved model that once had that name
 * (renamed in Saved work, or saved under another name than the explorer showed); undefined if
 * none has it. A model found by a former name comes back under its current name.
 */
export async function findModelByName(name: string): Promise<{ name: string; model: ModelJson } | undefined> {
  const models = await listModels();
  const saved = models.find((m) => m.name === name);
  if (saved) return { name: saved.name, model: saved.model };
  const entry = (await listBundledModels()).find((m) => m.name === name);
  if (entry) return { name: entry.name, model: await loadBundledModel(entry) };
  const renamed = models.find((m) => Array.isArray(m.formerNames) && m.formerNames.includes(name));
  return renamed ? { name: renamed.name, model: renamed.model } : undefined;
}
