/**
 * Reading and validating hqrn-state and hqrn-model files (docs/math.md §10).
 *
 * Structure (types, required keys, finite numbers) is checked with a zod schema; shapes and
 * physics (square d×d with d = 2^n, α ∈ [0,1], c > 0, contractions within 1e-8; states within
 * 1e-6 of Hermitian / trace-1 / PSD, used as their nearest state, docs/math.md §10) by hand after it. Every failure is a `FileFormatError` whose message is one line
 * `<field>: <problem>`, with the field as a path like `blocks[2].aPlus.re[0][3]`.
 */
import { z } from 'zod';
import { ACTIVATIONS } from '../hqrn/activation';
import { type CMat, type CMatJson, fromArrays, toJson } from '../math/complex';
import { spectralNorm } from '../math/linalg';
import { checkState, type NearestState, sig4 } from '../states/nearestState';
import type { ClassicalBlock, Model, QuantumBlock, Readout } from '../hqrn/model';
import { type RunCard, validateRunCard } from './runCard';

// zod 4 compiles object parsers with `new Function` unless told not to, and its probe for that
// is reported as a violation under the app's Content-Security-Policy (no 'unsafe-eval'). The
// schemas below read that setting when they are built, so it is set first.
z.config({ jitless: true });

/** Tolerance of the contraction check ‖A±‖₂ ≤ 1 + 1e-8 (states: STATE_TOLERANCE, nearestState.ts). */
export const FILE_TOLERANCE = 1e-8;
/** Largest register the files may describe (d = 2^10): bigger would not fit a browser tab. */
export const MAX_QUBITS = 10;

