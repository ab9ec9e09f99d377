/**
 * Offline (docs/publishing.md): after one visit, the built app reloads and
 * computes with its server gone. The spec serves the suite's build a second time on a port
 * of its own (the suite's server must stay up for the other specs), lets the offline cache
 * (public/sw.js) install, opens the digits task once (its data is stored on first use), stops
 * that server, and reloads: same view, same numbers, digits included.
 *
 * Another serves a second deployment (one stored file changed) and sees it replace the first.
 * Another serves the build the way GitHub Pages does, without response headers: the
 * engine worker has no CSP on the first visit, and the strict worker policy from the second
 * on (the offline cache adds it to the worker script's response).
 *
 * The other specs run with service workers blocked (playwright.config.ts); this one allows
 * them. The origin and CSP guard of e2e/fixtures.ts watches this server's origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOfflineManifest } from '../scripts/offline-manifest.mjs';
import { OUT_DIR, PORT, PREFIX } from '../playwright.config';
import type { Worker } from '@playwright/test';
import { engineStatus, expect, settledOutput, test, type Page } from './fixtures';

const OFFLINE_PORT = PORT + 1000;
const ORIGIN = `http://127.0.0.1:${OFFLINE_PORT}`;

test.use({ baseURL: `${ORIGIN}${PREFIX}`, serviceWorkers: 'allow' });
test.describe.configure({ timeout: 180_000 });

let server: ChildProcess | null = null;

async function reachable(): Promise<boolean> {
  try {
    return (await fetch(`${ORIGIN}${PREFIX}`)).ok;
  } catch {
    return false;
  }
}

async function startServer(...extraArgs: string[]): Promise<void> {
  await startServerOf(OUT_DIR, ...extraArgs);
}

async function startServerOf(dir: string, ...extraArgs: string[]): Promise<void> {
  server = spawn(
    process.execPath,
    ['scripts/serve-static.mjs', '--dir', dir, '--port', String(OFFLINE_PORT), '--host', '127.0.0.1', '--prefix', PREFIX, '--quiet', ...extraArgs],
    {
      stdio: 'ignore',
    },
  );
  const t0 = Date.now();
  while (!(await reachable())) {
    if (Date.now() - t0 > 15_000) throw new Error(`the second static server did not answer on ${ORIGIN}${PREFIX}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(): Promise<void> {
  const s = server;
  server = null;
  if (!s || s.exitCode !== null) return;
  const exited = new Promise((r) => s.once('exit', r));
  s.kill('SIGTERM');
  await exited;
}

test.afterEach(stopServer);

const digitsRadio = (page: Page) => page.getByRole('radio', { name: 'Digits (6 qubits)' });
const twoQubitRadio = (page: Page) => page.getByRole('radio', { name: /^Two qubits/ });

test('after one visit the app reloads and computes with its server gone, the digits task included', async ({ page, context }) => {
  await startServer();
  await page.goto('./#v=1'); // the seeded stack: a task round trip below must give the same numbers
  const twoQubits = await settledOutput(page);
  // The cache installed and serves this page (the status line says so once the worker answers).
  const offline = engineStatus(page).locator('.offline');
  await expect(offline).toHaveText('works offline', { timeout: 60_000 });
  await expect(offline).toHaveAttribute('title', /version [0-9a-f]{16}, \d+ files/);

  // The digits data is stored the first time the task loads it.
  await digitsRadio(page).check();
  const digits = await settledOutput(page);
  await twoQubitRadio(page).check();
  expect(await settledOutput(page)).toBe(twoQubits);

  await stopServer();
  expect(await reachable(), 'the server is gone').toBe(false);

  await page.reload();
  expect(await settledOutput(page)).toBe(twoQubits);
  await expect(engineStatus(page)).toContainText(/Computing on (webgl|wasm|cpu)/);
  await expect(offline).toHaveText('works offline');
  await digitsRadio(page).check();
  expect(await settledOutput(page)).toBe(digits);

  // A new tab of the same browser opens the app too, and a bundled model still loads by name.
  const other = await context.newPage();
  await other.goto('./#v=1&model=entanglement-quantum');
  await expect.poll(() => other.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(other);
  await expect(other.getByRole('alert')).toHaveCount(0);
});

/** The page's engine worker (waits for it). */
async function engineWorker(page: Page): Promise<Worker> {
  const find = () => page.workers().find((w) => /engine\.worker/.test(w.url()));
  await expect.poll(() => find() !== undefined, { timeout: 30_000 }).toBe(true);
  return find()!;
}

