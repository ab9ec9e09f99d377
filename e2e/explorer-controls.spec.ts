import { engineStatus as statusLine, expect, pageErrors, settledOutput, test, type Locator, type Page } from './fixtures';

// Each test starts the engine worker afresh; several compute on both tasks.
test.describe.configure({ timeout: 120_000 });

/** Press Tab until `target` has the focus (keyboard only). */
async function tabTo(page: Page, target: Locator, max = 150) {
  for (let k = 0; k < max; k++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('never reached the target with Tab');
}

test('build a stack: depth, add, duplicate, move, remove', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  await settledOutput(page);

  const removeButtons = page.getByRole('button', { name: /^Remove block \d+$/ });
  await expect(removeButtons).toHaveCount(4);

  const depth = page.getByRole('spinbutton', { name: 'Depth', exact: true });
  await depth.fill('6');
  await expect(removeButtons).toHaveCount(6);

  await page.getByRole('button', { name: 'Add block', exact: true }).click();
  await expect(removeButtons).toHaveCount(7);
  await expect(depth).toHaveValue('7');

  // Turn "same α" off so one block can differ, then mark block 2 by its gain and duplicate it.
  await page.getByRole('checkbox', { name: 'Same α everywhere' }).uncheck();
  // The global α slider says what it does while "same α" is off (to a screen reader and on
  // hover); it is not greyed out: dragging it ticks "same α" (e2e/teaching.spec.ts).
  const globalAlpha = page.getByRole('slider', { name: 'Global α', exact: true });
  await expect(globalAlpha).toBeEnabled();
  await expect(globalAlpha).toHaveAccessibleDescription(/“Same α everywhere” is unticked: each block keeps its own α/);
  await expect(globalAlpha).toHaveAttribute('title', /Tick “Same α everywhere” to set every block here/);
  await page.getByRole('spinbutton', { name: 'Gain of block 2', exact: true }).fill('9');
  await page.getByRole('button', { name: 'Duplicate block 2', exact: true }).click();
  await expect(removeButtons).toHaveCount(8);
  await expect(page.getByRole('spinbutton', { name: 'Gain of block 3', exact: true })).toHaveValue('9');

  // Move the copy down: block 4 now has gain 9 and block 3 the default gain.
  await page.getByRole('button', { name: 'Move block 3 down', exact: true }).click();
  await expect(page.getByRole('spinbutton', { name: 'Gain of block 4', exact: true })).toHaveValue('9');
  await expect(page.getByRole('spinbutton', { name: 'Gain of block 3', exact: true })).toHaveValue('4');

  await page.getByRole('button', { name: 'Remove block 1', exact: true }).click();
  await expect(removeButtons).toHaveCount(7);
  await expect(page.getByRole('spinbutton', { name: 'Gain of block 1', exact: true })).toHaveValue('9');

  // Per-block α and activation.
  await page.getByRole('slider', { name: 'α of block 2', exact: true }).fill('0.8');
  await page.getByRole('combobox', { name: 'Activation of block 2', exact: true }).selectOption('relu');
  await expect(page.getByRole('combobox', { name: 'Activation of block 2', exact: true })).toHaveValue('relu');

  // Seeded weights: the seed field shows the seed, and the answer is computed for it.
  await page.locator('.model-menu > summary').click(); // the Model menu holds the seed
  await page.getByRole('spinbutton', { name: 'Weights seed', exact: true }).fill('42');
  await settledOutput(page);
  await expect(page.getByRole('spinbutton', { name: 'Weights seed', exact: true })).toHaveValue('42');
  await page.locator('.model-menu > summary').click();

  await depth.fill('1');
  await expect(removeButtons).toHaveCount(1);
  await settledOutput(page);
  await depth.fill('20');
  await expect(removeButtons).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Add block', exact: true })).toBeDisabled();
  await settledOutput(page);
  await page.screenshot({ path: 'test-results/explorer-stack.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('changing α recomputes: the output probabilities change', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  const before = await settledOutput(page);

  const alpha = page.getByRole('slider', { name: 'Global α', exact: true });
  await alpha.fill('0.95');
  await expect(page.getByRole('status', { name: 'Global α value' })).toHaveText('0.95');
  await expect(statusLine(page)).not.toHaveAttribute('data-output', before);
  const after = await settledOutput(page);
  expect(after).not.toEqual(before);
  // Every block follows the global α.
  await expect(page.getByRole('slider', { name: 'α of block 4', exact: true })).toHaveValue('0.95');

  // Depth changes the answer too.
  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('1');
  await expect(statusLine(page)).not.toHaveAttribute('data-output', after);
  await settledOutput(page);
  await page.screenshot({ path: 'test-results/explorer-alpha.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('keyboard only: Tab to the controls, arrows and Enter operate them', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1');
  const first = await settledOutput(page);

  // Add a block with Enter (Tab order follows the page: depth, add, global α, blocks, inputs).
  await tabTo(page, page.getByRole('button', { name: 'Add block', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Remove block \d+$/ })).toHaveCount(5);
  const fiveBlocks = await settledOutput(page);
  expect(fiveBlocks).not.toEqual(first);

  const alpha = page.getByRole('slider', { name: 'Global α', exact: true });
  await tabTo(page, alpha);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status', { name: 'Global α value' })).toHaveText('0.51');
  await expect(statusLine(page)).not.toHaveAttribute('data-output', fiveBlocks);

  // The activation of block 1, by keyboard.
  const act = page.getByRole('combobox', { name: 'Activation of block 1', exact: true });
  await tabTo(page, act);
  await expect(act).toBeFocused();

  // A Bell state, by keyboard.
  const psiMinus = page.getByRole('button', { name: 'Bell Ψ−', exact: true });
  await tabTo(page, psiMinus);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: 'Current input' })).toHaveText('Bell state |Ψ−⟩');

  // The Werner slider, by keyboard.
  const werner = page.getByRole('slider', { name: 'Werner p', exact: true });
  await tabTo(page, werner);
  await page.keyboard.press('End');
  await expect(page.getByRole('status', { name: 'p', exact: true })).toHaveText('1.00');
  await expect(page.getByRole('status', { name: 'Current input' })).toHaveText('Werner state, p = 1.00');
  await settledOutput(page);
  await page.screenshot({ path: 'test-results/explorer-keyboard.png', fullPage: true });
  expect(errors).toEqual([]);
});

test.describe('phone screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('390×844: one column, nothing overflows horizontally (both tasks)', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#v=1');
    await settledOutput(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/explorer-phone-entanglement.png', fullPage: true });

    await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
    await expect(page.getByRole('button', { name: 'Random MNIST digit' })).toBeVisible();
    await settledOutput(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/explorer-phone-digits.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
