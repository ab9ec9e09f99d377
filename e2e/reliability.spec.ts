/**
 * Reliability in Chromium (docs/reliability.md): faults survived and invariants under load.
 * - The engine worker terminated, throwing an uncaught error, or closing itself: the app
 *   notices within 2 s, restarts it, says so, and shows the same result again; a call in
 *   flight fails with a clear error instead of hanging; a training run is reported as
 *   interrupted and can be started again; a worker that cannot start stops after 3 tries.
 * - No wasm (its binaries blocked), no WebGL (Chromium's --disable-webgl), no OffscreenCanvas
 *   (the worker started without the global): a result appears and the status line names the
 *   backend in use.
 * - Out-of-range numerics (dead block, gain 10⁶, α = 0 and 1): no NaN/Infinity in the
 *   worker's answers or anywhere in the page's text.
 * - Invariants: random states through random stacks on every backend (webgl on SwiftShader,
 *   wasm, cpu; sizes below); zero violations of docs/math.md §9.
 */
import { engineStatus as statusLine, expect, fillEntanglementTraining, settledOutput, test, type Page } from './fixtures';
import type { BackendInfo, BackendName } from '../src/protocol/messages';
import type { InvariantReport } from '../workers/engine/diagnostics/invariants';

test.describe.configure({ timeout: 120_000 });

const RESTART_NOTICE = 'The engine stopped and was restarted; your stack and input were restored.';
/**
 * Sizes of the invariant runs: 10⁴ states on every backend. On a quiet 2-core
 * machine 10⁴ take 47 s on webgl (SwiftShader, a software GPU), 22 s on wasm and 52 s on cpu
 * (2 min in all). INVARIANT_STATES / INVARIANT_STATES_OTHER
 * (wasm / the others) override the sizes for quick local runs.
 */
const INVARIANT_STATES = Number(process.env.INVARIANT_STATES ?? 10_000);
const INVARIANT_STATES_OTHER = Number(process.env.INVARIANT_STATES_OTHER ?? INVARIANT_STATES);

const notice = (page: Page) => page.locator('.status-area .notice');

/**
 * Milliseconds (measured in the page, so Playwright's round trips do not count) from the
 * crash until the status line shows the restart notice.
 */
async function msUntilRestartNotice(page: Page, kind: 'terminate' | 'throw' | 'close'): Promise<number> {
  return page.evaluate(
    async ({ kind, text }) => {
      const t0 = performance.now();
      window.__hqrnCrashEngineForTesting!(kind);
      while (!document.querySelector('.status-area .notice')?.textContent?.includes(text)) {
        if (performance.now() - t0 > 10_000) return Infinity;
        await new Promise((r) => setTimeout(r, 5));
      }
      return performance.now() - t0;
    },
    { kind, text: RESTART_NOTICE },
  );
}

/** No "NaN" or "Infinity" (or ∞) anywhere in the page's visible text or its status attributes. */
async function expectNoNonFiniteText(page: Page, where: string) {
  const text = await page.evaluate(() => document.body.innerText);
  const attrs = await statusLine(page).evaluate((el) => Array.from(el.attributes, (a) => `${a.name}=${a.value}`).join(' '));
  const bad = /NaN|Infinity|∞/.exec(`${text}\n${attrs}`);
  expect(bad ? `${where}: "${bad[0]}" in …${`${text}\n${attrs}`.slice(Math.max(0, bad.index - 80), bad.index + 80)}…` : null).toBeNull();
}

