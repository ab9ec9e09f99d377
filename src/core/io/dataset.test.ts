import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkDataset, splitDataset, stateAt } from './dataset';
import { readCsvDataset, writeCsvDataset } from './csv';
import { readJsonDataset } from './jsonDataset';
import { readNpy, writeNpy } from './npy';
import { readDataset } from './readDataset';
import { entanglementDataset } from '../states/entanglement';
import { packComplex } from '../hqrn/fit';
import { randomDensityMatrix } from '../math/testing';
import { makeRng } from '../math/rng';
import { trace } from '../math/complex';

const enc = new TextEncoder();

/** An .npy file from the NPY 1.0 spec: magic, version, header length, the dict, the data. */
function npy(descr: string, fortran: boolean, shape: number[], itemSize: number, put: (dv: DataView, off: number, c: number) => void): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const count = shape.reduce((a, b) => a * b, 1);
  const out = new Uint8Array(10 + header.length + count * itemSize);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(enc.encode(header), 10);
  const dv = new DataView(out.buffer);
  // put(c) receives the *storage* position; the caller maps it to an element
  for (let c = 0; c < count; c++) put(dv, 10 + header.length + c * itemSize, c);
  return out;
}

/** A ZIP archive of the entries, each stored (method 0) or deflated (method 8) — PKWARE APPNOTE 4.3. */
function zip(entries: [string, Uint8Array][], deflate: boolean): Uint8Array {
  const parts: Uint8Array[] = [],
    central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const body = deflate ? new Uint8Array(deflateRawSync(data)) : data;
    const nm = enc.encode(name);
    const crc = crc32(data);
    const loc = new Uint8Array(30 + nm.length);
    const l = new DataView(loc.buffer);
    l.setUint32(0, 0x04034b50, true), l.setUint16(4, 20, true), l.setUint16(8, deflate ? 8 : 0, true);
    l.setUint32(14, crc, true), l.setUint32(18, body.length, true), l.setUint32(22, data.length, true), l.setUint16(26, nm.length, true);
    loc.set(nm, 30);
    const cen = new Uint8Array(46 + nm.length);
    const c = new DataView(cen.buffer);
    c.setUint32(0, 0x02014b50, true), c.setUint16(4, 20, true), c.setUint16(6, 20, true), c.setUint16(10, deflate ? 8 : 0, true);
    c.setUint32(16, crc, true),
      c.setUint32(20, body.length, true),
      c.setUint32(24, data.length, true),
      c.setUint16(28, nm.length, true),
      c.setUint32(42, offset, true);
    cen.set(nm, 46);
    parts.push(loc, body);
    central.push(cen);
    offset += loc.length + body.length;
  }
  const cdSize = central.reduce((s, x) => s + x.length, 0);
  const eocd = new Uint8Array(22);
  const e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true),
    e.setUint16(8, entries.length, true),
    e.setUint16(10, entries.length, true),
    e.setUint32(12, cdSize, true),
    e.setUint32(16, offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((s, x) => s + x.length, 0));
  let p = 0;
  for (const x of all) out.set(x, p), (p += x.length);
  return out;
}

const gen = entanglementDataset({ seed: 4, n: 12 });
const N = gen.states.length;
const ref = new Float64Array(N * 32);
gen.states.forEach((s, i) => packComplex(s, ref, i * 32));

/** states (N, 4, 4) complex128 in the given byte order and memory order. */
function statesNpy(little: boolean, fortran: boolean, c8 = false): Uint8Array {
  const shape = [N, 4, 4],
    size = c8 ? 8 : 16;
  return npy(`${little ? '<' : '>'}c${size}`, fortran, shape, size, (dv, off, pos) => {
    // storage position → (n, i, j): C order pos = n·16 + i·4 + j; Fortran pos = n + N·i + 4N·j
    const [n, i, j] = fortran ? [pos % N, Math.floor(pos / N) % 4, Math.floor(pos / (4 * N))] : [Math.floor(pos / 16), Math.floor(pos / 4) % 4, pos % 4];
    const re = ref[n * 32 + i * 4 + j],
      im = ref[n * 32 + 16 + i * 4 + j];
    if (c8) dv.setFloat32(off, re, little), dv.setFloat32(off + 4, im, little);
    else dv.setFloat64(off, re, little), dv.setFloat64(off + 8, im, little);
  });
}
const labelsNpy = (little: boolean) => npy(`${little ? '<' : '>'}i8`, false, [N], 8, (dv, off, c) => dv.setBigInt64(off, BigInt(gen.labels[c]), little));
const kindsNpy = () => {
  const w = Math.max(...gen.kinds.map((k) => k.length));
  return npy(`<U${w}`, false, [N], 4 * w, (dv, off, c) => [...gen.kinds[c]].forEach((ch, k) => dv.setUint32(off + 4 * k, ch.codePointAt(0)!, true)));
};

