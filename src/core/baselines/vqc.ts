/**
 * Variational quantum classifier: a hardware-efficient circuit on the two
 * qubits — L layers of [RY(θ) then RZ(φ) on each qubit, CNOT(qubit 0 → qubit 1)] and a final
 * rotation layer, 4(L + 1) angles — applied to the input state, the computational-basis
 * probabilities p_j = (U ρ U†)_jj fed to the same readout head as the HQRN
 * (y = softmax(R p + r), docs/math.md §6), cross-entropy, Adam.
 * (Kandala et al., Nature 549, 242 (2017) for the ansatz; Schuld et al., PRA 101, 032308 (2020)
 * for circuit-centric classifiers.)
 *
 * Gradients are exact: for a rotation R(θ) = exp(−iθP/2), dR/dθ = ½ R(θ + π), so
 * ∂U/∂θ_k = ½ U(θ with θ_k + π); with v_ji = Σ_i' ρ_ii' conj(U_ji'),
 * ∂p_j = 2 Re Σ_i ∂U_ji v_ji. Checked against finite differences in vqc.test.ts.
 *
 * Gate conventions: RY(θ) = [[cos θ/2, −sin θ/2], [sin θ/2, cos θ/2]],
 * RZ(φ) = diag(e^{−iφ/2}, e^{iφ/2}); big-endian basis (qubit 0 most significant, docs/math.md §1).
 */
import { type CMat, identity, kron, mul, zeros } from '../math/complex';
import { adamState, adamStep } from '../math/adam';
import { makeRng, seededPermutation } from '../math/rng';

export interface VqcModel {
  layers: number;
  /** 4(L + 1) angles: per rotation layer [θ_0, φ_0, θ_1, φ_1]. */
  angles: Float64Array;
  /** Readout R (C×4 row-major) and r (C). */
  readoutW: Float64Array;
  readoutB: Float64Array;
  classes: number;
}

const CNOT: CMat = (() => {
  const c = zeros(4, 4);
  c.re[0] = 1;
  c.re[1 * 4 + 1] = 1;
  c.re[2 * 4 + 3] = 1;
  c.re[3 * 4 + 2] = 1;
  return c;
})();

function rot(theta: number, phi: number): CMat {
  // RZ(φ)·RY(θ)
  const c = Math.cos(theta / 2),
    s = Math.sin(theta / 2);
  const er = Math.cos(phi / 2),
    ei = Math.sin(phi / 2);
  const m = zeros(2, 2);
  // row 0 times e^{−iφ/2}, row 1 times e^{iφ/2}
  m.re[0] = c * er;
  m.im[0] = -c * ei;
  m.re[1] = -s * er;
  m.im[1] = s * ei;
  m.re[2] = s * er;
  m.im[2] = s * ei;
  m.re[3] = c * er;
  m.im[3] = c * ei;
  return m;
}

/** The circuit's 4×4 unitary for the given angles (length 4(L + 1)). */
export function vqcUnitary(angles: ArrayLike<number>, layers: number): CMat {
  let u = identity(4);
  for (let l = 0; l <= layers; l++) {
    const a = 4 * l;
    u = mul(kron(rot(angles[a], angles[a + 1]), rot(angles[a + 2], angles[a + 3])), u);
    if (l < layers) u = mul(CNOT, u);
  }
  return u;
}

/** p_j = (U ρ U†)_jj and v_ji = Σ_i' ρ_ii' conj(U_ji') (re, im) for one state. */
function probs(u: CMat, rho: CMat, p: Float64Array, vr: Float64Array, vi: Float64Array): void {
  for (let j = 0; j < 4; j++) {
    let pj = 0;
    for (let i = 0; i < 4; i++) {
      let sr = 0,
        si = 0;
      for (let k = 0; k < 4; k++) {
        const rr = rho.re[i * 4 + k],
          ri = rho.im[i * 4 + k],
          ur = u.re[j * 4 + k],
          ui = u.im[j * 4 + k];
        sr += rr * ur + ri * ui;
        si += ri * ur - rr * ui;
      }
      vr[j * 4 + i] = sr;
      vi[j * 4 + i] = si;
      pj += u.re[j * 4 + i] * sr - u.im[j * 4 + i] * si;
    }
    p[j] = pj;
  }
}

function softmax(m: VqcModel, p: Float64Array, out: Float64Array): void {
  let mx = -Infinity,
    tot = 0;
  for (let c = 0; c < m.classes; c++) {
    let t = m.readoutB[c];
    for (let j = 0; j < 4; j++) t += m.readoutW[c * 4 + j] * p[j];
    out[c] = t;
    mx = Math.max(mx, t);
  }
  for (let c = 0; c < m.classes; c++) tot += out[c] = Math.exp(out[c] - mx);
  for (let c = 0; c < m.classes; c++) out[c] /= tot;
}

