/**
 * Two-qubit (and general n-qubit) states for the entanglement task (docs/math.md §7): named states,
 * seeded random generators, partial trace / partial transpose, and the two adversarial
 * separable partners of an entangled state.
 *
 * Conventions (docs/math.md §1): big-endian basis, qubit 0 is the most significant bit. For two
 * qubits, subsystem A = qubit 0 and B = qubit 1, basis index i = 2a + b, and ρ_A ⊗ ρ_B is
 * `kron(ρ_A, ρ_B)`.
 *
 * Every random generator takes an `Rng`, so the same seed reproduces the same states.
 */
import { type CMat, adjoint, combine, identity, kron, mul, outer, scale, trace, zeros } from '../math/complex';
import { hermitianEigenvalues, unitarityError } from '../math/linalg';
import type { Rng } from '../math/rng';

/** The four Bell states' names. */
export type BellKind = 'phi+' | 'phi-' | 'psi+' | 'psi-';

/** A state vector ψ as (re, im) arrays. */
interface Ket {
  re: Float64Array;
  im: Float64Array;
}

function ketNorm(k: Ket): number {
  let s = 0;
  for (let i = 0; i < k.re.length; i++) s += k.re[i] * k.re[i] + k.im[i] * k.im[i];
  return Math.sqrt(s);
}

/** |ψ><ψ| / <ψ|ψ> for a ket given as (re, im) arrays. */
function projector(k: Ket): CMat {
  const n = ketNorm(k);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`state vector must be finite and non-zero (norm ${n})`);
  const re = k.re.map((x) => x / n);
  const im = k.im.map((x) => x / n);
  return outer(re, im, re, im);
}

/** Force exact Hermiticity (ρ + ρ†)/2 and exact unit trace ρ / Re Tr ρ, removing round-off. */
function tidy(rho: CMat): CMat {
  const d = rho.rows;
  const out = zeros(d, d);
  const tr = trace(rho)[0];
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      out.re[i * d + j] = (0.5 * (rho.re[i * d + j] + rho.re[j * d + i])) / tr;
      out.im[i * d + j] = (0.5 * (rho.im[i * d + j] - rho.im[j * d + i])) / tr;
    }
  return out;
}

function assertQubits(rho: CMat, n: number, what: string): void {
  if (rho.rows !== 1 << n || rho.cols !== 1 << n) throw new Error(`${what}: expected a ${1 << n}×${1 << n} matrix, got ${rho.rows}×${rho.cols}`);
}

/**
 * Pure state ρ = |ψ><ψ| / <ψ|ψ> for ψ_i = re_i + i·im_i (im may be shorter/empty = zeros).
 * Normalising here means callers can pass unnormalised amplitudes such as (1, 0, 0, 1).
 */
export function pureState(re: number[], im: number[] = []): CMat {
  const d = re.length;
  if (d === 0) throw new Error('pureState: empty state vector');
  if (im.length > d) throw new Error(`pureState: im has ${im.length} entries, re has ${d}`);
  const k: Ket = { re: Float64Array.from(re), im: new Float64Array(d) };
  for (let i = 0; i < im.length; i++) k.im[i] = im[i];
  return projector(k);
}

/**
 * Bell-state density matrices:
 * |Φ±> = (|00> ± |11>)/√2,  |Ψ±> = (|01> ± |10>)/√2  (big-endian: |ab>, index 2a + b).
 */
export function bellState(kind: BellKind): CMat {
  switch (kind) {
    case 'phi+':
      return pureState([1, 0, 0, 1]);
    case 'phi-':
      return pureState([1, 0, 0, -1]);
    case 'psi+':
      return pureState([0, 1, 1, 0]);
    case 'psi-':
      return pureState([0, 1, -1, 0]);
    default:
      throw new Error(`unknown Bell state ${String(kind)}`);
  }
}

/**
 * Werner state ρ_W(p) = p |Φ+><Φ+| + (1 − p) I/4, p ∈ [0, 1].
 * Entangled iff p > 1/3 (docs/math.md §7); throws outside [0, 1] because it is then not a state.
 */
