/**
 * npm run bench:explorer — the explorer's edit-to-paint latency in a real Chromium (prints a
 * table; not a test).
 *
 * Builds the app into a temporary directory, serves it with `vite preview`, and in Chromium
 * (Debian's /usr/bin/chromium when present, --disable-gpu --no-sandbox) measures, per case:
 * - latency: from an `input` event on the "Global α" slider to the next paint with every view
 *   updated (LayerChain, EvolutionPanel, Readouts, MetricsPanel and ComparePanel carry `data-request-id` = the
 *   drawn result's requestId; done = all of them equal the store's newest requestId, then the
 *   next animation frame + one task, i.e. after that frame's paint). 50 edits, one at a time;
 *   median, p90 and max.
 * - a drag: 60 input events one animation frame apart, without waiting (the recompute loop
 *   collapses them), then until the last edit is painted; main-thread long tasks (> 50 ms,
 *   PerformanceObserver 'longtask') are counted during the 50 edits and during the drag.
 * Cases: two qubits at depth 20 (goal ≤ 16 ms) and digits at depth 10 (goal ≤ 50 ms).
 *
 * Options: --no-build (serve the existing build in the temp dir), --edits N, --port P.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const EDITS = opt('--edits', 50);
const PORT = opt('--port', 4188);
const OUT = join(tmpdir(), 'hqrn-bench-explorer-dist');
const URL_ = `http://127.0.0.1:${PORT}/`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not come up at ${url}`);
}

/** In-page helpers: settle detection, one timed edit, a drag, the long-task log. */
const PAGE_HELPERS = () => {
  const w = window as unknown as Record<string, unknown> & Window;
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* longtask unsupported */
  }
  const store = () => w.__hqrnStore!.getState();
  const drawnEverywhere = (id: number) => {
    const roots = document.querySelectorAll('section[data-request-id]');
    if (roots.length < 4) return false;
    for (const r of roots) if (r.getAttribute('data-request-id') !== String(id)) return false;
    return true;
  };
  /** Resolves after the paint of the frame in which every view shows the newest request. */
  const afterPaintWhenDrawn = () =>
    new Promise<number>((resolve) => {
      const check = () => {
        const s = store();
        if (s.result?.requestId === s.requestId && drawnEverywhere(s.requestId)) {
          obs.disconnect();
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(0);
          });
          return true;
        }
        return false;
      };
      const obs = new MutationObserver(() => void check());
      obs.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-request-id'] });
      check();
    });
  const slider = () => {
    for (const l of document.querySelectorAll('label')) {
      if (l.textContent?.trim() === 'Global α' && l.htmlFor) {
        const el = document.getElementById(l.htmlFor);
        if (el instanceof HTMLInputElement && !el.disabled) return el;
      }
    }
    return null;
  };
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const edit = (alpha: number) => {
    const el = slider();
    if (el) {
      setValue.call(el, alpha.toFixed(2));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    } else store().setGlobalAlpha(alpha);
  };
  w.__bench = {
    longTasks,
    hasSlider: () => slider() !== null,
    settle: () => afterPaintWhenDrawn(),
    async timedEdit(alpha: number) {
      const t0 = performance.now();
      edit(alpha);
      const t1 = await afterPaintWhenDrawn();
      return { ms: t1 - t0, engineMs: store().result?.ms ?? NaN };
    },
    async drag(steps: number) {
      const t0 = performance.now();
      for (let k = 0; k < steps; k++) {
        edit(0.2 + (0.6 * k) / steps);
        await new Promise((r) => requestAnimationFrame(r));
      }
      const tEnd = performance.now();
      const t1 = await afterPaintWhenDrawn();
      return { dragMs: tEnd - t0, settleMs: t1 - tEnd, t0, t1 };
    },
  };
};

interface Bench {
  longTasks: { start: number; duration: number }[];
  hasSlider(): boolean;
  settle(): Promise<number>;
  timedEdit(alpha: number): Promise<{ ms: number; engineMs: number }>;
  drag(steps: number): Promise<{ dragMs: number; settleMs: number; t0: number; t1: number }>;
}
declare global {
  interface Window {
    __bench?: Bench;
  }
}

