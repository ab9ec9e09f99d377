/**
 * Cross-engine journeys: the same short list for every engine driver (firefox.mjs: Firefox over
 * WebDriver BiDi with puppeteer-core; webkit.mjs: WebKitGTK's MiniBrowser over W3C WebDriver).
 * A driver offers: goto(url), run(fnSource, arg) (an async page function `(j, arg) => …` with
 * the page kit `j` below; its result comes back as JSON), click(xpath), type(xpath, text),
 * screenshot() (PNG bytes), version, close(). Each journey returns facts it checked; a failed
 * check throws an Error naming it.
 *
 * Most checks read the page (the status line's data-* attributes, the readouts' text, the
 * store `window.__hqrnStore`, src/app/explorer/storeHook.ts) from page scripts; the partner toggle, the
 * paste box and "Use this matrix" are driven with the engine's own click and key input.
 */

/** Page-side helpers (the source of an async function returning them). */
export const KIT = String.raw`async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const until = async (what, f, ms = 90000) => {
    const t0 = performance.now();
    for (;;) {
      let v;
      try { v = await f(); } catch { v = undefined; }
      if (v) return v;
      if (performance.now() - t0 > ms) throw new Error('timed out waiting for ' + what);
      await sleep(100);
    }
  };
  const nameOf = (e) => (e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ') || e.textContent || '').trim();
  // The accessible name, or the visible text without a leading marker (e.g. '▸ ').
  const named = (sel, name) => [...document.querySelectorAll(sel)].find((e) => { const n = nameOf(e).replace(/\s+/g, ' '); return n === name || n.replace(/^[^\w|]+ ?/, '') === name; });
  const status = () => named('[role=status]', 'Engine status');
  /** The newest request computed: the quantum output as the status line writes it. */
  const settled = (what = 'a result') => until(what, () => {
    const s = status();
    return s && s.dataset.computing === 'false' && s.dataset.resultId !== '' && s.dataset.resultId === s.dataset.requestId && /\d/.test(s.dataset.output || '') && s.dataset.output;
  });
  const prediction = (path) => {
    const r = named('section', path + ' path readout');
    return r && { label: (r.querySelector('.predicts')?.textContent || '').trim().replace(/^predicts\s+/, ''), prob: (r.querySelector('.prob')?.textContent || '').trim() };
  };
  const setValue = (el, v) => {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const field = (root, label) => {
    const l = [...root.querySelectorAll('label')].find((x) => x.textContent.trim().startsWith(label));
    return (l && (l.control || l.querySelector('input,select,textarea'))) || root.querySelector('[aria-label="' + label + '"]');
  };
  const store = () => window.__hqrnStore.getState();
  return { sleep, until, named, status, settled, prediction, setValue, field, store };
}`;

const check = (ok, what) => {
  if (!ok) throw new Error(`check failed: ${what}`);
};

/** @typedef {{ goto(url: string): Promise<void>; run(fn: string, arg?: unknown): Promise<any>; click(xpath: string): Promise<void>; type(xpath: string, text: string): Promise<void>; screenshot(): Promise<Buffer>; version: string }} Driver */

