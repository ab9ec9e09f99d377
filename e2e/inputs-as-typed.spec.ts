/**
 * Inputs as people really make them (docs/math.md §7 "Drawn digits and images", §10
 * "States as people write them") — a rounded matrix, "Use the nearest state", a pasted numpy
 * matrix, an off-centre drawing, a blank canvas and a doubly %-encoded link. Selectors are by
 * role and label only.
 */
import { expect, openMatrixEditor, openTab, pageErrors, settled, test, type Locator, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const currentInput = (page: Page) => page.getByRole('status', { name: 'Current input', exact: true });
const cell = (page: Page, part: 'Re' | 'Im', i: number, j: number) => page.getByRole('textbox', { name: `${part} ρ(${i},${j})`, exact: true });
const matrixCheck = (page: Page) => page.getByRole('status', { name: 'Matrix check', exact: true });
const useThis = (page: Page) => page.getByRole('button', { name: 'Use this matrix', exact: true });

/** Type a whole matrix into the cells (mirroring off, every cell typed). */
async function typeMatrix(page: Page, re: string[][], im: string[][]) {
  const mirror = page.getByRole('checkbox', { name: /Keep Hermitian/ });
  if (await mirror.isChecked()) await mirror.uncheck();
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      await cell(page, 'Re', i, j).fill(re[i][j]);
      await cell(page, 'Im', i, j).fill(im[i][j]);
    }
}

/** The newest result's predicted class (digits) and whether it withheld the prediction. */
async function prediction(page: Page): Promise<{ predicted: number; noDigit: boolean }> {
  await settled(page);
  return page.evaluate(() => {
    const r = window.__hqrnStore!.getState().result!;
    return { predicted: Number(r.classes[r.output.predicted]), noDigit: r.noDigit === true };
  });
}

/** RGB values of every pixel of a canvas on the page. */
async function canvasRgb(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return Array.from(d).filter((_, k) => k % 4 !== 3);
  });
}

/** A vertical stroke on the drawing canvas from (x, y0) to (x, y1), in fractions of its size. */
async function stroke(page: Page, x: number, y0: number, y1: number) {
  const canvas = page.getByRole('img', { name: /^Drawing canvas/ });
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * x, box.y + box.height * y0);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width * x, box.y + box.height * (y0 + ((y1 - y0) * k) / 10));
  await page.mouse.up();
}

test('a pure state typed with 6 decimals is accepted as its nearest state, with the distance shown', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./');
  await settled(page);
  await openMatrixEditor(page);
  // A random pure state rounded to 6 decimals: smallest eigenvalue −6.96e-7 (refused before).
  const re = [
    ['0.137486', '0.172549', '-0.048913', '0.106276'],
    ['0.172549', '0.226016', '-0.12689', '0.105275'],
    ['-0.048913', '-0.12689', '0.470866', '0.156755'],
    ['0.106276', '0.105275', '0.156755', '0.165632'],
  ];
  const im = [
    ['0', '-0.036068', '0.24969', '0.107133'],
    ['0.036068', '0', '0.300536', '0.162335'],
    ['-0.24969', '-0.300536', '0', '-0.231124'],
    ['-0.107133', '-0.162335', '0.231124', '0'],
  ];
  await typeMatrix(page, re, im);
  await expect(matrixCheck(page)).toContainText(/Accepted: within 10⁻⁶ of a state, so its nearest state is used \(trace distance [0-9.]+e-7\)/);
  await expect(useThis(page)).toBeEnabled();
  await useThis(page).click();
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText('1.0000');
  // Six decimals fit their cell: nothing is clipped.
  for (const text of ['-0.166667', '-0.999999', '0.707107']) {
    await cell(page, 'Re', 2, 0).fill(text);
    const clipped = await cell(page, 'Re', 2, 0).evaluate((el: HTMLInputElement) => el.scrollWidth > el.clientWidth);
    expect(clipped, text).toBe(false);
  }
  await page.getByRole('group', { name: 'Hand-entered density matrix ρ' }).screenshot({ path: 'test-results/inputs-six-decimals.png' });
  expect(errors).toEqual([]);
});