test.describe('faults survived: the engine worker dies', () => {
  for (const kind of ['terminate', 'throw', 'close'] as const) {
    test(`worker ${kind === 'terminate' ? 'terminated' : kind === 'throw' ? 'throws an uncaught error' : 'closes itself'}: noticed within 2 s, restarted, view restored`, async ({
      page,
    }) => {
      await page.goto('./#v=1');
      // A non-default view, so "restored" means something: depth 3, another input.
      await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('3');
      const before = await settledOutput(page);
      await expect(notice(page)).not.toContainText(RESTART_NOTICE);

      const ms = Math.round(await msUntilRestartNotice(page, kind));
      test.info().annotations.push({ type: `noticed (${kind})`, description: `${ms} ms` });
      console.log(`[reliability] worker ${kind}: restart notice after ${ms} ms`);
      expect(ms, 'time to notice the dead worker').toBeLessThanOrEqual(2000);
      // The request was sent again to the new worker: the same numbers come back.
      await expect(statusLine(page)).toHaveAttribute('data-result-id', (await statusLine(page).getAttribute('data-request-id'))!, { timeout: 45_000 });
      expect(await settledOutput(page)).toBe(before);
      await expect(page.getByRole('button', { name: /^Remove block \d+$/ })).toHaveCount(3);
      await expect(statusLine(page)).toContainText(/Computing on (webgl|wasm|cpu)/);
      // The new worker answers edits as usual.
      await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('2');
      expect(await settledOutput(page)).not.toBe(before);
    });
  }

  test('a call in flight rejects with a clear error instead of hanging; three crashes in a row are three restarts', async ({ page }) => {
    await page.goto('./#v=1');
    await settledOutput(page);
    const out = await page.evaluate(async () => {
      const e = window.__hqrnEngine!;
      const results: { ms: number; message: string }[] = [];
      for (let k = 0; k < 3; k++) {
        // The new worker's life lock is watched (it is granted on a task of its own, which may
        // come after the first answers); before that only the heartbeat would notice a death.
        const t = performance.now();
        while (!window.__hqrnEngineSupervision!().lifeLockWatched) {
          if (performance.now() - t > 20_000) throw new Error('the life lock of the new worker was never watched');
          await new Promise((r) => setTimeout(r, 10));
        }
        // A long call (it yields to the event loop, so the heartbeat keeps its normal budget).
        const call = e.invariantCheck(1_000_000, k + 1).then(
          () => 'finished',
          (err: Error) => err.message,
        );
        await new Promise((r) => setTimeout(r, 300));
        const t0 = performance.now();
        window.__hqrnCrashEngineForTesting!('terminate');
        const message = await call;
        results.push({ ms: performance.now() - t0, message });
        await e.ping(); // the new worker is up before the next round
      }
      return results;
    });
    console.log(`[reliability] in-flight call after terminate: ${out.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')}; "${out[0].message}"`);
    for (const r of out) {
      expect(r.message).toMatch(/^the engine stopped \(.+\) and was restarted; this call was interrupted$/);
      // Usually ~0.5 s; once 2.2 s was seen on the loaded 2-core CI machine (the worker was in
      // the middle of a kernel when terminated). The 2 s notice is checked in the tests above.
      // (Once 29 s: the worker was terminated before its life lock was watched, and was then
      // taken for a failed start with the 30 s start budget; src/app/engine/engineClient.test.ts.)
      // What is checked here is "rejects instead of hanging": the bound is loose on purpose
      // (locally 31–1,025 ms for the three rounds; stopping a worker mid-kernel takes the
      // browser a while on a busy machine).
      expect(r.ms).toBeLessThanOrEqual(5000);
    }
    await expect(notice(page)).toContainText(RESTART_NOTICE);
    await settledOutput(page);
  });

  test('training interrupted by a crash: reported, and it can be started again', async ({ page }) => {
    await page.goto('./#v=1&p=training');
    const panel = page.getByRole('region', { name: 'Training studio' });
    await panel.scrollIntoViewIfNeeded();
    await fillEntanglementTraining(panel, { depth: 2, epochs: 200, trainExamples: 200, testExamples: 200 });
    const play = panel.getByRole('button', { name: /Play/ });
    await play.click();
    const trainStatus = panel.locator('p.train-status');
    await expect.poll(async () => Number(await trainStatus.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(0);

    const ms = Math.round(await msUntilRestartNotice(page, 'terminate'));
    console.log(`[reliability] crash during training: noticed after ${ms} ms`);
    expect(ms).toBeLessThanOrEqual(2000);
    await expect(panel.getByRole('alert')).toContainText('the run was interrupted because the engine stopped and was restarted. Press Play to start it again.');
    await expect(play).toBeEnabled();

    await play.click();
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect.poll(async () => Number(await trainStatus.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(0);
    await panel.getByRole('button', { name: /Cancel/ }).click();
    // The explorer was restored too.
    await settledOutput(page);
  });

  test('a worker that cannot start: three attempts, then a clear message; the page stays usable', async ({ page, context }) => {
    let attempts = 0;
    await context.route(/engine\.worker[^/]*\.js(\?.*)?$/, (route) => {
      attempts++;
      return route.fulfill({ status: 500, body: 'simulated: the engine script is unavailable' });
    });
    await page.goto('./#v=1');
    await expect(notice(page)).toContainText(/The engine could not be started \(3 attempts; last: .+\)\. Reload the page to try again\./, { timeout: 20_000 });
    expect(attempts).toBe(3);
    // No more retries, and calls fail at once with the same message.
    await page.waitForTimeout(1500);
    expect(attempts).toBe(3);
    const message = await page.evaluate(() => window.__hqrnEngine!.ping().then(String, (e: Error) => e.message));
    expect(message).toMatch(/could not be started \(3 attempts/);
    // The editor still works (it keeps the user's edits for when the engine is back).
    await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('2');
    await expect(page.getByRole('button', { name: /^Remove block \d+$/ })).toHaveCount(2);
    await expect(statusLine(page)).toHaveAttribute('data-computing', 'false');
    await expect(statusLine(page)).toContainText('Engine: not running');
  });
});

test.describe('no WebGL / no OffscreenCanvas / no wasm: works on what is there and says which', () => {
  async function expectBackend(page: Page, backend: BackendName, skipped: { backend: BackendName; reason: RegExp }) {
    await settledOutput(page);
    await expect(statusLine(page)).toContainText(`Computing on ${backend}`);
    await expect(notice(page)).toContainText(`Running on ${backend}`);
    const info = (await page.evaluate(() => window.__hqrnEngine!.backendInfo())) as BackendInfo;
    console.log(`[reliability] ${JSON.stringify(info)}`);
    expect(info.backend).toBe(backend);
    expect(info.fallbacks.find((f) => f.backend === skipped.backend)?.reason).toMatch(skipped.reason);
    await expectNoNonFiniteText(page, backend);
  }

  test('no wasm (the .wasm binaries fail to load): cpu', async ({ page, context }) => {
    await context.route(/\.wasm(\?.*)?$/, (route) => route.fulfill({ status: 404, body: 'simulated: no wasm' }));
    await page.goto('./#v=1');
    await expectBackend(page, 'cpu', { backend: 'wasm', reason: /./ });
  });

  test('no OffscreenCanvas in the worker: WebGL skipped for that reason, wasm', async ({ page }) => {
    await page.goto('./?engine-without=offscreencanvas#v=1');
    await expectBackend(page, 'wasm', { backend: 'webgl', reason: /no OffscreenCanvas/ });
  });

  // Chromium without WebGL (--disable-webgl): e2e/reliability-no-webgl.spec.ts (it needs its own browser).
});

test.describe('out-of-range numerics: defined results, no NaN anywhere', () => {
  test('gain 10⁶, α = 0 and 1, a dead block through the worker API; α = 0/1 and the largest gain in the page', async ({ page }) => {
    await page.goto('./#v=1');
    await settledOutput(page);
    const bad = await page.evaluate(async () => {
      const e = window.__hqrnEngine!;
      const nonFinite = (v: unknown, path: string, out: string[]) => {
        if (typeof v === 'number') {
          if (!Number.isFinite(v)) out.push(`${path}=${v}`);
        } else if (ArrayBuffer.isView(v)) {
          const a = v as unknown as ArrayLike<number>;
          for (let i = 0; i < a.length; i++) if (!Number.isFinite(Number(a[i]))) out.push(`${path}[${i}]=${a[i]}`);
        } else if (Array.isArray(v)) v.forEach((x, i) => nonFinite(x, `${path}[${i}]`, out));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out);
        return out;
      };
      const out: string[] = [];
      const deadFlags: number[] = [];
      let id = 1000;
      for (const alpha of [0, 1, 0.5])
        for (const gain of [1e6, 1e-2])
          for (const task of ['entanglement', 'digits'] as const) {
            const blocks = (['relu', 'softplus', 'sigmoid', 'exp'] as const).map((activation, k) => ({ id: `b${k}`, alpha, activation, gain, seed: 1000 + k }));
            const input = task === 'digits' ? { kind: 'mnist' as const, index: 7 } : { kind: 'werner' as const, p: 0.9 };
            const res = await e.explore({ requestId: ++id, stack: { task, blocks, readoutSeed: 7 }, input });
            nonFinite(res, `explore(${task}, α=${alpha}, c=${gain})`, out);
          }
      // A dead block: relu with every pre-activation negative (bias −10³).
      const model = {
        format: 'hqrn-model',
        version: 1,
        kind: 'quantum',
        nQubits: 1,
        blocks: [
          {
            alpha: 0.25,
            activation: 'relu',
            gain: 1,
            bias: [-1000, -1000],
            aPlus: {
              re: [
                [0.5, 0],
                [0, 0.5],
              ],
              im: [
                [0, 0],
                [0, 0],
              ],
            },
            aMinus: {
              re: [
                [0, 0],
                [0, 0],
              ],
              im: [
                [0, 0],
                [0, 0],
              ],
            },
          },
        ],
      };
      try {
        const res = await e.forward({ model, states: { n: 1, d: 2, re: new Float64Array([1, 0, 0, 0]), im: new Float64Array(4) }, measures: 'all' });
        nonFinite(res, 'forward(dead block)', out);
        deadFlags.push(...Array.from(res.layers[0].dead), ...Array.from(res.layers[0].q));
      } catch (err) {
        out.push(`forward(dead block) threw: ${(err as Error).message}`);
      }
      return { out, deadFlags };
    });
    expect(bad.out).toEqual([]);
    // docs/math.md §2: dead ⇒ q = 1/d.
    expect(bad.deadFlags).toEqual([1, 0.5, 0.5]);

    // In the page: α = 0, α = 1 and the largest gain the editor allows, on both tasks.
    const alpha = page.getByRole('slider', { name: 'Global α', exact: true });
    for (const task of ['entanglement', 'digits']) {
      if (task === 'digits')
        await page
          .getByRole('radio', { name: /digits/i })
          .first()
          .check();
      await page.getByRole('spinbutton', { name: 'Gain of block 1', exact: true }).fill('100');
      for (const a of ['0', '1']) {
        await alpha.fill(a);
        await settledOutput(page);
        await expectNoNonFiniteText(page, `${task}, α = ${a}, gain 100`);
      }
    }
  });
});

test.describe('invariants under load (docs/math.md §9) on every backend in the test browser', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./e2e/engine.html');
    await expect(page.locator('body')).toHaveAttribute('data-ready', /^(webgl|wasm|cpu)$/, { timeout: 30_000 });
  });

  for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
    const nStates = backend === 'wasm' ? INVARIANT_STATES : INVARIANT_STATES_OTHER;
    test(`${nStates} random states through random stacks on ${backend}: Hermitian, trace 1, PSD`, async ({ page }) => {
      test.setTimeout(600_000);
      const { info, report, before, after } = (await page.evaluate(
        async ({ b, n }) => {
          const e = window.__hqrnEngine!;
          const info = await e.setBackend(b);
          const before = (await e.memory()).numTensors;
          const report = await e.invariantCheck(n, 2026);
          const after = (await e.memory()).numTensors;
          return { info, report, before, after };
        },
        { b: backend, n: nStates },
      )) as { info: BackendInfo; report: InvariantReport; before: number; after: number };
      const line =
        `${report.backend}: ${report.states} states, ${report.stacks} stacks, ${report.layers} layer states, ${report.checks} checks, ` +
        `${report.violations} violations; worst hermiticity ${report.worst.hermiticity.toExponential(2)}, |Tr − 1| ${report.worst.traceError.toExponential(2)}, ` +
        `λmin ${report.worst.minEigenvalue.toExponential(2)}; ${report.deadBlocks} dead blocks; ${(report.ms / 1000).toFixed(1)} s`;
      console.log(`[invariants] ${line}`);
      test.info().annotations.push({ type: `invariants ${backend}`, description: line });
      if (info.backend !== backend) {
        const reason = info.fallbacks.find((f) => f.backend === backend)?.reason;
        expect(reason, `${backend} unavailable must say why`).toBeTruthy();
        test.skip(true, `${backend} unavailable in this browser: ${reason}`);
      }
      expect(report.backend).toBe(backend);
      expect(report.states).toBe(nStates);
      expect(report.examples, JSON.stringify(report.examples)).toEqual([]);
      expect(report.violations).toBe(0);
      expect(report.worst.minEigenvalue).toBeGreaterThanOrEqual(report.tolerances.minEigenvalue);
      expect(after, 'no tensor leak').toBe(before);
    });
  }
});
