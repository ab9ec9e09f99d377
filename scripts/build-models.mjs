#!/usr/bin/env node
// Copies the trained models of `npm run experiments` (experiments/models/*.json, hqrn-model
// files, docs/math.md §10) into public/models/ so the app serves them, with public/models/index.json
// listing them: [{ name, file, task, kind, depth, nQubits, accuracy? }]. The app's saved-work
// module (src/app/saved/savedWork.ts) reads the index for the "Bundled models" list and for
// `#…model=<name>` links. public/models/ is generated (gitignored), like public/data/.
//
// Task from nQubits (2: entanglement, 6: digits); accuracy (test set) from
// experiments/results.json when it has the matching figure.
//
// Usage: node scripts/build-models.mjs [--postinstall]
//   --postinstall: a missing experiments/models/ is a warning, not an error.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'experiments', 'models');
const outDir = join(root, 'public', 'models');
const args = new Set(process.argv.slice(2));
const rel = (p) => relative(root, p);

const TASK_BY_QUBITS = { 2: 'entanglement', 6: 'digits' };

function fail(msg) {
  console.error(`build-models: ERROR: ${msg}`);
  process.exit(1);
}

if (!existsSync(srcDir)) {
  const msg = `${rel(srcDir)} is missing (run npm run experiments)`;
  if (args.has('--postinstall')) {
    console.warn(`build-models: skipped: ${msg}`);
    process.exit(0);
  }
  fail(msg);
}

/** Test accuracy of a bundled model from experiments/results.json, keyed by file name. */
function accuracies() {
  const file = join(root, 'experiments', 'results.json');
  if (!existsSync(file)) return {};
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      'digits-classical': r.digits?.classicalTestAccuracy,
      'digits-quantum': r.digits?.quantumTestAccuracy,
      // The shipped "Best" model on the paper preset's test split; the "Paper" preset's own model.
      'entanglement-quantum': r.bestEntanglement?.test?.['hqrn generator-test']?.acc ?? r.entanglement?.testAccuracy,
      'entanglement-paper': r.entanglement?.testAccuracy,
    };
  } catch (e) {
    console.warn(`build-models: ignoring ${rel(file)}: ${e.message}`);
    return {};
  }
}

const accuracy = accuracies();
const files = readdirSync(srcDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const index = [];
// Write into a temporary directory and swap it in, so a failed run leaves the old copy whole.
const tmpDir = `${outDir}.tmp-${process.pid}`;
rmSync(tmpDir, { recursive: true, force: true });
mkdirSync(tmpDir, { recursive: true });
for (const file of files) {
  const text = readFileSync(join(srcDir, file), 'utf8');
  let model;
  try {
    model = JSON.parse(text);
  } catch (e) {
    fail(`${rel(join(srcDir, file))}: not valid JSON (${e.message})`);
  }
  if (model?.format !== 'hqrn-model' || !Array.isArray(model.blocks) || model.blocks.length === 0) fail(`${rel(join(srcDir, file))}: not an hqrn-model file`);
  const task = TASK_BY_QUBITS[model.nQubits];
  if (!task) fail(`${rel(join(srcDir, file))}: nQubits ${model.nQubits} is neither 2 (entanglement) nor 6 (digits)`);
  const name = file.replace(/\.json$/, '');
  const entry = { name, file, task, kind: 'w' in model.blocks[0] ? 'classical' : 'quantum', depth: model.blocks.length, nQubits: model.nQubits };
  const acc = accuracy[name];
  if (typeof acc === 'number' && Number.isFinite(acc)) entry.accuracy = acc;
  index.push(entry);
  writeFileSync(join(tmpDir, file), text);
}
writeFileSync(join(tmpDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
mkdirSync(dirname(outDir), { recursive: true });
rmSync(outDir, { recursive: true, force: true });
renameSync(tmpDir, outDir);
console.log(`build-models: wrote ${rel(outDir)}: ${index.map((m) => m.name).join(', ')} + index.json`);
