/**
 * The view as a URL hash, e.g. `#v=1&t=ent&d=3&sa=0&a=0.5,0.5,0.3&in=werner:0.4&l=2`.
 * One declarative table (FIELDS) drives both encodeHash and decodeHash: each field has its
 * short key, the name used in messages, its type and limits (a codec), and how it reads from
 * and writes to a UrlState. Fields equal to their default are left out (compact links).
 * decodeHash never throws: it returns the state it could read plus a list of problems, each
 * naming its field; a rejected value keeps the previous value. Weights never go in the URL:
 * a trained model is referred to by name (`model=`).
 */
import { ACTIVATIONS, type Activation } from '../../core/hqrn/activation';
import { STATE_TOLERANCE } from '../../core/measures/tolerance';
import { EXPLORER_LIMITS, type BellKind, type InputSpec, type TaskName } from '../../protocol/explorer';
import {
  DEFAULT_INPUT,
  DEFAULT_VIEW,
  defaultBlockParams,
  defaultStack,
  HIDEABLE_CONTROLS,
  PANELS,
  type ColourScale,
  type HideableControl,
  type MatrixView,
  type Palette,
  type PanelName,
  type ViewOptions,
} from '../explorer/store';

export const URL_VERSION = 1;

export const URL_LIMITS = {
  /** Longer hashes are not read at all (a drawn digit needs at most ~1,600 characters). */
  maxHashLength: 8000,
  /** Seeds of weights and of random inputs: integers in [0, maxSeed]. */
  maxSeed: 2_147_483_647,
  maxMnistIndex: 9999,
  maxModelNameLength: 200,
  /** Nesting of dephased/marginal partners, e.g. dephased:marginal:bell:phi+. */
  maxInputNesting: 4,
  /**
   * Tolerance of the Hermitian, unit-trace and diagonal checks of a matrix input: HQRN.md §10's
   * 1e-6 (the worker then uses the matrix's nearest state and checks positivity).
   */
  matrixTolerance: STATE_TOLERANCE,
  /** At most this many problems are listed one by one. */
  maxProblems: 12,
} as const;

/** A block as the link describes it (no id: ids are the page's own). */
export interface BlockParams {
  alpha: number;
  activation: Activation;
  gain: number;
  seed: number;
}

/** Everything the URL holds: the part of the explorer store that defines the view. */
export interface UrlState {
  task: TaskName;
  input: InputSpec;
  blocks: BlockParams[];
  readoutSeed: number;
  sameAlpha: boolean;
  globalAlpha: number;
  selectedLayer: number;
  view: ViewOptions;
  panel: PanelName | null;
  hidden: HideableControl[];
  /** Name of a saved or bundled trained model, or null for seeded weights. */
  model: string | null;
}

export interface DecodedHash {
  state: UrlState;
  /** One line per problem, each starting with the field it concerns. */
  problems: string[];
  /**
   * A 4×4 matrix input that was read as numbers but is not a state within the tolerance: not
   * used, but offered to the matrix editor ("Use the nearest state", HQRN.md §10).
   */
  rejectedMatrix?: { re: number[][]; im: number[][] };
}

// The defaults are the store's (a fresh page), so a link leaves out exactly what a fresh page has.
const FRESH_STACK = defaultStack('entanglement');
export const DEFAULT_DEPTH = FRESH_STACK.blocks.length;
const DEFAULT_INPUTS = DEFAULT_INPUT;