test('"Use the nearest state": the Werner state typed 0.333/0.166 is refused with the tolerance, then projected', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./');
  await settled(page);
  await openMatrixEditor(page);
  const z = ['0', '0', '0', '0'];
  await typeMatrix(
    page,
    [
      ['0.333', '0', '0', '0.166'],
      ['0', '0.166', '0', '0'],
      ['0', '0', '0.166', '0'],
      ['0.166', '0', '0', '0.333'],
    ],
    [z, z, z, z],
  );
  await expect(matrixCheck(page)).toHaveText('Not a state: trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6)');
  await expect(useThis(page)).toBeDisabled();
  const nearest = page.getByRole('button', { name: 'Use the nearest state (trace distance 0.001)', exact: true });
  await expect(nearest).toBeVisible();
  await page.getByRole('group', { name: 'Hand-entered density matrix ρ' }).screenshot({ path: 'test-results/inputs-nearest-offered.png' });
  await nearest.click();
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  // ρ + 0.0005·I: the cells show it, and its purity is 0.4995² + 0.1675² + 2·0.1665² = 0.3330
  await expect(cell(page, 'Re', 0, 0)).toHaveValue('0.3335');
  await expect(cell(page, 'Re', 1, 1)).toHaveValue('0.1665');
  await expect(cell(page, 'Re', 0, 3)).toHaveValue('0.166');
  await expect(matrixCheck(page)).toContainText('the nearest state of the matrix entered (trace distance 0.001 from it)');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText('0.3330');
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('0.0000');
  // The link holds the projected matrix exactly (docs/links.md): each entry the shortest decimal of its double.
  await expect.poll(() => page.url()).toMatch(/in=matrix:/);
  const matrix = decodeURIComponent(page.url()).match(/in=matrix:([^&]*)/)![1];
  const entries = matrix.split(/[,;]/);
  expect(entries).toHaveLength(32);
  for (const e of entries) expect(String(Number(e))).toBe(e);
  expect(Math.abs(Number(entries[0]) - 0.3335)).toBeLessThan(1e-12);
  expect(errors).toEqual([]);
});

