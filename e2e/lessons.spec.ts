/**
 * Lessons, the glossary and presentation mode: each step's link opens that step with its state;
 * ArrowRight / PageDown advance; a glossary term opens by tap (touch emulation); presentation
 * mode's computed sizes at 1920×1080 (body text ≥ 20 px, chart ticks ≥ 14 px, matrix labels
 * ≥ 16 px, read from the canvas's data-label-px, the size the view drew them at).
 */
import { GLOSSARY } from '../src/content/glossary';
import { PAPER_LESSON } from '../src/content/lessons/paper';
import { expect, test, type Page } from './fixtures';

const currentInput = (page: Page) => page.getByRole('status', { name: 'Current input', exact: true });
const lesson = (page: Page) => page.getByRole('region', { name: `Lesson: ${PAPER_LESSON.title}` });
const stepLink = (n: number, pres = false) => `./#v=1&${PAPER_LESSON.steps[n - 1].setup}&lesson=paper&step=${n}${pres ? '&pres=1' : ''}`;

/** The explorer's store, as the e2e suite reads it (src/app/explorer/storeHook.ts). */
async function storeState(page: Page) {
  return page.evaluate(() => {
    const st = window.__hqrnStore!.getState();
    return { teaching: st.teaching, input: st.input, model: st.stack.trained?.name ?? null, layer: st.selectedLayer, depth: st.stack.blocks.length };
  });
}

test('each step of the paper lesson opens from its link, with its state', async ({ page }) => {
  test.setTimeout(120_000);
  const expected: Record<number, RegExp> = {
    1: /^Bell state \|Φ\+⟩$/,
    3: /^dephased partner of Bell state/,
    4: /^Werner state, p = 0\.80$/,
    5: /^Bell state \|Φ\+⟩$/,
    6: /^Werner state, p = 0\.30$/,
    7: /^random pure state \(seed 7\)$/,
  };
  for (let n = 1; n <= PAPER_LESSON.steps.length; n++) {
    await page.goto(stepLink(n));
    const step = PAPER_LESSON.steps[n - 1];
    await expect(lesson(page)).toHaveAttribute('data-step', String(n));
    await expect(lesson(page).getByRole('heading', { name: step.title })).toBeVisible();
    await expect(lesson(page)).toContainText(`step ${n} of ${PAPER_LESSON.steps.length}`);
    if (expected[n]) await expect(currentInput(page)).toHaveText(expected[n]);
    // the bundled model the step names is loaded; the highlighted region is the step's
    await expect.poll(async () => (await storeState(page)).model).toBe('entanglement-quantum');
    await expect(page.locator('html')).toHaveAttribute('data-lesson-highlight', step.highlight);
    await expect(page.locator(`[data-region="${step.highlight}"]`)).toBeVisible();
    const layer = Number(/(?:^|&)l=(\d+)/.exec(step.setup)![1]);
    expect((await storeState(page)).layer).toBe(layer);
  }
});

test('ArrowRight and PageDown advance, ArrowLeft / PageUp go back; the state follows; closing keeps it', async ({ page }) => {
  await page.goto(stepLink(4));
  await expect(currentInput(page)).toHaveText(/^Werner state, p = 0\.80$/);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await expect(lesson(page)).toHaveAttribute('data-step', '5');
  await expect(currentInput(page)).toHaveText(/^Bell state \|Φ\+⟩$/);
  expect(page.url()).toMatch(/lesson=paper&step=5/);
  await page.keyboard.press('PageDown');
  await expect(lesson(page)).toHaveAttribute('data-step', '6');
  await expect(currentInput(page)).toHaveText(/^Werner state, p = 0\.30$/);
  await page.keyboard.press('PageUp');
  await expect(lesson(page)).toHaveAttribute('data-step', '5');
  await page.keyboard.press('ArrowLeft');
  await expect(lesson(page)).toHaveAttribute('data-step', '4');
  // buttons too
  await lesson(page).getByRole('button', { name: 'Next step' }).click();
  await expect(lesson(page)).toHaveAttribute('data-step', '5');
  // the explorer stays live: an arrow key on a slider moves the slider, not the lesson
  await page.goto(stepLink(6));
  const slider = page.getByRole('slider', { name: 'Werner p', exact: true });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(lesson(page)).toHaveAttribute('data-step', '6');
  await expect(currentInput(page)).toHaveText(/^Werner state, p = 0\.3[1-9]$/);
  // closing keeps the current state
  await lesson(page)
    .getByRole('button', { name: /Close the lesson/ })
    .click();
  await expect(lesson(page)).toHaveCount(0);
  await expect(currentInput(page)).toHaveText(/^Werner state, p = 0\.3[1-9]$/);
  await expect.poll(() => page.url()).not.toMatch(/lesson=/);
  expect((await storeState(page)).teaching.lesson).toBeNull();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  test('a glossary term opens by tap and closes by a tap outside', async ({ page }) => {
    await page.goto(stepLink(2));
    const term = lesson(page)
      .getByRole('button', { name: /α-mix.*: definition|alpha.*: definition/i })
      .first();
    await expect(term).toHaveAttribute('aria-expanded', 'false');
    await term.tap();
    await expect(term).toHaveAttribute('aria-expanded', 'true');
    const tipId = await term.getAttribute('aria-describedby');
    expect(tipId).toBeTruthy();
    const tip = page.locator(`[id="${tipId}"]`);
    await expect(tip).toHaveAttribute('role', 'tooltip');
    await expect(tip).toContainText(GLOSSARY['alpha-mix'].definition);
    await page.getByRole('heading', { level: 1 }).tap();
    await expect(term).toHaveAttribute('aria-expanded', 'false');
    await expect(tip).toHaveCount(0);
  });
});

