/**
 * `hqrn` — the command line over the float64 core (docs/math.md §10). JSON on stdout (`qasm`: the OpenQASM 3 text).
 * Bad input: exit code 2 and one line `hqrn: <field>: <problem>` on stderr, nothing on stdout.
 */
import { writeFileSync } from 'node:fs';
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
import { QASM_LIMITS } from '../core/io/qasm';
import { qasmWithClassCheck } from '../core/io/qasmAccuracy';
import { softmaxReadout } from '../core/hqrn/readout';
import { transferModel } from '../core/hqrn/transfer';
import { loadDigitSet } from './digitsData';
import { intOption, readBytes, UsageError } from './args';
import { COMMAND_HELP, USAGE } from './help';
import { appInfo } from './appInfo';
import { evaluateModel, predictStates } from './evaluate';
import { loadDataFile, taskData } from './data';
import { parseTrainSettings, runTraining } from './train';

export { UsageError };

type Values = Record<string, string | undefined> & { 'nearest-state'?: boolean; 'skip-refused'?: boolean; quick?: boolean };

function readJson(field: string, path: string | undefined): unknown {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readBytes(field, path)); // as readFileSync(path, 'utf8')
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

/** Read a state file (docs/math.md §10: within 1e-6 its nearest state; --nearest-state: always). */
function readStates(flag: 'state' | 'states', values: Values): ReadState[] {
  const data = readJson(flag, values[flag]); // its errors already name --state / --states
  return withField(`--${flag}`, () => readStateFile(data, { nearestState: values['nearest-state'] === true }));
}

function readModel(values: Values): Model {
  const data = readJson('model', values.model);
  return withField('--model', () => parseModelFile(data));
}

