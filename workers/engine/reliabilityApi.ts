/**
 * Issue 6: the engine's reliability calls (heartbeat, invariant checks, fault injection for
 * tests), spread into the API in api.ts. (Skeleton: filled in by the robustness task.)
 */
import type { EngineApiDeps } from './exportApi';

export function createReliabilityApi(_deps: EngineApiDeps) {
  return {
    /** Heartbeat: answers at once while the worker is alive. */
    ping(): number {
      return Date.now();
    },
  };
}