export function werner(p: number): CMat {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`Werner p must be in [0, 1], got ${p}`);
  return combine(p, bellState('phi+'), (1 - p) / 4, identity(4));
}

/** d×d complex Ginibre matrix: i.i.d. entries (N(0,1) + i N(0,1)) / √2. */
function ginibre(rows: number, cols: number, rng: Rng): CMat {
  const g = zeros(rows, cols);
  for (let k = 0; k < rows * cols; k++) {
    g.re[k] = rng.normal() / Math.SQRT2;
    g.im[k] = rng.normal() / Math.SQRT2;
  }
  return g;
}

/**
 * Haar-random d×d unitary (Mezzadri, "How to generate random matrices from the classical
 * compact groups", 2007): take a complex Ginibre matrix Z = QR and return Q·Λ with
 * Λ = diag(R_ii / |R_ii|). Gram–Schmidt on the columns of Z *is* the QR decomposition with
 * R_ii = ‖residual‖ > 0 real, i.e. it already carries Mezzadri's phase fix (Λ = I); the
 * resulting Q is unique and its distribution is invariant under left multiplication by any
 * unitary, hence Haar. Orthogonalisation is done twice per column ("twice is enough",
 * Giraud et al.) so ‖U†U − I‖ stays at round-off level (~1e-15).
 */
export function haarUnitary(d: number, rng: Rng): CMat {
  if (!Number.isInteger(d) || d < 1) throw new Error(`haarUnitary: d must be a positive integer, got ${d}`);
  const z = ginibre(d, d, rng);
  const q = zeros(d, d);
  const cr = new Float64Array(d),
    ci = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < d; i++) {
      cr[i] = z.re[i * d + j];
      ci[i] = z.im[i * d + j];
    }
    for (let pass = 0; pass < 2; pass++)
      for (let k = 0; k < j; k++) {
        // c ← c − q_k <q_k, c>
        let pr = 0,
          pi = 0;
        for (let i = 0; i < d; i++) {
          const ar = q.re[i * d + k],
            ai = q.im[i * d + k];
          pr += ar * cr[i] + ai * ci[i];
          pi += ar * ci[i] - ai * cr[i];
        }
        for (let i = 0; i < d; i++) {
          const ar = q.re[i * d + k],
            ai = q.im[i * d + k];
          cr[i] -= ar * pr - ai * pi;
          ci[i] -= ar * pi + ai * pr;
        }
      }
    let n = 0;
    for (let i = 0; i < d; i++) n += cr[i] * cr[i] + ci[i] * ci[i];
    n = Math.sqrt(n);
    for (let i = 0; i < d; i++) {
      q.re[i * d + j] = cr[i] / n;
      q.im[i * d + j] = ci[i] / n;
    }
  }
  return q;
}

/** A Haar-random unit vector in C^d (a normalised complex Gaussian vector). */
function randomKet(d: number, rng: Rng): Ket {
  const k: Ket = { re: new Float64Array(d), im: new Float64Array(d) };
  for (let i = 0; i < d; i++) {
    k.re[i] = rng.normal();
    k.im[i] = rng.normal();
  }
  const n = ketNorm(k);
  for (let i = 0; i < d; i++) {
    k.re[i] /= n;
    k.im[i] /= n;
  }
  return k;
}

/**
 * Haar-random pure state |ψ><ψ| on n qubits: ψ = g/‖g‖ with g a complex Gaussian vector,
 * whose distribution is unitarily invariant (the Fubini–Study / Haar measure).
 */
export function randomPureState(nQubits: number, rng: Rng): CMat {
  if (!Number.isInteger(nQubits) || nQubits < 1) throw new Error(`nQubits must be a positive integer, got ${nQubits}`);
  return projector(randomKet(1 << nQubits, rng));
}

