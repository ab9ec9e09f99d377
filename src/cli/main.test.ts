import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classicalForward } from '../core/hqrn/classical';
import { diagonalMatrix, toJson } from '../core/math/complex';
import { modelToJson, parseModelFile, stateToJson } from '../core/io/files';
import { bellState, werner } from '../core/states/states';
import { randomClassicalBlock, randomQuantumModel, randomReadout } from '../core/hqrn/randomModel';
import { makeRng } from '../core/math/rng';
import { randomProbabilityVector } from '../core/math/testing';
import { PNG } from 'pngjs';
import { createExportApi } from '../../workers/engine/exportApi';
import type { StackSpec } from '../protocol/explorer';
import { digitIntensities, digitSplit } from '../core/states/digits';
import { scale } from '../core/math/complex';
import { loadDigitSet } from './digitsData';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'hqrn-cli-'));
let fileCount = 0;
function file(content: unknown): string {
  const p = join(dir, `f${fileCount++}.json`);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

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
      expect(Object.keys(l.measures).sort()).toEqual([
        'coherence',
        'concurrence',
        'entropy',
        'negativity',
        'ppt',
        'purity',
        'trace',
        'traceDistanceToClassical',
      ]);
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
    [
      'wrong shape',
      () => ['forward', '--model', mutated((m) => m.blocks[0].aPlus.re.pop()), '--state', bellPath],
      /--model blocks\[0\]\.aPlus\.re: expected 4 rows, got 3/,
    ],
    [
      'non-finite number',
      () => [
        'forward',
        '--model',
        modelPath,
        '--state',
        file('{"format":"hqrn-state","version":1,"re":[[1e999,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]],"im":[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]}'),
      ],
      /--state re\[0\]\[0\]: must be a finite number, got Infinity/,
    ],
    [
      'α outside [0,1]',
      () => ['forward', '--model', mutated((m) => (m.blocks[2].alpha = 1.01)), '--state', bellPath],
      /--model blocks\[2\]\.alpha: must be in \[0, 1\], got 1\.01/,
    ],
    ['not Hermitian', () => ['measures', '--state', state((s) => (s.im[0][3] = 0.1))], /--state state: not Hermitian/],
    ['not trace 1', () => ['measures', '--state', state((s) => (s.re[0][0] = 0.6))], /--state state: trace/],
    ['not PSD', () => ['measures', '--state', state((s) => ((s.re[0][3] = 0.7), (s.re[3][0] = 0.7)))], /--state state: not positive semidefinite/],
    [
      'unknown activation',
      () => ['forward', '--model', mutated((m) => (m.blocks[1].activation = 'gelu')), '--state', bellPath],
      /--model blocks\[1\]\.activation: unknown activation "gelu"/,
    ],
    [
      'state of the wrong dimension',
      () => ['forward', '--model', modelPath, '--state', file(stateToJson(diagonalMatrix([0.5, 0.5])))],
      /--state: state is 2×2 but the model has nQubits 2/,
    ],
    [
      'predict without readout',
      () => ['predict', '--model', mutated((m) => delete m.readout), '--states', bellPath],
      /--model readout: the model has no readout/,
    ],
    ['unknown command', () => ['fly'], /unknown command "fly"/],
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

describe('states as people write them (docs/math.md §10): tolerance 1e-6, nearest state, --nearest-state', () => {
  /** A random pure state typed with 6 decimals: trace 1, smallest eigenvalue ≈ −6.96e-7. */
  const pure6 = file({
    format: 'hqrn-state',
    version: 1,
    re: [
      [0.137486, 0.172549, -0.048913, 0.106276],
      [0.172549, 0.226016, -0.12689, 0.105275],
      [-0.048913, -0.12689, 0.470866, 0.156755],
      [0.106276, 0.105275, 0.156755, 0.165632],
    ],
    im: [
      [0, -0.036068, 0.24969, 0.107133],
      [0.036068, 0, 0.300536, 0.162335],
      [-0.24969, -0.300536, 0, -0.231124],
      [-0.107133, -0.162335, 0.231124, 0],
    ],
  });
  const wernerTyped = file({
    format: 'hqrn-state',
    version: 1,
    re: [
      [0.333, 0, 0, 0.166],
      [0, 0.166, 0, 0],
      [0, 0, 0.166, 0],
      [0.166, 0, 0, 0.333],
    ],
    im: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
  });
  const twoPhi = file(stateToJson(scale(bellState('phi+'), 2)));

  it('forward and measures accept the 6-decimal pure state and report the distance moved', async () => {
    for (const argv of [
      ['forward', '--model', modelPath, '--state', pure6],
      ['measures', '--state', pure6],
    ]) {
      const r = await run(...argv);
      expect(r.code, r.stderr).toBe(0);
      const t = JSON.parse(r.stdout).nearestState.traceDistance;
      expect(t).toBeGreaterThan(1e-12);
      expect(t).toBeLessThan(2e-6);
    }
    // an exact state reports nothing
    expect(JSON.parse((await run('measures', '--state', bellPath)).stdout).nearestState).toBeUndefined();
    expect(JSON.parse((await run('forward', '--model', modelPath, '--state', bellPath)).stdout).nearestState).toBeUndefined();
  });

  it('the Werner state typed 0.333/0.166: exit 2 naming the trace, the tolerance and --nearest-state', async () => {
    for (const argv of [
      ['measures', '--state', wernerTyped],
      ['forward', '--model', modelPath, '--state', wernerTyped],
      ['predict', '--model', modelPath, '--states', wernerTyped],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(
        /^hqrn: --states? state: trace is not 1: 0\.998 \(\|Tr ρ − 1\| = 0\.002 > tolerance 1e-6\); the nearest state is at trace distance 0\.001 \(--nearest-state uses it\)\n$/,
      );
    }
  });

  it('--nearest-state projects it: ρ + 0.0005·I, trace distance 0.001, on measures, forward and predict', async () => {
    const m = JSON.parse((await run('measures', '--state', wernerTyped, '--nearest-state')).stdout);
    expect(m.nearestState.traceDistance).toBeCloseTo(0.001, 12);
    expect(m.trace).toBeCloseTo(1, 14);
    // purity of ρ + 0.0005 I: 0.4995² + 0.1675² + 2·0.1665²
    expect(m.purity).toBeCloseTo(0.4995 ** 2 + 0.1675 ** 2 + 2 * 0.1665 ** 2, 12);
    const f = JSON.parse((await run('forward', '--model', modelPath, '--state', wernerTyped, '--nearest-state')).stdout);
    expect(f.nearestState.traceDistance).toBeCloseTo(0.001, 12);
    const p = JSON.parse(
      (
        await run(
          'predict',
          '--model',
          modelPath,
          '--states',
          file({ format: 'hqrn-state', version: 1, states: [JSON.parse(readFileSync(wernerTyped, 'utf8')), toJson(bellState('phi+'))] }),
          '--nearest-state',
        )
      ).stdout,
    );
    expect(p.nearestState.traceDistance).toBeCloseTo(0.001, 12);
    expect(p.nearestState.traceDistances[0]).toBeCloseTo(0.001, 12);
    expect(p.nearestState.traceDistances[1]).toBeLessThan(1e-12);
  });

  it('2·|Φ+⟩⟨Φ+| with --nearest-state is |Φ+⟩⟨Φ+| (concurrence 1), moved by 0.5', async () => {
    expect((await run('measures', '--state', twoPhi)).code).toBe(2);
    const m = JSON.parse((await run('measures', '--state', twoPhi, '--nearest-state')).stdout);
    expect(m.nearestState.traceDistance).toBeCloseTo(0.5, 12);
    expect(m.concurrence).toBeCloseTo(1, 10);
    expect(m.purity).toBeCloseTo(1, 12);
  });

  it('--nearest-state cannot rescue a non-finite entry or a wrong shape', async () => {
    const r = await run('measures', '--state', file('{"format":"hqrn-state","version":1,"re":[[1e999,0],[0,0]],"im":[[0,0],[0,0]]}'), '--nearest-state');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hqrn: --state re\[0\]\[0\]: must be a finite number, got Infinity\n$/);
  });
});

/** An RGBA PNG of grey intensities g ∈ [0, 1] (ink = 1 − g on paper when inverted), tinted when `colour`. */
function pngOf(grey: ArrayLike<number>, width: number, height: number, opts: { invert?: boolean; colour?: boolean; alpha?: boolean } = {}): string {
  const png = new PNG({ width, height });
  for (let k = 0; k < width * height; k++) {
    const v = opts.invert ? 1 - grey[k] : grey[k];
    if (opts.alpha) {
      // dark ink on a transparent background: alpha carries the ink
      png.data.set([20, 20, 60, Math.round(255 * grey[k])], 4 * k);
      continue;
    }
    const b = Math.round(255 * v);
    png.data.set(opts.colour ? [b, Math.round(b * 0.9), Math.round(b * 0.7), 255] : [b, b, b, 255], 4 * k);
  }
  const p = join(dir, `img${fileCount++}.png`);
  writeFileSync(p, PNG.sync.write(png));
  return p;
}

/** A 28×28 digit placed into a W×H canvas at (x, y), each pixel repeated `k`×`k` times. */
function placed(d: ArrayLike<number>, W: number, H: number, x: number, y: number, k: number): Float64Array {
  const out = new Float64Array(W * H);
  for (let r = 0; r < 28 * k; r++) for (let c = 0; c < 28 * k; c++) out[(y + r) * W + x + c] = d[Math.floor(r / k) * 28 + Math.floor(c / k)];
  return out;
}

describe('hqrn predict --image (docs/math.md §7: normalised as MNIST)', () => {
  const digitsModel = 'public/models/digits-quantum.json';
  const set = loadDigitSet();
  const indices = digitSplit(set.count, 1).test.slice(0, 10);

  it("real MNIST digits moved off-centre, enlarged, inverted, in colour or on a transparent ground: the original image's prediction", async () => {
    for (const idx of indices) {
      const d = digitIntensities(set, idx);
      const original = JSON.parse((await run('predict', '--model', digitsModel, '--image', pngOf(d, 28, 28))).stdout);
      expect(original.predicted).toHaveLength(1);
      expect(original.probabilities[0]).toHaveLength(10);
      expect(original.probabilities[0].reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
      const variants = [
        pngOf(placed(d, 120, 90, 2, 1, 3), 120, 90), // top-left corner, 3× larger
        pngOf(placed(d, 200, 150, 130, 80, 2), 200, 150, { invert: true }), // bottom-right, 2×, dark ink on white
        pngOf(placed(d, 64, 64, 30, 0, 1), 64, 64, { colour: true }), // top-right, tinted
        pngOf(placed(d, 100, 100, 10, 40, 2), 100, 100, { alpha: true }), // ink in the alpha channel
      ];
      for (const v of variants) {
        const r = await run('predict', '--model', digitsModel, '--image', v);
        expect(r.code, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout).predicted, `MNIST digit ${idx} (label ${set.labels[idx]}) as ${v}`).toEqual(original.predicted);
      }
    }
  });

  it('bad images: exit 2 with one line naming --image', async () => {
    const cases: [string[], RegExp][] = [
      [['--image', pngOf(new Float64Array(40 * 30), 40, 30)], /^hqrn: --image: no ink: the brightest pixel is 0\.000 .*draw a digit/],
      [['--image', pngOf(new Float64Array(40 * 30).fill(1), 40, 30)], /^hqrn: --image: no ink/],
      [['--image', file('not a png')], /^hqrn: --image: .* is not a PNG image/],
      [['--image', join(dir, 'missing.png')], /^hqrn: --image: cannot read .*missing\.png: ENOENT/],
      [['--image', pngOf(new Float64Array(784), 28, 28), '--states', bellPath], /^hqrn: give either --states or --image, not both/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await run('predict', '--model', digitsModel, ...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
    const ent = await run(
      'predict',
      '--model',
      'public/models/entanglement-quantum.json',
      '--image',
      pngOf(placed(digitIntensities(set, 0), 28, 28, 0, 0, 1), 28, 28),
    );
    expect(ent.code).toBe(2);
    expect(ent.stderr).toMatch(/^hqrn: --model nQubits: an image needs a digits model \(6 qubits, 8×8 input\), got 2\n$/);
  });
});

describe("hqrn qasm (docs/math.md §4): the explorer export's OpenQASM 3", () => {
  const modelJson = JSON.parse(readFileSync('public/models/entanglement-quantum.json', 'utf8'));
  const path = 'public/models/entanglement-quantum.json';
  const stack: StackSpec = {
    task: 'entanglement',
    blocks: modelJson.blocks.map((b: { alpha: number; activation: 'relu' }, k: number) => ({
      id: `b${k}`,
      alpha: b.alpha,
      activation: b.activation,
      gain: 1,
      seed: k,
    })),
    readoutSeed: 0,
    trained: { name: 'entanglement-quantum', model: modelJson },
  };
  const ui = createExportApi({ engine: undefined as never, loadDigits: async () => loadDigitSet() });

  it('prints exactly what the UI export writes, for the defaults (order 2, r chosen for |ΔP| ≤ 1e-3) and for --order 1 --steps 3', async () => {
    const def = await run('qasm', '--model', path);
    expect(def.code, def.stderr).toBe(0);
    const auto = ui.exportQasm(stack, 2, 'auto');
    expect(def.stdout).toBe(auto.text);
    expect(def.stdout).toContain(`// r = ${auto.steps} chosen automatically`);
    expect(auto.classCheck!.error).toBeLessThanOrEqual(1e-3);
    expect(def.stderr).toBe('');
    expect(def.stdout.startsWith('OPENQASM 3.0;\ninclude "stdgates.inc";\n')).toBe(true);
    const o1 = await run('qasm', '--model', path, '--order', '1', '--steps', '3');
    expect(o1.stdout).toBe(ui.exportQasm(stack, 1, 3).text);
    expect(o1.stdout).toMatch(/Trotter order 1, r = 3 steps/);
    expect(o1.stdout).not.toBe(def.stdout);
    // r = 3 misses 1e-3: the file's WARNING also goes to stderr, naming ε and the r that reaches it
    const warning = ui.exportQasm(stack, 1, 3).classCheck!.warning!;
    expect(warning).toMatch(/r = \d+ reaches it/);
    expect(o1.stderr).toBe(`hqrn qasm: WARNING: ${warning}\n`);
    expect(o1.stdout).toContain(`// WARNING: ${warning}`);
  });

  it('bad flags and models: exit 2, one line', async () => {
    const classical = file(modelToJson({ kind: 'classical', nQubits: 2, blocks: [randomClassicalBlock(4, rng)] }));
    const cases: [string[], RegExp][] = [
      [['--model', path, '--order', '3'], /^hqrn: --order must be 1 or 2, got "3"/],
      [['--model', path, '--steps', '0'], /^hqrn: --steps must be an integer ≥ 1, got "0"/],
      [['--model', path, '--steps', '20000'], /^hqrn: --steps must be an integer in \[1, 10000\], got "20000"/],
      [['--model', classical], /^hqrn: --model blocks\[0\]: qasm needs a quantum model/],
      [[], /^hqrn: --model is required/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await run('qasm', ...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
  });
});
