import { PNG } from 'pngjs';
import { expect, openTab, settledOutput, test, type Locator, type Page } from './fixtures';

// Each test starts the engine worker afresh (and some open a second page).
test.describe.configure({ timeout: 120_000 });

/** What the URL must restore: the store's view, without ids and results. */
async function viewState(page: Page) {
  return page.evaluate(() => {
    const s = window.__hqrnStore!.getState();
    return {
      task: s.stack.task,
      blocks: s.stack.blocks.map((b) => ({ alpha: b.alpha, activation: b.activation, gain: b.gain, seed: b.seed })),
      readoutSeed: s.stack.readoutSeed,
      input: s.input,
      sameAlpha: s.sameAlpha,
      globalAlpha: s.globalAlpha,
      selectedLayer: s.selectedLayer,
      view: s.view,
      hidden: s.hidden,
      output: Array.from(s.result?.output.probabilities ?? []),
    };
  });
}

/** Drag a range input's thumb with the mouse from `from` to `to` (fractions of its width) in many small moves. */
async function dragSlider(page: Page, slider: Locator, from: number, to: number) {
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + from * box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + to * box.width, y, { steps: 10 });
  await page.mouse.up();
}

const depthOf = (page: Page) => page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.length);

/** Fraction of pixels that differ between two PNG screenshots of the same size. */
function differingFraction(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  expect([pb.width, pb.height]).toEqual([pa.width, pa.height]);
  let diff = 0;
  for (let k = 0; k < pa.data.length; k += 4)
    if (Math.abs(pa.data[k] - pb.data[k]) + Math.abs(pa.data[k + 1] - pb.data[k + 1]) + Math.abs(pa.data[k + 2] - pb.data[k + 2]) > 24) diff++;
  return diff / (pa.width * pa.height);
}

test('a view’s link opens the same view in a new page (state and screenshot)', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#v=1');
  await settledOutput(page);

  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('3');
  await page.getByRole('checkbox', { name: 'Same α everywhere' }).uncheck();
  await page.getByRole('slider', { name: 'α of block 2', exact: true }).fill('0.8');
  await page.getByRole('slider', { name: 'α of block 3', exact: true }).fill('0.3');
  await page.getByRole('combobox', { name: 'Activation of block 3', exact: true }).selectOption('relu');
  await page.getByRole('spinbutton', { name: 'Gain of block 1', exact: true }).fill('7.5');
  await page.getByRole('slider', { name: 'Werner p' }).fill('0.7');
  await page.getByRole('button', { name: 'Show layer 2', exact: true }).click();
  await page.getByRole('radio', { name: 'Hinton' }).check();
  await page.getByRole('checkbox', { name: 'Colour-blind palette' }).check();
  await settledOutput(page);

  const url = page.url();
  expect(url).toContain('#v=1&');
  expect(url).toContain('a=0.5,0.8,0.3');
  expect(url).toContain('in=werner:0.7');
  // "Copy link" copies the same URL.
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const before = await viewState(page);
  expect(before.blocks.map((b) => b.alpha)).toEqual([0.5, 0.8, 0.3]);
  expect(before.input).toEqual({ kind: 'werner', p: 0.7 });
  const evolution = page.locator('.viz-evolution');
  const shotBefore = await evolution.screenshot();

  const other = await context.newPage();
  await other.goto(url);
  await settledOutput(other);
  const after = await viewState(other);
  expect(after).toEqual(before);
  await expect(other.getByRole('alert')).toHaveCount(0);
  await expect(other.getByRole('radio', { name: 'Hinton' })).toBeChecked();
  await expect(other.locator('.viz-evolution')).toHaveAttribute('data-layer', '2');
  const shotAfter = await other.locator('.viz-evolution').screenshot();
  expect(differingFraction(shotBefore, shotAfter)).toBeLessThan(0.002);
  await other.close();
});

