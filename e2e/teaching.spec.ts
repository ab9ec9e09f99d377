/**
 * The explorer explains itself (against the built app):
 * - the live caption names the truth (PPT, exact for two qubits) and both paths' marks, for
 *   |Φ+⟩, its dephased partner and Werner p = 0.30; each readout's ✓ / ✗ mark agrees with its
 *   prediction against layer 0's PPT verdict; the classical path sees the same diagonal for
 *   |Φ+⟩ and its partner, so it answers both alike and is wrong on one of them;
 * - pressing the "Dephased partner" toggle moves neither the toggle, the readouts nor the
 *   layer view (≤ 1 px);
 * - the block details show block 1's gain from experiments/models/entanglement-quantum.json;
 * - Global α works on a first visit; the phase bar survives City → Heatmap;
 * - phone 390×844 with touch: the toggle, the Bell buttons and both readouts in the first
 *   screen; a tap on the |00⟩⟨11| cell reads |00⟩⟨11|.
 * Screenshots of the first screen: /tmp/18a-*.png (or $TEACHING_SHOT_DIR).
 */
import { readFileSync } from 'node:fs';
import { gridLayout } from '../src/viz/matrix/grid';
import { expect, expectOnScreen, settledOutput, test, type Page } from './fixtures';

test.describe.configure({ timeout: 150_000 });
const SHOTS = process.env.TEACHING_SHOT_DIR ?? '/tmp';

const toggle = (page: Page) => page.getByRole('button', { name: 'Dephased partner', exact: true });
const caption = (page: Page) => page.getByTestId('explorer-caption');
const readout = (page: Page, path: 'Quantum' | 'Classical') => page.getByRole('region', { name: `${path} path readout`, exact: true });

/** What the page's store says now: predictions, layer 0's PPT verdict and the class names. */
async function truthAndPredictions(page: Page) {
  return page.evaluate(() => {
    const r = window.__hqrnStore!.getState().result!;
    return {
      q: r.output.predicted,
      c: r.classicalOutput.predicted,
      ppt: r.layers[0].measures.ppt!,
      classes: r.classes as string[],
      x0: Array.from(r.layers[0].x),
    };
  });
}

/** The caption and the marks agree with the predictions against the PPT truth. */
async function checkMarks(page: Page, what: string) {
  const s = await truthAndPredictions(page);
  const truth = s.classes.indexOf(s.ppt ? 'separable' : 'entangled');
  expect(truth, what).toBeGreaterThanOrEqual(0);
  const mark = (p: number) => (p === truth ? 'right' : 'wrong');
  const text = (await caption(page).textContent())!;
  expect(text, what).toContain(`truly ${s.classes[truth]} (PPT criterion`);
  expect(text, what).toContain(`Quantum path: ${s.classes[s.q]} (P `);
  expect(text, what).toMatch(new RegExp(`Quantum path: ${s.classes[s.q]} \\(P [^)]*\\), ${mark(s.q)}\\.`));
  expect(text, what).toMatch(new RegExp(`Classical path: ${s.classes[s.c]} \\(P [^)]*\\), ${mark(s.c)}\\.`));
  for (const [path, p] of [
    ['Quantum', s.q],
    ['Classical', s.c],
  ] as const) {
    const m = readout(page, path).getByRole('img', { name: new RegExp(`^${path} path is (right|wrong)`) });
    await expect(m, `${what}: ${path} mark`).toHaveAttribute('data-verdict', mark(p));
    await expect(m).toHaveAccessibleName(`${path} path is ${mark(p)}: the true class is ${s.classes[truth]}`);
    await expect(m).toHaveText(mark(p) === 'right' ? '✓ right' : '✗ wrong');
    await expect(readout(page, path)).toContainText(`truth: ${s.classes[truth]}`);
  }
  return { ...s, truth, text };
}

async function boxes(page: Page) {
  const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
  const els = {
    toggle: toggle(page),
    quantum: readout(page, 'Quantum'),
    classical: readout(page, 'Classical'),
    layerView: page.getByRole('region', { name: 'Layer by layer' }),
    layerMatrix: page.getByRole('img', { name: /^Quantum path density matrix/ }),
  };
  for (const [k, el] of Object.entries(els)) out[k] = (await el.boundingBox())!;
  return out;
}

