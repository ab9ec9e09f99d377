/**
 * The engine's export calls, spread into the API in api.ts. Everything here
 * is computed with the float64 core (src/core), not the float32 tfjs engine, so exported
 * states are Hermitian, trace 1 and PSD to float64 precision and pass parseStateFile, and the
 * exported model is exactly the one the explorer runs (same seeded or trained weights, made
 * by explore.ts's modelFromStack).
 */
import type { ExploreRequest, StackSpec } from '../../src/protocol/explorer';
import type { CMat } from '../../src/core/math/complex';
import type { DigitSet } from '../../src/core/states/digits';
import { entanglementDataset } from '../../src/core/states/entanglement';
import { FileFormatError, modelToJson, stateToJson } from '../../src/core/io/files';
import { runForward } from '../../src/core/hqrn/forward';
import { QASM_LIMITS } from '../../src/core/io/qasm';
import { type CheckedQasmExport, qasmWithClassCheck, type StepsRequest } from '../../src/core/io/qasmAccuracy';

/** The stated test set of the export's class-probability check: this many §7 entanglement states, this seed. */
export { QASM_CHECK_SEED, QASM_CHECK_STATES } from '../../src/core/io/qasmAccuracy';
import type { Engine } from './forward/engine';
import { type ExploreDeps, inputFromSpec, modelFromStack } from './explore/explore';

export interface EngineApiDeps {
  engine: Engine;
  loadDigits: () => Promise<DigitSet>;
  /** The imported dataset with this SHA-256 (a dataset stack's inputs, explore.ts datasetInput). */
  datasetBySha?: ExploreDeps['datasetBySha'];
}

/** Limits of the exports (the QASM ones live with the emitter). */
export const EXPORT_LIMITS = {
  /** Entanglement dataset size (the paper's test set is 5000). */
  maxDatasetStates: 20_000,
  /**
   * Blocks per QASM file on the digits task: one 7-qubit block is ~16k Pauli rotations per
   * unitary (a few MB of text and seconds of compilation), so digits export one block at a time.
   */
  maxDigitsQasmBlocks: 1,
  ...QASM_LIMITS,
} as const;

export interface DatasetExportRequest {
  seed: number;
  n: number;
}

/** The state of layer k (0 = input) of the explorer's request, ρ^(k) of docs/math.md §2 in float64. */
function layerState(rho0: CMat, req: ExploreRequest, layer: number): CMat {
  const model = modelFromStack(req.stack);
  const K = model.blocks.length;
  if (!(Number.isInteger(layer) && layer >= 0 && layer <= K)) throw new FileFormatError('layer', `must be an integer in [0, ${K}], got ${layer}`);
  if (layer === 0) return rho0;
  // Only the blocks up to `layer` are needed; measures are skipped (eigen-problems).
  const upTo = { ...model, blocks: model.blocks.slice(0, layer) };
  return runForward(upTo, rho0, { measures: false }).layers[layer - 1].rho!;
}

export function createExportApi(deps: EngineApiDeps) {
  return {
    /**
     * The stack as OpenQASM 3 (src/core/io/qasmAccuracy.ts qasmWithClassCheck): each chosen
     * block's U± = Halmos(A±) compiled to order-`order` Trotter circuits with `steps` steps
     * ('auto': the smallest r whose class probabilities are within 1e-3 of the model's on the
     * stated test set), with the measured errors ‖U_r − U±‖₂ and, for the whole entanglement
     * stack, the class check. `blocks`: 0-based indices (all when absent; one at a time for digits).
     */
    exportQasm(stack: StackSpec, order: 1 | 2, steps: StepsRequest, blocks?: number[]): CheckedQasmExport {
      const model = modelFromStack(stack);
      const chosen = blocks ?? model.blocks.map((_, k) => k);
      if (stack.task === 'digits' && chosen.length > EXPORT_LIMITS.maxDigitsQasmBlocks)
        throw new FileFormatError('blocks', `the digits task exports one block at a time (7 qubits: ~16,000 rotations per unitary), got ${chosen.length}`);
      // A dataset of 5 or 6 qubits: blocks of 6 or 7 qubits, one at a time as digits.
      if (stack.dataset && stack.dataset.nQubits >= 5 && chosen.length > EXPORT_LIMITS.maxDigitsQasmBlocks)
        throw new FileFormatError(
          'blocks',
          `a ${stack.dataset.nQubits}-qubit model exports one block at a time (${stack.dataset.nQubits + 1} qubits a block), got ${chosen.length}`,
        );
      return qasmWithClassCheck(model, { order, steps, blocks: chosen });
    },

    /** hqrn-state JSON of layer `layer` (0 = the input) of the explorer's stack and input. */
    async exportStateJson(req: ExploreRequest, layer: number): Promise<Record<string, unknown>> {
      const { rho } = await inputFromSpec(req.input, deps, req.stack.dataset);
      return stateToJson(layerState(rho, req, layer));
    },

    /** hqrn-model JSON of the stack as the explorer runs it (seeded or trained weights, α, σ, readout). */
    exportModelJson(stack: StackSpec): Record<string, unknown> {
      const model = modelFromStack(stack);
      if (model.blocks.length === 0) throw new FileFormatError('blocks', 'the stack has no block (an hqrn-model needs at least one)');
      return modelToJson(model);
    },

    /**
     * The entanglement dataset (docs/math.md §7) as the CLI's `hqrn dataset entanglement` prints
     * it: an hqrn-state batch plus `labels` (1 = entangled, PPT) and `kinds`.
     */
    exportDatasetJson(req: DatasetExportRequest): Record<string, unknown> {
      if (!(Number.isInteger(req.seed) && req.seed >= 0)) throw new FileFormatError('seed', `must be an integer ≥ 0, got ${req.seed}`);
      if (!(Number.isInteger(req.n) && req.n >= 2 && req.n <= EXPORT_LIMITS.maxDatasetStates))
        throw new FileFormatError('n', `must be an integer in [2, ${EXPORT_LIMITS.maxDatasetStates}], got ${req.n}`);
      const ds = entanglementDataset({ seed: req.seed, n: req.n });
      return { ...stateToJson(ds.states), labels: ds.labels, kinds: ds.kinds };
    },
  };
}
