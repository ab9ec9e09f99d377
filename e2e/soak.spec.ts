/**
 * A long session (docs/reliability.md). SOAK_MINUTES (default 2; 30 for the full soak) of simulated
 * editing (α drags, depth changes, inputs, view switches, task switches) and short training
 * runs, in a seeded random order. Every ~10 s, once the engine is idle, the worker's tensor
 * count (engine memory()) and the page's JS heap after a forced GC (CDP
 * HeapProfiler.collectGarbage + Runtime.getHeapUsage) are sampled.
 *
 * Bounds: the tensor count is back to its baseline at every idle sample (the engine keeps no
 * tensors between calls), and the heap after GC grows by less than HEAP_GROWTH_LIMIT_MB over
 * the baseline taken after a warm-up. The engine must never be restarted (a restart here would
 * be a false alarm of the heartbeat). The samples go to test-results (soak-samples.json, as
 * an attachment) and to the console.
 */
import { expect, fillEntanglementTraining, openTab, settled, test, type CDPSession, type Locator, type Page } from './fixtures';

/** The soak edits beside training runs: it keeps its own, longer settle bound (the default is 45 s). */
const SETTLE_TIMEOUT_MS = 60_000;

const SOAK_MINUTES = Number(process.env.SOAK_MINUTES ?? 2);
const SAMPLE_EVERY_MS = 10_000;
const HEAP_GROWTH_LIMIT_MB = 20;

interface Sample {
  t: number;
  tensors: number;
  heapMB: number;
  actions: number;
  trainings: number;
}

/** A small seeded generator (mulberry32): the same run every time. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

const tensors = (page: Page) => page.evaluate(async () => (await window.__hqrnEngine!.memory()).numTensors as number);

/** A short run in the Training studio tab, then back to the Explore tab (where the edits are made). */
async function shortTraining(page: Page, panel: Locator) {
  await openTab(page, 'Training studio');
  await fillEntanglementTraining(panel, { depth: 1, epochs: 2, batch: 32, trainExamples: 128, testExamples: 128 });
  await panel.getByRole('button', { name: /Play/ }).click();
  await expect(panel.locator('p.train-status')).toHaveAttribute('data-status', /^(done|error|cancelled)$/, { timeout: 60_000 });
  await expect(panel.locator('p.train-status')).toHaveAttribute('data-status', 'done');
  await openTab(page, 'Explore');
}

