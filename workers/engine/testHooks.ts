/**
 * Test-only calls of the engine worker, kept out of its production API (EngineApi): the
 * worker entry (workers/engine.worker.ts) loads this module — a chunk of its own, never
 * fetched otherwise — only when its name carries `;testHooks`, which the page's client
 * (src/app/engine/engineClient.ts) adds under browser automation (navigator.webdriver: the
 * e2e specs and the browser benchmark). Node tests call createTestHooks() directly.
 *
 * This module imports nothing at run time: what it needs from the engine is passed in. A chunk
 * loaded by the worker that imports from the worker's entry chunk makes WebKit (2.50) evaluate
 * the entry a second time — a second tfjs-core and tfjs-backend-wasm whose kernel
 * registrations replace, in tfjs's global registry, the ones the wasm backend had set up, so
 * the next wasm kernel call fails with "r is not a function" (docs/browsers.md).
 * tests/workerChunks.test.ts checks the built worker for such imports.
 */

/** What the hooks call in the engine (workers/engine/backend.ts). */
export interface TestHookDeps {
  loseWebglContextForTesting(): boolean;
}

export function createTestHooks(deps: TestHookDeps) {
  return {
    /** Lose the WebGL context (false when not on webgl or impossible); the engine then falls back. */
    loseWebglContextForTesting(): boolean {
      return deps.loseWebglContextForTesting();
    },

    /**
     * Make this worker die. 'throw': an uncaught exception (the Worker's 'error' event fires on
     * the page); 'close': self.close() (the worker stops without a word). Both happen on the
     * next task, after this call answered.
     */
    crashForTesting(kind: 'throw' | 'close'): boolean {
      if (kind !== 'throw' && kind !== 'close') throw new Error(`crashForTesting: kind must be 'throw' or 'close', got ${JSON.stringify(kind)}`);
      setTimeout(() => {
        if (kind === 'close') (globalThis as unknown as { close(): void }).close();
        else throw new Error('simulated engine crash (crashForTesting)');
      }, 0);
      return true;
    },
  };
}

export type TestHooks = ReturnType<typeof createTestHooks>;
