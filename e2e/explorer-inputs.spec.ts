import { readFileSync } from 'node:fs';
import { expect, openMatrixEditor, pageErrors, settled, test, type Locator, type Page } from './fixtures';

// Each test starts the engine worker afresh; several compute on both tasks.
test.describe.configure({ timeout: 120_000 });

const currentInput = (page: Page) => page.getByRole('status', { name: 'Current input', exact: true });
const cell = (page: Page, part: 'Re' | 'Im', i: number, j: number) => page.getByRole('textbox', { name: `${part} ρ(${i},${j})`, exact: true });

/** Type a real diagonal matrix: start from the I/4 preset (off-diagonals 0), then set the diagonal. */
async function enterDiagonal(page: Page, diag: string[]) {
  await page.getByRole('button', { name: 'Fill I/4', exact: true }).click();
  for (let i = 0; i < 4; i++) await cell(page, 'Re', i, i).fill(diag[i]);
}

test('a bad hand-entered matrix shows its reason and keeps the previous state', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  await page.getByRole('button', { name: 'Bell Φ−', exact: true }).click();
  await expect(currentInput(page)).toHaveText('Bell state |Φ−⟩');
  await settled(page);
  await openMatrixEditor(page);
  const check = page.getByRole('status', { name: 'Matrix check', exact: true });
  const use = page.getByRole('button', { name: 'Use this matrix', exact: true });

  // Not a number.
  await cell(page, 'Re', 0, 1).fill('abc');
  await expect(check).toContainText('Re ρ(0,1) is not a number');
  await expect(use).toBeDisabled();

  // diag(1.25, −0.25, 0, 0): trace 1, Hermitian, but a negative eigenvalue.
  await enterDiagonal(page, ['1.25', '-0.25', '0', '0']);
  await expect(check).toHaveText('Not a density matrix: it has a negative eigenvalue (−0.25). Use the nearest state to fix it.');
  await expect(use).toBeDisabled();
  await page.screenshot({ path: 'test-results/explorer-bad-matrix.png', fullPage: true });
  // The input is still the Bell state, and its measures are still shown.
  await expect(currentInput(page)).toHaveText('Bell state |Φ−⟩');
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('1.0000');

  // Trace ≠ 1.
  await cell(page, 'Re', 0, 0).fill('0.5');
  await expect(check).toContainText('trace is not 1');
  await expect(use).toBeDisabled();

  // Non-Hermitian (mirror off).
  await page.getByRole('checkbox', { name: /Keep Hermitian/ }).uncheck();
  await enterDiagonal(page, ['0.5', '0.5', '0', '0']);
  await cell(page, 'Re', 0, 1).fill('0.3');
  await expect(check).toContainText(
    'Not a density matrix: it is not Hermitian (each ρ(j,i) must be the complex conjugate of ρ(i,j); the largest mismatch is 0.3).',
  );
  await expect(use).toBeDisabled();

  // Fixed: a valid state can be used.
  await cell(page, 'Re', 0, 1).fill('0');
  await expect(check).toContainText('valid density matrix');
  await expect(use).toBeEnabled();
  await use.click();
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText('0.5000');
  expect(errors).toEqual([]);
});

test('Bell state, then its dephased and marginal partners, in one click each', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  await page.getByRole('button', { name: 'Bell Φ+', exact: true }).click();
  await expect(currentInput(page)).toHaveText('Bell state |Φ+⟩');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('1.0000');

  await page.getByRole('button', { name: 'Dephased partner', exact: true }).click();
  await expect(currentInput(page)).toHaveText('dephased partner of Bell state |Φ+⟩');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('0.0000');
  await expect(page.getByRole('status', { name: 'Input PPT verdict', exact: true })).toContainText('separable');
  await page.screenshot({ path: 'test-results/explorer-dephased.png', fullPage: true });

  await page.getByRole('button', { name: 'Bell Ψ+', exact: true }).click();
  await page.getByRole('button', { name: 'Marginal partner', exact: true }).click();
  await expect(currentInput(page)).toHaveText('marginal-product partner of Bell state |Ψ+⟩');
  await settled(page);
  // ρ_A ⊗ ρ_B of a Bell state is I/4: purity 1/4.
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText('0.2500');

  // Random pure: its concurrence is shown.
  await page.getByRole('button', { name: 'Random pure', exact: true }).click();
  await expect(currentInput(page)).toHaveText(/^random pure state \(seed \d+\)$/);
  await settled(page);
  const c = page.getByRole('status', { name: 'Input concurrence', exact: true });
  await expect(c).toHaveText(/^\d\.\d{4}$/);
  const value = Number(await c.textContent());
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText(/^(1\.0000|0\.9999)$/);

  for (const name of ['Random mixed', 'Product']) {
    await page.getByRole('button', { name, exact: true }).click();
    await settled(page);
  }
  await expect(currentInput(page)).toHaveText(/^random product state \(seed \d+\)$/);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('0.0000');
  expect(errors).toEqual([]);
});

/** The 8×8 pooled input shown beside the canvas, as numbers. */
async function pooled(canvas: Locator): Promise<number[]> {
  await expect(canvas).toHaveAttribute('data-values', /\d/);
  return (await canvas.getAttribute('data-values'))!.split(',').map(Number);
}

