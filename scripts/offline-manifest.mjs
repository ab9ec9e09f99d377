/**
 * The offline cache's manifest: which built files the service worker (public/sw.js) stores
 * when it installs, and a version that changes whenever any of them changes.
 *
 * vite.config.ts calls writeOfflineManifest(outDir) after each build; it writes
 * `sw-manifest.js`, which sw.js loads with importScripts. The browser re-checks imported
 * scripts byte for byte when it looks for a service-worker update, so a new build (new
 * version) installs a new cache and drops the old one.
 *
 * Left out of the install:
 * - `data/` (the MNIST digits, 7.8 MB): stored the first time the digits task loads them,
 *   so a visitor who never opens that task does not download them;
 * - the threaded wasm build (never loaded: threads are off, see workers/engine/backend.ts);
 * - `e2e/` (the engine-only test page), the worker itself and the manifest, `.nojekyll`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { WORKER_CSP } from './csp.mjs';

export const MANIFEST_FILE = 'sw-manifest.js';

/** Relative paths (with '/') of the files the install stores, from all files of the build. */
export function precacheFiles(allFiles) {
  return allFiles
    .filter((f) => !f.startsWith('data/') && !f.startsWith('e2e/') && !/(^|\/)\./.test(f) && !/threaded/.test(f) && f !== 'sw.js' && f !== MANIFEST_FILE)
    .sort();
}

/** Every file under dir, as paths relative to it with '/' separators. */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * { version, files, workerCsp }: files as precacheFiles; workerCsp the engine worker's policy
 * (scripts/csp.mjs), which sw.js adds to the worker script's response when the host sent none;
 * version = the first 16 hex digits of SHA-256 over the policy and each stored file's path and
 * content (and the path and size of every runtime-cached data file).
 */
export function buildOfflineManifest(outDir) {
  const all = listFiles(outDir);
  const files = precacheFiles(all);
  const hash = createHash('sha256');
  hash.update(`${WORKER_CSP}\0`);
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(outDir, f)));
  }
  for (const f of all.filter((f) => f.startsWith('data/')).sort()) hash.update(`${f}\0${statSync(join(outDir, f)).size}\0`);
  return { version: hash.digest('hex').slice(0, 16), files, workerCsp: WORKER_CSP };
}

/** Writes outDir/sw-manifest.js (for sw.js's importScripts) and returns the manifest. */
export function writeOfflineManifest(outDir) {
  const manifest = buildOfflineManifest(outDir);
  writeFileSync(
    join(outDir, MANIFEST_FILE),
    `// Written by scripts/offline-manifest.mjs at build time: what public/sw.js stores on install.\nself.HQRN_OFFLINE = ${JSON.stringify(manifest)};\n`,
  );
  return manifest;
}
