/**
 * The studio's "Reproduce the paper" (docs/math.md §7, §11): one seed of the paper-style
 * entanglement experiment, the same definition as `hqrn reproduce entanglement`
 * (src/core/hqrn/paperEntanglement.ts) on the float64 core. The app calls it once per seed, so
 * that a cancel takes effect between seeds (one seed of the full preset: about 1–3 s).
 */
import {
  entanglementPerDepth,
  entanglementSplit,
  type GeneratorSplitsData,
  generatorSplitsData,
  type PaperRow,
  type PaperSettings,
  paperSettings,
} from '../../../src/core/hqrn/paperEntanglement';
import { ENTANGLEMENT_REQUEST } from '../../../src/protocol/experiments';

export interface PaperSeedResult {
  settings: PaperSettings;
  /** One row per depth 1..settings.depth. */
  rows: PaperRow[];
  /** The run card's data (the §7 generator with its seeds). */
  data: GeneratorSplitsData;
  seconds: number;
}

/** One seed of the experiment (quick: the CLI's --quick sizes). Errors: a seed that is not a whole number ≥ 0. */
export function runPaperEntanglementSeed(quick: boolean, seed: number): PaperSeedResult {
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`paper experiment: the seed must be a whole number ≥ 0, got ${seed}`);
  const t0 = performance.now();
  const s = paperSettings(ENTANGLEMENT_REQUEST as Parameters<typeof paperSettings>[0], quick, seed);
  const train = entanglementSplit('train', seed, s.nTrain);
  const test = entanglementSplit('test', seed, s.nTest);
  const rows = entanglementPerDepth(s, train, test);
  return {
    settings: s,
    rows,
    data: generatorSplitsData(train, test),
    seconds: (performance.now() - t0) / 1000,
  };
}
