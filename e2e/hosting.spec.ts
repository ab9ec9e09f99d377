/**
 * Static hosting: the built app served from a sub-path by
 * scripts/serve-static.mjs (playwright.config.ts) loads, computes on wasm and draws an MNIST
 * digit with every resource from its own origin and sub-path; the pages carry the strict CSP
 * of scripts/csp.mjs and the worker its header policy; the suite-wide guard of e2e/fixtures.ts
 * really catches a request to another origin and a CSP violation in a page and in a worker;
 * once loaded, the app keeps computing offline.
 */
import { engineStatus, expect, settled, test, type Page } from './fixtures';
import { PAGE_CSP, WORKER_CSP } from '../scripts/csp.mjs';

// Several tests start the engine worker and compile its kernels: slow on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

async function pooledInput(page: Page): Promise<number[]> {
  const small = page.getByRole('img', { name: '8×8 pooled input', exact: true });
  await expect(small).toHaveAttribute('data-values', /\d/);
  return (await small.getAttribute('data-values'))!.split(',').map(Number);
}

/** Warnings tfjs prints when it cannot compile wasm as served (wrong MIME type, CSP). */
function watchWasmWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (msg) => {
    if (/wasm streaming compile failed|falling back to ArrayBuffer|Initialization of backend wasm failed/i.test(msg.text())) warnings.push(msg.text());
  });
  return warnings;
}

/** An origin that is not the app's: the same server under another host name. */
function foreignUrl(baseURL: string): string {
  const url = new URL(baseURL);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return new URL('not-the-app', url).href;
}

test('the suite serves the app from a sub-path', ({ baseURL }) => {
  // Every spec runs against it, so a root-relative URL anywhere in the app would break them.
  expect(new URL(baseURL!).pathname).toMatch(/^\/.+\/$/);
});

