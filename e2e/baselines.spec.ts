import { expect, pageErrors, test } from './fixtures';

/**
 * The baselines table in the browser (docs/experiments/baselines.md): run the paper's entanglement preset, then
 * the baselines table (MLP, VQC, quantum kernels) trained in the worker on exactly the same
 * data; every row carries the balanced accuracy and the predicted class shares, and the run's
 * own rows show the balanced accuracy beside the adversarial figures.
 */
test('entanglement preset, then the baselines table on the same data', async ({ page }) => {
  test.setTimeout(420_000);
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: 'Paper: entanglement (greedy)' }).click();
  await expect(panel.locator('p.train-status')).toContainText('Done', { timeout: 240_000 });

  const final = panel.getByTestId('final-figures');
  await expect(final.locator('tbody tr')).toHaveCount(2); // HQRN and the classical analog
  // Both rows fit 1280 px: no sideways scroll in the table's box.
  await page.setViewportSize({ width: 1280, height: 800 });
  const fit = await final.evaluate((t) => ({ scroll: t.parentElement!.scrollWidth, client: t.parentElement!.clientWidth }));
  expect(fit.scroll, 'final figures: no horizontal scroll at 1280').toBeLessThanOrEqual(fit.client);
  for (const cell of await final.getByTestId('balanced-accuracy').allTextContents()) expect(Number(cell)).toBeGreaterThan(0.4);
  // The analog trains with its own tuned settings (as in npm run experiments), so neither row collapses to one class.
  await expect(final.locator('tbody tr').nth(1).getByTestId('balanced-accuracy')).not.toHaveText('0.5000');
  await expect(panel.getByTestId('one-class-note')).toHaveCount(0);
  for (const cell of await final.getByTestId('class-shares').allTextContents()) {
    const [sep, ent] = cell.split(' / ').map(Number);
    expect(sep + ent).toBeCloseTo(1, 2);
  }

  await panel.getByRole('button', { name: 'Run the baselines' }).click();
  const table = panel.getByTestId('baselines-table');
  await expect(table).toBeVisible({ timeout: 150_000 });
  const names = await table.locator('tbody th').allTextContents();
  expect(names[0]).toMatch(/^HQRN/);
  expect(names[1]).toMatch(/Classical analog/);
  expect(names).toEqual(
    expect.arrayContaining([expect.stringMatching(/^MLP/), 'VQC, 1 layer', 'VQC, 4 layers', 'Kernel Tr(ρσ) ridge', 'Kernel Tr(ρσ)² ridge']),
  );
  const rows = await table.locator('tbody tr').all();
  for (const row of rows) {
    const cells = await row.locator('td').allTextContents();
    // overall, balanced, dephased (pair), marginal (pair), shares, parameters, seconds
    expect(Number(cells[0])).toBeGreaterThanOrEqual(0);
    expect(Number(cells[1])).toBeGreaterThanOrEqual(0);
    expect(cells[2]).toMatch(/^\d\.\d{3} \(\d\.\d{3}\)$/);
    expect(cells[4]).toMatch(/^\d\.\d{3} \/ \d\.\d{3}$/);
    expect(Number(cells[5])).toBeGreaterThan(0);
  }
  // The MLP on the full ρ beats chance; the linear witness p = 1 cannot (rotated entangled states average out).
  const mlp = rows[names.findIndex((n) => n.startsWith('MLP'))];
  expect(Number((await mlp.locator('td').allTextContents())[0])).toBeGreaterThan(0.8);
  await panel.screenshot({ path: 'test-results/baselines-table.png' });
  expect(errors, 'console errors').toEqual([]);
});
