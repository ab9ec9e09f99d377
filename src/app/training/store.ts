/**
 * The training panel's state (zustand, separate from the explorer store). All training runs
 * in the engine worker: the runner (./runner.ts) sends the request, receives progress through
 * a comlink proxy and puts the history, the result and the figures of baselines trained on the
 * same data here. The store never computes physics; it only counts predictions.
 */
import { proxy } from 'comlink';
import { create } from 'zustand';
import type { ModelJson, TrainRequest } from '../../protocol/messages';
import { modelSummary } from '../explorer/trainedModel';
import { EngineStoppedError, getEngine } from '../engine/engineClient';
import { DEFAULT_FORM, formToRequest, requestToForm } from './form';
import { TASK_SIZES, TRAINING_PRESETS, type TrainingBaseline } from './presets';
import { checkForm } from './ranges';
import { TrainRunner } from './runner';
import { useImportedData } from './importedData';
import type { DataSource } from './runCard';
import { MODE_NAMES, type TrainingActions, type TrainingState, type TrainOutcome } from './types';

export { DEFAULT_FORM, formToRequest, requestToForm, type TrainForm } from './form';
export * from './types';

/** The state of no run (a fresh panel, and after Reset): everything but the form and the run id. */
export function initialRun(): Omit<TrainingState, 'form' | 'runId'> {
  return {
    status: 'idle',
    phase: 'main',
    phaseLabel: '',
    presetId: undefined,
    request: undefined,
    progress: undefined,
    history: [],
    result: undefined,
    summaries: [],
    queue: [],
    error: undefined,
    errorDetail: undefined,
    stepPending: false,
    startedAt: undefined,
  };
}

export const useTraining = create<TrainingState & TrainingActions>()((set, get) => {
  const runner = new TrainRunner({ get, set }, getEngine, proxy, (e) => e instanceof EngineStoppedError);

  const startMain = (label: string, request: TrainRequest, baselines: TrainingBaseline[], data?: DataSource) => {
    const queue = baselines.map((b) => ({ label: b.label, request: { ...request, ...b.patch }, data }));
    set({ queue });
    runner.launch({ label, request, data }, 'main');
  };

  return {
    ...initialRun(),
    form: DEFAULT_FORM,
    runId: 0,

    loadForm: (form) => set({ form: { ...form }, presetId: undefined }),

    setForm: (patch) =>
      set((st) => {
        const form = { ...st.form, ...patch };
        // A task switch brings that task's dataset sizes (docs/math.md §7).
        if (patch.task && patch.task !== st.form.task) Object.assign(form, TASK_SIZES[patch.task]);
        return { form, presetId: undefined };
      }),

    play: () => {
      const st = get();
      if (st.status === 'paused') {
        runner.want = 'run';
        set({ status: 'running' });
        runner.control('resume');
        return;
      }
      if (st.status === 'running') return;
      // Out-of-range fields are marked in the form; Play waits until they are fixed.
      if (!checkForm(st.form).ok) return;
      const req = formToRequest(st.form);
      const imported = useImportedData.getState();
      if (imported.useFile) {
        // Your data: the worker's imported dataset, its seeded 80/20 split (workers/engine/train/imported.ts).
        const ds = imported.dataset;
        if (!ds || ds.problem) {
          set({
            status: 'error',
            error: ds ? `this dataset cannot train: ${ds.problem}` : 'choose a dataset file first (Your data: pick or drop a .json, .npz, .npy or .csv file).',
            errorDetail: undefined,
          });
          return;
        }
        const fileReq: TrainRequest = { ...req, datasetId: ds.id, trainSize: Math.round(ds.kept * 0.8), testSize: ds.kept - Math.round(ds.kept * 0.8) };
        delete fileReq.adversarialShare;
        startMain(`HQRN (${MODE_NAMES[req.mode]})`, fileReq, [], { name: ds.name, sha256: ds.sha256, n: ds.summary.n });
        return;
      }
      startMain(`HQRN (${MODE_NAMES[req.mode]})`, req, []);
    },

    pause: () => {
      if (get().status !== 'running') return;
      runner.want = 'pause';
      set({ status: 'paused', stepPending: false });
      runner.control('pause');
    },

    step: () => {
      const st = get();
      if (st.status === 'running') {
        set({ stepPending: true });
        return;
      }
      set({ stepPending: true });
      get().play();
    },

    cancel: () => {
      const st = get();
      if (st.status !== 'running' && st.status !== 'paused') return;
      runner.want = 'cancel';
      set({ queue: [], stepPending: false });
      runner.control('cancel');
    },

    reset: () => {
      const st = get();
      if (st.status === 'running' || st.status === 'paused') {
        runner.want = 'cancel';
        runner.control('cancel');
      }
      set({ ...initialRun(), runId: st.runId + 1 });
    },

    runPreset: (id) => {
      const preset = TRAINING_PRESETS.find((p) => p.id === id);
      if (!preset) throw new Error(`runPreset: unknown preset ${JSON.stringify(id)}`);
      const st = get();
      if (st.status === 'running' || st.status === 'paused') return;
      const form = requestToForm(preset.request);
      useImportedData.getState().setUseFile(false);
      set({ form, presetId: id, stepPending: false });
      startMain(`HQRN (${MODE_NAMES[form.mode]})`, { ...preset.request, ...formToRequest(form) }, preset.baselines);
    },
  };
});

/** The trained model the explorer can show: quantum models only. */
export function explorableModel(result: TrainOutcome | undefined): ModelJson | undefined {
  if (!result || result.cancelled) return undefined;
  // hqrn-model JSON: quantum blocks carry aPlus / aMinus, classical ones w (docs/math.md §10).
  return modelSummary(result.model).quantum ? result.model : undefined;
}
