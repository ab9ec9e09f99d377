import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, fillEntanglementTraining, openMatrixEditor, openTab, pageErrors, test, type Locator, type Page } from './fixtures';
import { parseModelFile, parseStateFile, stateToJson } from '../src/core/io/files';
import { werner } from '../src/core/states/states';

/**
 * Saved work and imports, from the built app:
 * train a tiny model, save it, reload, find it with its date / task / accuracy, rename, open
 * in the explorer, export (the file validates with the core's parseModelFile), delete and
 * undo; save custom inputs (a hand-entered matrix, a drawn digit) and get them back after a
 * reload; bad files are refused with the problem named and nothing lost; a 50 MB file is
 * refused from its size; a model named `<img onerror>` is shown as text and runs nothing;
 * without IndexedDB the panel says so and keeps working for the session.
 */

test.describe.configure({ timeout: 150_000 });

declare global {
  interface Window {
    __pwned?: number;
  }
}

const TMP = join('test-results', 'saved-work-files');
mkdirSync(TMP, { recursive: true });
const entanglementModel = JSON.parse(readFileSync('experiments/models/entanglement-quantum.json', 'utf8'));

const savedPanel = (page: Page) => page.getByRole('region', { name: 'Saved work' });
const modelsTable = (page: Page) => savedPanel(page).getByRole('table', { name: 'Saved models' });
const inputsTable = (page: Page) => savedPanel(page).getByRole('table', { name: 'Saved inputs' });
const rowOf = (table: Locator, name: string) =>
  table.locator('tbody tr').filter({ has: table.page().getByTestId('saved-name').getByText(name, { exact: true }) });
const problem = (page: Page) => savedPanel(page).getByRole('alert');
const savedStatus = (page: Page) => savedPanel(page).getByRole('status', { name: 'Saved work status' });
const currentInput = (page: Page) => page.getByRole('status', { name: 'Current input', exact: true });

