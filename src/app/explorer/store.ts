/**
 * The explorer's state (zustand). Components read it and call its actions; they never compute
 * physics. Every edit of the stack or the input bumps `requestId`; src/app/explorer/recompute.ts sends
 * the request to the worker and keeps only the newest answer.
 */
import { create } from 'zustand';
import type { Activation } from '../../core/hqrn/activation';
import { EXPLORER_LIMITS, type BlockSpec, type DatasetRef, type ExploreResponse, type InputSpec, type StackSpec, type TaskName } from '../../protocol/explorer';
import type { BackendInfo } from '../../protocol/messages';
import { modelDepth, modelSummary } from './trainedModel';
import { classifyEdit, createRevisions, record, redoRevision, undoRevision, type EditSnapshot, type Revisions } from './history';

import type { ColourScale, MatrixView, Palette, ViewOptions } from '../../viz/matrix/types';

export type { ColourScale, MatrixView, Palette, ViewOptions };

/** Controls a classroom link can hide (the URL field `hide`). */
export const HIDEABLE_CONTROLS = ['task', 'stack', 'matrix', 'training', 'export', 'saved'] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number];
/** Panels that can be open (the URL field `p`): the page scrolls to it when a link names it. */
export const PANELS = ['training', 'export', 'saved', 'classroom'] as const;
export type PanelName = (typeof PANELS)[number];

/**
 * The teaching modes: the open lesson (`lesson=`, its step `step=`, 1-based; src/content/lessons)
 * and presentation mode (`pres=1`: sized for a projector). Neither changes what is computed.
 */
export interface TeachingState {
  lesson: string | null;
  step: number;
  presentation: boolean;
}
export const NO_TEACHING: TeachingState = { lesson: null, step: 1, presentation: false };

export interface ExplorerState {
  stack: StackSpec;
  input: InputSpec;
  /** Global α driving every block when `sameAlpha` is on. */
  globalAlpha: number;
  sameAlpha: boolean;
  selectedLayer: number;
  view: ViewOptions;
  /** Incremented on every edit that needs a recompute. */
  requestId: number;
  result?: ExploreResponse;
  /** The newest request failed: the message names the problem; `result` keeps the last good answer. */
  error?: string;
  /** A model file that was refused (nothing changed): shown until dismissed or the next file. */
  fileError?: string;
  computing: boolean;
  backend?: BackendInfo;
  /** A message about the engine itself (worker restarted, backend fell back). */
  engineNotice?: string;
  /** The engine worker could not be started (after its retries): nothing will compute until a reload. */
  engineFailed?: boolean;
  /** Controls hidden by a classroom link. */
  hidden: HideableControl[];
  /** The open panel, if any (kept in the URL). */
  panel: PanelName | null;
  /** Problems met reading the URL hash (each names its field); shown until dismissed. */
  urlProblems: string[];
  canUndo: boolean;
  canRedo: boolean;
  /**
   * The task a task switch is opening while it reads that task's bundled model (taskSwitch.ts):
   * the task switch shows it at once; the stack changes (one update) when the model is read.
   */
  pendingTask: TaskName | null;
  /** The open lesson and presentation mode (kept in the URL). */
  teaching: TeachingState;
}

