/**
 * Engine worker: all physics runs here, never on the main thread.
 * Exposed with comlink; the client lives in src/app/engineClient.ts.
 */
import { expose } from 'comlink';
import { werner } from '../src/core/states';
import { stateMeasures } from '../src/core/measures';

export interface WernerMeasures {
  p: number;
  concurrence: number;
  negativity: number;
  /** true = PPT (positive partial transpose), i.e. separable for two qubits. */
  ppt: boolean;
}

const api = {
  /** Measures of the Werner state p|Φ+⟩⟨Φ+| + (1−p)I/4. */
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
};

export type EngineApi = typeof api;

expose(api);