test('the caption names the truth and both marks: |Φ+⟩, its dephased partner, Werner p = 0.30; the toggle moves nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);
  await expect(caption(page)).toHaveAttribute('aria-live', 'polite');
  await expectOnScreen(page, caption(page), 'caption');

  const bell = await checkMarks(page, 'Bell');
  // PPT is exact for two qubits: |Φ+⟩ is entangled; the bundled model gets it right on the quantum path only.
  expect(bell.ppt).toBe(false);
  await expect(readout(page, 'Quantum').getByRole('img', { name: /^Quantum path is right/ })).toBeVisible();
  await expect(readout(page, 'Classical').getByRole('img', { name: /^Classical path is wrong/ })).toBeVisible();
  expect(bell.text).toContain('The classical path sees only the diagonal of ρ.');
  console.log(`caption, Bell: ${bell.text}`);
  await page.screenshot({ path: `${SHOTS}/18a-1280-bell.png` });

  const before = await boxes(page);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await settledOutput(page);
  const partner = await checkMarks(page, 'dephased partner');
  expect(partner.ppt).toBe(true);
  expect(partner.text).toContain('exact correspondence');
  // Same diagonal, same classical answer: right on exactly one of the two states.
  expect(partner.x0).toEqual(bell.x0);
  expect(partner.c).toBe(bell.c);
  expect([bell.c === bell.truth, partner.c === partner.truth].filter(Boolean)).toHaveLength(1);
  console.log(`caption, partner: ${partner.text}`);
  await page.screenshot({ path: `${SHOTS}/18a-1280-partner.png` });

  const after = await boxes(page);
  let worst = 0;
  for (const k of Object.keys(before))
    for (const f of ['x', 'y', 'width', 'height'] as const) {
      const d = Math.abs(after[k][f] - before[k][f]);
      worst = Math.max(worst, d);
      expect(d, `${k}.${f} moved on toggle: ${before[k][f]} → ${after[k][f]}`).toBeLessThanOrEqual(1);
    }
  console.log(`layout shift on toggle: ${worst.toFixed(2)} px`);
  // And back.
  await toggle(page).click();
  await settledOutput(page);
  const back = await boxes(page);
  for (const k of Object.keys(before)) expect(Math.abs(back[k].y - before[k].y), `${k} back`).toBeLessThanOrEqual(1);

  // Werner p = 0.30: separable (entangled only for p > 1/3).
  await page.getByRole('slider', { name: 'Werner p' }).fill('0.3');
  await settledOutput(page);
  const werner = await checkMarks(page, 'Werner 0.30');
  expect(werner.ppt).toBe(true);
  expect(werner.text).toContain('the Werner state with p = 0.3');
  console.log(`caption, Werner 0.30: ${werner.text}`);
});

test('block details: block 1 shows the model file’s gain, read-only; Global α acts on a first visit; the phase bar survives City → Heatmap', async ({
  page,
}) => {
  const model = JSON.parse(readFileSync('experiments/models/entanglement-quantum.json', 'utf8')) as { blocks: { gain: number }[] };
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);

  const gain = page.getByRole('status', { name: 'Gain of block 1', exact: true });
  await gain.scrollIntoViewIfNeeded();
  const shown = Number((await gain.textContent())!.replace(/,/g, ''));
  expect(Math.abs(shown - model.blocks[0].gain), `shown ${shown}, file ${model.blocks[0].gain}`).toBeLessThanOrEqual(0.05);
  expect(shown).not.toBe(4);
  await expect(page.getByRole('spinbutton', { name: 'Gain of block 1', exact: true })).toHaveCount(0);

  // Global α: enabled although "same α" is off; a drag ticks it and sets every block; one undo reverts.
  const same = page.getByRole('checkbox', { name: 'Same α everywhere' });
  await expect(same).not.toBeChecked();
  const alpha = page.getByRole('slider', { name: 'Global α', exact: true });
  await expect(alpha).toBeEnabled();
  await alpha.fill('0.4');
  await expect(same).toBeChecked();
  const alphas = await page.evaluate(() => window.__hqrnStore!.getState().stack.blocks.map((b) => b.alpha));
  expect(new Set(alphas)).toEqual(new Set([0.4]));
  await settledOutput(page);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(same).not.toBeChecked();
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.blocks[0].alpha)).toBe(0.8);

  // The phase bar is painted after City → Heatmap (it stayed blank before).
  const painted = () =>
    page.locator('.viz-evolution .viz-phase-bar canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, 1).data;
      let a = 0;
      for (let i = 3; i < d.length; i += 4) a += d[i];
      return a;
    });
  expect(await painted()).toBeGreaterThan(0);
  await page.getByRole('radio', { name: 'City (Re/Im)' }).check();
  await settledOutput(page);
  await page.getByRole('radio', { name: 'Heatmap' }).check();
  await settledOutput(page);
  expect(await painted()).toBeGreaterThan(0);
});

