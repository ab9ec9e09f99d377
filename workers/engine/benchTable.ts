/**
 * Bench types and the table printer, free of tfjs imports (the browser bench driver runs in
 * plain node and only formats what the worker returns). The cases are in bench.ts.
 */
import type { BackendName } from '../../src/app/protocol';

export type BenchCase = 'forward-2q' | 'forward-digits' | 'train-classical-digits' | 'train-quantum-entanglement';
export const BENCH_CASES: readonly BenchCase[] = ['forward-2q', 'forward-digits', 'train-classical-digits', 'train-quantum-entanglement'];

export interface BenchOptions {
  cases?: BenchCase[];
  /** Timed repetitions of each forward case (median reported; one warm-up first). */
  runs?: number;
}

export interface BenchRow {
  backend: BackendName | string;
  case: string;
  states: number;
  ms: number;
  statesPerSecond: number;
  /** The float64 core on the same work (ms), when it has a counterpart. */
  coreMs?: number;
  /** coreMs / ms: > 1 means the engine is faster. */
  speedup?: number;
  note?: string;
}

/** The rows as a fixed-width table. */
export function formatBenchTable(rows: BenchRow[]): string {
  const head = ['backend', 'case', 'states', 'ms', 'states/s', 'core ms', 'vs core'];
  const body = rows.map((r) => [
    r.backend,
    r.case,
    String(r.states),
    Number.isNaN(r.ms) ? 'FAILED' : r.ms.toFixed(1),
    Math.round(r.statesPerSecond).toLocaleString('en'),
    r.coreMs === undefined ? '—' : r.coreMs.toFixed(1),
    r.speedup === undefined ? '—' : `${r.speedup.toFixed(2)}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
