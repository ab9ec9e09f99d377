/**
 * The training store against a fake engine (no worker): presets chain their baselines on the
 * same data, Step pauses at the next epoch end, reports arriving after the result are dropped,
 * and the progress arithmetic.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTANGLEMENT_CLASSICAL } from '../../protocol/experiments';
import type { TrainProgress, TrainRequest, TrainResult } from '../../protocol/messages';

type Pending = { req: TrainRequest; onProgress: (p: TrainProgress) => void; resolve: (r: TrainResult) => void };
const calls: Pending[] = [];
const controls: string[] = [];

vi.mock('../engine/engineClient', () => ({
  getEngine: () => ({
    train: (req: TrainRequest, onProgress: (p: TrainProgress) => void) => new Promise<TrainResult>((resolve) => calls.push({ req, onProgress, resolve })),
    control: async (a: string) => {
      controls.push(a);
      return true;
    },
  }),
}));
vi.mock('comlink', () => ({ proxy: <T>(f: T) => f }));

const { useTraining, totalSteps, progressFigures, explorableModel } = await import('./store');
const { TRAINING_PRESETS } = await import('./presets');

const report = (over: Partial<TrainProgress>): TrainProgress => ({
  epoch: 1,
  epochs: 3,
  step: 10,
  depth: 1,
  stage: 'block 1',
  loss: 0.7,
  trainAccuracy: 0.5,
  testAccuracy: 0.5,
  examplesPerSecond: 100,
  elapsedMs: 1000,
  epochEnd: false,
  ...over,
});
const result = (history: TrainProgress[], model: Record<string, unknown> = { blocks: [{ aPlus: [] }] }): TrainResult => ({
  model,
  history,
  final: { trainAccuracy: 0.8, testAccuracy: 0.7 },
  cancelled: false,
  seconds: 1,
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('training store', () => {
  beforeEach(() => {
    useTraining.getState().reset();
    calls.length = 0;
    controls.length = 0;
  });

  it('the entanglement preset trains the classical analog on the same data afterwards', async () => {
    const preset = TRAINING_PRESETS.find((p) => p.id === 'paper-entanglement')!;
    useTraining.getState().runPreset(preset.id);
    await tick();
    expect(calls).toHaveLength(1);
    expect(calls[0].req).toMatchObject({ task: 'entanglement', mode: 'quantum-greedy', trainSize: 1300, testSize: 5000 });
    const h = [report({ epochEnd: true })];
    h.forEach((p) => calls[0].onProgress(p));
    calls[0].resolve(result(h));
    await tick();
    await tick();
    expect(calls).toHaveLength(2);
    const [a, b] = [calls[0].req, calls[1].req];
    expect(b.mode).toBe('classical');
    // Same data and depth; the analog's own tuned settings (as in npm run experiments), not the HQRN's.
    for (const k of ['task', 'seed', 'trainSize', 'testSize', 'adversarialShare', 'depth'] as const) expect(b[k]).toEqual(a[k]);
    expect(b).toMatchObject(ENTANGLEMENT_CLASSICAL);
    expect(useTraining.getState().phase).toBe('baseline');
    calls[1].resolve(result([report({ epochEnd: true })], { blocks: [{ w: [] }] }));
    await tick();
    const st = useTraining.getState();
    expect(st.status).toBe('done');
    expect(st.summaries.map((s) => s.mode)).toEqual(['quantum-greedy', 'classical']);
    // The plotted history stays the main run's.
    expect(st.history).toHaveLength(1);
    expect(explorableModel(st.result)).toBeDefined();
  });

  it('Step pauses at the next epoch end; reports after the result are dropped', async () => {
    useTraining.getState().setForm({ epochs: 3, trainSize: 200, testSize: 200 });
    useTraining.getState().step();
    await tick();
    expect(useTraining.getState().status).toBe('running');
    calls[0].onProgress(report({ step: 3 }));
    calls[0].onProgress(report({ step: 13, epochEnd: true }));
    expect(useTraining.getState().status).toBe('paused');
    expect(controls).toContain('pause');
    const h = [report({ step: 13, epochEnd: true })];
    useTraining.getState().play();
    expect(controls).toContain('resume');
    calls[0].resolve(result(h));
    await tick();
    calls[0].onProgress(report({ step: 26, epoch: 2, epochEnd: true })); // late, on the proxy's port
    expect(useTraining.getState().history).toHaveLength(1);
    expect(useTraining.getState().status).toBe('done');
  });

  it('progress arithmetic: steps of a greedy run and the time left', () => {
    const req: TrainRequest = {
      task: 'entanglement',
      mode: 'quantum-greedy',
      depth: 2,
      alpha: 0.5,
      activation: 'relu',
      learningRate: 0.01,
      epochs: 3,
      batchSize: 16,
      seed: 1,
      trainSize: 200,
    };
    expect(totalSteps(req)).toBe(2 * 3 * 13);
    const f = progressFigures(req, report({ step: 39, elapsedMs: 2000 }));
    expect(f.fraction).toBeCloseTo(0.5);
    expect(f.secondsLeft).toBeCloseTo(2);
  });
});
