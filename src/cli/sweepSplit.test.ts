/**
 * A sweep split across machines (docs/cli.md): --commands writes one `hqrn train` line per run of
 * the grid; the model files those lines write, --collect'ed, give the table `hqrn sweep` gives.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweep } from './sweep';
import { parseTrainSettings, runTraining, type Values } from './train';

const dir = mkdtempSync(join(tmpdir(), 'hqrn-sweep-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hqrn sweep --commands / --collect', () => {
  it('one train line per run; the collected model files give the sweep table', async () => {
    const grid: Values = { task: 'entanglement', 'n-train': '60', 'n-test': '40', epochs: '1', depth: '1', alpha: '0.3,0.6', seed: '1,2', date: 'none' };
    const file = join(dir, 'runs.txt');
    const out = (await sweep({ ...grid, commands: file }, () => {})) as { runs: number };
    expect(out.runs).toBe(4);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^hqrn train .*--alpha 0\.6 .*--seed 2 --out run-004\.json$/);
    // each line, run here (as a job runner would, one machine each), writes its model file
    for (const line of lines) {
      const argv = line.split(' ').slice(2);
      const values: Values = {};
      for (let i = 0; i < argv.length; i += 2) values[argv[i].slice(2)] = argv[i + 1];
      const r = await runTraining(parseTrainSettings(values), { date: 'none' });
      writeFileSync(join(dir, values.out as string), JSON.stringify(r.model));
    }
    const collected = (await sweep({ collect: dir }, () => {})) as { table: unknown[] };
    const whole = (await sweep({ ...grid, jobs: '1' }, () => {})) as { table: unknown[] };
    expect(collected.table).toEqual(whole.table);
    expect(collected.table).toHaveLength(2);
  }, 60_000);

  it('--collect refuses a file without a run card, naming it', async () => {
    const d2 = mkdtempSync(join(tmpdir(), 'hqrn-sweep-bad-'));
    writeFileSync(join(d2, 'x.json'), '{"format": "hqrn-model"}');
    await expect(sweep({ collect: d2 }, () => {})).rejects.toThrow(/x\.json has no run card/);
    rmSync(d2, { recursive: true, force: true });
  });
});
