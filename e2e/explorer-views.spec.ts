/**
 * The explorer's views: the central demo (Bell state vs its dephased partner), the layer
 * scrubber, the matrix views and palettes, the entry read-out, and the 64×64 digit heatmap.
 * Controls are found by role and name; every test saves a screenshot in test-results/.
 */
import { expect, test, type Locator, type Page } from './fixtures';

/** Screenshots go to test-results/ (or $VIEWS_SHOT_DIR: Playwright empties test-results/ at each run). */
const SHOTS = process.env.VIEWS_SHOT_DIR ?? 'test-results';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/explorer-views-${name}.png`, fullPage: true });
/** A close-up of one panel (region named by its heading). */
const panelShot = (page: Page, region: string, name: string) =>
  page.getByRole('region', { name: region }).screenshot({ path: `${SHOTS}/explorer-views-${name}-panel.png` });

/** Wait until the newest request's result is in the store and drawn by all three panels. */
async function settled(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const s = window.__hqrnStore?.getState();
      if (!s?.result || s.result.requestId !== s.requestId) return 0;
      const roots = document.querySelectorAll('section[data-request-id]');
      if (roots.length < 3) return 0;
      for (const r of roots) if (r.getAttribute('data-request-id') !== String(s.requestId)) return 0;
      return s.requestId;
    },
    undefined,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** A table's rows as { row header: [cell texts] } (read in one go). */
async function tableCells(table: Locator): Promise<Record<string, string[]>> {
  await expect(table).toBeVisible();
  return table.evaluate((t) => {
    const out: Record<string, string[]> = {};
    for (const row of (t as HTMLTableElement).rows) {
      const header = row.querySelector('th[scope="row"]');
      if (!header) continue;
      out[(header.textContent ?? '').trim()] = Array.from(row.querySelectorAll('td'), (c) => (c.textContent ?? '').trim());
    }
    return out;
  });
}

test.describe.configure({ timeout: 120_000 });

const measuresTable = (page: Page) => page.getByRole('table', { name: 'Measures at the selected layer' });
const layerSlider = (page: Page) => page.getByRole('slider', { name: 'Layer', exact: true });
const quantumCanvas = (page: Page) => page.getByRole('img', { name: /^Quantum path density matrix/ });

async function gotoExplorer(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#v=1');
  await expect(page.getByRole('heading', { name: 'Layer by layer' })).toBeVisible();
  await settled(page);
  return errors;
}

/** The classical-path numbers of every layer (diagonal table) and both class tables. */
async function classicalSnapshot(page: Page) {
  const K = Number(await layerSlider(page).getAttribute('max'));
  const x: string[][] = [];
  for (let k = 0; k <= K; k++) {
    await layerSlider(page).fill(String(k));
    await expect(measuresTable(page)).toContainText(`layer ${k}`);
    const diag = await tableCells(page.getByRole('table', { name: 'Diagonals at the selected layer' }));
    x.push(Object.values(diag).map((cells) => cells[1]));
  }
  const probs = await tableCells(page.getByRole('table', { name: 'Class probabilities' }));
  const classical = Object.fromEntries(Object.entries(probs).map(([k, v]) => [k, v[1]]));
  return { K, x, classical };
}

async function measuresAt(page: Page, k: number) {
  await layerSlider(page).fill(String(k));
  await expect(measuresTable(page)).toContainText(`layer ${k}`);
  return tableCells(measuresTable(page));
}

test('central demo: Bell state and its dephased partner share the classical path, not the quantum one', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await gotoExplorer(page);
  await page.getByRole('button', { name: 'Central demo: Bell vs dephased partner' }).click();
  await settled(page);
  const toggle = page.getByRole('button', { name: 'Show dephased partner' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  const bell = await classicalSnapshot(page);
  const bellM1 = await measuresAt(page, 1);
  const bellLast = await measuresAt(page, bell.K);
  await shot(page, 'demo-bell');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await settled(page);
  const deph = await classicalSnapshot(page);
  const dephM1 = await measuresAt(page, 1);
  const dephLast = await measuresAt(page, deph.K);
  await shot(page, 'demo-dephased');

  // Classical path: identical, number for number, at every layer, and the same readout.
  expect(deph.K).toBe(bell.K);
  expect(deph.x).toEqual(bell.x);
  expect(deph.classical).toEqual(bell.classical);
  // Quantum path: the coherence and the distance to the classical path differ.
  expect(Number(bellM1['l1-coherence'][0])).toBeGreaterThan(0.01);
  expect(Number(dephM1['l1-coherence'][0])).toBeLessThan(1e-3);
  expect(bellM1['l1-coherence'][0]).not.toBe(dephM1['l1-coherence'][0]);
  expect(bellLast['trace distance'][0]).not.toBe(dephLast['trace distance'][0]);
  expect(bellM1.concurrence[0]).not.toBe(dephM1.concurrence[0]);

  // The side-by-side table has both columns now.
  const demo = await tableCells(page.getByRole('table', { name: 'Central demo side by side' }));
  expect(demo['classical P(entangled)'][0]).toBe(demo['classical P(entangled)'][1]);
  expect(demo['classical prediction'][0]).toBe(demo['classical prediction'][1]);
  expect(demo['l1-coherence, layer 1'][0]).not.toBe(demo['l1-coherence, layer 1'][1]);
  for (const cells of Object.values(demo)) for (const c of cells) expect(c).not.toMatch(/NaN/);
  await page.getByRole('table', { name: 'Central demo side by side' }).scrollIntoViewIfNeeded();
  await shot(page, 'demo-side-by-side');
  await panelShot(page, 'Classical vs quantum', 'demo-side-by-side');
  await panelShot(page, 'Measures per layer', 'demo-metrics');
  expect(errors).toEqual([]);
});

test('the layer scrubber, step buttons, thumbnails and play-through select layers', async ({ page }) => {
  await gotoExplorer(page);
  const slider = layerSlider(page);
  const K = Number(await slider.getAttribute('max'));
  expect(K).toBeGreaterThanOrEqual(2);
  await expect(measuresTable(page)).toContainText('layer 0 (input)');
  const purity0 = (await tableCells(measuresTable(page))).purity[0];

  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(measuresTable(page)).toContainText('layer 1');
  await expect(page.getByRole('img', { name: /^Quantum path density matrix, layer 1,/ })).toBeVisible();

  await page.getByRole('button', { name: 'Next layer' }).click();
  await expect(measuresTable(page)).toContainText('layer 2');
  await page.getByRole('button', { name: 'Previous layer' }).click();
  await expect(measuresTable(page)).toContainText('layer 1');

  await page.getByRole('button', { name: `Select layer ${K}`, exact: true }).click();
  await expect(measuresTable(page)).toContainText(`layer ${K}`);
  await expect(slider).toHaveValue(String(K));
  const purityK = (await tableCells(measuresTable(page))).purity[0];
  expect(purityK).toMatch(/^\d\.\d{4}$/);
  expect(purityK).not.toBe(purity0);

  // Play from the start: the layer advances by itself, and stops at the last layer.
  await slider.fill('0');
  await page.getByRole('button', { name: 'Play layers' }).click();
  await expect(measuresTable(page)).toContainText('layer 2', { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Play layers' })).toBeVisible({ timeout: 20_000 });
  await expect(measuresTable(page)).toContainText(`layer ${K}`);
  // Play again (restarts at the input) and pause: the layer stays put.
  await page.getByRole('button', { name: 'Play layers' }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play layers' })).toBeVisible();
  const paused = await slider.inputValue();
  await page.waitForTimeout(2_000);
  await expect(slider).toHaveValue(paused);
  await shot(page, 'scrubber');
});

test('heatmap, Hinton, city and the colour-blind palette draw different pixels', async ({ page }) => {
  await gotoExplorer(page);
  await layerSlider(page).fill('1');
  const canvas = quantumCanvas(page);
  const pixels = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());

  const seen = new Map<string, string>();
  seen.set('heatmap', await pixels());
  const views: [string, string][] = [
    ['hinton', 'Hinton'],
    ['city', 'City (Re/Im)'],
  ];
  for (const [id, name] of views) {
    await page.getByRole('radio', { name }).check();
    await expect(canvas).toHaveAttribute('data-view', id);
    seen.set(id, await pixels());
    await shot(page, `view-${id}`);
    await panelShot(page, 'Layer by layer', `view-${id}`);
  }
  await page.getByRole('radio', { name: 'Heatmap' }).check();
  await expect(canvas).toHaveAttribute('data-view', 'heatmap');
  expect(await pixels()).toBe(seen.get('heatmap'));
  await page.getByRole('checkbox', { name: 'Colour-blind palette' }).check();
  seen.set('heatmap-cvd', await pixels());
  await page.getByRole('radio', { name: 'Per layer' }).check();
  seen.set('heatmap-cvd-per-layer', await pixels());
  await shot(page, 'view-heatmap-cvd');
  await panelShot(page, 'Layer by layer', 'view-heatmap-cvd');
  expect(new Set(seen.values()).size).toBe(seen.size);
});

test('hovering or focusing a heatmap cell reads out its exact entry with basis labels', async ({ page }) => {
  await gotoExplorer(page);
  const status = page.getByRole('status', { name: 'Matrix entry' });
  const canvas = quantumCanvas(page);
  const box = (await canvas.boundingBox())!;
  // Top-right cell of the 4×4 matrix: |00⟩⟨11|.
  await canvas.hover({ position: { x: box.width * 0.92, y: box.height * 0.2 } });
  await expect(status).toHaveText(/\|00⟩⟨11\|: −?\d\.\d{4} [+−] \d\.\d{4}i$/);
  await panelShot(page, 'Layer by layer', 'hover');
  await shot(page, 'hover');

  // Keyboard: focus puts the cursor on |00⟩⟨00|, arrows move it.
  await page.mouse.move(0, 0);
  await canvas.focus();
  await expect(status).toHaveText(/\|00⟩⟨00\|: \d\.\d{4} [+−] \d\.\d{4}i$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveText(/\|01⟩⟨01\|: /);
  await page.keyboard.press('End');
  await expect(status).toHaveText(/\|01⟩⟨11\|: /);
});

test('digits: the 64×64 state is drawn on one canvas with 6-bit labels', async ({ page }) => {
  await gotoExplorer(page);
  const digits = page.getByRole('radio', { name: /^Digits/ });
  test.skip((await digits.count()) === 0, 'no digits task control on the page yet (owned by the stack builder)');
  await digits.check();
  await settled(page);
  const canvas = quantumCanvas(page);
  await expect(canvas).toHaveAttribute('data-dim', '64');
  const size = await canvas.evaluate((c) => ({
    w: (c as HTMLCanvasElement).width,
    h: (c as HTMLCanvasElement).height,
    css: c.getBoundingClientRect().width,
    dpr: devicePixelRatio,
  }));
  // One device pixel per CSS pixel at least, and room for ≥ 4 device pixels per cell.
  expect(size.w).toBeGreaterThanOrEqual(64 * 4);
  expect(Math.abs(size.w / size.dpr - size.css)).toBeLessThan(2);
  // No per-entry DOM: the page stays small.
  expect(await page.locator('*').count()).toBeLessThan(3000);
  await canvas.focus();
  await expect(page.getByRole('status', { name: 'Matrix entry' })).toHaveText(/\|000000⟩⟨000000\|: \d\.\d{4} [+−] \d\.\d{4}i$/);
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('status', { name: 'Matrix entry' })).toHaveText(/\|111111⟩⟨000000\|: /);
  await expect(page.getByRole('table', { name: 'Measures at the selected layer' })).not.toContainText('NaN');
  await shot(page, 'digits');
  await panelShot(page, 'Layer by layer', 'digits');
});
