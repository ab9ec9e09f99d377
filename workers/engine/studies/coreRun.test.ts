import { describe, expect, it } from 'vitest';
import { runTraining } from '../../../src/cli/train';
import { coreRunProblem } from '../../../src/protocol/coreRun';
import type { TrainRequest } from '../../../src/protocol/messages';
import { runCoreTraining } from './coreRun';

const req: TrainRequest = {
  task: 'entanglement',
  mode: 'quantum-greedy',
  depth: 2,
  alpha: 0.6,
  activation: 'softplus',
  learningRate: 0.05,
  epochs: 2,
  batchSize: 16,
  seed: 3,
  trainSize: 120,
  testSize: 100,
  adversarialShare: 0.5,
};

describe("the studio sweep's float64-core run", () => {
  it('gives the numbers of `hqrn train` for the same settings (one trainer for the studio sweep and the CLI)', async () => {
    for (const mode of ['quantum-greedy', 'quantum-end-to-end'] as const) {
      const r = runCoreTraining({ ...req, mode });
      const cli = await runTraining({
        task: 'entanglement',
        nTrain: 120,
        nTest: 100,
        depth: 2,
        alpha: 0.6,
        activation: 'softplus',
        mode: mode === 'quantum-greedy' ? 'greedy' : 'end-to-end',
        epochs: 2,
        learningRate: 0.05,
        batchSize: 16,
        seed: 3,
        nearestState: false,
        skipRefused: false,
      });
      const m = cli.run.metrics as Record<string, unknown>;
      expect(r.metrics.accuracy as number).toBeCloseTo(m.accuracy as number, 6);
      // the CLI rounds its figures to 6 significant digits for the JSON
      expect(r.metrics.balancedAccuracy as number).toBeCloseTo(m.balancedAccuracy as number, 6);
      expect(r.metrics.trainAccuracy as number).toBeCloseTo(m.trainAccuracy as number, 6);
      const { run: _run, ...cliModel } = cli.model;
      expect(r.model).toEqual(cliModel);
      expect(r.data.generatorSeed).toBe(3);
      expect(r.data.test.generatorSeed).toBe(3 + 1_000_003);
    }
  });

  it('refuses what only the tfjs engine trains, with the reason', () => {
    expect(coreRunProblem(req)).toBeNull();
    expect(coreRunProblem({ ...req, mode: 'transfer' })).toMatch(/transfer trains on the tfjs engine/);
    expect(coreRunProblem({ ...req, noise: 0.1 })).toMatch(/noise/);
    expect(coreRunProblem({ ...req, shots: 100 })).toMatch(/shots/);
    expect(coreRunProblem({ ...req, task: 'digits' })).toMatch(/digits/);
    expect(() => runCoreTraining({ ...req, datasetId: 'dataset-1' })).toThrow(/imported dataset/);
  });
});