/**
 * Random mixed state from the induced measure: ρ = G G† / Tr(G G†) with G a d×k complex
 * Ginibre matrix, k = rank (default d, which is the Hilbert–Schmidt measure). Rank k < d
 * gives rank-k states (the partial trace of a Haar pure state on C^d ⊗ C^k).
 */
export function randomMixedState(nQubits: number, rng: Rng, rank?: number): CMat {
  if (!Number.isInteger(nQubits) || nQubits < 1) throw new Error(`nQubits must be a positive integer, got ${nQubits}`);
  const d = 1 << nQubits;
  const k = rank ?? d;
  if (!Number.isInteger(k) || k < 1) throw new Error(`rank must be a positive integer, got ${k}`);
  const g = ginibre(d, k, rng);
  return tidy(mul(g, adjoint(g)));
}

/** A random single-qubit state: pure (Haar) or Hilbert–Schmidt mixed, each with probability ½. */
function randomQubitState(rng: Rng): CMat {
  return rng.uniform() < 0.5 ? randomPureState(1, rng) : randomMixedState(1, rng);
}

/**
 * Random product state ρ_A ⊗ ρ_B, each factor independently a Haar pure or a
 * Hilbert–Schmidt mixed single-qubit state (probability ½ each), so both pure-product and
 * mixed-product states appear. Separable by construction.
 */
export function productState(rng: Rng): CMat {
  const a = randomQubitState(rng);
  const b = randomQubitState(rng);
  return kron(a, b);
}

/**
 * Random separable mixture Σ_k w_k ρ_A^(k) ⊗ ρ_B^(k) of `terms` product states (default: 2–4,
 * drawn), weights w uniform on the simplex (normalised Exp(1) draws = Dirichlet(1,…,1)).
 * Separable by construction (a convex combination of product states).
 */
export function randomSeparableMixture(rng: Rng, terms?: number): CMat {
  const m = terms ?? 2 + rng.int(3);
  if (!Number.isInteger(m) || m < 1) throw new Error(`terms must be a positive integer, got ${m}`);
  const w: number[] = [];
  for (let k = 0; k < m; k++) w.push(-Math.log(1 - rng.uniform()));
  const total = w.reduce((s, x) => s + x, 0);
  let rho = zeros(4, 4);
  for (let k = 0; k < m; k++) rho = combine(1, rho, w[k] / total, productState(rng));
  return tidy(rho);
}

/** (U_A ⊗ U_B)(cos θ |00> + sin θ |11>) as a ket: ψ_{2a+b} = cos θ U_A[a,0] U_B[b,0] + sin θ U_A[a,1] U_B[b,1]. */
function schmidtKet(theta: number, ua: CMat, ub: CMat): Ket {
  const k: Ket = { re: new Float64Array(4), im: new Float64Array(4) };
  const c = Math.cos(theta),
    s = Math.sin(theta);
  for (let a = 0; a < 2; a++)
    for (let b = 0; b < 2; b++) {
      let r = 0,
        i = 0;
      for (const [col, w] of [
        [0, c],
        [1, s],
      ] as const) {
        const xr = ua.re[a * 2 + col],
          xi = ua.im[a * 2 + col];
        const yr = ub.re[b * 2 + col],
          yi = ub.im[b * 2 + col];
        r += w * (xr * yr - xi * yi);
        i += w * (xr * yi + xi * yr);
      }
      k.re[2 * a + b] = r;
      k.im[2 * a + b] = i;
    }
  return k;
}

/** Range of the Schmidt angle θ in `schmidtEntangled`: concurrence sin 2θ ≥ sin(π/10) ≈ 0.31. */
export const SCHMIDT_THETA_RANGE: readonly [number, number] = [Math.PI / 20, (9 * Math.PI) / 20];

/**
 * Pure entangled state (U_A ⊗ U_B)(cos θ |00> + sin θ |11>) with Haar U_A, U_B and θ uniform
 * in SCHMIDT_THETA_RANGE = [π/20, 9π/20]. Its concurrence is sin 2θ ≥ 0.31: θ is kept away
 * from 0 and π/2 (product states) so every draw is clearly entangled.
 */
