/**
 * The export calls in node (float64 core only, no tensors): the state, model and dataset
 * JSON pass the file parsers and equal the core's numbers; the QASM of the explorer's stack
 * round-trips through the independent reader.
 */
import { describe, expect, it } from 'vitest';
import { loadDigitSet } from '../../src/cli/digitsData';
import { main } from '../../src/cli/main';
import type { ExploreRequest, StackSpec } from '../../src/protocol/explorer';
import { hermiticityError, maxAbsDiff, sub, trace } from '../../src/core/math/complex';
import { parseModelFile, parseStateFile } from '../../src/core/io/files';
import { runForward } from '../../src/core/hqrn/forward';
import { hermitianEigenvalues, spectralNorm } from '../../src/core/math/linalg';
import { compileBlockUnitaries } from '../../src/core/io/qasm';
import { parseQasm } from '../../src/core/io/qasmParse';
import { qasmUnitary } from '../../src/core/io/qasmSimulate';
import { bellState } from '../../src/core/states/states';
import { Engine } from './forward/engine';
import { createExportApi } from './exportApi';
import { modelFromStack } from './explore/explore';

const api = createExportApi({ engine: new Engine(), loadDigits: async () => loadDigitSet() });

function stack(task: StackSpec['task'], depth: number): StackSpec {
  return {
    task,
    readoutSeed: 7,
    blocks: Array.from({ length: depth }, (_, k) => ({ id: `b${k}`, alpha: 0.3 + 0.1 * k, activation: k % 2 ? 'relu' : 'softplus', gain: 4, seed: 1000 + k })),
  };
}

const bellRequest: ExploreRequest = { requestId: 1, stack: stack('entanglement', 3), input: { kind: 'bell', which: 'phi+' } };

describe('exportStateJson', () => {
  it('layer k is the float64 core state, a valid hqrn-state (Hermitian, trace 1, PSD to float64 precision)', async () => {
    const model = modelFromStack(bellRequest.stack);
    const expected = runForward(model, bellState('phi+'), { measures: false }).layers;
    for (const layer of [0, 1, 3]) {
      const json = await api.exportStateJson(bellRequest, layer);
      expect(json.format).toBe('hqrn-state');
      const [rho] = parseStateFile(JSON.parse(JSON.stringify(json)));
      const want = layer === 0 ? bellState('phi+') : expected[layer - 1].rho!;
      expect(maxAbsDiff(rho, want)).toBe(0);
      expect(hermiticityError(rho)).toBeLessThan(1e-15);
      expect(Math.abs(trace(rho)[0] - 1)).toBeLessThan(1e-14);
      expect(hermitianEigenvalues(rho)[0]).toBeGreaterThan(-1e-14);
    }
  });

  it('a digits layer from an MNIST input is diag(x) of the right size', async () => {
    const json = await api.exportStateJson({ requestId: 2, stack: stack('digits', 2), input: { kind: 'mnist', index: 3 } }, 2);
    const [rho] = parseStateFile(json);
    expect(rho.rows).toBe(64);
  });

  it('names a bad layer', async () => {
    await expect(api.exportStateJson(bellRequest, 4)).rejects.toThrow(/^layer: must be an integer in \[0, 3\], got 4/);
    await expect(api.exportStateJson(bellRequest, -1)).rejects.toThrow(/^layer:/);
  });
});

describe('exportModelJson', () => {
  it('is the explorer model and passes parseModelFile', () => {
    const json = api.exportModelJson(bellRequest.stack);
    const parsed = parseModelFile(JSON.parse(JSON.stringify(json)));
    const model = modelFromStack(bellRequest.stack);
    expect(parsed.kind).toBe('quantum');
    if (parsed.kind !== 'quantum') return;
    expect(parsed.blocks.map((b) => [b.alpha, b.activation, b.gain])).toEqual(model.blocks.map((b) => [b.alpha, b.activation, b.gain]));
    parsed.blocks.forEach((b, k) => expect(maxAbsDiff(b.aPlus, model.blocks[k].aPlus)).toBe(0));
    expect(parsed.readout?.classes).toEqual(['separable', 'entangled']);
  });

  it('refuses an empty stack', () => {
    expect(() => api.exportModelJson(stack('entanglement', 0))).toThrow(/^blocks: the stack has no block/);
  });
});