test('Back and Forward walk through discrete changes; a drag is one entry', async ({ page }) => {
  await page.goto('./#v=1');
  await settledOutput(page);
  const entries0 = await page.evaluate(() => history.length);

  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('2');
  await expect.poll(() => page.url()).toContain('d=2');
  await page.getByRole('button', { name: 'Bell Ψ−' }).click();
  await expect.poll(() => page.url()).toContain('in=bell:psi-');
  // A drag of the global α: many edits, one history entry (replaceState after the first).
  const alpha = page.getByRole('slider', { name: 'Global α', exact: true });
  await dragSlider(page, alpha, 0.5, 0.85);
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().globalAlpha)).toBeGreaterThan(0.7);
  await expect.poll(() => page.url()).toContain('ga=0.');
  await page.getByRole('radio', { name: 'City (Re/Im)' }).check();
  await expect.poll(() => page.url()).toContain('mv=city');
  expect(await page.evaluate(() => history.length)).toBe(entries0 + 4);

  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().view.matrixView)).toBe('heatmap');
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().globalAlpha)).toBe(0.5);
  await page.goBack();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().input)).toEqual({ kind: 'bell', which: 'phi+' });
  expect(await depthOf(page)).toBe(2);
  await page.goBack();
  await expect.poll(() => depthOf(page)).toBe(4);
  await page.goForward();
  await expect.poll(() => depthOf(page)).toBe(2);
  await page.goForward();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().input)).toEqual({ kind: 'bell', which: 'psi-' });
  await expect(page.getByRole('button', { name: 'Bell Ψ−' })).toHaveAttribute('aria-pressed', 'true');
  await settledOutput(page);
});