describe('NumPy .npy (NPY 1.0 written by hand)', () => {
  for (const little of [true, false])
    for (const fortran of [false, true])
      it(`complex128 states, ${little ? 'little' : 'big'}-endian, ${fortran ? 'Fortran' : 'C'} order: the same matrices`, async () => {
        const ds = await readDataset('s.npy', statesNpy(little, fortran), { labels: labelsNpy(little) });
        expect(ds.ok).toBe(true);
        expect(ds.summary.n).toBe(N);
        for (let k = 0; k < ref.length; k++) expect(ds.packed[k]).toBeCloseTo(ref[k], 14);
        expect(ds.labels).toEqual(gen.labels);
      });

  it('complex64 and real float32 states are widened (entries within float32 rounding, then the nearest state)', async () => {
    const ds = await readDataset('s.npy', statesNpy(false, false, true), { labels: labelsNpy(true) });
    expect(ds.ok).toBe(true);
    for (let k = 0; k < ref.length; k++) expect(Math.abs(ds.packed[k] - ref[k])).toBeLessThan(1e-6);
    const real = npy('<f4', false, [1, 2, 2], 4, (dv, off, c) => dv.setFloat32(off, [0.75, 0, 0, 0.25][c], true));
    const r = await readDataset('r.npy', real, { labels: npy('|u1', false, [1], 1, (dv, off) => dv.setUint8(off, 1)) });
    expect(Array.from(r.packed)).toEqual([0.75, 0, 0, 0.25, 0, 0, 0, 0]);
    expect(r.classes).toEqual(['class 0', 'class 1']);
  });

  it('writeNpy → readNpy round trip (c16, i8, U)', () => {
    const a = readNpy(writeNpy({ shape: [2, 2], descr: '<c16', re: [1, 2, 3, 4], im: [0, -1, 0.5, 0] }));
    expect(a.kind).toBe('complex');
    expect(Array.from(a.im!)).toEqual([0, -1, 0.5, 0]);
    expect(readNpy(writeNpy({ shape: [3], descr: '<U', strings: ['a', 'bc', 'δ'] })).strings).toEqual(['a', 'bc', 'δ']);
  });

  it('refuses a pickle (object array) and a bad magic with a message naming the array', () => {
    expect(() =>
      readNpy(
        npy('|O', false, [1], 8, () => {}),
        'kinds.npy',
      ),
    ).toThrow(/^kinds\.npy: object arrays/);
    expect(() => readNpy(enc.encode('not numpy at all'), 'states.npy')).toThrow(/^states\.npy: not a \.npy file/);
  });
});

describe('NumPy .npz (ZIP written by hand)', () => {
  for (const deflate of [false, true])
    it(`${deflate ? 'deflated (np.savez_compressed)' : 'stored (np.savez)'}: states, labels, classes, kinds`, async () => {
      const classes = npy('<U9', false, [2], 36, (dv, off, c) =>
        [...['separable', 'entangled'][c]].forEach((ch, k) => dv.setUint32(off + 4 * k, ch.codePointAt(0)!, true)),
      );
      const file = zip(
        [
          ['states.npy', statesNpy(true, false)],
          ['labels.npy', labelsNpy(true)],
          ['classes.npy', classes],
          ['kinds.npy', kindsNpy()],
        ],
        deflate,
      );
      const ds = await readDataset('d.npz', file);
      expect(Array.from(ds.packed)).toEqual(Array.from(ref));
      expect(ds.classes).toEqual(['separable', 'entangled']);
      expect(ds.kinds).toEqual(gen.kinds);
      expect(ds.summary.classes.map((c) => c.count)).toEqual([gen.labels.filter((l) => l === 0).length, gen.labels.filter((l) => l === 1).length]);
    });

  it('an archive without labels says how to save one', async () => {
    await expect(readDataset('d.npz', zip([['states.npy', statesNpy(true, false)]], false))).rejects.toThrow(/^npz: no "labels" array; save with np\.savez/);
  });
});