describe('exportDatasetJson', () => {
  it('is what `hqrn dataset entanglement` prints, and passes parseStateFile', async () => {
    const json = api.exportDatasetJson({ seed: 3, n: 12 });
    let printed = '';
    expect(
      await main(
        ['dataset', 'entanglement', '--seed', '3', '--n', '12'],
        (s) => (printed += s),
        () => undefined,
      ),
    ).toBe(0);
    expect(JSON.parse(JSON.stringify(json))).toEqual(JSON.parse(printed));
    expect(parseStateFile(json).length).toBe(12);
    expect((json.labels as number[]).filter((l) => l === 1).length).toBe(6);
  });

  it('names bad sizes and seeds', () => {
    expect(() => api.exportDatasetJson({ seed: 1, n: 1 })).toThrow(/^n: must be an integer in \[2, 20000\]/);
    expect(() => api.exportDatasetJson({ seed: -1, n: 10 })).toThrow(/^seed:/);
  });
});

import { classProbabilityError } from '../../src/core/io/qasmAccuracy';
import { entanglementDataset as entanglementDatasetForCheck } from '../../src/core/states/entanglement';
import { QASM_CHECK_SEED, QASM_CHECK_STATES } from './exportApi';

describe('exportQasm', () => {
  it("the explorer stack's circuits match its blocks' U± within the reported errors", () => {
    const out = api.exportQasm(bellRequest.stack, 2, 6);
    const program = parseQasm(out.text);
    const model = modelFromStack(bellRequest.stack);
    expect(program.circuits.length).toBe(6);
    model.blocks.forEach((b, k) => {
      const { uPlus, uMinus } = compileBlockUnitaries(b, 2, 6);
      expect(spectralNorm(sub(qasmUnitary(program, 2 * k), uPlus))).toBeLessThanOrEqual(out.blocks[k].plus.error + 1e-9);
      expect(spectralNorm(sub(qasmUnitary(program, 2 * k + 1), uMinus))).toBeLessThanOrEqual(out.blocks[k].minus.error + 1e-9);
    });
  });

  it('the whole entanglement stack: the class-probability error on the stated test set, the recommended r, a warning when r is too small', () => {
    const model = modelFromStack(bellRequest.stack);
    const states = entanglementDatasetForCheck({ seed: QASM_CHECK_SEED, n: QASM_CHECK_STATES, adversarialShare: 0.5 }).states;
    const coarse = api.exportQasm(bellRequest.stack, 1, 1);
    expect(coarse.classCheck!.error).toBe(classProbabilityError(model, states, 1, 1));
    const rec = coarse.classCheck!.recommended;
    if (rec.reached) {
      expect(classProbabilityError(model, states, 1, rec.steps)).toBeLessThanOrEqual(1e-3);
      if (rec.steps > 1) expect(classProbabilityError(model, states, 1, rec.steps - 1)).toBeGreaterThan(1e-3);
    }
    expect(coarse.text.includes('// WARNING:')).toBe(coarse.classCheck!.error > 1e-3);
    expect(coarse.text).toContain(`max |ΔP| = ${coarse.classCheck!.error.toExponential(2)}`);
    // the text still parses, with the same circuits
    expect(parseQasm(coarse.text).circuits.length).toBe(2 * model.blocks.length);
    // one block of several: no class check (the class probabilities need the whole stack)
    if (model.blocks.length > 1) expect(api.exportQasm(bellRequest.stack, 1, 1, [0]).classCheck).toBeUndefined();
  });

  it("the default ('auto'): one r for the file, the smallest with |ΔP| ≤ 1e-3 on the stated test set", () => {
    const model = modelFromStack(bellRequest.stack);
    const states = entanglementDatasetForCheck({ seed: QASM_CHECK_SEED, n: QASM_CHECK_STATES, adversarialShare: 0.5 }).states;
    const out = api.exportQasm(bellRequest.stack, 2, 'auto');
    expect(out.stepsFrom).toBe('auto');
    expect(classProbabilityError(model, states, 2, out.steps)).toBeLessThanOrEqual(1e-3);
    if (out.steps > 1) expect(classProbabilityError(model, states, 2, out.steps - 1)).toBeGreaterThan(1e-3);
    expect(out.classCheck!.warning).toBeNull();
    // every section repeats the step gate r times (one r for the file)
    expect(out.text.match(/for uint step in \[1:(\d+)\]/g)!.every((l) => l.endsWith(`[1:${out.steps}]`))).toBe(true);
  });

  it('digits: one 7-qubit block compiles and parses back (two circuits on 7 qubits)', () => {
    const out = api.exportQasm(stack('digits', 2), 1, 1, [1]);
    expect(out.blocks.map((b) => b.block)).toEqual([1]);
    expect(out.nQubits).toBe(7);
    expect(out.blocks[0].plus.rotations).toBeGreaterThan(10_000);
    const program = parseQasm(out.text);
    expect(program.nQubits).toBe(7);
    expect(program.circuits.length).toBe(2);
  }, 120_000);

  it('digits: one block at a time', () => {
    expect(() => api.exportQasm(stack('digits', 2), 1, 1)).toThrow(/^blocks: the digits task exports one block at a time/);
  });
});
