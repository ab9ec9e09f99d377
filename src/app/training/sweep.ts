/**
 * The studio's sweep builder, pure parts (docs/math.md §11): the grid's axes as the user types
 * them (comma lists; σ and mode as checked names), checked with the form's ranges
 * (ranges.ts), expanded over the studio form's request by src/core/io/sweep.ts gridProduct
 * (the same expansion as `hqrn sweep`), the run card of each finished run with the figures the
 * table averages, and the plot's series. No store, no engine (sweepStore.ts runs it).
 */
import { ACTIVATIONS } from '../../core/hqrn/activation';
import type { RunCard } from '../../core/io/runCard';
import { type GridAxis, gridProduct, gridSize, SWEEP_METRICS, type TableMetric, type TableRow } from '../../core/io/sweep';
import { balancedAccuracy } from '../../core/states/figures';
import type { TaskName, TrainMode, TrainRequest } from '../../protocol/messages';
import { fieldError, fmtValue } from './ranges';
import type { TrainOutcome } from './types';

/** The settings a sweep may vary, in the grid's order (the seed varies fastest). */
export const SWEEP_KEYS = ['mode', 'activation', 'depth', 'alpha', 'learningRate', 'noise', 'shots', 'seed'] as const;
export type SweepKey = (typeof SWEEP_KEYS)[number];

export const SWEEP_LABELS: Record<SweepKey, string> = {
  mode: 'training mode',
  activation: 'σ (activation)',
  depth: 'depth',
  alpha: 'α',
  learningRate: 'learning rate',
  noise: 'noise λ',
  shots: 'shots',
  seed: 'seed',
};

/** The numeric settings (the plot's x axis may be one of them). */
export const NUMERIC_KEYS: readonly SweepKey[] = ['depth', 'alpha', 'learningRate', 'noise', 'shots', 'seed'];

export const SWEEP_MODES: readonly TrainMode[] = ['quantum-greedy', 'quantum-end-to-end', 'transfer', 'classical'];

/** More runs than this are refused (each run trains a whole model in the browser). */
export const MAX_SWEEP_RUNS = 200;

/** Each axis as typed: a comma list ('' = the form's value). */
export type SweepLists = Record<SweepKey, string>;

/** The lists of a request: each axis holds the form's one value. */
export function listsOf(req: TrainRequest): SweepLists {
  return {
    mode: req.mode,
    activation: req.activation,
    depth: String(req.depth),
    alpha: String(req.alpha),
    learningRate: String(req.learningRate),
    noise: String(req.noise ?? 0),
    shots: String(req.shots ?? 0),
    seed: String(req.seed),
  };
}

export type SweepPlan = { ok: true; axes: GridAxis[]; requests: TrainRequest[] } | { ok: false; error: string; runs?: number };

function numberAxis(key: SweepKey, text: string, task: TaskName): GridAxis<number> | string {
  const parts = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const values: number[] = [];
  for (const p of parts) {
    const x = Number(p);
    if (key === 'noise') {
      if (!Number.isFinite(x) || x < 0 || x > 1) return `noise λ must be from 0 to 1, got ${JSON.stringify(p)}`;
    } else {
      const err = fieldError(key as 'depth', Number.isFinite(x) && p !== '' ? x : NaN, task);
      if (err) return `${err}${Number.isFinite(x) ? '' : ` (${JSON.stringify(p)})`}`;
    }
    if (!values.includes(x)) values.push(x);
  }
  return { key, values };
}

