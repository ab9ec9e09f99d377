/**
 * npm run bench:engine (Chromium part) — the engine inside its worker in headless Chromium
 * (same executable and flags as playwright.config.ts), per backend webgl, wasm, cpu, against
 * `vite preview` of the build; the float64 core is timed in the same worker on the same work.
 * Prints a table; not a test. engine.html (no explorer UI) exposes the worker's comlink remote
 * as window.__hqrnEngine.
 *
 *   tsx scripts/bench-engine-browser.ts [--no-build] [--backends webgl,wasm,cpu] [--cases ...] [--runs 5]
 */
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { launchOptions } from '../playwright.config';
import type { BackendInfo, BackendName } from '../src/app/protocol';
import { type BenchRow, formatBenchTable } from '../workers/engine/benchTable';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const PORT = 4183;
const backends = (arg('backends') ?? 'webgl,wasm,cpu').split(',') as BackendName[];
const cases = arg('cases')?.split(',');
const runs = Number(arg('runs') ?? 5);

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
const stopServer = () => {
  try {
    if (server.pid) process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not come up at ${url}`);
}

const url = `http://127.0.0.1:${PORT}/`;
await waitForServer(url);
const browser = await chromium.launch({ ...launchOptions, headless: true });
try {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[page] ${m.text()}`);
  });
  await page.goto(`${url}e2e/engine.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
  const version = browser.version();
  const rows: BenchRow[] = [];
  for (const b of backends) {
    const out = (await page.evaluate(
      async ({ b, cases, runs }) => {
        const e = window.__hqrnEngine!;
        const info = await e.setBackend(b);
        if (info.backend !== b) return { info, rows: [] };
        return { info, rows: await e.bench({ cases: cases as never, runs }) };
      },
      { b, cases, runs },
    )) as { info: BackendInfo; rows: BenchRow[] };
    if (out.info.backend !== b) {
      console.log(`${b}: unavailable (${out.info.fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')})`);
      continue;
    }
    rows.push(...out.rows);
    for (const row of out.rows) if (row.note) console.error(`  [${b}] ${row.case}: ${row.note}`);
  }
  console.log(`\nHQRN engine in a module worker, headless Chromium ${version}; vs core = float64 core time (same worker) / engine time (> 1: engine faster)`);
  console.log(formatBenchTable(rows.map((r) => ({ ...r, backend: `chromium ${r.backend}` as BenchRow['backend'] }))));
} finally {
  await browser.close();
  stopServer();
}
