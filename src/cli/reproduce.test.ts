/**
 * `hqrn reproduce entanglement --quick` (docs/math.md §11): CSV + SVG + run cards; the files'
 * own `command` re-makes the CSV byte for byte, and a run card's `command` re-trains a model
 * whose test accuracy is the CSV's at the full depth.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'hqrn-reproduce-'));
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '',
    stderr = '';
  const code = await main(
    argv,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { code, stdout, stderr };
}

const COLUMNS = [
  'depth',
  'accuracy',
  'balancedAccuracy',
  'dephasedPartners',
  'dephasedBalanced',
  'marginalPartners',
  'marginalBalanced',
  'classicalPathAccuracy',
  'classicalPathDephasedBalanced',
];

describe('hqrn reproduce entanglement --quick', () => {
  it('writes the CSV, a well-formed SVG with its five series and run cards whose commands reproduce the files', async () => {
    const out = join(dir, 'a');
    const r = await run(['reproduce', 'entanglement', '--quick', '--out', out, '--date', 'none']);
    expect(r.code, r.stderr).toBe(0);

    // CSV: the header, one row per depth 1..3, every figure an accuracy in [0, 1]
    const csv = readFileSync(join(out, 'entanglement.csv'), 'utf8');
    const lines = csv.trimEnd().split('\n');
    expect(lines[0].split(',')).toEqual(COLUMNS);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([1, 2, 3]);
    for (const l of lines.slice(1)) {
      const xs = l.split(',').slice(1).map(Number);
      expect(xs).toHaveLength(COLUMNS.length - 1);
      for (const x of xs) expect(x >= 0 && x <= 1).toBe(true);
    }
    // accuracy and balanced accuracy coincide on the balanced test set (half entangled)
    const res = JSON.parse(r.stdout);
    expect(res.table.map((row: Record<string, number>) => row.accuracy)).toEqual(lines.slice(1).map((l) => Number(l.split(',')[1])));

    // SVG: well-formed (balanced tags), one polyline of 3 points and one legend entry per series
    const svg = readFileSync(join(out, 'entanglement.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
    const opened = (svg.match(/<(?!\/)[a-z]+[^>]*[^/]>/g) ?? []).length;
    const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length;
    expect(opened).toBe(closed);
    const polylines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)];
    expect(polylines).toHaveLength(5);
    for (const p of polylines) expect(p[1].trim().split(/\s+/)).toHaveLength(3);
    for (const name of ['accuracy', 'balancedAccuracy', 'dephasedBalanced', 'marginalBalanced', 'classicalPathAccuracy'])
      expect(svg).toContain(`>${name}</text>`);

    // run cards: the fields of §11, and the file's command re-makes the CSV byte for byte
    const cards = JSON.parse(readFileSync(join(out, 'entanglement-run.json'), 'utf8'));
    expect(cards.command).toBe(`hqrn reproduce entanglement --quick --seed 1 --date none --out ${out}`);
    const card = cards.runs[0];
    expect(Object.keys(card.app)).toEqual(['name', 'version', 'commit']);
    expect(card.seed).toBe(1);
    expect(card.data).toMatchObject({ source: 'generator', n: 400, generatorSeed: 1 });
    expect(card.settings).toMatchObject({ task: 'entanglement', depth: 3, mode: 'greedy', nTrain: 400, nTest: 400 });
    expect(card.metrics.perDepth).toHaveLength(3);

    const again = join(dir, 'b');
    const argv = cards.command.split(' ').slice(1);
    argv[argv.length - 1] = again;
    expect((await run(argv)).code).toBe(0);
    expect(readFileSync(join(again, 'entanglement.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(join(again, 'entanglement.svg'), 'utf8')).toBe(svg);

    // the run card's own command (hqrn train …) re-trains the depth-3 model: its test accuracy is the CSV's
    const model = join(dir, 'model.json');
    const t = await run([...card.command.split(' ').slice(1), '--date', 'none', '--out', model]);
    expect(t.code, t.stderr).toBe(0);
    const trained = JSON.parse(readFileSync(model, 'utf8'));
    expect(trained.run.metrics.accuracy).toBeCloseTo(Number(lines[3].split(',')[1]), 4);
  }, 30000);
});