async function runCase(page: Page, name: string, task: 'entanglement' | 'digits', depth: number, goal: number) {
  await page.evaluate(
    async ({ task, depth }) => {
      const s = window.__hqrnStore!.getState();
      if (s.stack.task !== task) s.setTask(task);
      window.__hqrnStore!.getState().setSameAlpha(true);
      window.__hqrnStore!.getState().setDepth(depth);
      await window.__bench!.settle();
    },
    { task, depth },
  );
  const hasSlider = await page.evaluate(() => window.__bench!.hasSlider());
  // Warm-up edits (JIT, shader compilation, first-use allocations).
  for (let k = 0; k < 5; k++) await page.evaluate((a) => window.__bench!.timedEdit(a), 0.2 + k * 0.01);
  const lt0 = await page.evaluate(() => window.__bench!.longTasks.length);
  const ms: number[] = [];
  const engine: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    // Consecutive values differ (0.30, 0.31, …), so every edit is a real change.
    const r = await page.evaluate((a) => window.__bench!.timedEdit(a), 0.3 + 0.01 * (k % 60));
    ms.push(r.ms);
    engine.push(r.engineMs);
  }
  const lt1 = await page.evaluate(() => window.__bench!.longTasks.length);
  const drag = await page.evaluate(() => window.__bench!.drag(60));
  const dragLong = await page.evaluate(({ t0, t1 }) => window.__bench!.longTasks.filter((t) => t.start >= t0 && t.start <= t1), { t0: drag.t0, t1: drag.t1 });
  const backend = await page.evaluate(() => {
    const r = window.__hqrnStore!.getState().result;
    return r ? `${r.backend} (${r.computedBy ?? 'tfjs'})` : '?';
  });
  return {
    case: name,
    backend,
    input: hasSlider ? 'Global α slider' : 'store.setGlobalAlpha (no slider)',
    medianMs: median(ms),
    p90Ms: quantile(ms, 0.9),
    maxMs: Math.max(...ms),
    engineMedianMs: median(engine),
    goalMs: goal,
    longTasksEdits: lt1 - lt0,
    longTasksDrag: dragLong.length,
    longestDragTaskMs: dragLong.reduce((m, t) => Math.max(m, t.duration), 0),
    dragSettleMs: drag.settleMs,
  };
}

async function main() {
  if (!args.includes('--no-build')) {
    console.log(`building into ${OUT} …`);
    const b = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', OUT, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitForServer(URL_, 30_000);
    const sys = '/usr/bin/chromium';
    const browser = await chromium.launch(existsSync(sys) ? { executablePath: sys, args: ['--disable-gpu', '--no-sandbox'] } : {});
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    // tsx (esbuild keepNames) wraps named functions in __name(); give the page a no-op one so
    // the functions passed to page.evaluate run there unchanged.
    await page.addInitScript('globalThis.__name = (f) => f;');
    // '#v=1': the seeded default stack (a visit without a hash loads the bundled trained model).
    await page.goto(`${URL_}#v=1`);
    await page.evaluate(PAGE_HELPERS);
    await page.waitForFunction(() => !!window.__hqrnStore?.getState().result, undefined, { timeout: 60_000 });
    const rows = [await runCase(page, 'two qubits, depth 20', 'entanglement', 20, 16), await runCase(page, 'digits (64×64), depth 10', 'digits', 10, 50)];
    await browser.close();

    const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');
    console.log(`\nExplorer edit → paint latency (${EDITS} edits each; Chromium ${existsSync(sys) ? sys : 'playwright'}; --disable-gpu)\n`);
    const header = [
      'case',
      'backend',
      'median ms',
      'p90 ms',
      'max ms',
      'engine ms',
      'goal ms',
      'meets goal',
      'long tasks (edits)',
      'long tasks (drag)',
      'longest drag task',
      'drag settle ms',
    ];
    const table = rows.map((r) => [
      r.case,
      r.backend,
      f(r.medianMs),
      f(r.p90Ms),
      f(r.maxMs),
      f(r.engineMedianMs),
      String(r.goalMs),
      r.medianMs <= r.goalMs ? 'yes' : 'no',
      String(r.longTasksEdits),
      String(r.longTasksDrag),
      f(r.longestDragTaskMs),
      f(r.dragSettleMs),
    ]);
    const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)));
    const line = (cells: string[]) => cells.map((c, k) => (k < 2 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of table) console.log(line(r));
    console.log(`\ninput: ${rows[0].input}. engine ms = the worker's own time per explore request (result.ms).`);
  } finally {
    if (server.pid) {
      try {
        process.kill(-server.pid);
      } catch {
        server.kill();
      }
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
