/**
 * Full-tomography MLP baseline in float64 plain TypeScript: the 16 real
 * parameters of a two-qubit ρ (diagonal, Re and Im of the strict upper triangle — `features`)
 * → hidden tanh layers → softmax, cross-entropy, Adam, Glorot-uniform seeded initialisation,
 * features standardised with the training rows' mean and std only.
 *
 * Shapes: features(ρ) has d² entries for a d×d ρ; weights of layer l are (w_l × w_{l+1}).
 */
import type { CMat } from '../math/complex';
import { adamState, adamStep } from '../math/adam';
import { makeRng, seededPermutation } from '../math/rng';

/** d² real numbers of a Hermitian ρ: ρ_ii, then Re ρ_ij and Im ρ_ij for i < j (row-major). */
export function features(rho: CMat): Float64Array {
  const d = rho.rows;
  const out = new Float64Array(d * d);
  let k = 0;
  for (let i = 0; i < d; i++) out[k++] = rho.re[i * d + i];
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      out[k++] = rho.re[i * d + j];
      out[k++] = rho.im[i * d + j];
    }
  return out;
}

export interface MlpSpec {
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

export interface Mlp {
  widths: number[];
  w: Float64Array[];
  b: Float64Array[];
  mean: Float64Array;
  std: Float64Array;
}

export const mlpParameters = (m: Mlp) => m.w.reduce((s, w, l) => s + w.length + m.b[l].length, 0);

function forward(m: Mlp, x: ArrayLike<number>, hs: Float64Array[]): void {
  const h0 = hs[0];
  for (let i = 0; i < h0.length; i++) h0[i] = (x[i] - m.mean[i]) / m.std[i];
  for (let l = 0; l < m.w.length; l++) {
    const a = m.widths[l],
      b = m.widths[l + 1],
      hin = hs[l],
      hout = hs[l + 1],
      w = m.w[l];
    for (let j = 0; j < b; j++) {
      let s = m.b[l][j];
      for (let i = 0; i < a; i++) s += hin[i] * w[i * b + j];
      hout[j] = l + 1 < m.w.length ? Math.tanh(s) : s;
    }
  }
  const out = hs[hs.length - 1];
  let mx = -Infinity,
    tot = 0;
  for (const v of out) mx = Math.max(mx, v);
  for (let c = 0; c < out.length; c++) tot += out[c] = Math.exp(out[c] - mx);
  for (let c = 0; c < out.length; c++) out[c] /= tot;
}

/** Train on rows x (n × f) with labels y (C classes); per-epoch data may change (fresh / augmented). */
export function trainMlp(spec: MlpSpec, f: number, C: number, data: (epoch: number) => { x: Float64Array; y: ArrayLike<number>; n: number }): Mlp {
  const rng = makeRng(spec.seed);
  const widths = [f, ...spec.hidden, C];
  const first = data(0);
  const mean = new Float64Array(f),
    std = new Float64Array(f);
  for (let s = 0; s < first.n; s++) for (let j = 0; j < f; j++) mean[j] += first.x[s * f + j] / first.n;
  for (let s = 0; s < first.n; s++) for (let j = 0; j < f; j++) std[j] += (first.x[s * f + j] - mean[j]) ** 2 / first.n;
  for (let j = 0; j < f; j++) std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1;
  const m: Mlp = { widths, w: [], b: [], mean, std };
  for (let l = 0; l + 1 < widths.length; l++) {
    const lim = Math.sqrt(6 / (widths[l] + widths[l + 1]));
    m.w.push(Float64Array.from({ length: widths[l] * widths[l + 1] }, () => (2 * rng.uniform() - 1) * lim));
    m.b.push(new Float64Array(widths[l + 1]));
  }
  const n = mlpParameters(m);
  const theta = new Float64Array(n),
    grad = new Float64Array(n);
  const flat = () => {
    let o = 0;
    for (let l = 0; l < m.w.length; l++) {
      theta.set(m.w[l], o), (o += m.w[l].length);
      theta.set(m.b[l], o), (o += m.b[l].length);
    }
  };
  const unflat = () => {
    let o = 0;
    for (let l = 0; l < m.w.length; l++) {
      m.w[l].set(theta.subarray(o, o + m.w[l].length)), (o += m.w[l].length);
      m.b[l].set(theta.subarray(o, o + m.b[l].length)), (o += m.b[l].length);
    }
  };
  flat();
  const st = adamState(n);
  const hs = widths.map((w) => new Float64Array(w));
  const gs = widths.map((w) => new Float64Array(w));
  for (let e = 0; e < spec.epochs; e++) {
    const dd = e === 0 ? first : data(e);
    const perm = seededPermutation(dd.n, rng);
    for (let s0 = 0; s0 < dd.n; s0 += spec.batchSize) {
      grad.fill(0);
      const idx = perm.slice(s0, Math.min(dd.n, s0 + spec.batchSize));
      for (const s of idx) {
        forward(m, dd.x.subarray(s * f, (s + 1) * f), hs);
        const L = m.w.length;
        for (let c = 0; c < C; c++) gs[L][c] = (hs[L][c] - (c === dd.y[s] ? 1 : 0)) / idx.length;
        // offsets of layer l in theta
        let o = 0;
        const offs: number[] = [];
        for (let l = 0; l < L; l++) offs.push(o), (o += m.w[l].length + m.b[l].length);
        for (let l = L - 1; l >= 0; l--) {
          const a = widths[l],
            b = widths[l + 1],
            w = m.w[l],
            go = gs[l + 1],
            hin = hs[l];
          const ow = offs[l],
            ob = ow + w.length;
          for (let j = 0; j < b; j++) grad[ob + j] += go[j];
          const gi = gs[l];
          gi.fill(0);
          for (let i = 0; i < a; i++) {
            let t = 0;
            for (let j = 0; j < b; j++) {
              grad[ow + i * b + j] += hin[i] * go[j];
              t += w[i * b + j] * go[j];
            }
            gi[i] = l > 0 ? t * (1 - hin[i] * hin[i]) : t;
          }
        }
      }
      adamStep(theta, grad, st, spec.learningRate);
      unflat();
    }
  }
  return m;
}

/** P(class c) for each row of x (n × f): n × C row-major. */
export function mlpProba(m: Mlp, x: Float64Array, n: number): Float64Array {
  const f = m.widths[0],
    C = m.widths[m.widths.length - 1];
  const hs = m.widths.map((w) => new Float64Array(w));
  const out = new Float64Array(n * C);
  for (let s = 0; s < n; s++) {
    forward(m, x.subarray(s * f, (s + 1) * f), hs);
    out.set(hs[hs.length - 1], s * C);
  }
  return out;
}
