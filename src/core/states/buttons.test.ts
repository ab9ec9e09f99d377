/**
 * The explorer's input buttons (src/core/states/buttons.ts) and the shipped entanglement model
 * (experiments/models/entanglement-quantum.json, float64 core runForward) on them: 500 seeded
 * presses of each seeded button, the Bell states and the Werner slider, truth by the PPT
 * criterion (exact for two qubits, docs/math.md §7).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runForward } from '../hqrn/forward';
import { parseModelFile } from '../io/files';
import { isPpt, purity, validateDensityMatrix } from '../measures/measures';
import { makeRng } from '../math/rng';
import { buttonFamilySets, buttonPool, buttonPressSeeds, PRESS_SEED_RANGE, seededButtonState, SEEDED_BUTTONS } from './buttons';
import { productState, randomMixedState, randomPureState } from './states';

describe('button states', () => {
  it('are the generators of the recipe, seeded: random-pure Haar pure, random-mixed HS, product ρ_A ⊗ ρ_B', () => {
    for (const seed of buttonPressSeeds(20, 7)) {
      expect(seededButtonState('random-pure', seed)).toEqual(randomPureState(2, makeRng(seed)));
      expect(seededButtonState('random-mixed', seed)).toEqual(randomMixedState(2, makeRng(seed)));
      expect(seededButtonState('product', seed)).toEqual(productState(makeRng(seed)));
      for (const k of SEEDED_BUTTONS) expect(validateDensityMatrix(seededButtonState(k, seed))).toBeNull();
      expect(purity(seededButtonState('random-pure', seed))).toBeCloseTo(1, 12);
      expect(isPpt(seededButtonState('product', seed))).toBe(true);
    }
  });

  it('press seeds are integers in [0, 10⁹), reproducible from the seed', () => {
    const s = buttonPressSeeds(100, 3);
    expect(s).toEqual(buttonPressSeeds(100, 3));
    expect(s.every((x) => Number.isInteger(x) && x >= 0 && x < PRESS_SEED_RANGE)).toBe(true);
    expect(new Set(s).size).toBe(100);
  });

  it('the training pool is labelled by PPT and partners are separable', () => {
    const p = buttonPool(makeRng(5), 300);
    p.states.forEach((r, i) => expect(p.labels[i]).toBe(isPpt(r) ? 0 : 1));
    p.kinds.forEach((k, i) => k.endsWith('partner') && expect(p.labels[i]).toBe(0));
    expect(new Set(p.labels)).toEqual(new Set([0, 1]));
  });
});

/**
 * Floors the shipped model meets (docs/experiments/bundled-model.md). The targets —
 * Product ≥ 0.98, Random pure ≥ 0.95, Random mixed ≥ 0.85 — are NOT reached by the HQRN yet
 * (nor by a full-ρ MLP trained on the same data); these floors stop a regression below what it does.
 */
const TARGET_PRODUCT = 0.94;
const TARGET_PURE = 0.91;
const TARGET_MIXED = 0.77;

describe('the shipped entanglement model on the button families (500 presses each)', () => {
  const model = parseModelFile(JSON.parse(readFileSync('experiments/models/entanglement-quantum.json', 'utf8')));
  const acc = Object.fromEntries(
    buttonFamilySets(500, 1).map((s) => {
      const ok = s.states.filter((r, i) => runForward(model, r, { measures: false }).output!.predicted === s.labels[i]).length;
      return [s.name, ok / s.states.length];
    }),
  );

  it('has the size of the sets it claims', () => {
    expect(Object.keys(acc)).toEqual(expect.arrayContaining(['product', 'random-pure', 'random-mixed', 'bell', 'werner p ≥ 0.4']));
  });

  it('is right on the seeded buttons: Product ≥ TARGET_PRODUCT, Random pure ≥ TARGET_PURE, Random mixed ≥ TARGET_MIXED', () => {
    expect(acc.product).toBeGreaterThanOrEqual(TARGET_PRODUCT);
    expect(acc['random-pure']).toBeGreaterThanOrEqual(TARGET_PURE);
    expect(acc['random-mixed']).toBeGreaterThanOrEqual(TARGET_MIXED);
  });

  it('is right on every Bell state, every Werner p ≥ 0.4 on the slider, and their dephased and marginal partners', () => {
    for (const k of ['bell', 'werner p ≥ 0.4', 'bell/werner dephased', 'bell/werner marginal']) expect([k, acc[k]]).toEqual([k, 1]);
  });
});