/** @type {{ name: string; knownFailure?: Record<string, string>; run(d: Driver, ctx: { base: string; stopServer(): Promise<void>; startServer(): Promise<void> }): Promise<Record<string, unknown>> }[]} */
export const JOURNEYS = [
  {
    name: 'first visit predicts',
    async run(d, { base }) {
      await d.goto(base);
      const r = await d.run(`async (j) => {
        await j.settled('the first result');
        await j.until('the bundled model', () => j.store().stack.trained?.name && j.prediction('Quantum')?.label);
        await j.settled('the trained model\\'s result');
        const s = j.store();
        const nav = performance.getEntriesByType('navigation')[0];
        return { backend: s.backend?.backend ?? s.result?.backend, fallbacks: (s.backend?.fallbacks ?? []).map((f) => f.backend + ': ' + f.reason), model: s.stack.trained.name,
          quantum: j.prediction('Quantum'), classical: j.prediction('Classical'), firstResultMs: Math.round(performance.now() - (nav ? nav.startTime : 0)), notice: s.engineNotice ?? null };
      }`);
      check(r.model === 'entanglement-quantum', `the first visit opens the bundled model (got ${r.model})`);
      check(r.quantum.label === 'entangled', `the trained model calls |Φ+⟩ entangled (got ${r.quantum.label})`);
      return r;
    },
  },
  {
    name: 'partner toggle flips only the quantum prediction',
    async run(d, { base }) {
      await d.goto(base); // the first visit's trained model, |Φ+⟩
      const before = await d.run(`async (j) => {
        await j.settled();
        await j.until('the trained model', () => j.store().stack.trained && j.prediction('Quantum')?.label);
        await j.settled();
        return { q: j.prediction('Quantum'), c: j.prediction('Classical'), input: JSON.stringify(j.store().input) }; }`);
      await d.click(`//button[normalize-space()='Dephased partner']`);
      const after = await d.run(
        `async (j, before) => {
        await j.until('the dephased partner', () => JSON.stringify(j.store().input) !== before && /dephas/.test(JSON.stringify(j.store().input)));
        await j.settled();
        return { q: j.prediction('Quantum'), c: j.prediction('Classical') };
      }`,
        before.input,
      );
      check(after.q.label !== before.q.label, `the quantum prediction flips (${before.q.label} → ${after.q.label})`);
      check(JSON.stringify(after.c) === JSON.stringify(before.c), `the classical readout stays (${JSON.stringify(before.c)} → ${JSON.stringify(after.c)})`);
      await d.click(`//button[normalize-space()='Dephased partner']`);
      return { quantum: `${before.q.label} → ${after.q.label}`, classical: after.c.label };
    },
  },
  {
    name: 'paste a matrix and use it',
    async run(d, { base }) {
      await d.goto(`${base}#v=1`);
      await d.run(
        `async (j) => { await j.settled(); const o = j.named('button', 'Type or paste a matrix'); if (o.getAttribute('aria-expanded') !== 'true') o.click(); await j.until('the paste box', () => document.querySelector('textarea[aria-label="Paste a matrix"]')); }`,
      );
      // |Ψ−⟩⟨Ψ−| typed with the engine's key input.
      await d.type(`//textarea[@aria-label='Paste a matrix']`, '[[0,0,0,0],[0,0.5,-0.5,0],[0,-0.5,0.5,0],[0,0,0,0]]');
      const note = await d.run(
        `async (j) => j.until('the paste to be read', () => { const n = j.named('[role=status]', 'Pasted matrix'); return n && n.className.includes('matrix-check-valid') && j.named('button', 'Use this matrix')?.disabled === false && n.textContent; }, 15000)`,
      );
      await d.click(`//button[normalize-space()='Use this matrix']`);
      const r = await d.run(`async (j) => {
        await j.until('the matrix input', () => j.store().input.kind === 'matrix');
        await j.settled();
        return { input: j.store().input.kind, concurrence: j.named('output', 'Input concurrence')?.textContent?.trim(), quantum: j.prediction('Quantum').label };
      }`);
      check(r.input === 'matrix', 'the pasted matrix is the input');
      check(r.concurrence === '1.0000', `|Ψ−⟩ has concurrence 1 (got ${r.concurrence})`);
      return { note, ...r };
    },
  },
  {
    name: 'draw a digit (pointer events)',
    async run(d, { base }) {
      await d.goto(`${base}#v=1&t=dig`);
      const at = await d.run(`async (j) => {
        await j.settled('the digits task');
        (await j.until('the Clear button', () => j.named('button', 'Clear'))).click();
        await j.until('a blank canvas', () => j.store().input.kind === 'drawn');
        await j.settled();
        const c = await j.until('the drawing canvas', () => [...document.querySelectorAll('canvas')].find((e) => (e.getAttribute('aria-label') || '').startsWith('Drawing canvas')));
        c.scrollIntoView();
        const b = c.getBoundingClientRect();
        window.__hqrnReq0 = j.store().requestId;
        return { x: b.left + b.width * 0.5, top: b.top + b.height * 0.2, bottom: b.top + b.height * 0.8 };
      }`);
      // A vertical stroke with the engine's own pointer input (mouse down, 12 moves, up).
      await d.stroke(Array.from({ length: 13 }, (_, k) => ({ x: Math.round(at.x), y: Math.round(at.top + ((at.bottom - at.top) * k) / 12) })));
      const r = await d.run(`async (j) => {
        const req0 = window.__hqrnReq0;
        await j.until('the drawing to be sent', () => j.store().requestId !== req0 && j.store().input.kind === 'drawn');
        await j.settled();
        const px = j.store().input.pixels;
        let ink = 0; if (px) for (const v of px) ink += v > 0 ? 1 : 0;
        return { input: j.store().input.kind, inkedPixels: ink, quantum: j.prediction('Quantum')?.label };
      }`);
      check(r.input === 'drawn' && r.inkedPixels > 5, `the stroke is on the canvas (${r.inkedPixels} inked pixels)`);
      return r;
    },
  },
  {
    name: 'train the entanglement task (a short run)',
    async run(d, { base }) {
      await d.goto(`${base}#v=1&p=training`);
      const r = await d.run(`async (j) => {
        const panel = await j.until('the training studio', () => document.querySelector('.training-panel'));
        const set = (label, v) => { const f = j.field(panel, label); if (!f) throw new Error('no field ' + label); j.setValue(f, v); };
        set('Task', 'entanglement'); set('Mode', 'quantum-greedy'); set('Depth (blocks)', '1'); set('Epochs (per block)', '1');
        set('Batch size', '16'); set('Training examples', '100'); set('Test examples', '100'); set('Seed', '5');
        await j.sleep(200);
        const play = [...panel.querySelectorAll('button')].find((b) => /Play/.test(b.textContent));
        const t0 = performance.now();
        play.click();
        const done = await j.until('training to finish', () => { const s = panel.querySelector('p.train-status')?.textContent || ''; return /Done|failed|error/i.test(s) && s; }, 150000);
        const cells = [...(panel.querySelector('[data-testid="final-figures"] tbody tr')?.querySelectorAll('td') ?? [])].map((c) => c.textContent.trim());
        const alert = panel.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
        return { status: done.slice(0, 120) + (alert ? ' | ' + alert.slice(0, 300) : ''), seconds: +((performance.now() - t0) / 1000).toFixed(1), finalRow: cells };
      }`);
      check(/Done/.test(r.status), `training finished (${r.status})`);
      return r;
    },
  },
  {
    name: 'export a PNG',
    async run(d, { base }) {
      await d.goto(`${base}#v=1`);
      const r = await d.run(`async (j) => {
        await j.settled();
        const blobs = [];
        const orig = URL.createObjectURL;
        URL.createObjectURL = (b) => { blobs.push(b); return orig.call(URL, b); };
        const btn = await j.until('a PNG export button', () => [...document.querySelectorAll('button[aria-label$=" as PNG"]')].find((b) => b.offsetParent !== null));
        btn.click();
        const blob = await j.until('the PNG blob', () => blobs.find((b) => b.type === 'image/png'), 20000);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const bmp = await createImageBitmap(blob);
        return { button: btn.getAttribute('aria-label'), bytes: bytes.length, signature: Array.from(bytes.slice(0, 8)), width: bmp.width, height: bmp.height };
      }`);
      check(JSON.stringify(r.signature) === JSON.stringify([137, 80, 78, 71, 13, 10, 26, 10]), 'the file is a PNG');
      check(r.width > 50 && r.height > 50, `the PNG has a size (${r.width}×${r.height})`);
      return r;
    },
  },
  {
    name: 'reload offline (service worker)',
    async run(d, { base, stopServer, startServer }) {
      await d.goto(`${base}#v=1`);
      const first = await d.run(`async (j) => {
        const out = await j.settled();
        await j.until('the offline cache', () => document.querySelector('.status-line .offline')?.textContent === 'works offline', 90000);
        return out;
      }`);
      await stopServer();
      try {
        await d.goto(`${base}#v=1`);
        const again = await d.run(`async (j) => j.settled('a result with the server gone')`);
        check(again === first, 'the same numbers offline');
        return { output: `${again.split(' ').slice(0, 2).join(' ')} …` };
      } finally {
        await startServer();
      }
    },
  },
];
