import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classicalForward } from '../core/classical';
import { diagonalMatrix, toJson } from '../core/complex';
import { modelToJson, parseModelFile, stateToJson } from '../core/files';
import { bellState, werner } from '../core/states';
import { randomClassicalBlock, randomQuantumModel, randomReadout } from '../core/randomModel';
import { makeRng } from '../core/rng';
import { randomProbabilityVector } from '../core/testing';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'hqrn-cli-'));
let fileCount = 0;
function file(content: unknown): string {
  const p = join(dir, `f${fileCount++}.json`);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main(argv, (s) => (stdout += s), (s) => (stderr += s));
  return { code, stdout, stderr };
}

const rng = makeRng(31);
const quantum = randomQuantumModel(2, 3, rng, { classes: 2 });
const modelPath = file(modelToJson(quantum));
const bellPath = file(stateToJson(bellState('phi+')));

describe('hqrn forward / predict / transfer / measures / dataset', () => {
  it('forward prints one layer per block with rho, x, q, dead flags, measures and the readout', async () => {
    const r = await run('forward', '--model', modelPath, '--state', bellPath);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.layers).toHaveLength(3);
    for (const l of out.layers) {
      expect(Object.keys(l.measures).sort()).toEqual(['coherence', 'concurrence', 'entropy', 'negativity', 'ppt', 'purity', 'trace', 'traceDistanceToClassical']);
      expect(l.measures.trace).toBeCloseTo(1, 12);
      expect(l.rho.re).toHaveLength(4);
      expect(l.x.reduce((a: number, v: number) => a + v, 0)).toBeCloseTo(1, 12);
      // quantum and classical paths share the diagonal's classical analog only for diagonal inputs;
      // the Bell state's off-diagonals shrink by α per block
    }
    const a0 = quantum.blocks[0].alpha;
    expect(out.layers[0].rho.re[0][3]).toBeCloseTo(0.5 * a0, 14);
    expect(out.output.probabilities.reduce((a: number, v: number) => a + v, 0)).toBeCloseTo(1, 12);
    expect(out.output.predicted).toBe(out.output.probabilities[0] >= out.output.probabilities[1] ? 0 : 1);
  });

  it('forward of a diagonal input: the classical path equals the quantum diagonal (trace distance 0)', async () => {
    const x0 = randomProbabilityVector(4, rng);
    const r = JSON.parse((await run('forward', '--model', modelPath, '--state', file(stateToJson(diagonalMatrix(x0))))).stdout);
    for (const l of r.layers) {
      expect(l.measures.traceDistanceToClassical).toBeLessThan(1e-12);
      l.x.forEach((x: number, i: number) => expect(l.rho.re[i][i]).toBeCloseTo(x, 12));
    }
  });

  it('forward with shots is seeded: same seed same output, another seed differs', async () => {
    const a = await run('forward', '--model', modelPath, '--state', bellPath, '--shots', '50', '--seed', '4');
    const b = await run('forward', '--model', modelPath, '--state', bellPath, '--shots', '50', '--seed', '4');
    const c = await run('forward', '--model', modelPath, '--state', bellPath, '--shots', '50', '--seed', '5');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('a classical model runs the classical network only', async () => {
    const blocks = [randomClassicalBlock(4, rng), randomClassicalBlock(4, rng)];
    const path = file(modelToJson({ kind: 'classical', nQubits: 2, blocks, readout: randomReadout(4, 3, rng) }));
    const x0 = randomProbabilityVector(4, rng);
    const out = JSON.parse((await run('forward', '--model', path, '--state', file(stateToJson(diagonalMatrix(x0))))).stdout);
    const expected = classicalForward(blocks, x0);
    expect(out.layers[0].rho).toBeUndefined();
    out.layers.forEach((l: { x: number[] }, k: number) => l.x.forEach((v, i) => expect(v).toBeCloseTo(expected[k].x[i], 14)));
    expect(out.output.probabilities).toHaveLength(3);
  });

  it('predict on a batch gives the same classes and probabilities as forward on each state', async () => {
    const states = [bellState('phi+'), werner(0.2), diagonalMatrix(randomProbabilityVector(4, rng))];
    const r = JSON.parse((await run('predict', '--model', modelPath, '--states', file(stateToJson(states)))).stdout);
    for (let i = 0; i < states.length; i++) {
      const f = JSON.parse((await run('forward', '--model', modelPath, '--state', file(stateToJson(states[i])))).stdout);
      expect(r.predicted[i]).toBe(f.output.predicted);
      r.probabilities[i].forEach((p: number, c: number) => expect(p).toBeCloseTo(f.output.probabilities[c], 12));
    }
  });

  it('transfer prints a loadable quantum model with unitarity errors ≤ 1e-10', async () => {
    const blocks = [randomClassicalBlock(8, rng), randomClassicalBlock(8, rng)];
    const r = await run('transfer', '--model', file(modelToJson({ kind: 'classical', nQubits: 3, blocks })));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const b of out.blocks) expect(Math.max(b.unitarityError.plus, b.unitarityError.minus)).toBeLessThan(1e-10);
    const q = parseModelFile(out);
    expect(q.kind).toBe('quantum');
  });

  it('measures prints the Werner facts', async () => {
    const m = JSON.parse((await run('measures', '--state', file(stateToJson(werner(0.8))))).stdout);
    expect(m.concurrence).toBeCloseTo((3 * 0.8 - 1) / 2, 10);
    expect(m.negativity).toBeCloseTo((3 * 0.8 - 1) / 4, 10);
    expect(m.ppt).toBe(false);
  });

  it('dataset entanglement and digits are seeded, labelled and loadable as state batches', async () => {
    const a = JSON.parse((await run('dataset', 'entanglement', '--seed', '3', '--n', '40')).stdout);
    const b = JSON.parse((await run('dataset', 'entanglement', '--seed', '3', '--n', '40')).stdout);
    expect(a).toEqual(b);
    expect(a.states).toHaveLength(40);
    expect(a.labels.filter((l: number) => l === 1)).toHaveLength(20);
    expect(new Set(a.kinds)).toContain('dephased-partner');
    const d = JSON.parse((await run('dataset', 'digits', '--seed', '1', '--n', '3')).stdout);
    expect(d.states).toHaveLength(3);
    expect(d.kinds).toEqual(['digit', 'digit', 'digit']);
    expect(d.states[0].re).toHaveLength(64);
    const p = await run('predict', '--model', file(modelToJson(randomQuantumModel(6, 1, rng, { classes: 10 }))), '--states', file(d));
    expect(JSON.parse(p.stdout).predicted).toHaveLength(3);
  });
});

