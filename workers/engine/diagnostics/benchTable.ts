/**
 * Bench types and the table printer, free of tfjs imports (the browser bench driver runs in
 * plain node and only formats what the worker returns). The cases are in bench.ts.
 */
import type { BackendName } from '../../../src/protocol/messages';

export type BenchCase = 'forward-2q' | 'forward-digits' | 'train-classical-digits' | 'train-quantum-entanglement' | 'presets' | 'studies';
/** The default cases; 'presets' (the paper's two presets with their baselines, as the studio runs them) and 'studies' (the four full "Beyond the paper" studies) are asked for by name: they take minutes. */
export const BENCH_CASES: readonly BenchCase[] = ['forward-2q', 'forward-digits', 'train-classical-digits', 'train-quantum-entanglement'];

export interface BenchOptions {
  cases?: BenchCase[];
  /** Timed repetitions of each forward case (median reported; one warm-up first). */
  runs?: number;
}

export interface BenchRow {
  backend: BackendName | string;
  case: string;
  /** Which bench case (the numpy peer is matched on it). */
  id?: BenchCase;
  states: number;
  ms: number;
  statesPerSecond: number;
  /** The float64 core on the same work (ms), when it has a counterpart. */
  coreMs?: number;
  /** coreMs / ms: > 1 means the engine is faster. */
  speedup?: number;
  /** numpy (python3 ../shared/bench/numpy_peer.py, same machine, same run) on the same case. */
  numpyMs?: number;
  /** Nominal multiply-add work of the case (2·m·k·n per matMul of the textbook formulation), GFLOP. */
  gflop?: number;
  /**
   * Share of the time inside tfjs kernels (tf.profile's kernelTimeMs summed over one run,
   * over that run's wall time); the rest is dispatch, uploads, read-back and JS.
   */
  kernelShare?: number;
  note?: string;
}

/** The numpy peer's cases, by bench case. */
export const NUMPY_CASES: Partial<Record<BenchCase, string>> = {
  'forward-2q': '2q_5000x10_ms',
  'forward-digits': 'digits_diag_1000x10_ms',
};

/** Put the numpy peer's times (its JSON output) beside the rows. */
export function withNumpy(rows: BenchRow[], numpy: Record<string, number> | null): BenchRow[] {
  if (!numpy) return rows;
  return rows.map((r) => {
    const key = r.id ? NUMPY_CASES[r.id] : undefined;
    return key && numpy[key] !== undefined ? { ...r, numpyMs: numpy[key] } : r;
  });
}

const pct = (x: number) => `${Math.round(100 * x)} %`;

/** The rows as a fixed-width table. */
export function formatBenchTable(rows: BenchRow[]): string {
  const head = ['backend', 'case', 'states', 'ms', 'states/s', 'core ms', 'vs core', 'numpy ms', 'vs numpy', 'GFLOP/s', 'outside kernels'];
  const body = rows.map((r) => [
    r.backend,
    r.case,
    r.states ? String(r.states) : '—',
    Number.isNaN(r.ms) ? 'FAILED' : r.ms.toFixed(1),
    Number.isNaN(r.statesPerSecond) ? '—' : Math.round(r.statesPerSecond).toLocaleString('en'),
    r.coreMs === undefined ? '—' : r.coreMs.toFixed(1),
    r.speedup === undefined ? '—' : `${r.speedup.toFixed(2)}×`,
    r.numpyMs === undefined ? '—' : r.numpyMs.toFixed(1),
    // engine time over numpy's: ≤ 1 means the engine is at least as fast
    r.numpyMs === undefined || Number.isNaN(r.ms) ? '—' : `${(r.ms / r.numpyMs).toFixed(2)}×`,
    r.gflop === undefined || Number.isNaN(r.ms) ? '—' : (r.gflop / (r.ms / 1000)).toFixed(2),
    r.kernelShare === undefined ? '—' : pct(Math.max(0, 1 - r.kernelShare)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    'vs core = core ms / engine ms (> 1: engine faster); vs numpy = engine ms / numpy ms (≤ 1: engine at least as fast);',
    "GFLOP/s = the textbook formulation's matMul work (2·m·k·n per product) over the engine's time; outside kernels =",
    '1 − (tf.profile kernel time / wall time) of one run: dispatch, uploads, read-back, JS.',
  ].join('\n');
}
