/**
 * Nothing clipped, checked over the whole page rather than one known spot:
 * at 1280×800 and 390×844, for the first visit (trained entanglement model) and the digits
 * task, the page is scrolled screen by screen (off-screen panels are laid out only when seen,
 * `content-visibility: auto`) and every text element in view is checked: its text must fit its
 * box (scrollWidth ≤ clientWidth + 1). This caught "gain c" squeezed to "gai" under its input
 * in every block card, and then the gain's value hidden in a 25 px input. Visually hidden helpers (skip links until focused, screen-reader-only
 * captions) are not text on the page and are left out. In the same pass no two controls,
 * headings, drawings or paragraphs overlap.
 */
import { expect, openTab, settled, test, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });

/** Clipped text elements within the viewport: "TAG "text" scrollWidth>clientWidth". */
async function clippedInView(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const out: string[] = [];
    const hiddenHelper = (el: Element) => el.closest('.visually-hidden, .skip-links, [hidden]') !== null;
    const selector = 'label, button, th, td, legend, summary, h1, h2, h3, output, p, span, li, a, input[type=number], input[type=text], select';
    // A <select> reports no overflow: measure its shown option's text against its box
    // (less its padding and the ~20 px drop-down arrow).
    const ctx = document.createElement('canvas').getContext('2d')!;
    const selectClipped = (el: HTMLElement) => {
      if (!(el instanceof HTMLSelectElement) || el.selectedIndex < 0) return false;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = ctx.measureText(el.options[el.selectedIndex].text).width;
      return text + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + 20 > el.clientWidth + 1;
    };
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      if (hiddenHelper(el) || el.offsetParent === null) continue;
      // Boxes holding controls or drawings are measured through their own text children.
      if (el.querySelector('input, select, textarea, canvas, svg, table, ol, ul')) continue;
      if (el instanceof HTMLOptionElement) continue;
      // A read-only link field scrolls its long URL by design.
      if (el instanceof HTMLInputElement && el.readOnly) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'inline') continue;
      // Screen-reader-only text (clip: rect(0 0 0 0), e.g. the task switch's legend).
      if (cs.clip !== 'auto' && cs.clip !== '') continue;
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight || r.width === 0) continue;
      // A one-pixel box is a visually-hidden pattern (clip + 1px), not a clipped label.
      if (el.clientWidth <= 1) continue;
      if (el.scrollWidth > el.clientWidth + 1 || selectClipped(el))
        out.push(`${el.tagName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth}>${el.clientWidth}`);
    }
    return out;
  }, scope);
}

/**
 * Pairs of controls, headings, drawings and paragraphs in view whose boxes overlap by more than
 * 2 px each way (neither inside the other; the content of a closed menu is not shown).
 */
async function overlapsInView(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope)!;
    const shown = (el: Element) =>
      el.getClientRects().length > 0 &&
      !el.closest('[hidden], .skip-links, .visually-hidden') &&
      !(el.closest('details:not([open])') && !el.matches('summary')) &&
      getComputedStyle(el).visibility !== 'hidden' &&
      getComputedStyle(el).clip === 'auto';
    const els = [...root.querySelectorAll('button, input, select, label, h2, h3, summary, canvas, svg, output, .badge, legend, th, p')].filter(shown);
    const rects = els.map((el) => el.getBoundingClientRect());
    const name = (el: Element) => `${el.tagName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
    const out: string[] = [];
    for (let i = 0; i < els.length; i++) {
      if (rects[i].bottom < 0 || rects[i].top > innerHeight) continue;
      for (let j = i + 1; j < els.length; j++) {
        if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;
        const ox = Math.min(rects[i].right, rects[j].right) - Math.max(rects[i].left, rects[j].left);
        const oy = Math.min(rects[i].bottom, rects[j].bottom) - Math.max(rects[i].top, rects[j].top);
        if (ox > 2 && oy > 2) out.push(`${name(els[i])} × ${name(els[j])}`);
      }
    }
    return out;
  }, scope);
}

/** Scrolls through the page a screen at a time and collects the clipped text and overlaps seen. */
async function clippedAnywhere(page: Page, scope = 'body'): Promise<string[]> {
  const seen = new Set<string>();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()!.height;
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // Two frames: content-visibility lays a panel out on the frame it comes into view.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const c of await clippedInView(page, scope)) seen.add(c);
    for (const c of await overlapsInView(page, scope)) seen.add(`overlap: ${c}`);
  }
  return [...seen];
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
] as const) {
  test(`${width}×${height}: no text is clipped and nothing overlaps on the first visit or in the digits task`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await settled(page);
    await expect(page.getByRole('region', { name: 'Quantum path readout', exact: true })).toContainText('predicts entangled');
    expect(await clippedAnywhere(page), 'first visit').toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('radio', { name: /Digits/ }).check();
    await settled(page);
    await expect(page.getByRole('region', { name: 'Quantum path readout', exact: true })).toContainText(/predicts digit \d/);
    expect(await clippedAnywhere(page), 'digits').toEqual([]);
  });

  test(`${width}×${height}: the Hinton and city views, the matrix editor and every tab: nothing clipped or overlapping`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await settled(page);
    for (const view of ['Hinton', 'City (Re/Im)']) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('radio', { name: view, exact: true }).check();
      await settled(page);
      expect(await clippedAnywhere(page), view).toEqual([]);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Type or paste a matrix' }).click();
    await expect(page.getByRole('dialog', { name: 'Type or paste a matrix' })).toBeVisible();
    // The drawer lies over the page on purpose: its own content is checked.
    expect(await clippedAnywhere(page, '[role=dialog]'), 'matrix editor').toEqual([]);
    await page.keyboard.press('Escape');
    for (const tab of ['Training studio', 'Export', 'Saved work', 'Classroom link']) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await openTab(page, tab);
      expect(await clippedAnywhere(page), tab).toEqual([]);
    }
  });
}