export function defaultUrlState(): UrlState {
  return {
    task: 'entanglement',
    input: DEFAULT_INPUTS.entanglement,
    blocks: Array.from({ length: DEFAULT_DEPTH }, (_, k) => defaultBlockParams(k)),
    readoutSeed: FRESH_STACK.readoutSeed,
    sameAlpha: true,
    globalAlpha: EXPLORER_LIMITS.defaultAlpha,
    selectedLayer: 0,
    view: { ...DEFAULT_VIEW },
    panel: null,
    hidden: [],
    model: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Codecs: a value type with its limits, as text. decode returns the value or a problem.

type Decoded<T> = { value: T } | { problem: string };

interface Codec<T> {
  encode(v: T): string;
  decode(raw: string): Decoded<T>;
}

/** A raw value as quoted in messages (long values shortened, so a huge link stays readable). */
export function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}…` : raw);
}

const NUMBER_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function numberCodec(min: number, max: number, integer = false): Codec<number> {
  return {
    encode: (v) => String(v),
    decode: (raw) => {
      if (!NUMBER_SYNTAX.test(raw)) return { problem: `${quote(raw)} is not a ${integer ? 'whole number' : 'number'}` };
      const v = Number(raw);
      if (!Number.isFinite(v)) return { problem: `${quote(raw)} is not a finite number` };
      if (integer && !Number.isInteger(v)) return { problem: `${v} is not a whole number` };
      if (v < min || v > max) return { problem: `${v} is outside [${min}, ${max}]` };
      return { value: Object.is(v, -0) ? 0 : v };
    },
  };
}

/** An enumeration written with short codes. */
function enumCodec<T extends string>(codes: Record<T, string>): Codec<T> {
  const byCode = new Map(Object.entries(codes).map(([value, code]) => [code as string, value as T]));
  return {
    encode: (v) => codes[v],
    decode: (raw) => {
      const v = byCode.get(raw);
      return v !== undefined ? { value: v } : { problem: `${quote(raw)} is not one of ${[...byCode.keys()].join(', ')}` };
    },
  };
}

const boolCodec: Codec<boolean> = {
  encode: (v) => (v ? '1' : '0'),
  decode: (raw) => (raw === '1' ? { value: true } : raw === '0' ? { value: false } : { problem: `${quote(raw)} is not 1 or 0` }),
};

const alphaCodec = numberCodec(0, 1);
const gainCodec = numberCodec(EXPLORER_LIMITS.minGain, EXPLORER_LIMITS.maxGain);
const seedCodec = numberCodec(0, URL_LIMITS.maxSeed, true);
const ACTIVATION_CODES: Record<Activation, string> = { relu: 'r', softplus: 'sp', sigmoid: 'sg', exp: 'e' };
const activationCodec = enumCodec<Activation>(ACTIVATION_CODES);

// ---------------------------------------------------------------------------------------------
// Inputs: `bell:phi+`, `werner:0.4`, `pure:SEED`, `mixed:SEED`, `product:SEED`,
// `dephased:<input>`, `marginal:<input>`, `matrix:<16 Re>;<16 Im>` (row-major, comma-separated),
// `mnist:INDEX`, `drawn:<pixels>` (784 bytes round(255·v) in hex, a run of n zeros as `zn.`).

const BELL_KINDS: readonly BellKind[] = ['phi+', 'phi-', 'psi+', 'psi-'];
const PIXELS = 28 * 28;
const MATRIX_DIM = 4;
const probabilityCodec = numberCodec(0, 1);
const mnistCodec = numberCodec(0, URL_LIMITS.maxMnistIndex, true);
const matrixEntryCodec = numberCodec(-1, 1);

export function encodePixels(pixels: readonly number[]): string {
  let out = '';
  let zeros = 0;
  const flush = () => {
    if (zeros === 1) out += '00';
    else if (zeros > 1) out += `z${zeros}.`;
    zeros = 0;
  };
  for (const v of pixels) {
    const byte = Math.round(Math.min(1, Math.max(0, v)) * 255);
    if (byte === 0) zeros++;
    else {
      flush();
      out += byte.toString(16).padStart(2, '0');
    }
  }
  flush();
  return out;
}

export function decodePixels(raw: string): Decoded<number[]> {
  const out: number[] = [];
  let i = 0;
  while (i < raw.length && out.length <= PIXELS) {
    if (raw[i] === 'z') {
      const end = raw.indexOf('.', i);
      const run = end < 0 ? NaN : Number(raw.slice(i + 1, end));
      if (!Number.isInteger(run) || run < 1 || run > PIXELS) return { problem: `bad run of zeros at character ${i + 1}` };
      for (let k = 0; k < run; k++) out.push(0);
      i = end + 1;
    } else {
      const hex = raw.slice(i, i + 2);
      if (!/^[0-9a-f]{2}$/.test(hex)) return { problem: `${quote(hex)} at character ${i + 1} is not a pixel (two hex digits)` };
      out.push(parseInt(hex, 16) / 255);
      i += 2;
    }
  }
  if (out.length !== PIXELS) return { problem: `the drawing has ${out.length > PIXELS ? 'more than ' + PIXELS : out.length} pixels, expected ${PIXELS} (28×28)` };
  return { value: out };
}

/** A number with 4 significant digits (no trailing zeros). */
const sig4 = (x: number) => String(Number(x.toPrecision(4)));

function checkMatrix(re: number[][], im: number[][]): string | null {
  const tol = URL_LIMITS.matrixTolerance;
  const within = `tolerance ${tol.toExponential()}`;
  let trace = 0;
  for (let i = 0; i < MATRIX_DIM; i++) {
    trace += re[i][i];
    if (Math.abs(im[i][i]) > tol) return `diagonal entry (${i + 1},${i + 1}) has imaginary part ${sig4(im[i][i])}; a state's diagonal is real (${within})`;
    if (re[i][i] < -tol) return `diagonal entry (${i + 1},${i + 1}) is ${sig4(re[i][i])} < 0; a state has no negative populations (${within})`;
    for (let j = i + 1; j < MATRIX_DIM; j++)
      if (Math.hypot(re[i][j] - re[j][i], im[i][j] + im[j][i]) > tol)
        return `entries (${i + 1},${j + 1}) and (${j + 1},${i + 1}) are not complex conjugates; a state is Hermitian (${within})`;
  }
  if (Math.abs(trace - 1) > tol) return `the trace is ${sig4(trace)}, not 1 (${within})`;
  return null;
}

