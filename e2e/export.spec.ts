/**
 * Export: every format through the UI, each file checked in node — PNGs
 * decode (pngjs) at the expected size with non-blank pixels, SVGs parse as XML with the
 * expected number of cells / dots, JSON passes the hqrn file parsers, CSV has its header and
 * one row per layer, and the QASM parses back (src/core/io/qasmParse.ts) to circuits whose
 * unitaries match the exported model's blocks within the reported Trotter error.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { sub } from '../src/core/math/complex';
import { parseModelFile, parseStateFile } from '../src/core/io/files';
import { spectralNorm } from '../src/core/math/linalg';
import { parseQasm } from '../src/core/io/qasmParse';
import { qasmUnitary } from '../src/core/io/qasmSimulate';
import { halmosDilation } from '../src/core/hqrn/transfer';
import { expect, fillEntanglementTraining, openTab, test, type Locator, type Page } from './fixtures';

test.describe.configure({ timeout: 120_000 });

/** Screenshots for a look by eye go to test-results/ (or $EXPORT_SHOT_DIR). */
const SHOTS = process.env.EXPORT_SHOT_DIR ?? 'test-results';
mkdirSync(SHOTS, { recursive: true });

/** Wait until the newest request's result is in the store and drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__hqrnStore?.getState();
      if (!s?.result || s.result.requestId !== s.requestId) return false;
      return Array.from(document.querySelectorAll('section[data-request-id]')).every((r) => r.getAttribute('data-request-id') === String(s.requestId));
    },
    undefined,
    { timeout: 30_000 },
  );
}

async function gotoExplorer(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#v=1');
  await expect(page.getByRole('heading', { name: 'Layer by layer' })).toBeVisible();
  await settled(page);
  return errors;
}

/** Click a button that downloads a file; its suggested name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await d.path();
  if (!path) throw new Error(`download ${d.suggestedFilename()} failed: ${await d.failure()}`);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** Decode a PNG; its size and how many pixels differ from white. */
function decodePng(bytes: Buffer): { width: number; height: number; inked: number } {
  const png = PNG.sync.read(bytes);
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 250 || png.data[i + 1] < 250 || png.data[i + 2] < 250) inked++;
  return { width: png.width, height: png.height, inked };
}

/** Parse SVG text with the browser's XML parser: element counts, or the parser's error. */
async function svgCounts(page: Page, text: string, selectors: string[]): Promise<{ error: string | null; root: string; counts: number[] }> {
  return page.evaluate(
    ({ text, selectors }) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const err = doc.querySelector('parsererror');
      return { error: err ? err.textContent : null, root: doc.documentElement.nodeName, counts: selectors.map((s) => doc.querySelectorAll(s).length) };
    },
    { text, selectors },
  );
}

const layerSlider = (page: Page) => page.getByRole('slider', { name: 'Layer', exact: true });