describe('bad input: exit 2, one line on stderr naming the field, nothing on stdout', () => {
  const goodModel = JSON.parse(JSON.stringify(modelToJson(quantum)));
  const mutated = (f: (m: any) => void) => {
    const m = JSON.parse(JSON.stringify(goodModel));
    f(m);
    return file(m);
  };
  const bellJson = { format: 'hqrn-state', version: 1, ...toJson(bellState('phi+')) };
  const state = (f: (s: any) => void) => {
    const s = JSON.parse(JSON.stringify(bellJson));
    f(s);
    return file(s);
  };
  const cases: [string, () => string[], RegExp][] = [
    ['missing file', () => ['forward', '--model', join(dir, 'nope.json'), '--state', bellPath], /--model: cannot read .*nope\.json: ENOENT/],
    ['invalid JSON', () => ['forward', '--model', file('{"format": '), '--state', bellPath], /--model: .* is not valid JSON/],
    ['wrong shape', () => ['forward', '--model', mutated((m) => m.blocks[0].aPlus.re.pop()), '--state', bellPath], /--model blocks\[0\]\.aPlus\.re: expected 4 rows, got 3/],
    ['non-finite number', () => ['forward', '--model', modelPath, '--state', file('{"format":"hqrn-state","version":1,"re":[[1e999,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]],"im":[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]}')], /--state re\[0\]\[0\]: must be a finite number, got Infinity/],
    ['α outside [0,1]', () => ['forward', '--model', mutated((m) => (m.blocks[2].alpha = 1.01)), '--state', bellPath], /--model blocks\[2\]\.alpha: must be in \[0, 1\], got 1\.01/],
    ['not Hermitian', () => ['measures', '--state', state((s) => (s.im[0][3] = 0.1))], /--state state: not Hermitian/],
    ['not trace 1', () => ['measures', '--state', state((s) => (s.re[0][0] = 0.6))], /--state state: trace/],
    ['not PSD', () => ['measures', '--state', state((s) => ((s.re[0][3] = 0.7), (s.re[3][0] = 0.7)))], /--state state: not positive semidefinite/],
    ['unknown activation', () => ['forward', '--model', mutated((m) => (m.blocks[1].activation = 'gelu')), '--state', bellPath], /--model blocks\[1\]\.activation: unknown activation "gelu"/],
    ['state of the wrong dimension', () => ['forward', '--model', modelPath, '--state', file(stateToJson(diagonalMatrix([0.5, 0.5])))], /--state: state is 2×2 but the model has nQubits 2/],
    ['predict without readout', () => ['predict', '--model', mutated((m) => delete m.readout), '--states', bellPath], /--model readout: the model has no readout/],
    ['unknown command', () => ['train'], /unknown command "train"/],
    ['missing --model', () => ['forward', '--state', bellPath], /--model is required/],
    ['bad --shots', () => ['forward', '--model', modelPath, '--state', bellPath, '--shots', '2.5'], /--shots must be an integer ≥ 0, got "2.5"/],
    ['unknown flag', () => ['forward', '--modle', modelPath], /Unknown option '--modle'/],
  ];
  for (const [name, argv, pattern] of cases)
    it(name, async () => {
      const r = await run(...argv());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^hqrn: /);
      expect(r.stderr).toMatch(pattern);
    });

  it('the installed bin (npx hqrn) exits 2 with one stderr line, and answers JSON otherwise', () => {
    const bad = spawnSync('npx', ['hqrn', 'forward', '--model', mutated((m) => (m.blocks[0].alpha = -1)), '--state', bellPath], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toEqual(['hqrn: --model blocks[0].alpha: must be in [0, 1], got -1']);
    const ok = JSON.parse(execFileSync('npx', ['hqrn', 'measures', '--state', bellPath], { encoding: 'utf8' }));
    expect(ok.concurrence).toBeCloseTo(1, 10);
  });
});