function decodeMatrix(raw: string): Decoded<InputSpec> {
  const parts = raw.split(';');
  if (parts.length !== 2) return { problem: 'a matrix is written as 16 real parts ; 16 imaginary parts' };
  const rows: number[][][] = [];
  for (const [p, part] of parts.entries()) {
    const cells = part.split(',');
    if (cells.length !== MATRIX_DIM * MATRIX_DIM) return { problem: `the ${p === 0 ? 'real' : 'imaginary'} part has ${cells.length} entries, expected ${MATRIX_DIM * MATRIX_DIM} (4×4)` };
    const m: number[][] = [];
    for (let k = 0; k < cells.length; k++) {
      const d = matrixEntryCodec.decode(cells[k]);
      if ('problem' in d) return { problem: `${p === 0 ? 'Re' : 'Im'} of entry (${Math.floor(k / 4) + 1},${(k % 4) + 1}): ${d.problem}` };
      (m[Math.floor(k / 4)] ??= []).push(d.value);
    }
    rows.push(m);
  }
  const problem = checkMatrix(rows[0], rows[1]);
  return problem
    ? { problem: `not a density matrix: ${problem}; it is in the matrix editor, where "Use the nearest state" projects it` }
    : { value: { kind: 'matrix', re: rows[0], im: rows[1] } };
}

/** The numbers of a `matrix:` input (16 Re ; 16 Im), whether or not they form a state; else null. */
function matrixNumbers(raw: string): { re: number[][]; im: number[][] } | null {
  const parts = raw.split(';');
  if (parts.length !== 2) return null;
  const out: number[][][] = [];
  for (const part of parts) {
    const cells = part.split(',');
    if (cells.length !== MATRIX_DIM * MATRIX_DIM) return null;
    const m: number[][] = [];
    for (let k = 0; k < cells.length; k++) {
      const d = matrixEntryCodec.decode(cells[k]);
      if ('problem' in d) return null;
      (m[Math.floor(k / 4)] ??= []).push(d.value);
    }
    out.push(m);
  }
  return { re: out[0], im: out[1] };
}

/**
 * A matrix entry as a link writes it: the shortest decimal that reads back to the same double
 * (ECMAScript Number::toString, at most 17 significant digits: 0.1, 0.30000000000000004,
 * -1.8e-17), so a reopened link holds bit-identical entries (docs/links.md); −0 is written 0.
 */
export function encodeMatrixEntry(x: number): string {
  return x === 0 ? '0' : String(x);
}

