/**
 * The one assembler of a ForwardResponse from read-back arrays (plain data, no tensors): the
 * per-layer fields and measures (docs/math.md §8) and the two readouts (§6). Both batch paths
 * of engine.ts (compiled stack, per block) hand their numbers here.
 */
import { fromArrays } from '../../../src/core/math/complex';
import { stateMeasures } from '../../../src/core/measures/measures';
import { diagonalMeasures, unitInterval } from '../../../src/core/measures/spectral';
import type {
  BackendName,
  ForwardLayer,
  ForwardResponse,
  LayerField,
  LayerMeasures,
  LayerSelection,
  MeasureLevel,
  ReadoutWire,
} from '../../../src/protocol/messages';

/** trace, purity Tr ρ² = Σ|ρ_ij|², l1-coherence Σ_{i≠j}|ρ_ij| of each of n states (n×d×d re/im; O(d²) each). */
export function cheapMeasures(re: Float32Array, im: Float32Array, n: number, d: number): LayerMeasures {
  const trace = new Float64Array(n),
    purity = new Float64Array(n),
    coherence = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const o = s * d * d;
    let t = 0,
      p = 0,
      c = 0;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const a = re[o + i * d + j],
          b = im[o + i * d + j];
        const m2 = a * a + b * b;
        p += m2;
        if (i === j) t += a;
        else c += Math.sqrt(m2);
      }
    trace[s] = unitInterval(t);
    purity[s] = unitInterval(p);
    coherence[s] = c;
  }
  return { trace, purity, coherence };
}

/**
 * The measures of diagonal states ρ_s = diag(x_s) (x: n×d), by the core's diagonalMeasures:
 * trace, purity, entropy; coherence 0; 'all' adds the trace distance to the classical path (0:
 * the same vector) and, for two qubits, concurrence 0, negativity 0, PPT (a diagonal state is separable).
 */
export function batchDiagonalMeasures(x: Float32Array, n: number, d: number, all: boolean): LayerMeasures {
  const trace = new Float64Array(n),
    purity = new Float64Array(n),
    coherence = new Float64Array(n),
    entropy = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const m = diagonalMeasures(x, d, s * d);
    trace[s] = m.trace;
    purity[s] = m.purity;
    entropy[s] = m.entropy;
  }
  if (!all) return { trace, purity, coherence };
  const m: LayerMeasures = { trace, purity, coherence, entropy, traceDistanceToClassical: new Float64Array(n) };
  if (d === 4) {
    m.concurrence = new Float64Array(n);
    m.negativity = new Float64Array(n);
    m.ppt = new Uint8Array(n).fill(1);
  }
  return m;
}

/** Every measure of §8 through the float64 core (eigen-problems per state); x: the classical path (n×d). */
export function allMeasures(re: Float32Array, im: Float32Array, x: Float32Array, n: number, d: number): LayerMeasures {
  const m = cheapMeasures(re, im, n, d);
  m.entropy = new Float64Array(n);
  m.traceDistanceToClassical = new Float64Array(n);
  if (d === 4) {
    m.concurrence = new Float64Array(n);
    m.negativity = new Float64Array(n);
    m.ppt = new Uint8Array(n);
  }
  for (let s = 0; s < n; s++) {
    const o = s * d * d;
    const rows = (a: Float32Array) => Array.from({ length: d }, (_, i) => Array.from(a.subarray(o + i * d, o + (i + 1) * d)));
    const sm = stateMeasures(fromArrays(rows(re), rows(im)), x.subarray(s * d, (s + 1) * d));
    m.entropy[s] = sm.entropy;
    m.traceDistanceToClassical[s] = sm.traceDistanceToClassical ?? 0;
    if (d === 4) {
      m.concurrence![s] = sm.concurrence ?? 0;
      m.negativity![s] = sm.negativity ?? 0;
      m.ppt![s] = sm.ppt ? 1 : 0;
    }
  }
  return m;
}

