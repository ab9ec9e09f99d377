/**
 * npm run bench:import — importing 100,000 two-qubit states (docs/math.md §11; target ≤ 5 s to the
 * summary). Writes the dataset in three formats from their definitions (not with the readers
 * under test): the JSON batch with labels and kinds, an .npz (a stored ZIP of NPY 1.0 arrays
 * written byte by byte) and a CSV (d² real parts, d² imaginary parts, label; a header line); plus a
 * CSV rounded to 9 significant digits (numbers as people copy them: every state goes through the
 * §10 nearest-state repair). Times readDataset (node, the same code the studio's worker runs),
 * then runs the numpy peer (scripts/bench_import_peer.py: np.load / np.loadtxt / json + the same
 * checks batched with np.linalg.eigvalsh) on the same files and prints the ratios.
 *
 *   npm run bench:import [-- --n 100000 --runs 1 --dir /tmp/hqrn-bench-import]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDataset } from '../src/core/io/readDataset';
import { packComplex } from '../src/core/hqrn/fit';
import { entanglementDataset } from '../src/core/states/entanglement';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const N = Number(arg('n', '100000'));
const RUNS = Number(arg('runs', '1'));
const DIR = arg('dir', '/tmp/hqrn-bench-import');
mkdirSync(DIR, { recursive: true });

const d = 4,
  D2 = d * d,
  stride = 2 * D2;
const t0 = performance.now();
const gen = entanglementDataset({ seed: 11, n: N });
const packed = new Float64Array(N * stride);
gen.states.forEach((s, i) => packComplex(s, packed, i * stride));
const labels = gen.labels;
const kinds = gen.kinds;
console.error(`generated ${N} two-qubit states in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// --- JSON (docs/math.md §10 batch + §11 labels / classes / kinds)
const rows = (o: number) => Array.from({ length: d }, (_, i) => Array.from(packed.subarray(o + i * d, o + i * d + d)));
{
  const states = Array.from({ length: N }, (_, s) => ({ re: rows(s * stride), im: rows(s * stride + D2) }));
  writeFileSync(join(DIR, 'states.json'), JSON.stringify({ format: 'hqrn-state', version: 1, states, labels, classes: ['separable', 'entangled'], kinds }));
}

// --- CSV: header, then per line d² real parts, d² imaginary parts, the label
function csv(fmt: (x: number) => string): string {
  const head = [...Array.from({ length: D2 }, (_, k) => `re${k}`), ...Array.from({ length: D2 }, (_, k) => `im${k}`), 'label'].join(',');
  const out = [head];
  for (let s = 0; s < N; s++) out.push(`${Array.from(packed.subarray(s * stride, (s + 1) * stride), fmt).join(',')},${labels[s]}`);
  return `${out.join('\n')}\n`;
}
writeFileSync(join(DIR, 'states.csv'), csv(String));
writeFileSync(
  join(DIR, 'states-rounded.csv'),
  csv((x) => String(Number(x.toPrecision(9)))),
);

// --- .npz: NPY 1.0 (magic, version, uint16 LE header length, dict padded to 64, data) in a stored ZIP (APPNOTE 4.3)
function npy(descr: string, shape: number[], data: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const out = new Uint8Array(10 + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(data, 10 + header.length);
  return out;
}
function crc32(b: Uint8Array): number {
  let c = ~0;
  for (let i = 0; i < b.length; i++) {
    c ^= b[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function storedZip(entries: [string, Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [],
    central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nm = new TextEncoder().encode(name),
      crc = crc32(data);
    const loc = new Uint8Array(30 + nm.length),
      l = new DataView(loc.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, nm.length, true);
    loc.set(nm, 30);
    const cen = new Uint8Array(46 + nm.length),
      c = new DataView(cen.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, nm.length, true);
    c.setUint32(42, offset, true);
    cen.set(nm, 46);
    parts.push(loc, data);
    central.push(cen);
    offset += loc.length + data.length;
  }
  const cd = central.reduce((s, x) => s + x.length, 0);
  const eocd = new Uint8Array(22),
    e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, cd, true);
  e.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((s, x) => s + x.length, 0));
  let p = 0;
  for (const x of all) out.set(x, p), (p += x.length);
  return out;
}
{
  // states (N, 4, 4) <c16: interleaved (re, im) per entry, C order
  const st = new Float64Array(N * D2 * 2);
  for (let s = 0; s < N; s++)
    for (let k = 0; k < D2; k++) {
      st[2 * (s * D2 + k)] = packed[s * stride + k];
      st[2 * (s * D2 + k) + 1] = packed[s * stride + D2 + k];
    }
  const lab = BigInt64Array.from(labels, (l) => BigInt(l));
  writeFileSync(
    join(DIR, 'states.npz'),
    storedZip([
      ['states.npy', npy('<c16', [N, d, d], new Uint8Array(st.buffer))],
      ['labels.npy', npy('<i8', [N], new Uint8Array(lab.buffer))],
    ]),
  );
}

const files = ['states.json', 'states.npz', 'states.csv', 'states-rounded.csv'];
const results: Record<string, { ms: number; cpu: number; mb: number; repaired: number; refused: number }> = {};
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(join(DIR, f)));
  const ts: number[] = [],
    cpus: number[] = [];
  let last: Awaited<ReturnType<typeof readDataset>> | undefined;
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    last = await readDataset(f, bytes);
    ts.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  ts.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const s = last!.summary;
  if (s.n !== N) throw new Error(`${f}: read ${s.n} states, wrote ${N}`);
  results[f] = {
    ms: ts[Math.floor(ts.length / 2)],
    cpu: cpus[Math.floor(cpus.length / 2)],
    mb: bytes.length / 1e6,
    repaired: s.repaired.count,
    refused: s.refused.count,
  };
}

const peerPath = fileURLToPath(new URL('./bench_import_peer.py', import.meta.url));
const peer = spawnSync('python3', [peerPath, DIR, ...files], { encoding: 'utf8', timeout: 600_000 });
let peerTimes: Record<string, number> | undefined;
let peerWhy = '';
if (peer.error || peer.status !== 0) peerWhy = peer.error?.message ?? peer.stderr.trim().split('\n').pop() ?? '';
else peerTimes = JSON.parse(peer.stdout.trim().split('\n').pop()!);

console.log(`Import of ${N} two-qubit states (readDataset: parse + §10 check + summary), node ${process.version}, median of ${RUNS}`);
console.log('file                  MB  node wall s  node cpu s   numpy s  node/numpy  repaired  refused');
for (const f of files) {
  const r = results[f],
    p = peerTimes?.[f];
  console.log(
    `${f.padEnd(20)} ${r.mb.toFixed(1).padStart(6)} ${(r.ms / 1000).toFixed(2).padStart(12)} ${(r.cpu / 1000).toFixed(2).padStart(11)} ${p !== undefined ? p.toFixed(2).padStart(9) : '        –'} ${p !== undefined ? (r.ms / 1000 / p).toFixed(2).padStart(11) : '          –'} ${String(r.repaired).padStart(9)} ${String(r.refused).padStart(8)}`,
  );
}
if (!peerTimes) console.log(`numpy peer not run: ${peerWhy}`);
console.log('node cpu s: process.cpuUsage (user + system, all threads; the wall time moves with the machine’s load). numpy s: wall, load + the same checks.');
console.log(`target: ≤ 5 s to the summary for ${N} states (issue: import speed)`);
