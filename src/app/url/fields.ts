/**
 * THE table of URL fields (FIELDS): for each field its short key, the name used in messages,
 * its codec (type and limits) and where it reads from and writes to a UrlState — one row per
 * field, as TensorFlow Playground's state.ts. Fields equal to their default are left out
 * (compact links). Which explorer store keys the link holds at all is the persistence table's
 * (src/app/explorer/persistence.ts), checked against this one by a test.
 */
import type { Activation } from '../../core/hqrn/activation';
import { EXPLORER_LIMITS, type DatasetRef, type InputSpec, type TaskName } from '../../protocol/explorer';
import { LIMITS } from '../../protocol/inputs';
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
import { boolCodec, enumCodec, numberCodec, quote, type Codec } from './codecs';
import { inputCodec, seedCodec } from './inputCodec';
import { TRAINING_FIELDS } from './trainingFields';
import { DEFAULT_FORM, type TrainForm } from '../training/form';
import { LESSONS } from '../../content/lessons';

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
  /** The imported dataset of a dataset stack (StackSpec.dataset), or null. */
  dataset: DatasetRef | null;
  /** The Training studio's form (its own store, src/app/training/store.ts). */
  training: TrainForm;
  /** The open lesson's id (src/content/lessons), or null. */
  lesson: string | null;
  /** The lesson's step, 1-based (1 without a lesson). */
  step: number;
  /** Presentation mode (sized for a 1920×1080 projector). */
  presentation: boolean;
}

// The defaults are the store's (a fresh page), so a link leaves out exactly what a fresh page has.
const FRESH_STACK = defaultStack('entanglement');
export const DEFAULT_DEPTH = FRESH_STACK.blocks.length;
export const DEFAULT_INPUTS = DEFAULT_INPUT;

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
    dataset: null,
    training: { ...DEFAULT_FORM },
    lesson: null,
    step: 1,
    presentation: false,
  };
}

const alphaCodec = numberCodec(0, 1);
const gainCodec = numberCodec(EXPLORER_LIMITS.minGain, EXPLORER_LIMITS.maxGain);
const ACTIVATION_CODES: Record<Activation, string> = { relu: 'r', softplus: 'sp', sigmoid: 'sg', exp: 'e' };
const activationCodec = enumCodec<Activation>(ACTIVATION_CODES);

// ---------------------------------------------------------------------------------------------
// The table. Order matters for reading: depth before the per-block lists, the lists before
// the same-α fields, task before input.

