/**
 * `hqrn` — the command line over the float64 core (HQRN.md §10). JSON on stdout (`qasm`: the OpenQASM 3 text).
 * Bad input: exit code 2 and one line `hqrn: <field>: <problem>` on stderr, nothing on stdout.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import { type CMat, diagonalMatrix, toJson } from '../core/math/complex';
import { classicalAnalog, classicalForwardBatch } from '../core/hqrn/classical';
import { DIGIT_DIM, digitsDataset, digitToInput } from '../core/states/digits';
import { normaliseDigitImage, rgbaToGrey } from '../core/states/digitNormalise';
import { entanglementDataset } from '../core/states/entanglement';
import { FileFormatError, modelToJson, parseModelFile, type ReadState, readStateFile, stateToJson, StateToleranceError } from '../core/io/files';
import { runForward } from '../core/hqrn/forward';
import { stateMeasures } from '../core/measures/measures';
import type { Model } from '../core/hqrn/model';
import { NEAREST_STATE_REPORT_THRESHOLD } from '../core/states/nearestState';
import { QASM_LIMITS, stackToQasm } from '../core/io/qasm';
import { softmaxReadout } from '../core/hqrn/readout';
import { transferModel } from '../core/hqrn/transfer';
import { loadDigitSet } from './digitsData';

export class UsageError extends Error {}

const USAGE = `usage:
  hqrn forward --model M.json --state S.json [--shots N --seed K] [--nearest-state]
  hqrn predict --model M.json --states BATCH.json [--nearest-state]
  hqrn predict --model M.json --image DIGIT.png
  hqrn transfer --model CLASSICAL.json
  hqrn measures --state S.json [--nearest-state]
  hqrn dataset entanglement|digits --seed K --n N [--split train|test]
  hqrn qasm --model M.json [--order 1|2] [--steps r]
States are accepted within 1e-6 of Hermitian / trace 1 / PSD and used as their nearest state
("nearestState": {"traceDistance": t} in the output when that moved them by t > 1e-12);
--nearest-state projects any finite matrix of the right size.`;

type Values = Record<string, string | undefined> & { 'nearest-state'?: boolean };

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
    // a matrix outside the tolerance: say how to use its nearest state
    if (e instanceof StateToleranceError && e.nearest) throw new FileFormatError(`${flag} ${e.field}`.trim(), `${e.problem} (--nearest-state uses it)`);
    if (e instanceof FileFormatError) throw new FileFormatError(`${flag} ${e.field}`.trim(), e.problem);
    throw e;
  }
}

/** Read a state file (HQRN.md §10: within 1e-6 its nearest state; --nearest-state: always). */
function readStates(flag: 'state' | 'states', values: Values): ReadState[] {
  return withField(`--${flag}`, () => readStateFile(readJson(flag, values[flag]), { nearestState: values['nearest-state'] === true }));
}

