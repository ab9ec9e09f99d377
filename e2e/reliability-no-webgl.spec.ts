/**
 * Reliability without WebGL (docs/reliability.md): Chromium started with --disable-webgl, --disable-3d-apis and
 * --disable-software-rasterizer (no GPU and no SwiftShader fallback; its own browser, hence its
 * own file: launch options cannot change inside a spec). The engine falls back to wasm, a
 * result appears, and the status line names the backend (and why WebGL was skipped).
 */
import { expect, test } from './fixtures';
import { launchOptions } from '../playwright.config';
import type { BackendInfo } from '../src/protocol/messages';

test.use({
  launchOptions: {
    ...launchOptions,
    args: [...((launchOptions as { args?: string[] }).args ?? []), '--disable-webgl', '--disable-3d-apis', '--disable-software-rasterizer'],
  },
});

test('Chromium without WebGL: wasm, a result, and the status line says so', async ({ page }) => {
  await page.goto('./#v=1');
  const status = page.getByRole('status', { name: 'Engine status', exact: true });
  await expect(status).toHaveAttribute('data-computing', 'false', { timeout: 45_000 });
  await expect(status).toHaveAttribute('data-result-id', (await status.getAttribute('data-request-id'))!, { timeout: 45_000 });
  await expect(status).toHaveAttribute('data-output', /\d/);
  await expect(status).toContainText('Computing on wasm');
  await expect(page.locator('.status-area .notice')).toContainText('Running on wasm: webgl skipped');
  const info = (await page.evaluate(() => window.__hqrnEngine!.backendInfo())) as BackendInfo;
  console.log(`[reliability] --disable-webgl: ${JSON.stringify(info)}`);
  expect(info.backend).toBe('wasm');
  // Not the usual "software-rendered" skip: WebGL itself is missing.
  expect(info.fallbacks.find((f) => f.backend === 'webgl')?.reason).not.toMatch(/software/);
  // WebGL asked for by name is refused with a reason, not a crash.
  const asked = (await page.evaluate(() => window.__hqrnEngine!.setBackend('webgl'))) as BackendInfo;
  expect(asked.backend).toBe('wasm');
  expect(asked.fallbacks[0]).toMatchObject({ backend: 'webgl' });
  expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/NaN|Infinity/);
});
