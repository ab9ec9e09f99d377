import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/**
 * The studio's sweep builder (docs/math.md §11): a 2 × 1 grid (α 0.3, 0.6; seed 1) on a tiny
 * entanglement setting gives two rows with numbers, and its CSV has the table's header and one
 * line per row; Cancel during a longer grid leaves the finished rows.
 */
async function tinyForm(page: import('@playwright/test').Page) {
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Depth (blocks)').fill('1');
  await panel.getByLabel('Epochs (per block)').fill('1');
  await panel.getByLabel('Batch size').fill('16');
  await panel.getByLabel('Training examples').fill('40');
  await panel.getByLabel('Test examples').fill('30');
  // the sweep is its own region below the studio (its fields do not clash with the form's labels)
  return page.getByRole('region', { name: 'Sweep' });
}

test('a 2 × 1 sweep: two rows of mean ± std, CSV with header and two lines', async ({ page }) => {
  const panel = await tinyForm(page);
  await panel.getByTestId('sweep-list-alpha').fill('0.3, 0.6');
  await panel.getByTestId('sweep-list-seed').fill('1');
  await expect(panel.getByTestId('sweep-count')).toHaveText(/^2 runs/);
  await panel.getByTestId('sweep-run').click();
  await expect(panel.getByTestId('sweep-status')).toHaveText(/2 runs done/, { timeout: 45_000 });
  const rows = panel.getByTestId('sweep-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('th')).toHaveText('0.3');
  await expect(rows.nth(1).locator('th')).toHaveText('0.6');
  for (const i of [0, 1]) {
    // test accuracy: "m ± s" with numbers in [0, 1]
    const text = await rows.nth(i).locator('td').nth(1).textContent();
    const m = /^(\d\.\d{3}) ± (\d\.\d{3})$/.exec(text ?? '');
    expect(m, `row ${i}: ${text}`).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(0);
    expect(Number(m![1])).toBeLessThanOrEqual(1);
  }
  await expect(panel.getByTestId('sweep-plot').locator('path').first()).toBeAttached();

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export sweep results as CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trimEnd()
    .split('\n');
  expect(csv[0]).toBe(
    'alpha,runs,accuracyMean,accuracyStd,balancedAccuracyMean,balancedAccuracyStd,trainAccuracyMean,trainAccuracyStd,dephasedPartnersMean,dephasedPartnersStd,marginalPartnersMean,marginalPartnersStd',
  );
  expect(csv).toHaveLength(3);
  expect(csv[1].split(',')[0]).toBe('0.3');
  expect(csv[2].split(',')[0]).toBe('0.6');
  // one seed: std 0
  expect(csv[1].split(',')[3]).toBe('0');

  const [json] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Export sweep results as JSON/ }).click()]);
  const j = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(j.runs).toHaveLength(2);
  expect(j.runs[0].settings.alpha).toBe(0.3);
  // the default trainer: the float64 core of `hqrn sweep`
  expect(j.runs[0].backend).toMatch(/float64 core/);
  expect(typeof j.runs[0].metrics.balancedAccuracy).toBe('number');
});

