/**
 * The balanced accuracy and predicted class shares of a run (the final figures' "Balanced" and
 * "Predicted" columns), for the two built-in tasks and for an imported dataset of any number of
 * classes (docs/math.md §11): the class names are the task's, or the dataset's in its class order.
 */
import { balancedAccuracy, classShares } from '../../core/states/figures';
import type { RunSummary } from './types';

/** The class names of the built-in tasks (label k ↦ name k). */
export const TASK_CLASS_NAMES = { entanglement: ['separable', 'entangled'], digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] } as const;

/** Largest number of classes whose shares are listed one by one (more: the largest share and its class). */
export const LISTED_SHARES = 4;

/**
 * The class names of a run: an imported dataset's (`datasetClasses`, when the run trained on a
 * dataset and the caller still has its summary), else `class k` for k up to the largest label or
 * prediction seen; the task's names for a built-in task.
 */
export function runClassNames(s: Pick<RunSummary, 'request' | 'testPredictions' | 'testLabels'>, datasetClasses?: readonly string[]): string[] {
  if (s.request.datasetId === undefined) return [...TASK_CLASS_NAMES[s.request.task]];
  if (datasetClasses?.length) return [...datasetClasses];
  let top = -1;
  for (const a of [s.testPredictions ?? [], s.testLabels ?? []]) for (let i = 0; i < a.length; i++) top = Math.max(top, a[i]);
  return Array.from({ length: top + 1 }, (_, k) => `class ${k}`);
}

export interface HonestFigures {
  /** Mean over the classes present in the labels of the per-class recall (docs/math.md §11). */
  balanced: number;
  /** Share of the test predictions per class 0..C−1 (sums to 1). */
  shares: number[];
  names: string[];
}

/** Balanced accuracy, class shares and names of a run; null without test predictions. */
export function honestFigures(s: Pick<RunSummary, 'request' | 'testPredictions' | 'testLabels'>, datasetClasses?: readonly string[]): HonestFigures | null {
  const p = s.testPredictions,
    l = s.testLabels;
  if (!p || !l || p.length !== l.length || !p.length) return null;
  const names = runClassNames(s, datasetClasses);
  let top = names.length - 1;
  for (let i = 0; i < p.length; i++) top = Math.max(top, p[i]);
  return { balanced: balancedAccuracy(p, l), shares: classShares(p, top + 1), names };
}

/** The "Predicted" cell: every share ("0.500 / 0.500" for two built-in classes, "a 0.2 · b 0.8" for a dataset) or, past LISTED_SHARES classes, the largest with its class. */
export function sharesText(h: HonestFigures, builtIn: boolean): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  if (builtIn && h.shares.length === 2) return h.shares.map(f).join(' / ');
  if (!builtIn && h.shares.length <= LISTED_SHARES) return h.shares.map((x, k) => `${h.names[k] ?? `class ${k}`} ${f(x)}`).join(' · ');
  const k = h.shares.reduce((best, x, i) => (x > h.shares[best] ? i : best), 0);
  return builtIn ? f(h.shares[k]) : `${f(h.shares[k])} (${h.names[k] ?? `class ${k}`})`;
}
