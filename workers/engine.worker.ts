/**
 * Engine worker: all physics runs here, never on the main thread. Thin comlink wrapper around
 * workers/engine/api.ts (the logic, importable by node tests); the client lives in
 * src/app/engine/engineClient.ts. This entry only provides what needs the browser: the URLs of the
 * wasm binaries (served by the app itself, via Vite `?url` imports) and the digit loader.
 */
import { expose } from 'comlink';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { decodeDigitsBinary } from '../src/core/states/digits';
import { createEngineApi } from './engine/api';
import { configureWasmPaths, loseWebglContextForTesting } from './engine/backend';

configureWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
});

/**
 * public/data/mnist-digits.bin sits at <app root>/data/. The worker runs from <root>/assets/
 * (build) or <root>/workers/ (dev server): one level up either way.
 */
async function loadDigits() {
  const url = new URL(['..', 'data', 'mnist-digits.bin'].join('/'), self.location.href);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`digits: GET ${url} failed with ${res.status}`);
  return decodeDigitsBinary(new Uint8Array(await res.arrayBuffer()));
}

const api = createEngineApi({ loadDigits });

/** The production API. */
export type EngineApi = typeof api;
/** The API with the test hooks (workers/engine/testHooks.ts), under browser automation only. */
export type EngineTestApi = EngineApi & import('./engine/testHooks').TestHooks;
export type { WernerMeasures } from './engine/api';

// comlink looks methods up at call time, so hooks added after expose() are callable. The hooks'
// chunk gets the engine's functions as arguments and never imports this entry back (WebKit
// would evaluate the entry a second time: a second tfjs, workers/engine/testHooks.ts).
expose(api);
if (/;testHooks(;|$)/.test(self.name)) void import('./engine/testHooks').then((m) => Object.assign(api, m.createTestHooks({ loseWebglContextForTesting })));
