/**
 * The runner without a store module or a worker: a plain object store and a fake engine. A
 * pause asked of a running run is re-sent with each report until the run settles, a main run
 * clears the previous run's figures, a queued baseline starts only after the main run settled,
 * and a worker restart becomes a worded error (no internal text as the message).
 */
import { describe, expect, it } from 'vitest';
import type { TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';
import { validateRunCard } from '../../core/io/runCard';
import { DEFAULT_FORM, formToRequest } from './form';
import { TrainRunner, type RunnerEngine } from './runner';
import { initialRun } from './store';
import type { TrainingState } from './types';

class Stopped extends Error {}

function setup() {
  let state: TrainingState = { ...initialRun(), form: DEFAULT_FORM, runId: 0 };
  const calls: { req: TrainRequest; onProgress: (p: TrainProgress) => void; resolve: (r: TrainResult) => void; reject: (e: unknown) => void }[] = [];
  const controls: string[] = [];
  const engine: RunnerEngine = {
    train: (req, onProgress) => new Promise((resolve, reject) => calls.push({ req, onProgress, resolve, reject })),
    control: async (a) => controls.push(a),
  };
  const runner = new TrainRunner(
    { get: () => state, set: (p) => (state = { ...state, ...p }) },
    () => engine,
    (f) => f,
    (e) => e instanceof Stopped,
  );
  return { runner, calls, controls, get: () => state, set: (p: Partial<TrainingState>) => (state = { ...state, ...p }) };
}
const tick = () => new Promise((r) => setTimeout(r, 0));
const report = (over: Partial<TrainProgress>): TrainProgress => ({
  epoch: 1,
  epochs: 2,
  step: 1,
  depth: 1,
  stage: 'block 1',
  loss: 0.7,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  examplesPerSecond: 1,
  elapsedMs: 1,
  epochEnd: false,
  ...over,
});
const result = (history: TrainProgress[], acc = 0.75): TrainResult => ({
  model: { blocks: [] },
  history,
  final: { trainAccuracy: acc, testAccuracy: acc },
  cancelled: false,
  seconds: 1,
});

describe('TrainRunner', () => {
  it('a pause is re-sent with each report; epoch ends enter the history; the result ends the run', async () => {
    const t = setup();
    const req = formToRequest(DEFAULT_FORM);
    t.runner.launch({ label: 'main', request: req }, 'main');
    await tick();
    expect(t.get()).toMatchObject({ status: 'running', runId: 1, phaseLabel: 'main' });
    expect(t.calls[0].req).toEqual(req);
    t.runner.want = 'pause';
    t.calls[0].onProgress(report({ step: 1 }));
    t.calls[0].onProgress(report({ step: 2, epochEnd: true }));
    expect(t.controls).toEqual(['pause', 'pause']);
    expect(t.get().history.map((p) => p.step)).toEqual([2]);
    t.calls[0].resolve(result(t.get().history, 0.8125));
    await tick();
    expect(t.get().status).toBe('done');
    expect(t.get().summaries.map((s) => s.final.testAccuracy)).toEqual([0.8125]);
    // The model file carries its run card (docs/math.md §11): every setting, the seed, the data, the metrics, a date.
    const card = validateRunCard(t.get().result!.model.run);
    expect(card.settings).toEqual({ ...req });
    expect(card.seed).toBe(req.seed);
    expect(card.data).toEqual({ source: 'generator', name: 'entanglement', sha256: null, n: req.trainSize, generatorSeed: req.seed });
    expect(card.metrics).toMatchObject({ testAccuracy: 0.8125, trainAccuracy: 0.8125 });
    expect(Number.isFinite(Date.parse(card.date!))).toBe(true);
    expect(card.app.name).toBe('hqrn-explorer');
    // A report arriving after the result (another port) is dropped.
    t.calls[0].onProgress(report({ step: 3, epochEnd: true }));
    expect(t.get().history.map((p) => p.step)).toEqual([2]);
  });

  it("a queued baseline waits for the main run and keeps the main run's history", async () => {
    const t = setup();
    const req = formToRequest(DEFAULT_FORM);
    t.set({ queue: [{ label: 'baseline', request: { ...req, mode: 'classical' } }] });
    t.runner.launch({ label: 'main', request: req }, 'main');
    await tick();
    expect(t.calls).toHaveLength(1);
    const h = [report({ epochEnd: true })];
    h.forEach((p) => t.calls[0].onProgress(p));
    t.calls[0].resolve(result(h, 0.7));
    await tick();
    await tick();
    expect(t.calls).toHaveLength(2);
    expect(t.calls[1].req.mode).toBe('classical');
    expect(t.get()).toMatchObject({ phase: 'baseline', status: 'running' });
    t.calls[1].resolve(result([], 0.5));
    await tick();
    expect(t.get().status).toBe('done');
    expect(t.get().history).toHaveLength(1);
    expect(t.get().summaries.map((s) => s.label)).toEqual(['main', 'baseline']);
  });

  it('a restarted worker and an engine failure become worded errors', async () => {
    const t = setup();
    t.runner.launch({ label: 'main', request: formToRequest(DEFAULT_FORM) }, 'main');
    await tick();
    t.calls[0].reject(new Stopped('worker gone'));
    await tick();
    expect(t.get().status).toBe('error');
    expect(t.get().error).toMatch(/engine stopped.*Press Play/);
    t.runner.launch({ label: 'main', request: formToRequest(DEFAULT_FORM) }, 'main');
    await tick();
    await tick();
    t.calls[1].reject(new TypeError('tensor disposed'));
    await tick();
    expect(t.get().error).not.toMatch(/tensor/);
    expect(t.get().errorDetail).toBe('tensor disposed');
  });

  it('a run on an imported dataset: its run card names the file (source, name, SHA-256, states)', async () => {
    const t = setup();
    const req = { ...formToRequest(DEFAULT_FORM), datasetId: 'dataset-1' };
    const data = { name: 'mine.csv', sha256: 'ab'.repeat(32), n: 200 };
    t.runner.launch({ label: 'main', request: req, data }, 'main');
    await tick();
    expect(t.calls[0].req.datasetId).toBe('dataset-1');
    t.calls[0].resolve(result([report({ epochEnd: true })], 0.9));
    await tick();
    const card = validateRunCard(t.get().result!.model.run);
    expect(card.data).toEqual({ source: 'file', name: 'mine.csv', sha256: 'ab'.repeat(32), n: 200 });
    expect((card.settings as { datasetId?: string }).datasetId).toBe('dataset-1');
  });
});
