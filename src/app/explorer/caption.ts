/**
 * The explorer's live caption: one or two plain sentences, made from the current state, that
 * say what the input is, what it truly is, what each path predicts, whether each is right, and
 * why the paths agree or differ (docs/math.md §3 for the exact correspondence, §7 for the truth
 * of each task, §8 for the PPT criterion).
 *
 * Pure: it reads plain values and returns text and marks. It does NOT compute physics (the
 * truth comes from the worker's layer-0 measures or the dataset's label) and does NOT render.
 */
import type { BellKind, InputSpec } from '../../protocol/explorer';

/** Whether a path's prediction matches the true class; `unknown` when the truth is not known. */
export type Verdict = 'right' | 'wrong' | 'unknown';

/** The truth about an input: its class index (null when unknown) and how it is known. */
export interface Truth {
  /** Index into the model's classes, or null (a drawn digit: no label). */
  cls: number | null;
  /** How the truth is known, in plain words (e.g. "PPT criterion: NPT, exact for two qubits"). */
  how: string;
}

/** What the caption reads: the input, the task's class names, both predictions and the truth. */
export interface CaptionState {
  input: InputSpec;
  classes: readonly (string | number)[];
  quantum: { predicted: number; probability: number };
  classical: { predicted: number; probability: number };
  truth: Truth;
  /** max over i ≠ j of |ρ⁽⁰⁾_ij| ≤ 1e-12: the input is diagonal. */
  inputIsDiagonal: boolean;
}

export interface Caption {
  /** What the input is and what it truly is. */
  input: string;
  /** What each path says, with right / wrong. */
  verdicts: string;
  /** Why the two paths agree or differ. */
  why: string;
  quantum: Verdict;
  classical: Verdict;
}

const fmtP = (p: number) => (p >= 0.9995 ? '> 0.999' : p.toFixed(3));
const className = (classes: readonly (string | number)[], i: number) => {
  const c = classes[i];
  return c === undefined ? `class ${i}` : typeof c === 'number' ? `“${c}”` : c;
};

/** The short name of each Bell state, as the input buttons, the current-input line and the caption show it (|Φ+⟩ …). */
export const BELL_LABEL: Record<BellKind, string> = { 'phi+': 'Φ+', 'phi-': 'Φ−', 'psi+': 'Ψ+', 'psi-': 'Ψ−' };

/** A short plain-words name of an input (e.g. "the Bell state |Φ+⟩", "MNIST digit #12"). */
export function describeInput(input: InputSpec): string {
  switch (input.kind) {
    case 'bell':
      return `the Bell state |${BELL_LABEL[input.which]}⟩`;
    case 'werner':
      return `the Werner state with p = ${round(input.p)} (entangled exactly when p > 1/3)`;
    case 'random-pure':
      return `a random pure state (seed ${input.seed})`;
    case 'random-mixed':
      return `a random mixed state (seed ${input.seed})`;
    case 'product':
      return `a random product state (seed ${input.seed})`;
    case 'matrix':
      return 'the matrix you entered';
    case 'dephased':
      return `the dephased partner of ${describeInput(input.of)} (its diagonal only)`;
    case 'marginal':
      return `the product of the marginals of ${describeInput(input.of)}`;
    case 'drawn':
      return 'your drawing';
    case 'mnist':
      return `MNIST digit #${input.index}`;
    case 'dataset':
      return `state ${input.index} of your dataset`;
  }
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** Right / wrong / unknown of one predicted class index against the truth. */
export function verdictOf(predicted: number, truth: Truth): Verdict {
  if (truth.cls === null) return 'unknown';
  return predicted === truth.cls ? 'right' : 'wrong';
}

/**
 * The truth of a two-qubit input by the PPT (Peres–Horodecki) criterion, exact for 2×2
 * systems (docs/math.md §8): `ppt` true → separable, false → entangled. Classes are the
 * entanglement task's ["separable", "entangled"]; any other order is looked up by name.
 */
export function pptTruth(ppt: boolean, classes: readonly (string | number)[]): Truth {
  const name = ppt ? 'separable' : 'entangled';
  const idx = classes.indexOf(name);
  return {
    cls: idx >= 0 ? idx : ppt ? 0 : 1,
    how: ppt
      ? 'PPT criterion: the partial transpose has no negative eigenvalue (PPT), exact for two qubits'
      : 'PPT criterion: the partial transpose has a negative eigenvalue (NPT), exact for two qubits',
  };
}

/** The truth of a digit: an MNIST digit's label, or unknown for a drawing. */
export function digitTruth(label: number | undefined, classes: readonly (string | number)[]): Truth {
  if (label === undefined) return { cls: null, how: 'a drawing has no label, so right or wrong is unknown' };
  const idx = classes.findIndex((c) => String(c) === String(label));
  return { cls: idx >= 0 ? idx : label, how: `MNIST label ${label}` };
}

const MARK: Record<Verdict, string> = { right: 'right', wrong: 'wrong', unknown: 'cannot be checked' };

/**
 * The caption of the current state. Sentences:
 * 1. "Input: <what it is> — truly <class> (<how the truth is known>)."
 * 2. "Quantum path: <class> (P …), right. Classical path: <class> (P …), wrong."
 * 3. Why: a diagonal input makes both paths one network (the exact correspondence, §3); a
 *    disagreement on a non-diagonal input comes from the off-diagonal entries, which only the
 *    quantum path reads; an agreement says the diagonal was enough (or both are wrong).
 */
export function caption(s: CaptionState): Caption {
  const q = verdictOf(s.quantum.predicted, s.truth);
  const c = verdictOf(s.classical.predicted, s.truth);
  const truthText = s.truth.cls === null ? `its true class is unknown (${s.truth.how})` : `truly ${className(s.classes, s.truth.cls)} (${s.truth.how})`;
  const input = `Input: ${describeInput(s.input)} — ${truthText}.`;
  const verdicts =
    `Quantum path: ${className(s.classes, s.quantum.predicted)} (P ${fmtP(s.quantum.probability)}), ${MARK[q]}. ` +
    `Classical path: ${className(s.classes, s.classical.predicted)} (P ${fmtP(s.classical.probability)}), ${MARK[c]}.`;
  return { input, verdicts, why: whyText(s), quantum: q, classical: c };
}

function whyText(s: CaptionState): string {
  const same = s.quantum.predicted === s.classical.predicted;
  if (s.inputIsDiagonal) {
    return 'The input is diagonal, so both paths compute the same numbers layer by layer (the exact correspondence of a QRB with its classical residual network): they cannot disagree.';
  }
  if (!same) {
    const partner =
      s.input.kind === 'dephased' ? '' : ' It is the same for this state and its dephased partner, so the classical path gives both the same answer.';
    return `The classical path sees only the diagonal of ρ.${partner} The quantum path also reads the off-diagonal entries (coherences), and here they change its answer.`;
  }
  if (s.truth.cls !== null && s.quantum.predicted !== s.truth.cls) {
    return 'Both paths agree and both are wrong: the model has not learned this state.';
  }
  return 'Both paths agree: for this state the diagonal alone decides the answer, whatever the off-diagonal entries say.';
}

/**
 * Relative tolerance of "the input is diagonal" on the engine's ρ⁽⁰⁾, which is float32 (about
 * 6e-8 relative rounding): an off-diagonal entry counts as zero when |ρ_ij| ≤ 1e-7 · max_i ρ_ii.
 * The float64 core's 1e-12 (docs/math.md §3) cannot be asked of float32 numbers.
 */
export const DIAGONAL_RELATIVE_TOLERANCE = 1e-7;

/**
 * Whether a d×d row-major matrix (real and imaginary parts, length d²) is diagonal up to
 * DIAGONAL_RELATIVE_TOLERANCE: max over i ≠ j of |ρ_ij| ≤ tol · max_i |ρ_ii|. An all-zero
 * matrix is diagonal. Throws when the arrays are not d² long.
 */
export function isDiagonal(re: ArrayLike<number>, im: ArrayLike<number>, d: number, tol = DIAGONAL_RELATIVE_TOLERANCE): boolean {
  if (re.length !== d * d || im.length !== d * d) throw new Error(`isDiagonal: expected ${d * d} entries, got ${re.length} and ${im.length}`);
  let diag = 0;
  for (let i = 0; i < d; i++) diag = Math.max(diag, Math.abs(re[i * d + i]));
  const bound = tol * diag;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j && Math.hypot(re[i * d + j], im[i * d + j]) > bound) return false;
  return true;
}

