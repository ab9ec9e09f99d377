import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../core/io/files';
import { writeCsvDataset } from '../core/io/csv';
import { makeRng } from '../core/math/rng';
import { TEST_SEED_OFFSET as ENGINE_TEST_SEED_OFFSET } from '../../workers/engine/train/data';
import { TEST_SEED_OFFSET } from './data';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'hqrn-research-'));
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '',
    stderr = '';
  const code = await main(
    argv,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { code, stdout, stderr };
}

/**
 * Diagonal two-qubit states ρ = diag(x) with label 1 iff x₀ + x₁ > ½, points within 0.05 of the
 * boundary left out: linearly separable in diag ρ, which the readout sees (accuracy ≥ 0.95 is achievable).
 */
function separableCsv(n: number, seed: number): string {
  const rng = makeRng(seed);
  const v = new Float64Array(n * 32);
  const labels: number[] = [];
  for (let s = 0; s < n; ) {
    const e = [0, 1, 2, 3].map(() => -Math.log(1 - rng.uniform()));
    const t = e.reduce((a, b) => a + b, 0);
    const x = e.map((y) => y / t);
    if (Math.abs(x[0] + x[1] - 0.5) < 0.05) continue;
    for (let i = 0; i < 4; i++) v[s * 32 + 5 * i] = x[i];
    labels.push(x[0] + x[1] > 0.5 ? 1 : 0);
    s++;
  }
  return writeCsvDataset(
    4,
    v,
    labels.map((l) => ['low', 'high'][l]),
  );
}

const train = join(dir, 'train.csv'),
  test = join(dir, 'test.csv');
writeFileSync(train, separableCsv(240, 1));
writeFileSync(test, separableCsv(200, 2));
const settings = ['--depth', '1', '--alpha', '0.7', '--activation', 'softplus', '--epochs', '25', '--lr', '0.05', '--batch', '16', '--seed', '3'];

describe('hqrn train → evaluate (docs/math.md §11)', () => {
  it('learns a linearly separable diagonal dataset (test accuracy ≥ 0.95), with a run card; evaluate agrees', async () => {
    const out = join(dir, 'm.json');
    const r = await run('train', '--data', train, '--test', test, ...settings, '--out', out);
    expect(r.stderr, r.stderr).toMatch(/train: wrote/);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.accuracy).toBeGreaterThanOrEqual(0.95);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    const model = parseModelFile(file);
    expect(model.readout!.classes).toEqual(['high', 'low']); // class names sorted
    expect(model.run).toMatchObject({
      app: { name: 'hqrn-explorer', version: expect.any(String) },
      backend: expect.stringMatching(/float64/),
      settings: { depth: 1, alpha: 0.7, activation: 'softplus', mode: 'greedy', epochs: 25, learningRate: 0.05, batchSize: 16 },
      seed: 3,
      data: { source: 'file', name: train, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), n: 240, test: { source: 'file', n: 200 } },
      metrics: { accuracy: res.accuracy, perDepth: [{ depth: 1 }] },
      command: `hqrn train --data ${train} --test ${test} --depth 1 --alpha 0.7 --activation softplus --mode greedy --epochs 25 --lr 0.05 --batch 16 --seed 3 --out ${out}`,
    });
    expect(Date.parse(model.run!.date!)).toBeGreaterThan(0);

    const ev = await run('evaluate', '--model', out, '--data', test);
    expect(ev.code).toBe(0);
    const e = JSON.parse(ev.stdout);
    expect(e.accuracy).toBe(res.accuracy); // the float64 core agrees with the trainer
    expect(e.classes).toEqual(['high', 'low']);
    expect(e.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(200);
    expect(e.confusion[0][0] + e.confusion[1][1]).toBe(Math.round(e.accuracy * 200));
    expect(e.run.data.sha256).toMatch(/^[0-9a-f]{64}$/);

    const states = join(dir, 'states.json');
    writeFileSync(
      states,
      JSON.stringify({
        states: [
          {
            re: [
              [0.9, 0, 0, 0],
              [0, 0.05, 0, 0],
              [0, 0, 0.05, 0],
              [0, 0, 0, 0],
            ],
            im: [
              [0, 0, 0, 0],
              [0, 0, 0, 0],
              [0, 0, 0, 0],
              [0, 0, 0, 0],
            ],
          },
        ],
      }),
    ); // no header
    const p = JSON.parse((await run('predict', '--model', out, '--states', states)).stdout);
    expect(p.predicted).toEqual([0]);
    expect(p.classNames).toEqual(['high']);
  });

  it('same settings and seed → byte-identical model files (--date none; end-to-end and greedy)', async () => {
    for (const mode of ['greedy', 'end-to-end']) {
      const a = join(dir, `a-${mode}.json`);
      const args = ['train', '--data', train, '--test-share', '0.3', ...settings, '--epochs', '3', '--mode', mode, '--date', 'none', '--out', a];
      expect((await run(...args)).code).toBe(0);
      const first = readFileSync(a, 'utf8');
      expect((await run(...args)).code).toBe(0);
      expect(readFileSync(a, 'utf8')).toBe(first);
      expect(JSON.parse(first).run.date).toBeUndefined();
      expect(JSON.parse(first).run.settings.mode).toBe(mode);
    }
  });

  it('bad input: exit 2 and one line naming the field', async () => {
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync(test, 'utf8').split('\n');
    lines[5] = lines[5].replace(/^[^,]*/, '0.9'); // trace > 1 by far: refused
    writeFileSync(bad, lines.join('\n'));
    const cases: [string[], RegExp][] = [
      [['train', '--data', train, '--alpha', '2', '--out', 'x'], /^hqrn: --alpha must be a number in \[0, 1\], got "2"\n$/],
      [['train', '--data', train, '--shots', '100', '--out', 'x'], /^hqrn: --shots: training with finite shots is not offered/],
      [['train', '--data', bad, '--out', 'x'], /^hqrn: --data states\[4\]: trace is not 1: .*--skip-refused/],
      [['evaluate', '--model', join(dir, 'nope.json'), '--data', test], /^hqrn: --model: cannot read .*nope\.json: ENOENT\n$/],
      [['measures', '--state', join(dir, 'nope.json')], /^hqrn: --state: cannot read .*nope\.json: ENOENT\n$/],
      [['train', '--task', 'cats', '--out', 'x'], /^hqrn: --task must be one of entanglement, digits/],
      [['help', 'nonsense'], /^hqrn: help: unknown command "nonsense"/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    const skipped = await run('evaluate', '--model', join(dir, 'm.json'), '--data', bad, '--skip-refused');
    expect(JSON.parse(skipped.stdout).data.refused).toMatchObject({ count: 1, first: [{ index: 4 }] });
  });

  it('--version and help COMMAND', async () => {
    const v = await run('--version');
    expect(v.stdout).toMatch(new RegExp(`^hqrn-explorer ${JSON.parse(readFileSync('package.json', 'utf8')).version}`));
    const h = await run('help', 'train');
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/--test-share/);
    expect(TEST_SEED_OFFSET).toBe(ENGINE_TEST_SEED_OFFSET);
  });
});