test('a glossary term opens by keyboard focus and closes on Escape; the glossary list opens from the top bar', async ({ page }) => {
  await page.goto(stepLink(1));
  const term = lesson(page).getByRole('button', { name: /big-endian: definition/ });
  await term.focus();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('tooltip')).toContainText('qubit 0 is the leftmost bit');
  await page.keyboard.press('Escape');
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Glossary', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('dt')).toHaveCount(await page.evaluate(() => document.querySelectorAll('.glossary-list dt').length));
  await expect(dialog).toContainText('Trotter');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('presentation mode at 1920×1080: body text ≥ 20 px, chart ticks ≥ 14 px, matrix labels ≥ 16 px', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./#v=1&t=ent&model=entanglement-quantum&in=bell:phi%2B&pres=1');
  await expect(page.locator('html')).toHaveClass(/presentation/);
  await expect(page.locator('.viz-charts svg text').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Quantum path readout' })).toContainText('predicts');
  const sizes = await page.evaluate(() => {
    const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : NaN);
    const texts = [...document.querySelectorAll('.one-screen p, .one-screen dd, .one-screen dt, .one-screen label')].filter(
      (e) => (e as HTMLElement).offsetParent !== null && e.textContent!.trim() !== '',
    );
    const ticks = [...document.querySelectorAll('.one-screen svg text')].filter((e) => e.textContent!.trim() !== '');
    const canvases = [...document.querySelectorAll('.viz-evolution canvas[data-label-px]')];
    return {
      body: px(document.body),
      minText: Math.min(...texts.map(px)),
      nTexts: texts.length,
      minTick: Math.min(...ticks.map(px)),
      nTicks: ticks.length,
      labels: canvases.map((c) => Number(c.getAttribute('data-label-px'))),
    };
  });
  console.log(`presentation sizes at 1920×1080: ${JSON.stringify(sizes)}`);
  expect(sizes.body).toBeGreaterThanOrEqual(20);
  expect(sizes.nTexts).toBeGreaterThan(5);
  expect(sizes.minText).toBeGreaterThanOrEqual(20);
  expect(sizes.nTicks).toBeGreaterThan(10);
  expect(sizes.minTick).toBeGreaterThanOrEqual(14);
  expect(sizes.labels.length).toBeGreaterThan(0);
  for (const l of sizes.labels) expect(l).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: '/tmp/18b-presentation-1920.png' });
  // the Present button turns it off (and the link follows)
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.locator('html')).not.toHaveClass(/presentation/);
  await expect.poll(() => page.url()).not.toMatch(/pres=1/);
});

test('screenshot: a lesson step at 1280×800', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(stepLink(2));
  await expect(lesson(page)).toBeVisible();
  await expect.poll(async () => (await storeState(page)).model).toBe('entanglement-quantum');
  await expect(page.getByRole('region', { name: 'Quantum path readout' })).toContainText('predicts');
  await page.screenshot({ path: '/tmp/18b-lesson-step2-1280.png' });
  await page.goto(stepLink(5, true));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(lesson(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Quantum path readout' })).toContainText('predicts');
  await page.screenshot({ path: '/tmp/18b-lesson-step5-pres-1920.png' });
});