/** `{"traceDistance": t}` when the nearest-state projection moved the state (t > 1e-12). */
function nearestReport(t: number): { nearestState?: { traceDistance: number } } {
  return t > NEAREST_STATE_REPORT_THRESHOLD ? { nearestState: { traceDistance: t } } : {};
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
  const model = readModel(values);
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

/**
 * Predictions for a batch. Diagonal inputs of a quantum model take the classical analog's
 * O(d²) path (equal by the correspondence theorem, docs/math.md §3); others the full quantum path.
 */
function predict(values: Values): unknown {
  const model = readModel(values);
  if (!model.readout) throw new FileFormatError('--model readout', 'the model has no readout, so it cannot predict classes');
  if (values.image !== undefined && values.states !== undefined) throw new UsageError('give either --states or --image, not both');
  if (values.image !== undefined) return predictImage(model, values.image);
  const read = readStates('states', values);
  const states = read.map((r) => r.rho);
  states.forEach((s, i) => checkDims(model, s, `--states states[${i}]`));
  const outputs = predictStates(model, states);
  const classes = model.readout.classes;
  const distances = read.map((r) => r.traceDistance);
  const moved = Math.max(...distances);
  return {
    predicted: outputs.map((o) => o.predicted),
    classNames: outputs.map((o) => classes[o.predicted]),
    probabilities: outputs.map((o) => Array.from(o.probabilities)),
    ...(moved > NEAREST_STATE_REPORT_THRESHOLD ? { nearestState: { traceDistance: moved, traceDistances: distances } } : {}),
  };
}

/**
 * One drawn or photographed digit (any size; light or dark background; colour, grey or
 * transparent PNG): grey levels (rgbaToGrey), normalised as docs/math.md §7 says
 * (normaliseDigitImage), the 8×8 pipeline, then the model's readout — the same code as the
 * explorer's drawing canvas. A digits model (6 qubits) is required; an image without ink exits 2.
 */
function predictImage(model: Model, path: string): unknown {
  if (model.nQubits !== 6) throw new FileFormatError('--model nQubits', `an image needs a digits model (6 qubits, 8×8 input), got ${model.nQubits}`);
  const bytes = Buffer.from(readBytes('image', path));
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
  return { predicted: [out.predicted], classNames: [model.readout!.classes[out.predicted]], probabilities: [Array.from(out.probabilities)] };
}

function transfer(values: Values): unknown {
  const model = readModel(values);
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
 * The stack as OpenQASM 3 (docs/math.md §4): qasmWithClassCheck, the code path of the explorer's
 * export, with the same defaults (order 2, r = the smallest with class probabilities within 1e-3
 * of the model's; `--steps auto` says the same). Prints the program text, not JSON; a requested r
 * that misses 1e-3 also gets the file's WARNING on stderr (`warn`).
 */
function qasm(values: Values, warn: (line: string) => void): string {
  const model = readModel(values);
  if (model.kind !== 'quantum') throw new FileFormatError('--model blocks[0]', 'qasm needs a quantum model (aPlus/aMinus); make one with "hqrn transfer"');
  const order = values.order ?? '2';
  if (order !== '1' && order !== '2') throw new UsageError(`--order must be 1 or 2, got ${JSON.stringify(order)}`);
  const steps = values.steps === undefined || values.steps === 'auto' ? 'auto' : intOption('steps', values.steps, 1, 4);
  if (steps !== 'auto' && steps > QASM_LIMITS.maxSteps)
    throw new UsageError(`--steps must be an integer in [1, ${QASM_LIMITS.maxSteps}], got ${JSON.stringify(values.steps)}`);
  if (model.nQubits + 1 > QASM_LIMITS.maxQubits)
    throw new FileFormatError('--model nQubits', `at most ${QASM_LIMITS.maxQubits - 1} system qubits for QASM export, got ${model.nQubits}`);
  const out = qasmWithClassCheck(model, { order: order === '1' ? 1 : 2, steps });
  if (out.classCheck?.warning) warn(`hqrn qasm: WARNING: ${out.classCheck.warning}`);
  return out.text;
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

type Log = (line: string) => void;

/** `hqrn train`: the model file (--out) and the run card's figures on stdout. */
async function train(values: Values, log: Log): Promise<unknown> {
  const settings = parseTrainSettings(values);
  if (!values.out) throw new UsageError('--out is required (the model file to write, e.g. --out model.json)');
  const t0 = Date.now();
  const r = await runTraining(settings, { log, date: values.date, out: values.out });
  writeFileSync(values.out, `${JSON.stringify(r.model)}\n`);
  log(`train: wrote ${values.out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { out: values.out, ...r.run.metrics, run: r.run };
}

async function evaluateCommand(values: Values): Promise<unknown> {
  const model = readModel(values);
  const shots = intOption('shots', values.shots, 0, 0);
  const seed = intOption('seed', values.seed, 0, 0);
  let data: ReturnType<typeof taskData> | Awaited<ReturnType<typeof loadDataFile>>;
  if (values.task !== undefined) {
    if (values.task !== 'entanglement' && values.task !== 'digits')
      throw new UsageError(`--task must be entanglement or digits, got ${JSON.stringify(values.task)}`);
    data = taskData(values.task, 'test', seed, intOption('n', values.n, 1, values.task === 'digits' ? 4000 : 5000));
  } else {
    if (!values.data) throw new UsageError('--data is required (a dataset file), or --task entanglement|digits');
    data = await loadDataFile('data', values.data, {
      labels: values.labels,
      nearestState: values['nearest-state'] === true,
      skipRefused: values['skip-refused'] === true,
    });
  }
  const r = evaluateModel(model, data, { shots, seed, modelPath: values.model!, date: values.date });
  return { ...r, data: data.dataset.summary };
}

function help(topic: string | undefined): string {
  if (!topic) return USAGE;
  const h = COMMAND_HELP[topic];
  if (!h) throw new UsageError(`help: unknown command ${JSON.stringify(topic)} (${Object.keys(COMMAND_HELP).join(', ')})`);
  return h;
}

/** Run the CLI; returns the exit code (0 ok, 2 bad input, 1 internal error). */
export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
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
        'skip-refused': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        // train / evaluate / sweep / reproduce (docs/math.md §11)
        data: { type: 'string' },
        labels: { type: 'string' },
        test: { type: 'string' },
        'test-labels': { type: 'string' },
        'test-share': { type: 'string' },
        task: { type: 'string' },
        'n-train': { type: 'string' },
        'n-test': { type: 'string' },
        depth: { type: 'string' },
        alpha: { type: 'string' },
        activation: { type: 'string' },
        mode: { type: 'string' },
        epochs: { type: 'string' },
        lr: { type: 'string' },
        batch: { type: 'string' },
        out: { type: 'string' },
        date: { type: 'string' },
        jobs: { type: 'string' },
        commands: { type: 'string' },
        collect: { type: 'string' },
        csv: { type: 'string' },
        quick: { type: 'boolean' },
      },
    }).valueOf() as { values: Values & { help?: boolean }; positionals: string[] };
    const [command, sub] = positionals;
    if (values.version) {
      const a = appInfo();
      out(`${a.name} ${a.version}${a.commit ? ` (${a.commit.slice(0, 12)})` : ''}\n`);
      return 0;
    }
    if (command === 'help') {
      out(`${help(sub)}\n`);
      return 0;
    }
    if (values.help || !command) {
      out(`${values.help && command ? help(command) : USAGE}\n`);
      return values.help ? 0 : 2;
    }
    if (values.date !== undefined && values.date !== 'none' && !Number.isFinite(Date.parse(values.date)))
      throw new UsageError(`--date: not an ISO 8601 date (or "none"): ${JSON.stringify(values.date)}`);
    const log: Log = (line) => err(`${line}\n`);
    let result: unknown;
    switch (command) {
      case 'forward':
        result = forward(values);
        break;
      case 'predict':
        result = predict(values);
        break;
      case 'transfer':
        result = transfer(values);
        break;
      case 'measures':
        result = measures(values);
        break;
      case 'dataset':
        result = dataset(sub, values);
        break;
      case 'qasm':
        out(qasm(values, log));
        return 0;
      case 'train':
        result = await train(values, log);
        break;
      case 'evaluate':
        result = await evaluateCommand(values);
        break;
      case 'sweep':
        result = await (await import('./sweep')).sweep(values, log);
        break;
      case 'reproduce':
        result = await (await import('./reproduce')).reproduce(sub, values, log);
        break;
      default:
        throw new UsageError(
          `unknown command ${JSON.stringify(command)} (forward, predict, transfer, measures, dataset, qasm, train, evaluate, sweep, reproduce, help)`,
        );
    }
    out(`${JSON.stringify(result)}\n`);
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
