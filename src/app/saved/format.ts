/**
 * Saved work: what a saved model / input record is, and the small pure helpers around it
 * (names, dates, file names, size limit, checks of records read back). No validation library
 * here, so the first page load stays small: file parsing and writing is in savedWorkFiles.ts,
 * which src/app/saved/savedWork.ts imports lazily.
 */
import type { DatasetRef, InputSpec } from '../../protocol/explorer';
import type { ModelJson, TaskName } from '../../protocol/messages';

/** A trained (or imported) model kept in the browser. */
export interface SavedModel {
  id: string;
  name: string;
  task: TaskName;
  kind: 'quantum' | 'classical';
  /** Milliseconds since the epoch (Date.now()) when it was saved or imported. */
  createdAt: number;
  /** Test accuracy in [0, 1] when known (training run, or the file's meta). */
  accuracy?: number;
  depth: number;
  /** Canonical hqrn-model JSON (modelToJson of the parsed file). */
  model: ModelJson;
  /**
   * Names an explorer link (`model=<name>`) may still hold for this model: its names before a
   * rename, and the explorer's name for it when it was saved under another ("trained: …").
   * findModelByName falls back on them, so a rename never breaks a link.
   */
  formerNames?: string[];
  /**
   * The imported dataset the model was trained on (docs/math.md §11), for a model of any n the
   * built-in tasks do not have: it opens in the explorer with that dataset's states (when the
   * file is imported in the tab). `task` is then 'entanglement' (the explorer's dataset stacks).
   */
  dataset?: DatasetRef;
}

/** A custom input kept in the browser: the explorer's recipe. */
export interface SavedInput {
  id: string;
  name: string;
  task: TaskName;
  createdAt: number;
  input: InputSpec;
}

/** Largest file the import reads: bigger files are refused from File.size, before reading. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Longest name kept (longer names are cut, with "…"). */
export const MAX_NAME_LENGTH = 120;
/** A state batch imports as one input per state, up to this many. */
export const MAX_IMPORTED_STATES = 20;

/** Qubits of each task (docs/math.md §7): a model's nQubits decides its task. */
export const TASK_OF_QUBITS: Readonly<Record<number, TaskName>> = { 2: 'entanglement', 6: 'digits' };

/** "20.0 MB" style sizes for messages (MB = 2^20 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** null if a file of this size may be imported, else the message refusing it. */
export function checkImportSize(fileName: string, bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `${fileName}: the file is ${formatBytes(bytes)}, larger than the ${formatBytes(MAX_IMPORT_BYTES)} limit for imports; it was not read`;
}

/**
 * A name fit to show and store: a string, control characters (including newlines) replaced by
 * spaces, runs of spaces collapsed, trimmed, cut to MAX_NAME_LENGTH; `fallback` when nothing is left.
 * Names are shown as text (React escapes them), so markup in a name stays literal.
 */
export function cleanName(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string') return fallback;
  const s = raw
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return fallback;
  return s.length > MAX_NAME_LENGTH ? `${s.slice(0, MAX_NAME_LENGTH - 1)}…` : s;
}

/**
 * A saved model may not take the name of a model that comes with the app: a `model=<name>` link
 * finds saved models first, so on this machine it opened the saved one and on any other the
 * bundled one (different predictions from the same link, with no warning). Null when `name`
 * (as cleaned) is free; compared without regard to case.
 */
export function bundledNameProblem(name: string, bundledNames: readonly string[]): string | null {
  const taken = bundledNames.find((b) => b.toLowerCase() === name.toLowerCase());
  return taken ? `name: “${taken}” is the name of a model that comes with the app; choose another name` : null;
}

/** The name a file suggests: its base name without `.json`. */
export function nameFromFileName(fileName: string): string {
  return cleanName(fileName.replace(/^.*[\\/]/, '').replace(/\.json$/i, ''), 'imported');
}

/** An identifier for a new record: crypto.randomUUID where there is one (secure contexts), else time + random. */
export function newId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Local date and time as `YYYY-MM-DD HH:MM` (sortable, unambiguous across locales). */
export function formatSavedDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A file name made from a record's name: letters, digits, '-' and '_' only. */
export function exportFileName(name: string, kind: 'model' | 'state'): string {
  const stem =
    name
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'saved';
  return `hqrn-${kind}-${stem}.json`;
}

/** The task an input belongs to: digits for drawings and MNIST digits, entanglement for the rest. */
export function inputTask(spec: InputSpec): TaskName {
  if (spec.kind === 'drawn' || spec.kind === 'mnist') return 'digits';
  return 'entanglement';
}

/** A record read back from the database, checked (old versions or a damaged store): undefined if unusable. */
export function checkStoredModel(r: unknown): SavedModel | undefined {
  const m = r as Partial<SavedModel> | undefined;
  if (!m || typeof m.id !== 'string' || typeof m.name !== 'string' || typeof m.createdAt !== 'number') return undefined;
  if ((m.task !== 'digits' && m.task !== 'entanglement') || (m.kind !== 'quantum' && m.kind !== 'classical')) return undefined;
  if (typeof m.depth !== 'number' || typeof m.model !== 'object' || m.model === null) return undefined;
  if (m.dataset !== undefined && !isDatasetRef(m.dataset)) return undefined;
  return m as SavedModel;
}

export function checkStoredInput(r: unknown): SavedInput | undefined {
  const m = r as Partial<SavedInput> | undefined;
  if (!m || typeof m.id !== 'string' || typeof m.name !== 'string' || typeof m.createdAt !== 'number') return undefined;
  if ((m.task !== 'digits' && m.task !== 'entanglement') || typeof m.input !== 'object' || m.input === null) return undefined;
  return m as SavedInput;
}

/** A DatasetRef as stored (name, 64-hex SHA-256, size ≥ 1, 1..6 qubits, ≥ 2 class names). */
export function isDatasetRef(r: unknown): r is DatasetRef {
  const d = r as Partial<DatasetRef> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.name === 'string' &&
    typeof d.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(d.sha256) &&
    Number.isInteger(d.size) &&
    (d.size as number) >= 1 &&
    Number.isInteger(d.nQubits) &&
    (d.nQubits as number) >= 1 &&
    (d.nQubits as number) <= 6 &&
    Array.isArray(d.classes) &&
    d.classes.length >= 2 &&
    d.classes.every((c) => typeof c === 'string')
  );
}
