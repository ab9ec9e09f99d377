/**
 * Figures that do not flatter: accuracy on an adversarial
 * subset always comes with the balanced accuracy on the *pair* (the entangled states + the
 * partners of that kind), the share of each class predicted, and a note when one class takes
 * ≥ 95 % of the predictions. A model that calls everything separable scores 1.000 on every
 * partner subset but 0.500 balanced on every pair.
 *
 * Inputs: predictions and labels (0 = separable, 1 = entangled for the entanglement task),
 * and for entanglement splits the kind of each state ('entangled', 'dephased-partner',
 * 'marginal-partner', anything else = other separable states).
 */

/**
 * Predicted class of each row of n×C probabilities `proba` (row-major, length n·C): the first
 * maximum of each row (ties go to the lower class index). Errors: none; n = 0 gives [].
 */
export function argmaxRows(proba: ArrayLike<number>, n: number, C: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < n; s++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (proba[s * C + c] > proba[s * C + best]) best = c;
    out.push(best);
  }
  return out;
}

/** Fraction of predictions equal to the labels (NaN for none). */
export function accuracyOf(pred: ArrayLike<number>, labels: ArrayLike<number>, rows?: number[]): number {
  const idx = rows ?? Array.from({ length: labels.length }, (_, i) => i);
  if (!idx.length) return NaN;
  let ok = 0;
  for (const i of idx) if (pred[i] === labels[i]) ok++;
  return ok / idx.length;
}

/**
 * Accuracy per kind (a family name per example, e.g. "bell", "werner", "dephased-partner"; the
 * `kinds` of a dataset, docs/math.md §11): for each kind k, n_k = #{i : kinds_i = k} and
 * accuracy_k = #{i : kinds_i = k, pred_i = labels_i} / n_k. Keys in code-unit order. The figure
 * `hqrn evaluate` prints as "perKind" and the studio's per-kind table shows. Shapes: three arrays
 * of the same length N.
 */
export function perKindAccuracy(pred: ArrayLike<number>, labels: ArrayLike<number>, kinds: ArrayLike<string>): Record<string, { n: number; accuracy: number }> {
  const count = new Map<string, [number, number]>();
  for (let i = 0; i < kinds.length; i++) {
    const c = count.get(kinds[i]) ?? [0, 0];
    c[1]++;
    if (pred[i] === labels[i]) c[0]++;
    count.set(kinds[i], c);
  }
  const out: Record<string, { n: number; accuracy: number }> = {};
  for (const k of [...count.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [ok, n] = count.get(k)!;
    out[k] = { n, accuracy: ok / n };
  }
  return out;
}

/** Balanced accuracy: the mean over the classes present of the per-class recall (NaN for none). */
export function balancedAccuracy(pred: ArrayLike<number>, labels: ArrayLike<number>, rows?: number[]): number {
  const idx = rows ?? Array.from({ length: labels.length }, (_, i) => i);
  const per = new Map<number, [number, number]>();
  for (const i of idx) {
    const b = per.get(labels[i]) ?? [0, 0];
    b[1]++;
    if (pred[i] === labels[i]) b[0]++;
    per.set(labels[i], b);
  }
  if (!per.size) return NaN;
  let s = 0;
  for (const [ok, n] of per.values()) s += ok / n;
  return s / per.size;
}

/** Share of the predictions going to each class 0..classes−1. */
export function classShares(pred: ArrayLike<number>, classes: number): number[] {
  const c = new Array<number>(classes).fill(0);
  for (let i = 0; i < pred.length; i++) c[pred[i]]++;
  return c.map((x) => (pred.length ? x / pred.length : NaN));
}

/** Threshold of the one-class note. */
export const ONE_CLASS_SHARE = 0.95;

/** The note for a model whose predictions are (nearly) all one class, or null. */
export function oneClassNote(shares: number[], classNames: (string | number)[]): string | null {
  const k = shares.findIndex((s) => s >= ONE_CLASS_SHARE);
  if (k < 0) return null;
  return `The model predicts "${classNames[k] ?? k}" for ${(100 * shares[k]).toFixed(1)} % of the test states: accuracies on one-class subsets (such as the adversarial partners) say little; read the balanced accuracy.`;
}

export interface PairFigures {
  /** Accuracy on the partners of this kind alone. */
  partners: number;
  /** Accuracy on the entangled states alone. */
  entangled: number;
  /** Balanced accuracy on entangled ∪ partners: ½(entangled + partners). */
  balanced: number;
  n: number;
}

export interface EntanglementFigures {
  accuracy: number;
  balancedAccuracy: number;
  /** Share of predictions per class [separable, entangled]. */
  classShares: number[];
  dephased: PairFigures;
  marginal: PairFigures;
  /** Partners of both kinds together, paired with the entangled states. */
  adversarial: PairFigures;
  oneClassNote: string | null;
  n: number;
}

/** All figures of an entanglement split (kinds as in EntanglementDataset / augment.ts). */
export function entanglementFigures(pred: ArrayLike<number>, labels: ArrayLike<number>, kinds: readonly string[]): EntanglementFigures {
  const rows = (f: (k: string) => boolean) => kinds.map((k, i) => (f(k) ? i : -1)).filter((i) => i >= 0);
  const ent = rows((k) => k === 'entangled');
  const pair = (f: (k: string) => boolean): PairFigures => {
    const pr = rows(f);
    const e = accuracyOf(pred, labels, ent),
      p = accuracyOf(pred, labels, pr);
    return { partners: p, entangled: e, balanced: 0.5 * (e + p), n: pr.length };
  };
  const shares = classShares(pred, 2);
  return {
    accuracy: accuracyOf(pred, labels),
    balancedAccuracy: balancedAccuracy(pred, labels),
    classShares: shares,
    dephased: pair((k) => k === 'dephased-partner'),
    marginal: pair((k) => k === 'marginal-partner'),
    adversarial: pair((k) => k === 'dephased-partner' || k === 'marginal-partner'),
    oneClassNote: oneClassNote(shares, ['separable', 'entangled']),
    n: labels.length,
  };
}