test('from a sub-path the app loads, computes on wasm and draws an MNIST digit, all from its own origin', async ({ page, baseURL, originGuard }) => {
  const wasmWarnings = watchWasmWarnings(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'HQRN Explorer' })).toBeVisible();
  await settled(page);

  // The explorer's own engine, switched to wasm: the binary comes from the app's assets.
  const info = await page.evaluate(() => window.__hqrnEngine!.setBackend('wasm'));
  expect(info.backend).toBe('wasm');
  await page.getByRole('button', { name: 'Bell Φ+', exact: true }).click();
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('1.0000');
  await expect(engineStatus(page)).toHaveAttribute('data-output', /^\d\.\d{4}( \d\.\d{4})+$/);
  expect((await page.evaluate(() => window.__hqrnEngine!.backendInfo())).backend).toBe('wasm');

  // Digits: the worker fetches data/mnist-digits.bin relative to its own URL.
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await page.getByRole('button', { name: 'Random MNIST digit', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText(/^MNIST digit #\d+$/);
  await settled(page);
  const pixels = await pooledInput(page);
  expect(pixels).toHaveLength(64);
  expect(pixels.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  expect(Math.max(...pixels), 'a digit, not the blank uniform input').toBeGreaterThan(2 / 64);

  // Every request (the page's and the worker's) went to the sub-path on the app's origin.
  const requests = originGuard.requests.filter((u) => !/^(data|blob|about):/.test(u));
  expect(
    requests.filter((u) => !u.startsWith(baseURL!)),
    'requests outside the sub-path',
  ).toEqual([]);
  expect(
    requests.some((u) => /\/assets\/engine\.worker-[\w-]+\.js$/.test(u)),
    'the worker script',
  ).toBe(true);
  expect(
    requests.some((u) => /\/assets\/tfjs-backend-wasm[\w-]*\.wasm$/.test(u)),
    'a wasm binary, fetched by the worker',
  ).toBe(true);
  expect(
    requests.some((u) => u === new URL('data/mnist-digits.bin', baseURL).href),
    'the digits, fetched by the worker',
  ).toBe(true);
  // Served as application/wasm, tfjs compiles the binary while it streams in.
  expect(wasmWarnings).toEqual([]);
});

test('the explorer also runs on webgl under the policies (or says why webgl is not there)', async ({ page }) => {
  await page.goto('./');
  await settled(page);
  const info = await page.evaluate(() => window.__hqrnEngine!.setBackend('webgl'));
  if (info.backend !== 'webgl') expect(info.fallbacks.find((f) => f.backend === 'webgl')?.reason, 'why not webgl').toBeTruthy();
  test.info().annotations.push({ type: 'backend', description: `asked webgl, got ${info.backend}` });
  await page.getByRole('button', { name: 'Bell Φ−', exact: true }).click();
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('1.0000');
  await expect(engineStatus(page)).toHaveAttribute('data-output', /^\d\.\d{4}( \d\.\d{4})+$/);
  expect((await page.evaluate(() => window.__hqrnEngine!.backendInfo())).backend, 'the result came from the backend asked for').toBe(info.backend);
  // The guard (e2e/fixtures.ts) fails the test on any CSP violation in the page or the worker.
});

test('the server sends wasm as application/wasm and the worker its own CSP header', async ({ page, request }) => {
  await page.goto('./e2e/engine.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', /^(webgl|wasm|cpu)$/, { timeout: 30_000 });
  const workerUrl = page
    .workers()
    .find((w) => /engine\.worker/.test(w.url()))
    ?.url();
  expect(workerUrl, 'the engine worker is running').toBeTruthy();
  const workerResponse = await request.get(workerUrl!);
  expect(workerResponse.headers()['content-type']).toMatch(/^text\/javascript/);
  expect(workerResponse.headers()['content-security-policy']).toBe(WORKER_CSP);

  const html = await (await request.get('./')).text();
  // The worker's `?url` imports of the binaries: new URL(`<hashed name>.wasm`, import.meta.url).
  const workerCode = await workerResponse.text();
  const wasmFiles = [...workerCode.matchAll(/new URL\(["'`]([^"'`]+\.wasm)["'`],\s*import\.meta\.url\)/g)].map((m) => m[1]);
  expect(wasmFiles.length, 'the worker refers to its three wasm binaries').toBe(3);
  for (const file of wasmFiles) {
    const res = await request.get(new URL(file, workerUrl).href);
    expect(res.status(), file).toBe(200);
    expect(res.headers()['content-type'], file).toBe('application/wasm');
  }
  expect(html).toContain('<div id="root">');
});

for (const [name, path] of [
  ['explorer', './'],
  ['engine harness', './e2e/engine.html'],
] as const) {
  test(`the ${name} page has the strict CSP and no inline script`, async ({ page, request, originGuard }) => {
    const html = await (await request.get(path)).text();
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1].replaceAll('&#39;', "'"));
    expect(metas).toEqual([PAGE_CSP]);
    // The policy comes before any script, or it would not govern it.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, 'every script is a file').toMatch(/\ssrc="[^"]+"/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(html).not.toMatch(/\sstyle="/);
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'http:', 'https:'])
      expect(PAGE_CSP.split(/[ ;]+/)).not.toContain(loose);

    // And the browser enforces it: no eval, no inline script, no fetch to another origin.
    await page.goto(path);
    const attempts = await page.evaluate(async (elsewhere) => {
      const results: string[] = [];
      // A string timer is eval, run outside Playwright's evaluate (which DevTools lets eval).
      (setTimeout as (code: string, ms: number) => number)('window.__evalRan = true', 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      results.push(`string timer ran: ${String((window as unknown as { __evalRan?: boolean }).__evalRan === true)}`);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      results.push(`inline script ran: ${String((window as unknown as { __inlineRan?: boolean }).__inlineRan === true)}`);
      results.push(
        await fetch(elsewhere).then(
          () => 'fetch: done',
          (e: Error) => `fetch: ${e.name}`,
        ),
      );
      return results;
    }, foreignUrl(page.url()));
    expect(attempts).toEqual(['string timer ran: false', 'inline script ran: false', 'fetch: TypeError']);
    // The guard saw all three (as events and console messages) and fails a test that does not expect them.
    await expect.poll(() => originGuard.pending().cspViolations.filter((v) => v.startsWith('event:')).length).toBe(3);
    const seen = originGuard.acknowledge();
    const events = seen.cspViolations.filter((v) => v.startsWith('event:')).join('\n');
    expect(events).toContain('event: script-src blocked eval');
    expect(events).toContain('event: script-src-elem blocked inline');
    expect(events).toContain('event: connect-src blocked');
    expect(seen.foreignRequests, 'CSP stopped the fetch before any request left').toEqual([]);
  });
}

test('the guard records a request to another origin', async ({ page, baseURL, originGuard }) => {
  await page.goto('./');
  const elsewhere = foreignUrl(baseURL!);
  // A navigation is not governed by connect-src: the page really sends it.
  await page.evaluate((url) => location.assign(url), elsewhere);
  await expect.poll(() => originGuard.pending().foreignRequests).toContain(elsewhere);
  expect(originGuard.acknowledge().foreignRequests[0]).toBe(elsewhere);
});

test('the guard fails a test that requests another origin', async ({ page, baseURL }) => {
  // Expected to fail: the fixture's check after the test finds the request below.
  test.fail();
  await page.goto(foreignUrl(baseURL!));
});

test("the worker runs under its header policy, and the guard sees the worker's violations", async ({ page, baseURL, originGuard }) => {
  await page.goto('./e2e/engine.html');
  await expect(page.locator('body')).toHaveAttribute('data-ready', /^(webgl|wasm|cpu)$/, { timeout: 30_000 });
  // wasm compiles in the worker ('wasm-unsafe-eval'), and the cross-check passes on it.
  const check = await page.evaluate(async () => {
    const engine = window.__hqrnEngine!;
    const info = await engine.setBackend('wasm');
    return { backend: info.backend, error: (await engine.crossCheck(1)).maxAbsError };
  });
  expect(check.backend).toBe('wasm');
  expect(check.error).toBeLessThanOrEqual(1e-4);

  const worker = page.workers().find((w) => /engine\.worker/.test(w.url()))!;
  const attempts = await worker.evaluate(async (elsewhere) => {
    const results: string[] = [];
    const scope = self as unknown as { __evalRan?: boolean };
    (setTimeout as (code: string, ms: number) => number)('self.__evalRan = true', 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    results.push(`string timer ran: ${String(scope.__evalRan === true)}`);
    results.push(
      await fetch(elsewhere).then(
        () => 'fetch: done',
        (e: Error) => `fetch: ${e.name}`,
      ),
    );
    return results;
  }, foreignUrl(baseURL!));
  expect(attempts).toEqual(['string timer ran: false', 'fetch: TypeError']);
  // The guard's listener in the worker saw both.
  await expect.poll(() => originGuard.pending().cspViolations.length).toBe(2);
  const seen = originGuard.acknowledge().cspViolations.join('\n');
  expect(seen).toContain('worker event: script-src blocked eval');
  expect(seen).toContain(`worker event: connect-src blocked ${foreignUrl(baseURL!)}`);
});

test('after the first load the app keeps computing offline', async ({ page, context, originGuard }) => {
  await page.goto('./');
  await settled(page);
  // Load what the worker fetches lazily (the digits) before the network goes.
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await settled(page);
  await pooledInput(page);
  const before = originGuard.requests.length;

  await context.setOffline(true);
  const first = await pooledInput(page);
  await page.getByRole('button', { name: 'Random MNIST digit', exact: true }).click();
  await settled(page);
  expect(await pooledInput(page)).not.toEqual(first);
  await page.getByRole('radio', { name: /^Two qubits/ }).check();
  await page.getByRole('button', { name: 'Bell Ψ−', exact: true }).click();
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('1.0000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(originGuard.requests.slice(before), 'requests while offline').toEqual([]);
  await context.setOffline(false);
});