/** "Open … in explorer" switches to the Explore tab: the saved-work panel is hidden, the explorer shown. */
async function onExploreTab(page: Page) {
  await expect(page.getByRole('tab', { name: 'Explore', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(savedPanel(page)).toBeHidden();
  await expect(page.getByRole('main', { name: 'Explorer' })).toBeVisible();
  await expect.poll(() => page.url()).not.toContain('p=');
}

/** Today's date as the panel writes it (local time of the browser, which is this machine's). */
function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function importFile(page: Page, name: string, contents: string | Buffer) {
  const path = join(TMP, name);
  writeFileSync(path, contents);
  await savedPanel(page).getByLabel('Import an hqrn-model or hqrn-state file').setInputFiles(path);
}

async function panelReady(page: Page) {
  await expect(savedPanel(page)).toHaveAttribute('aria-busy', 'false');
}

test('a trained model: save, reload, find it with date, task and accuracy; rename; open; export; delete and undo', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=training');
  const training = page.getByRole('region', { name: 'Training studio' });
  await training.scrollIntoViewIfNeeded();
  await fillEntanglementTraining(training, { depth: 1, epochs: 1, batch: 16, trainExamples: 100, testExamples: 100, seed: 5 });
  await training.getByRole('button', { name: /Play/ }).click();
  await expect(training.locator('p.train-status')).toContainText('Done', { timeout: 90_000 });
  const testAccuracy = (await training.getByTestId('final-figures').locator('tbody tr').first().locator('td').allTextContents())[4];
  expect(Number(testAccuracy)).toBeGreaterThanOrEqual(0);

  // Save: the name field starts with a description of the run; "Saved" only once written.
  const nameField = training.getByLabel('Name of the model');
  await expect(nameField).toHaveValue(/^trained: entanglement, .*depth 1/);
  await nameField.fill('greedy depth 1');
  await training.getByRole('button', { name: 'Save model' }).click();
  await expect(training.getByRole('status', { name: 'Save model status' })).toHaveText('Saved “greedy depth 1” (see Saved work).');
  // "Use in explorer" names the run ("trained: …") in the link, not the name it was saved under:
  // a reload of that link still finds the saved model (it said "not among the saved models").
  await training.getByRole('button', { name: 'Use in explorer', exact: true }).click();
  await expect.poll(() => decodeURIComponent(page.url())).toMatch(/model=trained: entanglement/);
  await page.reload();
  await expect(page.locator('.trained strong')).toHaveText('greedy depth 1');
  await expect(page.getByRole('alert', { name: 'Problems in the link' })).toHaveCount(0);
  await openTab(page, 'Saved work');

  const check = async (name: string) => {
    const row = rowOf(modelsTable(page), name);
    await expect(row).toHaveCount(1);
    await expect(row.locator('[data-col="task"]')).toHaveText('Entanglement');
    await expect(row.locator('[data-col="kind"]')).toHaveText('quantum');
    await expect(row.locator('[data-col="depth"]')).toHaveText('1');
    await expect(row.locator('[data-col="accuracy"]')).toHaveText(testAccuracy);
    await expect(row.locator('[data-col="date"]')).toHaveText(new RegExp(`^${today()} \\d\\d:\\d\\d$`));
  };
  await check('greedy depth 1');

  // Reload: still there (it was in IndexedDB before "Saved" was shown).
  await page.reload();
  await panelReady(page);
  await check('greedy depth 1');
  await expect(savedPanel(page).locator('.saved-storage')).toHaveAttribute('data-persistent', 'true');

  // Rename (Enter saves), and the new name survives a reload.
  await savedPanel(page).getByRole('button', { name: 'Rename greedy depth 1' }).click();
  await savedPanel(page).getByLabel('New name').fill('Werner detector');
  await savedPanel(page).getByLabel('New name').press('Enter');
  await check('Werner detector');
  await page.reload();
  await panelReady(page);
  await check('Werner detector');
  await expect(rowOf(modelsTable(page), 'greedy depth 1')).toHaveCount(0);

  // Open in the explorer: the Explore tab opens and the stack becomes the trained model.
  await savedPanel(page).getByRole('button', { name: 'Open Werner detector in explorer' }).click();
  await onExploreTab(page);
  await expect(page.locator('.trained strong')).toHaveText('Werner detector');
  expect(await page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length)).toBe(1);
  await openTab(page, 'Saved work');
  await expect(savedStatus(page)).toHaveText('The explorer now shows the model “Werner detector”.');

  // Export: a download whose JSON validates with the core's parser and carries name and meta.
  const [download] = await Promise.all([page.waitForEvent('download'), savedPanel(page).getByRole('button', { name: 'Export Werner detector' }).click()]);
  expect(download.suggestedFilename()).toBe('hqrn-model-Werner-detector.json');
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const model = parseModelFile(file);
  expect(model.kind).toBe('quantum');
  expect(model.nQubits).toBe(2);
  expect(model.blocks).toHaveLength(1);
  expect(file.name).toBe('Werner detector');
  expect(file.meta).toMatchObject({ task: 'entanglement', kind: 'quantum', depth: 1 });
  expect(file.meta.accuracy.toFixed(4)).toBe(testAccuracy);

  // Delete, undo, delete again; after a reload it is gone.
  await savedPanel(page).getByRole('button', { name: 'Delete Werner detector' }).click();
  await expect(rowOf(modelsTable(page), 'Werner detector')).toHaveCount(0);
  await expect(savedStatus(page)).toContainText('Deleted “Werner detector”.');
  await savedStatus(page).getByRole('button', { name: 'Undo' }).click();
  await check('Werner detector');
  await page.reload();
  await panelReady(page);
  await check('Werner detector');
  await savedPanel(page).getByRole('button', { name: 'Delete Werner detector' }).click();
  await expect(rowOf(modelsTable(page), 'Werner detector')).toHaveCount(0);
  await page.reload();
  await panelReady(page);
  await expect(rowOf(modelsTable(page), 'Werner detector')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/saved-work-models.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('bad files are refused with the problem named and the list kept; a 50 MB file is refused from its size', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  await importFile(page, 'good-model.json', JSON.stringify({ ...entanglementModel, name: 'kept model' }));
  await expect(savedStatus(page)).toHaveText('Imported model “kept model”.');
  await importFile(
    page,
    'good-state.json',
    JSON.stringify({
      format: 'hqrn-state',
      version: 1,
      re: [
        [0.5, 0, 0, 0.5],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0.5, 0, 0, 0.5],
      ],
      im: [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    }),
  );
  await expect(savedStatus(page)).toHaveText('Imported input “good-state”.');
  const snapshot = async () => [await modelsTable(page).locator('tbody tr').allTextContents(), await inputsTable(page).locator('tbody tr').allTextContents()];
  const before = await snapshot();
  expect(before[0]).toHaveLength(1);
  expect(before[1]).toHaveLength(1);

  const wrongShape = structuredClone(entanglementModel);
  wrongShape.blocks[1].aMinus.im.pop();
  const nonFinite = JSON.stringify(entanglementModel).replace(/"gain":[^,]+/, '"gain":1e999');
  const zero = [0, 0, 0, 0];
  const notPsd = {
    format: 'hqrn-state',
    version: 1,
    re: [
      [1.25, 0, 0, 0],
      [0, -0.25, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    im: [zero, zero, zero, zero],
  };
  const notHermitian = {
    format: 'hqrn-state',
    version: 1,
    re: [
      [0.5, 0.3, 0, 0],
      [0, 0.5, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    im: [zero, zero, zero, zero],
  };
  const cases: [string, string | Buffer, RegExp][] = [
    ['wrong-shape.json', JSON.stringify(wrongShape), /^Import: wrong-shape\.json: blocks\[1\]\.aMinus\.im: expected 4 rows, got 3/],
    ['non-finite.json', nonFinite, /^Import: non-finite\.json: blocks\[0\]\.gain: must be a finite number, got Infinity/],
    ['nan.json', nonFinite.replace('1e999', 'NaN'), /^Import: nan\.json: \(file\): not valid JSON/],
    ['not-psd.json', JSON.stringify(notPsd), /^Import: not-psd\.json: state: not positive semidefinite/],
    ['not-hermitian.json', JSON.stringify(notHermitian), /^Import: not-hermitian\.json: state: not Hermitian/],
    [
      'three-qubits.json',
      JSON.stringify({ format: 'hqrn-model', version: 1, nQubits: 3, blocks: [{ alpha: 0.5, w: Array.from({ length: 8 }, () => Array(8).fill(0)) }] }),
      /^Import: three-qubits\.json: nQubits: /,
    ],
    ['picture.json', JSON.stringify({ format: 'png' }), /^Import: picture\.json: format: expected "hqrn-model" or "hqrn-state", got "png"/],
    // a real PNG picture chosen by mistake: named as one, no raw parser text ("Unexpected token '�'")
    [
      'photo.png',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0, 0x1f, 0xf3, 0xff, 0x61,
      ]),
      /^Import: photo\.png: \(file\): this is not an hqrn JSON file \(it looks like a PNG image\); export models and inputs from Saved work or the CLI/,
    ],
  ];
  for (const [name, contents, message] of cases) {
    await importFile(page, name, contents);
    await expect(problem(page)).toHaveText(message);
    await expect(problem(page)).toContainText('Nothing saved was changed.');
    expect(await snapshot(), `lists after ${name}`).toEqual(before);
  }

  // 50 MB: refused from File.size, at once, naming the size and the limit.
  const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
  big.write('{"format":"hqrn-model","pad":"', 0);
  const t0 = Date.now();
  await importFile(page, 'huge.json', big);
  await expect(problem(page)).toHaveText(/^Import: huge\.json: the file is 50\.0 MB, larger than the 20\.0 MB limit for imports; it was not read\./);
  console.log(`50 MB file refused in ${Date.now() - t0} ms (including Playwright's file transfer)`);
  expect(await snapshot()).toEqual(before);

  // The app is still usable: the kept model opens in the explorer.
  await savedPanel(page).getByRole('button', { name: 'Open kept model in explorer' }).click();
  await onExploreTab(page);
  await expect(page.locator('.trained strong')).toHaveText('kept model');
  await page.reload();
  await openTab(page, 'Saved work');
  await panelReady(page);
  expect(await snapshot()).toEqual(before);
  await page.screenshot({ path: 'test-results/saved-work-bad-files.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('a model named <img onerror> is shown as literal text and runs nothing', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  const evil = '<img src=x onerror="window.__pwned=1">';
  await importFile(page, 'evil.json', JSON.stringify({ ...entanglementModel, name: evil }));
  const row = rowOf(modelsTable(page), evil);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('saved-name')).toHaveText(evil);
  // Rename to another piece of markup, and open it in the explorer (its name is shown there too).
  const evil2 = '<svg onload="window.__pwned=2"><script>window.__pwned=3</script>';
  await savedPanel(page)
    .getByRole('button', { name: `Rename ${evil}` })
    .click();
  await savedPanel(page).getByLabel('New name').fill(evil2);
  await savedPanel(page).getByRole('button', { name: 'Save name' }).click();
  await expect(rowOf(modelsTable(page), evil2).getByTestId('saved-name')).toHaveText(evil2);
  await savedPanel(page)
    .getByRole('button', { name: `Open ${evil2} in explorer` })
    .click();
  await onExploreTab(page);
  await expect(page.locator('.trained strong')).toHaveText(evil2);
  await openTab(page, 'Saved work');
  await expect(savedStatus(page)).toHaveText(`The explorer now shows the model “${evil2}”.`);
  await page.reload();
  await panelReady(page);
  await expect(rowOf(modelsTable(page), evil2)).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('custom inputs: a hand-entered matrix and a drawn digit are saved, survive a reload, open and export', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  // A hand-entered matrix: diag(0.1, 0.2, 0.3, 0.4), typed in the explorer.
  await openTab(page, 'Explore');
  await openMatrixEditor(page);
  await page.getByRole('button', { name: 'Fill I/4', exact: true }).click();
  const diag = ['0.1', '0.2', '0.3', '0.4'];
  for (let i = 0; i < 4; i++) await page.getByRole('textbox', { name: `Re ρ(${i},${i})`, exact: true }).fill(diag[i]);
  await page.getByRole('button', { name: 'Use this matrix', exact: true }).click();
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  const inputPanel = page.getByRole('region', { name: 'Input', exact: true });
  await inputPanel.getByLabel('Name of the input').fill('my diagonal state');
  await inputPanel.getByRole('button', { name: 'Save input' }).click();
  await expect(inputPanel.getByRole('status', { name: 'Save input status' })).toHaveText('Saved “my diagonal state” (see Saved work).');

  // A drawn digit (digits task).
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  const canvas = page.getByRole('img', { name: /^Drawing canvas/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width * (0.3 + 0.04 * k), box.y + box.height * (0.3 + 0.04 * k));
  await page.mouse.up();
  await expect(currentInput(page)).toHaveText('digit drawn on the canvas');
  const drawnPixels = await page.evaluate(() => (window.__hqrnStore!.getState().input as { pixels: number[] }).pixels);
  expect(drawnPixels.some((v) => v > 0)).toBe(true);
  await inputPanel.getByLabel('Name of the input').fill('diagonal stroke');
  await inputPanel.getByRole('button', { name: 'Save input' }).click();
  await expect(inputPanel.getByRole('status', { name: 'Save input status' })).toHaveText('Saved “diagonal stroke” (see Saved work).');

  // Reload: both are listed, newest first, with their task and description.
  await page.reload();
  await openTab(page, 'Saved work');
  await panelReady(page);
  const rows = inputsTable(page).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByTestId('saved-name')).toHaveText('diagonal stroke');
  await expect(rows.nth(0).locator('[data-col="task"]')).toHaveText('Digits');
  await expect(rows.nth(0).locator('[data-col="input"]')).toHaveText('digit drawn on the canvas');
  await expect(rows.nth(1).locator('[data-col="task"]')).toHaveText('Entanglement');
  await expect(rows.nth(1).locator('[data-col="date"]')).toHaveText(new RegExp(`^${today()} `));

  // Open the matrix (the page reloaded on the entanglement task): the explorer takes it.
  await savedPanel(page).getByRole('button', { name: 'Open my diagonal state in explorer' }).click();
  await onExploreTab(page);
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText('0.3000', { timeout: 45_000 });
  // Open the drawing: the task switches to digits and the same pixels come back.
  await openTab(page, 'Saved work');
  await savedPanel(page).getByRole('button', { name: 'Open diagonal stroke in explorer' }).click();
  await onExploreTab(page);
  await expect(currentInput(page)).toHaveText('digit drawn on the canvas');
  expect(await page.evaluate(() => window.__hqrnStore!.getState().stack.task)).toBe('digits');
  expect(await page.evaluate(() => (window.__hqrnStore!.getState().input as { pixels: number[] }).pixels)).toEqual(drawnPixels);

  // Export both: hqrn-state files that validate (4×4 and the 64×64 diag(x) of the drawing).
  await openTab(page, 'Saved work');
  for (const [name, d] of [
    ['my diagonal state', 4],
    ['diagonal stroke', 64],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      savedPanel(page)
        .getByRole('button', { name: `Export ${name}` })
        .click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const [rho] = parseStateFile(file);
    expect(rho.rows).toBe(d);
    expect(file.name).toBe(name);
    if (d === 4) expect(Array.from({ length: 4 }, (_, i) => rho.re[i * 5])).toEqual([0.1, 0.2, 0.3, 0.4]);
    else expect(file.input.pixels).toEqual(drawnPixels);
  }
  expect(errors).toEqual([]);
});

test('two tabs: a save, a rename and a delete in one are listed in the other without a reload', async ({ page, context }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  const other = await context.newPage();
  const otherErrors = pageErrors(other);
  await other.goto('./#v=1&p=saved');
  await panelReady(other);
  await expect(inputsTable(other)).toContainText('No saved inputs yet');

  // Tab one saves a hand-entered matrix (typed in the explorer).
  await openTab(page, 'Explore');
  await openMatrixEditor(page);
  await page.getByRole('button', { name: 'Fill I/4', exact: true }).click();
  await page.getByRole('button', { name: 'Use this matrix', exact: true }).click();
  const inputPanel = page.getByRole('region', { name: 'Input', exact: true });
  await inputPanel.getByLabel('Name of the input').fill('from tab one');
  await inputPanel.getByRole('button', { name: 'Save input' }).click();
  await expect(inputPanel.getByRole('status', { name: 'Save input status' })).toHaveText('Saved “from tab one” (see Saved work).');
  // Tab two lists it, and says why its list changed.
  await expect(rowOf(inputsTable(other), 'from tab one')).toHaveCount(1);
  await expect(savedStatus(other)).toHaveText('Saved work changed in another tab; the lists are up to date.');

  // Tab two renames it; tab one (back on its Saved work tab) follows.
  await openTab(page, 'Saved work');
  await savedPanel(other).getByRole('button', { name: 'Rename from tab one' }).click();
  await savedPanel(other).getByLabel('New name').fill('renamed in tab two');
  await savedPanel(other).getByLabel('New name').press('Enter');
  await expect(rowOf(inputsTable(page), 'renamed in tab two')).toHaveCount(1);
  await expect(rowOf(inputsTable(page), 'from tab one')).toHaveCount(0);

  // Tab one deletes it; tab two no longer lists it; Undo in tab one brings it back in both.
  await savedPanel(page).getByRole('button', { name: 'Delete renamed in tab two' }).click();
  await expect(rowOf(inputsTable(other), 'renamed in tab two')).toHaveCount(0);
  await expect(inputsTable(other)).toContainText('No saved inputs yet');
  await savedStatus(page).getByRole('button', { name: 'Undo' }).click();
  await expect(rowOf(inputsTable(other), 'renamed in tab two')).toHaveCount(1);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('without IndexedDB the panel says so and keeps working for the session', async ({ page }) => {
  const errors = pageErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  await expect(savedPanel(page).getByRole('note')).toContainText('Saving is not available: this browser offers no IndexedDB');
  await importFile(page, 'session.json', JSON.stringify({ ...entanglementModel, name: 'session only' }));
  await expect(rowOf(modelsTable(page), 'session only')).toHaveCount(1);
  await savedPanel(page).getByRole('button', { name: 'Open session only in explorer' }).click();
  await onExploreTab(page);
  await expect(page.locator('.trained strong')).toHaveText('session only');
  await page.reload();
  await openTab(page, 'Saved work');
  await panelReady(page);
  await expect(rowOf(modelsTable(page), 'session only')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a link to a saved model keeps working after the model is renamed in Saved work', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  await importFile(page, 'class-model.json', JSON.stringify({ ...entanglementModel, name: 'class model' }));
  await expect(rowOf(modelsTable(page), 'class model')).toHaveCount(1);
  await savedPanel(page).getByRole('button', { name: 'Open class model in explorer' }).click();
  await onExploreTab(page);
  await expect(page.locator('.trained strong')).toHaveText('class model');
  await expect.poll(() => decodeURIComponent(page.url())).toContain('model=class model');
  const link = page.url();
  // Rename it, then open the link made before the rename (a reload of the view).
  await openTab(page, 'Saved work');
  await savedPanel(page).getByRole('button', { name: 'Rename class model' }).click();
  await savedPanel(page).getByLabel('New name').fill('Werner detector');
  await savedPanel(page).getByLabel('New name').press('Enter');
  await expect(rowOf(modelsTable(page), 'Werner detector')).toHaveCount(1);
  await page.goto(link);
  await page.reload();
  await expect(page.locator('.trained strong')).toHaveText('Werner detector');
  await expect(page.getByRole('alert', { name: 'Problems in the link' })).toHaveCount(0);
  expect(await page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length)).toBe(entanglementModel.blocks.length);
  expect(errors).toEqual([]);
});

test('bundled models are listed and open in the explorer', async ({ page }) => {
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  const details = savedPanel(page).locator('details.saved-bundled');
  await details.locator('summary').click();
  const table = details.getByRole('table', { name: 'Bundled models' });
  // digits-classical, digits-quantum, entanglement-paper (the "Paper" preset) and entanglement-quantum (the shipped "Best" model)
  await expect(table.locator('tbody tr')).toHaveCount(4);
  const results = JSON.parse(readFileSync('experiments/results.json', 'utf8'));
  await expect(table.getByRole('row', { name: /entanglement-quantum/ })).toContainText(results.bestEntanglement.test['hqrn generator-test'].acc.toFixed(4));
  await expect(table.getByRole('row', { name: /entanglement-paper/ })).toContainText(results.entanglement.testAccuracy.toFixed(4));
  await table.getByRole('button', { name: 'Open entanglement-quantum in explorer' }).click();
  await onExploreTab(page);
  await expect(page.locator('.trained strong')).toHaveText('entanglement-quantum');
  expect(await page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length)).toBe(entanglementModel.blocks.length);
  await openTab(page, 'Saved work');
  await expect(table.getByRole('button', { name: 'Open digits-classical in explorer' })).toBeDisabled();
});

test('a crash of the tab right after "Imported" loses nothing', async ({ page }) => {
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  await importFile(page, 'before-crash.json', JSON.stringify({ ...entanglementModel, name: 'survives a crash' }));
  await expect(savedStatus(page)).toHaveText('Imported model “survives a crash”.');
  // Kill the renderer at once (no unload handlers, no chance to flush anything later).
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  const again = await page.context().newPage();
  await again.goto('./#v=1&p=saved');
  await panelReady(again);
  await expect(rowOf(modelsTable(again), 'survives a crash')).toHaveCount(1);
});

test('fuzzed model and state files through the UI: each imports or is refused naming a field; nothing listed is lost', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  await importFile(page, 'anchor.json', JSON.stringify({ ...entanglementModel, name: 'anchor' }));
  await expect(rowOf(modelsTable(page), 'anchor')).toHaveCount(1);
  const zero = [0, 0, 0, 0];
  const bases: unknown[] = [
    entanglementModel,
    { format: 'hqrn-state', version: 1, re: [[0.5, 0, 0, 0.5], zero, zero, [0.5, 0, 0, 0.5]], im: [zero, zero, zero, zero] },
  ];
  const leafPaths = (v: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
    Array.isArray(v)
      ? v.flatMap((x, i) => leafPaths(x, [...prefix, i]))
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...prefix, k]))
        : [prefix];
  const weird: unknown[] = [-1, 2, 1e308, 'NaN', null, '', [], {}, true, 1e6, [[1]], 0.3, -0.5, '1e999'];
  // A seeded generator (mulberry32), so a failure names a case that can be replayed.
  let seed = 20261125;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const CASES = 40;
  let imported = 0,
    refused = 0;
  for (let k = 0; k < CASES; k++) {
    const base = bases[k % 2] as Record<string, unknown>;
    const paths = leafPaths(base);
    const path = paths[Math.floor(rand() * paths.length)];
    const value = weird[Math.floor(rand() * weird.length)];
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let o = copy;
    for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
    o[path.at(-1)!] = value;
    const text = JSON.stringify({ ...copy, name: `fuzz ${k}` }).replace('"1e999"', '1e999');
    const before = (await modelsTable(page).locator('tbody tr').count()) + (await inputsTable(page).locator('tbody tr').count());
    await importFile(page, `fuzz-${k}.json`, text);
    const outcome = page
      .locator('.saved-panel')
      .getByRole('status', { name: 'Saved work status' })
      .filter({ hasText: `fuzz ${k}` })
      .or(problem(page).filter({ hasText: `fuzz-${k}.json` }));
    await expect(outcome).toBeVisible();
    if (await problem(page).isVisible()) {
      refused++;
      await expect(problem(page), `case ${k}: ${path.join('.')} = ${JSON.stringify(value)}`).toHaveText(
        new RegExp(`^Import: fuzz-${k}\\.json: [^:]+: \\S.*Nothing saved was changed\\.$`),
      );
      await expect(problem(page)).not.toContainText('could not be validated');
    } else imported++;
    const after = (await modelsTable(page).locator('tbody tr').count()) + (await inputsTable(page).locator('tbody tr').count());
    expect(after, `case ${k}: rows`).toBeGreaterThanOrEqual(before);
  }
  await expect(rowOf(modelsTable(page), 'anchor')).toHaveCount(1);
  console.log(`UI import fuzz: ${CASES} files, ${imported} imported, ${refused} refused with a named field`);
  expect(errors).toEqual([]);
});

test('an imported recipe (Werner p = 0.3) opens as that recipe and exports its float64 state from the worker', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&p=saved');
  await panelReady(page);
  const state = JSON.parse(JSON.stringify(stateToJson(werner(0.3))));
  await importFile(page, 'werner.json', JSON.stringify({ ...state, name: 'Werner 0.3', input: { kind: 'werner', p: 0.3 } }));
  const row = inputsTable(page).locator('tbody tr').filter({ hasText: 'Werner 0.3' });
  await expect(row.locator('[data-col="input"]')).toHaveText('Werner state, p = 0.30');
  await savedPanel(page).getByRole('button', { name: 'Open Werner 0.3 in explorer' }).click();
  await onExploreTab(page);
  await expect(currentInput(page)).toHaveText('Werner state, p = 0.30');
  await openTab(page, 'Saved work');
  const [download] = await Promise.all([page.waitForEvent('download'), savedPanel(page).getByRole('button', { name: 'Export Werner 0.3' }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const [rho] = parseStateFile(file);
  const expected = werner(0.3);
  for (let k = 0; k < 16; k++) {
    expect(Math.abs(rho.re[k] - expected.re[k])).toBeLessThan(1e-12);
    expect(Math.abs(rho.im[k] - expected.im[k])).toBeLessThan(1e-12);
  }
  expect(file.input).toEqual({ kind: 'werner', p: 0.3 });
  expect(errors).toEqual([]);
});