test('undo and redo with the keyboard and the buttons; not while typing in a text field', async ({ page }) => {
  await page.goto('./#v=1');
  await settledOutput(page);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toBeDisabled();
  const act = (n: number) => page.getByRole('combobox', { name: `Activation of block ${n}`, exact: true });

  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('3');
  await act(2).selectOption('exp');
  // A mouse drag of block 1's α (with same α on, it drives all): one undo step.
  const a1 = page.getByRole('slider', { name: 'α of block 1', exact: true });
  await dragSlider(page, a1, 0.5, 0.15);
  const dragged = await a1.inputValue();
  expect(Number(dragged)).toBeLessThan(0.3);

  await page.keyboard.press('Control+z'); // the whole drag
  await expect(a1).toHaveValue('0.5');
  await expect(act(2)).toHaveValue('exp');
  await page.keyboard.press('Control+z'); // the activation
  await expect(act(2)).toHaveValue('softplus');
  await undo.click(); // the depth
  await expect.poll(() => depthOf(page)).toBe(4);
  await expect(undo).toBeDisabled();

  await redo.click();
  await expect.poll(() => depthOf(page)).toBe(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(act(2)).toHaveValue('exp');
  await page.keyboard.press('Control+y');
  await expect(a1).toHaveValue(dragged);
  await expect(redo).toBeDisabled();

  // In a text field Ctrl+Z belongs to the text: the explorer does not undo.
  const gain = page.getByRole('spinbutton', { name: 'Gain of block 1', exact: true });
  await gain.focus();
  await page.keyboard.press('Control+z');
  await expect(a1).toHaveValue(dragged);
  await expect(act(2)).toHaveValue('exp');
  await settledOutput(page);
});

test('a malformed link shows what is wrong, keeps the rest, and the app still computes', async ({ page }) => {
  await page.goto('./#v=1&d=1000000&t=ent&in=werner:NaN&mv=city&ga=0.25&l=-3');
  const alert = page.getByRole('alert', { name: 'Problems in the link' });
  await expect(alert).toContainText('depth: 1000000 is outside [0, 20]');
  await expect(alert).toContainText('input: Werner p: "NaN" is not a number');
  await expect(alert).toContainText('selected layer: -3 is outside [0, 20]');
  await page.locator('.topbar').screenshot({ path: 'test-results/share-problems.png' });
  await settledOutput(page);
  const s = await viewState(page);
  expect(s.blocks).toHaveLength(4);
  expect(s.input).toEqual({ kind: 'bell', which: 'phi+' });
  expect(s.view.matrixView).toBe('city'); // the valid fields still apply
  expect(s.globalAlpha).toBe(0.25);
  expect(s.output.every(Number.isFinite)).toBe(true);
  // Still usable: an edit recomputes; the message can be dismissed.
  await page.getByRole('spinbutton', { name: 'Depth', exact: true }).fill('2');
  await settledOutput(page);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  // A link of another version is not read, and says which version is supported.
  await page.goto('./#v=7&d=5');
  await expect(page.getByRole('alert', { name: 'Problems in the link' })).toContainText('links of version "7" are not supported (this app reads v=1)');
  expect(await depthOf(page)).toBe(2);
  await settledOutput(page);
});

test('a notice sits on its own line under the top bar: Undo, Redo and Copy link keep their row (1280 and 390 px)', async ({ page }) => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto('./#v=1');
    await settledOutput(page);
    const top = async (name: string) => (await page.getByRole('button', { name, exact: true }).boundingBox())!.y;
    const before = {
      undo: await top('Undo'),
      copy: await top('Copy link'),
      depth: (await page.getByRole('spinbutton', { name: 'Depth', exact: true }).boundingBox())!.y,
    };

    await page.goto('./#v=1&t=digits');
    await page.reload();
    const alert = page.getByRole('alert', { name: 'Problems in the link' });
    await expect(alert).toContainText('task: "digits" is not one of ent, dig');
    await settledOutput(page);
    // Copy link stays on the same row as Undo, and the controls do not move down a row.
    expect(await top('Copy link'), `${width} px: Copy link beside Undo`).toBeCloseTo(await top('Undo'), 0);
    expect(await top('Copy link'), `${width} px: Copy link where it was`).toBeCloseTo(before.copy, 0);
    if (width === 1280) {
      // The tab row comes before the notice, the explorer after it; the notice is the page's width.
      const tabs = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
      const box = (await alert.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(tabs.y + tabs.height - 1);
      expect(box.width).toBeGreaterThan(1200);
      expect((await page.getByRole('main', { name: 'Explorer' }).boundingBox())!.y).toBeGreaterThan(box.y + box.height - 1);
      expect((await page.getByRole('spinbutton', { name: 'Depth', exact: true }).boundingBox())!.y).toBeCloseTo(before.depth, 0);
    }
    await page.screenshot({ path: `test-results/share-notice-${width}.png` });
  }
});

test('Copy link: "Link copied." moves nothing; a refused clipboard puts the link to copy by hand on the notices line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1');
  await settledOutput(page);
  const copy = page.getByRole('button', { name: 'Copy link', exact: true });
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const y0 = (await copy.boundingBox())!.y;
  await copy.click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect((await copy.boundingBox())!.y).toBeCloseTo(y0, 0);
  expect((await undo.boundingBox())!.y).toBeCloseTo(y0, 0);

  // The clipboard refused: the whole link, selected, on its own line; the bar keeps its rows.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('not allowed'));
  });
  await copy.click();
  const field = page.getByRole('textbox', { name: 'The browser did not allow copying: copy this link by hand' });
  await expect(field).toHaveValue(page.url());
  await expect(field).toBeFocused();
  expect((await copy.boundingBox())!.y).toBeCloseTo(y0, 0);
  const tabs = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
  expect((await field.boundingBox())!.y).toBeGreaterThan(tabs.y + tabs.height - 1);
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(field).toHaveCount(0);
});

