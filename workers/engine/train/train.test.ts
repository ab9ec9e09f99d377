/**
 * Training on the cpu backend: small runs that check what could go wrong — the loss
 * falls, the classical analog is blind to dephasing while the trained HQRN is not, transfer
 * is exact, exported models reproduce the tensor predictions in the float64 core, pause /
 * resume / cancel act between steps, runs are seeded, nothing leaks, progress keeps coming.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainProgress, TrainRequest } from '../../../src/protocol/messages';
import { loadDigitSet } from '../../../src/cli/digitsData';
import { entanglementDataset } from '../../../src/core/states/entanglement';
import { parseModelFile } from '../../../src/core/io/files';
import { runForward } from '../../../src/core/hqrn/forward';
import { dephasedPartner } from '../../../src/core/states/states';
import { corePredictions, shotEvaluation, train, TrainControl, type TrainResultExt } from './train';
import { loadTaskData, TEST_SEED_OFFSET } from './data';

const loadDigits = async () => loadDigitSet();

const ENT: TrainRequest = {
  task: 'entanglement',
  mode: 'quantum-greedy',
  depth: 2,
  alpha: 0.3,
  activation: 'relu',
  learningRate: 0.02,
  epochs: 12,
  batchSize: 32,
  seed: 12,
  trainSize: 400,
  testSize: 400,
};
const DIGITS: TrainRequest = {
  task: 'digits',
  mode: 'classical',
  depth: 2,
  alpha: 0.5,
  activation: 'relu',
  learningRate: 0.02,
  epochs: 2,
  batchSize: 64,
  seed: 3,
  trainSize: 600,
  testSize: 400,
};

/** Run train() and check that it leaves no tensor behind. */
async function run(req: TrainRequest, onProgress: (p: TrainProgress) => void = () => {}, control = new TrainControl()): Promise<TrainResultExt> {
  const before = tf.memory().numTensors;
  const r = await train(req, { onProgress, control, loadDigits });
  expect(tf.memory().numTensors).toBe(before);
  return r;
}

/** Accuracy on the entangled states and on the dephased partners of a test set. */
function entangledVsDephased(pred: Int32Array, req: TrainRequest) {
  const ds = entanglementDataset({ seed: req.seed + TEST_SEED_OFFSET, n: req.testSize!, adversarialShare: 0.5 });
  const acc = (kind: string) => {
    let ok = 0,
      n = 0;
    ds.kinds.forEach((k, i) => {
      if (k !== kind) return;
      n++;
      if (pred[i] === ds.labels[i]) ok++;
    });
    return ok / n;
  };
  return { entangled: acc('entangled'), dephased: acc('dephased-partner'), ds };
}

