/**
 * The limits a link is read against: the values of the one limits table (src/protocol/inputs.ts
 * LIMITS, where each has its reason), not written a second time; and limitViolations, the same
 * limits as a check of a whole UrlState (for tests and guards).
 */
import { ACTIVATIONS } from '../../core/hqrn/activation';
import { EXPLORER_LIMITS } from '../../protocol/explorer';
import { LIMITS } from '../../protocol/inputs';
import type { UrlState } from './fields';
import { isTwoQubitInput } from './inputCodec';

export const URL_LIMITS = {
  maxHashLength: LIMITS.maxHashLength.value,
  maxSeed: LIMITS.maxSeed.value,
  maxMnistIndex: LIMITS.maxMnistIndex.value,
  maxModelNameLength: LIMITS.maxModelNameLength.value,
  maxInputNesting: LIMITS.maxInputNesting.value,
  /** HQRN.md §10's 1e-6: the core's validateDensityMatrix decides whether a matrix is a state. */
  matrixTolerance: LIMITS.stateTolerance.value,
  maxProblems: LIMITS.maxProblems.value,
} as const;

const PIXELS = LIMITS.drawnPixels.value;

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