test('a link naming an unknown model says so and keeps the seeded weights', async ({ page }) => {
  await page.goto('./#v=1&model=no%20such%20model');
  await expect(page.getByRole('alert', { name: 'Problems in the link' })).toContainText('model: "no such model" is not among the saved or bundled models');
  await settledOutput(page);
  expect(await page.evaluate(() => window.__hqrnStore!.getState().stack.trained)).toBeUndefined();
});

test('a classroom link hides the controls the teacher ticked', async ({ page, context }) => {
  await page.goto('./#v=1');
  await settledOutput(page);
  await page.getByText('Classroom link', { exact: true }).first().click();
  const panel = page.locator('section.classroom');
  // Defaults: stack editing, training, matrix editor; the teacher adds the task switch.
  await expect(panel.getByRole('checkbox', { name: 'Stack editing' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Training studio' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Matrix editor' })).toBeChecked();
  await panel.getByRole('checkbox', { name: 'Task switch' }).check();
  const link = await panel.getByRole('textbox', { name: 'Classroom link' }).inputValue();
  await page.locator('.topbar').screenshot({ path: 'test-results/share-classroom.png' });
  expect(link).toContain('hide=task,stack,matrix,training');
  // The teacher's own page keeps every control.
  await expect(page.getByRole('spinbutton', { name: 'Depth', exact: true })).toBeVisible();

  const student = await context.newPage();
  await student.goto(link);
  await settledOutput(student);
  await expect(student.getByRole('heading', { name: 'Network' })).toBeVisible();
  await expect(student.getByRole('spinbutton', { name: 'Depth', exact: true })).toHaveCount(0);
  await expect(student.getByRole('button', { name: /^Remove block/ })).toHaveCount(0);
  await expect(student.getByRole('slider', { name: /^α of block/ })).toHaveCount(0);
  await expect(student.getByText('Stack editing is hidden in this classroom link.')).toBeVisible();
  await expect(student.getByRole('heading', { name: 'Training studio' })).toHaveCount(0);
  await expect(student.getByText('Hand-entered density matrix ρ')).toHaveCount(0);
  await expect(student.getByRole('group', { name: 'Task' })).toHaveCount(0);
  // What is not hidden still works: an input preset recomputes.
  await student.getByRole('button', { name: 'Bell Ψ+' }).click();
  await settledOutput(student);
  expect(await student.evaluate(() => window.__hqrnStore!.getState().hidden)).toEqual(['task', 'stack', 'matrix', 'training']);
  await expect(student.getByRole('heading', { name: 'Export' })).toBeHidden();
  await openTab(student, 'Export');
  await expect(student.getByRole('heading', { name: 'Export' })).toBeVisible();
  await expect(student.getByRole('tab', { name: 'Training studio' })).toHaveCount(0);
  await student.screenshot({ path: 'test-results/share-student.png' });
  await student.close();
});

