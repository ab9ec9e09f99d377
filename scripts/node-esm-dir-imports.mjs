/**
 * Node ESM loader hook for the node benchmark: tfjs-core's ESM build (pulled in by
 * '@tensorflow/tfjs-core/dist/register_all_gradients', which workers/engine/train/gradients.ts
 * imports) uses extensionless relative imports ('./gradients' for gradients.js), which Node's ESM
 * resolver rejects but bundlers and Vitest accept. Retry them with '.js', then '/index.js'.
 * Use: node --import ./scripts/node-esm-dir-imports.mjs --import tsx scripts/bench-engine.ts
 */
import { register } from 'node:module';

if (!globalThis.__hqrnDirImportHook) {
  globalThis.__hqrnDirImportHook = true;
  register(
    'data:text/javascript,' +
      encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!relative || /\\.[cm]?js$/.test(specifier) || !e || (e.code !== 'ERR_UNSUPPORTED_DIR_IMPORT' && e.code !== 'ERR_MODULE_NOT_FOUND')) throw e;
    try {
      return await next(specifier + '.js', context);
    } catch {
      return next(specifier.replace(/\\/$/, '') + '/index.js', context);
    }
  }
}`),
  );
}
