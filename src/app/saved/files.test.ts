/**
 * Saved work as files: imports validated with the core's parsers (errors name the field, one
 * line), exports that validate and come back as the same records, and fuzzing of the import
 * (any file either imports or is refused with `field: problem`; docs/reliability.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../core/math/complex';
import { FileFormatError, modelToJson, parseModelFile, parseStateFile, StateToleranceError, stateToJson } from '../../core/io/files';
import { randomClassicalBlock, randomQuantumModel } from '../../core/hqrn/randomModel';
import { makeRng } from '../../core/math/rng';
import { bellState, werner } from '../../core/states/states';
import type { InputSpec } from '../../protocol/explorer';
import { inputFileJson, localInputState, modelFileJson, parseInputSpec, recordsFromFile } from './files';
import { checkImportSize, cleanName, exportFileName, formatSavedDate, MAX_IMPORT_BYTES, MAX_NAME_LENGTH } from './format';

const rng = makeRng(55);
const model2 = JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(2, 3, rng, { classes: 2 }))));
const model3 = JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(3, 1, rng, { classes: 2 }))));
const bellJson = JSON.parse(JSON.stringify(stateToJson(bellState('psi-'))));
const text = (v: unknown) => JSON.stringify(v);

/** The FileFormatError message of f, or a failure if f does not throw one. */
function problem(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a FileFormatError, nothing was thrown');
}

describe('importing an hqrn-model file', () => {
  it('a valid two-qubit model becomes one entanglement model record with its depth, kind, name and accuracy', () => {
    const r = recordsFromFile(text({ ...model2, name: 'my model', meta: { accuracy: 0.81 } }), 'x.json', 1234);
    expect(r.inputs).toEqual([]);
    expect(r.models).toHaveLength(1);
    const m = r.models[0];
    expect(m).toMatchObject({ name: 'my model', task: 'entanglement', kind: 'quantum', depth: 3, accuracy: 0.81, createdAt: 1234 });
    // stored canonically: the file's extra keys are not in the model
    expect(m.model).toEqual(model2);
    expect(m.model).not.toHaveProperty('name');
  });

  it('takes the name from the file name when the file has none, and ignores an accuracy outside [0, 1]', () => {
    const m = recordsFromFile(text({ ...model2, meta: { accuracy: 7 } }), 'C:\\models\\werner-run.json').models[0];
    expect(m.name).toBe('werner-run');
    expect(m.accuracy).toBeUndefined();
  });

  it('a classical six-qubit model is a digits model of kind classical', () => {
    const d = 64;
    const blocks = [randomClassicalBlock(d, rng, { alpha: 0.5, activation: 'relu' })];
    const json = JSON.parse(JSON.stringify(modelToJson({ kind: 'classical', nQubits: 6, blocks })));
    expect(recordsFromFile(text(json), 'c.json').models[0]).toMatchObject({ task: 'digits', kind: 'classical', depth: 1 });
  });

  it('refuses bad files with the field and the problem', () => {
    expect(problem(() => recordsFromFile('{"format":"hqrn-model",', 'a.json'))).toMatch(/^\(file\): not valid JSON/);
    expect(problem(() => recordsFromFile('[1,2]', 'a.json'))).toBe('(file): expected a JSON object (an hqrn-model or hqrn-state file), got an array');
    expect(problem(() => recordsFromFile(text({ format: 'png' }), 'a.json'))).toBe('format: expected "hqrn-model" or "hqrn-state", got "png"');
    expect(problem(() => recordsFromFile(text({ version: 1 }), 'a.json'))).toBe('format: expected "hqrn-model" or "hqrn-state", got no "format" key');
    expect(problem(() => recordsFromFile(text(model3), 'a.json'))).toBe("nQubits: the explorer's tasks have 2 (entanglement) or 6 (digits) qubits, got 3");
    // wrong shape: a 3×4 aPlus
    const bad = structuredClone(model2);
    bad.blocks[1].aPlus.re.pop();
    expect(problem(() => recordsFromFile(text(bad), 'a.json'))).toBe('blocks[1].aPlus.re: expected 4 rows, got 3');
    // a non-finite number: 1e999 is valid JSON and parses to Infinity
    const inf = text(model2).replace(/"alpha":[^,]+/, '"alpha":1e999');
    expect(problem(() => recordsFromFile(inf, 'a.json'))).toBe('blocks[0].alpha: must be a finite number, got Infinity');
    // α outside [0, 1]
    const alpha = structuredClone(model2);
    alpha.blocks[2].alpha = -1;
    expect(problem(() => recordsFromFile(text(alpha), 'a.json'))).toBe('blocks[2].alpha: must be in [0, 1], got -1');
  });
});

