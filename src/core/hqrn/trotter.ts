/**
 * Gate-level compilation of a block unitary by Trotterisation (docs/math.md §4, "Gate-level
 * compilation (Trotter)").
 *
 *   H = i log U            (principal branch, Hermitian, U = exp(−iH))
 *   H = Σ_P h_P P,         h_P = Tr(P H) / 2^m  over the 4^m Pauli strings on m qubits
 *   first order:           U_r = (Π_P exp(−i h_P P / r))^r,            ‖U_r − U‖₂ = O(1/r)
 *   second order:          U_r = S(1/r)^r, S = Π_fwd exp(−i h_P P/(2r)) Π_bwd exp(−i h_P P/(2r)),
 *                          ‖U_r − U‖₂ = O(1/r²)
 *
 * Pauli strings are strings over 'IXYZ' of length m, big-endian as everywhere in HQRN:
 * character k acts on qubit k, and qubit 0 is the most significant bit of the basis index
 * (so 'XI' = X⊗I flips the most significant bit).
 *
 * No 4^m dense Pauli matrices are ever built: a Pauli string is a phased permutation,
 *   P|j> = phase(j) |j ⊕ x>,   phase(j) = i^{n_Y} (−1)^{popcount(j ∧ z)},
 * where x marks the qubits carrying X or Y, z those carrying Y or Z, and n_Y = popcount(x ∧ z)
 * (from Y = iXZ). Everything below works on that (x, z) form.
 */
import { type CMat, clone, hermitianPart, identity, mul, sub, zeros } from '../math/complex';
import { hermitianFunction, normalFunction, spectralNorm } from '../math/linalg';

/** One Pauli term h_P·P of a Hamiltonian: `label` over 'IXYZ' (big-endian), real coefficient. */
export interface PauliTerm {
  label: string;
  coefficient: number;
}

/** One rotation gate exp(−i·angle·P) of a compiled circuit. */
export interface PauliRotation {
  label: string;
  angle: number;
}

/** Plain-data description of a Trotter circuit (see `compileTrotter`). */
export interface TrotterCompilation {
  /** m: number of qubits the circuit acts on (n + 1 for an HQRN block, ancilla = qubit 0). */
  nQubits: number;
  /** The Pauli decomposition H = Σ h_P P of H = i log U that was Trotterised. */
  terms: PauliTerm[];
  /** 1 (plain product) or 2 (symmetric product). */
  order: 1 | 2;
  /** r: the number of times `gates` is repeated. */
  steps: number;
  /** ‖U_r − U‖₂, spectral norm. */
  error: number;
  /**
   * The rotations exp(−i·angle·P) of ONE Trotter step, in circuit (time) order: gates[0] is
   * applied first. The step unitary is exp(−i a_{L−1} P_{L−1}) ··· exp(−i a_0 P_0) and the full
   * circuit is this list repeated `steps` times, U_r = (step unitary)^steps.
   * The all-identity label 'I…I' (if present) is a global phase e^{−i·angle}.
   */
  gates: PauliRotation[];
}

// ---------------------------------------------------------------------------------------
// Pauli strings as phased permutations

interface PauliMasks {
  m: number;
  /** Bits of qubits carrying X or Y (bit m−1−k for qubit k). */
  x: number;
  /** Bits of qubits carrying Y or Z. */
  z: number;
  /** n_Y mod 4: the global factor is i^{nY}. */
  nY: number;
}

const I_POW_RE = [1, 0, -1, 0];
const I_POW_IM = [0, 1, 0, -1];

function popcount(v: number): number {
  let c = 0;
  while (v) {
    v &= v - 1;
    c++;
  }
  return c;
}

function pauliMasks(label: string, m: number = label.length): PauliMasks {
  if (label.length !== m) throw new Error(`Pauli label "${label}" has length ${label.length}, expected ${m}`);
  if (m > 30) throw new Error(`Pauli labels on more than 30 qubits are not supported (got ${m})`);
  let x = 0,
    z = 0,
    nY = 0;
  for (let k = 0; k < m; k++) {
    const bit = 1 << (m - 1 - k);
    switch (label[k]) {
      case 'I':
        break;
      case 'X':
        x |= bit;
        break;
      case 'Y':
        x |= bit;
        z |= bit;
        nY++;
        break;
      case 'Z':
        z |= bit;
        break;
      default:
        throw new Error(`Pauli label "${label}": character ${k} is "${label[k]}", expected one of I, X, Y, Z`);
    }
  }
  return { m, x, z, nY: nY & 3 };
}

function labelFromMasks(x: number, z: number, m: number): string {
  let s = '';
  for (let k = 0; k < m; k++) {
    const bit = 1 << (m - 1 - k);
    const xb = (x & bit) !== 0,
      zb = (z & bit) !== 0;
    s += xb ? (zb ? 'Y' : 'X') : zb ? 'Z' : 'I';
  }
  return s;
}

