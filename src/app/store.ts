/**
 * The explorer's state (zustand). Components read it and call its actions; they never compute
 * physics. Every edit of the stack or the input bumps `requestId`; src/app/recompute.ts sends
 * the request to the worker and keeps only the newest answer.
 */
import { create } from 'zustand';
import type { Activation } from '../core/activation';
import { EXPLORER_LIMITS, type BlockSpec, type ExploreResponse, type InputSpec, type StackSpec, type TaskName } from './explorer';
import type { BackendInfo } from './protocol';

export type MatrixView = 'heatmap' | 'hinton' | 'city';
export type ColourScale = 'fixed' | 'per-layer';
export type Palette = 'default' | 'colour-blind';

export interface ViewOptions {
  matrixView: MatrixView;
  colourScale: ColourScale;
  palette: Palette;
}

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
  computing: boolean;
  backend?: BackendInfo;
  /** A message about the engine itself (worker restarted, backend fell back). */
  engineNotice?: string;
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
  setSameAlpha(on: boolean): void;
  setAllActivations(activation: Activation): void;
  randomiseWeights(seed?: number): void;
  loadTrainedModel(name: string, model: Record<string, unknown>): void;
  clearTrainedModel(): void;
  setInput(input: InputSpec): void;
  selectLayer(layer: number): void;
  setView(patch: Partial<ViewOptions>): void;
  /** Called by recompute.ts with the worker's answer (dropped unless it is the newest). */
  receiveResult(result: ExploreResponse): void;
  receiveError(requestId: number, message: string): void;
  setBackend(info: BackendInfo): void;
  setEngineNotice(message: string | undefined): void;
}

let nextId = 1;
function blockId(): string {
  return `b${nextId++}`;
}

/** Deterministic default seeds: block k of a fresh stack has seed 1000 + k. */
export function defaultBlock(k: number, alpha: number = EXPLORER_LIMITS.defaultAlpha): BlockSpec {
  return { id: blockId(), alpha, activation: 'softplus', gain: EXPLORER_LIMITS.defaultGain, seed: 1000 + k };
}

export function defaultStack(task: TaskName, depth = 4): StackSpec {
  return { task, blocks: Array.from({ length: depth }, (_, k) => defaultBlock(k)), readoutSeed: 7 };
}

export const DEFAULT_INPUT: Record<TaskName, InputSpec> = {
  entanglement: { kind: 'bell', which: 'phi+' },
  digits: { kind: 'mnist', index: 0 },
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

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
    view: { matrixView: 'heatmap', colourScale: 'fixed', palette: 'default' },
    requestId: 1,
    computing: false,

    setTask: (task) =>
      set((st) => ({
        stack: { ...defaultStack(task, st.stack.blocks.length), blocks: st.stack.blocks.map((b) => ({ ...b })) },
        input: DEFAULT_INPUT[task],
        requestId: st.requestId + 1,
        result: undefined,
        error: undefined,
      })),
    setDepth: (depth) =>
      editBlocks((blocks) => {
        const n = clamp(Math.round(depth), 0, EXPLORER_LIMITS.maxDepth);
        const st = get();
        const out = blocks.slice(0, n);
        for (let k = out.length; k < n; k++) out.push(defaultBlock(k, st.sameAlpha ? st.globalAlpha : EXPLORER_LIMITS.defaultAlpha));
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
      editBlocks((blocks) => (blocks.length >= EXPLORER_LIMITS.maxDepth ? blocks : [...blocks, defaultBlock(blocks.length, get().globalAlpha)])),
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
    setGlobalAlpha: (alpha) => {
      const a = clamp(alpha, 0, 1);
      set({ globalAlpha: a });
      if (get().sameAlpha) editBlocks((blocks) => blocks.map((b) => ({ ...b, alpha: a })));
    },
    setSameAlpha: (on) => {
      set({ sameAlpha: on });
      if (on) get().setGlobalAlpha(get().globalAlpha);
    },
    setAllActivations: (activation) => editBlocks((blocks) => blocks.map((b) => ({ ...b, activation }))),
    randomiseWeights: (seed) =>
      editStack((s) => {
        const base = seed ?? Math.floor(Math.random() * 1e9);
        return { ...s, trained: undefined, readoutSeed: base + 7919, blocks: s.blocks.map((b, k) => ({ ...b, seed: base + k })) };
      }),
    loadTrainedModel: (name, model) => {
      const blocks = (model as { blocks?: { alpha?: number; activation?: Activation }[] }).blocks ?? [];
      editStack((s) => ({
        ...s,
        trained: { name, model },
        blocks: blocks.map((b, k) => ({ ...defaultBlock(k), alpha: b.alpha ?? EXPLORER_LIMITS.defaultAlpha, activation: b.activation ?? 'relu' })),
      }));
      set({ sameAlpha: false });
    },
    clearTrainedModel: () => editStack((s) => ({ ...s, trained: undefined })),
    setInput: (input) => set((st) => ({ input, requestId: st.requestId + 1 })),
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
  };
});
