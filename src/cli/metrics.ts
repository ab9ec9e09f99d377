/**
 * Evaluation figures of `hqrn train / evaluate / sweep` (docs/math.md §11): accuracy, balanced
 * accuracy (mean per-class recall), the confusion matrix (rows = true class, columns =
 * predicted), accuracy per kind, and for the entanglement task the adversarial-partner
 * figures of core/states/figures.ts.
 */
import type { Dataset } from '../core/io/dataset';
import { accuracyOf, argmaxRows, balancedAccuracy, entanglementFigures, perKindAccuracy } from '../core/states/figures';
import { type HqrnParams, predictProba } from '../core/hqrn/fit';

export interface Evaluation {
  n: number;
  accuracy: number;
  balancedAccuracy: number;
  classes: string[];
  confusion: number[][];
  perKind?: Record<string, { n: number; accuracy: number }>;
  adversarial?: { dephasedPartners: number; dephasedBalanced: number; marginalPartners: number; marginalBalanced: number };
}

/** Predicted class of each row (first maximum): the core's, re-exported for the CLI. */
export { argmaxRows };

/** Round to 6 significant digits for the JSON (figures, not physics). */
const r6 = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);

/** All figures of predictions against a dataset's labels. */
export function evaluate(pred: number[], ds: Pick<Dataset, 'labels' | 'classes' | 'kinds'>): Evaluation {
  const C = ds.classes.length;
  const confusion = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  ds.labels.forEach((l, i) => confusion[l][pred[i]]++);
  const out: Evaluation = {
    n: pred.length,
    accuracy: r6(accuracyOf(pred, ds.labels)),
    balancedAccuracy: r6(balancedAccuracy(pred, ds.labels)),
    classes: ds.classes,
    confusion,
  };
  if (ds.kinds) {
    // one pass over the states (perKindAccuracy, shared with the studio's per-kind table)
    const per = perKindAccuracy(pred, ds.labels, ds.kinds);
    for (const k of Object.keys(per)) per[k].accuracy = r6(per[k].accuracy);
    out.perKind = per;
    if (C === 2 && ds.classes[0] === 'separable' && ds.kinds.some((k) => k.endsWith('-partner'))) {
      const f = entanglementFigures(pred, ds.labels, ds.kinds);
      out.adversarial = {
        dephasedPartners: r6(f.dephased.partners),
        dephasedBalanced: r6(f.dephased.balanced),
        marginalPartners: r6(f.marginal.partners),
        marginalBalanced: r6(f.marginal.balanced),
      };
    }
  }
  return out;
}

/** Predictions of trainer parameters on a dataset (predictProba of hqrn/fit.ts). */
export function predictDataset(p: HqrnParams, ds: Dataset): number[] {
  return argmaxRows(predictProba(p, ds.packed, ds.n), ds.n, p.spec.classes);
}