function lossFalls(history: TrainProgress[], stage: string) {
  const h = history.filter((p) => p.stage === stage);
  expect(h.length).toBeGreaterThan(1);
  expect(h[h.length - 1].loss).toBeLessThan(h[0].loss);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('train: entanglement', () => {
  let classical: TrainResultExt, greedy: TrainResultExt;
  beforeAll(async () => {
    classical = await run({ ...ENT, mode: 'classical' });
    greedy = await run(ENT);
  }, 60_000);

  it('the loss falls in every stage; greedy records accuracy at every depth', () => {
    lossFalls(classical.history, 'classical');
    lossFalls(greedy.history, 'block 1');
    lossFalls(greedy.history, 'block 2');
    expect(greedy.accuracyByDepth!.map((a) => a.depth)).toEqual([1, 2]);
    expect(greedy.history.length).toBe(2 * ENT.epochs);
    expect(greedy.final.testAccuracy).toBe(greedy.accuracyByDepth![1].testAccuracy);
    // the confusion matrix's inputs: labels in prediction order, agreeing with the accuracy
    const labels = greedy.testLabels!,
      preds = greedy.testPredictions!;
    expect(labels).toHaveLength(preds.length);
    expect(preds.reduce((n, p, i) => n + (p === labels[i] ? 1 : 0), 0) / preds.length).toBeCloseTo(greedy.final.testAccuracy, 12);
  });

  it('the classical network only sees the diagonal: a state and its dephased partner get the same output', () => {
    const model = parseModelFile(classical.model);
    const { ds } = entangledVsDephased(classical.testPredictions!, ENT);
    ds.states.slice(0, 40).forEach((rho) => {
      const a = runForward(model, rho, { measures: false }).output!;
      const b = runForward(model, dephasedPartner(rho), { measures: false }).output!;
      expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));
    });
  });

  it('the classical analog is at chance on entangled vs dephased; the trained HQRN is not', () => {
    const c = entangledVsDephased(classical.testPredictions!, ENT);
    const q = entangledVsDephased(greedy.testPredictions!, ENT);
    // Same diagonal distribution: any function of the diagonal has acc(entangled) + acc(dephased) ≈ 1.
    expect(Math.abs(c.entangled + c.dephased - 1)).toBeLessThan(0.2);
    expect(q.entangled + q.dephased).toBeGreaterThan(c.entangled + c.dephased + 0.25);
    expect(greedy.final.testAccuracy).toBeGreaterThan(classical.final.testAccuracy + 0.05);
    console.log(
      `entanglement 400/400: classical test ${classical.final.testAccuracy} (entangled ${c.entangled}, dephased ${c.dephased}); greedy test ${greedy.final.testAccuracy} (entangled ${q.entangled}, dephased ${q.dephased}), adversarial ${JSON.stringify(greedy.final.adversarialAccuracy)}`,
    );
  });

  it('exported models reproduce the tensor predictions in the float64 core', async () => {
    const data = await loadTaskData(ENT, { loadDigits });
    for (const r of [classical, greedy]) {
      const model = parseModelFile(r.model);
      const core = corePredictions(model, data.test, data.d);
      let same = 0;
      core.forEach((p, i) => (same += p === r.testPredictions![i] ? 1 : 0));
      expect(same / core.length).toBeGreaterThanOrEqual(0.995);
      expect(r.exportCheck!.agreement).toBeGreaterThanOrEqual(0.995);
    }
    // The quantum model's blocks are contractions (parseModelFile checks ‖A±‖₂ ≤ 1).
    expect(parseModelFile(greedy.model).kind).toBe('quantum');
  });

  it('shots: many shots give the exact accuracy, one shot per unitary does not; the sampling is seeded', async () => {
    const data = await loadTaskData(ENT, { loadDigits });
    const model = parseModelFile(greedy.model);
    const exactPred = corePredictions(model, data.test, data.d);
    let exact = 0;
    exactPred.forEach((p, i) => (exact += p === data.test.labels[i] ? 1 : 0));
    expect(shotEvaluation(model, data, { ...ENT, shots: 0 })).toBeUndefined();
    const exactOn = (n: number) => exactPred.subarray(0, n).reduce((a, p, i) => a + (p === data.test.labels[i] ? 1 : 0), 0) / n;
    // N_s = 20,000: the draw budget (2·10⁷ draws, 2 blocks × 2 unitaries) evaluates 250 states.
    const many = shotEvaluation(model, data, { ...ENT, shots: 20_000 })!;
    expect(many.n).toBe(Math.floor(2e7 / (2 * 2 * 20_000)));
    // p± to ~1/√N_s ≈ 0.007: only states that close to the decision boundary can flip.
    expect(Math.abs(many.testAccuracy - exactOn(many.n))).toBeLessThanOrEqual(0.03);
    const one = shotEvaluation(model, data, { ...ENT, shots: 1 })!;
    expect(one.n).toBe(ENT.testSize);
    expect(shotEvaluation(model, data, { ...ENT, shots: 1 })).toEqual(one);
    expect(Math.abs(one.testAccuracy - exact / data.test.n)).toBeGreaterThan(0.01);
  }, 60_000);

  it('end-to-end training is seeded: same seed, same losses and model; another seed differs', async () => {
    const req: TrainRequest = { ...ENT, mode: 'quantum-end-to-end', epochs: 2, trainSize: 200, testSize: 100 };
    const a = await run(req),
      b = await run(req),
      c = await run({ ...req, seed: req.seed + 1 });
    expect(a.history.map((p) => p.loss)).toEqual(b.history.map((p) => p.loss));
    expect(JSON.stringify(a.model)).toBe(JSON.stringify(b.model));
    expect(c.history.map((p) => p.loss)).not.toEqual(a.history.map((p) => p.loss));
    lossFalls(a.history, 'end-to-end');
  });
});