export function encodeInput(input: InputSpec): string {
  switch (input.kind) {
    case 'bell':
      return `bell:${input.which}`;
    case 'werner':
      return `werner:${input.p}`;
    case 'random-pure':
      return `pure:${input.seed}`;
    case 'random-mixed':
      return `mixed:${input.seed}`;
    case 'product':
      return `product:${input.seed}`;
    case 'dephased':
    case 'marginal':
      return `${input.kind}:${encodeInput(input.of)}`;
    case 'matrix':
      return `matrix:${input.re.flat().map(encodeMatrixEntry).join(',')};${input.im.flat().map(encodeMatrixEntry).join(',')}`;
    case 'mnist':
      return `mnist:${input.index}`;
    case 'drawn':
      return `drawn:${encodePixels(input.pixels)}`;
  }
}

export function decodeInput(raw: string, nesting = 0): Decoded<InputSpec> {
  const colon = raw.indexOf(':');
  const kind = colon < 0 ? raw : raw.slice(0, colon);
  const rest = colon < 0 ? '' : raw.slice(colon + 1);
  const seeded = (k: 'random-pure' | 'random-mixed' | 'product'): Decoded<InputSpec> => {
    const d = seedCodec.decode(rest);
    return 'problem' in d ? { problem: `seed: ${d.problem}` } : { value: { kind: k, seed: d.value } };
  };
  switch (kind) {
    case 'bell':
      return (BELL_KINDS as readonly string[]).includes(rest)
        ? { value: { kind: 'bell', which: rest as BellKind } }
        : { problem: `Bell state ${quote(rest)} is not one of ${BELL_KINDS.join(', ')}` };
    case 'werner': {
      const d = probabilityCodec.decode(rest);
      return 'problem' in d ? { problem: `Werner p: ${d.problem}` } : { value: { kind: 'werner', p: d.value } };
    }
    case 'pure':
      return seeded('random-pure');
    case 'mixed':
      return seeded('random-mixed');
    case 'product':
      return seeded('product');
    case 'dephased':
    case 'marginal': {
      if (nesting >= URL_LIMITS.maxInputNesting) return { problem: `partners nested more than ${URL_LIMITS.maxInputNesting} deep` };
      const inner = decodeInput(rest, nesting + 1);
      if ('problem' in inner) return inner;
      if (!isTwoQubitInput(inner.value)) return { problem: `the ${kind} partner needs a two-qubit state, not ${inner.value.kind}` };
      return { value: { kind, of: inner.value } };
    }
    case 'matrix':
      return decodeMatrix(rest);
    case 'mnist': {
      const d = mnistCodec.decode(rest);
      return 'problem' in d ? { problem: `MNIST index: ${d.problem}` } : { value: { kind: 'mnist', index: d.value } };
    }
    case 'drawn': {
      const d = decodePixels(rest);
      return 'problem' in d ? { problem: `drawn digit: ${d.problem}` } : { value: { kind: 'drawn', pixels: d.value } };
    }
    default:
      return { problem: `${quote(kind)} is not an input kind (bell, werner, pure, mixed, product, dephased, marginal, matrix, mnist, drawn)` };
  }
}

/** Inputs of the two-qubit (entanglement) task; the others (mnist, drawn) are digits. */
export function isTwoQubitInput(input: InputSpec): boolean {
  return input.kind !== 'mnist' && input.kind !== 'drawn';
}

const inputCodec: Codec<InputSpec> = { encode: encodeInput, decode: (raw) => decodeInput(raw) };

// ---------------------------------------------------------------------------------------------
// The table. Order matters for reading: depth before the per-block lists, the lists before
// the same-α fields, task before input.

interface Field {
  key: string;
  /** Name in messages, e.g. "depth" or (per block) "α" → "α of block 3". */
  name: string;
  /** The value as text, or undefined to leave the field out (it equals its default). */
  encode(s: UrlState): string | undefined;
  /** Read `raw` into `s`; on a problem keep the value of `previous`. */
  decode(raw: string, s: UrlState, previous: UrlState, problems: string[]): void;
}

