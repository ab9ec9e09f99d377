/**
 * The studio's "Reproduce the paper" (docs/math.md §7, §11): the paper-style entanglement
 * experiment, the same definition as `hqrn reproduce entanglement`
 * (src/core/hqrn/paperEntanglement.ts), one seed at a time in the engine worker
 * (paperEntanglementSeed), so that Cancel takes effect after the current seed; the figure is
 * the per-depth mean over the finished seeds, each seed with its run card.
 */
import { create } from 'zustand';
import { meanOverSeeds, type PaperRow } from '../../core/hqrn/paperEntanglement';
import type { RunCard } from '../../core/io/runCard';
import type { PaperSeedResult } from '../../../workers/engine/studies/paper';
import { appInfo } from '../about/about';
import { getEngine } from '../engine/engineClient';

/** The seeds of the full run (the CLI's default, `hqrn reproduce entanglement`). */
export const PAPER_SEEDS = [1, 2, 3];

/** The run card of one seed (the CLI line that re-runs it). */
export function paperRunCard(r: PaperSeedResult, quick: boolean, date: string): RunCard {
  const app = appInfo();
  const { seed, ...settings } = r.settings;
  return {
    app: { name: app.name, version: app.version, commit: app.commit === 'unknown' ? null : app.commit },
    date,
    backend: 'float64 core (src/core/hqrn/fit.ts) in the web worker',
    settings: settings as unknown as Record<string, unknown>,
    seed,
    data: r.data,
    metrics: { perDepth: r.rows },
    command: `hqrn reproduce entanglement${quick ? ' --quick' : ''} --seed ${seed} --out DIR`,
  };
}

export interface PaperState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  quick: boolean;
  seeds: number[];
  /** Seeds finished, and the per-seed rows. */
  perSeed: PaperRow[][];
  cards: RunCard[];
  table: PaperRow[];
  seconds: number[];
  error?: string;
  setQuick(quick: boolean): void;
  start(): void;
  cancel(): void;
}

let cancelFlag = false;

export const usePaper = create<PaperState>()((set, get) => ({
  status: 'idle',
  quick: false,
  seeds: PAPER_SEEDS,
  perSeed: [],
  cards: [],
  table: [],
  seconds: [],
  setQuick: (quick) => set({ quick }),
  start: () => {
    if (get().status === 'running') return;
    cancelFlag = false;
    const { quick, seeds } = get();
    set({ status: 'running', perSeed: [], cards: [], table: [], seconds: [], error: undefined });
    void (async () => {
      try {
        for (const seed of seeds) {
          if (cancelFlag) return set({ status: 'cancelled' });
          const r = (await getEngine().paperEntanglementSeed(quick, seed)) as PaperSeedResult;
          if (cancelFlag) return set({ status: 'cancelled' });
          const perSeed = [...get().perSeed, r.rows];
          set({
            perSeed,
            table: meanOverSeeds(perSeed),
            cards: [...get().cards, paperRunCard(r, quick, new Date().toISOString())],
            seconds: [...get().seconds, r.seconds],
          });
        }
        set({ status: 'done' });
      } catch (e) {
        const busy = e instanceof Error && /already in progress/.test(e.message);
        set({
          status: 'error',
          error: busy
            ? 'the engine is busy with a training run: wait for it to finish or cancel it, then press the button again.'
            : 'the experiment could not finish (the finished seeds stay); reload the page and try again, or run "hqrn reproduce entanglement --out DIR".',
        });
      }
    })();
  },
  cancel: () => {
    if (get().status === 'running') cancelFlag = true;
  },
}));