/** What captionOf reads of the worker's answer (a subset of ExploreResponse). */
export interface CaptionResult {
  d: number;
  classes: (string | number)[];
  layers: { rho: { re: ArrayLike<number>; im: ArrayLike<number> }; measures: { ppt?: boolean } }[];
  output: { probabilities: ArrayLike<number>; predicted: number };
  classicalOutput: { probabilities: ArrayLike<number>; predicted: number };
  digitLabel?: number;
  datasetLabel?: { cls: number };
  noDigit?: boolean;
}

/** The truth of a state of an imported dataset: its label in the file (docs/math.md §11), unknown when absent. */
export function datasetTruth(cls: number | undefined, classes: readonly (string | number)[]): Truth {
  return cls !== undefined && cls >= 0 && cls < classes.length ? { cls, how: 'the label in your dataset' } : { cls: null, how: 'the dataset gives no label' };
}

/**
 * The caption's inputs from the current input and the worker's answer: the truth of a
 * two-qubit input is layer 0's PPT verdict (exact for two qubits, docs/math.md §8), of an
 * MNIST digit its label, of a drawing unknown; `inputIsDiagonal` is isDiagonal(ρ⁽⁰⁾). Null
 * when there is nothing to say (no result, or a blank drawing with no prediction).
 */
export function captionStateOf(input: InputSpec, result: CaptionResult | undefined): CaptionState | null {
  if (!result || result.noDigit || result.layers.length === 0) return null;
  const l0 = result.layers[0];
  const twoQubit = result.d === 4;
  // A dataset's state: its label is the truth (the classes are the dataset's, not separable / entangled).
  const truth: Truth =
    input.kind === 'dataset'
      ? datasetTruth(result.datasetLabel?.cls, result.classes)
      : twoQubit
        ? l0.measures.ppt === undefined
          ? { cls: null, how: 'the PPT criterion was not computed' }
          : pptTruth(l0.measures.ppt, result.classes)
        : input.kind === 'mnist'
          ? digitTruth(result.digitLabel, result.classes)
          : digitTruth(undefined, result.classes);
  const path = (o: CaptionResult['output']) => ({ predicted: o.predicted, probability: o.probabilities[o.predicted] ?? 0 });
  return {
    input,
    classes: result.classes,
    quantum: path(result.output),
    classical: path(result.classicalOutput),
    truth,
    inputIsDiagonal: isDiagonal(l0.rho.re, l0.rho.im, result.d),
  };
}
