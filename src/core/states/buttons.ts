/**
 * The two-qubit states the explorer's input buttons make (HQRN.md §7), as pure functions of
 * their recipe, so the worker (workers/engine/explore/explore.ts) and the tests and training
 * scripts draw exactly the same states:
 *   - "Random pure": a Haar-random pure state, randomPureState(2, rng(seed));
 *   - "Random mixed": a Hilbert–Schmidt random mixed state, randomMixedState(2, rng(seed));
 *   - "Product": ρ_A ⊗ ρ_B with each factor Haar pure or HS mixed, productState(rng(seed));
 *   - "Werner": werner(p), p on the slider's 0.01 grid; "Bell": the four Bell states;
 *   - "Dephase" / "Marginal" applied to any of these: dephasedPartner / marginalProductPartner.
 * A press draws its seed uniformly from {0, …, 10⁹ − 1} (src/components/InputPanel.tsx);
 * `buttonPressSeeds` draws the same way from a seeded generator, for reproducible "presses".
 */
import type { CMat } from '../math/complex';
import { makeRng, type Rng } from '../math/rng';
import { labelByPpt } from './entanglement';
import { bellState, type BellKind, dephasedPartner, marginalProductPartner, productState, randomMixedState, randomPureState, werner } from './states';

/** The seeded input buttons of the entanglement task. */
export type SeededButton = 'random-pure' | 'random-mixed' | 'product';

export const SEEDED_BUTTONS: readonly SeededButton[] = ['product', 'random-pure', 'random-mixed'];

/** Largest press seed + 1: a press uses seed = ⌊10⁹ u⌋, u uniform in [0, 1). */
export const PRESS_SEED_RANGE = 1_000_000_000;

/**
 * The 4×4 density matrix a seeded button makes for `seed` (Hermitian, trace 1, PSD):
 * random-pure → |ψ><ψ| Haar; random-mixed → G G†/Tr(G G†), G 4×4 Ginibre; product → ρ_A ⊗ ρ_B.
 * Throws on an unknown kind or a non-finite seed.
 */
export function seededButtonState(kind: SeededButton, seed: number): CMat {
  return buttonStateFrom(kind, makeRng(seed));
}

/** The button's state drawn from a given generator (used to draw training pools from one stream). */
export function buttonStateFrom(kind: SeededButton, rng: Rng): CMat {
  switch (kind) {
    case 'random-pure':
      return randomPureState(2, rng);
    case 'random-mixed':
      return randomMixedState(2, rng);
    case 'product':
      return productState(rng);
    default:
      throw new Error(`unknown seeded button ${String(kind)} (expected one of ${SEEDED_BUTTONS.join(', ')})`);
  }
}

/** n press seeds ⌊10⁹ u_k⌋ from the generator seeded with `seed` (what n presses of a button would use). */
export function buttonPressSeeds(n: number, seed: number): number[] {
  const rng = makeRng(seed);
  return Array.from({ length: n }, () => Math.floor(rng.uniform() * PRESS_SEED_RANGE));
}

/** The Werner slider's values p = k/100, k = 0..100 (step 0.01). */
export const WERNER_SLIDER: readonly number[] = Array.from({ length: 101 }, (_, k) => k / 100);

/** One named set of button states with their PPT labels (1 = entangled, HQRN.md §7). */
export interface ButtonSet {
  name: string;
  states: CMat[];
  labels: number[];
}

const labelled = (name: string, states: CMat[]): ButtonSet => ({ name, states, labels: states.map(labelByPpt) });

/**
 * The per-family check sets of the explorer's buttons: for each seeded button, `n` presses
 * (seeds from buttonPressSeeds(n, seed + k), k the button's index) and their dephased and
 * marginal-product partners; the four Bell states; the Werner slider's p ≥ 0.4 (entangled) and
 * p ≤ 0.33 (separable); and the dephased and marginal partners of the Bell and p ≥ 0.4 states.
 * Labels by the PPT criterion (exact for two qubits). Sub-families reported separately:
 * "product (pure ⊗ pure)" (purity 1 products) and "random-mixed separable" / "entangled".
 */
export function buttonFamilySets(n: number, seed: number): ButtonSet[] {
  const out: ButtonSet[] = [];
  SEEDED_BUTTONS.forEach((kind, k) => {
    const states = buttonPressSeeds(n, seed + k).map((s) => seededButtonState(kind, s));
    const set = labelled(kind, states);
    out.push(set);
    if (kind === 'product') out.push(labelled('product (pure ⊗ pure)', states.filter((r) => purity(r) > 1 - 1e-9)));
    if (kind === 'random-mixed')
      for (const [name, want] of [['random-mixed separable', 0], ['random-mixed entangled', 1]] as const)
        out.push(labelled(name, states.filter((_, i) => set.labels[i] === want)));
    out.push(labelled(`${kind} dephased`, states.map((r) => dephasedPartner(r))));
    out.push(labelled(`${kind} marginal`, states.map(marginalProductPartner)));
  });
  const bells = BELLS.map(bellState);
  const strong = WERNER_SLIDER.filter((p) => p >= 0.4).map(werner);
  out.push(labelled('bell', bells), labelled('werner p ≥ 0.4', strong), labelled('werner p ≤ 0.33', WERNER_SLIDER.filter((p) => p <= 0.33).map(werner)));
  out.push(labelled('bell/werner dephased', [...bells, ...strong].map((r) => dephasedPartner(r))));
  out.push(labelled('bell/werner marginal', [...bells, ...strong].map(marginalProductPartner)));
  return out;
}

const BELLS: readonly BellKind[] = ['phi+', 'phi-', 'psi+', 'psi-'];

/** Tr ρ² (real part of Σ_ij |ρ_ij|²). */
function purity(rho: CMat): number {
  let s = 0;
  for (let i = 0; i < rho.re.length; i++) s += rho.re[i] * rho.re[i] + rho.im[i] * rho.im[i];
  return s;
}
