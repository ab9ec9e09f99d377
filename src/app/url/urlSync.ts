/**
 * Keeps the URL hash and the explorer store in step. On start the hash is read into
 * the store (before the first engine request); then every edit writes the hash: a continuous
 * edit (slider drag, Werner p, drawing) replaces the history entry it started, a discrete one
 * (task, depth, activation, preset, view, add/remove block) pushes a new entry, so Back and
 * Forward walk through them; Back/Forward and hand-edited hashes are read back into the store.
 * Problems in a hash are shown (store.urlProblems) and the rest of the view still applies.
 * Reading a hash never rewrites the address bar: the link the user opened stays there until
 * they edit something (a doubly %-encoded link is decoded by decodeHash, not "corrected").
 */
import type { ModelJson, TaskName } from '../../protocol/messages';
import { classifyEdit, continuesLastEdit } from '../explorer/history';
import { blockWithId, datasetModelPatch, DEFAULT_INPUT, loadModelPatch, pointer, snapshotOf, useExplorer, type ExplorerState } from '../explorer/store';
import { inputTask, TASK_OF_QUBITS } from '../saved/format';
import type { BlockSpec } from '../../protocol/explorer';
import { useMatrixDraft } from '../inputs/matrixDraft';
import { decodeHash, encodeHash, linkedKeys, urlStateOf, type UrlState } from './urlState';
// Static: the saved-work panel (savedWorkStore.ts) puts savedWork.ts in the first-load chunk
// anyway; its heavy part (savedWorkFiles.ts: zod schemas, file formats) stays lazy.
import { findModelByName } from '../saved/savedWork';
import { useTraining } from '../training/store';
import { expandBareLessonLink } from '../teaching/lessonLink';

/** The link's state now: the explorer's view and the Training studio's form. */
export function currentUrlState(st: ExplorerState = useExplorer.getState()): UrlState {
  return urlStateOf(st, useTraining.getState().form);
}

