/**
 * A guard on the engine worker's bundle: no chunk of a worker may import the worker's entry
 * chunk. The worker loads chunks of its own with import() (workers/engine/testHooks.ts); if
 * such a chunk imports something that Rolldown left in the entry chunk, WebKit (2.50) does not
 * find the worker's top-level module in its module map and evaluates the entry a second time:
 * a second tfjs-core and tfjs-backend-wasm, whose kernel registrations replace, in tfjs's
 * global kernel registry, the ones the wasm backend had set up — the next wasm kernel then
 * throws "r is not a function" (docs/browsers.md). Chromium and Firefox reuse the module.
 *
 * vite.config.ts runs workerChunkGuard() on every worker bundle, so such a build fails;
 * tests/workerChunks.test.ts checks the rule and the built worker.
 */

/**
 * The imports of a bundle's entry chunks by its other chunks.
 * @param {Record<string, { type: string; fileName: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>} bundle
 *   Rolldown's output bundle (generateBundle's second argument): file name → chunk or asset.
 * @returns {string[]} one line per offending import, "<chunk> imports the entry chunk <entry>"
 */
export function entryBackImports(bundle) {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
  const found = [];
  for (const c of chunks) {
    for (const f of [...(c.imports ?? []), ...(c.dynamicImports ?? [])]) {
      if (entries.has(f) && f !== c.fileName) found.push(`${c.fileName} imports the entry chunk ${f}`);
    }
  }
  return found;
}

/** The Vite plugin (worker.plugins): fails a worker build whose chunks import its entry. */
export function workerChunkGuard() {
  return {
    name: 'hqrn-worker-chunk-guard',
    generateBundle(_options, bundle) {
      const found = entryBackImports(bundle);
      if (found.length)
        this.error(
          `worker bundle: ${found.join('; ')}. WebKit would evaluate the worker's entry a second time (a second tfjs). Pass what the chunk needs as arguments instead of importing it (scripts/worker-chunks.mjs).`,
        );
    },
  };
}