describe('hqrn sweep and reproduce', () => {
  it('a grid of runs: the same table on 1 or 2 worker threads, mean ± std over seeds, CSV', async () => {
    const grid = ['sweep', '--data', train, '--test', test, '--alpha', '0.5,0.9', '--seed', '1,2', '--depth', '1', '--epochs', '2', '--date', 'none'];
    const one = await run(...grid, '--jobs', '1');
    const csv = join(dir, 'sweep.csv');
    const two = await run(...grid, '--jobs', '2', '--csv', csv);
    expect(two.code).toBe(0);
    const a = JSON.parse(one.stdout),
      b = JSON.parse(two.stdout);
    expect(b.runs).toHaveLength(4);
    expect(b).toEqual(a);
    expect(b.table).toHaveLength(2);
    const accs = b.runs
      .filter((r: { settings: { alpha: number } }) => r.settings.alpha === 0.5)
      .map((r: { metrics: { accuracy: number } }) => r.metrics.accuracy);
    expect(b.table[0].accuracy.mean).toBeCloseTo((accs[0] + accs[1]) / 2, 4);
    expect(b.table[0].accuracy.std).toBeCloseTo(Math.abs(accs[0] - accs[1]) / Math.SQRT2, 4);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toMatch(/^depth,alpha,runs,accuracyMean,accuracyStd/);
    expect(two.stderr).toMatch(/sweep: 4\/4 runs/);
  }, 30000);

  it('reproduce digits --quick: the quantum network and its classical analog agree on every test digit (§3)', async () => {
    const out = join(dir, 'rep');
    const r = await run('reproduce', 'digits', '--quick', '--out', out, '--date', 'none');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.table).toHaveLength(2);
    for (const row of res.table) {
      expect(row.agreement).toBe(1);
      expect(row.maxProbabilityDifference).toBeLessThan(1e-9);
      expect(row.quantumAccuracy).toBeGreaterThan(0.3); // far above chance (0.1) after 3 epochs
    }
    expect(readFileSync(join(out, 'digits.csv'), 'utf8').split('\n')[0]).toBe('depth,quantumAccuracy,classicalAccuracy,agreement,maxProbabilityDifference');
    expect(readFileSync(join(out, 'digits.svg'), 'utf8')).toMatch(/^<svg [\s\S]*<polyline[\s\S]*<\/svg>\n$/);
    expect(JSON.parse(readFileSync(join(out, 'digits-run.json'), 'utf8')).runs[0].data).toMatchObject({ source: 'generator', n: 600, generatorSeed: 1 });
  }, 30000);
});