export class FileFormatError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field || '(file)'}: ${problem}`);
    this.name = 'FileFormatError';
  }
}

const finite = z.number({ error: (iss) => (iss.input === undefined ? 'is missing' : `must be a finite number, got ${describe(iss.input)}`) });
const matrixJson = z.object({ re: z.array(z.array(finite)), im: z.array(z.array(finite)) });

// The header is optional on input: a bare {re, im} (or {states}) is a state file too.
const stateFileSchema = z.union([
  z.object({ format: z.literal('hqrn-state').optional(), version: z.literal(1).optional(), re: z.array(z.array(finite)), im: z.array(z.array(finite)) }),
  z.object({ format: z.literal('hqrn-state').optional(), version: z.literal(1).optional(), states: z.array(matrixJson) }),
]);

const readoutSchema = z.object({
  weights: z.array(z.array(finite)),
  bias: z.array(finite),
  classes: z.array(z.union([z.string(), z.number()])),
});

const blockSchema = z.object({
  alpha: finite,
  activation: z.string().optional(),
  gain: finite.optional(),
  bias: z.array(finite).optional(),
  aPlus: matrixJson.optional(),
  aMinus: matrixJson.optional(),
  w: z.array(z.array(finite)).optional(),
});

const modelFileSchema = z.object({
  format: z.literal('hqrn-model'),
  version: z.literal(1),
  nQubits: z.number().int().min(1).max(MAX_QUBITS),
  blocks: z.array(blockSchema),
  readout: readoutSchema.optional(),
  /** The run card (docs/math.md §11): validated by validateRunCard and kept. */
  run: z.unknown().optional(),
});

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  if (typeof v === 'number') return String(v);
  if (v === null) return 'null';
  return Array.isArray(v) ? 'an array' : typeof v;
}

/** `blocks[0].aPlus.re[1][2]` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}

function parseWith<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = pickIssue(r.error.issues);
  throw new FileFormatError(formatPath(issue.path), issue.message);
}

/** For union failures report the branch that got furthest (longest path), not "invalid input". */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const flat: z.core.$ZodIssue[] = [];
  const walk = (list: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const i of list) {
      if (i.code === 'invalid_union' && i.errors.length) for (const branch of i.errors) walk(branch, [...prefix, ...i.path]);
      else flat.push({ ...i, path: [...prefix, ...i.path] });
    }
  };
  walk(issues, []);
  flat.sort((a, b) => b.path.length - a.path.length);
  return flat[0] ?? issues[0];
}

/** `field.part`, or just `part` at the top level. */
function at(field: string, part: string): string {
  return field ? `${field}.${part}` : part;
}

function checkMatrixShape(field: string, m: { re: number[][]; im: number[][] }, rows: number, cols: number): void {
  for (const part of ['re', 'im'] as const) {
    const a = m[part];
    if (a.length !== rows) throw new FileFormatError(at(field, part), `expected ${rows} rows, got ${a.length}`);
    a.forEach((row, i) => {
      if (row.length !== cols) throw new FileFormatError(`${at(field, part)}[${i}]`, `expected ${cols} entries, got ${row.length}`);
    });
  }
}

function checkRealMatrixShape(field: string, a: number[][], rows: number, cols: number): void {
  if (a.length !== rows) throw new FileFormatError(field, `expected ${rows} rows, got ${a.length}`);
  a.forEach((row, i) => {
    if (row.length !== cols) throw new FileFormatError(`${field}[${i}]`, `expected ${cols} entries, got ${row.length}`);
  });
}

/** How a state file's matrices are read (docs/math.md §10 "States as people write them"). */
export interface StateReadOptions {
  /**
   * Use the nearest state of any finite matrix of the right size, even outside the tolerance
   * (the CLI's --nearest-state, the UI's "Use the nearest state"). Default false: outside the
   * tolerance the load fails with a StateToleranceError that carries the projection.
   */
  nearestState?: boolean;
}

/** A state as read: the matrix used and how far the nearest-state projection moved it. */
export interface ReadState {
  rho: CMat;
  /** ½‖ρ_entered − ρ_used‖₁; ≤ 1e-12 means nothing changed. */
  traceDistance: number;
}

/**
 * A matrix that is not a state within STATE_TOLERANCE (1e-6): the message names the problem
 * with 4 significant digits and the tolerance; `nearest` is the explicit projection (its
 * trace distance), offered as "Use the nearest state" / --nearest-state.
 */
export class StateToleranceError extends FileFormatError {
  constructor(
    field: string,
    problem: string,
    readonly nearest: NearestState | undefined,
  ) {
    super(field, problem);
    this.name = 'StateToleranceError';
  }
}

/**
 * Read one {re, im} density matrix: square, d = 2^n (n ≥ 1), finite; then checkState
 * (docs/math.md §10): within 1e-6 of Hermitian / trace 1 / PSD it is used as its nearest state
 * (eigenvalues of (ρ+ρ†)/2 projected onto the simplex) and the trace distance is returned;
 * outside, a StateToleranceError — unless `opts.nearestState`, which projects any finite matrix.
 */
export function readDensityMatrix(field: string, m: CMatJson, expectedDim?: number, opts: StateReadOptions = {}): ReadState {
  const d = m.re.length;
  if (expectedDim !== undefined && d !== expectedDim)
    throw new FileFormatError(at(field, 're'), `expected a ${expectedDim}×${expectedDim} matrix, got ${d} rows`);
  if (d < 2 || (d & (d - 1)) !== 0 || d > 1 << MAX_QUBITS)
    throw new FileFormatError(at(field, 're'), `dimension must be a power of two between 2 and ${1 << MAX_QUBITS}, got ${d}`);
  checkMatrixShape(field, m, d, d);
  const check = checkState(fromArrays(m.re, m.im));
  if (check.ok) return { rho: check.rho, traceDistance: check.traceDistance };
  if (opts.nearestState && check.nearest) return { rho: check.nearest.rho, traceDistance: check.nearest.traceDistance };
  const offer = check.nearest ? `; the nearest state is at trace distance ${sig4(check.nearest.traceDistance)}` : '';
  throw new StateToleranceError(field || 'state', check.problem + offer, check.nearest);
}

/** readDensityMatrix's matrix only (see there). */
export function densityMatrixFromJson(field: string, m: CMatJson, expectedDim?: number, opts: StateReadOptions = {}): CMat {
  return readDensityMatrix(field, m, expectedDim, opts).rho;
}

/**
 * Parse an hqrn-state file (single state or batch) into density matrices, each read by
 * readDensityMatrix (accepted within 1e-6 as its nearest state), with the trace distances.
 */
export function readStateFile(data: unknown, opts: StateReadOptions = {}): ReadState[] {
  const f = parseWith(stateFileSchema, data);
  if ('states' in f) {
    if (f.states.length === 0) throw new FileFormatError('states', 'must contain at least one state');
    const d = f.states[0].re.length;
    return f.states.map((s, i) => readDensityMatrix(`states[${i}]`, s, d, opts));
  }
  return [readDensityMatrix('', { re: f.re, im: f.im }, undefined, opts)];
}

/** Parse an hqrn-state file into the density matrices used (readStateFile without the distances). */
export function parseStateFile(data: unknown, opts: StateReadOptions = {}): CMat[] {
  return readStateFile(data, opts).map((s) => s.rho);
}

/** Parse an hqrn-model file: quantum blocks (aPlus/aMinus/gain) or classical blocks (w), one kind per file. */
export function parseModelFile(data: unknown): Model {
  const f = parseWith(modelFileSchema, data);
  const d = 1 << f.nQubits;
  if (f.blocks.length === 0) throw new FileFormatError('blocks', 'must contain at least one block');
  const classical = f.blocks[0].w !== undefined;
  const quantumBlocks: QuantumBlock[] = [];
  const classicalBlocks: ClassicalBlock[] = [];
  f.blocks.forEach((b, k) => {
    const at = `blocks[${k}]`;
    if (!(b.alpha >= 0 && b.alpha <= 1)) throw new FileFormatError(`${at}.alpha`, `must be in [0, 1], got ${b.alpha}`);
    const activation = b.activation ?? 'relu';
    if (!(ACTIVATIONS as readonly string[]).includes(activation))
      throw new FileFormatError(`${at}.activation`, `unknown activation ${describe(activation)} (expected one of ${ACTIVATIONS.join(', ')})`);
    const bias = b.bias ?? new Array<number>(d).fill(0);
    if (bias.length !== d) throw new FileFormatError(`${at}.bias`, `expected ${d} entries, got ${bias.length}`);
    const common = { alpha: b.alpha, activation: activation as ClassicalBlock['activation'], bias: Float64Array.from(bias) };
    if (classical) {
      if (!b.w) throw new FileFormatError(`${at}.w`, 'is missing (block 0 is classical, so every block needs w)');
      if (b.aPlus || b.aMinus) throw new FileFormatError(`${at}`, 'has both w and aPlus/aMinus');
      checkRealMatrixShape(`${at}.w`, b.w, d, d);
      classicalBlocks.push({ ...common, w: Float64Array.from(b.w.flat()) });
      return;
    }
    if (b.w) throw new FileFormatError(`${at}.w`, 'classical block in a quantum model (block 0 has aPlus/aMinus)');
    for (const key of ['aPlus', 'aMinus'] as const) if (!b[key]) throw new FileFormatError(`${at}.${key}`, 'is missing');
    const gain = b.gain ?? 1;
    if (!(gain > 0)) throw new FileFormatError(`${at}.gain`, `must be > 0, got ${gain}`);
    const mats = (['aPlus', 'aMinus'] as const).map((key) => {
      checkMatrixShape(`${at}.${key}`, b[key]!, d, d);
      const a = fromArrays(b[key]!.re, b[key]!.im);
      // |A_ij| ≤ ‖A‖₂, so a large entry already disproves a contraction — and checking it
      // first keeps A†A finite for the eigensolver (entries near 1e154 would overflow).
      let largest = 0;
      for (let k = 0; k < a.re.length; k++) largest = Math.max(largest, Math.hypot(a.re[k], a.im[k]));
      const norm = largest > 1 + FILE_TOLERANCE ? largest : spectralNorm(a);
      if (norm > 1 + FILE_TOLERANCE) throw new FileFormatError(`${at}.${key}`, `not a contraction: spectral norm ≥ ${norm.toPrecision(6)} > 1`);
      return a;
    });
    quantumBlocks.push({ ...common, gain, aPlus: mats[0], aMinus: mats[1] });
  });
  let readout: Readout | undefined;
  if (f.readout) {
    const C = f.readout.bias.length;
    if (C < 1) throw new FileFormatError('readout.bias', 'must have at least one class');
    checkRealMatrixShape('readout.weights', f.readout.weights, C, d);
    if (f.readout.classes.length !== C) throw new FileFormatError('readout.classes', `expected ${C} entries, got ${f.readout.classes.length}`);
    readout = { weights: Float64Array.from(f.readout.weights.flat()), bias: Float64Array.from(f.readout.bias), classes: f.readout.classes };
  }
  let run: RunCard | undefined;
  if (f.run !== undefined) {
    try {
      run = validateRunCard(f.run);
    } catch (e) {
      const [field, ...rest] = (e as Error).message.split(': ');
      throw new FileFormatError(field, rest.join(': '));
    }
  }
  const extra = run ? { run } : {};
  return classical
    ? { kind: 'classical', nQubits: f.nQubits, blocks: classicalBlocks, readout, ...extra }
    : { kind: 'quantum', nQubits: f.nQubits, blocks: quantumBlocks, readout, ...extra };
}

function rows(a: Float64Array, d: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.length / d; i++) out.push(Array.from(a.subarray(i * d, (i + 1) * d)));
  return out;
}

/** The hqrn-model JSON of a model (inverse of parseModelFile). */
export function modelToJson(model: Model): Record<string, unknown> {
  const d = 1 << model.nQubits;
  const blocks =
    model.kind === 'quantum'
      ? model.blocks.map((b) => ({
          alpha: b.alpha,
          activation: b.activation,
          gain: b.gain,
          bias: Array.from(b.bias),
          aPlus: toJson(b.aPlus),
          aMinus: toJson(b.aMinus),
        }))
      : model.blocks.map((b) => ({ alpha: b.alpha, activation: b.activation, bias: Array.from(b.bias), w: rows(b.w, d) }));
  const out: Record<string, unknown> = { format: 'hqrn-model', version: 1, nQubits: model.nQubits, blocks };
  if (model.readout) out.readout = { weights: rows(model.readout.weights, d), bias: Array.from(model.readout.bias), classes: model.readout.classes };
  if (model.run) out.run = model.run;
  return out;
}

/** The hqrn-state JSON of one state or a batch. */
export function stateToJson(states: CMat | CMat[]): Record<string, unknown> {
  if (Array.isArray(states)) return { format: 'hqrn-state', version: 1, states: states.map(toJson) };
  return { format: 'hqrn-state', version: 1, ...toJson(states) };
}