describe('CSV and JSON datasets', () => {
  const csv = writeCsvDataset(4, ref, gen.labels);
  it('CSV with a header, `,`: the exact numbers back', () => {
    const ds = checkDataset(readCsvDataset(csv));
    expect(Array.from(ds.packed)).toEqual(Array.from(ref));
    expect(ds.labels).toEqual(gen.labels);
  });
  it('CSV without a header, `;` or tab, class names as labels', () => {
    for (const sep of [';', '\t']) {
      const body = csv
        .split('\n')
        .slice(1)
        .map((l) => l.replace(/,/g, sep).replace(/[01]$/, (m) => (m === '1' ? 'entangled' : 'separable')))
        .join('\n');
      const ds = checkDataset(readCsvDataset(enc.encode(body)));
      expect(ds.labels).toEqual(gen.labels);
      expect(ds.classes).toEqual(['separable', 'entangled']);
    }
  });
  it('CSV errors name the line and column', () => {
    const lines = csv.split('\n');
    lines[3] = lines[3].replace(/^[^,]*/, 'x');
    expect(() => readCsvDataset(lines.join('\n'))).toThrow(/^csv line 4 column 1: not a finite number: "x"/);
    expect(() => readCsvDataset('1,2,3,4\n')).toThrow(/^csv line 1: expected 2d² \+ 1 fields/);
    // the width found and the widths allowed, never a "d = 1"
    expect(() => readCsvDataset('1,2,3,4\n')).toThrow(/9 \(1 qubit\), 33 \(2 qubits\), 129 \(3 qubits\).*8193 \(6 qubits\); found 4 fields separated by ","$/);
    expect(() => readCsvDataset('0.5;0;0\n')).toThrow(/found 3 fields separated by ";"$/);
    expect(() => readCsvDataset('1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n')).toThrow(
      /found 34 fields separated by tab$/,
    );
  });
  it('JSON: the §10 batch with labels, kinds, class names; the header optional', () => {
    const json = {
      states: gen.states.map((s) => ({
        re: [0, 1, 2, 3].map((i) => Array.from(s.re.subarray(4 * i, 4 * i + 4))),
        im: [0, 1, 2, 3].map((i) => Array.from(s.im.subarray(4 * i, 4 * i + 4))),
      })),
      labels: gen.labels.map((l) => (l ? 'entangled' : 'separable')),
      kinds: gen.kinds,
    };
    const ds = checkDataset(readJsonDataset(JSON.stringify(json)));
    expect(Array.from(ds.packed)).toEqual(Array.from(ref));
    expect(ds.labels).toEqual(gen.labels);
    expect(ds.summary.kinds!.entangled).toBe(gen.kinds.filter((k) => k === 'entangled').length);
    expect(() => readJsonDataset({ states: json.states })).toThrow(/^labels: is missing/);
    expect(() =>
      checkDataset(readJsonDataset({ ...json, classes: ['separable', 'entangled'], labels: json.labels.map((l, i) => (i === 2 ? 'x' : l)) })),
    ).toThrow(/^labels\[2\]: unknown class "x"/);
  });
});

