#!/usr/bin/env node
/**
 * Cross-engine journeys (scripts/test.sh step "cross-engine journeys"): the built app, served
 * from a sub-path by scripts/serve-static.mjs (as the Playwright suite serves it), opened in
 * Firefox (firefox.mjs) and WebKit (webkit.mjs), each running journeys.mjs. Prints per engine
 * its version, the tfjs backend the engine worker chose, and the first-result time; a
 * screenshot of a failed journey goes to test-results/engines/.
 *
 *   node e2e/engines/run.mjs [--dir dist] [--port N] [--engines firefox,webkit] [--build]
 *
 * --dir defaults to $E2E_OUT_DIR or dist (the Playwright step's build); --build builds it
 * first. Exit status 1 if any journey failed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { JOURNEYS } from './journeys.mjs';

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.E2E_OUT_DIR ?? 'dist' },
    port: { type: 'string', default: String(Number(process.env.E2E_PORT ?? 4173) + 3000) },
    engines: { type: 'string', default: 'firefox,webkit' },
    build: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const PREFIX = `/${(process.env.E2E_PREFIX ?? 'hqrn/sub/path').split('/').filter(Boolean).join('/')}/`;
const BASE = `http://127.0.0.1:${opts.port}${PREFIX}`;
const SHOTS = 'test-results/engines';

if (opts.build || !existsSync(`${opts.dir}/index.html`)) {
  const b = spawnSync('npx', ['vite', 'build', '--outDir', opts.dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

let server = null;
async function startServer() {
  server = spawn(process.execPath, ['scripts/serve-static.mjs', '--dir', opts.dir, '--port', opts.port, '--host', '127.0.0.1', '--prefix', PREFIX, '--quiet'], {
    stdio: 'ignore',
  });
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > 15_000) throw new Error(`the static server did not answer on ${BASE}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
async function stopServer() {
  const s = server;
  server = null;
  if (!s || s.exitCode !== null) return;
  const exited = new Promise((r) => s.once('exit', r));
  s.kill('SIGTERM');
  await exited;
}

const drivers = {
  firefox: async () => (await import('./firefox.mjs')).firefoxDriver(),
  webkit: async () => (await import('./webkit.mjs')).webkitDriver(),
};

const summary = [];
let failed = 0;
await startServer();
mkdirSync(SHOTS, { recursive: true });
for (const engine of opts.engines.split(',').filter(Boolean)) {
  const t0 = Date.now();
  let d;
  try {
    d = await drivers[engine]();
  } catch (e) {
    failed++;
    console.log(`\n[${engine}] could not start: ${e.message}`);
    summary.push({ engine, version: '—', backend: '—', firstResultMs: '—', passed: 0, failed: JOURNEYS.length, seconds: 0 });
    continue;
  }
  console.log(`\n[${engine}] ${d.version}`);
  const row = { engine, version: d.version, backend: '?', firstResultMs: '?', passed: 0, failed: 0, seconds: 0 };
  for (const j of JOURNEYS) {
    if (opts.only && !j.name.includes(opts.only)) continue;
    const t1 = Date.now();
    try {
      const facts = await j.run(d, { base: BASE, stopServer, startServer });
      if (j.name === 'first visit predicts') {
        row.backend = facts.backend + (facts.fallbacks.length ? ` (${facts.fallbacks.join('; ')})` : '');
        row.firstResultMs = facts.firstResultMs;
      }
      row.passed++;
      if (j.knownFailure?.[engine]) console.log(`  note: "${j.name}" now passes in ${engine}: remove its knownFailure`);
      console.log(`  ✓ ${j.name} (${((Date.now() - t1) / 1000).toFixed(1)} s) ${JSON.stringify(facts)}`);
    } catch (e) {
      const known = j.knownFailure?.[engine];
      if (known) {
        row.known = (row.known ?? 0) + 1;
        console.log(`  ✘ ${j.name} (known failure in ${engine}: ${known}): ${e.message}`);
        continue;
      }
      row.failed++;
      failed++;
      console.log(`  ✘ ${j.name} (${((Date.now() - t1) / 1000).toFixed(1)} s): ${e.message}`);
      if (d.logs.length) console.log(`    page errors: ${d.logs.slice(-5).join(' | ')}`);
      try {
        const file = `${SHOTS}/${engine}-${j.name.replace(/\W+/g, '-')}.png`;
        writeFileSync(file, await d.screenshot());
        console.log(`    screenshot: ${file}`);
      } catch {
        /* no screenshot */
      }
      if (!server) await startServer().catch(() => undefined);
    }
  }
  await d.close().catch(() => undefined);
  row.seconds = Math.round((Date.now() - t0) / 1000);
  summary.push(row);
}
await stopServer();

console.log('\ncross-engine journeys:');
for (const r of summary)
  console.log(
    `  ${r.engine.padEnd(8)} ${r.version.padEnd(24)} backend ${String(r.backend).padEnd(8)} first result ${r.firstResultMs} ms   ${r.passed} passed, ${r.failed} failed${r.known ? ` (${r.known} known failure)` : ''}, ${r.seconds} s`,
  );
process.exit(failed ? 1 : 0);