test('the matrix views and the measure charts export as SVG and PNG; the measures as CSV', async ({ page }) => {
  const errors = await gotoExplorer(page);
  await layerSlider(page).fill('2');
  await expect(page.getByRole('table', { name: 'Measures at the selected layer' })).toContainText('layer 2');

  // Heatmap of the quantum path at layer 2: a 4×4 grid of cells.
  const svg = await download(page, page.getByRole('button', { name: 'Export Quantum path, layer 2 as SVG' }));
  expect(svg.name).toBe('hqrn-layer2-quantum-heatmap.svg');
  const parsed = await svgCounts(page, svg.bytes.toString('utf8'), ['rect', 'text']);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.counts[0]).toBe(16);
  expect(parsed.counts[1]).toBe(8 + 1); // |b⟩ row and ⟨b| column labels, and the title
  expect(svg.bytes.toString('utf8')).toContain('>Quantum path density matrix, layer 2, Heatmap (phase/magnitude)</text>');

  // Its PNG is that SVG (title included) rasterised at 2×.
  const matrixBox = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg.bytes.toString('utf8'));
  expect(matrixBox).not.toBeNull();
  const png = await download(page, page.getByRole('button', { name: 'Export Quantum path, layer 2 as PNG' }));
  expect(png.name).toBe('hqrn-layer2-quantum-heatmap.png');
  const img = decodePng(png.bytes);
  expect([img.width, img.height]).toEqual([2 * Number(matrixBox![1]), 2 * Number(matrixBox![2])]);
  expect(img.inked).toBeGreaterThan(img.width * img.height * 0.1);

  // Hinton view of the classical path: one square per non-zero cell (the 4 diagonal entries).
  await page.getByRole('radio', { name: 'Hinton' }).check();
  const hinton = await download(page, page.getByRole('button', { name: 'Export Classical path, layer 2 as SVG' }));
  expect(hinton.name).toBe('hqrn-layer2-classical-hinton.svg');
  const hintonParsed = await svgCounts(page, hinton.bytes.toString('utf8'), ['rect']);
  expect(hintonParsed.error).toBeNull();
  expect(hintonParsed.counts[0]).toBe(1 + 4); // the ground + one square per diagonal entry

  // d3 chart: purity per layer, one dot per layer (0..4), styles inlined, PNG at 2× its viewBox.
  const chartSvg = await download(page, page.getByRole('button', { name: 'Export purity chart as SVG' }));
  expect(chartSvg.name).toBe('hqrn-purity-per-layer.svg');
  const chartText = chartSvg.bytes.toString('utf8');
  const chart = await svgCounts(page, chartText, ['circle.layer-dot', 'path']);
  expect(chart.error).toBeNull();
  expect(chart.counts[0]).toBe(5);
  expect(chartText).not.toMatch(/<style/);
  expect(chartText).toMatch(/font-family="/);
  const chartPng = decodePng((await download(page, page.getByRole('button', { name: 'Export purity chart as PNG' }))).bytes);
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(chartText);
  expect(viewBox).not.toBeNull();
  expect([chartPng.width, chartPng.height]).toEqual([2 * Number(viewBox![1]), 2 * Number(viewBox![2])]);
  // The small multiple (170×80) under its title band (15 px × 1.8 = 27 px), as wide as the title needs.
  expect(chartText).toMatch(/<text[^>]*>purity[^<]*<\/text>/i);
  expect(chartPng.height).toBe(2 * (80 + 27));
  expect(chartPng.width).toBeGreaterThanOrEqual(340);
  expect(chartPng.inked).toBeGreaterThan(500);

  // Class-probability bars of the quantum path.
  const bars = await download(page, page.getByRole('button', { name: 'Export quantum path class probabilities as PNG' }));
  expect(bars.name).toBe('hqrn-quantum-path-class-probabilities.png');
  expect(decodePng(bars.bytes).inked).toBeGreaterThan(100);

  // Measures per layer as CSV: header + one row per layer 0..4.
  const csv = await download(page, page.getByRole('button', { name: 'Export measures per layer (table of every layer) as CSV' }));
  expect(csv.name).toBe('hqrn-measures-per-layer.csv');
  const rows = csv.bytes
    .toString('utf8')
    .trimEnd()
    .split('\r\n')
    .map((r) => r.split(','));
  expect(rows[0].slice(0, 4)).toEqual(['layer', 'purity', 'entropy_bits', 'l1_coherence']);
  expect(rows.map((r) => r[0]).slice(1)).toEqual(['0', '1', '2', '3', '4']);
  expect(Number(rows[1][1])).toBeCloseTo(1, 5); // the Bell input is pure
  await page.getByRole('region', { name: 'Layer by layer' }).screenshot({ path: `${SHOTS}/export-evolution-panel.png` });
  await page.getByRole('region', { name: 'Measures per layer' }).screenshot({ path: `${SHOTS}/export-metrics-panel.png` });
  writeFileSync(`${SHOTS}/export-purity-chart.png`, (await download(page, page.getByRole('button', { name: 'Export purity chart as PNG' }))).bytes);
  expect(errors).toEqual([]);
});