/** A single value: `get`/`set` say where it lives in the UrlState. */
function scalar<T>(key: string, name: string, codec: Codec<T>, get: (s: UrlState) => T, set: (s: UrlState, v: T) => void): Field {
  const def = get(defaultUrlState());
  return {
    key,
    name,
    encode: (s) => {
      const v = get(s);
      return JSON.stringify(v) === JSON.stringify(def) ? undefined : codec.encode(v);
    },
    decode: (raw, s, previous, problems) => {
      const d = codec.decode(raw);
      if ('problem' in d) {
        problems.push(`${name}: ${d.problem}`);
        set(s, get(previous));
      } else set(s, d.value);
    },
  };
}

/**
 * One value per block, comma-separated (`a=0.5,0.5,0.3`). A bad entry keeps that block's
 * previous value (or the fresh block's default); a list of the wrong length is padded with them.
 */
/**
 * A per-block list field. `withModel`: always written when the view names a trained model (a
 * link without the list gets the model's own values, see linkedKeys), else only when a block
 * differs from its default.
 */
function perBlock<K extends keyof BlockParams>(key: string, name: string, prop: K, codec: Codec<BlockParams[K]>, skip?: (s: UrlState) => boolean, withModel = false): Field {
  const fallback = (previous: UrlState, k: number) => (previous.blocks[k] ?? defaultBlockParams(k))[prop];
  return {
    key,
    name,
    encode: (s) => {
      if (skip?.(s)) return undefined;
      if (s.blocks.length === 0) return undefined;
      if (!(withModel && s.model !== null) && s.blocks.every((b, k) => b[prop] === defaultBlockParams(k)[prop])) return undefined;
      return s.blocks.map((b) => codec.encode(b[prop])).join(',');
    },
    decode: (raw, s, previous, problems) => {
      const cells = raw.split(',');
      const n = s.blocks.length;
      if (cells.length !== n) problems.push(`${name}: ${cells.length} value${cells.length === 1 ? '' : 's'} for ${n} block${n === 1 ? '' : 's'}`);
      for (let k = 0; k < n; k++) {
        if (k >= cells.length) {
          s.blocks[k][prop] = fallback(previous, k);
          continue;
        }
        const d = codec.decode(cells[k]);
        if ('problem' in d) {
          problems.push(`${name} of block ${k + 1}: ${d.problem}`);
          s.blocks[k][prop] = fallback(previous, k);
        } else s.blocks[k][prop] = d.value;
      }
    },
  };
}

const depthCodec = numberCodec(0, EXPLORER_LIMITS.maxDepth, true);

