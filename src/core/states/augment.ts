/**
 * Label-preserving augmentation and wider / shifted generator families for the two-qubit
 * entanglement task (docs/math.md §7; docs/experiments/best-entanglement.md).
 *
 * Augmentation: entanglement and the PPT label are invariant under local unitaries
 * ρ ↦ (U_A⊗U_B) ρ (U_A⊗U_B)† and under the qubit swap ρ ↦ S ρ S (S|ab> = |ba>): the partial
 * transpose of the transformed state is unitarily equivalent to (a transpose of) the original
 * one's (Peres 1996), so its spectrum, hence the label, is unchanged. Tests recompute PPT.
 *
 * Families: besides the §7 recipe (entanglement.ts), generators whose random choices differ,
 * used for training ("wide") and for shifted held-out evaluations:
 *   - Schmidt states with θ uniform over the whole entangled range (0, π/4] (any concurrence);
 *   - Werner-type states p|ψ><ψ| + (1−p)I/4 with p on either side of the threshold;
 *   - mixtures of several entangled pure states (Dirichlet weights), PPT-labelled;
 *   - noisy states near the PPT boundary: ρ(t) = t ρ_e + (1−t) σ_sep mixed to a
 *     given |λ_min(ρ^{T_B})|, both labels;
 *   - explicit twin pairs: an entangled ρ_e with its dephased partner (in a random local
 *     basis or the computational one) and its marginal-product partner.
 * Every state is labelled by `labelByPpt` (entangled iff λ_min(ρ^{T_B}) < −1e-12).
 */
import { adjoint, type CMat, combine, identity, kron, mul, scale, zeros } from '../math/complex';
import { labelByPpt } from './entanglement';
import { minPartialTransposeEigenvalue } from '../measures/measures';
import type { Rng } from '../math/rng';
import {
  dephasedPartner,
  haarUnitary,
  marginalProductPartner,
  nptRandomMixed,
  productState,
  randomMixedState,
  randomPureState,
  randomSeparableMixture,
  schmidtEntangled,
  wernerType,
} from './states';

/** The qubit swap S on two qubits (4×4 permutation |ab> → |ba>, big-endian index 2a + b). */
export const SWAP: CMat = (() => {
  const s = zeros(4, 4);
  s.re[0 * 4 + 0] = 1;
  s.re[1 * 4 + 2] = 1;
  s.re[2 * 4 + 1] = 1;
  s.re[3 * 4 + 3] = 1;
  return s;
})();

/** U ρ U† made exactly Hermitian ((X + X†)/2 removes round-off). Shapes: U, ρ d×d. */
export function conjugate(u: CMat, rho: CMat): CMat {
  const x = mul(mul(u, rho), adjoint(u));
  return scale(combine(1, x, 1, adjoint(x)), 0.5);
}

/** A Haar-random local unitary U_A ⊗ U_B (4×4), each factor Haar on U(2) (Mezzadri 2007). */
export function randomLocalUnitary(rng: Rng): CMat {
  return kron(haarUnitary(2, rng), haarUnitary(2, rng));
}

export interface AugmentOptions {
  /** Apply a Haar-random local unitary (default true). */
  local?: boolean;
  /** Swap the qubits with probability ½ (default true). */
  swap?: boolean;
}

/**
 * One random label-preserving transform of a two-qubit state: (U_A⊗U_B) S^s ρ S^s (U_A⊗U_B)†,
 * s ∈ {0, 1} with probability ½ (if `swap`), U_A, U_B Haar (if `local`). Throws on a non-4×4 ρ.
 */
export function augmentState(rho: CMat, rng: Rng, opts: AugmentOptions = {}): CMat {
  if (rho.rows !== 4 || rho.cols !== 4) throw new Error(`augmentState: expected a 4×4 matrix, got ${rho.rows}×${rho.cols}`);
  let out = rho;
  if ((opts.swap ?? true) && rng.uniform() < 0.5) out = conjugate(SWAP, out);
  if (opts.local ?? true) out = conjugate(randomLocalUnitary(rng), out);
  return out;
}

/** X^a ⊗ X^b for bits a, b (a permutation of the computational basis: |xy> → |x⊕a, y⊕b>). */
export function bitFlips(a: number, b: number): CMat {
  const u = zeros(4, 4);
  for (let x = 0; x < 2; x++) for (let y = 0; y < 2; y++) u.re[(2 * (x ^ a) + (y ^ b)) * 4 + 2 * x + y] = 1;
  return u;
}

/**
 * A random label-preserving transform that keeps a diagonal state diagonal: local bit flips
 * X^a ⊗ X^b (a, b uniform bits) and the swap with probability ½ — permutations of the
 * computational basis that are local unitaries. For dephased partners: the rotated partner is
 * still a partner of a rotated entangled state and still diagonal, e.g. Δ(Φ±) = diag(½,0,0,½)
 * ↦ Δ(Ψ±) = diag(0,½,½,0).
 */