describe('every state checked by the §10 rule (summary, never dropped silently)', () => {
  const rng = makeRng(8);
  const states = Array.from({ length: 5 }, () => randomDensityMatrix(8, rng)); // three qubits, d = 8
  const v = new Float64Array(5 * 128);
  states.forEach((s, i) => packComplex(s, v, i * 128));
  v[1 * 128 + 0] += 5e-7; // state 1: trace 1 + 5e-7, within the tolerance → its nearest state
  v[3 * 128 + 9] += 0.1; // state 3: trace 1.1 → refused
  const raw = { format: 'csv' as const, d: 8, n: 5, packed: v, labels: [0, 1, 0, 1, 0] };

  it('repairs within the tolerance (trace distance reported), refuses outside (index and problem)', () => {
    const ds = checkDataset(raw);
    expect(ds.ok).toBe(false);
    expect(ds.summary.nQubits).toBe(3);
    expect(ds.summary.repaired.count).toBe(1);
    expect(ds.summary.repaired.maxTraceDistance).toBeGreaterThan(1e-7);
    expect(ds.summary.repaired.maxTraceDistance).toBeLessThan(1e-6);
    expect(ds.summary.refused).toEqual({ count: 1, first: [{ index: 3, problem: expect.stringMatching(/^trace is not 1: 1\.1 .*--nearest-state uses it/) }] });
    expect(ds.indices).toEqual([0, 1, 2, 4]);
    expect(ds.n).toBe(4);
    for (let i = 0; i < ds.n; i++) expect(trace(stateAt(ds.packed, 8, i))[0]).toBeCloseTo(1, 12);
  });

  it('--nearest-state keeps every state, the refused one projected', () => {
    const ds = checkDataset(raw, { nearestState: true });
    expect(ds.ok).toBe(true);
    expect(ds.summary.repaired.count).toBe(2);
    expect(ds.summary.repaired.maxTraceDistance).toBeGreaterThan(0.04);
  });

  it('d = 128 is refused naming the limit', () => {
    expect(() => checkDataset({ ...raw, d: 128 })).toThrow(/^states: .*d = 2ⁿ between 2 and 64, got d = 128/);
  });
});

describe('seeded stratified split', () => {
  const all = checkDataset(readCsvDataset(writeCsvDataset(4, ref, gen.labels)));
  it('same seed → same split; disjoint; each class split by the share', () => {
    const a = splitDataset(all, 0.25, 3),
      b = splitDataset(all, 0.25, 3),
      c = splitDataset(all, 0.25, 4);
    expect(a.test.indices).toEqual(b.test.indices);
    expect(a.test.indices).not.toEqual(c.test.indices);
    expect(new Set([...a.train.indices, ...a.test.indices]).size).toBe(N);
    for (const cl of [0, 1]) expect(a.test.labels.filter((l) => l === cl).length).toBe(Math.round(0.25 * gen.labels.filter((l) => l === cl).length));
  });
});

describe('certainlyUnchanged: the same verdict as checkState, without the eigensolver', () => {
  it('agrees with checkState on pure, mixed, rank-deficient, boundary and slightly negative states', async () => {
    const { certainlyUnchanged } = await import('./dataset');
    const { checkState } = await import('../states/nearestState');
    const { randomPureState, werner } = await import('../states/states');
    const rng = makeRng(12);
    const cases = [
      ...Array.from({ length: 20 }, () => randomDensityMatrix(4, rng)),
      ...Array.from({ length: 20 }, () => randomPureState(2, rng)),
      ...Array.from({ length: 10 }, () => randomDensityMatrix(8, rng)),
      werner(1 / 3),
      werner(0),
    ];
    // diag(0.5 + δ, 0.5 − δ, −δ', δ'): slightly outside; and a trace 1 + 1e-10
    for (const [a, b] of [
      [1e-14, 1e-14],
      [1e-12, 1e-12],
      [1e-9, 1e-9],
    ]) {
      const m = randomDensityMatrix(2, rng);
      m.re.set([0.5 + a, 0, 0, 0.5 - a - b]);
      m.re[0] += b;
      cases.push(m);
      const n = { rows: 4, cols: 4, re: new Float64Array(16), im: new Float64Array(16) };
      (n.re[0] = 0.5 + b), (n.re[5] = 0.5), (n.re[10] = -b);
      cases.push(n);
    }
    const t = randomDensityMatrix(4, rng);
    t.re[0] += 1e-10;
    cases.push(t);
    let certified = 0;
    for (const rho of cases) {
      const c = checkState(rho);
      if (certainlyUnchanged(rho)) {
        certified++;
        expect(c.ok).toBe(true);
        if (c.ok) {
          expect(c.traceDistance).toBeLessThanOrEqual(1e-12);
          expect(Array.from(c.rho.re)).toEqual(Array.from(rho.re));
          expect(Array.from(c.rho.im)).toEqual(Array.from(rho.im));
        }
      }
    }
    expect(certified).toBeGreaterThan(40); // the certificate does its job on ordinary states
    expect(certainlyUnchanged(t)).toBe(false); // trace off by 1e-10: checkState decides (and reports)
  });
});
