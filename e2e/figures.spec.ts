/**
 * Slide-ready figures: "Export figure" of the whole chain and of the layer view downloads an
 * SVG with the title (model and input), the colour legend, a name per layer, both readouts and
 * every <text> inside the viewBox (measured by the browser: getBBox through each text's
 * transform), and a PNG whose pixel size is the SVG's times the chosen scale (2× by default).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { expect, settled, test, type Locator, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });

const SHOTS = process.env.EXPORT_SHOT_DIR ?? 'test-results';
mkdirSync(SHOTS, { recursive: true });

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await d.path();
  if (!path) throw new Error(`download ${d.suggestedFilename()} failed: ${await d.failure()}`);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Parse the SVG in the page, lay it out, and report its size, texts and the texts whose rendered box leaves the viewBox. */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const err = doc.querySelector('parsererror');
    if (err) return { error: err.textContent ?? 'parse error', width: 0, height: 0, viewBox: '', texts: [] as string[], outside: [] as string[] };
    const host = document.createElement('div');
    host.style.position = 'absolute';
    host.style.left = '0';
    host.style.top = '0';
    const root = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    host.appendChild(root);
    document.body.appendChild(host);
    const vb = root.viewBox.baseVal;
    const toRoot = root.getScreenCTM()!.inverse();
    const outside: string[] = [];
    const texts: string[] = [];
    for (const t of Array.from(root.querySelectorAll('text'))) {
      texts.push(t.textContent ?? '');
      const b = t.getBBox();
      const m = toRoot.multiply(t.getScreenCTM()!);
      for (const [x, y] of [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ]) {
        const p = new DOMPoint(x, y).matrixTransform(m);
        if (p.x < vb.x - 0.5 || p.y < vb.y - 0.5 || p.x > vb.x + vb.width + 0.5 || p.y > vb.y + vb.height + 0.5) {
          outside.push(`"${t.textContent}" at (${p.x.toFixed(1)}, ${p.y.toFixed(1)})`);
          break;
        }
      }
    }
    host.remove();
    return {
      error: null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox') ?? '',
      texts,
      outside,
    };
  }, text);
}

test('Export figure of the chain: SVG with title, legend, every layer, both readouts; PNG at 2× and 3×', async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('heading', { name: 'Layer by layer' })).toBeVisible();
  await settled(page);
  const st = await page.evaluate(() => {
    const s = window.__hqrnStore!.getState();
    return { K: s.result!.layers.length - 1, model: s.stack.trained?.name ?? null, classes: s.result!.classes.map(String) };
  });

  const group = page.getByRole('group', { name: 'Export figure of the whole chain' });
  const svgFile = await download(page, group.getByRole('button', { name: /as SVG$/ }));
  expect(svgFile.name).toMatch(/^hqrn-figure-chain-\w+\.svg$/);
  const svgText = svgFile.bytes.toString('utf8');
  writeFileSync(`${SHOTS}/figure-chain.svg`, svgText);
  const svg = await inspectSvg(page, svgText);
  expect(svg.error).toBeNull();
  expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
  expect(svg.outside).toEqual([]);
  const title = svg.texts[0];
  expect(title).toMatch(/^HQRN, /);
  expect(title).toContain(`${st.K} blocks`);
  if (st.model) expect(title).toContain(st.model);
  expect(svg.texts.some((t) => t.startsWith('Input: '))).toBe(true);
  // Legend: the phase bar's ticks (or the city's sign swatches) and the scale.
  expect(svg.texts).toEqual(expect.arrayContaining(['phase', '0', 'π/2', 'π', '3π/2', '2π']));
  expect(svg.texts.some((t) => /^full colour = [\d.]+ \(/.test(t))).toBe(true);
  // A name per layer.
  const sup = (k: number) => String(k).replace(/\d/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]);
  for (let k = 0; k <= st.K; k++) expect(svg.texts).toContain(`ρ⁽${sup(k)}⁾`);
  // Both readouts, each with every class.
  expect(svg.texts.filter((t) => t.startsWith('Quantum path: predicts '))).toHaveLength(1);
  expect(svg.texts.filter((t) => t.startsWith('Classical path: predicts '))).toHaveLength(1);
  for (const c of st.classes) expect(svg.texts.filter((t) => t === c).length).toBe(2);

  // PNG at the default 2×: twice the SVG's size (read from the PNG's header), not blank.
  const png2 = await download(page, group.getByRole('button', { name: /as PNG at 2×$/ }));
  expect(png2.name).toMatch(/-2x\.png$/);
  const ihdr = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
  expect(png2.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(ihdr(png2.bytes)).toEqual({ width: 2 * svg.width, height: 2 * svg.height });
  const decoded = PNG.sync.read(png2.bytes);
  let inked = 0;
  for (let i = 0; i < decoded.data.length; i += 4) if (decoded.data[i] < 200) inked++;
  expect(inked).toBeGreaterThan(0.01 * decoded.width * decoded.height);
  writeFileSync(`${SHOTS}/figure-chain@2x.png`, png2.bytes);

  // A chosen scale: 3×.
  await group.getByRole('combobox').selectOption('3');
  const png3 = await download(page, group.getByRole('button', { name: /as PNG at 3×$/ }));
  expect(ihdr(png3.bytes)).toEqual({ width: 3 * svg.width, height: 3 * svg.height });
});

test('Export figure of the layer view: the selected layer, quantum vs classical, with labels and readouts', async ({ page }) => {
  await page.goto('./#v=1');
  await expect(page.getByRole('heading', { name: 'Layer by layer' })).toBeVisible();
  await settled(page);
  await page.getByRole('button', { name: 'Select layer 2' }).click();
  await settled(page);
  const group = page.getByRole('group', { name: 'Export figure of the layer view (quantum vs classical)' });
  const svgFile = await download(page, group.getByRole('button', { name: /as SVG$/ }));
  expect(svgFile.name).toMatch(/^hqrn-figure-layer-layer2-\w+\.svg$/);
  const svgText = svgFile.bytes.toString('utf8');
  writeFileSync(`${SHOTS}/figure-layer.svg`, svgText);
  const svg = await inspectSvg(page, svgText);
  expect(svg.error).toBeNull();
  expect(svg.outside).toEqual([]);
  expect(svg.texts[0]).toContain('layer ρ⁽²⁾');
  expect(svg.texts).toContain('Quantum path: ρ⁽²⁾ (after block 2)');
  expect(svg.texts).toContain('Classical path: diag x⁽²⁾ (after block 2)');
  expect(svg.texts.some((t) => t.startsWith('Quantum path: predicts '))).toBe(true);
  expect(svg.texts.some((t) => t.startsWith('Classical path: predicts '))).toBe(true);
  const png = await download(page, group.getByRole('button', { name: /as PNG at 2×$/ }));
  expect({ width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) }).toEqual({ width: 2 * svg.width, height: 2 * svg.height });
  writeFileSync(`${SHOTS}/figure-layer@2x.png`, png.bytes);
});