export function schmidtEntangled(rng: Rng): CMat {
  const [lo, hi] = SCHMIDT_THETA_RANGE;
  const theta = lo + (hi - lo) * rng.uniform();
  const ua = haarUnitary(2, rng);
  const ub = haarUnitary(2, rng);
  return projector(schmidtKet(theta, ua, ub));
}

/** Smallest eigenvalue of ρ^{T_B} (two qubits): < 0 iff ρ is entangled (Peres–Horodecki). */
function minPtEigenvalue(rho: CMat): number {
  return hermitianEigenvalues(partialTranspose(rho, 1, 1))[0];
}

/**
 * Internal margin for generated entangled states: min eig(ρ^{T_B}) ≤ −1e-6, far beyond the
 * −1e-12 labelling threshold, so no label can flip under round-off (e.g. a float32 engine).
 */
const NPT_MARGIN = 1e-6;

/**
 * Werner-type state ρ = p|ψ><ψ| + (1 − p) I/4 with ψ a Haar-random two-qubit pure state of
 * concurrence C = 2|ψ_00 ψ_11 − ψ_01 ψ_10| ≥ 0.1 and p uniform in (p*, 1], where
 * p* = 1/(1 + 2C) is its entanglement threshold: ρ^{T_B} has smallest eigenvalue
 * −pC/2 + (1 − p)/4 (the pure state's partial transpose has smallest eigenvalue −C/2 and
 * commutes with I), negative iff p > p*. For ψ = Φ+ (C = 1) this is the Werner threshold 1/3.
 * The PPT test is checked numerically and the draw resampled if it fails.
 */
export function wernerType(rng: Rng): CMat {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const k = randomKet(4, rng);
    const detr = k.re[0] * k.re[3] - k.im[0] * k.im[3] - (k.re[1] * k.re[2] - k.im[1] * k.im[2]);
    const deti = k.re[0] * k.im[3] + k.im[0] * k.re[3] - (k.re[1] * k.im[2] + k.im[1] * k.re[2]);
    const c = 2 * Math.hypot(detr, deti);
    if (c < 0.1) continue;
    const pStar = 1 / (1 + 2 * c);
    const p = pStar + (1 - pStar) * (1 - rng.uniform()); // (p*, 1]
    const rho = tidy(combine(p, projector(k), (1 - p) / 4, identity(4)));
    if (minPtEigenvalue(rho) <= -NPT_MARGIN) return rho;
  }
  throw new Error('wernerType: no entangled sample in 1000 attempts');
}

/**
 * Random NPT (hence entangled) mixed two-qubit state by rejection sampling from the induced
 * measure G G†/Tr with G 4×k Ginibre, k ∈ {2, 3, 4} drawn uniformly (rank ≥ 2 so it is mixed).
 * About 3/4 of Hilbert–Schmidt states (k = 4) are NPT, more at lower rank, so few draws are needed.
 */
export function nptRandomMixed(rng: Rng): CMat {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const rho = randomMixedState(2, rng, 2 + rng.int(3));
    if (minPtEigenvalue(rho) <= -NPT_MARGIN) return rho;
  }
  throw new Error('nptRandomMixed: no NPT sample in 1000 attempts');
}

/**
 * Partial trace of a two-qubit state (A = qubit 0, the most significant; B = qubit 1):
 * (ρ_A)_{aa'} = Σ_b ρ_{(ab),(a'b)},  (ρ_B)_{bb'} = Σ_a ρ_{(ab),(ab')}; `keep` names the
 * subsystem that remains.
 */
export function partialTrace(rho: CMat, keep: 'A' | 'B'): CMat {
  assertQubits(rho, 2, 'partialTrace');
  const out = zeros(2, 2);
  for (let x = 0; x < 2; x++)
    for (let y = 0; y < 2; y++)
      for (let t = 0; t < 2; t++) {
        const i = keep === 'A' ? 2 * x + t : 2 * t + x;
        const j = keep === 'A' ? 2 * y + t : 2 * t + y;
        out.re[x * 2 + y] += rho.re[i * 4 + j];
        out.im[x * 2 + y] += rho.im[i * 4 + j];
      }
  return out;
}