/** phase(j) = i^{nY} (−1)^{popcount(j ∧ z)} as [re, im] (each in {0, ±1}). */
function phaseRe(p: PauliMasks, j: number): number {
  return popcount(j & p.z) & 1 ? -I_POW_RE[p.nY] : I_POW_RE[p.nY];
}
function phaseIm(p: PauliMasks, j: number): number {
  return popcount(j & p.z) & 1 ? -I_POW_IM[p.nY] : I_POW_IM[p.nY];
}

/**
 * The 2^m × 2^m matrix of a Pauli string, P = σ_{label[0]} ⊗ … ⊗ σ_{label[m−1]} (big-endian),
 * P_{j⊕x, j} = phase(j) = i^{n_Y} (−1)^{popcount(j ∧ z)}, all other entries 0.
 * σ_X = [[0,1],[1,0]], σ_Y = [[0,−i],[i,0]], σ_Z = [[1,0],[0,−1]].
 */
export function pauliMatrix(label: string): CMat {
  const p = pauliMasks(label);
  const d = 1 << p.m;
  const out = zeros(d, d);
  for (let j = 0; j < d; j++) {
    const o = (j ^ p.x) * d + j;
    out.re[o] = phaseRe(p, j);
    out.im[o] = phaseIm(p, j);
  }
  return out;
}

function log2Dimension(d: number): number {
  const m = Math.round(Math.log2(d));
  if (!(d >= 1) || 2 ** m !== d) throw new Error(`matrix dimension ${d} is not a power of 2`);
  return m;
}

function qubitCount(h: CMat): number {
  if (h.rows !== h.cols) throw new Error(`expected a square matrix, got ${h.rows}×${h.cols}`);
  return log2Dimension(h.rows);
}

/**
 * Pauli decomposition of a Hermitian 2^m × 2^m matrix: H = Σ_P h_P P with
 *   h_P = Tr(P H) / 2^m = 2^{−m} Σ_k phase_P(k) H_{k, k⊕x}
 *       = 2^{−m} i^{n_Y} Σ_k (−1)^{popcount(k ∧ z)} H_{k, k⊕x}.
 * For each of the 2^m X-masks x the sum over all 2^m Z-masks z is one Walsh–Hadamard
 * transform of the vector v_x(k) = H_{k, k⊕x}, so the whole decomposition costs
 * O(4^m · m) (below the O(4^m · 2^m) of evaluating each trace separately).
 * Returns the real parts Re h_P (exact for Hermitian H) of every term with |h_P| > tol, in
 * lexicographic label order with I < X < Y < Z.
 */
export function pauliDecomposition(h: CMat, tol = 0): PauliTerm[] {
  const m = qubitCount(h);
  const d = 1 << m;
  // coef[x * d + z] = Re h_P for the Pauli string with masks (x, z).
  const coef = new Float64Array(d * d);
  const vr = new Float64Array(d),
    vi = new Float64Array(d);
  for (let x = 0; x < d; x++) {
    for (let k = 0; k < d; k++) {
      vr[k] = h.re[k * d + (k ^ x)];
      vi[k] = h.im[k * d + (k ^ x)];
    }
    // In-place Walsh–Hadamard: v[z] ← Σ_k (−1)^{popcount(k ∧ z)} v[k].
    for (let len = 1; len < d; len <<= 1)
      for (let i = 0; i < d; i += len << 1)
        for (let j = i; j < i + len; j++) {
          const ar = vr[j],
            ai = vi[j],
            br = vr[j + len],
            bi = vi[j + len];
          vr[j] = ar + br;
          vi[j] = ai + bi;
          vr[j + len] = ar - br;
          vi[j + len] = ai - bi;
        }
    for (let z = 0; z < d; z++) {
      const nY = popcount(x & z) & 3;
      // Re(i^{nY} (vr + i vi))
      coef[x * d + z] = (I_POW_RE[nY] * vr[z] - I_POW_IM[nY] * vi[z]) / d;
    }
  }
  const terms: PauliTerm[] = [];
  const total = d * d; // 4^m labels, enumerated as base-4 numbers with digits I=0, X=1, Y=2, Z=3
  for (let idx = 0; idx < total; idx++) {
    let x = 0,
      z = 0,
      rest = idx;
    for (let k = m - 1; k >= 0; k--) {
      const digit = rest & 3;
      rest >>= 2;
      const bit = 1 << (m - 1 - k);
      if (digit === 1 || digit === 2) x |= bit;
      if (digit === 2 || digit === 3) z |= bit;
    }
    const c = coef[x * d + z];
    if (Math.abs(c) > tol) terms.push({ label: labelFromMasks(x, z, m), coefficient: c });
  }
  return terms;
}

