/**
 * tfjs backend selection for the engine: webgl → wasm → cpu (or a requested one first).
 *
 * - webgl needs OffscreenCanvas (inside a worker), a successful setBackend('webgl'), float32
 *   render targets (float16 textures cannot meet docs/math.md §9's 1e-4) and a tiny test op that
 *   reads back the right number.
 * - wasm: single-threaded (WASM_HAS_MULTITHREAD_SUPPORT = false: the threaded build needs
 *   COOP/COEP and hangs without them). In the browser the .wasm binaries are served by the
 *   app itself: the worker entry passes their URLs (Vite `?url` imports) to
 *   configureWasmPaths() before selectBackend(). In node the package finds its own binaries
 *   next to its JS, so nothing needs configuring.
 * - cpu always works.
 * - In the automatic order a software-rendered WebGL (SwiftShader: headless Chromium without
 *   a GPU) is skipped for wasm, which is faster there; asking for webgl by name still gets it.
 *
 * Every backend tried and not used is recorded with the reason. A lost WebGL context
 * (webglcontextlost on the backend's canvas, or an error mentioning it) marks the backend as
 * lost; ensureBackend() (called before every engine call) then falls back to wasm/cpu and
 * records "WebGL context lost".
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import './forward/wasmMatMul';
import type { BackendInfo, BackendName } from '../../src/protocol/messages';

export type { BackendInfo, BackendName };

export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export type WasmPaths = Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;

/**
 * Test-only: a worker named `…;without=offscreencanvas` (src/app/engine/engineClient.ts
 * sets it from the page's `?engine-without=` parameter) removes its OffscreenCanvas global
 * before any backend is tried, so the selection below runs as in a browser without it.
 */
