/**
 * npm run bench:engine (node part) — engine timings on tfjs cpu and wasm in node, beside the
 * float64 core on the same work (prints a table; not a test). The Chromium part is
 * scripts/bench-engine-browser.ts. See workers/engine/diagnostics/bench.ts for the cases.
 *
 * The numpy peer runs in the same process tree right after (python3 ../shared/bench/numpy_peer.py).
 *
 *   tsx scripts/bench-engine.ts [--backends cpu,wasm] [--cases forward-2q,...] [--runs 5]
 *   (npm run bench:engine -- --gpu: the Chromium part with GPU flags; see bench-engine-browser.ts)
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadDigitSet } from '../src/cli/digitsData';
import type { BackendName } from '../src/protocol/messages';
import { selectBackend } from '../workers/engine/backend';
import { BENCH_CASES, type BenchCase, type BenchRow, formatBenchTable, runBench, withNumpy } from '../workers/engine/diagnostics/bench';
import { describeNumpy, runNumpyPeer } from './numpy-peer';
import { Engine } from '../workers/engine/forward/engine';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const backends = (arg('backends') ?? 'cpu,wasm').split(',') as BackendName[];
const cases = (arg('cases')?.split(',') as BenchCase[] | undefined) ?? [...BENCH_CASES];
const runs = Number(arg('runs') ?? 5);

const rows: BenchRow[] = [];
const engine = new Engine();
for (const b of backends) {
  const info = await selectBackend(b);
  if (info.backend !== b) {
    console.log(`${b}: unavailable (${info.fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')})`);
    continue;
  }
  const r = await runBench(engine, { cases, runs, loadDigits: async () => loadDigitSet() }, b);
  rows.push(...r);
  for (const row of r) if (row.note) console.error(`  [${b}] ${row.case}: ${row.note}`);
}
const peer = runNumpyPeer();
console.log(`\nHQRN engine in node ${process.version} (tfjs ${tf.version_core}); ${describeNumpy(peer)}`);
console.log(formatBenchTable(withNumpy(rows, peer.times).map((r) => ({ ...r, backend: `node ${r.backend}` as BenchRow['backend'] }))));