export interface Field {
  key: string;
  /** Name in messages, e.g. "depth" or (per block) "α" → "α of block 3". */
  name: string;
  /** The value as text, or undefined to leave the field out (it equals its default). */
  encode(s: UrlState): string | undefined;
  /** Read `raw` into `s`; on a problem keep the value of `previous`. */
  decode(raw: string, s: UrlState, previous: UrlState, problems: string[]): void;
  /** The store it belongs to: the explorer's (absent) or the Training studio's. */
  store?: 'training';
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
function perBlock<K extends keyof BlockParams>(
  key: string,
  name: string,
  prop: K,
  codec: Codec<BlockParams[K]>,
  skip?: (s: UrlState) => boolean,
  withModel = false,
): Field {
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
/** The longest lesson's step count: `step` is checked against its own lesson by hash.ts's reconcile. */
const MAX_STEPS = Math.max(1, ...Object.values(LESSONS).map((l) => l.steps.length));
const stepCodec = numberCodec(1, MAX_STEPS, true);

export const FIELDS: readonly Field[] = [
  scalar(
    't',
    'task',
    enumCodec<TaskName>({ entanglement: 'ent', digits: 'dig' }),
    (s) => s.task,
    (s, v) => (s.task = v),
  ),
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
  scalar(
    'sa',
    'same α everywhere',
    boolCodec,
    (s) => s.sameAlpha,
    (s, v) => (s.sameAlpha = v),
  ),
  scalar(
    'ga',
    'global α',
    alphaCodec,
    (s) => s.globalAlpha,
    (s, v) => (s.globalAlpha = v),
  ),
  // With "same α everywhere" every block has the global α, so the list is left out — except
  // with a model: a model link without α gets the model's own (see linkedKeys).
  perBlock('a', 'α', 'alpha', alphaCodec, (s) => s.sameAlpha && s.model === null, true),
  perBlock('f', 'activation', 'activation', activationCodec, undefined, true),
  perBlock('g', 'gain', 'gain', gainCodec),
  perBlock('s', 'seed', 'seed', seedCodec),
  scalar(
    'rs',
    'readout seed',
    seedCodec,
    (s) => s.readoutSeed,
    (s, v) => (s.readoutSeed = v),
  ),
  scalar(
    'in',
    'input',
    inputCodec,
    (s) => s.input,
    (s, v) => (s.input = v),
  ),
  scalar(
    'l',
    'selected layer',
    numberCodec(0, EXPLORER_LIMITS.maxDepth, true),
    (s) => s.selectedLayer,
    (s, v) => (s.selectedLayer = v),
  ),
  scalar(
    'mv',
    'matrix view',
    enumCodec<MatrixView>({ heatmap: 'heat', hinton: 'hinton', city: 'city' }),
    (s) => s.view.matrixView,
    (s, v) => (s.view.matrixView = v),
  ),
  scalar(
    'cs',
    'colour scale',
    enumCodec<ColourScale>({ fixed: 'fixed', 'per-layer': 'layer' }),
    (s) => s.view.colourScale,
    (s, v) => (s.view.colourScale = v),
  ),
  scalar(
    'pal',
    'palette',
    enumCodec<Palette>({ default: 'std', 'colour-blind': 'cb' }),
    (s) => s.view.palette,
    (s, v) => (s.view.palette = v),
  ),
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
      if (name.trim() === '' || name.length > LIMITS.maxModelNameLength.value) {
        problems.push(`model: a name of ${name.length} characters (expected 1–${LIMITS.maxModelNameLength.value})`);
        s.model = previous.model;
      } else s.model = name;
    },
  },
  {
    // The dataset of a dataset stack: SHA-256:states:qubits:NAMES, NAMES the base64url of the
    // UTF-8 JSON [name, [class, …]] (no %-escapes: a name like "%3D" survives the hash unwrapping).
    key: 'ds',
    name: 'dataset',
    encode: (s) =>
      s.dataset === null
        ? undefined
        : [s.dataset.sha256, s.dataset.size, s.dataset.nQubits, base64url(JSON.stringify([s.dataset.name, s.dataset.classes]))].join(':'),
    decode: (raw, s, previous, problems) => {
      const d = decodeDatasetRef(raw);
      if ('problem' in d) {
        problems.push(`dataset: ${d.problem}`);
        s.dataset = previous.dataset;
      } else s.dataset = d.value;
    },
  },
  {
    key: 'lesson',
    name: 'lesson',
    encode: (s) => (s.lesson === null ? undefined : s.lesson),
    decode: (raw, s, previous, problems) => {
      if (Object.hasOwn(LESSONS, raw)) s.lesson = raw;
      else {
        problems.push(`lesson: ${quote(raw)} is not one of ${Object.keys(LESSONS).join(', ')}`);
        s.lesson = previous.lesson;
      }
    },
  },
  // Written whenever a lesson is open (a teacher's link names its step, even step 1).
  {
    key: 'step',
    name: 'lesson step',
    encode: (s) => (s.lesson === null ? undefined : stepCodec.encode(s.step)),
    decode: (raw, s, previous, problems) => {
      const d = stepCodec.decode(raw);
      if ('problem' in d) {
        problems.push(`lesson step: ${d.problem}`);
        s.step = previous.step;
      } else s.step = d.value;
    },
  },
  scalar(
    'pres',
    'presentation mode',
    boolCodec,
    (s) => s.presentation,
    (s, v) => (s.presentation = v),
  ),
  // The Training studio's settings (read after the explorer's: the studio's task before its sizes).
  ...TRAINING_FIELDS,
];

/** Base64url (RFC 4648 §5, no padding) of the UTF-8 bytes of `text`. */
function base64url(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of base64url `b64` (throws on a malformed one). */
function fromBase64url(b64: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(b64)) throw new Error('not base64url');
  const bin = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Read the `ds` field (see FIELDS): a 64-hex SHA-256, the number of states, 1..6 qubits, the file name and ≥ 2 class names. */
export function decodeDatasetRef(raw: string): { value: DatasetRef } | { problem: string } {
  const parts = raw.split(':');
  if (parts.length !== 4) return { problem: `${quote(raw.slice(0, 40))} is not SHA-256:states:qubits:names` };
  const [sha256, sizeText, qubitsText, namesText] = parts;
  if (!/^[0-9a-f]{64}$/.test(sha256)) return { problem: `${quote(sha256.slice(0, 20))} is not a SHA-256 (64 hex digits)` };
  const size = Number(sizeText),
    nQubits = Number(qubitsText);
  if (!Number.isInteger(size) || size < 1) return { problem: `the number of states ${quote(sizeText)} is not an integer ≥ 1` };
  if (!Number.isInteger(nQubits) || nQubits < 1 || nQubits > 6) return { problem: `the number of qubits ${quote(qubitsText)} is not 1 to 6` };
  let names: unknown;
  try {
    names = JSON.parse(fromBase64url(namesText));
  } catch {
    return { problem: 'the file and class names are not readable (base64url of a JSON list)' };
  }
  const [name, classes] = Array.isArray(names) ? names : [];
  if (typeof name !== 'string' || name.trim() === '' || name.length > LIMITS.maxModelNameLength.value)
    return { problem: `the file name must be 1–${LIMITS.maxModelNameLength.value} characters` };
  if (!Array.isArray(classes) || classes.length < 2 || classes.some((c) => typeof c !== 'string' || c === ''))
    return { problem: 'at least two non-empty class names are needed' };
  return { value: { sha256, size, nQubits, name, classes: classes as string[] } };
}
