/**
 * The engine worker's API as a plain object (no comlink, no DOM): workers/engine.worker.ts
 * exposes it with comlink; node tests and the node bench call it directly.
 *
 * Every call that touches tensors runs on the selected backend (selected lazily on first use
 * when init() was not called), and a lost WebGL context moves the engine to wasm/cpu (see
 * backend.ts). Nothing here keeps tensors between calls: tf.memory().numTensors is the same
 * before and after every call (tested in api.test.ts).
 */
import { parseModelFile, modelToJson } from '../../src/core/io/files';
import type { DigitSet } from '../../src/core/states/digits';
import { stateMeasures } from '../../src/core/measures/measures';
import { werner } from '../../src/core/states/states';
import type {
  BackendInfo,
  BackendName,
  ForwardRequest,
  ForwardResponse,
  ModelJson,
  TrainProgress,
  TrainRequest,
  TrainResult,
} from '../../src/protocol/messages';
import { ensureBackend, memory, selectBackend, withBackend } from './backend';
import { runBench } from './diagnostics/bench';
import type { BenchOptions, BenchRow } from './diagnostics/benchTable';
import { crossCheck, type CrossCheckResult } from './diagnostics/crossCheck';
import { Engine } from './forward/engine';
import { checkMatrix, explore } from './explore/explore';
import type { ExploreRequest, ExploreResponse, MatrixCheck } from '../../src/protocol/explorer';
import { train } from './train/train';
import { TrainControl } from './train/control';
import { PRESETS, quickPresets } from '../../src/protocol/experiments';
import { runAlphaSweep, runGreedyVsEndToEnd, runNoise, runShotsSweep } from './studies/runners';
import { type PaperSeedResult, runPaperEntanglementSeed } from './studies/paper';
import { type CoreRunResult, runCoreTraining } from './studies/coreRun';
import { loadTaskData } from './train/data';
import { importDataset, type ImportedDataset, type ImportedSummary } from './train/imported';
import { createExportApi } from './exportApi';
import { createReliabilityApi } from './diagnostics/reliabilityApi';
import { createBaselinesApi } from './baselines/api';

/** The four studies beyond the paper, runnable from the Training studio. */
export type StudyName = 'alphaSweep' | 'shotsSweep' | 'greedyVsEndToEnd' | 'noise';
export const STUDY_NAMES: readonly StudyName[] = ['alphaSweep', 'shotsSweep', 'greedyVsEndToEnd', 'noise'];

export interface WernerMeasures {
  p: number;
  concurrence: number;
  negativity: number;
  /** true = PPT (positive partial transpose), i.e. separable for two qubits. */
  ppt: boolean;
}

export interface ModelSummary {
  kind: 'quantum' | 'classical';
  nQubits: number;
  depth: number;
  classes: number;
}

export interface EngineApiOptions {
  /** The 10,000 MNIST digits (browser: fetched from the app; node: read from public/data). */
  loadDigits: () => Promise<DigitSet>;
}

