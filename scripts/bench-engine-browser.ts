/**
 * npm run bench:engine (Chromium part) — the engine inside its worker in headless Chromium
 * (same executable and flags as playwright.config.ts), per backend webgl, wasm, cpu, against
 * `vite preview` of the build; the float64 core is timed in the same worker on the same work.
 * Prints a table; not a test. engine.html (no explorer UI) exposes the worker's comlink remote
 * as window.__hqrnEngine.
 *
 *   tsx scripts/bench-engine-browser.ts [--no-build] [--gpu] [--backends webgl,wasm,cpu] [--cases ...] [--runs 5]
 *
 * --gpu (npm run bench:engine -- --gpu): Chromium without --disable-gpu and with the flags that
 * use a real GPU where one exists (GPU blocklist ignored, ANGLE on Vulkan, SwiftShader only as
 * the fallback); prints the WebGL renderer string, so the webgl rows can be read: on a machine
 * without a GPU it is SwiftShader (software) and the script says so.
 * The numpy peer (python3 ../shared/bench/numpy_peer.py) runs in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { launchOptions } from '../playwright.config';
import type { BackendInfo, BackendName } from '../src/protocol/messages';
import { type BenchRow, formatBenchTable, withNumpy } from '../workers/engine/diagnostics/benchTable';
import { describeNumpy, runNumpyPeer } from './numpy-peer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const PORT = 4183;
const backends = (arg('backends') ?? 'webgl,wasm,cpu').split(',') as BackendName[];
const cases = arg('cases')?.split(',');
const runs = Number(arg('runs') ?? 5);
const gpu = process.argv.includes('--gpu');
export const GPU_FLAGS = [
  '--ignore-gpu-blocklist',
  '--enable-gpu',
  '--use-gl=angle',
  '--use-angle=vulkan',
  '--enable-features=Vulkan',
  '--enable-unsafe-swiftshader',
];

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
const options = gpu
  ? { ...launchOptions, args: [...(launchOptions.args ?? []).filter((a) => a !== '--disable-gpu'), ...GPU_FLAGS, '--headless=new'] }
  : launchOptions;
const browser = await chromium.launch({ ...options, headless: true });
try {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[page] ${m.text()}`);
  });
  await page.goto(`${url}e2e/engine.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
  const version = browser.version();
  const renderer = await page.evaluate(() => {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return 'no WebGL2 context';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  });
  const software = /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  console.log(
    `WebGL renderer${gpu ? ' (--gpu)' : ''}: ${renderer}` +
      (software ? ' — software rendering (no GPU on this machine): the webgl rows measure a CPU rasteriser, not a graphics card' : ''),
  );
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
  const peer = runNumpyPeer();
  console.log(
    `\nHQRN engine in a module worker, headless Chromium ${version}${gpu ? ' (--gpu)' : ''}, WebGL: ${renderer}; core timed in the same worker; ${describeNumpy(peer)}`,
  );
  console.log(formatBenchTable(withNumpy(rows, peer.times).map((r) => ({ ...r, backend: `chromium ${r.backend}` as BenchRow['backend'] }))));
} finally {
  await browser.close();
  stopServer();
}
