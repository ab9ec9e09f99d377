/**
 * The large "Layer by layer" view and the matrix editor, as a visitor uses them (
 * items 4 and 6), against the built app:
 * - on a 390×844 phone the selected layer's matrix grid — measured on the drawn pixels, labels
 *   not counted — is ≥ 150 px wide for both tasks, with both readouts in the first screen;
 * - at 1280×800 the city view draws each Re/Im city at a legible size and no two basis labels
 *   overlap (their boxes, as drawn, are on the canvas's data-label-boxes);
 * - at 1280×800 the matrix editor opens as a drawer with all four columns of Re/Im cells, the
 *   paste box, the fill buttons and "Use this matrix" on screen, the readouts still in sight;
 *   Escape and Close close it and give the focus back to its opener.
 * Screenshots go to test-results/ (or $VIEWS_SHOT_DIR).
 */
import { expect, expectOnScreen, matrixDrawer, openMatrixEditor, pageErrors, settledOutput, test, type Locator, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });
const SHOTS = process.env.VIEWS_SHOT_DIR ?? 'test-results';

const quantumReadout = (page: Page) => page.getByRole('region', { name: 'Quantum path readout', exact: true });
const classicalReadout = (page: Page) => page.getByRole('region', { name: 'Classical path readout', exact: true });
const quantumMatrix = (page: Page) => page.getByRole('img', { name: /^Quantum path density matrix/ });
const classicalMatrix = (page: Page) => page.getByRole('img', { name: /^Classical path diagonal/ });

/**
 * Width of a heatmap's grid in CSS px, measured on its pixels: the longest run of opaque pixels
 * in any row of the canvas (every cell is painted opaque, white when zero; labels are text on a
 * transparent canvas, the outer grid line is translucent), scaled by the canvas's on-screen size.
 */
async function heatmapGridWidth(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let best = 0;
    for (let y = 0; y < c.height; y++) {
      let run = 0;
      for (let x = 0; x < c.width; x++) {
        run = px[4 * (y * c.width + x) + 3] === 255 ? run + 1 : 0;
        if (run > best) best = run;
      }
    }
    return best * (c.getBoundingClientRect().width / c.width);
  });
}