test('digits: draw a stroke and the 8×8 pooled input changes', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  const small = page.getByRole('img', { name: '8×8 pooled input', exact: true });
  await expect(currentInput(page)).toHaveText('MNIST digit #0');
  await settled(page);
  const mnist = await pooled(small);
  expect(mnist).toHaveLength(64);

  // Clear: an empty picture gives the uniform input 1/64.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(currentInput(page)).toHaveText('digit drawn on the canvas');
  await expect(small).toHaveAttribute(
    'data-values',
    Array(64)
      .fill((1 / 64).toFixed(4))
      .join(','),
  );
  // The blank canvas: the chain shows an empty state instead of I/64 through the blocks, and
  // "Save input" is not offered for it (disabled, saying why).
  const chain = page.getByRole('list', { name: 'Layers of the network' });
  const chainLayers = chain.getByRole('img', { name: /^quantum path, layer \d+$/ });
  await expect(chain).toContainText('The canvas is blank: draw a digit to see the layers.');
  await expect(chainLayers).toHaveCount(0);
  // The large layer view says so too, and shows no matrix of I/64.
  const layerView = page.getByRole('region', { name: 'Layer by layer' });
  await expect(layerView).toContainText('The canvas is blank: draw a digit to see its layers.');
  await expect(layerView.getByRole('img', { name: /path/ })).toHaveCount(0);
  const measuresView = page.getByRole('region', { name: 'Measures per layer' });
  await expect(measuresView).toContainText('The canvas is blank: draw a digit to see its measures.');
  await expect(measuresView.getByRole('img', { name: /per layer$/ })).toHaveCount(0);
  const saveInput = page.getByRole('button', { name: 'Save input', exact: true });
  await expect(saveInput).toBeDisabled();
  await expect(saveInput).toHaveAccessibleDescription('Nothing to save: the canvas is blank (draw a digit first).');

  // A vertical stroke down the middle of the canvas.
  const canvas = page.getByRole('img', { name: /^Drawing canvas/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + (0.6 * k) / 12));
  await page.mouse.up();
  await expect(small).not.toHaveAttribute(
    'data-values',
    Array(64)
      .fill((1 / 64).toFixed(4))
      .join(','),
  );
  await settled(page);
  const drawn = await pooled(small);
  // The ink is in the middle columns (3, 4) of the 8×8 grid, none in the outer columns.
  const column = (c: number) => drawn.filter((_, k) => k % 8 === c).reduce((a, b) => a + b, 0);
  expect(column(3) + column(4)).toBeGreaterThan(0.9);
  expect(column(0) + column(7)).toBe(0);
  // A digit: the layers are back (input and 4 blocks) and the drawing can be saved.
  await expect(chain).not.toContainText('The canvas is blank');
  await expect(chainLayers).toHaveCount(5);
  await expect(layerView).not.toContainText('The canvas is blank');
  await expect(measuresView.getByRole('img', { name: 'purity per layer' })).toBeVisible();
  await expect(layerView.getByRole('img', { name: /quantum path/i }).first()).toBeVisible();
  await expect(saveInput).toBeEnabled();
  await page.screenshot({ path: 'test-results/explorer-drawn.png', fullPage: true });

  await page.getByRole('button', { name: 'Random MNIST digit', exact: true }).click();
  await expect(currentInput(page)).toHaveText(/^MNIST digit #\d+$/);
  await settled(page);
  expect(await pooled(small)).not.toEqual(drawn);
  expect(errors).toEqual([]);
});

test('load trained model: a valid file is used, a bad one is rejected with the field named', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  await settled(page);
  const zero = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const half = zero.map((row, i) => row.map((_, j) => (i === j ? 0.5 : 0)));
  const block = { alpha: 0.3, activation: 'relu', gain: 2, bias: [0, 0, 0, 0], aPlus: { re: half, im: zero }, aMinus: { re: zero, im: zero } };
  const model = { format: 'hqrn-model', version: 1, nQubits: 2, blocks: [block, block] };
  const file = page.getByLabel('Load trained model');

  await file.setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.getByText('Trained weights:')).toContainText('tiny.json');
  await expect(page.getByRole('button', { name: /^Remove block \d+$/ })).toHaveCount(2);
  await expect(page.getByRole('slider', { name: 'α of block 1', exact: true })).toHaveValue('0.3');
  await settled(page);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const bad = { ...model, blocks: [{ ...block, gain: -1 }] };
  await file.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole('alert')).toContainText('gain');
  await page.screenshot({ path: 'test-results/explorer-bad-model.png', fullPage: true });

  // A model file of the other task switches the task with it, in one undo step (it took two:
  // the task, then the model, with an untrained view in between).
  // (Switching task with a trained model opens the digits task's bundled model.)
  await page.getByRole('radio', { name: /Digits/ }).check();
  await settled(page);
  await expect(page.getByText('Trained weights:')).toContainText('digits-quantum');
  await file.setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.getByRole('radio', { name: /Two qubits/ })).toBeChecked();
  await expect(page.getByText('Trained weights:')).toContainText('tiny.json');
  await settled(page);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('radio', { name: /Digits/ })).toBeChecked();
  await expect(page.getByText('Trained weights:')).toContainText('digits-quantum');
  await settled(page);

  await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  await expect(page.getByRole('alert')).toContainText('not valid JSON');

  // A classical model file is refused before anything changes (it switched the task and left
  // every view on "computing…"): the task, the model and the readouts stay as they were.
  const task = await page.evaluate(() => window.__hqrnStore!.getState().stack.task);
  const classical = readFileSync(new URL('../experiments/models/digits-classical.json', import.meta.url));
  await file.setInputFiles({ name: 'digits-classical.json', mimeType: 'application/json', buffer: classical });
  await expect(page.getByRole('alert')).toContainText('model file digits-classical.json: a classical model; the explorer shows quantum models');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  expect(await page.evaluate(() => window.__hqrnStore!.getState().stack.task)).toBe(task);
  await expect(page.getByText('Trained weights:')).toContainText('digits-quantum');
  await settled(page);
  await expect(page.getByRole('region', { name: 'Quantum path readout', exact: true })).toContainText(/predicts digit \d/);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The expected error messages are UI text, not console errors.
  expect(errors).toEqual([]);
});
