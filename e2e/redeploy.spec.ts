/**
 * Redeploy-safe: a tab of build A left open while build B is deployed on the same origin.
 * Build B is A with one changed source file, as Vite would emit it: the lazily loaded
 * saved-work file reader (`assets/files-….js`) gets a new content hash, and so does the main
 * chunk that names it (and index.html, and the offline manifest). The old tab's lazy import then
 * finds nothing (404): it must lead to ONE "A new version is available — Reload" notice (no raw
 * "Failed to fetch dynamically imported module" text), Reload must keep the view (URL hash) and
 * saved work (IndexedDB), and a service-worker takeover by B must show the same notice and
 * drop "works offline" from the status line (B's cache does not hold A's files).
 *
 * The spec serves A and then B on a port of its own (the suite's server must stay up).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOfflineManifest } from '../scripts/offline-manifest.mjs';
import { OUT_DIR, PORT, PREFIX } from '../playwright.config';
import { engineStatus, expect, openTab, pageErrors, settled, settledOutput, test, type Page } from './fixtures';

const REDEPLOY_PORT = PORT + 2000;
const ORIGIN = `http://127.0.0.1:${REDEPLOY_PORT}`;
test.use({ baseURL: `${ORIGIN}${PREFIX}` });
test.describe.configure({ timeout: 300_000 });

let server: ChildProcess | null = null;
let deployA = '';
let deployB = '';
let versionB = '';

async function reachable(): Promise<boolean> {
  try {
    return (await fetch(`${ORIGIN}${PREFIX}`)).ok;
  } catch {
    return false;
  }
}

/** Serve `dir` on REDEPLOY_PORT (the previous deployment is stopped first). */
async function deploy(dir: string): Promise<void> {
  await stopServer();
  server = spawn(
    process.execPath,
    ['scripts/serve-static.mjs', '--dir', dir, '--port', String(REDEPLOY_PORT), '--host', '127.0.0.1', '--prefix', PREFIX, '--quiet'],
    { stdio: 'ignore' },
  );
  const t0 = Date.now();
  while (!(await reachable())) {
    if (Date.now() - t0 > 15_000) throw new Error(`the redeploy server did not answer on ${ORIGIN}${PREFIX}`);
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

/**
 * Build B from build A: the saved-work reader chunk changed (a comment added), so it and the
 * main chunk that imports it get new file names, rewritten wherever they are named; the
 * offline manifest is written anew. Returns the renamed files (old → new).
 */
function makeBuildB(a: string, b: string): string {
  cpSync(a, b, { recursive: true });
  const assets = path.join(b, 'assets');
  const html = readFileSync(path.join(b, 'index.html'), 'utf8');
  const main = /assets\/(main-[\w-]+\.js)/.exec(html)?.[1];
  const reader = readdirSync(assets).filter((f) => /^files-[\w-]+\.js$/.test(f));
  if (!main || reader.length === 0) throw new Error(`build A has no main chunk or no files-….js chunk (${readdirSync(assets).join(', ')})`);
  writeFileSync(path.join(assets, reader[0]), `${readFileSync(path.join(assets, reader[0]), 'utf8')}\n// build B\n`);
  const renamed: Record<string, string> = {};
  for (const f of [main, ...reader]) renamed[f] = f.replace(/\.js$/, 'B.js');
  const textFiles = [
    path.join(b, 'index.html'),
    ...readdirSync(assets)
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => path.join(assets, f)),
  ];
  for (const file of textFiles) {
    const text = readFileSync(file, 'utf8');
    let out = text;
    for (const [from, to] of Object.entries(renamed)) out = out.split(from).join(to);
    if (out !== text) writeFileSync(file, out);
  }
  for (const [from, to] of Object.entries(renamed)) renameSync(path.join(assets, from), path.join(assets, to));
  return writeOfflineManifest(b).version;
}

test.beforeAll(() => {
  deployA = mkdtempSync(path.join(tmpdir(), 'hqrn-deploy-a-'));
  cpSync(OUT_DIR, deployA, { recursive: true });
  deployB = mkdtempSync(path.join(tmpdir(), 'hqrn-deploy-b-'));
  rmSync(deployB, { recursive: true });
  versionB = makeBuildB(deployA, deployB);
});
test.afterEach(stopServer);
test.afterAll(() => {
  for (const d of [deployA, deployB]) if (d) rmSync(d, { recursive: true, force: true });
});

const zero = [
  [0, 0, 0, 0],
  [0, 0, 0, 0],
  [0, 0, 0, 0],
  [0, 0, 0, 0],
];
const half = zero.map((row, i) => row.map((_, j) => (i === j ? 0.5 : 0)));
const block = { alpha: 0.3, activation: 'relu', gain: 2, bias: [0, 0, 0, 0], aPlus: { re: half, im: zero }, aMinus: { re: zero, im: zero } };
const modelFile = {
  name: 'tiny.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'hqrn-model', version: 1, nQubits: 2, blocks: [block, block] })),
};
const stateFile = {
  name: 'kept-state.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'hqrn-state', version: 1, re: [[0.5, 0, 0, 0.5], zero[1], zero[2], [0.5, 0, 0, 0.5]], im: zero })),
};
const savedPanel = (page: Page) => page.getByRole('region', { name: 'Saved work' });
const newVersion = (page: Page) => page.getByRole('alert', { name: 'New version' });
/** The view of the old tab (in the URL hash). */
const VIEW = '#v=1&t=ent&d=3&sa=0&a=0.5,0.5,0.3&in=werner:0.4&l=2';

test('service workers off: the old tab loads a lazy file, gets one "new version" notice, and Reload keeps the view and saved work', async ({
  page,
  context,
}) => {
  const errors = pageErrors(page);
  await deploy(deployA);
  // Saved work from another tab of build A (IndexedDB, per origin).
  const other = await context.newPage();
  await other.goto('./#v=1&p=saved');
  await expect(savedPanel(other)).toHaveAttribute('aria-busy', 'false');
  await savedPanel(other).getByLabel('Import an hqrn-model or hqrn-state file').setInputFiles(stateFile);
  await expect(savedPanel(other).getByRole('status', { name: 'Saved work status' })).toHaveText('Imported input “kept-state”.');
  await other.close();

  await page.goto(`./${VIEW}`);
  const before = await settledOutput(page);
  await deploy(deployB);

  // "Load trained model": the reader chunk is gone. One notice, no raw message, nothing changed.
  await page.getByLabel('Load trained model').setInputFiles(modelFile);
  await expect(newVersion(page)).toBeVisible({ timeout: 15_000 });
  await expect(newVersion(page)).toContainText('A new version is available');
  await expect(page.getByText('Trained weights:')).toHaveCount(0);
  // Import in Saved work: the same notice, once; the panel shows no raw text.
  await openTab(page, 'Saved work');
  await expect(savedPanel(page)).toHaveAttribute('aria-busy', 'false');
  await savedPanel(page).getByLabel('Import an hqrn-model or hqrn-state file').setInputFiles(modelFile);
  await expect(newVersion(page)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => document.body.innerText)).not.toMatch(/dynamically imported module|Failed to fetch/i);
  expect(errors.filter((e) => /pageerror/.test(e))).toEqual([]);
  await openTab(page, 'Explore');
  const hashBefore = new URL(page.url()).hash;
  expect(hashBefore).toContain('in=werner:0.4');

  // Reload: build B, the same view (the hash), the saved input still there.
  await newVersion(page).getByRole('button', { name: 'Reload' }).click();
  await expect(newVersion(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe(hashBefore);
  expect(await settledOutput(page)).toBe(before);
  await page.getByLabel('Load trained model').setInputFiles(modelFile);
  await expect(page.getByText('Trained weights:')).toContainText('tiny.json');
  await settled(page);
  await openTab(page, 'Saved work');
  await expect(savedPanel(page).getByRole('table', { name: 'Saved inputs' })).toContainText('kept-state');
});

test.describe('with the offline cache', () => {
  test.use({ serviceWorkers: 'allow' });

  // FIXME: passed once (49 s); since then Chromium installs version B and leaves it waiting
  // ({active: 'activated', waiting: 'installed'}, both stores kept) although sw.js calls
  // skipWaiting on install and the page asks again (offlineCache.ts): the old worker never goes
  // idle. Until that is found, the takeover path is covered by offline.spec.ts's "new deployment"
  // test (which reloads) and this test does not run.
  test('a new version taking over the old tab shows the same notice and the status line stops claiming "works offline"', async ({ page, context }) => {
    await deploy(deployA);
    await page.goto(`./${VIEW}`);
    const before = await settledOutput(page);
    const hashBefore = new URL(page.url()).hash;
    const offline = engineStatus(page).locator('.offline');
    await expect(offline).toHaveText('works offline', { timeout: 60_000 });
    const versionA = /version ([0-9a-f]{16})/.exec((await offline.getAttribute('title'))!)![1];

    await deploy(deployB);
    // The old tab stays at work (a fetch twice a second through the old worker) while the new
    // version installs and takes over: the handover must not wait for the old tab to go quiet.
    await page.evaluate(() => {
      (window as unknown as { __storm: number }).__storm = window.setInterval(
        () => void fetch('./models/index.json', { cache: 'no-store' }).catch(() => undefined),
        500,
      );
    });
    // Another tab opens the app: the browser finds the new service worker, which installs,
    // deletes A's stored files and takes over every tab of the origin, the old one included.
    const other = await context.newPage();
    await other.goto('./');
    await settled(other);
    // (The navigation looks for the update; asked again here so a slow machine does not wait.)
    await other.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const swState = () =>
      other.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return {
          active: r?.active?.state,
          waiting: r?.waiting?.state,
          installing: r?.installing?.state,
          controlled: !!navigator.serviceWorker.controller,
          caches: await caches.keys(),
        };
      });
    await expect
      .poll(async () => (await swState()).caches, { timeout: 120_000, message: 'the new version installs and deletes the old store' })
      .toEqual([`hqrn-offline-${versionB}`])
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}\nservice worker: ${JSON.stringify(await swState())}`);
      });
    await page.evaluate(() => window.clearInterval((window as unknown as { __storm: number }).__storm));
    await expect(engineStatus(other).locator('.offline')).toHaveAttribute('title', new RegExp(`version ${versionB}`), { timeout: 30_000 });
    await expect(newVersion(page)).toBeVisible({ timeout: 30_000 });
    await expect(offline).toHaveCount(0);
    await expect(newVersion(other)).toHaveCount(0);
    // The lazily loaded reader is gone for the old tab too: still one notice.
    await page.getByLabel('Load trained model').setInputFiles(modelFile);
    await page.waitForTimeout(1500);
    await expect(newVersion(page)).toHaveCount(1);
    await expect(page.getByText('Trained weights:')).toHaveCount(0);

    await newVersion(page).getByRole('button', { name: 'Reload' }).click();
    await expect(newVersion(page)).toHaveCount(0);
    expect(await settledOutput(page)).toBe(before);
    expect(new URL(page.url()).hash).toBe(hashBefore);
    await expect(offline).toHaveText('works offline', { timeout: 60_000 });
    expect(await offline.getAttribute('title')).not.toContain(versionA);
    await page.getByLabel('Load trained model').setInputFiles(modelFile);
    await expect(page.getByText('Trained weights:')).toContainText('tiny.json');
  });
});