/** Mean cross-entropy over rows idx, and (if grad given, layout [angles, R, r]) its gradient. */
export function vqcLossAndGrad(m: VqcModel, states: CMat[], labels: ArrayLike<number>, idx: ArrayLike<number>, grad?: Float64Array): number {
  const u = vqcUnitary(m.angles, m.layers);
  const p = new Float64Array(4),
    vr = new Float64Array(16),
    vi = new Float64Array(16),
    y = new Float64Array(m.classes);
  const Mr = new Float64Array(16),
    Mi = new Float64Array(16);
  const nA = m.angles.length,
    C = m.classes;
  let loss = 0;
  for (let t = 0; t < idx.length; t++) {
    const s = idx[t];
    probs(u, states[s], p, vr, vi);
    softmax(m, p, y);
    loss -= Math.log(Math.max(y[labels[s]], 1e-300)) / idx.length;
    if (!grad) continue;
    for (let c = 0; c < C; c++) {
      const g = (y[c] - (c === labels[s] ? 1 : 0)) / idx.length;
      grad[nA + C * 4 + c] += g;
      for (let j = 0; j < 4; j++) {
        grad[nA + c * 4 + j] += g * p[j];
        // g_p_j accumulates into M_ji = Σ g_j v_ji
        const gp = g * m.readoutW[c * 4 + j];
        for (let i = 0; i < 4; i++) {
          Mr[j * 4 + i] += gp * vr[j * 4 + i];
          Mi[j * 4 + i] += gp * vi[j * 4 + i];
        }
      }
    }
  }
  if (grad)
    for (let k = 0; k < nA; k++) {
      const shifted = Float64Array.from(m.angles);
      shifted[k] += Math.PI;
      const du = vqcUnitary(shifted, m.layers); // ∂U/∂θ_k = ½ du
      let g = 0;
      for (let q = 0; q < 16; q++) g += du.re[q] * Mr[q] - du.im[q] * Mi[q];
      grad[k] += g; // 2 · ½ · Re Σ du_ji M_ji
    }
  return loss;
}

export interface VqcSpec {
  layers: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

/** Train with Adam from seeded angles U(0, 2π) and readout N(0, 0.1²). */
export function trainVqc(spec: VqcSpec, states: CMat[], labels: ArrayLike<number>, classes = 2): VqcModel {
  const rng = makeRng(spec.seed);
  const m: VqcModel = {
    layers: spec.layers,
    angles: Float64Array.from({ length: 4 * (spec.layers + 1) }, () => 2 * Math.PI * rng.uniform()),
    readoutW: Float64Array.from({ length: classes * 4 }, () => 0.1 * rng.normal()),
    readoutB: new Float64Array(classes),
    classes,
  };
  const nA = m.angles.length,
    n = nA + classes * 5;
  const theta = new Float64Array(n),
    grad = new Float64Array(n);
  theta.set(m.angles, 0);
  theta.set(m.readoutW, nA);
  theta.set(m.readoutB, nA + classes * 4);
  const st = adamState(n);
  for (let e = 0; e < spec.epochs; e++) {
    const perm = seededPermutation(states.length, rng);
    for (let s = 0; s < states.length; s += spec.batchSize) {
      grad.fill(0);
      vqcLossAndGrad(m, states, labels, perm.slice(s, s + spec.batchSize), grad);
      adamStep(theta, grad, st, spec.learningRate);
      m.angles.set(theta.subarray(0, nA));
      m.readoutW.set(theta.subarray(nA, nA + classes * 4));
      m.readoutB.set(theta.subarray(nA + classes * 4));
    }
  }
  return m;
}

/** Predicted classes of states. */
export function vqcPredict(m: VqcModel, states: CMat[]): Int32Array {
  const u = vqcUnitary(m.angles, m.layers);
  const p = new Float64Array(4),
    vr = new Float64Array(16),
    vi = new Float64Array(16),
    y = new Float64Array(m.classes);
  return Int32Array.from(states, (rho) => {
    probs(u, rho, p, vr, vi);
    softmax(m, p, y);
    let best = 0;
    for (let c = 1; c < m.classes; c++) if (y[c] > y[best]) best = c;
    return best;
  });
}

export const vqcParameters = (m: VqcModel) => m.angles.length + m.readoutW.length + m.readoutB.length;
