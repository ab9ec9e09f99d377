/**
 * Saved work as files (docs/math.md §10): how an imported file becomes saved records (validated by
 * src/core/files, errors `field: problem`), and how a record becomes an hqrn-model /
 * hqrn-state file again. Pure functions, no IndexedDB or DOM. src/app/saved/savedWork.ts imports this
 * module lazily: it pulls in zod and the eigen-solver, which the first page load does not need.
 *
 * Exported files are plain hqrn-model / hqrn-state files with extra top-level keys that the
 * core's parsers ignore: `name`, `meta` ({task, kind, depth, accuracy, createdAt}) and, for
 * inputs, `input` (the explorer's recipe, so a drawn digit comes back as a drawing).
 */
import { notJsonProblem } from './fileSniff';
import { diagonalMatrix, toJson } from '../../core/math/complex';
import { drawnDigitToInput } from '../../core/states/digitNormalise';
import {
  densityMatrixFromJson,
  FileFormatError,
  formatPath,
  modelToJson,
  parseModelFile,
  parseStateFile,
  readStateFile,
  type StateReadOptions,
} from '../../core/io/files';
import type { DatasetRef, InputSpec } from '../../protocol/explorer';
import { LIMITS } from '../../protocol/inputs';
import { inputSpecSchema } from '../../protocol/inputSchema';
import type { ModelJson, TaskName } from '../../protocol/messages';
import { cleanName, inputTask, MAX_IMPORTED_STATES, nameFromFileName, newId, TASK_OF_QUBITS, type SavedInput, type SavedModel } from './format';

/**
 * Validate an explorer input recipe (from a file or an old database record): the right keys
 * and types, p ∈ [0, 1], integer seeds in [0, 2³¹−1], 784 pixels in [0, 1], an MNIST index
 * in 0..9999, partners nested at most 4 deep and only of two-qubit states (the limits of
 * src/protocol/inputs.ts, the same as a link's), and a hand-entered matrix that is a 4×4 state
 * within docs/math.md §10's 1e-6 (the core's reader). Throws FileFormatError naming the field under `field`.
 */
export function parseInputSpec(data: unknown, field = 'input'): InputSpec {
  // Nesting first, without recursion, so a deeply nested file cannot exhaust the stack.
  let at = field;
  for (let node = data, depth = 0; typeof node === 'object' && node !== null && 'of' in node; node = (node as { of: unknown }).of, depth++) {
    if (depth >= LIMITS.maxInputNesting.value) throw new FileFormatError(at, `partners nested more than ${LIMITS.maxInputNesting.value} deep`);
    at = `${at}.of`;
  }
  const r = inputSpecSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new FileFormatError(formatPath([field, ...issue.path]), issue.message);
  }
  const check = (spec: InputSpec, at: string): void => {
    if (spec.kind === 'matrix') densityMatrixFromJson(at, { re: spec.re, im: spec.im }, 4);
    if (spec.kind === 'dephased' || spec.kind === 'marginal') {
      if (inputTask(spec.of) !== 'entanglement') throw new FileFormatError(`${at}.of`, 'partners exist only for two-qubit states');
      check(spec.of, `${at}.of`);
    }
  };
  check(r.data, field);
  return r.data;
}

/**
 * What a model file is: its kind, depth and task (from nQubits), after full validation. A model
 * trained on an imported dataset (`dataset`, of the model's nQubits) has the task 'entanglement'
 * whatever its n (the explorer's dataset stacks); otherwise n must be 2 or 6.
 */
export function describeModel(json: unknown, dataset?: DatasetRef): { model: ModelJson; kind: SavedModel['kind']; depth: number; task: TaskName } {
  const parsed = parseModelFile(json);
  const task = dataset && dataset.nQubits === parsed.nQubits ? 'entanglement' : TASK_OF_QUBITS[parsed.nQubits];
  if (!task) throw new FileFormatError('nQubits', `the explorer's tasks have 2 (entanglement) or 6 (digits) qubits, got ${parsed.nQubits}`);
  return { model: modelToJson(parsed), kind: parsed.kind, depth: parsed.blocks.length, task };
}

/** An accuracy from a file's meta: kept only if it is a number in [0, 1]. */
function metaAccuracy(meta: unknown): number | undefined {
  const a = (meta as { accuracy?: unknown } | undefined)?.accuracy;
  return typeof a === 'number' && a >= 0 && a <= 1 ? a : undefined;
}

/**
 * What an import stores; `nearestState`: the largest trace distance by which a state of the
 * file was moved to its nearest state (docs/math.md §10), when that is > 1e-12.
 */
export type ImportedRecords = { models: SavedModel[]; inputs: SavedInput[]; nearestState?: { traceDistance: number } };