test('file import: a state outside the tolerance is refused with the problem, and "Import its nearest state" imports the projection', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./');
  await settled(page);
  await openTab(page, 'Saved work');
  const z = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const file = {
    format: 'hqrn-state',
    version: 1,
    re: [
      [0.333, 0, 0, 0.166],
      [0, 0.166, 0, 0],
      [0, 0, 0.166, 0],
      [0.166, 0, 0, 0.333],
    ],
    im: z,
  };
  await page
    .getByLabel('Import an hqrn-model or hqrn-state file')
    .setInputFiles({ name: 'werner-typed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const alert = page.getByRole('alert', { name: 'Saved work problem', exact: true });
  await expect(alert).toContainText(
    'werner-typed.json: state: trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6); the nearest state is at trace distance 0.001',
  );
  await page.getByRole('button', { name: 'Import its nearest state (trace distance 0.001)', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Saved work status', exact: true })).toHaveText(
    'Imported input “werner-typed” (as the nearest state, trace distance 0.001).',
  );
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a pasted numpy matrix fills the cells; a typo is named as a parse problem', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./');
  await settled(page);
  await openMatrixEditor(page);
  const paste = page.getByRole('textbox', { name: 'Paste a matrix', exact: true });
  const note = page.getByRole('status', { name: 'Pasted matrix', exact: true });
  await paste.fill('[[0.25, 0, 0, 0],\n [0, 0.25, 0.5.1, 0],\n [0, 0, 0.25, 0],\n [0, 0, 0, 0.25]]');
  await expect(note).toHaveText("Cannot read the pasted matrix: row 2, column 3: '0.5.1' is not a number");
  // (|00⟩ + i|11⟩)/√2 as numpy prints it
  await paste.fill(
    'array([[0.5+0.j , 0. +0.j , 0. +0.j , 0. -0.5j],\n       [0. +0.j , 0. +0.j , 0. +0.j , 0. +0.j ],\n       [0. +0.j , 0. +0.j , 0. +0.j , 0. +0.j ],\n       [0. +0.5j, 0. +0.j , 0. +0.j , 0.5+0.j ]])',
  );
  await expect(note).toHaveText('Read a 4×4 matrix into the cells below (read as a numpy array).');
  await expect(cell(page, 'Re', 0, 0)).toHaveValue('0.5');
  await expect(cell(page, 'Im', 0, 3)).toHaveValue('-0.5');
  await expect(cell(page, 'Im', 3, 0)).toHaveValue('0.5');
  await expect(matrixCheck(page)).toHaveText('A valid density matrix (Hermitian, trace 1, positive semidefinite).');
  await useThis(page).click();
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Input concurrence', exact: true })).toHaveText('1.0000');
  await expect(page.getByRole('status', { name: 'Input purity', exact: true })).toHaveText('1.0000');
  // A cell takes expressions: 1/sqrt(2)·… typed by hand, and a typo in a cell is a parse problem.
  await cell(page, 'Re', 1, 2).fill('0.5.1');
  await expect(matrixCheck(page)).toHaveText("Cannot read the matrix: Re ρ(1,2) is not a number ('0.5.1')");
  await cell(page, 'Re', 1, 2).fill('0');
  await cell(page, 'Im', 0, 3).fill('-1/2');
  await cell(page, 'Im', 3, 0).fill('i/(2i)');
  await expect(matrixCheck(page)).toContainText('A valid density matrix');
  expect(errors).toEqual([]);
});

test('an unreadable paste is one clear state: named, no green line, "Use this matrix" waits until it is fixed or cleared', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./');
  await settled(page);
  await openMatrixEditor(page);
  const paste = page.getByRole('textbox', { name: 'Paste a matrix', exact: true });
  const note = page.getByRole('status', { name: 'Pasted matrix', exact: true });
  await expect(matrixCheck(page)).toContainText('A valid density matrix');
  await expect(useThis(page)).toBeEnabled();
  await paste.fill('hello world ]]][[ 1,2');
  await expect(note).toHaveText("Cannot read the pasted matrix: row 1, column 1: found 'hello' where a number was expected");
  await expect(matrixCheck(page)).not.toContainText('valid density matrix');
  await expect(matrixCheck(page)).toContainText('fix it or clear the paste box');
  await expect(useThis(page)).toBeDisabled();
  await paste.fill('1 0 0\n0 1 0\n0 0 1');
  await expect(note).toHaveText('Cannot read the pasted matrix: 3 rows, expected 4 (a 4×4 matrix)');
  await expect(useThis(page)).toBeDisabled();
  // overflow is refused, never shown as "Infinity" in a cell
  await paste.fill(Array.from({ length: 4 }, () => '1e308, 0, 0, 0').join('\n'));
  await expect(note).toContainText("'1e308' is too large for a density matrix");
  await expect(cell(page, 'Re', 0, 0)).not.toHaveValue('Infinity');
  await expect(useThis(page)).toBeDisabled();
  // Clearing the paste box brings the cells (the previous matrix) back into use.
  await page.getByRole('button', { name: 'Clear the paste box', exact: true }).click();
  await expect(note).toHaveCount(0);
  await expect(paste).toHaveValue('');
  await expect(matrixCheck(page)).toContainText('A valid density matrix');
  await expect(useThis(page)).toBeEnabled();
  // A filled preset replaces an unreadable paste too.
  await paste.fill('hello');
  await expect(useThis(page)).toBeDisabled();
  await page.getByRole('button', { name: 'Fill I/4', exact: true }).click();
  await expect(paste).toHaveValue('');
  await expect(matrixCheck(page)).toContainText('A valid density matrix');
  await expect(useThis(page)).toBeEnabled();
  expect(errors).toEqual([]);
});

