/**
 * The view as a URL hash, e.g. `#v=1&t=ent&d=3&sa=0&a=0.5,0.5,0.3&in=werner:0.4&l=2`: encodeHash
 * and decodeHash, driven by the field table (./fields.ts), and the texts of the link notice.
 * decodeHash never throws: it returns the state it could read plus a list of problems, each
 * naming its field; a rejected value keeps the previous value. Weights never go in the URL: a
 * trained model is referred to by name (`model=`).
 */
import { LIMITS } from '../../protocol/inputs';
import { quote } from './codecs';
import { DEFAULT_INPUTS, defaultUrlState, FIELDS, type UrlState } from './fields';
import { isTwoQubitInput, matrixNumbers } from './inputCodec';
import { LESSONS } from '../../content/lessons';

export const URL_VERSION = 1;

export interface DecodedHash {
  state: UrlState;
  /** One line per problem, each starting with the field it concerns. */
  problems: string[];
  /**
   * A 4×4 matrix input that was read as numbers but is not a state within the tolerance: not
   * used, but offered to the matrix editor ("Use the nearest state", docs/math.md §10).
   */
  rejectedMatrix?: { re: number[][]; im: number[][] };
}

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
  return {
    ...s,
    blocks: s.blocks.map((b) => ({ ...b })),
    view: { ...s.view },
    hidden: [...s.hidden],
    training: { ...s.training },
    dataset: s.dataset && { ...s.dataset, classes: [...s.dataset.classes] },
  };
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
  if (s.input.kind === 'dataset' && s.dataset === null) {
    problems.push('input: a state of a dataset needs the dataset (ds=); using the default input');
    s.input = DEFAULT_INPUTS[s.task];
  }
  if (s.dataset !== null && s.task !== 'entanglement') s.dataset = null;
  if (s.selectedLayer > s.blocks.length) {
    problems.push(`selected layer: ${s.selectedLayer} is beyond the last layer ${s.blocks.length}`);
    s.selectedLayer = s.blocks.length;
  }
  if (s.sameAlpha) for (const b of s.blocks) b.alpha = s.globalAlpha;
  const lesson = s.lesson === null ? undefined : LESSONS[s.lesson];
  if (!lesson) s.step = 1;
  else if (s.step > lesson.steps.length) {
    problems.push(`lesson step: ${s.step} is beyond the last step ${lesson.steps.length} of “${lesson.title}”`);
    s.step = lesson.steps.length;
  }
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
  return new Set(
    text
      .split('&')
      .filter(Boolean)
      .map((pair) => (pair.includes('=') ? pair.slice(0, pair.indexOf('=')) : pair)),
  );
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
  if (text.length > LIMITS.maxHashLength.value)
    return keep(`link: ${text.length} characters is longer than the ${LIMITS.maxHashLength.value} this app reads; ${NOTHING_READ}`);

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
  if (version !== String(URL_VERSION))
    return keep(`version: links of version ${quote(version)} are not supported (this app reads v=${URL_VERSION}); ${NOTHING_READ}`);

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
  const rejectedMatrix =
    rawInput?.startsWith('matrix:') && state.input.kind !== 'matrix' ? (matrixNumbers(rawInput.slice('matrix:'.length)) ?? undefined) : undefined;
  if (problems.length > LIMITS.maxProblems.value) {
    const more = problems.length - LIMITS.maxProblems.value + 1;
    problems.splice(LIMITS.maxProblems.value - 1, problems.length, `link: ${more} more problems`);
  }
  return rejectedMatrix ? { state, problems, rejectedMatrix } : { state, problems };
}