function nameAxis(key: 'mode' | 'activation', text: string): GridAxis<string> | string {
  const allowed: readonly string[] = key === 'mode' ? SWEEP_MODES : ACTIVATIONS;
  const values = [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
  const bad = values.find((v) => !allowed.includes(v));
  if (bad !== undefined) return `${SWEEP_LABELS[key]}: ${JSON.stringify(bad)} is not one of ${allowed.join(', ')}`;
  return { key, values };
}

/**
 * The sweep's runs: every combination of the non-empty lists over `base` (the form's request;
 * an empty list keeps the form's value). Refused with a message naming the field and a way
 * forward: a value out of the form's range, or more than MAX_SWEEP_RUNS runs.
 */
export function planSweep(lists: SweepLists, base: TrainRequest): SweepPlan {
  const axes: GridAxis[] = [];
  for (const key of SWEEP_KEYS) {
    const text = lists[key] ?? '';
    if (!text.trim()) continue;
    const a = key === 'mode' || key === 'activation' ? nameAxis(key, text) : numberAxis(key, text, base.task);
    if (typeof a === 'string') return { ok: false, error: a };
    if (a.values.length) axes.push(a);
  }
  const runs = gridSize(axes);
  if (runs > MAX_SWEEP_RUNS)
    return {
      ok: false,
      runs,
      error: `${runs} runs is more than the studio's ${MAX_SWEEP_RUNS}: shorten a list, or run the grid with "hqrn sweep" (docs/cli.md), which uses every core`,
    };
  const requests = gridProduct(base as unknown as Record<string, unknown>, axes) as unknown as TrainRequest[];
  return { ok: true, axes, requests: requests.map((r) => (r.noise ? r : (({ noise: _n, ...rest }) => rest as TrainRequest)(r))) };
}

/**
 * The figures of a finished run, as the sweep's run card metrics (the names of
 * src/core/io/sweep.ts SWEEP_METRICS): accuracy (test), balanced accuracy (mean recall over
 * the classes, from the test predictions), train accuracy, the adversarial partners' accuracy
 * (entanglement) and, with shots, the finite-shot test accuracy.
 */
export function sweepMetrics(r: TrainOutcome): Record<string, unknown> {
  const m: Record<string, unknown> = { accuracy: r.final.testAccuracy, trainAccuracy: r.final.trainAccuracy };
  if (r.testPredictions && r.testLabels && r.testLabels.length === r.testPredictions.length && r.testLabels.length > 0)
    m.balancedAccuracy = balancedAccuracy(r.testPredictions, r.testLabels);
  const adv = r.final.adversarialAccuracy;
  if (adv) m.adversarial = { dephasedPartners: adv.dephased, marginalPartners: adv.marginal };
  if (r.shotEvaluation) m.shotAccuracy = r.shotEvaluation.testAccuracy;
  return m;
}

/** The table's metrics in the studio: SWEEP_METRICS and the finite-shot accuracy. */
export const STUDIO_METRICS: TableMetric[] = [...SWEEP_METRICS, { name: 'shotAccuracy', get: (m) => m.shotAccuracy }];

/** A card's metrics with the sweep's figures added (the studio card keeps its own). */
export function sweepCard(card: RunCard, r: TrainOutcome): RunCard {
  return { ...card, metrics: { ...card.metrics, ...sweepMetrics(r) } };
}

/** A setting as the table shows it. */
export function settingText(v: unknown): string {
  return typeof v === 'number' ? fmtValue(v) : String(v ?? '—');
}

/**
 * The plot: one series per value of `line` (or one series), points (x, mean of `metric`) with
 * err = std; rows that share (line, x) but differ in another setting are averaged (their
 * means; no error bar then). Points sorted by x.
 */
export function plotSeries(
  rows: readonly TableRow[],
  x: string,
  line: string | null,
  metric = 'accuracy',
): { name: string; points: { x: number; y: number; err?: number }[] }[] {
  const series = new Map<string, Map<number, { m: number[]; s: number[] }>>();
  for (const r of rows) {
    const cell = r[metric] as { mean: number; std: number } | undefined;
    const xv = Number(r.settings[x]);
    if (!cell || !Number.isFinite(xv)) continue;
    const name = line ? `${SWEEP_LABELS[line as SweepKey] ?? line} = ${settingText(r.settings[line])}` : metric;
    const pts = series.get(name) ?? new Map<number, { m: number[]; s: number[] }>();
    series.set(name, pts);
    const p = pts.get(xv) ?? { m: [], s: [] };
    pts.set(xv, p);
    p.m.push(cell.mean);
    p.s.push(cell.std);
  }
  return [...series.entries()].map(([name, pts]) => ({
    name,
    points: [...pts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([xv, p]) => ({ x: xv, y: p.m.reduce((a, b) => a + b, 0) / p.m.length, ...(p.m.length === 1 ? { err: p.s[0] } : {}) })),
  }));
}

/** Seconds left: the mean time of the finished runs times the runs still to go (NaN before the first). */
export function secondsLeft(runSeconds: readonly number[], total: number): number {
  if (!runSeconds.length) return NaN;
  return (runSeconds.reduce((a, b) => a + b, 0) / runSeconds.length) * (total - runSeconds.length);
}
