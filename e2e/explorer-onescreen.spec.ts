/**
 * The explorer on one screen, as a visitor uses it, against the built app:
 * - a first visit (no link) shows the bundled trained model on |Φ+⟩: the quantum path says
 *   "entangled"; the "Dephased partner" toggle flips it while the classical path stays put;
 * - at 1280×800, without scrolling, every layer's matrix, both readouts and the toggle are on
 *   screen; at depth 20 the chain scrolls sideways inside its band;
 * - on a 390×844 phone the selected layer (≥ 150 px) and both predictions are in the first screen;
 * - the keyboard reaches the input, the layer view and the readouts in ≤ 3 key presses;
 * - the tabs replace the explorer under the top bar, keep their content (a run goes on) and
 *   their URL field (`p=`); the explorer is painted again when shown.
 * Screenshots go to test-results/ (or $VIEWS_SHOT_DIR).
 */
import { expect, expectOnScreen, pageErrors, settled, settledOutput, test, type Locator, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });
const SHOTS = process.env.VIEWS_SHOT_DIR ?? 'test-results';

const quantumReadout = (page: Page) => page.getByRole('region', { name: 'Quantum path readout', exact: true });
const classicalReadout = (page: Page) => page.getByRole('region', { name: 'Classical path readout', exact: true });
const toggle = (page: Page) => page.getByRole('button', { name: 'Dephased partner', exact: true });
const layerImages = (page: Page) => page.getByRole('img', { name: /^quantum path, layer \d+$/ });
const stripImages = (page: Page) => page.getByRole('img', { name: /^classical path, layer \d+$/ });

/** The prediction a readout states ("predicts entangled" → "entangled") and its probability line. */
async function prediction(region: Locator): Promise<{ label: string; prob: string }> {
  await expect(region).toContainText(/predicts \S+/);
  const text = (await region.locator('.predicts').textContent())!.trim();
  const prob = (await region.locator('.prob').textContent())!.trim();
  return { label: text.replace(/^predicts\s+/, ''), prob };
}