test('an off-centre drawing is normalised as MNIST and read like the centred one; the normalised 28×28 is shown', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&t=dig&d=2&model=digits-quantum');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('digits-quantum');
  await settled(page);
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  // A "1" in the top-left corner (it was read as 2 before the normalisation).
  await stroke(page, 0.15, 0.05, 0.4);
  await expect(currentInput(page)).toHaveText('digit drawn on the canvas');
  const corner = await prediction(page);
  expect(corner.noDigit).toBe(false);
  expect(corner.predicted).toBe(1);
  // The normalised image is centred: its centre of mass is within ±0.5 of (13.5, 13.5) (+ the
  // canvas's own pixel grid), and it is shown beside the 8×8 input.
  const normalised = page.getByRole('img', { name: 'Normalised 28×28 digit', exact: true });
  await expect(normalised).toBeVisible();
  const com = await page.evaluate(() => {
    const img = window.__hqrnStore!.getState().result!.digit28!;
    let s = 0,
      x = 0,
      y = 0;
    img.forEach((v, k) => ((s += v), (x += v * (k % 28)), (y += v * Math.floor(k / 28))));
    return { x: x / s, y: y / s };
  });
  expect(Math.abs(com.x - 13.5)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(com.y - 13.5)).toBeLessThanOrEqual(0.5);
  const rgb = await canvasRgb(normalised);
  expect(Math.max(...rgb)).toBeGreaterThan(200);

  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await stroke(page, 0.5, 0.2, 0.8);
  expect((await prediction(page)).predicted).toBe(1);
  expect(errors).toEqual([]);
});

test('a random MNIST digit is shown on the drawing canvas and a stroke edits it; the hint says so', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&t=dig');
  await settled(page);
  const canvas = page.getByRole('img', { name: /^Drawing canvas/ });
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await settled(page);
  expect(Math.max(...(await canvasRgb(canvas)))).toBe(0);
  await page.getByRole('button', { name: 'Random MNIST digit', exact: true }).click();
  await expect(currentInput(page)).toHaveText(/^MNIST digit #\d+$/);
  await settled(page);
  // The canvas was left black; now it shows the digit.
  await expect.poll(async () => Math.max(...(await canvasRgb(canvas)))).toBeGreaterThan(200);
  await expect(page.getByText(/is on the drawing canvas: draw on it to change it, or Clear it to draw your own\./)).toBeVisible();
  await expect(page.getByText(/on the right/)).toHaveCount(0);
  const mnistInk = await page.evaluate(() => Array.from(window.__hqrnStore!.getState().result!.digit28!).reduce((a, b) => a + b, 0));
  // A stroke edits the digit: the drawing holds the MNIST ink plus the stroke.
  await stroke(page, 0.1, 0.1, 0.3);
  await expect(currentInput(page)).toHaveText('digit drawn on the canvas');
  const drawnInk = await page.evaluate(() => {
    const input = window.__hqrnStore!.getState().input as { pixels: number[] };
    return input.pixels.reduce((a, b) => a + b, 0);
  });
  expect(drawnInk).toBeGreaterThan(mnistInk);
  expect(errors).toEqual([]);
});