/**
 * Does the worker's policy allow eval? Code that Playwright evaluates is exempt from CSP, so the
 * probe runs in a timer task of the worker's own. (A blocked eval may raise a CSP violation,
 * acknowledged by the caller.)
 */
const evalInWorker = (worker: Worker) =>
  worker.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            resolve(new Function('return "eval allowed"')() as string);
          } catch (e) {
            resolve(`eval blocked: ${(e as Error).name}`);
          }
        }, 0),
      ),
  );

test('on a host without headers (GitHub Pages), the offline cache gives the engine worker its strict CSP from the second visit', async ({
  page,
  originGuard,
}) => {
  await startServer('--no-worker-csp');
  await page.goto('./');
  const first = await settledOutput(page);
  const backend = await engineStatus(page).locator('.backend strong').textContent();
  // First visit: the worker script came straight from the host, with no policy at all.
  expect(await evalInWorker(await engineWorker(page))).toBe('eval allowed');
  await expect(engineStatus(page).locator('.offline')).toHaveText('works offline', { timeout: 60_000 });

  await page.reload();
  expect(await settledOutput(page)).toBe(first);
  // The same backend as before: the policy keeps 'wasm-unsafe-eval' for tfjs's wasm backend.
  await expect(engineStatus(page).locator('.backend strong')).toHaveText(backend!);
  expect(await evalInWorker(await engineWorker(page))).toBe('eval blocked: EvalError');
  // The blocked eval is reported as a violation in the worker (by the guard's listener):
  // expected here, and the only one.
  await expect.poll(() => originGuard.pending().cspViolations.length).toBeGreaterThan(0);
  const seen = originGuard.acknowledge();
  expect(seen.foreignRequests).toEqual([]);
  expect(seen.cspViolations).toEqual([expect.stringMatching(/^worker event: script-src blocked eval in .*engine\.worker/)]);
});

test('a new deployment replaces the stored app: the next visit is served by the new version, and the old store is deleted', async ({ page }) => {
  // Deployment B: the same build with one stored file changed (models/index.json, reformatted),
  // and its manifest written anew, as the build does.
  const deployB = mkdtempSync(path.join(tmpdir(), 'hqrn-deploy-b-'));
  try {
    cpSync(OUT_DIR, deployB, { recursive: true });
    const index = path.join(deployB, 'models', 'index.json');
    writeFileSync(index, JSON.stringify(JSON.parse(readFileSync(index, 'utf8'))));
    const versionB = writeOfflineManifest(deployB).version;

    await startServer();
    await page.goto('./');
    const before = await settledOutput(page);
    const offline = engineStatus(page).locator('.offline');
    await expect(offline).toHaveText('works offline', { timeout: 60_000 });
    const versionA = /version ([0-9a-f]{16})/.exec((await offline.getAttribute('title'))!)![1];
    expect(versionA).not.toBe(versionB);

    await stopServer();
    await startServerOf(deployB);
    // The reload checks for a new service worker (sw-manifest.js changed); it installs, takes
    // over the page and answers with its version.
    await page.reload();
    expect(await settledOutput(page)).toBe(before);
    await expect(offline).toHaveAttribute('title', new RegExp(`version ${versionB}`), { timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`hqrn-offline-${versionB}`]);
  } finally {
    await stopServer();
    rmSync(deployB, { recursive: true, force: true });
  }
});