test('a grid over the limit is refused with a way forward', async ({ page }) => {
  const panel = await tinyForm(page);
  await panel.getByTestId('sweep-list-alpha').fill('0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1');
  await panel.getByTestId('sweep-list-seed').fill('1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19');
  await expect(panel.getByTestId('sweep-count')).toHaveText(/209 runs is more than the studio's 200.*hqrn sweep/);
  await expect(panel.getByTestId('sweep-run')).toBeDisabled();
});

test('Cancel mid-sweep keeps the finished rows', async ({ page }) => {
  const panel = await tinyForm(page);
  await page.getByRole('region', { name: 'Training studio' }).getByLabel('Epochs (per block)').fill('3');
  await panel.getByTestId('sweep-trainer-tfjs').check();
  await panel.getByTestId('sweep-list-alpha').fill('0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8');
  await panel.getByTestId('sweep-list-seed').fill('1');
  await panel.getByTestId('sweep-run').click();
  const rows = panel.getByTestId('sweep-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 45_000 });
  await expect(panel.getByTestId('sweep-status')).toHaveText(/Run \d of 8 on the tfjs engine · \d done · about \d+ s left/);
  await panel.getByTestId('sweep-cancel').click();
  await expect(panel.getByTestId('sweep-status')).toHaveText(/Cancelled after (\d) of 8 runs/);
  const done = Number(/Cancelled after (\d)/.exec((await panel.getByTestId('sweep-status').textContent()) ?? '')![1]);
  expect(done).toBeGreaterThanOrEqual(1);
  expect(done).toBeLessThan(8);
  await expect(rows).toHaveCount(done);
  // the engine is free again: a new sweep starts
  await expect(panel.getByTestId('sweep-run')).toBeEnabled();
});

/**
 * "Reproduce the paper" (quick): seed by seed in the worker, the figure of accuracy against
 * depth 1..3, its CSV (depth + the figures of `hqrn reproduce entanglement`) and the run cards.
 */
test('Reproduce the paper (quick): figure, CSV by depth, run cards with the CLI line', async ({ page }) => {
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Reproduce the paper' });
  await panel.getByTestId('paper-quick').check();
  await panel.getByTestId('paper-run').click();
  await expect(panel.getByTestId('paper-status')).toHaveText(/Done: 3 seeds/, { timeout: 45_000 });
  await expect(panel.getByTestId('paper-plot').locator('path').first()).toBeAttached();
  const [csvDl] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export paper figure as CSV' }).click()]);
  const csv = readFileSync((await csvDl.path())!, 'utf8')
    .trimEnd()
    .split('\n');
  expect(csv[0]).toBe(
    'depth,accuracy,balancedAccuracy,dephasedPartners,dephasedBalanced,marginalPartners,marginalBalanced,classicalPathAccuracy,classicalPathDephasedBalanced',
  );
  expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
  for (const l of csv.slice(1)) for (const x of l.split(',').slice(1).map(Number)) expect(x >= 0 && x <= 1).toBe(true);
  const [svgDl] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export paper figure as SVG' }).click()]);
  expect(readFileSync((await svgDl.path())!, 'utf8')).toContain('<svg');
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /run cards as JSON/ }).click()]);
  const j = JSON.parse(readFileSync((await jsonDl.path())!, 'utf8'));
  expect(j.runs.map((r: { seed: number }) => r.seed)).toEqual([1, 2, 3]);
  expect(j.runs[0].command).toBe('hqrn reproduce entanglement --quick --seed 1 --out DIR');
  expect(j.runs[0].metrics.perDepth).toHaveLength(3);
});

/** diag(a ⊗ b) (separable) or p|Φ+⟩⟨Φ+| + (1−p)I/4 with p ∈ [0.6, 1] (entangled): one CSV line of §11. */
function csvLine(k: number): string {
  const u = (j: number) => (((Math.sin(12.9898 * (k + 1) + 78.233 * j) * 43758.5453) % 1) + 1) % 1;
  const re = new Array<number>(16).fill(0);
  const entangled = k % 2 === 1;
  if (!entangled) {
    const a = u(1),
      b = u(2);
    [a * b, a * (1 - b), (1 - a) * b, (1 - a) * (1 - b)].forEach((x, i) => {
      re[i * 5] = x;
    });
  } else {
    const p = 0.6 + 0.4 * u(3);
    for (let i = 0; i < 4; i++) re[i * 5] = (1 - p) / 4;
    re[0] += p / 2;
    re[15] += p / 2;
    re[3] = p / 2;
    re[12] = p / 2;
  }
  return `${[...re, ...new Array<number>(16).fill(0)].join(',')},${entangled ? 'entangled' : 'separable'}`;
}

test('a sweep on an imported dataset runs on the tfjs engine and names the file in its run cards', async ({ page }) => {
  await page.goto('./#v=1&p=training');
  const studio = page.getByRole('region', { name: 'Training studio' });
  await studio.getByLabel('Task', { exact: true }).selectOption('file');
  const csv = `${Array.from({ length: 100 }, (_, k) => csvLine(k)).join('\n')}\n`;
  await studio.getByLabel(/Dataset file/).setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(studio.getByTestId('dataset-summary')).toBeVisible({ timeout: 30_000 });
  await studio.getByLabel('Depth (blocks)').fill('1');
  await studio.getByLabel('Epochs (per block)').fill('1');
  const panel = page.getByRole('region', { name: 'Sweep' });
  await panel.getByTestId('sweep-list-alpha').fill('0.3,0.6');
  await panel.getByTestId('sweep-list-seed').fill('1');
  await expect(panel.getByText('These runs use the tfjs engine: an imported dataset trains on the tfjs engine.')).toBeVisible();
  await panel.getByTestId('sweep-run').click();
  await expect(panel.getByTestId('sweep-status')).toHaveText(/2 runs done on the tfjs engine/, { timeout: 60_000 });
  await expect(panel.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(2);
  const [json] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Export sweep results as JSON/ }).click()]);
  const j = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(j.runs[0].data).toMatchObject({ source: 'file', name: 'mine.csv', n: 100 });
  expect(j.runs[0].data.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(j.runs[0].settings.testSize).toBe(20);
});