export function augmentDiagonal(rho: CMat, rng: Rng): CMat {
  let out = rho;
  if (rng.uniform() < 0.5) out = conjugate(SWAP, out);
  return conjugate(bitFlips(rng.int(2), rng.int(2)), out);
}

/**
 * An entangled state aligned with the computational basis: X^a ⊗ X^b (cos θ|00> + e^{iφ} sin θ|11>)
 * mixed with I/4 (weight p ∈ [0.5, 1]); its dephased partner is a sparse diagonal such as
 * diag(0, ½, ½, 0). θ uniform in (0.1, 0.9)·π/2, φ uniform, p uniform in [pMin, 1] (pMin = 1: pure,
 * and its dephased partner has two zero entries — a state on the PPT boundary, since any
 * coherence between its two occupied levels makes it entangled). May be PPT for small θ·p:
 * callers label by PPT.
 */
export function alignedEntangled(rng: Rng, pMin = 0.5): CMat {
  const th = (Math.PI / 2) * (0.1 + 0.8 * rng.uniform()),
    ph = 2 * Math.PI * rng.uniform();
  const k = zeros(4, 4);
  const c = Math.cos(th),
    sn = Math.sin(th);
  k.re[0] = c * c;
  k.re[15] = sn * sn;
  k.re[3] = c * sn * Math.cos(ph);
  k.im[3] = -c * sn * Math.sin(ph);
  k.re[12] = c * sn * Math.cos(ph);
  k.im[12] = c * sn * Math.sin(ph);
  return mixWithIdentity(conjugate(bitFlips(rng.int(2), rng.int(2)), k), pMin + (1 - pMin) * rng.uniform());
}

/** Pure Schmidt state (U_A⊗U_B)(cos θ|00> + sin θ|11>) as ρ, θ given; U_A, U_B Haar. */
export function schmidtState(theta: number, rng: Rng): CMat {
  const k = zeros(4, 4);
  k.re[0] = Math.cos(theta) ** 2;
  k.re[3] = k.re[12] = Math.cos(theta) * Math.sin(theta);
  k.re[15] = Math.sin(theta) ** 2;
  return conjugate(randomLocalUnitary(rng), k);
}

/** p|ψ><ψ| + (1 − p) I/4 for a state ρ_ψ (any ρ, in fact). */
export function mixWithIdentity(rho: CMat, p: number): CMat {
  return combine(p, rho, (1 - p) / 4, identity(4));
}

/** Σ_k w_k |ψ_k><ψ_k|, k = 1..terms Haar pure states, w ~ Dirichlet(1,…,1). Any label. */
export function pureMixture(rng: Rng, terms: number): CMat {
  const w = Array.from({ length: terms }, () => -Math.log(1 - rng.uniform()));
  const tot = w.reduce((s, x) => s + x, 0);
  let out = zeros(4, 4);
  for (let k = 0; k < terms; k++) out = combine(1, out, w[k] / tot, randomPureState(2, rng));
  return out;
}

/**
 * A state near the PPT boundary: t ρ_e + (1 − t) σ with ρ_e entangled (Schmidt or NPT mixed),
 * σ separable (product or separable mixture), t chosen by bisection so that
 * λ_min(ρ^{T_B}) = target (|target| small, either sign; target < 0: entangled).
 */
export function nearBoundary(rng: Rng, target: number): CMat {
  const e = rng.uniform() < 0.5 ? schmidtEntangled(rng) : nptRandomMixed(rng);
  const s = rng.uniform() < 0.5 ? productState(rng) : randomSeparableMixture(rng);
  const at = (t: number) => combine(t, e, 1 - t, s);
  // λ_min at t = 0 is ≥ 0 (separable), at t = 1 < 0; it is concave in t, so bisection on the sign change works.
  let lo = 0,
    hi = 1;
  for (let it = 0; it < 40; it++) {
    const mid = 0.5 * (lo + hi);
    if (minPartialTransposeEigenvalue(at(mid)) > target) lo = mid;
    else hi = mid;
  }
  return at(0.5 * (lo + hi));
}

/** Kinds of the families (partners are recorded as such for the adversarial figures). */
export type FamilyKind = 'entangled' | 'separable' | 'dephased-partner' | 'marginal-partner';

export interface LabelledStates {
  states: CMat[];
  labels: number[];
  kinds: FamilyKind[];
}

function push(out: LabelledStates, rho: CMat, kind: FamilyKind): void {
  out.states.push(rho);
  out.labels.push(labelByPpt(rho));
  out.kinds.push(kind);
}

