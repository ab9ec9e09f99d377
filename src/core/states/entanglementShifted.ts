/**
 * Held-out evaluation sets for the entanglement task that are NOT drawn by the training
 * generator: a fresh split of the §7 recipe with other random choices
 * within it, and shifted distributions. All PPT-labelled (labelByPpt), seeded, balanced where
 * stated. Used only for evaluation; hyper-parameters are never chosen on them.
 *
 *   recipe-variant   the §7 recipe re-implemented with other choices: Schmidt θ uniform in
 *                    [0.02, 0.98]·π/4 (the §7 generator: [π/20, 9π/20]), Werner-type over
 *                    Bell-like ψ (a Bell state under Haar local unitaries) as well as Haar ψ,
 *                    NPT mixed states of rank 4 only, pure products only, separable mixtures of
 *                    2–6 terms; ½ of the separable half partners (½ dephased, ½ marginal).
 *   werner-sweep     p|B><B| + (1−p) I/4 for the four Bell states B, each with a Haar local
 *                    unitary applied with probability ½, p uniform in [0, 1]; with the dephased
 *                    and marginal partners of every entangled one.
 *   low-concurrence  Schmidt states with θ in (0, π/20] (concurrence ≤ 0.31, outside the §7
 *                    generator's range), separable states near the PPT boundary, and partners.
 *   entangled-mixtures  mixtures of 2–4 Haar pure states (either label) and mixtures of an
 *                    entangled state with a separable one, with the entangled ones' partners.
 */
import { type FamilyKind, type LabelledStates, mixWithIdentity, nearBoundary, pureMixture, randomLocalUnitary, schmidtState, conjugate } from './augment';
import { type CMat, combine, kron } from '../math/complex';
import { labelByPpt } from './entanglement';
import { makeRng, type Rng, seededPermutation } from '../math/rng';
import {
  bellState,
  type BellKind,
  dephasedPartner,
  marginalProductPartner,
  productState,
  randomMixedState,
  randomPureState,
  randomSeparableMixture,
} from './states';

export const SHIFTED_SETS = ['recipe-variant', 'werner-sweep', 'low-concurrence', 'entangled-mixtures'] as const;
export type ShiftedSet = (typeof SHIFTED_SETS)[number];

const BELLS: readonly BellKind[] = ['phi+', 'phi-', 'psi+', 'psi-'];

function draw(rng: Rng, make: (rng: Rng) => CMat, want: number): CMat {
  for (let a = 0; a < 1000; a++) {
    const rho = make(rng);
    if (labelByPpt(rho) === want) return rho;
  }
  throw new Error(`shifted set: no draw with label ${want} in 1000 attempts`);
}

function bellLike(rng: Rng): CMat {
  return conjugate(randomLocalUnitary(rng), bellState(BELLS[rng.int(4)]));
}

function variantEntangled(rng: Rng, k: number): CMat {
  switch (k % 3) {
    case 0:
      return schmidtState((Math.PI / 4) * (0.02 + 0.96 * rng.uniform()), rng);
    case 1: {
      const psi = rng.uniform() < 0.5 ? bellLike(rng) : randomPureState(2, rng);
      return draw(rng, (r) => mixWithIdentity(psi, r.uniform()), 1);
    }
    default:
      return draw(rng, (r) => randomMixedState(2, r, 4), 1);
  }
}

/** Balanced and shuffled: nEnt entangled from `ent`, partners of `ent` draws, the rest from `sep`. */
function assemble(rng: Rng, n: number, ent: (rng: Rng, k: number) => CMat, sep: (rng: Rng, k: number) => CMat, adversarialShare = 0.5): LabelledStates {
  const states: CMat[] = [],
    labels: number[] = [],
    kinds: FamilyKind[] = [];
  const add = (rho: CMat, kind: FamilyKind) => {
    states.push(rho);
    labels.push(labelByPpt(rho));
    kinds.push(kind);
  };
  const nEnt = Math.floor(n / 2),
    nSep = n - nEnt,
    nAdv = Math.round(adversarialShare * nSep);
  for (let k = 0; k < nEnt; k++)
    add(
      draw(rng, (r) => ent(r, k), 1),
      'entangled',
    );
  for (let k = 0; k < nAdv; k++) {
    const e = draw(rng, (r) => ent(r, k), 1);
    add(k % 2 === 0 ? dephasedPartner(e) : marginalProductPartner(e), k % 2 === 0 ? 'dephased-partner' : 'marginal-partner');
  }
  for (let k = nAdv; k < nSep; k++)
    add(
      draw(rng, (r) => sep(r, k), 0),
      'separable',
    );
  const perm = seededPermutation(states.length, rng);
  return { states: perm.map((i) => states[i]), labels: perm.map((i) => labels[i]), kinds: perm.map((i) => kinds[i]) };
}

/**
 * One of the held-out sets above with n states (seeded). 'werner-sweep' is not balanced by
 * construction (p uniform in [0, 1]: about ⅔ entangled before partners are added).
 */
export function shiftedSet(name: ShiftedSet, seed: number, n: number): LabelledStates {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, got ${n}`);
  const rng = makeRng(seed);
  switch (name) {
    case 'recipe-variant':
      return assemble(rng, n, variantEntangled, (r, k) => (k % 2 === 0 ? productOfPures(r) : randomSeparableMixture(r, 2 + r.int(5))));
    case 'low-concurrence':
      return assemble(
        rng,
        n,
        (r) => schmidtState((Math.PI / 20) * (0.05 + 0.95 * r.uniform()), r),
        (r) => nearBoundary(r, 0.001 + 0.01 * r.uniform()),
      );
    case 'entangled-mixtures':
      return assemble(
        rng,
        n,
        (r, k) => (k % 2 === 0 ? pureMixture(r, 2 + r.int(3)) : combine(0.5 + 0.5 * r.uniform(), pureMixture(r, 2), 0, productState(r))),
        (r, k) => (k % 2 === 0 ? pureMixture(r, 2 + r.int(3)) : combine(0.5, pureMixture(r, 3), 0.5, productState(r))),
      );
    case 'werner-sweep': {
      const states: CMat[] = [],
        labels: number[] = [],
        kinds: FamilyKind[] = [];
      for (let k = 0; states.length < n; k++) {
        let b = bellState(BELLS[k % 4]);
        if (rng.uniform() < 0.5) b = conjugate(randomLocalUnitary(rng), b);
        const rho = mixWithIdentity(b, rng.uniform());
        const lab = labelByPpt(rho);
        states.push(rho), labels.push(lab), kinds.push(lab ? 'entangled' : 'separable');
        if (lab && states.length + 2 <= n) {
          states.push(dephasedPartner(rho), marginalProductPartner(rho));
          labels.push(0, 0);
          kinds.push('dephased-partner', 'marginal-partner');
        }
      }
      return { states, labels, kinds };
    }
  }
}

function productOfPures(rng: Rng): CMat {
  return kron(randomPureState(1, rng), randomPureState(1, rng));
}
