/**
 * `hqrn sweep` (docs/math.md §11): a grid of training runs — any train setting may be a comma
 * list (`--alpha 0.3,0.5,0.7 --depth 1,2,4 --seed 1,2,3`) — run in parallel on worker threads
 * (--jobs, default the machine's cores), each with its run card. Progress and time left on
 * stderr; stdout: {"runs": [run cards], "table": [per setting: mean ± std over the seeds]};
 * --csv FILE writes the table, --out DIR each model file. Results do not depend on --jobs.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type GridAxis, gridProduct, sweepTable, tableCsv } from '../core/io/sweep';
import { intOption, listOption, UsageError } from './args';
import { sweepRunBundle } from './sweepBundle';
import { dataKey, runSweepItem } from './sweepRun';
import { parseTrainSettings, type TrainResult, type TrainSettings, trainCommand, type Values } from './train';
import { type RunCard, validateRunCard } from '../core/io/runCard';

/** The options that may be lists, in the grid's order (the seed varies fastest). */
export const GRID_KEYS = ['depth', 'alpha', 'activation', 'mode', 'epochs', 'lr', 'batch', 'seed'] as const;

/** Every combination of the list options (src/core/io/sweep.ts gridProduct), as parsed (and so validated) settings. */
export function sweepGrid(values: Values): TrainSettings[] {
  const axes: GridAxis<string>[] = [];
  for (const k of GRID_KEYS) {
    const list = listOption(typeof values[k] === 'string' ? (values[k] as string) : undefined);
    if (!list) continue;
    if (!list.length) throw new UsageError(`--${k}: empty list`);
    axes.push({ key: k, values: list });
  }
  return gridProduct({ ...values }, axes).map(parseTrainSettings);
}

// The table and its CSV are shared with the studio's sweep builder.
export { sweepTable, type TableRow, tableCsv } from '../core/io/sweep';

/** Run the items on `jobs` worker threads (data affinity: a worker prefers runs whose data it holds). */
async function runParallel(items: TrainSettings[], jobs: number, date: string | undefined, onDone: (i: number) => void): Promise<TrainResult[]> {
  const results: TrainResult[] = new Array(items.length);
  // the longest runs first (greedy training costs ~ depth × epochs), so that no long run is left for the end
  const cost = (s: TrainSettings) => s.depth * s.epochs;
  const pending = items.map((_, i) => i).sort((a, b) => cost(items[b]) - cost(items[a]) || a - b);
  // one prebuilt module instead of tsx in every thread (sweepBundle.ts); null: tsx
  const bundle = await sweepRunBundle();
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./sweepWorker.mjs', import.meta.url), { workerData: { bundle } }));
  const held = workers.map(() => new Set<string>());
  try {
    await Promise.all(
      workers.map(
        (w, wi) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const next = () => {
              if (!pending.length) return resolve();
              // data affinity: a run whose data this worker holds, else data no worker holds yet
              let k = pending.findIndex((i) => held[wi].has(dataKey(items[i])));
              if (k < 0) k = pending.findIndex((i) => !held.some((h) => h.has(dataKey(items[i]))));
              if (k < 0) k = 0;
              current = pending.splice(k, 1)[0];
              held[wi].add(dataKey(items[current]));
              w.postMessage({ id: current, settings: items[current], date });
            };
            w.on('message', (m: { ready?: boolean; id?: number; result?: TrainResult; error?: string }) => {
              if (m.ready) return next();
              if (m.error !== undefined) return reject(m.error.startsWith('internal error: ') ? new Error(m.error.slice(16)) : new UsageError(m.error));
              results[m.id!] = m.result!;
              onDone(m.id!);
              next();
            });
            w.on('error', reject);
            w.on('exit', (code) => current >= 0 && results[current] === undefined && reject(new Error(`sweep worker exited with code ${code}`)));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * A sweep split across machines: `--commands FILE` writes the grid as one `hqrn train … --out
 * run-NNN.json` line per run (nothing is trained; any job runner runs the lines); `--collect
 * DIR` reads the model files in DIR (their run cards) and gives the table of a sweep.
 */
function collect(dir: string, values: Values): unknown {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const runs: RunCard[] = [];
  for (const f of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      throw new UsageError(`--collect: ${f} is not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const run = (data as { run?: unknown } | null)?.run;
    if (run === undefined) throw new UsageError(`--collect: ${f} has no run card ("run"); it was not written by hqrn train / sweep`);
    try {
      runs.push(validateRunCard(run));
    } catch (e) {
      throw new UsageError(`--collect: ${f}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!runs.length) throw new UsageError(`--collect: no .json model files in ${dir}`);
  const table = sweepTable(runs);
  if (typeof values.csv === 'string') writeFileSync(values.csv, tableCsv(table));
  return { runs, table };
}

export async function sweep(values: Values, log: (line: string) => void): Promise<unknown> {
  if (typeof values.collect === 'string') return collect(values.collect, values);
  const items = sweepGrid(values);
  if (typeof values.commands === 'string') {
    const lines = items.map((s, i) => trainCommand(s, `run-${String(i + 1).padStart(3, '0')}.json`));
    writeFileSync(values.commands, `${lines.join('\n')}\n`);
    log(`sweep: ${items.length} hqrn train lines written to ${values.commands} (nothing trained)`);
    return { runs: items.length, commands: values.commands };
  }
  const jobs = Math.min(items.length, intOption('jobs', typeof values.jobs === 'string' ? values.jobs : undefined, 1, availableParallelism()));
  const date = typeof values.date === 'string' ? values.date : undefined;
  const t0 = Date.now();
  let done = 0;
  const progress = () => {
    done++;
    const el = (Date.now() - t0) / 1000;
    log(`sweep: ${done}/${items.length} runs, ${el.toFixed(1)} s elapsed, ~${((el / done) * (items.length - done)).toFixed(0)} s left`);
  };
  log(`sweep: ${items.length} runs on ${jobs} ${jobs === 1 ? 'thread' : 'worker threads'}`);
  let results: TrainResult[];
  if (jobs === 1) {
    results = [];
    for (const s of items) {
      results.push(await runSweepItem(s, date));
      progress();
    }
  } else results = await runParallel(items, jobs, date, progress);
  const outDir = typeof values.out === 'string' ? values.out : undefined;
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    results.forEach((r, i) => writeFileSync(join(outDir, `run-${String(i + 1).padStart(3, '0')}.json`), `${JSON.stringify(r.model)}\n`));
  }
  const runs = results.map((r) => r.run);
  const table = sweepTable(runs);
  if (typeof values.csv === 'string') writeFileSync(values.csv, tableCsv(table));
  log(`sweep: ${items.length} runs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { runs, table };
}
