import { expect, test, type Page } from './fixtures';

/** Collects requests to other origins and console errors for the whole test. */
function watchPage(page: Page, baseURL: string) {
  const ownOrigin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== ownOrigin) foreignRequests.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  return { foreignRequests, consoleErrors };
}

/** Wait until the value shown (the worker's measure of the input) is within 1e-3 of `expected`. */
async function expectMeasure(page: Page, label: string, expected: number) {
  const out = page.getByRole('status', { name: label, exact: true });
  await expect
    .poll(async () => {
      const text = (await out.textContent()) ?? '';
      return /^-?\d+\.\d{4}$/.test(text) ? Math.abs(Number(text) - expected) : Infinity;
    })
    .toBeLessThan(1e-3);
}

test('Werner p slider: the input shows concurrence, negativity and the PPT verdict', async ({ page, baseURL }) => {
  const watched = watchPage(page, baseURL!);
  await page.goto('./#v=1');

  await expect(page.getByRole('heading', { level: 1, name: 'HQRN Explorer' })).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Werner p', exact: true });
  await expect(slider).toBeVisible();

  for (const p of [0.2, 0.6, 1.0]) {
    await slider.fill(String(p));
    await expect(page.getByRole('status', { name: 'p', exact: true })).toHaveText(p.toFixed(2));
    await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText(`Werner state, p = ${p.toFixed(2)}`);

    await expectMeasure(page, 'Input concurrence', Math.max(0, (3 * p - 1) / 2));
    await expectMeasure(page, 'Input negativity', Math.max(0, (3 * p - 1) / 4));
    const verdict = page.getByRole('status', { name: 'Input PPT verdict', exact: true });
    await expect(verdict).toContainText(p > 1 / 3 ? 'entangled' : 'separable');
  }
  await page.screenshot({ path: 'test-results/werner.png', fullPage: true });

  // Keyboard works too: from 1.00, Home goes to p = 0 (separable, zero measures).
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('status', { name: 'p', exact: true })).toHaveText('0.00');
  await expectMeasure(page, 'Input concurrence', 0);
  await expect(page.getByRole('status', { name: 'Input PPT verdict', exact: true })).toContainText('separable');

  expect(watched.foreignRequests, 'requests to other origins').toEqual([]);
  expect(watched.consoleErrors, 'console errors').toEqual([]);
});