/** H = Σ_P h_P P on m qubits (dense 2^m × 2^m), built from the permutation form in O(#terms · 2^m). */
export function pauliSum(terms: readonly PauliTerm[], m: number): CMat {
  const d = 1 << m;
  const out = zeros(d, d);
  for (const { label, coefficient } of terms) {
    const p = pauliMasks(label, m);
    for (let j = 0; j < d; j++) {
      const o = (j ^ p.x) * d + j;
      out.re[o] += coefficient * phaseRe(p, j);
      out.im[o] += coefficient * phaseIm(p, j);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Exponentials

/**
 * H = i log U for a unitary U (principal branch): with U = Σ_k e^{iφ_k} |v_k><v_k|,
 * φ_k ∈ (−π, π], H = Σ_k (−φ_k) |v_k><v_k|, so H is Hermitian with eigenvalues in [−π, π)
 * and exp(−iH) = U. Eigenphases at exactly ±π are ambiguous: −π is mapped to +π.
 */
export function unitaryLog(u: CMat): CMat {
  qubitCount(u);
  const h = normalFunction(u, (re, im) => {
    let phi = Math.atan2(im, re);
    if (phi === -Math.PI) phi = Math.PI;
    return [-phi, 0];
  });
  return hermitianPart(h);
}

/** exp(−i t H) = Σ_k e^{−i t λ_k} |v_k><v_k| for Hermitian H. */
export function expHermitian(h: CMat, t: number): CMat {
  return hermitianFunction(h, (l) => [Math.cos(t * l), -Math.sin(t * l)]);
}

function applyMasksInPlace(mat: CMat, p: PauliMasks, theta: number): void {
  const d = mat.rows,
    cols = mat.cols;
  const c = Math.cos(theta),
    s = Math.sin(theta);
  const { re, im } = mat;
  // out_j = c·M_j − i s·phase(j⊕x)·M_{j⊕x};  −i s (pr + i pi) = s·pi − i s·pr.
  if (p.x === 0) {
    for (let j = 0; j < d; j++) {
      const qr = c + s * phaseIm(p, j),
        qi = -s * phaseRe(p, j);
      const o = j * cols;
      for (let k = 0; k < cols; k++) {
        const ar = re[o + k],
          ai = im[o + k];
        re[o + k] = qr * ar - qi * ai;
        im[o + k] = qr * ai + qi * ar;
      }
    }
    return;
  }
  for (let j = 0; j < d; j++) {
    const jj = j ^ p.x;
    if (jj < j) continue;
    // coefficient of M_{jj} in row j uses phase(jj); of M_j in row jj uses phase(j).
    const ar_ = s * phaseIm(p, jj),
      ai_ = -s * phaseRe(p, jj);
    const br_ = s * phaseIm(p, j),
      bi_ = -s * phaseRe(p, j);
    const o = j * cols,
      oo = jj * cols;
    for (let k = 0; k < cols; k++) {
      const xr = re[o + k],
        xi = im[o + k],
        yr = re[oo + k],
        yi = im[oo + k];
      re[o + k] = c * xr + ar_ * yr - ai_ * yi;
      im[o + k] = c * xi + ar_ * yi + ai_ * yr;
      re[oo + k] = c * yr + br_ * xr - bi_ * xi;
      im[oo + k] = c * yi + br_ * xi + bi_ * xr;
    }
  }
}

/**
 * M ← exp(−iθP)·M = cos θ·M − i sin θ·P·M, in place, in O(2^m · cols):
 * (P M)_{j,:} = phase(j⊕x)·M_{j⊕x,:}, so rows j and j⊕x mix pairwise.
 */
export function applyPauliExponentialInPlace(mat: CMat, label: string, theta: number): void {
  const m = log2Dimension(mat.rows);
  applyMasksInPlace(mat, pauliMasks(label, m), theta);
}

/** exp(−iθP)·M = cos θ·M − i sin θ·P·M as a new matrix (M is untouched), in O(2^m · cols). */
export function applyPauliExponential(mat: CMat, label: string, theta: number): CMat {
  const out = clone(mat);
  applyPauliExponentialInPlace(out, label, theta);
  return out;
}

// ---------------------------------------------------------------------------------------
// Trotter circuits

/**
 * The rotations of one Trotter step in circuit (time) order, gates[0] applied first.
 * First order: the step unitary is Π_P exp(−i h_P P / r) = e_{P_0} e_{P_1} ··· e_{P_{L−1}}
 * (matrix product in the order of `terms`), so in time order the gates are P_{L−1}, …, P_0
 * with angles h_P / r.
 * Second order: S(1/r) = Π_forward exp(−i h_P P/(2r)) · Π_backward exp(−i h_P P/(2r))
 * = e'_{P_0} ··· e'_{P_{L−1}} e'_{P_{L−1}} ··· e'_{P_0}; it is a palindrome, and the two
 * adjacent middle factors on P_{L−1} are merged into one rotation of angle h_P / r (the same
 * matrix), giving 2L − 1 gates: P_0, …, P_{L−2} at h/(2r), P_{L−1} at h/r, P_{L−2}, …, P_0 at h/(2r).
 */
export function trotterStepGates(terms: readonly PauliTerm[], r: number, order: 1 | 2): PauliRotation[] {
  if (!Number.isInteger(r) || r < 1) throw new Error(`Trotter steps r must be a positive integer, got ${r}`);
  if (order !== 1 && order !== 2) throw new Error(`Trotter order must be 1 or 2, got ${order}`);
  const L = terms.length;
  if (order === 1) {
    const gates: PauliRotation[] = [];
    for (let i = L - 1; i >= 0; i--) gates.push({ label: terms[i].label, angle: terms[i].coefficient / r });
    return gates;
  }
  if (L === 0) return [];
  const half: PauliRotation[] = [];
  for (let i = 0; i < L - 1; i++) half.push({ label: terms[i].label, angle: terms[i].coefficient / (2 * r) });
  const middle = { label: terms[L - 1].label, angle: terms[L - 1].coefficient / r };
  return [...half, middle, ...half.slice().reverse()];
}

/**
 * The unitary of a gate sequence repeated `repeats` times:
 * V^repeats with V = exp(−i a_{L−1} P_{L−1}) ··· exp(−i a_0 P_0) (gates[0] applied first).
 * V is built by left-multiplying I with each rotation (O(L · 4^m)); the power is taken by
 * repeated squaring (O(log₂(repeats) · 8^m)).
 */
export function gateSequenceUnitary(gates: readonly PauliRotation[], m: number, repeats = 1): CMat {
  if (!Number.isInteger(repeats) || repeats < 0) throw new Error(`repeats must be a non-negative integer, got ${repeats}`);
  const step = identity(2 ** m);
  for (const g of gates) applyMasksInPlace(step, pauliMasks(g.label, m), g.angle);
  return matrixPower(step, repeats);
}

/** A^k for a square matrix and integer k ≥ 0 by binary exponentiation. */
function matrixPower(a: CMat, k: number): CMat {
  let result: CMat | null = null;
  let base = a;
  while (k > 0) {
    if (k & 1) result = result ? mul(result, base) : base;
    k = Math.floor(k / 2);
    if (k > 0) base = mul(base, base);
  }
  return result ?? identity(a.rows);
}

/**
 * The Trotter unitary on m qubits.
 * order 1: U_r = (Π_P exp(−i h_P P / r))^r, the product taken in the order of `terms`
 *          (terms[0] leftmost).
 * order 2: U_r = S(1/r)^r, S(1/r) = Π_forward exp(−i h_P P/(2r)) Π_backward exp(−i h_P P/(2r)).
 * Cost O(#terms · 4^m) for one step plus O(log₂ r · 8^m) for its r-th power.
 */
export function trotterCircuit(terms: readonly PauliTerm[], m: number, r: number, order: 1 | 2): CMat {
  return gateSequenceUnitary(trotterStepGates(terms, r, order), m, r);
}

/**
 * Default cut-off of compileTrotter/trotterError: terms with |h_P| ≤ 1e-12 (round-off of the
 * logarithm) are dropped; each dropped term changes U_r by at most |h_P| in spectral norm.
 */
export const TROTTER_TERM_TOL = 1e-12;

/**
 * ‖U_r − U‖₂ (spectral norm) for H = i log U, its Pauli terms (|h_P| > tol) and the Trotter
 * circuit U_r of the given order with r steps.
 */
export function trotterError(u: CMat, order: 1 | 2, r: number, tol = TROTTER_TERM_TOL): number {
  return compileTrotter(u, order, r, tol).error;
}

/**
 * Compile a unitary on m qubits into Pauli rotations: H = i log U, H = Σ h_P P (|h_P| > tol),
 * one Trotter step `gates` (circuit order, see `trotterStepGates`) repeated `steps` = r times,
 * and the achieved error ‖U_r − U‖₂. The result is plain data (JSON-serialisable).
 */
export function compileTrotter(u: CMat, order: 1 | 2, r: number, tol = TROTTER_TERM_TOL): TrotterCompilation {
  const m = qubitCount(u);
  const terms = pauliDecomposition(unitaryLog(u), tol);
  const gates = trotterStepGates(terms, r, order);
  const ur = gateSequenceUnitary(gates, m, r);
  const error = spectralNorm(sub(ur, u));
  return { nQubits: m, terms, order, steps: r, error, gates };
}