/** Look up a saved or bundled model by name (IndexedDB, then public/models/index.json). */
async function findModel(name: string): Promise<{ found: { name: string; model: ModelJson } } | { problem: string }> {
  try {
    const found = await findModelByName(name);
    return found ? { found } : { problem: `model: ${JSON.stringify(name)} is not among the saved or bundled models; using seeded weights` };
  } catch (e) {
    return { problem: `model: looking up ${JSON.stringify(name)} failed (${e instanceof Error ? e.message : String(e)}); using seeded weights` };
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** True while the store is being set from the URL: those changes are not written back as new entries. */
let reading = false;
function whileReading(f: () => void) {
  reading = true;
  try {
    f();
  } finally {
    reading = false;
  }
}

/**
 * Put a UrlState into the store as one update. Blocks whose parameters did not change keep
 * their ids (React keys); the stack and input objects are kept when equal, so re-reading the
 * current view neither recomputes nor records an undo step.
 */
export function applyUrlState(u: UrlState): void {
  useExplorer.setState((st) => {
    const blocks = u.blocks.map((b, k) => {
      const old = st.stack.blocks[k];
      return old && old.alpha === b.alpha && old.activation === b.activation && old.gain === b.gain && old.seed === b.seed ? old : blockWithId(b);
    });
    const trained = u.model !== null && st.stack.trained?.name === u.model ? st.stack.trained : undefined;
    // The model decides the task (as on a first load): a link edited in an open tab to another
    // task kept the model of the first, and every view stayed on "computing…".
    const modelTask = trained ? taskOfModel(trained.model) : undefined;
    const task = modelTask ?? u.task;
    const dataset = u.dataset !== null && !(trained && modelQubits(trained.model) !== u.dataset.nQubits) ? u.dataset : undefined;
    const candidate = { task, blocks, readoutSeed: u.readoutSeed, ...(trained ? { trained } : {}), ...(dataset ? { dataset } : {}) };
    const stack = sameJson(candidate, st.stack) ? st.stack : candidate;
    // An input of the other task (the link's) gives way to the current one, or the task's default.
    const linkInput = task === u.task ? u.input : inputTask(st.input) === task ? st.input : DEFAULT_INPUT[task];
    const input = sameJson(linkInput, st.input) ? st.input : linkInput;
    const recompute = stack !== st.stack || input !== st.input;
    const patch: Partial<ExplorerState> = {
      stack,
      input,
      sameAlpha: u.sameAlpha,
      globalAlpha: u.globalAlpha,
      selectedLayer: Math.min(u.selectedLayer, blocks.length),
      view: sameJson(u.view, st.view) ? st.view : u.view,
      panel: u.panel,
      hidden: sameJson(u.hidden, st.hidden) ? st.hidden : u.hidden,
      teaching:
        u.lesson === st.teaching.lesson && u.step === st.teaching.step && u.presentation === st.teaching.presentation
          ? st.teaching
          : { lesson: u.lesson, step: u.step, presentation: u.presentation },
    };
    if (recompute) patch.requestId = st.requestId + 1;
    if (task !== st.stack.task) Object.assign(patch, { result: undefined, error: undefined });
    if (task !== u.task) patch.urlProblems = [...st.urlProblems, modelTaskProblem(u.model!, task, u.task)];
    return patch;
  });
}

/** The nQubits of a model file (undefined when it gives none). */
function modelQubits(model: unknown): number | undefined {
  const n = (model as { nQubits?: unknown } | null)?.nQubits;
  return typeof n === 'number' ? n : undefined;
}

/** The task of a model file: 2 qubits = entanglement, 6 = digits (undefined otherwise). */
function taskOfModel(model: unknown): TaskName | undefined {
  const n = (model as { nQubits?: unknown } | null)?.nQubits;
  return typeof n === 'number' ? TASK_OF_QUBITS[n] : undefined;
}

/** A link whose task (`t`) is not the task of the model it names: the model's task is used. */
function modelTaskProblem(model: string, modelTask: TaskName, linkTask: TaskName): string {
  return `task: “${model}” is a model of the ${modelTask} task, so the link's ${linkTask} task was not used`;
}

/**
 * Load the trained model a link names, then re-apply the link's per-block α and activations
 * (the model sets the depth; α and σ stay live). Problems are added to store.urlProblems.
 */
async function applyModel(u: UrlState, given: ReadonlySet<string>, afterLoad: () => void): Promise<void> {
  const st = useExplorer.getState();
  if (u.model === null) {
    if (st.stack.trained) {
      whileReading(() => st.clearTrainedModel());
      afterLoad();
    }
    return;
  }
  if (st.stack.trained?.name === u.model) return;
  const res = await findModel(u.model);
  whileReading(() => loadModel(u, res, given));
  afterLoad();
}

function loadModel(u: UrlState, res: Awaited<ReturnType<typeof findModel>>, given: ReadonlySet<string>) {
  const now = useExplorer.getState();
  if ('problem' in res) {
    now.setUrlProblems([...now.urlProblems, res.problem]);
    return;
  }
  const task = taskOfModel(res.found.model) ?? now.stack.task;
  if (given.has('t') && task !== u.task) now.setUrlProblems([...now.urlProblems, modelTaskProblem(res.found.name, task, u.task)]);
  const alphaGiven = given.has('a') || given.has('ga') || given.has('sa');
  // One store update (one undo step when Back/Forward reach a model's link).
  // A link of a dataset stack: the model opens with its dataset (the states come when the worker has the file).
  const ds = u.dataset !== null && modelQubits(res.found.model) === u.dataset.nQubits ? u.dataset : undefined;
  if (u.dataset !== null && !ds)
    now.setUrlProblems([
      ...now.urlProblems,
      `dataset: “${res.found.name}” is not a model of ${u.dataset.name} (${u.dataset.nQubits} qubits), so the dataset was not used`,
    ]);
  useExplorer.setState((st) => {
    const patch = ds
      ? datasetModelPatch(st, res.found.name, res.found.model, ds, u.input.kind === 'dataset' ? u.input.index : 0)
      : loadModelPatch(st, res.found.name, res.found.model, task);
    const blocks = linkedModelBlocks(patch.stack!.blocks, u, given);
    if (!blocks) return patch;
    return {
      ...patch,
      stack: { ...patch.stack!, blocks },
      ...(alphaGiven ? { sameAlpha: u.sameAlpha, globalAlpha: u.globalAlpha } : {}),
      selectedLayer: Math.min(u.selectedLayer, blocks.length),
    };
  });
}

/**
 * The blocks of a link naming a trained model, given the model's own blocks (as loaded): the
 * link's depth (`d`; a model cut shorter, or made deeper with untrained blocks after its own),
 * and its α and activations where it gives them (the app's own links always do; a hand-written
 * link without them keeps the model's own). Gains and seeds come from the link (defaults when
 * it leaves them out). Undefined: the model's blocks stay as they are (a link without `d` whose
 * lists do not fit the model's depth, or that gives nothing to change).
 */
export function linkedModelBlocks(modelBlocks: readonly BlockSpec[], u: UrlState, given: ReadonlySet<string>): BlockSpec[] | undefined {
  const alphaGiven = given.has('a') || given.has('ga') || given.has('sa');
  const activationGiven = given.has('f');
  const depth = given.has('d') ? u.blocks.length : modelBlocks.length;
  if (depth !== u.blocks.length) return undefined;
  if (!given.has('d') && !alphaGiven && !activationGiven) return undefined;
  return u.blocks.map((ub, k) => {
    const b = modelBlocks[k];
    if (!b) return blockWithId(ub); // beyond the model: an untrained block, as the link gives it
    return { ...b, alpha: alphaGiven ? ub.alpha : b.alpha, activation: activationGiven ? ub.activation : b.activation, gain: ub.gain, seed: ub.seed };
  });
}

/** Put the link's Training studio form into the studio's store (kept when equal: no re-render). */
export function applyTrainingForm(u: UrlState): void {
  const tr = useTraining.getState();
  if (!sameJson(tr.form, u.training)) tr.loadForm(u.training);
}

/**
 * A link naming the model that is already loaded, without depth, α or activations (a
 * hand-written link, a lesson step): the model's own blocks, as when the link is opened fresh
 * (applyUrlState alone would give it the link's default blocks).
 */
function reloadSameModel(u: UrlState, given: ReadonlySet<string>): void {
  const trained = useExplorer.getState().stack.trained;
  if (u.model === null || trained?.name !== u.model) return;
  if (['d', 'a', 'f', 'sa', 'ga'].some((k) => given.has(k))) return;
  useExplorer.setState((st) => {
    const patch = loadModelPatch(st, trained.name, trained.model);
    return { ...patch, selectedLayer: Math.min(u.selectedLayer, patch.stack!.blocks.length) };
  });
}

/** How long a drag pauses before the address bar shows its newest state. */
export const REPLACE_THROTTLE_MS = 150;

const currentHash = () => window.location.hash.replace(/^#/, '');

/** Start the sync; returns a function that stops it. */
export function startUrlSync(): () => void {
  if (typeof window === 'undefined') return () => {};
  let lastKey: string | null = null;
  let lastTime = -Infinity;

  /** Read the address bar's hash into the store (on load, Back/Forward, a hand edit). */
  const readHash = (initial: boolean) => {
    const hash = expandBareLessonLink(currentHash());
    const st = useExplorer.getState();
    if (hash === encodeHash(currentUrlState(st))) return;
    if (initial && hash === '') return;
    const { state, problems, rejectedMatrix } = decodeHash(hash, currentUrlState(st));
    const given = linkedKeys(hash);
    whileReading(() => {
      applyUrlState(state);
      applyTrainingForm(state);
      reloadSameModel(state, given);
      useExplorer.getState().setUrlProblems(problems);
    });
    // a linked matrix outside the tolerance goes to the matrix editor, which offers its nearest state
    if (rejectedMatrix) useMatrixDraft.getState().offer(rejectedMatrix.re, rejectedMatrix.im);
    lastKey = null;
    // A link opened fresh starts the undo history; Back/Forward are steps of it like any edit.
    if (initial) useExplorer.getState().resetHistory();
    // The address bar keeps the link as it was opened (or typed) — even a non-canonical or
    // partly bad one — until the user edits something; the next edit writes the view's hash.
    void applyModel(state, given, () => {
      if (initial) useExplorer.getState().resetHistory();
    });
  };

  /** Write the store's view into the hash: push a new entry or replace the current one. */
  const writeHash = (push: boolean, state: ExplorerState = useExplorer.getState()) => {
    const hash = encodeHash(currentUrlState(state));
    if (hash === currentHash()) return;
    const url = `${window.location.pathname}${window.location.search}#${hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  // Replacing the entry costs ~2–5 ms of main thread per call (history.replaceState), so the
  // continuation of a drag is written once it pauses for REPLACE_THROTTLE_MS (or the pointer
  // is released, or the page hidden); edits that push an entry are written at once.
  const pendingReplace = (() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      writeHash(false);
    };
    return {
      schedule: () => {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(flush, REPLACE_THROTTLE_MS);
      },
      /** Drop the pending write; true if there was one. */
      cancel: () => {
        if (timer === null) return false;
        clearTimeout(timer);
        timer = null;
        return true;
      },
      flushNow: () => {
        if (timer !== null) {
          clearTimeout(timer);
          flush();
        }
      },
    };
  })();

  readHash(true);

  const unsubscribe = useExplorer.subscribe((st, prev) => {
    if (reading) return;
    const editChanged = st.stack !== prev.stack || st.input !== prev.input || st.globalAlpha !== prev.globalAlpha || st.sameAlpha !== prev.sameAlpha;
    const viewChanged = st.view !== prev.view || st.hidden !== prev.hidden || st.teaching !== prev.teaching;
    if (!editChanged && !viewChanged && st.selectedLayer === prev.selectedLayer && st.panel === prev.panel) return;
    const now = Date.now();
    let push: boolean;
    if (editChanged) {
      const edit = classifyEdit(snapshotOf(prev), snapshotOf(st));
      push = !continuesLastEdit(lastKey, lastTime, edit, now, pointer.held);
      lastKey = edit.kind === 'continuous' ? edit.key : null;
      lastTime = now;
    } else {
      // A view option is a discrete change; moving through layers (scrubber, play) or into
      // another panel only replaces the entry.
      push = viewChanged;
      if (viewChanged) lastKey = null;
    }
    if (push) {
      // A drag's entry not yet written: give it the drag's last state before the new entry.
      if (pendingReplace.cancel()) writeHash(false, prev);
      writeHash(true);
    } else pendingReplace.schedule();
  });

  // The studio's form: each edit replaces the entry (typing a number is one edit per key).
  const unsubscribeTraining = useTraining.subscribe((st, prev) => {
    if (reading || st.form === prev.form) return;
    pendingReplace.schedule();
  });

  const onNavigate = () => {
    pendingReplace.cancel();
    readHash(false);
  };
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
  // Track a held pointer (capture phase, so no component can hide it) to tell a slow drag from two edits.
  const down = () => (pointer.held = true);
  const up = () => {
    pointer.held = false;
    pendingReplace.flushNow();
    // The edit that ends a drag (a pen stroke's last pixels) is committed by the component's own
    // pointerup listener, after this capture-phase one: write it once the event is dispatched.
    setTimeout(() => pendingReplace.flushNow(), 0);
  };
  const hide = () => pendingReplace.flushNow();
  window.addEventListener('pagehide', hide);
  window.addEventListener('pointerdown', down, true);
  window.addEventListener('pointerup', up, true);
  window.addEventListener('pointercancel', up, true);
  return () => {
    window.removeEventListener('pointerdown', down, true);
    window.removeEventListener('pointerup', up, true);
    window.removeEventListener('pointercancel', up, true);
    window.removeEventListener('pagehide', hide);
    pendingReplace.cancel();
    unsubscribe();
    unsubscribeTraining();
    window.removeEventListener('popstate', onNavigate);
    window.removeEventListener('hashchange', onNavigate);
  };
}
