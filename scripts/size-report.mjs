#!/usr/bin/env node
/**
 * First-load size of the built app: `npm run size` (builds first) or
 * `node scripts/size-report.mjs [dist]` on an existing build.
 *
 * Prints the gzip size (zlib level 9, what a static host's on-the-fly gzip roughly gives) of
 * - main-thread JS on first load: index.html's module scripts and modulepreloads, and every
 *   chunk they import statically (what the browser must fetch before the app starts);
 * - main-thread JS loaded later (dynamic imports), CSS, the worker chunk(s), wasm binaries,
 *   the digits and any other static files (bundled models), each separately.
 * Exits with 1 if the first-load main-thread JS is over the budget (250 KB gzip) or
 * holds tfjs code (tfjs must load only in the engine worker).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
/** Strings only tfjs's own code contains (engine, backends, model store). */
const TFJS_MARKERS = ['registerBackend(', 'kernelName', 'tensorflowjs_models/', 'WEBGL_VERSION', 'WASM_HAS_SIMD_SUPPORT'];

const dist = path.resolve(process.argv[2] ?? 'dist');
const indexFile = path.join(dist, 'index.html');
let indexHtml;
try {
  indexHtml = readFileSync(indexFile, 'utf8');
} catch {
  console.error(`size-report: no ${indexFile} (run the build first)`);
  process.exit(2);
}

/** All files under dir, as paths relative to dist. */
function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [path.relative(dist, full)];
  });
}

const gzipBytes = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const rawBytes = (file) => statSync(path.join(dist, file)).size;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The JS files an HTML page loads at once: its module scripts and modulepreloads. */
function htmlScripts(html, htmlFile) {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  return refs.map((ref) => path.relative(dist, path.resolve(path.dirname(htmlFile), ref)));
}

/** `file` and every chunk it imports statically, transitively (import "./x.js" / from "./x.js"). */
function staticClosure(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      visit(path.relative(dist, path.resolve(path.dirname(path.join(dist, file)), m[1])));
    }
  };
  entries.forEach(visit);
  return seen;
}

const files = listFiles(dist);
const js = files.filter((f) => f.endsWith('.js'));
const workers = js.filter((f) => /(^|\/)[^/]*worker[^/]*\.js$/.test(f));
const firstLoad = [...staticClosure(htmlScripts(indexHtml, indexFile))];
// Other HTML pages (e2e/engine.html: the test harness) and their own chunks are not the app.
const otherPages = files.filter((f) => f.endsWith('.html') && f !== 'index.html');
const harness = new Set(otherPages.flatMap((f) => [...staticClosure(htmlScripts(readFileSync(path.join(dist, f), 'utf8'), path.join(dist, f)))]));
// The offline cache's service worker and its manifest (public/sw.js, scripts/offline-manifest.mjs).
const offlineCache = js.filter((f) => f === 'sw.js' || f === 'sw-manifest.js');
const later = js.filter((f) => !firstLoad.includes(f) && !workers.includes(f) && !harness.has(f) && !offlineCache.includes(f));

const groups = [
  ['main-thread JS, first load', firstLoad],
  ['main-thread JS, loaded later', later],
  ['CSS', files.filter((f) => f.endsWith('.css'))],
  ['worker JS', workers],
  ['offline cache (sw.js)', offlineCache],
  ['wasm', files.filter((f) => f.endsWith('.wasm'))],
  ['digits data', files.filter((f) => f.startsWith(`data${path.sep}`))],
  ['test harness pages (not the app)', [...otherPages, ...[...harness].filter((f) => !firstLoad.includes(f))]],
];
const listed = new Set(groups.flatMap(([, group]) => group));
groups.push(['other files (fetched on demand)', files.filter((f) => f !== 'index.html' && !listed.has(f))]);

console.log(`Sizes of ${path.relative(process.cwd(), dist) || '.'} (gzip -9; raw in brackets)\n`);
const totals = {};
for (const [title, group] of groups) {
  const gz = group.reduce((s, f) => s + gzipBytes(f), 0);
  const raw = group.reduce((s, f) => s + rawBytes(f), 0);
  totals[title] = gz;
  console.log(`${title.padEnd(36)} ${kb(gz).padStart(10)}  (${kb(raw)})`);
  for (const f of group) console.log(`  ${f.padEnd(58)} ${kb(gzipBytes(f)).padStart(10)}`);
}
console.log('\nThe wasm backend fetches one of the three wasm binaries (SIMD when the browser has it);');
console.log('the digits are fetched by the worker when the digits task or training first needs them.');

const tfjsInMain = firstLoad.concat(later).flatMap((f) => {
  const code = readFileSync(path.join(dist, f), 'utf8');
  return TFJS_MARKERS.filter((m) => code.includes(m)).map((m) => `${f}: "${m}"`);
});
// What a first visit fetches before the first result: the page, its JS and CSS, the worker,
// and on the wasm backend one binary (the SIMD one in current browsers).
const simdWasm = files.find((f) => /tfjs-backend-wasm-simd-[^/]*\.wasm$/.test(f));
const firstVisit = gzipBytes('index.html') + totals['main-thread JS, first load'] + totals.CSS + totals['worker JS'];
console.log(`\nfirst visit before the first result: ${kb(firstVisit)} gzip on webgl, ${kb(firstVisit + (simdWasm ? gzipBytes(simdWasm) : 0))} on wasm`);
const firstLoadKb = totals['main-thread JS, first load'] / 1024;
console.log(`first-load main-thread JS: ${firstLoadKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB): ${firstLoadKb <= BUDGET_KB ? 'ok' : 'OVER BUDGET'}`);
console.log(`tfjs code on the main thread: ${tfjsInMain.length === 0 ? 'none' : tfjsInMain.join(', ')}`);
if (firstLoadKb > BUDGET_KB || tfjsInMain.length > 0) process.exit(1);