/**
 * Partial transpose on subsystem B of an (nA + nB)-qubit state, A the nA most significant
 * qubits: (ρ^{T_B})_{(a b),(a' b')} = ρ_{(a b'),(a' b)}, index (a b) = a·2^nB + b.
 * Its spectrum does not depend on which side is transposed (ρ^{T_A} = (ρ^{T_B})^T).
 */
export function partialTranspose(rho: CMat, nA = 1, nB = 1): CMat {
  if (!Number.isInteger(nA) || !Number.isInteger(nB) || nA < 0 || nB < 0)
    throw new Error(`partialTranspose: qubit counts must be non-negative integers, got ${nA}, ${nB}`);
  assertQubits(rho, nA + nB, 'partialTranspose');
  const dA = 1 << nA,
    dB = 1 << nB,
    d = dA * dB;
  const out = zeros(d, d);
  for (let a = 0; a < dA; a++)
    for (let b = 0; b < dB; b++)
      for (let a2 = 0; a2 < dA; a2++)
        for (let b2 = 0; b2 < dB; b2++) {
          const dst = (a * dB + b) * d + a2 * dB + b2;
          const src = (a * dB + b2) * d + a2 * dB + b;
          out.re[dst] = rho.re[src];
          out.im[dst] = rho.im[src];
        }
  return out;
}

/** A local product basis for `dephasedPartner`: 2×2 unitaries whose columns are e_0, e_1 (A) and f_0, f_1 (B). */
export type LocalBasis = readonly [CMat, CMat];

/**
 * Dephased partner Δ(ρ) = Σ_{ij} P_ij ρ P_ij, P_ij = |e_i f_j><e_i f_j| (docs/math.md §7).
 * With W = U_A ⊗ U_B (columns |e_i f_j>): Δ(ρ) = W diag(diag(W† ρ W)) W†. Separable (a mixture
 * of product projectors) and reproduces every outcome probability <e_i f_j|ρ|e_i f_j> of ρ in
 * that basis. Default basis: computational, where Δ(ρ) is just the diagonal part of ρ, so the
 * classical path of Δ(ρ) is identical to that of ρ.
 */
export function dephasedPartner(rho: CMat, basis?: LocalBasis): CMat {
  assertQubits(rho, 2, 'dephasedPartner');
  if (!basis) {
    const out = zeros(4, 4);
    for (let i = 0; i < 4; i++) out.re[i * 5] = rho.re[i * 5];
    return out;
  }
  const [ua, ub] = basis;
  for (const [u, name] of [
    [ua, 'A'],
    [ub, 'B'],
  ] as const) {
    if (u.rows !== 2 || u.cols !== 2) throw new Error(`dephasedPartner: basis ${name} must be 2×2`);
    const err = unitarityError(u);
    if (!(err <= 1e-8)) throw new Error(`dephasedPartner: basis ${name} is not unitary (‖U†U − I‖ = ${err})`);
  }
  const w = kron(ua, ub);
  const inBasis = mul(mul(adjoint(w), rho), w);
  const diag = zeros(4, 4);
  for (let i = 0; i < 4; i++) diag.re[i * 5] = inBasis.re[i * 5];
  const out = mul(mul(w, diag), adjoint(w));
  // Exact Hermiticity (the product is Hermitian only up to round-off).
  return scale(combine(1, out, 1, adjoint(out)), 0.5);
}

/**
 * Marginal-product partner ρ_A ⊗ ρ_B (docs/math.md §7): separable, and it has the same single-qubit
 * reduced states as ρ, so every single-qubit statistic in every basis agrees.
 */
export function marginalProductPartner(rho: CMat): CMat {
  return kron(partialTrace(rho, 'A'), partialTrace(rho, 'B'));
}
