/**
 * npm run bench:core — speed of the float64 core (prints a table; not a test).
 *
 * Cases: forward of a 10-block stack on 5000 random two-qubit mixed states; on 1000
 * digit inputs (d = 64) through the O(d²) diagonal fast path; and the same digits through the
 * full-matrix (packed d²) quantum path. Single thread, median of several runs after warm-up.
 * FLOPs counted are the multiply-adds of the linear maps (2 flops each) plus the mix; the
 * activation/normalisation (O(d) per block) is not counted.
 */
import { classicalAnalog, classicalForwardBatch } from '../src/core/hqrn/classical';
import { DIGIT_DIM, digitsDataset } from '../src/core/states/digits';
import { compileBlock, packState, quantumForwardBatch } from '../src/core/hqrn/qrb';
import { randomQuantumModel } from '../src/core/hqrn/randomModel';
import { makeRng } from '../src/core/math/rng';
import { randomDensityMatrix } from '../src/core/math/testing';
import { loadDigitSet } from '../src/cli/digitsData';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm-up (JIT)
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

interface Row {
  name: string;
  states: number;
  ms: number;
  flops: number;
  target?: number;
}

const rows: Row[] = [];
const BLOCKS = 10;
const rng = makeRng(2026);

// 1. two-qubit mixed states, full (packed) quantum path
{
  const d = 4,
    D = d * d,
    n = 5000;
  const model = randomQuantumModel(2, BLOCKS, rng, { activation: 'relu', alpha: 0.5 });
  const compiled = model.blocks.map(compileBlock);
  const v0 = new Float64Array(n * D);
  for (let s = 0; s < n; s++) packState(randomDensityMatrix(d, rng), v0, s * D);
  const ms = time(() => quantumForwardBatch(compiled, v0, d), 15);
  rows.push({ name: '2-qubit mixed, quantum path (d=4)', states: n, ms, flops: n * BLOCKS * (2 * d * D + 2 * D), target: 50 });
}

// 2./3. digits (d = 64), diagonal inputs: the O(d²) fast path and the full-matrix path
{
  const d = DIGIT_DIM,
    D = d * d,
    n = 1000;
  const ds = digitsDataset(loadDigitSet(), { seed: 1, n });
  const model = randomQuantumModel(6, BLOCKS, rng, { activation: 'relu', alpha: 0.5 });
  const analog = classicalAnalog(model).blocks;
  const ms = time(() => classicalForwardBatch(analog, ds.inputs, d), 15);
  rows.push({ name: 'digits, diagonal fast path (d=64)', states: n, ms, flops: n * BLOCKS * (2 * d * d + 2 * d), target: 50 });

  const compiled = model.blocks.map(compileBlock);
  const v0 = new Float64Array(n * D);
  for (let s = 0; s < n; s++) v0.set(ds.inputs.subarray(s * d, (s + 1) * d), s * D);
  const msFull = time(() => quantumForwardBatch(compiled, v0, d), 3);
  rows.push({ name: 'digits, full-matrix path (d=64, d² packed)', states: n, ms: msFull, flops: n * BLOCKS * (2 * d * D + 2 * D) });
}

const pad = (s: string, w: number) => s.padEnd(w);
const lpad = (s: string, w: number) => s.padStart(w);
console.log(`float64 core, ${BLOCKS}-block stacks, one thread (node ${process.version})`);
console.log(`${pad('case', 44)}${lpad('states', 8)}${lpad('ms', 10)}${lpad('states/s', 12)}${lpad('GFLOP/s', 10)}  target`);
for (const r of rows) {
  const verdict = r.target === undefined ? '' : `≤ ${r.target} ms ${r.ms <= r.target ? 'met' : 'MISSED'}`;
  console.log(
    `${pad(r.name, 44)}${lpad(String(r.states), 8)}${lpad(r.ms.toFixed(1), 10)}${lpad(Math.round((r.states / r.ms) * 1000).toLocaleString('en'), 12)}${lpad((r.flops / r.ms / 1e6).toFixed(2), 10)}  ${verdict}`,
  );
}