export const FIELDS: readonly Field[] = [
  scalar('t', 'task', enumCodec<TaskName>({ entanglement: 'ent', digits: 'dig' }), (s) => s.task, (s, v) => (s.task = v)),
  {
    key: 'd',
    name: 'depth',
    // Always written with a model: a link naming a model without `d` (hand-written) gets the
    // model's own depth, so the app's own link of the model cut to 4 blocks must say d=4.
    encode: (s) => (s.blocks.length === DEFAULT_DEPTH && s.model === null ? undefined : String(s.blocks.length)),
    decode: (raw, s, previous, problems) => {
      const d = depthCodec.decode(raw);
      let n = previous.blocks.length;
      if ('problem' in d) problems.push(`depth: ${d.problem}`);
      else n = d.value;
      s.blocks = Array.from({ length: n }, (_, k) => ({ ...defaultBlockParams(k) }));
    },
  },
  scalar('sa', 'same α everywhere', boolCodec, (s) => s.sameAlpha, (s, v) => (s.sameAlpha = v)),
  scalar('ga', 'global α', alphaCodec, (s) => s.globalAlpha, (s, v) => (s.globalAlpha = v)),
  // With "same α everywhere" every block has the global α, so the list is left out — except
  // with a model: a model link without α gets the model's own (see linkedKeys).
  perBlock('a', 'α', 'alpha', alphaCodec, (s) => s.sameAlpha && s.model === null, true),
  perBlock('f', 'activation', 'activation', activationCodec, undefined, true),
  perBlock('g', 'gain', 'gain', gainCodec),
  perBlock('s', 'seed', 'seed', seedCodec),
  scalar('rs', 'readout seed', seedCodec, (s) => s.readoutSeed, (s, v) => (s.readoutSeed = v)),
  scalar('in', 'input', inputCodec, (s) => s.input, (s, v) => (s.input = v)),
  scalar('l', 'selected layer', numberCodec(0, EXPLORER_LIMITS.maxDepth, true), (s) => s.selectedLayer, (s, v) => (s.selectedLayer = v)),
  scalar('mv', 'matrix view', enumCodec<MatrixView>({ heatmap: 'heat', hinton: 'hinton', city: 'city' }), (s) => s.view.matrixView, (s, v) => (s.view.matrixView = v)),
  scalar('cs', 'colour scale', enumCodec<ColourScale>({ fixed: 'fixed', 'per-layer': 'layer' }), (s) => s.view.colourScale, (s, v) => (s.view.colourScale = v)),
  scalar('pal', 'palette', enumCodec<Palette>({ default: 'std', 'colour-blind': 'cb' }), (s) => s.view.palette, (s, v) => (s.view.palette = v)),
  scalar(
    'p',
    'open panel',
    enumCodec<PanelName>(Object.fromEntries(PANELS.map((p) => [p, p])) as Record<PanelName, string>),
    (s) => s.panel as PanelName,
    (s, v) => (s.panel = v),
  ),
  {
    key: 'hide',
    name: 'hidden controls',
    encode: (s) => (s.hidden.length === 0 ? undefined : s.hidden.join(',')),
    decode: (raw, s, previous, problems) => {
      const names = raw === '' ? [] : raw.split(',');
      const bad = names.filter((n) => !(HIDEABLE_CONTROLS as readonly string[]).includes(n));
      for (const n of bad.slice(0, 3)) problems.push(`hidden controls: ${quote(n)} is not one of ${HIDEABLE_CONTROLS.join(', ')}`);
      s.hidden = HIDEABLE_CONTROLS.filter((c) => names.includes(c));
      if (bad.length > 0 && s.hidden.length === 0) s.hidden = [...previous.hidden];
    },
  },
  {
    key: 'model',
    name: 'model',
    encode: (s) => (s.model === null ? undefined : encodeURIComponent(s.model)),
    decode: (raw, s, previous, problems) => {
      let name: string;
      try {
        name = decodeURIComponent(raw);
      } catch {
        problems.push(`model: ${quote(raw)} is not a valid %-encoded name`);
        s.model = previous.model;
        return;
      }
      if (name.trim() === '' || name.length > URL_LIMITS.maxModelNameLength) {
        problems.push(`model: a name of ${name.length} characters (expected 1–${URL_LIMITS.maxModelNameLength})`);
        s.model = previous.model;
      } else s.model = name;
    },
  },
];

const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/** The hash (without '#') of `state`: `v=1`, then every field that differs from its default. */
export function encodeHash(state: UrlState): string {
  const parts = [`v=${URL_VERSION}`];
  for (const f of FIELDS) {
    const v = f.encode(state);
    if (v !== undefined) parts.push(`${f.key}=${v}`);
  }
  return parts.join('&');
}

function cloneState(s: UrlState): UrlState {
  return { ...s, blocks: s.blocks.map((b) => ({ ...b })), view: { ...s.view }, hidden: [...s.hidden] };
}

/**
 * Make the parts agree: an input that fits the task (a link without `in=` gets its task's
 * default input silently; only a linked input of the other task is a problem), a layer within
 * the depth, same α applied.
 */
function reconcile(s: UrlState, problems: string[], inputLinked: boolean) {
  if (isTwoQubitInput(s.input) !== (s.task === 'entanglement')) {
    if (inputLinked) problems.push(`input: ${s.input.kind} is not an input of the ${s.task} task; using its default input`);
    s.input = DEFAULT_INPUTS[s.task];
  }
  if (s.selectedLayer > s.blocks.length) {
    problems.push(`selected layer: ${s.selectedLayer} is beyond the last layer ${s.blocks.length}`);
    s.selectedLayer = s.blocks.length;
  }
  if (s.sameAlpha) for (const b of s.blocks) b.alpha = s.globalAlpha;
}

