import { expect, fillEntanglementTraining, pageErrors, test } from './fixtures';

/**
 * Training form ranges and divergence as a journey: an out-of-range field is marked before Play and Play waits;
 * an unusual learning rate warns; a run at learning rate 1e30 diverges, is marked "Diverged"
 * with the epoch, keeps the last finite model, and no internal error text reaches the page.
 */
test('training settings that make no sense: marked before Play, and a diverging run stops cleanly', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await fillEntanglementTraining(panel, { depth: 2, epochs: 3, batch: 40, trainExamples: 200, testExamples: 200, seed: 3 });
  const play = panel.getByRole('button', { name: '▶ Play' });
  await expect(play).toBeEnabled();

  // out of range: marked at the field, Play waits
  const depth = panel.getByLabel('Depth (blocks)');
  await depth.fill('0');
  await expect(panel.getByText('depth must be a whole number from 1 to 20, got 0')).toBeVisible();
  await expect(depth).toHaveAttribute('aria-invalid', 'true');
  await expect(play).toBeDisabled();
  await expect(panel.getByText('Fix the marked field in the settings to start a run.')).toBeVisible();
  await depth.fill('2');
  await expect(depth).toHaveAttribute('aria-invalid', 'false');
  await expect(play).toBeEnabled();

  // unusual but legal: a warning, Play still allowed
  const lr = panel.getByLabel('Learning rate (Adam)');
  await lr.fill('10');
  await expect(panel.getByText('learning rate 10 is far above the usual 0.001–0.1')).toBeVisible();
  await expect(play).toBeEnabled();

  // a diverging run
  await lr.fill('1e30');
  await expect(panel.getByText('learning rate 1e30 is far above the usual 0.001–0.1')).toBeVisible();
  await play.click();
  const status = panel.locator('p.train-status');
  await expect(status).toHaveAttribute('data-status', /^(diverged|error|done)$/, { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-status', 'diverged');
  await expect(status).toContainText('Diverged');
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText(/Training diverged in epoch \d/);
  await expect(alert).toContainText('Try a smaller learning rate than 1e30');
  await expect(panel).not.toContainText('Cannot read properties');
  await expect(panel).not.toContainText('Training failed');
  // the kept model is a finite one: its final figures are numbers
  await expect(panel).not.toContainText('NaN');
  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
});
