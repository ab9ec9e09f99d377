/**
 * Issue 6: the engine's reliability calls (heartbeat, life lock, invariant checks), spread into
 * the API in api.ts. Fault injection for tests is in ../testHooks.ts, outside the API.
 */
import type { EngineApiDeps } from '../exportApi';
import { withBackend } from '../backend';
import { invariantCheck, type InvariantReport } from './invariants';

export type { InvariantReport };

export function createReliabilityApi(deps: EngineApiDeps) {
  return {
    /** Heartbeat: answers at once while the worker is alive (src/app/engine/engineClient.ts pings it). */
    ping(): number {
      return Date.now();
    },

    /**
     * Take the Web Lock `name` and keep it for the worker's whole life (true once held; false
     * where Web Locks are missing). The browser releases it when the worker ends, which is how
     * the page notices a dead worker at once (src/app/engine/engineClient.ts).
     */
    async holdLifeLock(name: string): Promise<boolean> {
      const locks = (globalThis.navigator as unknown as { locks?: { request(n: string, cb: () => Promise<void>): Promise<unknown> } } | undefined)?.locks;
      if (!locks || typeof name !== 'string' || name === '') return false;
      return new Promise<boolean>((resolve) => {
        locks
          .request(name, () => {
            resolve(true);
            return new Promise<void>(() => undefined); // never settles: held until the worker ends
          })
          .catch(() => resolve(false));
      });
    },

    /**
     * `nStates` seeded random states through random stacks on the current backend; every
     * returned state checked against HQRN.md §9 (workers/engine/diagnostics/invariants.ts).
     */
    async invariantCheck(nStates: number, seed = 1): Promise<InvariantReport> {
      return withBackend(() => invariantCheck(deps.engine, nStates, seed));
    },
  };
}