/** `{"traceDistance": t}` when the nearest-state projection moved the state (t > 1e-12). */
function nearestReport(t: number): { nearestState?: { traceDistance: number } } {
  return t > NEAREST_STATE_REPORT_THRESHOLD ? { nearestState: { traceDistance: t } } : {};
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

function singleState(states: ReadState[], flag: string): ReadState {
  if (states.length !== 1) throw new FileFormatError(flag, `expected one state, got a batch of ${states.length}`);
  return states[0];
}

function checkDims(model: Model, rho: CMat, flag: string): void {
  const d = 1 << model.nQubits;
  if (rho.rows !== d) throw new FileFormatError(flag, `state is ${rho.rows}×${rho.rows} but the model has nQubits ${model.nQubits} (d = ${d})`);
}

function forward(values: Values): unknown {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  const states = readStates('state', values);
  const read = withField('--state', () => singleState(states, 'states'));
  const rho = read.rho;
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
  return { ...out, ...nearestReport(read.traceDistance) };
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
function predict(values: Values): unknown {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  if (!model.readout) throw new FileFormatError('--model readout', 'the model has no readout, so it cannot predict classes');
  if (values.image !== undefined && values.states !== undefined) throw new UsageError('give either --states or --image, not both');
  if (values.image !== undefined) return predictImage(model, values.image);
  const read = readStates('states', values);
  const states = read.map((r) => r.rho);
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
  const distances = read.map((r) => r.traceDistance);
  const moved = Math.max(...distances);
  return {
    predicted: outputs.map((o) => o.predicted),
    probabilities: outputs.map((o) => Array.from(o.probabilities)),
    ...(moved > NEAREST_STATE_REPORT_THRESHOLD ? { nearestState: { traceDistance: moved, traceDistances: distances } } : {}),
  };
}

/**
 * One drawn or photographed digit (any size; light or dark background; colour, grey or
 * transparent PNG): grey levels (rgbaToGrey), normalised as HQRN.md §7 says
 * (normaliseDigitImage), the 8×8 pipeline, then the model's readout — the same code as the
 * explorer's drawing canvas. A digits model (6 qubits) is required; an image without ink exits 2.
 */
function predictImage(model: Model, path: string): unknown {
  if (model.nQubits !== 6) throw new FileFormatError('--model nQubits', `an image needs a digits model (6 qubits, 8×8 input), got ${model.nQubits}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new FileFormatError('--image', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(bytes);
  } catch (e) {
    throw new FileFormatError('--image', `${path} is not a PNG image (${(e as Error).message.split('\n')[0]})`);
  }
  const n = normaliseDigitImage(rgbaToGrey(png.data, png.width, png.height), png.width, png.height);
  if (!n.ink) throw new FileFormatError('--image', `${n.reason}; draw a digit (no prediction for an empty image)`);
  const x0 = digitToInput(n.image);
  const blocks = model.kind === 'classical' ? model.blocks : classicalAnalog(model).blocks;
  const out = softmaxReadout(model.readout!, classicalForwardBatch(blocks, x0, DIGIT_DIM).x);
  return { predicted: [out.predicted], probabilities: [Array.from(out.probabilities)] };
}

function transfer(values: Values): unknown {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  if (model.kind !== 'classical') throw new FileFormatError('--model blocks[0]', 'transfer needs a classical model (blocks with w)');
  const t = transferModel(model);
  const json = modelToJson(t.model) as { blocks: Record<string, unknown>[] };
  json.blocks.forEach((b, k) => (b.unitarityError = t.blocks[k].unitarityError));
  return json;
}

function measures(values: Values): unknown {
  const states = readStates('state', values);
  const m = states.map((s) => ({ ...stateMeasures(s.rho), ...nearestReport(s.traceDistance) }));
  return m.length === 1 ? m[0] : m;
}

/**
 * The stack as OpenQASM 3 (HQRN.md §4): stackToQasm, the code path of the explorer's export,
 * with the same defaults (order 2, r = 4). Prints the program text, not JSON.
 */
function qasm(values: Values): string {
  const model = withField('--model', () => parseModelFile(readJson('model', values.model)));
  if (model.kind !== 'quantum') throw new FileFormatError('--model blocks[0]', 'qasm needs a quantum model (aPlus/aMinus); make one with "hqrn transfer"');
  const order = values.order ?? '2';
  if (order !== '1' && order !== '2') throw new UsageError(`--order must be 1 or 2, got ${JSON.stringify(order)}`);
  const steps = intOption('steps', values.steps, 1, 4);
  if (steps > QASM_LIMITS.maxSteps) throw new UsageError(`--steps must be an integer in [1, ${QASM_LIMITS.maxSteps}], got ${JSON.stringify(values.steps)}`);
  if (model.nQubits + 1 > QASM_LIMITS.maxQubits) throw new FileFormatError('--model nQubits', `at most ${QASM_LIMITS.maxQubits - 1} system qubits for QASM export, got ${model.nQubits}`);
  return stackToQasm(model, { order: order === '1' ? 1 : 2, steps }).text;
}

function dataset(kind: string | undefined, values: Values): unknown {
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
        image: { type: 'string' },
        order: { type: 'string' },
        steps: { type: 'string' },
        'nearest-state': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).valueOf() as { values: Values & { help?: boolean }; positionals: string[] };
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
      case 'qasm': out(qasm(values)); return 0;
      default: throw new UsageError(`unknown command ${JSON.stringify(command)} (forward, predict, transfer, measures, dataset, qasm)`);
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