test('a blank canvas asks for a digit, predicts nothing, and its previews are black', async ({ page }) => {
  const errors = pageErrors(page);
  await page.goto('./#v=1&t=dig');
  await settled(page);
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(currentInput(page)).toHaveText('digit drawn on the canvas');
  await settled(page);
  await expect(page.getByRole('status', { name: 'Digit check', exact: true })).toHaveText('Draw a digit: the canvas has no ink, so there is no prediction.');
  await expect(page.getByRole('status', { name: 'Prediction', exact: true })).toHaveText('Draw a digit: the canvas has no ink, so there is no prediction.');
  await expect(page.getByText(/predicts/)).toHaveCount(0);
  for (const name of ['Normalised 28×28 digit', '8×8 pooled input']) {
    const rgb = await canvasRgb(page.getByRole('img', { name, exact: true }));
    expect(Math.max(...rgb), `${name} is black`).toBe(0);
  }
  // Ink brings the prediction back.
  await stroke(page, 0.5, 0.2, 0.8);
  await settled(page);
  await expect(page.getByRole('status', { name: 'Digit check', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Quantum path readout', exact: true })).toContainText(/predicts digit \d/);
  expect(errors).toEqual([]);
});

test('a doubly %-encoded link is read; the address bar keeps it until an edit; notices never contradict', async ({ page }) => {
  const errors = pageErrors(page);
  const plain = 'v=1&ga=0.54&in=werner:0.7&mv=hinton&d=3';
  const encoded = encodeURIComponent(plain); // v%3D1%26ga%3D0.54%26…
  await page.goto(`./#${encoded}`);
  await settled(page);
  const s = await page.evaluate(() => {
    const st = window.__hqrnStore!.getState();
    return { ga: st.globalAlpha, input: st.input, view: st.view.matrixView, depth: st.stack.blocks.length, alphas: st.stack.blocks.map((b) => b.alpha) };
  });
  expect(s).toEqual({ ga: 0.54, input: { kind: 'werner', p: 0.7 }, view: 'hinton', depth: 3, alphas: [0.54, 0.54, 0.54] });
  await expect(page.getByRole('alert', { name: 'Problems in the link' })).toHaveCount(0);
  // Not rewritten on load.
  await page.waitForTimeout(500);
  expect(new URL(page.url()).hash).toBe(`#${encoded}`);
  // An edit writes the view's own hash.
  await page.getByRole('button', { name: 'Bell Ψ+', exact: true }).click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v=1&.*in=bell:psi\+/);
  expect(new URL(page.url()).hash).toContain('ga=0.54');

  // Twice encoded (%253D) reads the same.
  await page.goto(`./#${encodeURIComponent(encoded)}`);
  await settled(page);
  expect(await page.evaluate(() => window.__hqrnStore!.getState().globalAlpha)).toBe(0.54);

  // A linked matrix outside the tolerance is not used, but lands in the matrix editor, where
  // "Use the nearest state" projects it.
  const w = [0.333, 0, 0, 0.166, 0, 0.166, 0, 0, 0, 0, 0.166, 0, 0.166, 0, 0, 0.333].join(',');
  await page.goto(`./#v=1&in=matrix:${w};${Array(16).fill(0).join(',')}`);
  await expect(page.getByRole('alert', { name: 'Problems in the link' })).toContainText(
    'input: not a density matrix: trace is not 1: 0.998 (tolerance 1e-6); it is in the matrix editor, where "Use the nearest state" projects it',
  );
  await expect(cell(page, 'Re', 0, 0)).toHaveValue('0.333');
  await expect(matrixCheck(page)).toHaveText('Not a state: trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6)');
  await page.getByRole('button', { name: 'Use the nearest state (trace distance 0.001)', exact: true }).click();
  await expect(currentInput(page)).toHaveText('hand-entered matrix');
  const used = await page.evaluate(() => (window.__hqrnStore!.getState().input as { re: number[][] }).re);
  expect(used[0][0]).toBeCloseTo(0.3335, 12);
  expect(used[1][1]).toBeCloseTo(0.1665, 12);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/in=matrix:0\.33(35|349999)/);

  // A link that cannot be read says so — and not that "the rest of the view was restored".
  await page.goto('./#v=7&d=5');
  const alert = page.getByRole('alert', { name: 'Problems in the link' });
  await expect(alert).toContainText('This link could not be read (nothing in it was used):');
  await expect(alert).not.toContainText('restored');
  expect(new URL(page.url()).hash).toBe('#v=7&d=5');
  expect(errors).toEqual([]);
});