describe('train: digits', () => {
  it('classical training learns (loss falls, well above chance)', async () => {
    const r = await run(DIGITS);
    lossFalls(r.history, 'classical');
    expect(r.final.testAccuracy).toBeGreaterThan(0.6);
    expect(parseModelFile(r.model).kind).toBe('classical');
  });

  it('transfer: the quantum model makes the classical network’s predictions (packed path too)', async () => {
    const r = await run({ ...DIGITS, mode: 'transfer' });
    const t = r.transfer!;
    expect(t.disagreements).toBe(0);
    expect(t.quantumTestAccuracy).toBe(t.classicalTestAccuracy);
    expect(t.packedSubset!.n).toBe(400);
    expect(t.packedSubset!.disagreements).toBe(0);
    expect(t.maxUnitarityError).toBeLessThan(1e-10);
    expect(parseModelFile(r.model).kind).toBe('quantum');
    expect(parseModelFile(t.classicalModel).kind).toBe('classical');
    expect(r.exportCheck!.agreement).toBeGreaterThanOrEqual(0.995);
  });
});

describe('train: control and progress', () => {
  it('TrainControl: waitWhilePaused resolves on resume and on cancel', async () => {
    const c = new TrainControl();
    await c.waitWhilePaused();
    c.pause();
    let released = false;
    const w = c.waitWhilePaused().then(() => (released = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(released).toBe(false);
    c.resume();
    await w;
    c.pause();
    const w2 = c.waitWhilePaused();
    c.cancel();
    await w2;
    expect(c.cancelled).toBe(true);
    expect(c.paused).toBe(false);
  });

  it('pause stops steps, resume continues, cancel returns promptly with cancelled: true', async () => {
    const control = new TrainControl();
    const reports: { t: number; p: TrainProgress }[] = [];
    let pausedAt = -1,
      resumedAt = -1,
      cancelAt = -1,
      pausedStep = -1;
    // Epochs long enough (~190 steps) for mid-epoch reports, which come ≥ 100 ms apart (the loop got faster).
    const req: TrainRequest = { ...ENT, mode: 'quantum-end-to-end', epochs: 200, trainSize: 3000, testSize: 100, batchSize: 16 };
    const promise = run(
      req,
      (p) => {
        const t = performance.now();
        reports.push({ t, p });
        if (pausedAt < 0 && !p.epochEnd) {
          control.pause(); // between two steps: the next one must not run
          pausedAt = t;
          pausedStep = p.step;
          setTimeout(() => {
            resumedAt = performance.now();
            control.resume();
          }, 300);
        } else if (resumedAt > 0 && cancelAt < 0 && p.step > pausedStep + 5) {
          setTimeout(() => {
            cancelAt = performance.now();
            control.cancel();
          }, 0);
        }
      },
      control,
    );
    const r = await promise;
    const doneAt = performance.now();
    expect(r.cancelled).toBe(true);
    expect(r.history.length).toBeLessThan(200);
    // Nothing ran while paused.
    expect(reports.filter((x) => x.t > pausedAt && x.t < resumedAt)).toEqual([]);
    const after = reports.find((x) => x.t > resumedAt)!;
    expect(after.p.step).toBeGreaterThanOrEqual(pausedStep);
    expect(doneAt - cancelAt).toBeLessThan(500);
    // The partial model is still a valid file.
    expect(parseModelFile(r.model).kind).toBe('quantum');
    console.log(`pause/cancel: paused at step ${pausedStep}, cancel→return ${(doneAt - cancelAt).toFixed(1)} ms`);
  });

  it('progress arrives often during a run of a few seconds (steps and epoch ends)', async () => {
    const times: number[] = [];
    const ps: TrainProgress[] = [];
    const r = await run({ ...DIGITS, trainSize: 1500, epochs: 3 }, (p) => {
      times.push(performance.now());
      ps.push(p);
    });
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    const maxGap = Math.max(...gaps);
    console.log(`progress: ${times.length} reports in ${r.seconds.toFixed(2)} s, max gap ${maxGap.toFixed(0)} ms`);
    expect(ps.filter((p) => p.epochEnd).length).toBe(3);
    expect(ps.filter((p) => !p.epochEnd).length).toBeGreaterThan(3);
    expect(maxGap).toBeLessThan(1000);
    for (const p of ps) {
      expect(p.examplesPerSecond).toBeGreaterThan(0);
      expect(Number.isFinite(p.loss)).toBe(true);
    }
  });
});
