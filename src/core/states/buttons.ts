/**
 * The two-qubit states the explorer's input buttons make (docs/math.md §7), as pure functions of
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
import { type FamilyKind, type LabelledStates, mixWithIdentity } from './augment';
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

/** One named set of button states with their PPT labels (1 = entangled, docs/math.md §7). */
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
    if (kind === 'product')
      out.push(
        labelled(
          'product (pure ⊗ pure)',
          states.filter((r) => purity(r) > 1 - 1e-9),
        ),
      );
    if (kind === 'random-mixed')
      for (const [name, want] of [
        ['random-mixed separable', 0],
        ['random-mixed entangled', 1],
      ] as const)
        out.push(
          labelled(
            name,
            states.filter((_, i) => set.labels[i] === want),
          ),
        );
    out.push(
      labelled(
        `${kind} dephased`,
        states.map((r) => dephasedPartner(r)),
      ),
    );
    out.push(labelled(`${kind} marginal`, states.map(marginalProductPartner)));
  });
  const bells = BELLS.map(bellState);
  const strong = WERNER_SLIDER.filter((p) => p >= 0.4).map(werner);
  out.push(labelled('bell', bells), labelled('werner p ≥ 0.4', strong), labelled('werner p ≤ 0.33', WERNER_SLIDER.filter((p) => p <= 0.33).map(werner)));
  out.push(
    labelled(
      'bell/werner dephased',
      [...bells, ...strong].map((r) => dephasedPartner(r)),
    ),
  );
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

/**
 * A training pool of n states shaped like the explorer's buttons (docs/math.md §7), labelled by PPT:
 * per draw, with probability 0.22 a Product press, 0.18 a Random-pure press, 0.25 a
 * Random-mixed press, 0.10 the dephased partner of one of the three (computational basis, kind
 * 'dephased-partner'), 0.10 the marginal-product partner of one (kind 'marginal-partner'), 0.10
 * a Bell state mixed with I/4 at p uniform in [0, 1], 0.05 its dephased partner. Other states
 * get kind 'entangled' or 'separable' by their label.
 */
export function buttonPool(rng: Rng, n: number): LabelledStates {
  const out: LabelledStates = { states: [], labels: [], kinds: [] };
  const push = (rho: CMat, partner?: FamilyKind) => {
    const label = labelByPpt(rho);
    out.states.push(rho);
    out.labels.push(label);
    out.kinds.push(partner ?? (label === 1 ? 'entangled' : 'separable'));
  };
  const anyButton = () => buttonStateFrom(SEEDED_BUTTONS[rng.int(3)], rng);
  const wernerLine = () => mixWithIdentity(bellState(BELLS[rng.int(4)]), rng.uniform());
  for (let k = 0; k < n; k++) {
    const r = rng.uniform();
    if (r < 0.22) push(buttonStateFrom('product', rng));
    else if (r < 0.4) push(buttonStateFrom('random-pure', rng));
    else if (r < 0.65) push(buttonStateFrom('random-mixed', rng));
    else if (r < 0.75) push(dephasedPartner(anyButton()), 'dephased-partner');
    else if (r < 0.85) push(marginalProductPartner(anyButton()), 'marginal-partner');
    else if (r < 0.95) push(wernerLine());
    else push(dephasedPartner(wernerLine()), 'dephased-partner');
  }
  return out;
}