test.describe('phone 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the selected layer’s grid is ≥ 150 px on both tasks, the readouts in the first screen, the entry read-out works', async ({ page }) => {
    const errors = pageErrors(page);
    await page.goto('./#v=1');
    await settledOutput(page);
    await expect(quantumMatrix(page)).toHaveAttribute('data-view', 'heatmap');
    // Two qubits: both 4×4 grids ≥ 150 px, side by side (the classical diagonal shares the row labels).
    expect(await heatmapGridWidth(quantumMatrix(page))).toBeGreaterThanOrEqual(150);
    expect(await heatmapGridWidth(classicalMatrix(page))).toBeGreaterThanOrEqual(150);
    const [q, c] = [(await quantumMatrix(page).boundingBox())!, (await classicalMatrix(page).boundingBox())!];
    expect(c.x).toBeGreaterThan(q.x + q.width - 1);
    // Their grids end on the same line (bottom-aligned), so the rows line up with the shared labels.
    expect(Math.abs(c.y + c.height - (q.y + q.height))).toBeLessThanOrEqual(1);
    await expectOnScreen(page, quantumMatrix(page), 'selected layer, quantum');
    await expectOnScreen(page, classicalMatrix(page), 'selected layer, classical');
    await expectOnScreen(page, quantumReadout(page), 'quantum readout');
    await expectOnScreen(page, classicalReadout(page), 'classical readout');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/layer-view-390-entanglement.png` });

    // Digits: the 64×64 quantum grid ≥ 150 px (decimal-index labels, with their key), the diagonal beside it.
    await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
    await settledOutput(page);
    await expect(quantumMatrix(page)).toHaveAttribute('data-dim', '64');
    expect(await heatmapGridWidth(quantumMatrix(page))).toBeGreaterThanOrEqual(150);
    expect(await heatmapGridWidth(classicalMatrix(page))).toBeGreaterThanOrEqual(120);
    await expect(page.getByText(/^Axes: basis index n = \|n in binary⟩, e\.g\. 8 = \|001000⟩/)).toBeVisible();
    await expectOnScreen(page, quantumMatrix(page), 'digits, quantum');
    await expectOnScreen(page, classicalMatrix(page), 'digits, classical');
    await expectOnScreen(page, quantumReadout(page), 'digits, quantum readout');
    await expectOnScreen(page, classicalReadout(page), 'digits, classical readout');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The entry read-out still names full kets: keyboard on the quantum matrix, then the classical.
    await quantumMatrix(page).focus();
    const entry = page.getByRole('status', { name: 'Matrix entry' });
    await expect(entry).toHaveText(/^Quantum path, layer 0 \(input\) — \|000000⟩⟨000000\|: /);
    await page.keyboard.press('End');
    await expect(entry).toHaveText(/\|000000⟩⟨111111\|: /);
    await classicalMatrix(page).focus();
    await page.keyboard.press('PageDown');
    await expect(entry).toHaveText(/^Classical path, layer 0 \(input\) — \|111111⟩⟨000000\|: /);
    await page.screenshot({ path: `${SHOTS}/layer-view-390-digits.png` });
    expect(errors).toEqual([]);
  });
});

/** The basis-label boxes a city canvas drew (CSS px: x, y, w, h). */
async function labelBoxes(canvas: Locator): Promise<number[][]> {
  const raw = await canvas.getAttribute('data-label-boxes');
  expect(raw, 'the city canvas lists its label boxes').not.toBeNull();
  return JSON.parse(raw!) as number[][];
}

function overlapping(boxes: number[][]): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < boxes.length; p++)
    for (let q = p + 1; q < boxes.length; q++) {
      const [a, b] = [boxes[p], boxes[q]];
      if (a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]) out.push([p, q]);
    }
  return out;
}

test('city view at 1280×800: Re ρ / Im ρ cities at a legible size, every 4×4 basis label drawn, none overlapping; digits too', async ({ page }) => {
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);
  await page.getByRole('radio', { name: 'City (Re/Im)' }).check();
  const panel = page.getByRole('region', { name: 'Layer by layer' });
  for (const canvas of [quantumMatrix(page), classicalMatrix(page)]) {
    await expect(canvas).toHaveAttribute('data-view', 'city');
    // Two cities side by side in the drawing: each ≥ 220 px wide (it was ~100 px).
    expect((await canvas.boundingBox())!.width / 2).toBeGreaterThanOrEqual(220);
    const boxes = await labelBoxes(canvas);
    expect(boxes.length).toBeGreaterThanOrEqual(14); // 4 kets and ≥ 3 bras (≥ every 2nd), Re and Im
    expect(overlapping(boxes)).toEqual([]);
    // Inside the canvas.
    const size = await canvas.evaluate((c) => [(c as HTMLCanvasElement).width / devicePixelRatio, (c as HTMLCanvasElement).height / devicePixelRatio]);
    for (const [x, y, w, h] of boxes) expect(x >= 0 && y >= 0 && x + w <= size[0] + 0.5 && y + h <= size[1] + 0.5).toBe(true);
  }
  // Hovering a bar's floor cell still reads out its entry.
  await quantumMatrix(page).focus();
  await expect(page.getByRole('status', { name: 'Matrix entry' })).toHaveText(/^Quantum path, layer 0 \(input\) — \|00⟩⟨00\|: 0\.5000/);
  await panel.screenshot({ path: `${SHOTS}/layer-view-1280-city.png` });

  await page.getByRole('radio', { name: 'Digits (6 qubits)' }).check();
  await settledOutput(page);
  await expect(quantumMatrix(page)).toHaveAttribute('data-dim', '64');
  const boxes = await labelBoxes(quantumMatrix(page));
  expect(boxes.length).toBeGreaterThanOrEqual(4);
  expect(overlapping(boxes)).toEqual([]);
  await panel.screenshot({ path: `${SHOTS}/layer-view-1280-city-digits.png` });
  expect(errors).toEqual([]);
});

test('matrix editor at 1280×800: a drawer with all four columns on screen, the readouts in sight; Escape and Close return the focus', async ({ page }) => {
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#v=1');
  await settledOutput(page);
  const opener = page.getByRole('button', { name: 'Type or paste a matrix', exact: true });
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  await expect(matrixDrawer(page)).toBeHidden();
  await openMatrixEditor(page);
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  const drawer = matrixDrawer(page);
  await expect(drawer).toBeFocused();

  // Every cell of the 4×4 (Re and Im), the paste box, the fill buttons and the apply button: on screen.
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      for (const part of ['Re', 'Im'])
        await expectOnScreen(page, drawer.getByRole('textbox', { name: `${part} ρ(${i},${j})`, exact: true }), `${part} ρ(${i},${j})`);
  await expectOnScreen(page, drawer.getByRole('textbox', { name: 'Paste a matrix', exact: true }), 'paste box');
  for (const fill of ['Fill I/4', 'Fill |Φ+⟩⟨Φ+|', 'Fill |00⟩⟨00|']) await expectOnScreen(page, drawer.getByRole('button', { name: fill, exact: true }), fill);
  await expectOnScreen(page, drawer.getByRole('button', { name: 'Use this matrix', exact: true }), 'Use this matrix');
  await expectOnScreen(page, drawer.getByRole('button', { name: 'Close', exact: true }), 'Close');
  // The readouts stay in sight beside the drawer (it is not modal: they update as a matrix is used).
  const [d, r] = [(await drawer.boundingBox())!, (await quantumReadout(page).boundingBox())!];
  expect(d.x + d.width).toBeLessThanOrEqual(r.x);
  await page.screenshot({ path: `${SHOTS}/matrix-editor-1280.png` });

  // Use a matrix: the input changes, the drawer stays open.
  await drawer.getByRole('button', { name: 'Fill I/4', exact: true }).click();
  await drawer.getByRole('textbox', { name: 'Re ρ(3,3)', exact: true }).fill('0.4');
  await drawer.getByRole('textbox', { name: 'Re ρ(2,2)', exact: true }).fill('0.1');
  await expect(drawer.getByRole('status', { name: 'Matrix check', exact: true })).toContainText('A valid density matrix');
  await drawer.getByRole('button', { name: 'Use this matrix', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Current input', exact: true })).toHaveText('hand-entered matrix');
  await expect(drawer).toBeVisible();

  // Escape closes it, the focus goes back to the opener; what was typed is still there on reopening.
  await drawer.getByRole('textbox', { name: 'Re ρ(0,0)', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('textbox', { name: 'Re ρ(3,3)', exact: true })).toHaveValue('0.4');
  // Close does the same.
  await drawer.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
  expect(errors).toEqual([]);
});