/** Probabilities (n×C) with the argmax class of each row. */
export function readoutWire(probabilities: Float32Array, n: number, C: number): ReadoutWire {
  const predicted = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (probabilities[s * C + c] > probabilities[s * C + best]) best = c;
    predicted[s] = best;
  }
  return { probabilities, predicted };
}

/** What one layer read back (float32 arrays; an array not computed is undefined). */
export interface LayerData {
  /** classical-path vectors x^(k) (n×d) */
  x?: Float32Array;
  /** block outputs q (n×d): the quantum block's, or the classical block's on the fast path */
  q?: Float32Array;
  /** dead flags of the quantum path (n) */
  dead?: Uint8Array;
  classicalDead?: Uint8Array;
  /** quantum-path states ρ^(k) (n×d×d re/im); absent on the fast path (ρ^(k) = diag(x^(k))) */
  rho?: { re: Float32Array; im: Float32Array };
}

export interface AssembleOptions {
  n: number;
  d: number;
  level: MeasureLevel;
  fields: ReadonlySet<LayerField>;
  /** only the classical network ran: ρ^(k) = diag(x^(k)) */
  fast: boolean;
}

const EMPTY_F32 = new Float32Array(0);

/**
 * One ForwardLayer: the fields asked for (others empty arrays, ρ absent) and the measures of
 * `level` — diagonal closed forms on the fast path, else 'cheap' (O(d²)) or 'all' (core) on ρ.
 */
export function assembleLayer(l: LayerData, o: AssembleOptions): ForwardLayer {
  const { n, d, level, fields: f } = o;
  const classicalDead = f.has('dead') ? (l.classicalDead ?? new Uint8Array(0)) : new Uint8Array(0);
  const layer: ForwardLayer = {
    x: f.has('x') ? (l.x ?? EMPTY_F32) : EMPTY_F32,
    q: f.has('q') ? (l.q ?? EMPTY_F32) : EMPTY_F32,
    dead: f.has('dead') ? (o.fast ? classicalDead : (l.dead ?? new Uint8Array(0))) : new Uint8Array(0),
    classicalDead,
  };
  if (o.fast) {
    if (level !== 'none') layer.measures = batchDiagonalMeasures(l.x!, n, d, level === 'all');
    return layer;
  }
  if (f.has('rho')) layer.rho = l.rho;
  if (l.rho && level === 'cheap') layer.measures = cheapMeasures(l.rho.re, l.rho.im, n, d);
  else if (l.rho && level === 'all') layer.measures = allMeasures(l.rho.re, l.rho.im, l.x!, n, d);
  return layer;
}

/**
 * The response: layers, firstLayer (selection 'last' → K − 1, 'none' → K) and the readouts:
 * classicalOutput from the classical path's probabilities (n×C), output from the quantum
 * path's (or a copy of the classical ones when both paths coincide).
 */
export function assembleResponse(
  backend: BackendName,
  n: number,
  d: number,
  layers: ForwardLayer[],
  selection: 'all' | 'last' | 'none',
  K: number,
  probabilities: { classical?: Float32Array; quantum?: Float32Array; classes: number },
  t0: number,
): ForwardResponse {
  const response: ForwardResponse = { backend, n, d, layers, ms: 0 };
  if (selection !== 'all') response.firstLayer = selection === 'last' ? Math.max(0, K - 1) : K;
  const { classical, quantum, classes: C } = probabilities;
  if (classical) {
    response.classicalOutput = readoutWire(classical, n, C);
    response.output = readoutWire(quantum ?? classical.slice(), n, C);
  }
  response.ms = performance.now() - t0;
  return response;
}

/** What a request asks back: layer selection, fields, measure level (defaults filled in). */
export function requestWants(req: { layers?: LayerSelection; fields?: LayerField[]; measures?: MeasureLevel }) {
  return {
    selection: req.layers ?? 'all',
    fields: new Set<LayerField>(req.fields ?? ['rho', 'x', 'q', 'dead']),
    level: req.measures ?? 'cheap',
  };
}
