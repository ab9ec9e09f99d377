/**
 * Issue 5: the engine's export calls (OpenQASM 3 of a stack, model/state/dataset JSON), spread
 * into the API in api.ts. (Skeleton: filled in by the export task.)
 */
import type { DigitSet } from '../../src/core/digits';
import type { Engine } from './engine';

export interface EngineApiDeps {
  engine: Engine;
  loadDigits: () => Promise<DigitSet>;
}

export function createExportApi(_deps: EngineApiDeps) {
  return {};
}
