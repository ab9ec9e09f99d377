/**
 * The seeded two-qubit entanglement dataset of docs/math.md §7: balanced entangled / separable
 * states, with part of the separable half made of *adversarial partners* of entangled states
 * (dephased and marginal-product), labelled by the PPT criterion.
 */
import type { CMat } from '../math/complex';
import { isPpt } from '../measures/measures';
import { makeRng, type Rng, seededPermutation } from '../math/rng';
import { dephasedPartner, marginalProductPartner, nptRandomMixed, productState, randomSeparableMixture, schmidtEntangled, wernerType } from './states';

/** The dataset's state kinds; all entangled generators share the kind 'entangled'. */
export type EntanglementKind = 'entangled' | 'product' | 'mixture' | 'dephased-partner' | 'marginal-partner';

/** Which entangled generator produced a state (or, for a partner, its entangled source). */
export type EntangledGenerator = 'schmidt' | 'werner-type' | 'npt-mixed';

export interface EntanglementDatasetOptions {
  seed: number;
  /** Number of states; floor(n/2) are entangled, the rest separable. */
  n: number;
  /** Fraction of the separable states that are adversarial partners (default ½, docs/math.md §7). */
  adversarialShare?: number;
  /** Fraction of the adversarial partners that are dephased (the rest marginal-product; default ½). */
  dephasedShare?: number;
}

export interface EntanglementDataset {
  states: CMat[];
  /** 1 = entangled, 0 = separable (PPT criterion). */
  labels: number[];
  kinds: EntanglementKind[];
  /**
   * The entangled generator behind each state: for 'entangled' states the generator itself,
   * for partners the generator of the entangled state they were made from; null for
   * product states and mixtures.
   */
  generators: (EntangledGenerator | null)[];
}

/** PPT label (docs/math.md §7): 1 (entangled) iff ρ^{T_B} has an eigenvalue < −1e-12, else 0. */
export function labelByPpt(rho: CMat): number {
  return isPpt(rho) ? 0 : 1;
}

const ENTANGLED_GENERATORS: readonly EntangledGenerator[] = ['schmidt', 'werner-type', 'npt-mixed'];

function entangledState(gen: EntangledGenerator, rng: Rng): CMat {
  switch (gen) {
    case 'schmidt':
      return schmidtEntangled(rng);
    case 'werner-type':
      return wernerType(rng);
    case 'npt-mixed':
      return nptRandomMixed(rng);
  }
}

/** Largest-remainder split of `total` into parts proportional to `weights` (sums exactly to total). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) parts[order[k % order.length][1]]++;
  return parts;
}

/**
 * Seeded, balanced entanglement dataset.
 *
 * - floor(n/2) entangled states, split as evenly as possible (in turn) among the Schmidt,
 *   Werner-type and NPT-mixed generators, all of kind 'entangled';
 * - n − floor(n/2) separable states: round(adversarialShare · n_sep) adversarial partners of
 *   freshly generated entangled states (dephasedShare of them dephased Δ(ρ_e), computational
 *   basis, the rest marginal-product ρ_A ⊗ ρ_B), the remaining ones split evenly between
 *   product states and separable mixtures.
 *
 * Every state is labelled by the PPT criterion and its kind must agree with its label
 * (entangled ⇔ label 1); a disagreeing draw is resampled (it cannot happen for partners,
 * products or mixtures, which are separable by construction — the check guards the code).
 * The list is shuffled with the same seeded generator: same options, same dataset.
 */
export function entanglementDataset(opts: EntanglementDatasetOptions): EntanglementDataset {
  const { seed, n } = opts;
  const adversarialShare = opts.adversarialShare ?? 0.5;
  const dephasedShare = opts.dephasedShare ?? 0.5;
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, got ${n}`);
  for (const [name, v] of [
    ['adversarialShare', adversarialShare],
    ['dephasedShare', dephasedShare],
  ] as const)
    if (!(v >= 0 && v <= 1)) throw new Error(`${name} must be in [0, 1], got ${v}`);

  const rng = makeRng(seed);
  const nEnt = Math.floor(n / 2);
  const nSep = n - nEnt;
  const nAdv = Math.round(adversarialShare * nSep);
  const nDeph = Math.round(dephasedShare * nAdv);
  const nMarg = nAdv - nDeph;
  const [nProd, nMix] = split(nSep - nAdv, [1, 1]);

  const states: CMat[] = [];
  const labels: number[] = [];
  const kinds: EntanglementKind[] = [];
  const generators: (EntangledGenerator | null)[] = [];

  const push = (kind: EntanglementKind, gen: EntangledGenerator | null, make: () => CMat): void => {
    const want = kind === 'entangled' ? 1 : 0;
    for (let attempt = 0; attempt < 100; attempt++) {
      const rho = make();
      if (labelByPpt(rho) === want) {
        states.push(rho);
        labels.push(want);
        kinds.push(kind);
        generators.push(gen);
        return;
      }
    }
    throw new Error(`entanglementDataset: 100 draws of kind ${kind} disagreed with their PPT label`);
  };

  for (let k = 0; k < nEnt; k++) {
    const gen = ENTANGLED_GENERATORS[k % 3];
    push('entangled', gen, () => entangledState(gen, rng));
  }
  for (let k = 0; k < nDeph; k++) {
    const gen = ENTANGLED_GENERATORS[k % 3];
    push('dephased-partner', gen, () => dephasedPartner(entangledState(gen, rng)));
  }
  for (let k = 0; k < nMarg; k++) {
    const gen = ENTANGLED_GENERATORS[k % 3];
    push('marginal-partner', gen, () => marginalProductPartner(entangledState(gen, rng)));
  }
  for (let k = 0; k < nProd; k++) push('product', null, () => productState(rng));
  for (let k = 0; k < nMix; k++) push('mixture', null, () => randomSeparableMixture(rng));

  const perm = seededPermutation(n, rng);
  return {
    states: perm.map((i) => states[i]),
    labels: perm.map((i) => labels[i]),
    kinds: perm.map((i) => kinds[i]),
    generators: perm.map((i) => generators[i]),
  };
}