function parseModelInput(json: ModelJson | string): ReturnType<typeof parseModelFile> {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new Error(`model: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return parseModelFile(data);
}

export function createEngineApi(opts: EngineApiOptions) {
  const engine = new Engine();
  let control: TrainControl | null = null;
  let lastModel: ModelJson | null = null;
  let digits: Promise<DigitSet> | null = null;
  const loadDigits = () => {
    if (!digits)
      digits = opts.loadDigits().catch((e) => {
        digits = null;
        throw e;
      });
    return digits;
  };
  // Imported datasets stay in the worker (the newest few: each may hold 100,000 states).
  const datasets = new Map<string, ImportedDataset>();
  /** The newest imported dataset of this SHA-256 (a dataset stack's states: explore.ts datasetInput). */
  const datasetBySha = (sha: string) => [...datasets.values()].reverse().find((x) => x.info.sha256 === sha)?.data;
  let importCount = 0;
  const KEEP_DATASETS = 3;

  const api = {
    /** Select a backend (`preferred` first, then webgl → wasm → cpu). */
    async init(preferred?: BackendName): Promise<BackendInfo> {
      return selectBackend(preferred);
    },

    /** The backend in use and why the earlier ones were skipped. */
    async backendInfo(): Promise<BackendInfo> {
      return ensureBackend();
    },

    /** Switch backends (falls back, with reasons, when `name` does not work). */
    async setBackend(name: BackendName): Promise<BackendInfo> {
      if (control) throw new Error('setBackend: a training run is in progress');
      return selectBackend(name);
    },

    /** The explorer's request: seeded stack + input recipe → every layer with its measures. */
    async explore(req: ExploreRequest): Promise<ExploreResponse> {
      return withBackend(() => explore(req, { engine, loadDigits, datasetBySha }));
    },

    /** Is a hand-entered 4×4 matrix a state (within 1e-6)? The verdict, with the nearest state (explore.ts). */
    checkMatrix(re: number[][], im: number[][]): MatrixCheck {
      return checkMatrix(re, im);
    },

    /** Forward a batch through a model (docs/math.md §2–3, §5, §8); see protocol.ts. */
    async forward(req: ForwardRequest): Promise<ForwardResponse> {
      return withBackend(() => engine.forward(req));
    },

    /**
     * Train (docs/math.md §6). `onProgress` is called at least every 250 ms (a comlink proxy from
     * the main thread). One run at a time; pause/resume/cancel through control().
     */
    async train(req: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<TrainResult> {
      if (control) throw new Error('train: a training run is already in progress');
      await ensureBackend();
      const c = new TrainControl();
      control = c;
      try {
        const result = await train(req, {
          onProgress: (p) => {
            // A proxied callback returns a promise; a failing listener must not stop training.
            void Promise.resolve(onProgress(p)).catch(() => undefined);
          },
          control: c,
          loadDigits,
          dataset: (id) => datasets.get(id),
        });
        lastModel = result.model;
        return result;
      } finally {
        control = null;
      }
    },

    /**
     * One of the studies beyond the paper with the quick or the full preset
     * (src/protocol/experiments.ts); returns the runner's plain results (experimentRunners.ts).
     * The shots sweep first trains the entanglement preset's model, then evaluates it with N_s
     * shots. Guarded like train (one run at a time; cancel through control()).
     */
    async runStudy(name: StudyName, size: 'quick' | 'full', onProgress?: (msg: string) => void): Promise<unknown> {
      if (!STUDY_NAMES.includes(name)) throw new Error(`runStudy: unknown study ${JSON.stringify(name)} (expected ${STUDY_NAMES.join(', ')})`);
      if (size !== 'quick' && size !== 'full') throw new Error(`runStudy: size must be 'quick' or 'full', got ${JSON.stringify(size)}`);
      if (control) throw new Error('runStudy: a training run is already in progress');
      await ensureBackend();
      const c = new TrainControl();
      control = c;
      const presets = size === 'quick' ? quickPresets() : PRESETS;
      const log = (line: string) => {
        if (onProgress) void Promise.resolve(onProgress(line)).catch(() => undefined);
      };
      let lastReport = 0;
      const hooks = {
        onProgress: (p: TrainProgress) => {
          const now = Date.now();
          if (now - lastReport < 500) return;
          lastReport = now;
          log(`${p.stage}: epoch ${p.epoch}/${p.epochs}, test ${Number.isFinite(p.testAccuracy) ? p.testAccuracy.toFixed(3) : '—'}`);
        },
        control: c,
        loadDigits,
        log,
      };
      try {
        switch (name) {
          case 'alphaSweep':
            return await runAlphaSweep(presets.alphaSweep, hooks);
          case 'greedyVsEndToEnd':
            return await runGreedyVsEndToEnd(presets.greedyVsEndToEnd, hooks);
          case 'noise':
            return await runNoise(presets.noise, hooks);
          case 'shotsSweep': {
            const req = presets.entanglement.request;
            log('shots sweep: training the entanglement model …');
            const r = await train(req, hooks);
            const data = await loadTaskData(req, hooks);
            log('shots sweep: evaluating with N_s shots …');
            return runShotsSweep(presets.shotsSweep, r.model, data.test, data.d, log);
          }
        }
      } finally {
        control = null;
      }
    },

    /**
     * One seed of the paper-style entanglement experiment (studies/paper.ts; the same definition as
     * `hqrn reproduce entanglement`): greedy training on the float64 core, the figures per depth.
     */
    paperEntanglementSeed(quick: boolean, seed: number): PaperSeedResult {
      if (control) throw new Error('paperEntanglementSeed: a training run is already in progress');
      return runPaperEntanglementSeed(quick, seed);
    },

    /** One sweep run on the float64 core, the trainer of `hqrn sweep` (studies/coreRun.ts). */
    coreTrainRun(req: TrainRequest): CoreRunResult {
      if (control) throw new Error('coreTrainRun: a training run is already in progress');
      return runCoreTraining(req);
    },

    /**
     * Import a labelled dataset file (docs/math.md §11: .json, .npz, .npy, .csv): read and check
     * every state in the worker (the §10 rule), keep it here under the returned id (a train
     * request's `datasetId`) and return its summary, SHA-256 and, when it cannot train, why.
     * `bytes` is transferred. Errors: a file-level problem (DatasetError text: field and problem).
     * `onProgress(fraction)` now and then while reading. A states .npy comes with `labels`, the
     * labels .npy (both transferred); the SHA-256 is then that of the two files' bytes in a row.
     */
    async importDataset(
      name: string,
      bytes: ArrayBuffer | Uint8Array,
      onProgress?: (fraction: number) => void,
      labels?: { name: string; bytes: ArrayBuffer | Uint8Array },
    ): Promise<ImportedSummary> {
      const id = `dataset-${++importCount}`;
      const u8 = (b: ArrayBuffer | Uint8Array) => (b instanceof Uint8Array ? b : new Uint8Array(b));
      const report = onProgress && ((f: number) => void Promise.resolve(onProgress(f)).catch(() => undefined));
      const imp = await importDataset(id, name, u8(bytes), report, labels && { name: labels.name, bytes: u8(labels.bytes) });
      datasets.set(id, imp);
      while (datasets.size > KEEP_DATASETS) datasets.delete(datasets.keys().next().value as string);
      return imp.info;
    },

    /** Pause, resume or cancel the running training; false when nothing is running. */
    control(action: 'pause' | 'resume' | 'cancel'): boolean {
      if (!control) return false;
      if (action === 'pause') control.pause();
      else if (action === 'resume') control.resume();
      else if (action === 'cancel') control.cancel();
      else throw new Error(`control: unknown action ${JSON.stringify(action)} (expected pause, resume or cancel)`);
      return true;
    },

    /** Validate an hqrn-model (object or JSON text); errors name the field. It becomes the exported model. */
    importModel(json: ModelJson | string): ModelSummary {
      const model = parseModelInput(json);
      lastModel = modelToJson(model);
      return { kind: model.kind, nQubits: model.nQubits, depth: model.blocks.length, classes: model.readout?.bias.length ?? 0 };
    },

    /** The last trained (or imported) model as hqrn-model JSON. */
    exportModel(): ModelJson {
      if (!lastModel) throw new Error('exportModel: no model yet (train or import one first)');
      return lastModel;
    },

    /**
     * tf.memory() numbers on the current backend; cachedTensors: the compiled weights the engine
     * keeps on purpose between calls (leak checks compare numTensors − cachedTensors).
     */
    memory() {
      const e = engine.memory();
      return { ...memory(), backend: e.backend, cachedTensors: e.cachedTensors };
    },

    /** The engine against the float64 core on the current backend (docs/math.md §9). */
    async crossCheck(seed = 1, opts: { qubits?: number[] } = {}): Promise<CrossCheckResult> {
      return withBackend(() => crossCheck(engine, seed, opts));
    },

    /** Timings on the current backend (npm run bench:engine). */
    async bench(options: BenchOptions = {}): Promise<BenchRow[]> {
      const info = await ensureBackend();
      return runBench(engine, { ...options, loadDigits, runStudy: (name) => api.runStudy(name as StudyName, 'full'), studies: STUDY_NAMES }, info.backend);
    },

    /** Measures of the Werner state p|Φ+⟩⟨Φ+| + (1−p)I/4 (float64 core). */
    wernerMeasures(p: number): WernerMeasures {
      if (!Number.isFinite(p) || p < 0 || p > 1) {
        throw new RangeError(`Werner p must be in [0, 1], got ${p}`);
      }
      const m = stateMeasures(werner(p));
      if (m.concurrence === undefined || m.negativity === undefined || m.ppt === undefined) {
        throw new Error('stateMeasures returned no two-qubit measures for a Werner state');
      }
      return { p, concurrence: m.concurrence, negativity: m.negativity, ppt: m.ppt };
    },

    // Exports and reliability calls: their own modules.
    ...createExportApi({ engine, loadDigits, datasetBySha }),
    ...createReliabilityApi({ engine, loadDigits }),
    // The entanglement baselines table (MLP, VQC, quantum kernels) on a request's data.
    ...createBaselinesApi({ loadDigits }),
  };
  return api;
}

export type EngineApi = ReturnType<typeof createEngineApi>;