test('phone 390×844 with touch: toggle, Bell buttons and both readouts in the first screen; a tap on |00⟩⟨11| reads |00⟩⟨11|', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__hqrnStore!.getState().stack.trained?.name)).toBe('entanglement-quantum');
  await settledOutput(page);
  await expectOnScreen(page, toggle(page), 'Dephased partner toggle');
  await expectOnScreen(page, page.getByRole('button', { name: 'Bell Φ+', exact: true }), 'Bell Φ+ button');
  await expectOnScreen(page, page.getByRole('button', { name: 'Bell Ψ−', exact: true }), 'Bell Ψ− button');
  await expectOnScreen(page, readout(page, 'Quantum'), 'quantum readout');
  await expectOnScreen(page, readout(page, 'Classical'), 'classical readout');
  await expect(readout(page, 'Quantum')).toContainText(/predicts \S+/);
  await expect(readout(page, 'Classical')).toContainText(/predicts \S+/);
  // Touch targets ≥ 44×44 px.
  for (const [name, el] of [
    ['toggle', toggle(page)],
    ['Bell Φ+', page.getByRole('button', { name: 'Bell Φ+', exact: true })],
    ['Werner p slider', page.getByRole('slider', { name: 'Werner p' })],
    ['α of block 1', page.getByRole('slider', { name: 'α of block 1', exact: true })],
    ['Select layer 1', page.getByRole('button', { name: 'Select layer 1', exact: true })],
  ] as const) {
    const b = (await el.boundingBox())!;
    expect(b.height, `${name} height`).toBeGreaterThanOrEqual(44);
    expect(b.width, `${name} width`).toBeGreaterThanOrEqual(44);
  }
  await page.screenshot({ path: `${SHOTS}/18a-390-first-screen.png` });

  // Tap the middle of the |00⟩⟨11| cell (row 0, column 3) of the selected layer's quantum matrix.
  const canvas = page.getByRole('img', { name: /^Quantum path density matrix/ });
  const box = (await canvas.boundingBox())!;
  const dims = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, cssWidth: c.getBoundingClientRect().width }));
  const dpr = 2;
  // Find the layout whose canvas has this width (the view picks its cssSize; rows labelled).
  let L = null as ReturnType<typeof gridLayout> | null;
  for (let css = 100; css <= 400 && !L; css++) {
    const cand = gridLayout(4, 2, css, dpr, true);
    if (cand.width === dims.width) L = cand;
  }
  expect(L, `a grid layout of width ${dims.width}`).not.toBeNull();
  const s = box.width / (L!.width / dpr);
  const x = box.x + (L!.left / dpr + 3.5 * (L!.cell / dpr)) * s;
  const y = box.y + (L!.top / dpr + 0.5 * (L!.cell / dpr)) * s;
  await page.touchscreen.tap(x, y);
  const entry = page.getByRole('status', { name: 'Matrix entry', exact: true });
  await expect(entry).toContainText('|00⟩⟨11|');
  await expect(entry).toContainText('Quantum path');
  await context.close();
});