test('a student link cannot get round what it hides: no other task in the Model menu, no Classroom link tab, no export buttons, no empty top-bar row', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#v=1&hide=task,stack,export');
  await settledOutput(page);
  // Model menu: only the entanglement task's models (choosing digits-quantum switched the task).
  await page.locator('details.model-menu > summary').click();
  const menu = page.getByRole('group', { name: 'Load a model' });
  await expect(menu.getByRole('button', { name: /entanglement-quantum/ })).toBeVisible();
  await expect(menu.getByRole('button', { name: /digits-quantum/ })).toHaveCount(0);
  await page.locator('details.model-menu > summary').click();
  // The Classroom link tab is gone: a student cannot make a new link with nothing hidden.
  await expect(page.getByRole('tab', { name: 'Explore' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Classroom link' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Export' })).toHaveCount(0);
  // Export hidden: no SVG / PNG / CSV buttons under the views either.
  await expect(page.getByRole('button', { name: / as (SVG|PNG|CSV)$/ })).toHaveCount(0);
  // Stack editing hidden: undo / share sit in the first row; no near-empty second row.
  await expect(page.locator('.topbar-stack')).toHaveCount(0);
  await expect(page.locator('.topbar-id').getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
  await page.locator('.topbar').screenshot({ path: 'test-results/share-student-topbar.png' });
  // The teacher's page (nothing hidden) still has all of them.
  await page.goto('./#v=1');
  await page.reload();
  await settledOutput(page);
  await expect(page.getByRole('tab', { name: 'Classroom link' })).toBeVisible();
  await expect(page.getByRole('button', { name: / as SVG$/ }).first()).toBeVisible();
  await page.locator('details.model-menu > summary').click();
  await expect(page.getByRole('group', { name: 'Load a model' }).getByRole('button', { name: /digits-quantum/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('digits: a drawn digit is one undo step and its link restores the drawing', async ({ page, context }) => {
  await page.goto('./#v=1');
  await settledOutput(page);
  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await settledOutput(page);
  const canvas = page
    .getByRole('img', { name: /^Drawing canvas/ })
    .or(page.getByLabel(/^Drawing canvas/))
    .first();
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 12 });
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.7, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().input.kind)).toBe('drawn');
  await settledOutput(page);
  const url = page.url();
  expect(url).toMatch(/in=drawn:[0-9a-fz.]+/);
  const mine = await viewState(page);

  const other = await context.newPage();
  await other.goto(url);
  await settledOutput(other);
  const theirs = await viewState(other);
  expect(theirs.task).toBe('digits');
  // Pixels travel as bytes (round(255·v)): equal to within half a step.
  const a = (mine.input as { pixels: number[] }).pixels;
  const b = (theirs.input as { pixels: number[] }).pixels;
  expect(b).toHaveLength(784);
  expect(Math.max(...a.map((v, k) => Math.abs(v - b[k])))).toBeLessThanOrEqual(0.5 / 255 + 1e-9);
  theirs.output.forEach((p, k) => expect(Math.abs(p - mine.output[k])).toBeLessThan(2e-3));
  await other.close();

  // The whole stroke is one undo step: undo goes back to the MNIST digit, not to half a stroke.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().input.kind)).toBe('mnist');
  await settledOutput(page);
});

test('a link naming a bundled model loads it by name, with the link’s α per block', async ({ page }) => {
  // entanglement-paper: the Paper preset's depth-3 model (the shipped entanglement-quantum has 12 blocks).
  await page.goto('./#v=1&d=3&sa=0&a=0.2,0.5,0.9&model=entanglement-paper');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-paper');
  await settledOutput(page);
  const s = await viewState(page);
  expect(s.blocks.map((b) => b.alpha)).toEqual([0.2, 0.5, 0.9]);
  await expect(page.getByText('trained', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(page.url()).toContain('model=entanglement-paper');
  // Opening the link starts the undo history: nothing to undo yet.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // A hand-written link without α or activations keeps the model's own (it set 0.5 and relu):
  // the shipped model's 12 blocks have α 0.8 and softplus, and it calls |Φ+⟩ entangled.
  await page.goto('./#v=1&model=entanglement-quantum&d=12&in=bell:phi+');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);
  const own = await viewState(page);
  expect(new Set(own.blocks.map((b) => `${b.alpha} ${b.activation}`))).toEqual(new Set(['0.8 softplus']));
  await expect(page.getByRole('region', { name: 'Quantum path readout', exact: true })).toContainText('predicts entangled');
});

test('the open panel is in the link: working in it names it, opening the link shows it under the top bar', async ({ page, context }) => {
  await page.goto('./#v=1');
  await settledOutput(page);
  await openTab(page, 'Training studio');
  await page.getByRole('heading', { name: 'Training studio' }).click();
  await expect.poll(() => page.url()).toContain('p=training');

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { name: 'Training studio' })).toBeInViewport();
  await expect(other.getByRole('main', { name: 'Explorer' })).toBeHidden();
  await settledOutput(other);
  await other.close();
});