/**
 * Turn an imported file's text into records, or throw FileFormatError naming the problem:
 * - `hqrn-model`: validated by parseModelFile; nQubits must be 2 or 6 (a task); name from the
 *   file's `name`, else the file name; accuracy from `meta.accuracy` when in [0, 1].
 * - `hqrn-state`: read by parseStateFile (docs/math.md §10: within 1e-6 of a state, used as its
 *   nearest state; outside, a StateToleranceError offering the projection, which
 *   `opts.nearestState` applies — the panel's "Import its nearest state"). With an
 *   `input` recipe (our own exports) that recipe is the input; otherwise each 4×4 state becomes
 *   a hand-entered-matrix input (a batch: up to MAX_IMPORTED_STATES of them).
 */
export function recordsFromFile(text: string, fileName: string, now: number = Date.now(), opts: StateReadOptions = {}): ImportedRecords {
  try {
    return recordsFromFileUnguarded(text, fileName, now, opts);
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    // A validator that fails in another way (a numerical library's edge case) must still give
    // the user a one-line message and store nothing. The fuzz tests treat this as a bug.
    throw new FileFormatError('(file)', `could not be validated (${e instanceof Error ? e.message : String(e)})`);
  }
}

function recordsFromFileUnguarded(text: string, fileName: string, now: number, opts: StateReadOptions): ImportedRecords {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FileFormatError('(file)', notJsonProblem(text, e));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new FileFormatError(
      '(file)',
      `expected a JSON object (an hqrn-model or hqrn-state file), got ${Array.isArray(json) ? 'an array' : json === null ? 'null' : typeof json}`,
    );
  const file = json as Record<string, unknown>;
  const fallbackName = nameFromFileName(fileName);
  const name = cleanName(file.name, fallbackName);

  if (file.format === 'hqrn-model') {
    const { model, kind, depth, task } = describeModel(file);
    return { models: [{ id: newId(), name, task, kind, depth, model, createdAt: now, accuracy: metaAccuracy(file.meta) }], inputs: [] };
  }
  if (file.format === 'hqrn-state') {
    const read = readStateFile(file, opts);
    const states = read.map((r) => r.rho);
    const moved = Math.max(...read.map((r) => r.traceDistance));
    const report = moved > 1e-12 ? { nearestState: { traceDistance: moved } } : {};
    if (file.input !== undefined) {
      const input = parseInputSpec(file.input);
      return { models: [], inputs: [{ id: newId(), name, task: inputTask(input), createdAt: now, input }] };
    }
    const d = states[0].rows;
    if (d !== 4)
      throw new FileFormatError(
        'states' in file ? 'states[0].re' : 're',
        `a ${d}×${d} state cannot be an explorer input: only two-qubit (4×4) states can be entered by hand (digits are drawn or picked from MNIST)`,
      );
    if (states.length > MAX_IMPORTED_STATES)
      throw new FileFormatError('states', `a batch of ${states.length} states; at most ${MAX_IMPORTED_STATES} are imported as inputs at once`);
    const inputs = states.map((rho, i): SavedInput => {
      const { re, im } = toJson(rho);
      return { id: newId(), name: states.length === 1 ? name : `${name} #${i + 1}`, task: 'entanglement', createdAt: now, input: { kind: 'matrix', re, im } };
    });
    return { models: [], inputs, ...report };
  }
  const got = file.format === undefined ? 'no "format" key' : `${JSON.stringify(String(file.format).slice(0, 40))}`;
  throw new FileFormatError('format', `expected "hqrn-model" or "hqrn-state", got ${got}`);
}

/** The hqrn-model file of a saved model: the model plus its name and meta (ignored by parseModelFile). */
export function modelFileJson(saved: SavedModel): Record<string, unknown> {
  const meta: Record<string, unknown> = { task: saved.task, kind: saved.kind, depth: saved.depth, createdAt: new Date(saved.createdAt).toISOString() };
  if (saved.accuracy !== undefined) meta.accuracy = saved.accuracy;
  return { ...saved.model, name: saved.name, meta };
}

/**
 * The state of an input recipe when it can be made here without the worker: a hand-entered
 * matrix is its own state; a drawing is diag(x) with x its 8×8 pooled, normalised intensities
 * (docs/math.md §7). Other recipes (seeded random states, partners, MNIST) are made by the worker.
 */
export function localInputState(spec: InputSpec): { re: number[][]; im: number[][] } | undefined {
  if (spec.kind === 'matrix') return { re: spec.re, im: spec.im };
  if (spec.kind === 'drawn') return toJson(diagonalMatrix(drawnDigitToInput(spec.pixels).x)); // normalised as §7 says
  return undefined;
}

/**
 * The hqrn-state file of a saved input: its state (`re`, `im`, validated by parseStateFile
 * before it is offered) plus its name, meta and recipe.
 */
export function inputFileJson(saved: SavedInput, state: { re: number[][]; im: number[][] }): Record<string, unknown> {
  const file = {
    format: 'hqrn-state',
    version: 1,
    re: state.re,
    im: state.im,
    name: saved.name,
    meta: { task: saved.task, createdAt: new Date(saved.createdAt).toISOString() },
    input: saved.input,
  };
  parseStateFile(file);
  return file;
}
