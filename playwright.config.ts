import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// E2E_PORT / E2E_OUT_DIR let two runs share a machine (each builds and serves its own copy,
// and keeps its results in its own folder).
export const PORT = Number(process.env.E2E_PORT ?? 4173);
/** Where the suite's build goes (e2e/offline.spec.ts serves it a second time, on its own). */
export const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const RESULTS_DIR = process.env.E2E_OUT_DIR ? `test-results/${basename(OUT_DIR)}` : 'test-results';
// The suite serves the app from a sub-path, as a static host may (GitHub Pages: /<repo>/), so
// an absolute URL anywhere in the app breaks it. Specs open pages with relative URLs ('./').
export const PREFIX = `/${(process.env.E2E_PREFIX ?? 'hqrn/sub/path').split('/').filter(Boolean).join('/')}/`.replace('//', '/');
const baseURL = `http://127.0.0.1:${PORT}${PREFIX}`;

// Debian's Chromium when present (CI installs it with apt-get); otherwise
// Playwright's own browser (`npx playwright install chromium`). Exported for
// scripts/bench-engine-browser.ts, which launches the same browser the same way.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--disable-gpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }
  : {};

export default defineConfig({
  testDir: 'e2e',
  outputDir: RESULTS_DIR,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // The offline cache (public/sw.js) stays out of every spec but e2e/offline.spec.ts: a
    // page answered from a cache would hide what the others test, and its install download
    // would compete with their timings.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    // Test the built static app, served from the sub-path by a plain static server that also
    // gives the worker its CSP header (scripts/serve-static.mjs, scripts/csp.mjs).
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && node scripts/serve-static.mjs --dir ${OUT_DIR} --port ${PORT} --host 127.0.0.1 --prefix ${PREFIX} --quiet`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