describe('importing an hqrn-state file', () => {
  it('a two-qubit state becomes a hand-entered-matrix input', () => {
    const r = recordsFromFile(text(bellJson), 'psi-minus.json', 9);
    expect(r.models).toEqual([]);
    expect(r.inputs).toHaveLength(1);
    expect(r.inputs[0]).toMatchObject({ name: 'psi-minus', task: 'entanglement', createdAt: 9, input: { kind: 'matrix', re: bellJson.re, im: bellJson.im } });
  });

  it('a batch becomes one input per state, numbered', () => {
    const batch = JSON.parse(JSON.stringify(stateToJson([bellState('phi+'), werner(0.2), werner(0.9)])));
    const r = recordsFromFile(text(batch), 'three.json');
    expect(r.inputs.map((i) => i.name)).toEqual(['three #1', 'three #2', 'three #3']);
    expect(r.inputs[1].input).toEqual({ kind: 'matrix', ...toJson(werner(0.2)) });
  });

  it('refuses states that are not density matrices, naming the problem', () => {
    // not PSD: diag(1.5, -0.5, 0, 0) has trace 1 and is Hermitian
    const notPsd = {
      format: 'hqrn-state',
      version: 1,
      re: [
        [1.5, 0, 0, 0],
        [0, -0.5, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      im: [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    };
    expect(problem(() => recordsFromFile(text(notPsd), 's.json'))).toMatch(/^state: .*(PSD|positive|eigenvalue)/i);
    const notHermitian = structuredClone(bellJson);
    notHermitian.im[0][1] = 0.3;
    expect(problem(() => recordsFromFile(text(notHermitian), 's.json'))).toMatch(/^state: .*Hermitian/i);
    const trace2 = structuredClone(bellJson);
    trace2.re[0][0] = 1.5;
    expect(problem(() => recordsFromFile(text(trace2), 's.json'))).toMatch(/^state: .*trace/i);
    const threeByThree = {
      format: 'hqrn-state',
      version: 1,
      re: [
        [1, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      im: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    };
    expect(problem(() => recordsFromFile(text(threeByThree), 's.json'))).toBe('re: dimension must be a power of two between 2 and 1024, got 3');
    const nan = text(bellJson).replace(/"re":\[\[[^,]+/, '"re":[[NaN');
    expect(nan).toContain('NaN');
    expect(problem(() => recordsFromFile(nan, 's.json'))).toMatch(/^\(file\): not valid JSON/);
  });

  it('tiny and huge entries get a verdict, not a crash (1e-323 broke the eigensolver before linalg flushed subnormals)', () => {
    for (const v of [1e-323, 5e-324, 1e-310, 1e-200, 1e-160, 1e150, 1e300, -1e300]) {
      const s = structuredClone(bellJson);
      s.im[0][1] = v;
      s.im[1][0] = -v;
      try {
        recordsFromFile(text(s), 's.json');
      } catch (e) {
        expect((e as Error).message).toMatch(/^state: (not Hermitian|not positive|.*eigenvalue)/);
      }
    }
  });

  it('refuses a one-qubit or digits-sized state without a recipe (the explorer cannot take it)', () => {
    const q1 = {
      format: 'hqrn-state',
      version: 1,
      re: [
        [1, 0],
        [0, 0],
      ],
      im: [
        [0, 0],
        [0, 0],
      ],
    };
    expect(problem(() => recordsFromFile(text(q1), 's.json'))).toMatch(/^re: a 2×2 state cannot be an explorer input/);
  });

  it('states as people write them (docs/math.md §10): within 1e-6 imported as the nearest state; outside, refused with the projection offered', () => {
    const z = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const rounded = {
      format: 'hqrn-state',
      version: 1,
      re: [
        [0.4999998, 0, 0, 0.4999998],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0.4999998, 0, 0, 0.4999998],
      ],
      im: z,
    };
    const r = recordsFromFile(text(rounded), 'rounded.json');
    expect(r.nearestState!.traceDistance).toBeCloseTo(2e-7, 12);
    expect(recordsFromFile(text(bellJson), 'b.json').nearestState).toBeUndefined();
    const m = r.inputs[0].input as { re: number[][] };
    // the trace defect 4e-7 is spread over the 4 eigenvalues: (0.9999996 + 1e-7, 1e-7, 1e-7, 1e-7)
    expect(m.re[0][0] + m.re[1][1] + m.re[2][2] + m.re[3][3]).toBeCloseTo(1, 14);
    expect(m.re[1][1]).toBeCloseTo(1e-7, 14);
    expect(m.re[0][0]).toBeCloseTo(0.4999999, 14);
    const wernerTyped = {
      format: 'hqrn-state',
      version: 1,
      re: [
        [0.333, 0, 0, 0.166],
        [0, 0.166, 0, 0],
        [0, 0, 0.166, 0],
        [0.166, 0, 0, 0.333],
      ],
      im: z,
    };
    let refused: unknown;
    try {
      recordsFromFile(text(wernerTyped), 'w.json');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(StateToleranceError);
    expect((refused as StateToleranceError).message).toBe(
      'state: trace is not 1: 0.998 (|Tr ρ − 1| = 0.002 > tolerance 1e-6); the nearest state is at trace distance 0.001',
    );
    expect((refused as StateToleranceError).nearest!.traceDistance).toBeCloseTo(0.001, 12);
    const projected = recordsFromFile(text(wernerTyped), 'w.json', 0, { nearestState: true }).inputs[0].input as { re: number[][] };
    expect(projected.re[0][0]).toBeCloseTo(0.3335, 12);
    expect(projected.re[1][1]).toBeCloseTo(0.1665, 12);
  });

  it('refuses a batch larger than 20 states', () => {
    const batch = JSON.parse(JSON.stringify(stateToJson(Array.from({ length: 21 }, () => werner(0.5)))));
    expect(problem(() => recordsFromFile(text(batch), 's.json'))).toBe('states: a batch of 21 states; at most 20 are imported as inputs at once');
  });
});

describe('exported files validate and import back to the same record', () => {
  it('model: hqrn-model with name and meta; parseModelFile accepts it; import gives the same model, name and accuracy', () => {
    const record = recordsFromFile(text({ ...model2, name: 'Werner <b>run</b>', meta: { accuracy: 0.75 } }), 'm.json', Date.UTC(2026, 10, 25)).models[0];
    const file = JSON.parse(JSON.stringify(modelFileJson(record)));
    expect(file.format).toBe('hqrn-model');
    expect(file.meta).toEqual({ task: 'entanglement', kind: 'quantum', depth: 3, accuracy: 0.75, createdAt: '2026-11-25T00:00:00.000Z' });
    expect(modelToJson(parseModelFile(file))).toEqual(model2);
    const back = recordsFromFile(JSON.stringify(file), exportFileName(record.name, 'model')).models[0];
    expect({ ...back, id: record.id, createdAt: record.createdAt }).toEqual(record);
  });

  const pixels = Array.from({ length: 784 }, (_, k) => ((k * 37) % 101) / 100);
  const recipes: InputSpec[] = [
    { kind: 'matrix', ...toJson(werner(0.6)) },
    { kind: 'drawn', pixels },
  ];
  for (const input of recipes) {
    it(`input (${input.kind}): hqrn-state with the recipe; parseStateFile accepts it; import restores the recipe`, () => {
      const record = { id: 'x', name: 'mine', task: input.kind === 'drawn' ? ('digits' as const) : ('entanglement' as const), createdAt: 5, input };
      const state = localInputState(input)!;
      const file = JSON.parse(JSON.stringify(inputFileJson(record, state)));
      const rho = parseStateFile(file)[0];
      expect(rho.rows).toBe(input.kind === 'drawn' ? 64 : 4);
      const back = recordsFromFile(JSON.stringify(file), 'f.json').inputs[0];
      expect(back).toMatchObject({ name: 'mine', task: record.task, input });
    });
  }

  it('a drawing exports as diag(x), x the pooled intensities summing to 1', () => {
    const s = localInputState({ kind: 'drawn', pixels })!;
    let tr = 0;
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 64; j++)
        if (i === j) tr += s.re[i][i];
        else expect(s.re[i][j]).toBe(0);
    expect(tr).toBeCloseTo(1, 12);
  });

  it('inputFileJson refuses to produce a file that would not validate', () => {
    expect(() =>
      inputFileJson(
        { id: 'x', name: 'n', task: 'entanglement', createdAt: 0, input: { kind: 'bell', which: 'phi+' } },
        {
          re: [
            [2, 0],
            [0, 0],
          ],
          im: [
            [0, 0],
            [0, 0],
          ],
        },
      ),
    ).toThrow(FileFormatError);
  });
});

describe('input recipes', () => {
  it('accepts every kind of recipe', () => {
    const ok: InputSpec[] = [
      { kind: 'bell', which: 'psi+' },
      { kind: 'werner', p: 0.3 },
      { kind: 'random-pure', seed: 4 },
      { kind: 'random-mixed', seed: 5 },
      { kind: 'product', seed: 6 },
      { kind: 'dephased', of: { kind: 'marginal', of: { kind: 'bell', which: 'phi-' } } },
      { kind: 'mnist', index: 9999 },
    ];
    for (const spec of ok) expect(parseInputSpec(spec)).toEqual(spec);
  });

  it('names the field of a bad recipe', () => {
    expect(problem(() => parseInputSpec({ kind: 'werner', p: 1.5 }))).toMatch(/^input\.p: /);
    expect(problem(() => parseInputSpec({ kind: 'mnist', index: 10000 }))).toMatch(/^input\.index: /);
    expect(problem(() => parseInputSpec({ kind: 'drawn', pixels: [0.5] }))).toMatch(/^input\.pixels: /);
    expect(problem(() => parseInputSpec({ kind: 'teleport' }))).toMatch(/^input\.kind: /);
    expect(problem(() => parseInputSpec({ kind: 'dephased', of: { kind: 'mnist', index: 1 } }))).toBe('input.of: partners exist only for two-qubit states');
    expect(
      problem(() =>
        parseInputSpec({
          kind: 'matrix',
          re: [
            [1, 0],
            [0, 0],
          ],
          im: [
            [0, 0],
            [0, 0],
          ],
        }),
      ),
    ).toMatch(/^input\.re: expected a 4×4 matrix/);
    let deep: unknown = { kind: 'bell', which: 'phi+' };
    for (let k = 0; k < 12; k++) deep = { kind: 'dephased', of: deep };
    // One nesting limit for links and files (src/protocol/inputs.ts): 4, where files once took 8.
    expect(problem(() => parseInputSpec(deep))).toBe('input.of.of.of.of: partners nested more than 4 deep');
  });

  it('takes the limits of links (files once took seeds up to 2⁵³ and partners 8 deep)', () => {
    let four: InputSpec = { kind: 'bell', which: 'phi+' };
    for (let k = 0; k < 4; k++) four = { kind: k % 2 ? 'dephased' : 'marginal', of: four };
    expect(parseInputSpec(four)).toEqual(four);
    expect(problem(() => parseInputSpec({ kind: 'dephased', of: four }))).toBe('input.of.of.of.of: partners nested more than 4 deep');
    expect(parseInputSpec({ kind: 'product', seed: 2 ** 31 - 1 })).toEqual({ kind: 'product', seed: 2 ** 31 - 1 });
    expect(problem(() => parseInputSpec({ kind: 'product', seed: 2 ** 31 }))).toMatch(/^input\.seed: /);
    expect(problem(() => parseInputSpec({ kind: 'random-pure', seed: 2 ** 53 }))).toMatch(/^input\.seed: /);
  });

  it("refuses a hand-entered matrix outside docs/math.md §10's 1e-6 and accepts one within it (the doc said 1e-8)", () => {
    const z4 = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
    const diag = (a: number[]) => a.map((v, i) => a.map((_, j) => (i === j ? v : 0)));
    expect(parseInputSpec({ kind: 'matrix', re: diag([0.25 + 5e-7, 0.25, 0.25, 0.25]), im: z4 })).toMatchObject({ kind: 'matrix' });
    expect(problem(() => parseInputSpec({ kind: 'matrix', re: diag([0.25 + 5e-6, 0.25, 0.25, 0.25]), im: z4 }))).toMatch(/trace is not 1/);
  });
});

describe('names, sizes, dates', () => {
  it('cleanName keeps markup literally (it is rendered as text), strips control characters, trims and cuts', () => {
    const html = '<img src=x onerror="window.__pwned=1">';
    expect(cleanName(html, 'f')).toBe(html);
    expect(cleanName('  a\nb\u0000c\t ', 'f')).toBe('a b c');
    expect(cleanName('   ', 'fallback')).toBe('fallback');
    expect(cleanName(42, 'fallback')).toBe('fallback');
    expect(cleanName('x'.repeat(500), 'f')).toHaveLength(MAX_NAME_LENGTH);
  });

  it('cleanName: for any string, a non-empty one-line name of at most MAX_NAME_LENGTH characters (1000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const n = cleanName(s, 'fallback');
        expect(n.length).toBeGreaterThan(0);
        expect(n.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(n).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(n).toBe(n.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('export file names are plain', () => {
    expect(exportFileName('<img src=x onerror="window.__pwned=1">', 'model')).toBe('hqrn-model-img-src-x-onerror-window-__pwned-1.json');
    expect(exportFileName('α ≈ 0.5', 'state')).toBe('hqrn-state-0-5.json');
    expect(exportFileName('///', 'state')).toBe('hqrn-state-saved.json');
  });

  it('the size limit is stated with the size', () => {
    expect(checkImportSize('a.json', MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize('big.json', 50 * 1024 * 1024)).toBe('big.json: the file is 50.0 MB, larger than the 20.0 MB limit for imports; it was not read');
  });

  it('dates are YYYY-MM-DD HH:MM local time', () => {
    const t = new Date(2026, 0, 2, 3, 4).getTime();
    expect(formatSavedDate(t)).toBe('2026-01-02 03:04');
  });
});

describe('fuzzing the import: every file imports or is refused with one line `field: problem`', () => {
  function expectCleanOutcome(textOfFile: string): void {
    try {
      const r = recordsFromFile(textOfFile, 'fuzz.json');
      for (const m of r.models) expect(() => parseModelFile(m.model)).not.toThrow();
      for (const i of r.inputs) expect(parseInputSpec(i.input)).toEqual(i.input);
    } catch (e) {
      expect(e).toBeInstanceOf(FileFormatError);
      const msg = (e as Error).message;
      expect(msg.split('\n')).toHaveLength(1);
      expect(msg).toMatch(/^[^:]+: \S/);
      expect(msg, 'a validator failed with an unexpected error').not.toContain('could not be validated');
    }
  }
  const leafPaths = (v: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
    Array.isArray(v)
      ? v.flatMap((x, i) => leafPaths(x, [...prefix, i]))
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...prefix, k]))
        : [prefix];
  const weird = fc.oneof(
    fc.constantFrom<unknown>(-1, 2, 1e308, 0, null, '', 'NaN', [], {}, true, 1e6, [[1]], 'hqrn-state', 'hqrn-model'),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.integer(),
  );
  /** JSON text of a file with one leaf replaced; non-finite doubles written as 1e999 / -1e999 (NaN as a bare NaN: invalid JSON). */
  const mutated = (base: unknown, path: (string | number)[], value: unknown) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    let o: Record<string | number, unknown> = copy;
    for (const p of path.slice(0, -1)) o = o[p] as Record<string | number, unknown>;
    o[path.at(-1)!] = value;
    return JSON.stringify(copy, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `__${v}__` : v)).replace(
      /"__(-?Infinity|NaN)__"/g,
      (_m, s: string) => (s === 'NaN' ? 'NaN' : s.startsWith('-') ? '-1e999' : '1e999'),
    );
  };
  const counts = { model: 0, state: 0, input: 0, json: 0, bytes: 0 };

  it('single-leaf mutations of a model file (1500 cases)', () => {
    const paths = leafPaths(model2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), weird, (k, v) => {
        counts.model++;
        expectCleanOutcome(mutated(model2, paths[k], v));
      }),
      { numRuns: 1500 },
    );
  });

  it('single-leaf mutations of a state file and of an exported input file (1500 + 1000 cases)', () => {
    const paths = leafPaths(bellJson);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), weird, (k, v) => {
        counts.state++;
        expectCleanOutcome(mutated(bellJson, paths[k], v));
      }),
      { numRuns: 1500 },
    );
    const exported = inputFileJson(
      { id: 'i', name: 'n', task: 'entanglement', createdAt: 0, input: { kind: 'dephased', of: { kind: 'werner', p: 0.7 } } },
      toJson(werner(0.7)),
    );
    const inputPaths = leafPaths(exported);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: inputPaths.length - 1 }), weird, (k, v) => {
        counts.input++;
        expectCleanOutcome(mutated(exported, inputPaths[k], v));
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitrary JSON values and arbitrary text (1000 + 1000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        counts.json++;
        expectCleanOutcome(JSON.stringify(v));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        counts.bytes++;
        expectCleanOutcome(s);
      }),
      { numRuns: 1000 },
    );
    console.log(
      `savedWork import fuzz: ${counts.model} model-file, ${counts.state} state-file, ${counts.input} input-file mutations, ${counts.json} JSON values, ${counts.bytes} strings`,
    );
  });
});
