/**
 * `hqrn` — the command line over the float64 core (HQRN.md §10). JSON on stdout.
 * Bad input: exit code 2 and one line `hqrn: <field>: <problem>` on stderr, nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CMat, diagonalMatrix, toJson } from '../core/complex';
import { classicalAnalog, classicalForwardBatch } from '../core/classical';
import { DIGIT_DIM, digitsDataset } from '../core/digits';
import { entanglementDataset } from '../core/entanglement';
import { FileFormatError, modelToJson, parseModelFile, parseStateFile, stateToJson } from '../core/files';
import { runForward } from '../core/forward';
import { stateMeasures } from '../core/measures';
import type { Model } from '../core/model';
import { softmaxReadout } from '../core/readout';
import { transferModel } from '../core/transfer';
import { loadDigitSet } from './digitsData';

export class UsageError extends Error {}

const USAGE = `usage:
  hqrn forward --model M.json --state S.json [--shots N --seed K]
  hqrn predict --model M.json --states BATCH.json
  hqrn transfer --model CLASSICAL.json
  hqrn measures --state S.json
  hqrn dataset entanglement|digits --seed K --n N [--split train|test]`;

function readJson(field: string, path: string | undefined): unknown {
  if (!path) throw new UsageError(`--${field} is required`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FileFormatError(`--${field}`, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FileFormatError(`--${field}`, `${path} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

function withField<T>(flag: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FileFormatError) throw new FileFormatError(`${flag} ${e.field}`.trim(), e.problem);
    throw e;
  }
}

function intOption(name: string, value: string | undefined, min: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  return n;
}

function singleState(states: CMat[], flag: string): CMat {
  if (states.length !== 1) throw new FileFormatError(flag, `expected one state, got a batch of ${states.length}`);
  return states[0];
}

function checkDims(model: Model, rho: CMat, flag: string): void {
  const d = 1 << model.nQubits;
  if (rho.rows !== d) throw new FileFormatError(flag, `state is ${rho.rows}×${rho.rows} but the model has nQubits ${model.nQubits} (d = ${d})`);
}

function forward(values: Record<string, string | undefined>): unknown {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  const rho = withField('--state', () => singleState(parseStateFile(readJson('state', values.state)), 'states'));
  checkDims(model, rho, '--state');
  const shots = intOption('shots', values.shots, 0, 0);
  const seed = intOption('seed', values.seed, 0, 0);
  const r = runForward(model, rho, { shots, seed });
  const out: Record<string, unknown> = {
    layers: r.layers.map((l) => ({
      ...(l.rho ? { rho: toJson(l.rho) } : {}),
      x: Array.from(l.x),
      q: Array.from(l.q),
      dead: l.dead,
      classicalDead: l.classicalDead,
      ...(l.measures ? { measures: l.measures } : {}),
    })),
  };
  if (r.output) out.output = { probabilities: Array.from(r.output.probabilities), predicted: r.output.predicted };
  if (r.classicalOutput) out.classicalOutput = { probabilities: Array.from(r.classicalOutput.probabilities), predicted: r.classicalOutput.predicted };
  return out;
}

function isDiagonal(rho: CMat): boolean {
  const d = rho.rows;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) if (i !== j && (rho.re[i * d + j] !== 0 || rho.im[i * d + j] !== 0)) return false;
  return true;
}

/**
 * Predictions for a batch. Diagonal inputs of a quantum model take the classical analog's
 * O(d²) path (equal by the correspondence theorem, HQRN.md §3); others the full quantum path.
 */
function predict(values: Record<string, string | undefined>): unknown {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  if (!model.readout) throw new FileFormatError('--model readout', 'the model has no readout, so it cannot predict classes');
  const states = withField('--states', () => parseStateFile(readJson('states', values.states)));
  states.forEach((s, i) => checkDims(model, s, `--states states[${i}]`));
  const readout = model.readout;
  const d = 1 << model.nQubits;
  const classicalBlocks = model.kind === 'classical' ? model.blocks : classicalAnalog(model).blocks;
  const outputs = states.map((rho) => {
    if (model.kind === 'classical' || isDiagonal(rho)) {
      const x0 = new Float64Array(d);
      for (let i = 0; i < d; i++) x0[i] = rho.re[i * d + i];
      return softmaxReadout(readout, classicalForwardBatch(classicalBlocks, x0, d).x);
    }
    return runForward(model, rho, { measures: false }).output!;
  });
  return { predicted: outputs.map((o) => o.predicted), probabilities: outputs.map((o) => Array.from(o.probabilities)) };
}

function transfer(values: Record<string, string | undefined>): unknown {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  if (model.kind !== 'classical') throw new FileFormatError('--model blocks[0]', 'transfer needs a classical model (blocks with w)');
  const t = transferModel(model);
  const json = modelToJson(t.model) as { blocks: Record<string, unknown>[] };
  json.blocks.forEach((b, k) => (b.unitarityError = t.blocks[k].unitarityError));
  return json;
}

function measures(values: Record<string, string | undefined>): unknown {
  const states = withField('--state', () => parseStateFile(readJson('state', values.state)));
  const m = states.map((s) => stateMeasures(s));
  return m.length === 1 ? m[0] : m;
}

function dataset(kind: string | undefined, values: Record<string, string | undefined>): unknown {
  const seed = intOption('seed', values.seed, 0, 0);
  const n = intOption('n', values.n, 1);
  if (kind === 'entanglement') {
    const ds = entanglementDataset({ seed, n });
    return { ...stateToJson(ds.states), labels: ds.labels, kinds: ds.kinds };
  }
  if (kind === 'digits') {
    const split = values.split ?? 'train';
    if (split !== 'train' && split !== 'test') throw new UsageError(`--split must be train or test, got ${JSON.stringify(split)}`);
    const ds = digitsDataset(loadDigitSet(), { seed, n, split });
    const states = ds.labels.map((_, k) => diagonalMatrix(ds.inputs.subarray(k * DIGIT_DIM, (k + 1) * DIGIT_DIM)));
    return { ...stateToJson(states), labels: ds.labels, kinds: ds.labels.map(() => 'digit'), indices: ds.indices };
  }
  throw new UsageError(`dataset must be "entanglement" or "digits", got ${JSON.stringify(kind)}`);
}

/** Run the CLI; returns the exit code (0 ok, 2 bad input, 1 internal error). */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        model: { type: 'string' },
        state: { type: 'string' },
        states: { type: 'string' },
        shots: { type: 'string' },
        seed: { type: 'string' },
        n: { type: 'string' },
        split: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).valueOf() as { values: Record<string, string | undefined> & { help?: boolean }; positionals: string[] };
    const [command, sub] = positionals;
    if (values.help || !command) {
      out(USAGE + '\n');
      return values.help ? 0 : 2;
    }
    let result: unknown;
    switch (command) {
      case 'forward': result = forward(values); break;
      case 'predict': result = predict(values); break;
      case 'transfer': result = transfer(values); break;
      case 'measures': result = measures(values); break;
      case 'dataset': result = dataset(sub, values); break;
      default: throw new UsageError(`unknown command ${JSON.stringify(command)} (forward, predict, transfer, measures, dataset)`);
    }
    out(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof FileFormatError || e instanceof UsageError) {
      err(`hqrn: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`hqrn: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    err(`hqrn: internal error: ${(e as Error).message.split('\n')[0]}\n`);
    return 1;
  }
}