/** An entangled state from the wide families (used for training and as partners' sources); alignedShare of them alignedEntangled. */
export function wideEntangled(rng: Rng, alignedShare = 0.1): CMat {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const r = rng.uniform();
    let rho: CMat;
    if (r < 0.25) rho = schmidtState((Math.PI / 4) * (0.02 + 0.98 * rng.uniform()), rng);
    else if (r < 0.5) rho = wernerType(rng);
    else if (r < 0.7) rho = nptRandomMixed(rng);
    else if (r < 0.9 - alignedShare) rho = mixWithIdentity(schmidtState((Math.PI / 4) * (0.5 + 0.5 * rng.uniform()), rng), 0.34 + 0.66 * rng.uniform());
    else if (r < 0.9) rho = alignedEntangled(rng);
    else rho = pureMixture(rng, 2 + rng.int(2));
    if (labelByPpt(rho) === 1) return rho;
  }
  throw new Error('wideEntangled: no entangled draw in 1000 attempts');
}

/** A separable state that is not a partner: product, separable mixture, PPT Werner-type / noisy / mixed. */
export function wideSeparable(rng: Rng): CMat {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const r = rng.uniform();
    let rho: CMat;
    if (r < 0.3) rho = productState(rng);
    else if (r < 0.6) rho = randomSeparableMixture(rng);
    else if (r < 0.75) rho = mixWithIdentity(schmidtState((Math.PI / 4) * rng.uniform(), rng), 0.34 * rng.uniform());
    else if (r < 0.9) rho = randomMixedState(2, rng, 4);
    else rho = nearBoundary(rng, 0.002 + 0.02 * rng.uniform());
    if (labelByPpt(rho) === 0) return rho;
  }
  throw new Error('wideSeparable: no separable draw in 1000 attempts');
}

export interface WideOptions {
  /** Share of the separable half that are partners (default ½), half dephased, half marginal. */
  adversarialShare?: number;
  /** Share of entangled draws taken near the PPT boundary (default 0.1). */
  boundaryShare?: number;
  /** Dephase partners in a Haar-random local basis instead of the computational one (default false). */
  rotatedDephasing?: boolean;
  /** Share of the entangled wide draws that are alignedEntangled (default 0.1). */
  alignedShare?: number;
  /** Share of the dephased partners made from pure aligned states (sparse diagonals on the PPT boundary; default 0). */
  alignedPartnerShare?: number;
}

/**
 * A balanced training set of n states from the wide families: floor(n/2) entangled (wide
 * families, boundaryShare of them just past the PPT boundary), the rest separable with
 * adversarialShare of them partners of fresh entangled states.
 */
export function wideDataset(rng: Rng, n: number, opts: WideOptions = {}): LabelledStates {
  const out: LabelledStates = { states: [], labels: [], kinds: [] };
  const nEnt = Math.floor(n / 2),
    nSep = n - nEnt;
  const nAdv = Math.round((opts.adversarialShare ?? 0.5) * nSep);
  const boundary = opts.boundaryShare ?? 0.1;
  for (let k = 0; k < nEnt; k++) {
    const rho = rng.uniform() < boundary ? nearBoundary(rng, -(0.002 + 0.02 * rng.uniform())) : wideEntangled(rng, opts.alignedShare);
    push(out, rho, 'entangled');
  }
  for (let k = 0; k < nAdv; k++) {
    let e = wideEntangled(rng, opts.alignedShare);
    if (k % 2 === 0) {
      if (rng.uniform() < (opts.alignedPartnerShare ?? 0)) e = alignedEntangled(rng, 1);
      const basis = opts.rotatedDephasing ? ([haarUnitary(2, rng), haarUnitary(2, rng)] as const) : undefined;
      push(out, dephasedPartner(e, basis), 'dephased-partner');
    } else push(out, marginalProductPartner(e), 'marginal-partner');
  }
  for (let k = nAdv; k < nSep; k++) push(out, wideSeparable(rng), 'separable');
  return out;
}

/**
 * Twin pairs for the "pair" figures: n entangled states from `make`, each followed by its
 * dephased (computational basis) and marginal-product partners, kinds recorded.
 */
export function twinPairs(rng: Rng, n: number, make: (rng: Rng) => CMat): LabelledStates {
  const out: LabelledStates = { states: [], labels: [], kinds: [] };
  for (let k = 0; k < n; k++) {
    let e = make(rng);
    for (let a = 0; a < 100 && labelByPpt(e) !== 1; a++) e = make(rng);
    push(out, e, 'entangled');
    push(out, dephasedPartner(e), 'dephased-partner');
    push(out, marginalProductPartner(e), 'marginal-partner');
  }
  return out;
}
