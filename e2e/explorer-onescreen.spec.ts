/**
 * The explorer on one screen (issue 11), as a visitor uses it, against the built app:
 * - a first visit (no link) shows the bundled trained model on |Φ+⟩: the quantum path says
 *   "entangled"; the "Dephased partner" toggle flips it while the classical path stays put;
 * - at 1280×800, without scrolling, every layer's matrix, both readouts and the toggle are on
 *   screen; at depth 20 the chain scrolls sideways inside its band;
 * - on a 390×844 phone the selected layer (≥ 150 px) and both predictions are in the first screen;
 * - the keyboard reaches the input, the layer view and the readouts in ≤ 3 key presses;
 * - the tabs keep their content and their URL field (`p=`).
 * Screenshots go to test-results/ (or $VIEWS_SHOT_DIR).
 */
import { expect, expectOnScreen, pageErrors, settledOutput, test, type Locator, type Page } from './fixtures';

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
  await expectOnScreen(page, page.getByRole('img', { name: /^Quantum path density matrix/ }), 'selected layer, quantum');
  await expectOnScreen(page, page.getByRole('img', { name: /^Classical path diagonal/ }), 'selected layer, classical');
  await expectOnScreen(page, page.getByRole('img', { name: 'purity per layer' }), 'purity chart');
  await expectOnScreen(page, page.getByRole('img', { name: 'trace distance per layer' }), 'trace distance chart');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/onescreen-1280-bell.png` });

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
  for (const pick of [() => page.getByRole('button', { name: 'Bell Ψ−', exact: true }).click(), () => page.getByRole('button', { name: 'Bell Φ−', exact: true }).click()]) {
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
  await page.getByText('Trained weights:').click();
  await page.getByRole('button', { name: 'Use untrained (random) weights' }).click();
  await settledOutput(page);
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

test('tabs keep their content and their URL field', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1');
  await settledOutput(page);
  const trainingTab = page.getByRole('tab', { name: 'Training studio' });
  const exportTab = page.getByRole('tab', { name: 'Export' });
  const training = page.getByRole('region', { name: 'Training studio' });
  await expect(training).toBeHidden();
  await trainingTab.click();
  await expect(trainingTab).toHaveAttribute('aria-selected', 'true');
  await expect(training).toBeVisible();
  await expect.poll(() => page.url()).toContain('p=training');
  const epochs = training.getByLabel('Epochs (per block)');
  await epochs.fill('7');

  await exportTab.click();
  await expect.poll(() => page.url()).toContain('p=export');
  await expect(page.getByRole('region', { name: 'Export' })).toBeVisible();
  await expect(training).toBeHidden();
  // The explorer stays where it was, above the tabs.
  await expect(quantumReadout(page)).toBeVisible();

  await trainingTab.click();
  await expect(training).toBeVisible();
  await expect(epochs).toHaveValue('7');

  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect.poll(() => page.url()).not.toContain('p=');
  await expect(training).toBeHidden();

  // A link naming a tab opens it.
  const other = await context.newPage();
  await other.goto('./#v=1&p=saved');
  await expect(other.getByRole('tab', { name: 'Saved work' })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('region', { name: 'Saved work' })).toBeVisible();
  await other.close();
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
