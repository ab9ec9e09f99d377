/**
 * The engine inside its worker in Chromium: the cross-check against the float64 core
 * (docs/math.md §9: ≤ 1e-4) on webgl (or whatever Chromium offers, with the reason reported) and
 * on wasm; no tensor leak across it; a lost WebGL context falls back to wasm.
 * engine.html (src/app/engine/enginePage.ts) loads the worker without the explorer UI and exposes the
 * comlink remote as window.__hqrnEngine (src/app/engine/engineClient.ts).
 */
import { expect, test, type Page } from './fixtures';
import type { BackendInfo, BackendName } from '../src/protocol/messages';
import type { CrossCheckResult } from '../workers/engine/diagnostics/crossCheck';

async function runCrossCheck(page: Page, backend: BackendName) {
  return page.evaluate(async (b) => {
    const e = window.__hqrnEngine!;
    const info = await e.setBackend(b);
    const before = (await e.memory()).numTensors;
    const result = await e.crossCheck(1);
    const after = (await e.memory()).numTensors;
    return { info, result, before, after };
  }, backend) as Promise<{ info: BackendInfo; result: CrossCheckResult; before: number; after: number }>;
}

function report(asked: BackendName, info: BackendInfo, result: CrossCheckResult): string {
  const fallback = info.fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  return (
    `asked ${asked}, got ${info.backend}${fallback ? ` (skipped ${fallback})` : ''}; ` +
    `max |engine − core| = ${result.maxAbsError.toExponential(2)} in ${result.ms.toFixed(0)} ms; ` +
    result.cases.map((c) => `${c.name}: ${c.maxAbsError.toExponential(1)} (engine ${c.engineMs.toFixed(0)} ms, core ${c.coreMs.toFixed(0)} ms)`).join(', ')
  );
}

test.describe('engine worker cross-check against the float64 core', () => {
  test.beforeEach(async ({ page }) => {
    // engine.html: the worker without the explorer UI, so nothing else uses it meanwhile.
    await page.goto('./e2e/engine.html');
    await expect(page.locator('body')).toHaveAttribute('data-ready', /^(webgl|wasm|cpu)$/, { timeout: 30_000 });
  });

  for (const asked of ['webgl', 'wasm'] as const) {
    test(`on ${asked}`, async ({ page }) => {
      const { info, result, before, after } = await runCrossCheck(page, asked);
      const line = report(asked, info, result);
      console.log(`[engine-crosscheck] ${line}`);
      test.info().annotations.push({ type: `backend ${asked}`, description: line });
      // The backend is the one asked for, or the fallback says why not.
      if (info.backend !== asked) expect(info.fallbacks.find((f) => f.backend === asked)?.reason, 'fallback reason').toBeTruthy();
      if (asked === 'wasm') expect(info.backend, 'wasm must work in Chromium (served by the app)').toBe('wasm');
      expect(result.backend).toBe(info.backend);
      expect(result.cases.length).toBe(8);
      for (const c of result.cases) expect(c.maxAbsError, c.name).toBeLessThanOrEqual(1e-4);
      expect(after, 'tensors after the cross-check').toBe(before);
    });
  }

  test('a lost WebGL context falls back to wasm and keeps computing', async ({ page }) => {
    const out = await page.evaluate(async () => {
      const e = window.__hqrnEngine!;
      const first = await e.setBackend('webgl');
      if (first.backend !== 'webgl') return { skipped: `webgl unavailable: ${JSON.stringify(first.fallbacks)}` };
      const lost = await e.loseWebglContextForTesting();
      const info = await e.backendInfo();
      const r = await e.crossCheck(2, { qubits: [2] });
      return { lost, info, maxAbsError: r.maxAbsError, backend: r.backend };
    });
    test.skip('skipped' in out, String((out as { skipped?: string }).skipped));
    const o = out as { lost: boolean; info: BackendInfo; maxAbsError: number; backend: BackendName };
    test.info().annotations.push({ type: 'context loss', description: JSON.stringify(o.info) });
    expect(o.lost).toBe(true);
    expect(o.info.backend).toBe('wasm');
    expect(o.info.fallbacks).toContainEqual({ backend: 'webgl', reason: 'WebGL context lost' });
    expect(o.backend).toBe('wasm');
    expect(o.maxAbsError).toBeLessThanOrEqual(1e-4);
  });
});
