/**
 * Undo, links and depth with a trained model, as a newcomer meets them:
 * - a task switch that opens the other task's trained model is one Undo step (it left an
 *   "untrained digits" view that the user never had in between);
 * - a link naming a model restores the depth it was copied at (it showed the model's 12 blocks);
 * - a depth shrunk and grown back gives the trained blocks their α again (they came back at 0.5);
 * - an unreadable link on a fresh page shows the first-visit view (it showed untrained weights);
 * - "Use the nearest state" writes short numbers into the link (not 0.4999999999999999);
 * - the weights note at depth 0.
 */
import { expect, settledOutput, test, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const quantumReadout = (page: Page) => page.getByRole('region', { name: 'Quantum path readout', exact: true });
const trainedName = (page: Page) => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name ?? null);
const depthOf = (page: Page) => page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length);
const alphas = (page: Page) => page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.map((b) => b.alpha));
const depthBox = (page: Page) => page.getByRole('spinbutton', { name: 'Depth', exact: true });
const undo = (page: Page) => page.getByRole('button', { name: 'Undo', exact: true });
const redo = (page: Page) => page.getByRole('button', { name: 'Redo', exact: true });

async function firstVisit(page: Page) {
  await page.goto('./');
  await expect.poll(() => trainedName(page)).toBe('entanglement-quantum');
  await settledOutput(page);
}

test('a task switch that opens the other task’s trained model is one Undo step; Redo brings it back', async ({ page }) => {
  await firstVisit(page);
  const before = page.url();
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await expect.poll(() => trainedName(page)).toBe('digits-quantum');
  await settledOutput(page);
  await expect(quantumReadout(page)).toContainText('trained model: digits-quantum');

  await undo(page).click();
  await settledOutput(page);
  expect(await trainedName(page)).toBe('entanglement-quantum');
  expect(await depthOf(page)).toBe(12);
  await expect(page.getByRole('radio', { name: /^Two qubits/ })).toBeChecked();
  await expect(quantumReadout(page)).toContainText('trained model: entanglement-quantum');
  await expect(quantumReadout(page)).toContainText('predicts entangled');
  await expect(undo(page)).toBeDisabled();
  expect(page.url()).toBe(before);

  await redo(page).click();
  await settledOutput(page);
  expect(await trainedName(page)).toBe('digits-quantum');
  await expect(quantumReadout(page)).toContainText('trained model: digits-quantum');
  await expect(redo(page)).toBeDisabled();
  expect(page.url()).toContain('model=digits-quantum');

  // Back (the browser's) from the switch lands on the trained entanglement view too.
  await page.goBack();
  await expect.poll(() => trainedName(page)).toBe('entanglement-quantum');
  await settledOutput(page);
  expect(await depthOf(page)).toBe(12);
  expect(await alphas(page)).toEqual(Array(12).fill(0.8));
  await expect(quantumReadout(page)).toContainText('predicts entangled');
});

test('a bundled model of the other task from the Model menu is one Undo step', async ({ page }) => {
  await firstVisit(page);
  await page.locator('.model-menu > summary').click();
  await page.getByRole('button', { name: /^digits-quantum \(digits\)/ }).click();
  await expect.poll(() => trainedName(page)).toBe('digits-quantum');
  await settledOutput(page);
  await undo(page).click();
  await settledOutput(page);
  expect(await trainedName(page)).toBe('entanglement-quantum');
  await expect(page.getByRole('radio', { name: /^Two qubits/ })).toBeChecked();
  await expect(undo(page)).toBeDisabled();
});