function simulateMissingFeatures(): void {
  const name = (globalThis as { name?: unknown }).name;
  if (typeof name !== 'string') return;
  const without = /;without=([\w,-]+)/.exec(name)?.[1].toLowerCase().split(',') ?? [];
  if (without.includes('offscreencanvas')) delete (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
}
simulateMissingFeatures();

let wasmPaths: WasmPaths | null = null;
let wasmPathsApplied = false;
let current: BackendInfo | null = null;
/** Set by the webglcontextlost listener (or a caught context error). */
let webglLost: string | null = null;
/** Reasons remembered across selections (a lost context stays lost). */
const sticky = new Map<BackendName, string>();

/** Where the wasm binaries are (browser: Vite `?url` imports). Call before selectBackend. */
export function configureWasmPaths(paths: WasmPaths): void {
  wasmPaths = paths;
  wasmPathsApplied = false;
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** A tiny op whose result we know: (1.5 + 2) · 2 summed over 4 entries = 28. */
async function testOp(): Promise<string | null> {
  const t = tf.tidy(() => tf.sum(tf.mul(tf.add(tf.fill([2, 2], 1.5), 2), 2)));
  try {
    const v = (await t.data())[0];
    return Math.abs(v - 28) < 1e-6 ? null : `test op returned ${v} instead of 28`;
  } finally {
    t.dispose();
  }
}

interface WebGLBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

function watchWebglContext(): void {
  const gl = (tf.backend() as unknown as WebGLBackendLike).gpgpu?.gl;
  const canvas = gl?.canvas as OffscreenCanvas | HTMLCanvasElement | undefined;
  if (!canvas || typeof canvas.addEventListener !== 'function') return;
  canvas.addEventListener('webglcontextlost', () => {
    webglLost = 'WebGL context lost';
  });
}

/**
 * The WebGL renderer's name when it is a software rasteriser (SwiftShader, llvmpipe, …), else
 * null. On such machines (headless Chromium, no GPU) wasm is several times faster and starts
 * in well under a second, while WebGL spends seconds compiling shaders.
 */
function softwareRenderer(): string | null {
  try {
    const gl = (tf.backend() as unknown as WebGLBackendLike).gpgpu?.gl;
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    const name = ext ? String(gl!.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
    return /swiftshader|llvmpipe|softpipe|software/i.test(name) ? name : null;
  } catch {
    return null;
  }
}

async function tryBackend(name: BackendName, automatic = false): Promise<string | null> {
  const s = sticky.get(name);
  if (s) return s;
  if (name === 'webgl' && typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') return 'no OffscreenCanvas';
  // tfjs-backend-webgl registers itself only in a browser-like environment.
  if (!tf.findBackendFactory(name)) return `backend '${name}' is not registered`;
  if (name === 'wasm') {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (wasmPaths && !wasmPathsApplied) {
      try {
        setWasmPaths(wasmPaths);
        wasmPathsApplied = true;
      } catch (e) {
        return `setWasmPaths failed: ${message(e)}`;
      }
    }
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    return `setBackend('${name}') threw: ${message(e)}`;
  }
  // tfjs answers false when it cannot create the backend: for webgl, no WebGL context (headless
  // Firefox and WebKitGTK without a GPU, a browser with WebGL turned off). Said in the user's terms.
  if (!ok) return name === 'webgl' ? 'this browser gives no WebGL context' : `this browser could not start the ${name} backend`;
  if (name === 'webgl') {
    if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) return 'WebGL cannot render to float32 textures (float16 is too coarse for 1e-4)';
    webglLost = null;
    const software = automatic ? softwareRenderer() : null;
    if (software) return `WebGL is software-rendered (${software}): wasm is faster here`;
    watchWebglContext();
  }
  try {
    const bad = await testOp();
    if (bad) return bad;
  } catch (e) {
    return `test op failed: ${message(e)}`;
  }
  if (name === 'webgl' && webglLost) return webglLost;
  return null;
}

/**
 * Pick a backend: `preferred` first when given, then webgl → wasm → cpu. Returns the backend
 * in use and the reason each earlier candidate was skipped.
 */
export function selectBackend(preferred?: BackendName): Promise<BackendInfo> {
  // One selection at a time: two interleaved runs (the page asking for backendInfo while the
  // first explore call selects) would switch tfjs's backend under each other's test ops.
  const run = selectionQueue.then(() => selectBackendNow(preferred));
  selectionQueue = run.catch(() => undefined);
  return run;
}

let selectionQueue: Promise<unknown> = Promise.resolve();

async function selectBackendNow(preferred?: BackendName): Promise<BackendInfo> {
  const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : [...BACKEND_ORDER];
  const fallbacks: BackendInfo['fallbacks'] = [];
  for (const name of order) {
    // Only the automatic order skips software WebGL; asking for webgl by name gets it.
    const reason = await tryBackend(name, name !== preferred);
    if (reason === null) {
      current = { backend: name, fallbacks };
      return info();
    }
    fallbacks.push({ backend: name, reason });
  }
  throw new Error(`no tfjs backend works: ${fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')}`);
}

/** The current backend and fallbacks (selecting the default order on first use). */
export function info(): BackendInfo {
  if (!current) throw new Error('selectBackend() has not run');
  return { backend: current.backend, fallbacks: current.fallbacks.map((f) => ({ ...f })) };
}

export function hasBackend(): boolean {
  return current !== null;
}

/**
 * Before every engine call: select a backend if none yet; if the WebGL context was lost,
 * move to the next backend and record why.
 */
export async function ensureBackend(): Promise<BackendInfo> {
  await selectionQueue;
  if (!current) return selectBackend();
  if (current.backend === 'webgl' && (webglLost || isContextLost())) {
    const reason = webglLost ?? 'WebGL context lost';
    sticky.set('webgl', reason);
    const before = current.fallbacks;
    const next = await selectBackend();
    current = { backend: next.backend, fallbacks: [...before.filter((f) => f.backend !== 'webgl'), ...next.fallbacks] };
  }
  return info();
}

function isContextLost(): boolean {
  try {
    const gl = (tf.backend() as unknown as WebGLBackendLike).gpgpu?.gl;
    return gl ? gl.isContextLost() : false;
  } catch {
    return false;
  }
}

/**
 * Run an engine call; if it fails on webgl with a lost context, fall back and retry once.
 */
export async function withBackend<T>(fn: () => Promise<T>): Promise<T> {
  await ensureBackend();
  try {
    return await fn();
  } catch (e) {
    if (current?.backend === 'webgl' && (isContextLost() || /context.*lost|lost.*context/i.test(message(e)))) {
      webglLost = 'WebGL context lost';
      await ensureBackend();
      return fn();
    }
    throw e;
  }
}

/** Test hook: lose the WebGL context through WEBGL_lose_context (true if it was possible). */
export function loseWebglContextForTesting(): boolean {
  if (current?.backend !== 'webgl') return false;
  const gl = (tf.backend() as unknown as WebGLBackendLike).gpgpu?.gl;
  const ext = gl?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  webglLost = 'WebGL context lost';
  return true;
}

export function memory(): { numTensors: number; numBytes: number; numDataBuffers: number; unreliable: boolean } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes, numDataBuffers: m.numDataBuffers, unreliable: !!m.unreliable };
}