export interface ExplorerActions {
  setTask(task: TaskName): void;
  setDepth(depth: number): void;
  updateBlock(index: number, patch: Partial<Omit<BlockSpec, 'id'>>): void;
  addBlock(): void;
  removeBlock(index: number): void;
  duplicateBlock(index: number): void;
  moveBlock(index: number, delta: -1 | 1): void;
  setGlobalAlpha(alpha: number): void;
  /**
   * Tick / untick "Same α everywhere". Ticking sets every block to the global α, or to `alpha`
   * when given (dragging the Global α slider while it is unticked: one update, one undo step).
   */
  setSameAlpha(on: boolean, alpha?: number): void;
  setAllActivations(activation: Activation): void;
  randomiseWeights(seed?: number): void;
  /**
   * Load a trained model (its depth, α and activations). With `task` (the model's task) the task
   * switches in the same update when it differs: one undo step, one history entry.
   */
  loadTrainedModel(name: string, model: Record<string, unknown>, task?: TaskName): void;
  clearTrainedModel(): void;
  /**
   * Open a model trained on an imported dataset (docs/math.md §11) with state `index` of that
   * dataset as its input: the stack takes the dataset's nQubits and class names (StackSpec.dataset).
   * One update: one undo step.
   */
  openDatasetModel(name: string, model: Record<string, unknown>, dataset: DatasetRef, index?: number): void;
  /** Show state `index` of the stack's dataset (clamped to 0..size−1); nothing without a dataset stack. */
  setDatasetIndex(index: number): void;
  /** Set the input; with `task` (the input's task) the task switches in the same update: one undo step. */
  setInput(input: InputSpec, task?: TaskName): void;
  selectLayer(layer: number): void;
  setView(patch: Partial<ViewOptions>): void;
  /** Called by recompute.ts with the worker's answer (dropped unless it is the newest). */
  receiveResult(result: ExploreResponse): void;
  receiveError(requestId: number, message: string): void;
  setBackend(info: BackendInfo): void;
  setEngineNotice(message: string | undefined): void;
  setHidden(hidden: HideableControl[]): void;
  setPanel(panel: PanelName | null): void;
  setUrlProblems(problems: string[]): void;
  setTeaching(patch: Partial<TeachingState>): void;
  /** Step back / forward through the stack and input edits (src/app/explorer/history.ts). */
  undo(): void;
  redo(): void;
  /** Forget the undo history: the current state becomes its start (after a link is opened). */
  resetHistory(): void;
}

let nextId = 1;
function blockId(): string {
  return `b${nextId++}`;
}

/** Largest weight seed the controls accept (the readout seed adds 7919; the URL allows up to 2³¹ − 1). */
export const MAX_WEIGHTS_SEED = 1_000_000_000;

/** A fresh block's parameters. Deterministic default seeds: block k of a fresh stack has seed 1000 + k. */
export function defaultBlockParams(k: number, alpha: number = EXPLORER_LIMITS.defaultAlpha): Omit<BlockSpec, 'id'> {
  return { alpha, activation: 'softplus', gain: EXPLORER_LIMITS.defaultGain, seed: 1000 + k };
}

export function defaultBlock(k: number, alpha: number = EXPLORER_LIMITS.defaultAlpha): BlockSpec {
  return { id: blockId(), ...defaultBlockParams(k, alpha) };
}

/** A block with a fresh id (for blocks read from a link). */
export function blockWithId(params: Omit<BlockSpec, 'id'>): BlockSpec {
  return { id: blockId(), ...params };
}

/** What undo/redo step through: the stack and input edits. */
export function snapshotOf(st: Pick<ExplorerState, 'stack' | 'input' | 'globalAlpha' | 'sameAlpha'>): EditSnapshot {
  return { stack: st.stack, input: st.input, globalAlpha: st.globalAlpha, sameAlpha: st.sameAlpha };
}

/**
 * The parameters block k gets when it is (re-)added to a stack: within a trained model's depth
 * the model's own α and activation (its weights are used again), beyond it a fresh seeded block.
 * `alpha` overrides the α (the global α with "same α everywhere" on).
 */
export function addedBlockParams(k: number, trained: StackSpec['trained'], alpha?: number): Omit<BlockSpec, 'id'> {
  const m = trained ? modelSummary(trained.model).blocks[k] : undefined;
  if (m) return { ...defaultBlockParams(k), alpha: alpha ?? m.alpha ?? EXPLORER_LIMITS.defaultAlpha, activation: m.activation ?? 'relu' };
  return defaultBlockParams(k, alpha ?? EXPLORER_LIMITS.defaultAlpha);
}

/** How many blocks a trained model has (0 without one). */
export function trainedDepth(trained: StackSpec['trained']): number {
  return modelDepth(trained?.model);
}

export function defaultStack(task: TaskName, depth = 4): StackSpec {
  return { task, blocks: Array.from({ length: depth }, (_, k) => defaultBlock(k)), readoutSeed: 7 };
}