test('first visit at 1280×800: the trained model calls |Φ+⟩ entangled, the partner toggle flips only the quantum path, all on one screen', async ({ page }) => {
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);
  await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText('Bell state |Φ+⟩');
  expect(page.url()).toContain('model=entanglement-quantum');

  // Every layer of the chain (K + 1 matrices with their classical strips), both readouts and the toggle: on screen.
  const K = await page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length);
  expect(K).toBeGreaterThan(0);
  await expect(layerImages(page)).toHaveCount(K + 1);
  await expect(stripImages(page)).toHaveCount(K + 1);
  for (let k = 0; k <= K; k++) {
    await expectOnScreen(page, page.getByRole('img', { name: `quantum path, layer ${k}`, exact: true }), `quantum matrix of layer ${k}`);
    await expectOnScreen(page, page.getByRole('img', { name: `classical path, layer ${k}`, exact: true }), `classical strip of layer ${k}`);
  }
  for (let n = 1; n <= K; n++) await expectOnScreen(page, page.getByRole('slider', { name: `α of block ${n}`, exact: true }), `α of block ${n}`);
  await expectOnScreen(page, quantumReadout(page), 'quantum readout');
  await expectOnScreen(page, classicalReadout(page), 'classical readout');
  await expectOnScreen(page, toggle(page), 'Dephased partner toggle');
  // The whole input picker, matrix entry included (its button sat across the bottom edge).
  await expectOnScreen(page, page.getByRole('button', { name: 'Type or paste a matrix' }), 'matrix entry');
  await expectOnScreen(page, page.getByRole('img', { name: /^Quantum path density matrix/ }), 'selected layer, quantum');
  await expectOnScreen(page, page.getByRole('img', { name: /^Classical path diagonal/ }), 'selected layer, classical');
  await expectOnScreen(page, page.getByRole('img', { name: 'purity per layer' }), 'purity chart');
  await expectOnScreen(page, page.getByRole('img', { name: 'trace distance per layer' }), 'trace distance chart');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/onescreen-1280-bell.png` });

  // The Hinton and city views keep the chain on two rows: every layer, both readouts and the
  // toggle stay on the first screen (the city cells were wide enough to push the chain onto
  // three rows). The large city view itself may reach below the fold.
  for (const view of ['Hinton', 'City (Re/Im)', 'Heatmap']) {
    await page.getByRole('radio', { name: view, exact: true }).check();
    await settled(page);
    for (let k = 0; k <= K; k++) await expectOnScreen(page, page.getByRole('img', { name: `quantum path, layer ${k}`, exact: true }), `${view}: layer ${k}`);
    const rows = new Set(await layerImages(page).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top / 20))));
    expect(rows.size, `${view}: rows of the chain`).toBeLessThanOrEqual(2);
    await expectOnScreen(page, quantumReadout(page), `${view}: quantum readout`);
    await expectOnScreen(page, classicalReadout(page), `${view}: classical readout`);
    await expectOnScreen(page, toggle(page), `${view}: Dephased partner toggle`);
  }

  const q0 = await prediction(quantumReadout(page));
  const c0 = await prediction(classicalReadout(page));
  expect(q0.label).toBe('entangled');
  await expect(quantumReadout(page)).toContainText('trained model: entanglement-quantum');
  await expect(page.getByText('untrained (random) weights', { exact: true })).toHaveCount(0);

  // The partner: the quantum prediction flips, the classical readout does not move at all.
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText('dephased partner of Bell state |Φ+⟩');
  await settledOutput(page);
  const q1 = await prediction(quantumReadout(page));
  const c1 = await prediction(classicalReadout(page));
  expect(q1.label).toBe('separable');
  expect(c1).toEqual(c0);
  await page.screenshot({ path: `${SHOTS}/onescreen-1280-dephased.png` });

  // And back.
  await toggle(page).click();
  await settledOutput(page);
  expect((await prediction(quantumReadout(page))).label).toBe('entangled');

  // The toggle works for every input: |Ψ−⟩ and a Werner state get their partners, classical unchanged.
  for (const pick of [
    () => page.getByRole('button', { name: 'Bell Ψ−', exact: true }).click(),
    () => page.getByRole('button', { name: 'Bell Φ−', exact: true }).click(),
  ]) {
    await pick();
    await settledOutput(page);
    const before = await prediction(classicalReadout(page));
    await expect(toggle(page)).toBeEnabled();
    await toggle(page).click();
    await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText(/^dephased partner of Bell state/);
    await settledOutput(page);
    expect(await prediction(classicalReadout(page))).toEqual(before);
    await toggle(page).click();
  }

  // Untrained weights are one click away in the Model menu, and every prediction says so.
  // The menu's own name says what it is and which model is in use.
  const modelMenu = page.locator('.model-menu > summary');
  await expect(modelMenu).toHaveAccessibleName('Model: trained weights entanglement-quantum');
  // It closes like a menu: Escape (focus back on it), a click outside, another tab opening
  // (it stayed open until its own button was pressed again).
  const menuOpen = () => page.locator('.model-menu').evaluate((el) => (el as HTMLDetailsElement).open);
  await modelMenu.click();
  expect(await menuOpen()).toBe(true);
  await page.keyboard.press('Escape');
  expect(await menuOpen()).toBe(false);
  await expect(modelMenu).toBeFocused();
  await modelMenu.click();
  await page.getByRole('heading', { name: 'Layer by layer' }).click();
  expect(await menuOpen()).toBe(false);
  await modelMenu.click();
  await page.keyboard.press('Escape');
  await modelMenu.click();
  await page.getByRole('button', { name: 'Use untrained (random) weights' }).click();
  await settledOutput(page);
  await expect(modelMenu).toHaveAccessibleName('Model: untrained (random) weights');
  await expect(quantumReadout(page)).toContainText('untrained (random) weights');
  await expect(classicalReadout(page)).toContainText('untrained (random) weights');
  // Undo brings the trained model back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  // A trained model made deeper: the readouts name the untrained blocks (they said "trained model" alone).
  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('20');
  await settledOutput(page);
  await expect(quantumReadout(page)).toContainText('trained model: entanglement-quantum; blocks 13–20 untrained (random)');
  await expect(classicalReadout(page)).toContainText('blocks 13–20 untrained (random)');
  expect(errors).toEqual([]);
});

test('depth 20 at 1280×800: all 21 layers in the chain, which scrolls sideways; an α drag repaints', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1');
  await settledOutput(page);
  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('20');
  await settledOutput(page);
  await expect(layerImages(page)).toHaveCount(21);
  const row = page.getByRole('list', { name: 'Layers of the network' });
  const { scrollWidth, clientWidth } = await row.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  // The band stays on screen and the page itself does not scroll sideways.
  await expectOnScreen(page, row, 'chain');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expectOnScreen(page, quantumReadout(page), 'quantum readout');
  // The last layer is reachable: scroll it into view inside the band and select it.
  await page.getByRole('button', { name: 'Select layer 20', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Layer by layer' })).toHaveAttribute('data-layer', '20');
  const before = await page.evaluate(() => window.__hqrnStore!.getState().result!.requestId);
  await page.getByRole('slider', { name: 'Global α', exact: true }).fill('0.8');
  await settledOutput(page);
  expect(await page.evaluate(() => window.__hqrnStore!.getState().result!.requestId)).toBeGreaterThan(before);
  await expect(page.getByRole('slider', { name: 'α of block 20', exact: true })).toHaveValue('0.8');
  // A second α edit moves the measures' lines (the charts' fast path): every chart still draws
  // its line through all 21 layers.
  await page.getByRole('slider', { name: 'Global α', exact: true }).fill('0.7');
  await settledOutput(page);
  const charts = page.getByRole('region', { name: 'Measures per layer' }).getByRole('img', { name: / per layer$/ });
  await expect(charts).toHaveCount(6);
  for (const chart of await charts.all()) {
    await expect(chart.locator('path.value-line')).toHaveAttribute('d', /^M/);
    await expect(chart.locator('circle.layer-dot')).toHaveCount(21);
  }
  await page.screenshot({ path: `${SHOTS}/onescreen-1280-depth20.png` });
});

test('phone 390×844: the selected layer (≥ 150 px) and both predictions in the first screen; the chain scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);
  const matrix = page.getByRole('img', { name: /^Quantum path density matrix/ });
  await expectOnScreen(page, matrix, 'selected layer, quantum');
  expect((await matrix.boundingBox())!.width).toBeGreaterThanOrEqual(150);
  await expectOnScreen(page, page.getByRole('img', { name: /^Classical path diagonal/ }), 'selected layer, classical');
  await expectOnScreen(page, quantumReadout(page), 'quantum readout');
  await expectOnScreen(page, classicalReadout(page), 'classical readout');
  await expect(quantumReadout(page)).toContainText('predicts entangled');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const row = page.getByRole('list', { name: 'Layers of the network' });
  const { scrollWidth, clientWidth } = await row.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await page.screenshot({ path: `${SHOTS}/onescreen-390-first-screen.png` });
  await page.screenshot({ path: `${SHOTS}/onescreen-390-full.png`, fullPage: true });
});

test('keyboard: skip links reach the input and the layer view, and keys reach the readouts, in ≤ 3 presses', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1');
  await settledOutput(page);
  const input = page.locator('#explorer-input');
  const focusedIn = (el: Locator) => el.evaluate((e) => e === document.activeElement || e.contains(document.activeElement));

  // Tab, Enter: the input.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to input' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await focusedIn(input)).toBe(true);

  // Tab, Tab, Enter from the top: the selected layer's matrix, which reads out its entry.
  await page.reload();
  await settledOutput(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to layer view' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: /^Quantum path density matrix/ })).toBeFocused();
  await expect(page.getByRole('status', { name: 'Matrix entry' })).toContainText('Quantum path');

  // One key each: r = readouts, i = input, l = layer view.
  await page.keyboard.press('r');
  await expect(page.locator('#explorer-readouts')).toBeFocused();
  await page.keyboard.press('i');
  await expect(input).toBeFocused();
  await page.keyboard.press('l');
  await expect(page.getByRole('img', { name: /^Quantum path density matrix/ })).toBeFocused();
  // The entry read-out follows the data after focus leaves: another input, another layer.
  const entry = page.getByRole('status', { name: 'Matrix entry' });
  await expect(entry).toContainText(/layer 0.*\|00⟩⟨00\|: 0\.5000/);
  await page.getByRole('button', { name: 'Bell Ψ−', exact: true }).click();
  await settledOutput(page);
  await expect(entry).toContainText(/layer 0.*\|00⟩⟨00\|: 0\.0000/);
  await page.getByRole('button', { name: 'Select layer 3', exact: true }).click();
  await expect(entry).toContainText('layer 3');
});

/** Share of a canvas's pixels that are painted (neither transparent nor white); 0 for a 0×0 canvas. */
function paintedShare(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    if (!c.width || !c.height) return 0;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let k = 0; k < d.length; k += 4) if (d[k + 3] > 0 && (d[k] < 250 || d[k + 1] < 250 || d[k + 2] < 250)) n++;
    return n / (d.length / 4);
  });
}

test('tabs replace the explorer under the top bar: Training studio hides it, Explore shows it again painted; p= follows; work is kept', async ({
  page,
  context,
}) => {
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1');
  await settledOutput(page);
  const exploreTab = page.getByRole('tab', { name: 'Explore', exact: true });
  const trainingTab = page.getByRole('tab', { name: 'Training studio' });
  const exportTab = page.getByRole('tab', { name: 'Export' });
  const explorer = page.getByRole('main', { name: 'Explorer' });
  const details = page.getByRole('region', { name: "Details of the explorer's views" });
  const training = page.getByRole('region', { name: 'Training studio' });
  // Every tab controls its own panel (Explore too).
  for (const tab of await page.getByRole('tab').all()) {
    const controls = await tab.getAttribute('aria-controls');
    expect(controls, `${await tab.textContent()}: aria-controls`).toBeTruthy();
    await expect(page.locator(`#${controls}`)).toHaveAttribute('role', 'tabpanel');
  }
  await expect(exploreTab).toHaveAttribute('aria-selected', 'true');
  await expect(training).toBeHidden();

  await trainingTab.click();
  await expect(trainingTab).toHaveAttribute('aria-selected', 'true');
  await expect(exploreTab).toHaveAttribute('aria-selected', 'false');
  await expect.poll(() => page.url()).toContain('p=training');
  // The studio is right under the tab row, in the first screen; the explorer is hidden (not gone).
  await expect(training).toBeVisible();
  await expect(explorer).toBeHidden();
  await expect(details).toBeHidden();
  const tabRow = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
  const studio = (await training.boundingBox())!;
  expect(studio.y).toBeGreaterThanOrEqual(tabRow.y + tabRow.height - 1);
  expect(studio.y - (tabRow.y + tabRow.height)).toBeLessThan(40);
  await expect(page.getByRole('heading', { name: 'Training studio' })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/tabs-training-1280.png` });

  // A run keeps going while the explorer is shown.
  await training.getByLabel('Task', { exact: true }).selectOption('entanglement');
  await training.getByLabel('Depth (blocks)').fill('2');
  await training.getByLabel('Epochs (per block)').fill('200');
  await training.getByLabel('Training examples').fill('200');
  await training.getByLabel('Test examples').fill('200');
  await training.getByRole('button', { name: /Play/ }).click();
  // (read also while its tab is hidden: a role query skips hidden elements)
  const trainStatus = page.locator('#panel-training p.train-status');
  await expect.poll(async () => Number(await trainStatus.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(0);

  // An edit from the top bar while the explorer is hidden: depth 3 (its matrices are drawn hidden).
  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('3');
  await settledOutput(page);

  await exploreTab.click();
  await expect.poll(() => page.url()).not.toContain('p=');
  await expect(explorer).toBeVisible();
  await expect(training).toBeHidden();
  const step = Number(await trainStatus.getAttribute('data-step'));
  await expect
    .poll(async () => Number(await trainStatus.getAttribute('data-step')), { timeout: 30_000, message: 'training goes on behind the Explore tab' })
    .toBeGreaterThan(step);
  // The chain and the layer view are painted at their size: 4 layers for depth 3.
  await expect(layerImages(page)).toHaveCount(4);
  for (let k = 0; k <= 3; k++) {
    const m = page.getByRole('img', { name: `quantum path, layer ${k}`, exact: true });
    await expectOnScreen(page, m, `quantum matrix of layer ${k}`);
    expect((await m.boundingBox())!.width).toBeGreaterThan(20);
  }
  await page.getByRole('button', { name: 'Select layer 3', exact: true }).click();
  const selected = page.locator('.viz-evolution canvas.viz-matrix-canvas').first();
  await expect(selected).toBeVisible();
  expect((await selected.boundingBox())!.width).toBeGreaterThan(150);
  await expect.poll(() => paintedShare(selected), { message: 'the selected layer is painted' }).toBeGreaterThan(0.02);
  await page.screenshot({ path: `${SHOTS}/tabs-explore-again-1280.png` });

  // The studio kept its run and its fields.
  await trainingTab.click();
  await expect(training.getByLabel('Epochs (per block)')).toHaveValue('200');
  await training.getByRole('button', { name: /Cancel/ }).click();
  await expect(trainStatus).toHaveAttribute('data-status', 'cancelled');

  // Arrow keys move between the tabs (and open them); Home goes to Explore.
  await trainingTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(exportTab).toBeFocused();
  await expect(exportTab).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.url()).toContain('p=export');
  await expect(page.getByRole('region', { name: 'Export' })).toBeVisible();
  await expect(explorer).toBeHidden();
  await page.keyboard.press('Home');
  await expect(exploreTab).toBeFocused();
  await expect(explorer).toBeVisible();
  // The skip keys open the Explore tab too: from the studio, "l" lands on the layer view.
  await trainingTab.click();
  await page.getByRole('heading', { name: 'Training studio' }).click();
  await page.keyboard.press('l');
  await expect(exploreTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.viz-evolution canvas.viz-matrix-canvas').first()).toBeFocused();

  // A link naming a tab opens it, in place of the explorer.
  const other = await context.newPage();
  await other.goto('./#v=1&p=saved');
  await expect(other.getByRole('tab', { name: 'Saved work' })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('region', { name: 'Saved work' })).toBeVisible();
  await expect(other.getByRole('main', { name: 'Explorer' })).toBeHidden();
  await other.close();
  expect(errors).toEqual([]);
});

test('phone 390×844: an open tab comes right under the tab row', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#v=1&p=training');
  const training = page.getByRole('region', { name: 'Training studio' });
  await expect(training).toBeVisible();
  await expect(page.getByRole('main', { name: 'Explorer' })).toBeHidden();
  const tabRow = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
  const studio = (await training.boundingBox())!;
  expect(studio.y).toBeGreaterThan(tabRow.y);
  await expect(page.getByRole('heading', { name: 'Training studio' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('switching task with a trained model opens the other task’s bundled trained model; untrained stays untrained', async ({ page }) => {
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  const trainedName = () => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name ?? null);
  await expect.poll(trainedName).toBe('entanglement-quantum');
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await expect.poll(trainedName).toBe('digits-quantum');
  await settledOutput(page);
  await expect(quantumReadout(page)).toContainText('trained model: digits-quantum');
  await expect(quantumReadout(page)).not.toContainText('untrained');
  await page.getByRole('radio', { name: /^Two qubits/ }).check();
  await expect.poll(trainedName).toBe('entanglement-quantum');
  // From untrained weights a task switch stays untrained.
  await page.goto('./#v=1');
  await settledOutput(page);
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await settledOutput(page);
  expect(await trainedName()).toBeNull();
  await expect(quantumReadout(page)).toContainText('untrained (random) weights');
  expect(errors).toEqual([]);
});
