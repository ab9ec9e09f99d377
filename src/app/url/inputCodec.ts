/**
 * Inputs in a link: `bell:phi+`, `werner:0.4`, `pure:SEED`, `mixed:SEED`, `product:SEED`,
 * `dephased:<input>`, `marginal:<input>`, `matrix:<16 Re>;<16 Im>` (row-major, comma-separated),
 * `mnist:INDEX`, `drawn:<pixels>` (784 bytes round(255·v) in hex, a run of n zeros as `zn.`).
 * The kinds, Bell states and limits are the vocabulary's (src/protocol/inputs.ts); a matrix is
 * a state when the core's validateDensityMatrix accepts it within docs/math.md §10's 1e-6.
 */
import { fromArrays } from '../../core/math/complex';
import { validateDensityMatrix } from '../../core/measures/measures';
import type { BellKind, InputSpec } from '../../protocol/explorer';
import { BELL_KINDS, isTwoQubitKind, LIMITS } from '../../protocol/inputs';
import { numberCodec, quote, type Codec, type Decoded } from './codecs';

const PIXELS = LIMITS.drawnPixels.value;
const MATRIX_DIM = LIMITS.matrixDim.value;
const probabilityCodec = numberCodec(0, 1);
const mnistCodec = numberCodec(0, LIMITS.maxMnistIndex.value, true);
const matrixEntryCodec = numberCodec(-1, 1);
export const seedCodec = numberCodec(0, LIMITS.maxSeed.value, true);

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
  if (out.length !== PIXELS)
    return { problem: `the drawing has ${out.length > PIXELS ? `more than ${PIXELS}` : out.length} pixels, expected ${PIXELS} (28×28)` };
  return { value: out };
}

/**
 * Whether a 4×4 matrix is a state: the core's validateDensityMatrix (Hermitian, unit trace,
 * positive semidefinite) with docs/math.md §10's tolerance 1e-6; the worker then uses its nearest
 * state. Returns the problem or null.
 */
function checkMatrix(re: number[][], im: number[][]): string | null {
  const tol = LIMITS.stateTolerance.value;
  const problem = validateDensityMatrix(fromArrays(re, im), tol);
  // The core writes full float64 numbers (-0.4999999999999999); a link notice shows 4 significant digits.
  const readable = problem?.replace(/-?\d+\.\d{5,}(e[+-]?\d+)?/g, (x) => String(Number(Number(x).toPrecision(4))));
  return problem === null ? null : `${readable} (tolerance ${tol.toExponential()})`;
}

function decodeMatrix(raw: string): Decoded<InputSpec> {
  const parts = raw.split(';');
  if (parts.length !== 2) return { problem: 'a matrix is written as 16 real parts ; 16 imaginary parts' };
  const rows: number[][][] = [];
  for (const [p, part] of parts.entries()) {
    const cells = part.split(',');
    if (cells.length !== MATRIX_DIM * MATRIX_DIM)
      return { problem: `the ${p === 0 ? 'real' : 'imaginary'} part has ${cells.length} entries, expected ${MATRIX_DIM * MATRIX_DIM} (4×4)` };
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
export function matrixNumbers(raw: string): { re: number[][]; im: number[][] } | null {
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
    case 'dataset':
      return `data:${input.index}`;
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
      if (nesting >= LIMITS.maxInputNesting.value) return { problem: `partners nested more than ${LIMITS.maxInputNesting.value} deep` };
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
    case 'data': {
      const k = Number(rest);
      return Number.isInteger(k) && k >= 0 && rest !== ''
        ? { value: { kind: 'dataset', index: k } }
        : { problem: `dataset state index: ${quote(rest)} is not an integer ≥ 0` };
    }
    case 'drawn': {
      const d = decodePixels(rest);
      return 'problem' in d ? { problem: `drawn digit: ${d.problem}` } : { value: { kind: 'drawn', pixels: d.value } };
    }
    default:
      return { problem: `${quote(kind)} is not an input kind (bell, werner, pure, mixed, product, dephased, marginal, matrix, mnist, drawn, data)` };
  }
}

/** Inputs of the two-qubit (entanglement) task; the others (mnist, drawn) are digits. */
export function isTwoQubitInput(input: InputSpec): boolean {
  return isTwoQubitKind(input.kind);
}

export const inputCodec: Codec<InputSpec> = { encode: encodeInput, decode: (raw) => decodeInput(raw) };
