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
