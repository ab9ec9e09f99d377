/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PAGE_CSP } from './scripts/csp.mjs';
import { writeOfflineManifest } from './scripts/offline-manifest.mjs';
import { workerChunkGuard } from './scripts/worker-chunks.mjs';

/** The placeholder <meta> in every HTML entry (index.html, e2e/engine.html). */
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="%HQRN_CSP%" \/>\n?\s*/;

/**
 * Fills each page's Content-Security-Policy <meta> with PAGE_CSP (scripts/csp.mjs) at build,
 * and fails the build if a page lacks it. The dev server drops the tag instead: it injects
 * inline scripts (React Refresh) and inline styles that the strict policy rightly blocks.
 */
function contentSecurityPolicy(): Plugin {
  let building = false;
  return {
    name: 'hqrn-content-security-policy',
    configResolved(config) {
      building = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!CSP_META.test(html)) throw new Error(`${ctx.path}: no <meta http-equiv="Content-Security-Policy" content="%HQRN_CSP%" /> to fill`);
        return building ? html.replace(CSP_META, (tag) => tag.replace('%HQRN_CSP%', PAGE_CSP)) : html.replace(CSP_META, '');
      },
    },
  };
}

/**
 * After a build, writes dist/sw-manifest.js: the files the offline cache (public/sw.js) stores
 * when it installs, and their version (scripts/offline-manifest.mjs).
 */
function offlineManifest(): Plugin {
  let outDir = '';
  let building = false;
  let failed = false;
  return {
    name: 'hqrn-offline-manifest',
    configResolved(config) {
      building = config.command === 'build';
      outDir = resolve(config.root, config.build.outDir);
    },
    buildEnd(error) {
      failed = !!error;
    },
    closeBundle() {
      // After a failed build there is nothing to list (and the build's own error must show).
      if (building && !failed) writeOfflineManifest(outDir);
    },
  };
}

/**
 * The app's name, version (package.json) and short commit (`git rev-parse --short HEAD`;
 * "unknown" outside a git checkout), injected at build as __APP_NAME__ / __APP_VERSION__ /
 * __APP_COMMIT__: the About dialog and every exported run card (src/app/about.ts) show them.
 */
function appDefines(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  let commit = 'unknown';
  try {
    commit =
      execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
        .toString()
        .trim() || 'unknown';
  } catch {
    /* not a git checkout */
  }
  return { __APP_NAME__: JSON.stringify(pkg.name), __APP_VERSION__: JSON.stringify(pkg.version), __APP_COMMIT__: JSON.stringify(commit) };
}

export default defineConfig({
  define: appDefines(),
  // Relative asset URLs so dist/ works from any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy(), offlineManifest()],
  worker: {
    format: 'es',
    // No worker chunk may import the worker's entry chunk (WebKit evaluates it twice).
    plugins: () => [workerChunkGuard()],
  },
  build: {
    // No modulepreload polyfill: every browser that runs module workers supports
    // <link rel="modulepreload">, and the polyfill is code we would otherwise ship.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // engine.html: the engine worker without the UI (e2e engine specs, bench:engine).
      input: { main: 'index.html', engine: 'e2e/engine.html' },
    },
  },
  optimizeDeps: {
    // The engine worker's dependencies: pre-bundle them up front, otherwise the
    // dev server discovers them on first load and reloads the page.
    include: [
      'comlink',
      'ml-matrix',
      'pure-rand',
      'zod',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'workers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
