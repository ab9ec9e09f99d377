/**
 * Sweeps (docs/math.md §11), the pure parts shared by `hqrn sweep` (src/cli/sweep.ts) and the
 * Training studio's sweep builder (src/app/training/sweep.ts):
 *   gridProduct  the Cartesian product of the axes, the last axis varying fastest
 *                (N = ∏ₖ |valuesₖ| settings);
 *   meanStd      mean and sample standard deviation (n − 1; 0 for one value);
 *   sweepTable   the run cards grouped by their settings (the seed left out), each metric as
 *                mean ± std over the seeds of the group;
 *   tableCsv     that table as CSV.
 */
import type { RunCard } from './runCard';

/** One axis of a grid: a setting and the values it takes. */
export interface GridAxis<V = unknown> {
  key: string;
  values: readonly V[];
}

/** Number of settings of a grid: the product of the axes' lengths (1 for no axes). */
export function gridSize(axes: readonly GridAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/**
 * Every combination of the axes' values, each merged over `base`: N = ∏ₖ |valuesₖ| objects in
 * odometer order (the first axis slowest, the last fastest). An axis with no values is an error
 * (`<key>: empty list`).
 */
export function gridProduct<T extends Record<string, unknown>>(base: T, axes: readonly GridAxis[]): T[] {
  let combos: T[] = [{ ...base }];
  for (const a of axes) {
    if (!a.values.length) throw new Error(`${a.key}: empty list`);
    combos = combos.flatMap((c) => a.values.map((v) => ({ ...c, [a.key]: v })));
  }
  return combos;
}

/** Mean and sample standard deviation s = √(Σ(x − x̄)² / (n − 1)) (0 for n = 1; NaN for n = 0). */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const n = xs.length;
  if (!n) return { mean: NaN, std: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = n < 2 ? 0 : Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, std };
}

const r4 = (x: number) => Number(x.toFixed(4));

export interface TableRow {
  /** The group's settings (a card's settings without `seed`). */
  settings: Record<string, unknown>;
  runs: number;
  seeds: number[];
  /** Per metric: { mean, std } over the group's runs, rounded to 4 decimals. */
  [metric: string]: unknown;
}

/** A metric of the table: its column name and how to read it from a run card's metrics. */
export interface TableMetric {
  name: string;
  get: (metrics: Record<string, unknown>) => unknown;
}

const adversarial = (k: string) => (m: Record<string, unknown>) => (m.adversarial as Record<string, unknown> | undefined)?.[k];

/** The metrics of a sweep's run cards (docs/math.md §11): test, balanced and train accuracy, the adversarial figures. */
export const SWEEP_METRICS: TableMetric[] = [
  { name: 'accuracy', get: (m) => m.accuracy },
  { name: 'balancedAccuracy', get: (m) => m.balancedAccuracy },
  { name: 'trainAccuracy', get: (m) => m.trainAccuracy },
  ...['dephasedPartners', 'dephasedBalanced', 'marginalPartners', 'marginalBalanced'].map((k) => ({ name: k, get: adversarial(k) })),
];

/**
 * Mean ± std over the seeds of each setting: runs whose settings are equal apart from `seed`
 * form a group (first-seen order); a metric is in a row only when every run of its group has
 * it as a finite number.
 */
export function sweepTable(runs: readonly RunCard[], metrics: readonly TableMetric[] = SWEEP_METRICS): TableRow[] {
  const groups = new Map<string, RunCard[]>();
  for (const r of runs) {
    const { seed: _seed, ...settings } = r.settings;
    const key = JSON.stringify(settings);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((g) => {
    const { seed: _seed, ...settings } = g[0].settings;
    const row: TableRow = { settings, runs: g.length, seeds: g.map((r) => r.seed) };
    for (const m of metrics) {
      const xs = g.map((r) => m.get(r.metrics)).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      if (xs.length !== g.length) continue;
      const s = meanStd(xs);
      row[m.name] = { mean: r4(s.mean), std: r4(s.std) };
    }
    return row;
  });
}

/** The setting keys whose values differ between rows (always `alwaysKeys` when present). */
export function varyingKeys(rows: readonly TableRow[], alwaysKeys: readonly string[] = []): string[] {
  return Object.keys(rows[0]?.settings ?? {}).filter((k) => new Set(rows.map((r) => JSON.stringify(r.settings[k]))).size > 1 || alwaysKeys.includes(k));
}

/**
 * The table as CSV: the varying settings (and `alwaysKeys`), `runs`, then `<metric>Mean` and
 * `<metric>Std` for each of `metrics` that every row has. One header line, one line per row.
 */
export function tableCsv(
  rows: readonly TableRow[],
  metrics: readonly string[] = ['accuracy', 'balancedAccuracy', 'trainAccuracy', 'dephasedPartners', 'marginalPartners'],
  alwaysKeys: readonly string[] = ['alpha', 'depth'],
): string {
  const keys = varyingKeys(rows, alwaysKeys);
  const ms = metrics.filter((m) => rows.length > 0 && rows.every((r) => r[m] !== undefined));
  const cell = (v: unknown) => {
    const s = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = [...keys, 'runs', ...ms.flatMap((m) => [`${m}Mean`, `${m}Std`])];
  const lines = rows.map((r) =>
    [...keys.map((k) => cell(r.settings[k])), r.runs, ...ms.flatMap((m) => [(r[m] as { mean: number }).mean, (r[m] as { std: number }).std])].join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