test('soak: editing and training for SOAK_MINUTES, tensors and heap stay bounded', async ({ page }) => {
  test.setTimeout((SOAK_MINUTES * 60 + 180) * 1000);
  await page.goto('./#v=1&p=training');
  const cdp = await page.context().newCDPSession(page);
  await settled(page, SETTLE_TIMEOUT_MS);
  const panel = page.getByRole('region', { name: 'Training studio' });
  const alpha = page.getByRole('slider', { name: 'Global α', exact: true });
  const depth = page.getByRole('spinbutton', { name: 'Depth', exact: true });
  const random = rng(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  // The edits are made in the explorer (the Explore tab); shortTraining opens the studio's tab.
  await openTab(page, 'Explore');

  let actions = 0;
  let trainings = 0;
  const edits: Record<string, () => Promise<void>> = {
    'α drag': async () => {
      const start = random();
      for (let k = 0; k < 10; k++) await alpha.fill(String(Math.min(1, Math.max(0, start + (k - 5) * 0.03)).toFixed(2)));
    },
    depth: async () => depth.fill(String(1 + Math.floor(random() * 6))),
    input: async () => {
      if (await page.getByRole('button', { name: 'Bell Φ+', exact: true }).isVisible()) {
        if (random() < 0.5) await page.getByRole('button', { name: pick(['Bell Φ+', 'Bell Φ−', 'Bell Ψ+', 'Bell Ψ−']), exact: true }).click();
        else await page.getByLabel('Werner p').fill(random().toFixed(2));
      }
    },
    view: async () => {
      await page.getByRole('radio', { name: pick(['Heatmap', 'Hinton', 'City (Re/Im)']), exact: true }).check();
      const layer = page.getByRole('slider', { name: 'Layer', exact: true });
      if (await layer.isEnabled()) await layer.fill(String(Math.floor(random() * (Number(await layer.getAttribute('max')) + 1))));
    },
    task: async () => {
      await page.getByRole('radio', { name: 'Digits (6 qubits)', exact: true }).check();
      await settled(page, SETTLE_TIMEOUT_MS);
      await page.getByRole('radio', { name: 'Two qubits (entanglement)', exact: true }).check();
    },
  };
  const editNames = Object.keys(edits);

  // Warm-up: every kind of edit and one training once, so one-time allocations (kernels,
  // caches, the digits set) are in the baseline.
  for (const name of editNames) await edits[name]();
  await settled(page, SETTLE_TIMEOUT_MS);
  await shortTraining(page, panel);
  trainings++;
  await settled(page, SETTLE_TIMEOUT_MS);
  const baseTensors = await tensors(page);
  const baseHeap = await heapMB(cdp);
  const samples: Sample[] = [{ t: 0, tensors: baseTensors, heapMB: baseHeap, actions, trainings }];
  console.log(`[soak] baseline: ${baseTensors} tensors, heap ${baseHeap.toFixed(1)} MB; running ${SOAK_MINUTES} min`);

  const t0 = Date.now();
  let nextSample = t0 + SAMPLE_EVERY_MS;
  let nextTraining = t0 + 30_000;
  while (Date.now() - t0 < SOAK_MINUTES * 60_000) {
    if (Date.now() >= nextTraining) {
      await shortTraining(page, panel);
      trainings++;
      nextTraining = Date.now() + 30_000;
    } else {
      await edits[pick(editNames)]();
      actions++;
    }
    if (Date.now() >= nextSample) {
      await settled(page, SETTLE_TIMEOUT_MS);
      const s = { t: Math.round((Date.now() - t0) / 1000), tensors: await tensors(page), heapMB: await heapMB(cdp), actions, trainings };
      samples.push(s);
      console.log(`[soak] t=${s.t}s tensors ${s.tensors} heap ${s.heapMB.toFixed(1)} MB (${s.actions} edits, ${s.trainings} trainings)`);
      expect(s.tensors, `tensor count at t=${s.t}s`).toBe(baseTensors);
      nextSample = Date.now() + SAMPLE_EVERY_MS;
    }
  }
  await settled(page, SETTLE_TIMEOUT_MS);
  const finalTensors = await tensors(page);
  const finalHeap = await heapMB(cdp);
  const growth = finalHeap - baseHeap;
  const maxHeap = Math.max(...samples.map((s) => s.heapMB), finalHeap);
  const summary =
    `${SOAK_MINUTES} min, ${actions} edits, ${trainings} trainings, ${samples.length} samples; tensors ${baseTensors} → ${finalTensors}; ` +
    `heap after GC ${baseHeap.toFixed(1)} → ${finalHeap.toFixed(1)} MB (growth ${growth.toFixed(1)} MB, max ${maxHeap.toFixed(1)} MB, bound ${HEAP_GROWTH_LIMIT_MB} MB)`;
  console.log(`[soak] ${summary}`);
  test.info().annotations.push({ type: 'soak', description: summary });
  await test.info().attach('soak-samples.json', {
    body: JSON.stringify(
      { summary, samples: [...samples, { t: Math.round((Date.now() - t0) / 1000), tensors: finalTensors, heapMB: finalHeap, actions, trainings }] },
      null,
      1,
    ),
    contentType: 'application/json',
  });

  expect(actions, 'edits made').toBeGreaterThan(SOAK_MINUTES * 10);
  expect(finalTensors).toBe(baseTensors);
  expect(growth).toBeLessThan(HEAP_GROWTH_LIMIT_MB);
  await expect(page.locator('.status-area .notice')).not.toContainText('restarted');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