test('QASM, model, state and dataset export; the QASM round-trips within the reported error', async ({ page }) => {
  const errors = await gotoExplorer(page);
  await openTab(page, 'Export');
  const panel = page.getByRole('region', { name: 'Export' });

  // Bad steps: a message naming the field, the button disabled; the other fields keep their values.
  await panel.getByRole('spinbutton', { name: 'Trotter steps' }).fill('0');
  await expect(panel.getByRole('alert')).toHaveText('steps: 0 is outside 1–10000');
  await expect(panel.getByRole('button', { name: 'Export OpenQASM 3' })).toBeDisabled();
  await panel.getByRole('spinbutton', { name: 'Trotter steps' }).fill('3');
  await panel.getByRole('combobox', { name: 'Trotter order' }).selectOption('2');

  const model = await download(page, panel.getByRole('button', { name: 'Model of the stack (hqrn-model)' }));
  expect(model.name).toBe('hqrn-entanglement-model-4blocks.json');
  const parsedModel = parseModelFile(JSON.parse(model.bytes.toString('utf8')));
  expect(parsedModel.kind).toBe('quantum');
  if (parsedModel.kind !== 'quantum') return;
  expect(parsedModel.blocks.length).toBe(4);

  const qasm = await download(page, panel.getByRole('button', { name: 'Export OpenQASM 3' }));
  expect(qasm.name).toBe('hqrn-entanglement-stack-order2-r3.qasm');
  const table = page.getByRole('table', { name: 'Trotter errors of the exported circuits' });
  await expect(table).toBeVisible();
  const maxError = Number(await table.getAttribute('data-max-error'));
  expect(maxError).toBeGreaterThan(0);
  const program = parseQasm(qasm.bytes.toString('utf8'));
  expect(program.nQubits).toBe(3);
  expect(program.circuits.length).toBe(8);
  let worst = 0;
  parsedModel.blocks.forEach((b, k) => {
    for (const [i, a] of [b.aPlus, b.aMinus].entries()) {
      const e = spectralNorm(sub(qasmUnitary(program, 2 * k + i), halmosDilation(a)));
      expect(e).toBeLessThanOrEqual(maxError + 1e-9);
      worst = Math.max(worst, e);
    }
  });
  // the reported number is the circuits' error (the JSON's 17 digits carry A± exactly)
  expect(Math.abs(worst - maxError)).toBeLessThan(1e-9);
  await panel.screenshot({ path: `${SHOTS}/export-panel.png` });

  // State of layer 3 (float64 core): passes parseStateFile and matches the float32 view to 1e-4.
  // The layer is chosen in the explorer (the Export tab replaces it while open).
  await expect(layerSlider(page)).toBeHidden();
  await openTab(page, 'Explore');
  await layerSlider(page).fill('3');
  await openTab(page, 'Export');
  const state = await download(page, panel.getByRole('button', { name: 'State of layer 3 (hqrn-state)' }));
  expect(state.name).toBe('hqrn-entanglement-layer3-state.json');
  const [rho] = parseStateFile(JSON.parse(state.bytes.toString('utf8')));
  const shown = await page.evaluate(() => {
    const l = window.__hqrnStore!.getState().result!.layers[3];
    return { re: Array.from(l.rho.re), im: Array.from(l.rho.im) };
  });
  for (let k = 0; k < 16; k++) {
    expect(Math.abs(rho.re[k] - shown.re[k])).toBeLessThan(1e-4);
    expect(Math.abs(rho.im[k] - shown.im[k])).toBeLessThan(1e-4);
  }

  // Entanglement dataset: 20 states, labels and kinds.
  await panel.getByRole('spinbutton', { name: 'Dataset size' }).fill('20');
  const ds = await download(page, panel.getByRole('button', { name: 'Export dataset' }));
  expect(ds.name).toBe('hqrn-entanglement-dataset-seed1-n20.json');
  const dsJson = JSON.parse(ds.bytes.toString('utf8'));
  expect(parseStateFile(dsJson).length).toBe(20);
  expect(dsJson.labels.filter((l: number) => l === 1).length).toBe(10);
  expect(dsJson.kinds.length).toBe(20);
  expect(errors).toEqual([]);
});

test('training curves export as CSV; the training charts as SVG and PNG', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#v=1&p=training');
  const panel = page.getByRole('region', { name: 'Training studio' });
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  // A tiny greedy run: 2 blocks × 3 epochs.
  await fillEntanglementTraining(panel, { depth: 2, epochs: 3, batch: 16, trainExamples: 200, testExamples: 200, seed: 3 });
  await panel.getByRole('button', { name: /Play/ }).click();
  await expect(panel.locator('p.train-status')).toContainText('Done', { timeout: 90_000 });

  const curves = await download(page, panel.getByRole('button', { name: 'Export training curves (loss and accuracy per epoch) as CSV' }));
  expect(curves.name).toBe('hqrn-training-curves.csv');
  const rows = curves.bytes
    .toString('utf8')
    .trimEnd()
    .split('\r\n')
    .map((r) => r.split(','));
  expect(rows[0]).toEqual(['epoch', 'stage', 'stage_epoch', 'loss', 'train_accuracy', 'test_accuracy', 'adversarial_accuracy', 'elapsed_ms']);
  expect(rows.length).toBe(1 + 6);
  for (const r of rows.slice(1)) expect(Number(r[3])).toBeGreaterThan(0);

  const loss = await download(page, panel.getByRole('button', { name: 'Export training loss chart as SVG' }));
  expect(loss.name).toBe('hqrn-training-loss-chart.svg');
  const lossSvg = await svgCounts(page, loss.bytes.toString('utf8'), ['circle.series-point']);
  expect(lossSvg.error).toBeNull();
  expect(lossSvg.counts[0]).toBe(6);
  const lossPngBytes = (await download(page, panel.getByRole('button', { name: 'Export training loss chart as PNG' }))).bytes;
  writeFileSync(`${SHOTS}/export-training-loss-chart.png`, lossPngBytes);
  const lossPng = decodePng(lossPngBytes);
  // The 480×230 chart under its title band (27 px), at 2×; the title is the figure's caption.
  expect([lossPng.width, lossPng.height]).toEqual([960, 2 * (230 + 27)]);
  expect(loss.bytes.toString('utf8')).toContain('>Loss per epoch</text>');
  expect(lossPng.inked).toBeGreaterThan(1000);

  // (The study tables' CSV uses the same buttons and toCsv, unit-tested in src/app/export/exporters.test.ts;
  // running a study here doubled this test's time on the shared machine.)
  expect(errors).toEqual([]);
});