export const DEFAULT_VIEW: ViewOptions = { matrixView: 'heatmap', colourScale: 'fixed', palette: 'default' };

export const DEFAULT_INPUT: Record<TaskName, InputSpec> = {
  entanglement: { kind: 'bell', which: 'phi+' },
  digits: { kind: 'mnist', index: 0 },
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The store update of a task switch (the blocks are kept; the input becomes the task's default). */
function taskPatch(st: ExplorerState, task: TaskName): Partial<ExplorerState> {
  return {
    stack: { ...defaultStack(task, st.stack.blocks.length), blocks: st.stack.blocks.map((b) => ({ ...b })) },
    input: DEFAULT_INPUT[task],
    requestId: st.requestId + 1,
    result: undefined,
    error: undefined,
  };
}

/**
 * Whether setting `input` leaves a dataset stack (StackSpec.dataset): any input but a dataset
 * state does, except on a two-qubit dataset, whose model also takes the two-qubit inputs.
 */
function leavesDataset(st: ExplorerState, input: InputSpec): boolean {
  return st.stack.dataset !== undefined && input.kind !== 'dataset' && st.stack.dataset.nQubits !== 2;
}

/**
 * The store update of loadTrainedModel (a task switch, if `task` differs, and the model). A
 * dataset stack is left (fresh stack of the task, its default input): the new model is not the dataset's.
 */
export function loadModelPatch(st: ExplorerState, name: string, model: Record<string, unknown>, task?: TaskName): Partial<ExplorerState> {
  const switched = (task !== undefined && task !== st.stack.task) || st.stack.dataset !== undefined ? taskPatch(st, task ?? st.stack.task) : {};
  return { ...switched, ...trainedModelPatch({ ...st, ...switched }, name, model) };
}

/**
 * The store update of openDatasetModel: a fresh entanglement-task stack (the non-digits input
 * rules), the model, the dataset on the stack and state `index` (clamped to 0..size−1) as input.
 */
export function datasetModelPatch(st: ExplorerState, name: string, model: Record<string, unknown>, dataset: DatasetRef, index = 0): Partial<ExplorerState> {
  const base = { ...st, ...taskPatch(st, 'entanglement') };
  const patch = trainedModelPatch(base, name, model);
  const k = clamp(Math.round(index), 0, Math.max(0, dataset.size - 1));
  return { ...taskPatch(st, 'entanglement'), ...patch, stack: { ...patch.stack!, dataset }, input: { kind: 'dataset', index: k } };
}

/** The store update that loads a trained model into `st`'s stack. */
function trainedModelPatch(st: ExplorerState, name: string, model: Record<string, unknown>): Partial<ExplorerState> {
  const blocks = modelSummary(model).blocks;
  // The global α shows the model's α when every block has the same one.
  const alphas = blocks.map((b) => b.alpha ?? EXPLORER_LIMITS.defaultAlpha);
  const common = alphas.length > 0 && alphas.every((a) => a === alphas[0]) ? alphas[0] : undefined;
  const trained = { name, model };
  return {
    sameAlpha: false,
    globalAlpha: common ?? st.globalAlpha,
    stack: { ...st.stack, trained, blocks: blocks.map((_, k) => ({ id: blockId(), ...addedBlockParams(k, trained) })) },
    requestId: st.requestId + 1,
    selectedLayer: Math.min(st.selectedLayer, blocks.length),
  };
}

export const useExplorer = create<ExplorerState & ExplorerActions>()((set, get) => {
  /** Apply a stack edit and request a recompute. */
  const editStack = (f: (s: StackSpec) => StackSpec) =>
    set((st) => {
      const stack = f(st.stack);
      const depth = stack.blocks.length;
      return { stack, requestId: st.requestId + 1, selectedLayer: Math.min(st.selectedLayer, depth) };
    });
  const editBlocks = (f: (b: BlockSpec[]) => BlockSpec[]) => editStack((s) => ({ ...s, blocks: f(s.blocks) }));

  return {
    stack: defaultStack('entanglement'),
    input: DEFAULT_INPUT.entanglement,
    globalAlpha: EXPLORER_LIMITS.defaultAlpha,
    sameAlpha: true,
    selectedLayer: 0,
    view: DEFAULT_VIEW,
    requestId: 1,
    computing: false,
    hidden: [],
    panel: null,
    urlProblems: [],
    canUndo: false,
    canRedo: false,
    pendingTask: null,
    teaching: NO_TEACHING,

    setTask: (task) => set((st) => taskPatch(st, task)),
    setDepth: (depth) =>
      editBlocks((blocks) => {
        const n = clamp(Math.round(depth), 0, EXPLORER_LIMITS.maxDepth);
        const st = get();
        const out = blocks.slice(0, n);
        // Blocks re-added within a trained model's depth get the model's α and activation back.
        for (let k = out.length; k < n; k++) out.push({ id: blockId(), ...addedBlockParams(k, st.stack.trained, st.sameAlpha ? st.globalAlpha : undefined) });
        return out;
      }),
    updateBlock: (index, patch) =>
      editBlocks((blocks) => {
        const st = get();
        // With "same α everywhere" on, an α edit on one block drives them all.
        if (patch.alpha !== undefined && st.sameAlpha) {
          const alpha = clamp(patch.alpha, 0, 1);
          set({ globalAlpha: alpha });
          return blocks.map((b, k) => (k === index ? { ...b, ...patch, alpha } : { ...b, alpha }));
        }
        return blocks.map((b, k) => (k === index ? { ...b, ...patch } : b));
      }),
    addBlock: () =>
      editBlocks((blocks) => {
        if (blocks.length >= EXPLORER_LIMITS.maxDepth) return blocks;
        const st = get();
        const k = blocks.length;
        // Beyond a trained model (or without one) the new block takes the global α, as before.
        const withinModel = k < trainedDepth(st.stack.trained);
        return [...blocks, { id: blockId(), ...addedBlockParams(k, st.stack.trained, withinModel && !st.sameAlpha ? undefined : st.globalAlpha) }];
      }),
    removeBlock: (index) => editBlocks((blocks) => blocks.filter((_, k) => k !== index)),
    duplicateBlock: (index) =>
      editBlocks((blocks) =>
        blocks.length >= EXPLORER_LIMITS.maxDepth ? blocks : [...blocks.slice(0, index + 1), { ...blocks[index], id: blockId() }, ...blocks.slice(index + 1)],
      ),
    moveBlock: (index, delta) =>
      editBlocks((blocks) => {
        const j = index + delta;
        if (j < 0 || j >= blocks.length) return blocks;
        const out = blocks.slice();
        [out[index], out[j]] = [out[j], out[index]];
        return out;
      }),
    // One store update (not two): every subscriber (URL, history, the recompute loop, React)
    // runs once per slider event.
    setGlobalAlpha: (alpha) => {
      const a = clamp(alpha, 0, 1);
      set((st) => {
        if (!st.sameAlpha) return { globalAlpha: a };
        const blocks = st.stack.blocks.map((b) => (b.alpha === a ? b : { ...b, alpha: a }));
        return { globalAlpha: a, stack: { ...st.stack, blocks }, requestId: st.requestId + 1 };
      });
    },
    // One store update per action, so that one click is one undo step.
    setSameAlpha: (on, alpha) =>
      set((st) => {
        if (!on) return { sameAlpha: false };
        const a = alpha === undefined ? st.globalAlpha : clamp(alpha, 0, 1);
        return {
          sameAlpha: true,
          globalAlpha: a,
          stack: { ...st.stack, blocks: st.stack.blocks.map((b) => ({ ...b, alpha: a })) },
          requestId: st.requestId + 1,
        };
      }),
    setAllActivations: (activation) => editBlocks((blocks) => blocks.map((b) => ({ ...b, activation }))),
    randomiseWeights: (seed) =>
      editStack((s) => {
        const base = clamp(Math.round(seed ?? Math.random() * MAX_WEIGHTS_SEED), 0, MAX_WEIGHTS_SEED);
        return { ...s, trained: undefined, readoutSeed: base + 7919, blocks: s.blocks.map((b, k) => ({ ...b, seed: base + k })) };
      }),
    loadTrainedModel: (name, model, task) => set((st) => loadModelPatch(st, name, model, task)),
    clearTrainedModel: () => editStack((s) => ({ ...s, trained: undefined })),
    openDatasetModel: (name, model, dataset, index) => set((st) => datasetModelPatch(st, name, model, dataset, index)),
    setDatasetIndex: (index) =>
      set((st) => {
        const ds = st.stack.dataset;
        if (!ds) return {};
        const k = clamp(Math.round(index), 0, Math.max(0, ds.size - 1));
        if (st.input.kind === 'dataset' && st.input.index === k) return {};
        return { input: { kind: 'dataset', index: k }, requestId: st.requestId + 1 };
      }),
    setInput: (input, task) =>
      set((st) => ({
        ...((task !== undefined && task !== st.stack.task) || leavesDataset(st, input) ? taskPatch(st, task ?? st.stack.task) : {}),
        input,
        requestId: st.requestId + 1,
      })),
    selectLayer: (layer) => set((st) => ({ selectedLayer: clamp(Math.round(layer), 0, st.stack.blocks.length) })),
    setView: (patch) => set((st) => ({ view: { ...st.view, ...patch } })),
    receiveResult: (result) => {
      if (result.requestId !== get().requestId) return; // stale: a newer edit is in flight
      set({ result, error: undefined, computing: false });
    },
    receiveError: (requestId, message) => {
      if (requestId !== get().requestId) return;
      set({ error: message, computing: false });
    },
    setBackend: (backend) => set({ backend }),
    setEngineNotice: (engineNotice) => set({ engineNotice }),
    setHidden: (hidden) => set({ hidden: HIDEABLE_CONTROLS.filter((c) => hidden.includes(c)) }),
    setPanel: (panel) => set({ panel }),
    setUrlProblems: (urlProblems) => set({ urlProblems }),
    setTeaching: (patch) => set((st) => ({ teaching: { ...st.teaching, ...patch } })),
    undo: () => restore(undoRevision(revisions)),
    redo: () => restore(redoRevision(revisions)),
    resetHistory: () => {
      revisions = createRevisions(snapshotOf(get()));
      set({ canUndo: false, canRedo: false });
    },
  };
});

// Undo history: every change of the stack, input or α settings is recorded; a run of continuous
// edits of one control (a slider drag) coalesces into one revision (history.ts).
let revisions: Revisions<EditSnapshot> = createRevisions(snapshotOf(useExplorer.getState()));
let restoring = false;

/** Whether a pointer (mouse, touch, pen) is held down: edits of one control during it are one drag. */
export const pointer = { held: false };

/** Show revision `r`'s present state without recording it as a new edit. */
function restore(r: Revisions<EditSnapshot>) {
  if (r === revisions) return;
  revisions = r;
  const snap = r.present;
  restoring = true;
  try {
    useExplorer.setState((st) => ({
      ...snap,
      requestId: st.requestId + 1,
      selectedLayer: Math.min(st.selectedLayer, snap.stack.blocks.length),
      // The other task's result would be drawn with the wrong dimension until the new one arrives.
      ...(snap.stack.task !== st.stack.task || snap.stack.dataset !== st.stack.dataset ? { result: undefined, error: undefined } : {}),
      canUndo: r.past.length > 0,
      canRedo: r.future.length > 0,
    }));
  } finally {
    restoring = false;
  }
}

useExplorer.subscribe((st, prev) => {
  if (restoring) return;
  if (st.stack === prev.stack && st.input === prev.input && st.globalAlpha === prev.globalAlpha && st.sameAlpha === prev.sameAlpha) return;
  const next = snapshotOf(st);
  const r = record(revisions, next, classifyEdit(revisions.present, next), Date.now(), pointer.held);
  if (r === revisions) return;
  revisions = r;
  if (st.canUndo !== r.past.length > 0 || st.canRedo !== r.future.length > 0)
    useExplorer.setState({ canUndo: r.past.length > 0, canRedo: r.future.length > 0 });
});
