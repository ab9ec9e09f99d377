import { expect, test } from './fixtures';

/**
 * The Training studio's research workflow (issue 19): the studio's settings travel in the
 * link — set seed 7, batch 64, epochs 3, open the page's link in a new page, same settings.
 */
test('studio settings round-trip through the link', async ({ page, context }) => {
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Seed').fill('7');
  await panel.getByLabel('Batch size').fill('64');
  await panel.getByLabel('Epochs (per block)').fill('3');
  await panel.getByLabel('Mode', { exact: true }).selectOption('quantum-end-to-end');
  await expect(page).toHaveURL(/tsd=7/);
  await expect(page).toHaveURL(/tb=64/);
  await expect(page).toHaveURL(/te=3/);
  await expect(page).toHaveURL(/tm=qe/);
  const link = page.url();

  const other = await context.newPage();
  await other.goto(link);
  const panel2 = other.getByRole('region', { name: 'Training studio' });
  await expect(panel2).toBeVisible();
  await expect(panel2.getByLabel('Seed')).toHaveValue('7');
  await expect(panel2.getByLabel('Batch size')).toHaveValue('64');
  await expect(panel2.getByLabel('Epochs', { exact: true })).toHaveValue('3');
  await expect(panel2.getByLabel('Mode', { exact: true })).toHaveValue('quantum-end-to-end');
  // Untouched settings keep their defaults (the link leaves them out).
  await expect(panel2.getByLabel('Learning rate (Adam)')).toHaveValue('0.02');
  await expect(other.getByRole('alert').filter({ hasText: 'could not' })).toHaveCount(0);
});

/**
 * "Reproduce this run": a model file whose run card (docs/math.md §11, written here by hand from
 * the format's definition) names a tiny entanglement run: the form takes its settings, the run
 * goes, and the final figures show its accuracy.
 */
test('reproduce a run from a run card: form filled, run trained, accuracy shown', async ({ page }) => {
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  const card = {
    app: { name: 'hqrn-explorer', version: '0.1.0', commit: null },
    date: '2026-01-01T00:00:00.000Z',
    backend: 'tfjs (web worker)',
    settings: {
      task: 'entanglement',
      mode: 'quantum-greedy',
      depth: 1,
      alpha: 0.5,
      activation: 'softplus',
      learningRate: 0.02,
      epochs: 1,
      batchSize: 16,
      seed: 11,
      trainSize: 40,
      testSize: 30,
      adversarialShare: 0.5,
      shots: 0,
    },
    seed: 11,
    data: { source: 'generator', name: 'entanglement', sha256: null, n: 40, generatorSeed: 11 },
    metrics: { testAccuracy: 0.5 },
  };
  await panel.getByLabel('Reproduce this run (a model file with a run card)').setInputFiles({
    name: 'tiny-run.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'hqrn-model', version: 1, run: card })),
  });
  await expect(panel.getByLabel('Seed')).toHaveValue('11');
  await expect(panel.getByLabel('Training examples')).toHaveValue('40');
  await expect(panel.getByLabel('Batch size')).toHaveValue('16');
  const table = panel.getByTestId('final-figures');
  await expect(table).toBeVisible({ timeout: 60_000 });
  const acc = Number(await table.locator('tbody tr').first().locator('td').nth(4).textContent());
  expect(acc).toBeGreaterThanOrEqual(0);
  expect(acc).toBeLessThanOrEqual(1);
  // and the seed is now in the link
  await expect(page).toHaveURL(/tsd=11/);

  // a file without a run card says so, and nothing starts
  await panel.getByLabel('Reproduce this run (a model file with a run card)').setInputFiles({
    name: 'plain.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'hqrn-model', version: 1 })),
  });
  await expect(panel.getByRole('alert').filter({ hasText: 'plain.json: this file has no run card' })).toBeVisible();
});