/**
 * Read a hash (with or without the leading '#'). Missing fields take their defaults; a field
 * whose value is rejected keeps `previous`'s value and adds a problem naming it. An empty hash
 * is the default view. A hash that is too long, has no version or another version is not read
 * at all: the result is `previous`, with one problem saying why. Never throws.
 */
export function decodeHash(hash: string, previous: UrlState = defaultUrlState()): DecodedHash {
  try {
    return decodeUnsafe(hash, previous);
  } catch (e) {
    // Only a bug can get here; the link is then ignored rather than breaking the page.
    return { state: cloneState(previous), problems: [`link: could not be read (${e instanceof Error ? e.message : String(e)})`] };
  }
}

/** The end of the one problem of a link that was not read at all. */
export const NOTHING_READ = 'nothing was read from it';

/**
 * The heading of the link notice: a link that was not read at all says so, and never that
 * "the rest of the view was restored".
 */
export function linkNoticeHeading(problems: readonly string[]): string {
  return problems.some((p) => p.endsWith(NOTHING_READ))
    ? 'This link could not be read (nothing in it was used):'
    : 'Some parts of this link could not be used (the rest of the view was restored):';
}

/**
 * Whether a hash tells nothing about the view: empty, or not read at all (no or another
 * version, too long, not a link). Such a page opens the first-visit view (firstVisit.ts); the
 * problem, if any, is still shown. A readable link, even one naming only a task, is taken as it is.
 */
export function linkReadsNothing(hash: string): boolean {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return true;
  return decodeHash(text).problems.some((p) => p.endsWith(NOTHING_READ));
}

/**
 * A hash percent-encoded once or twice too often — `v%3D1%26ga%3D0.54` (mail clients, chat
 * apps and URL shorteners do this) or `v%253D1…` — decoded until it has its own `=` / `&`
 * again (at most 3 rounds; a broken %-escape stops it).
 */
export function unwrapEncodedHash(text: string): string {
  let t = text;
  for (let round = 0; round < 3; round++) {
    const looksEncoded = (/%3D/i.test(t) && !t.includes('=')) || (/%26/i.test(t) && !t.includes('&')) || /%25(3D|26)/i.test(t);
    if (!looksEncoded) break;
    try {
      t = decodeURIComponent(t);
    } catch {
      break;
    }
  }
  return t;
}

/**
 * The field keys a hash gives (after unwrapEncodedHash), e.g. {'v', 'model', 'd', 'in'}: a link
 * naming a trained model keeps the model's own α and activations unless it gives them.
 */
export function linkedKeys(hash: string): Set<string> {
  const text = unwrapEncodedHash(hash.startsWith('#') ? hash.slice(1) : hash);
  return new Set(text.split('&').filter(Boolean).map((pair) => (pair.includes('=') ? pair.slice(0, pair.indexOf('=')) : pair)));
}