test('a link of the trained model at another depth opens at that depth (1, 3, 20)', async ({ page, context }) => {
  await firstVisit(page);
  for (const [depth, note] of [
    ['1', 'trained model: entanglement-quantum, cut to its first 1 of 12 blocks'],
    ['3', 'trained model: entanglement-quantum, cut to its first 3 of 12 blocks'],
    ['20', 'trained model: entanglement-quantum; blocks 13–20 untrained (random)'],
  ] as const) {
    await depthBox(page).fill(depth);
    await settledOutput(page);
    await expect.poll(() => page.url()).toContain(`d=${depth}`);
    const link = page.url();
    const mine = await page.evaluate(() => window.__hqrnStore!.getState().result!.output.probabilities);

    const other = await context.newPage();
    await other.goto(link);
    await expect.poll(() => trainedName(other)).toBe('entanglement-quantum');
    await settledOutput(other);
    expect(await depthOf(other), `depth ${depth}`).toBe(Number(depth));
    expect(await alphas(other)).toEqual(await alphas(page));
    await expect(quantumReadout(other)).toContainText(note);
    await expect(other.getByRole('alert')).toHaveCount(0);
    const theirs = await other.evaluate(() => window.__hqrnStore!.getState().result!.output.probabilities);
    Array.from(theirs).forEach((p, k) => expect(Math.abs(p - mine[k])).toBeLessThan(1e-9));
    await other.close();
  }
});

test('depth 12 → 1 → 12 and 12 → 10 → 12 give the trained blocks their α back', async ({ page }) => {
  await firstVisit(page);
  for (const low of ['1', '10']) {
    await depthBox(page).fill(low);
    await settledOutput(page);
    await depthBox(page).fill('12');
    await settledOutput(page);
    expect(await alphas(page)).toEqual(Array(12).fill(0.8));
    await expect(quantumReadout(page)).toContainText('trained model: entanglement-quantum');
    await expect(quantumReadout(page)).not.toContainText('untrained');
    await expect(quantumReadout(page)).toContainText('predicts entangled');
    expect(page.url()).not.toContain('0.5');
  }
});

test('an unreadable link on a fresh page says so and shows the first-visit view (trained model on |Φ+⟩)', async ({ page }) => {
  for (const hash of ['#v=2', '#garbage%%%']) {
    await page.goto(`./${hash}`);
    await page.reload(); // a fresh page (goto with only another hash stays on the page)
    await expect(page.getByRole('alert', { name: 'Problems in the link' })).toContainText('This link could not be read');
    await expect.poll(() => trainedName(page)).toBe('entanglement-quantum');
    await settledOutput(page);
    expect(await depthOf(page)).toBe(12);
    await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText('Bell state |Φ+⟩');
    await expect(quantumReadout(page)).toContainText('predicts entangled');
    await expect(page.getByRole('alert', { name: 'Problems in the link' })).toContainText('This link could not be read');
  }
  // A readable link naming only a task keeps meaning untrained weights of that task.
  await page.goto('./#v=1&t=dig');
  await page.reload();
  await settledOutput(page);
  expect(await trainedName(page)).toBeNull();
});

test('"Use the nearest state" writes each entry as the shortest decimal that reads back to the same double (exact links)', async ({ page }) => {
  // |Φ+⟩ with a diagonal that sums to 1.002: refused, then projected.
  const re = [0.501, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0, 0.501].join(',');
  await page.goto(`./#v=1&in=matrix:${re};${Array(16).fill(0).join(',')}`);
  await page.reload();
  await page.getByRole('button', { name: /^Use the nearest state/ }).click();
  await settledOutput(page);
  await expect.poll(() => new URL(page.url()).hash).toContain('in=matrix:');
  const entries = decodeURIComponent(new URL(page.url()).hash)
    .replace(/^.*in=matrix:/, '')
    .replace(/&.*$/, '')
    .split(/[,;]/);
  expect(entries).toHaveLength(32);
  // Each entry is the shortest round-trip decimal (String(x)), and together they are the state in
  // the store bit for bit (−0 written as 0).
  for (const e of entries) expect(String(Number(e)), e).toBe(e);
  const stored = await page.evaluate(() => {
    const i = window.__hqrnStore!.getState().input as { re: number[][]; im: number[][] };
    return [...i.re.flat(), ...i.im.flat()].map((x) => (x === 0 ? 0 : x));
  });
  expect(entries.map(Number)).toEqual(stored);
});

test('depth 0 of a trained model: the note says there are no blocks', async ({ page }) => {
  await firstVisit(page);
  await depthBox(page).fill('0');
  await settledOutput(page);
  await expect(quantumReadout(page)).toContainText('trained model: entanglement-quantum, no blocks: the readout of the input');
  await expect(quantumReadout(page)).not.toContainText('first 0 of 12');
});