/** A field value with stray %-escapes (`0.5%2C0`), decoded when that is clean; the model name decodes itself. */
function unescapeValue(key: string, value: string): string {
  if (key === 'model' || !value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function decodeUnsafe(hash: string, previous: UrlState): DecodedHash {
  const text = unwrapEncodedHash(hash.startsWith('#') ? hash.slice(1) : hash);
  if (text.trim() === '') return { state: defaultUrlState(), problems: [] };
  const keep = (problem: string): DecodedHash => ({ state: cloneState(previous), problems: [problem] });
  if (text.length > URL_LIMITS.maxHashLength) return keep(`link: ${text.length} characters is longer than the ${URL_LIMITS.maxHashLength} this app reads; ${NOTHING_READ}`);

  const values = new Map<string, string>();
  const problems: string[] = [];
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = unescapeValue(key, eq < 0 ? '' : pair.slice(eq + 1));
    if (key === 'v' || FIELD_BY_KEY.has(key)) values.set(key, value);
    else problems.push(`link: unknown field ${quote(key)} (ignored)`);
  }

  const version = values.get('v');
  if (version === undefined) return keep(`version: the link has no version field (this app reads v=${URL_VERSION}); ${NOTHING_READ}`);
  if (version !== String(URL_VERSION)) return keep(`version: links of version ${quote(version)} are not supported (this app reads v=${URL_VERSION}); ${NOTHING_READ}`);

  const state = defaultUrlState();
  let inputRead = false;
  for (const f of FIELDS) {
    const raw = values.get(f.key);
    if (raw === undefined) continue;
    const before = problems.length;
    f.decode(raw, state, previous, problems);
    if (f.key === 'in') inputRead = problems.length === before;
  }
  // An `in=` that could not be read is already named; the default input standing in for it is
  // not a second problem ("bell is not an input of the digits task" for in=mnist:99999999).
  reconcile(state, problems, inputRead);
  const rawInput = values.get('in');
  const rejectedMatrix = rawInput?.startsWith('matrix:') && state.input.kind !== 'matrix' ? (matrixNumbers(rawInput.slice('matrix:'.length)) ?? undefined) : undefined;
  if (problems.length > URL_LIMITS.maxProblems) {
    const more = problems.length - URL_LIMITS.maxProblems + 1;
    problems.splice(URL_LIMITS.maxProblems - 1, problems.length, `link: ${more} more problems`);
  }
  return rejectedMatrix ? { state, problems, rejectedMatrix } : { state, problems };
}

/** Problems with `s` against the limits (empty when every value is within them); for tests and guards. */
export function limitViolations(s: UrlState): string[] {
  const out: string[] = [];
  const inRange = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;
  if (s.task !== 'entanglement' && s.task !== 'digits') out.push('task');
  if (!Number.isInteger(s.blocks.length) || s.blocks.length > EXPLORER_LIMITS.maxDepth) out.push('depth');
  s.blocks.forEach((b, k) => {
    if (!inRange(b.alpha, 0, 1)) out.push(`alpha ${k}`);
    if (!inRange(b.gain, EXPLORER_LIMITS.minGain, EXPLORER_LIMITS.maxGain)) out.push(`gain ${k}`);
    if (!Number.isInteger(b.seed) || !inRange(b.seed, 0, URL_LIMITS.maxSeed)) out.push(`seed ${k}`);
    if (!ACTIVATIONS.includes(b.activation)) out.push(`activation ${k}`);
  });
  if (!Number.isInteger(s.readoutSeed) || !inRange(s.readoutSeed, 0, URL_LIMITS.maxSeed)) out.push('readout seed');
  if (!inRange(s.globalAlpha, 0, 1)) out.push('global alpha');
  if (!Number.isInteger(s.selectedLayer) || !inRange(s.selectedLayer, 0, s.blocks.length)) out.push('selected layer');
  if (isTwoQubitInput(s.input) !== (s.task === 'entanglement')) out.push('input task');
  if (s.input.kind === 'werner' && !inRange(s.input.p, 0, 1)) out.push('werner p');
  if (s.input.kind === 'mnist' && (!Number.isInteger(s.input.index) || !inRange(s.input.index, 0, URL_LIMITS.maxMnistIndex))) out.push('mnist index');
  if (s.input.kind === 'drawn' && (s.input.pixels.length !== PIXELS || s.input.pixels.some((v) => !inRange(v, 0, 1)))) out.push('drawn');
  if (s.model !== null && (s.model.length === 0 || s.model.length > URL_LIMITS.maxModelNameLength)) out.push('model');
  return out;
}

/** The URL's part of the explorer store. */
export function urlStateOf(st: {
  stack: { task: TaskName; blocks: BlockParams[]; readoutSeed: number; trained?: { name: string } };
  input: InputSpec;
  sameAlpha: boolean;
  globalAlpha: number;
  selectedLayer: number;
  view: ViewOptions;
  panel: PanelName | null;
  hidden: HideableControl[];
}): UrlState {
  return {
    task: st.stack.task,
    input: st.input,
    blocks: st.stack.blocks.map((b) => ({ alpha: b.alpha, activation: b.activation, gain: b.gain, seed: b.seed })),
    readoutSeed: st.stack.readoutSeed,
    sameAlpha: st.sameAlpha,
    globalAlpha: st.globalAlpha,
    selectedLayer: st.selectedLayer,
    view: { ...st.view },
    panel: st.panel,
    hidden: [...st.hidden],
    model: st.stack.trained?.name ?? null,
  };
}
