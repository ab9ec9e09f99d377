/**
 * A reader of NumPy's .npy format (NEP 1, versions 1.0 / 2.0 / 3.0) for the datasets of
 * docs/math.md §11. Pure (Uint8Array in, typed arrays out): usable in node, a page and a Web Worker.
 *
 * Layout: the magic `\x93NUMPY`, major and minor version bytes, the header length (uint16 LE for
 * 1.0, uint32 LE for 2.0 / 3.0), then the header, a Python dict literal
 * `{'descr': '<c16', 'fortran_order': False, 'shape': (N, d, d), }`, then the raw data.
 * Read: byte orders `<` `>` `|` `=`; kinds c (complex64 / complex128), f (float32 / float64),
 * i / u (1, 2, 4, 8 bytes), b1, U (UTF-32 strings) and S (byte strings). Object arrays (`|O`,
 * pickles) are refused. Fortran order is turned into C (row-major) order on reading.
 */

export class NpyError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'NpyError';
  }
}

/** A decoded array in C (row-major) order. Complex data: `re` and `im`; strings: `strings`. */
export interface NpyArray {
  shape: number[];
  /** The dtype as written, e.g. '<c16'. */
  descr: string;
  kind: 'complex' | 'real' | 'int' | 'bool' | 'string';
  /** Real parts (complex), the values (real, int, bool as 0 / 1); length = product of shape. */
  re?: Float64Array;
  /** Imaginary parts (complex only). */
  im?: Float64Array;
  strings?: string[];
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

interface Header {
  descr: string;
  fortran: boolean;
  shape: number[];
}

function parseHeader(field: string, text: string): Header {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text);
  if (!descr || !fortran || !shape) {
    if (/'descr'\s*:\s*\[/.test(text)) throw new NpyError(field, 'structured (record) arrays are not supported; save a plain array');
    throw new NpyError(field, `not a NumPy header (expected 'descr', 'fortran_order' and 'shape'): ${text.slice(0, 80)}`);
  }
  const dims = shape[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => Number(s.replace(/L$/, '')));
  if (dims.some((n) => !Number.isInteger(n) || n < 0)) throw new NpyError(field, `bad shape (${shape[1]})`);
  return { descr: descr[1], fortran: fortran[1] === 'True', shape: dims };
}

/** Permutation from C index to the stored (Fortran) index for `shape`. */
function fortranIndex(shape: number[]): (c: number) => number {
  const n = shape.length;
  const fStride = new Array<number>(n);
  let s = 1;
  for (let k = 0; k < n; k++) {
    fStride[k] = s;
    s *= shape[k];
  }
  return (c: number) => {
    let f = 0;
    for (let k = n - 1; k >= 0; k--) {
      const i = c % shape[k];
      c = Math.floor(c / shape[k]);
      f += i * fStride[k];
    }
    return f;
  };
}

/**
 * Decode one .npy file. Errors (NpyError) name `field` (e.g. 'states.npy') and the problem:
 * a bad magic, an unsupported dtype, fewer data bytes than the shape needs.
 */
export function readNpy(bytes: Uint8Array, field = 'npy'): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new NpyError(field, 'not a .npy file (the magic \\x93NUMPY is missing)');
  const major = bytes[6];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number, start: number;
  if (major === 1) {
    headerLen = dv.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new NpyError(field, 'truncated header');
    headerLen = dv.getUint32(8, true);
    start = 12;
  } else throw new NpyError(field, `unsupported .npy version ${major}.${bytes[7]}`);
  if (start + headerLen > bytes.length) throw new NpyError(field, 'truncated header');
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLen));
  const h = parseHeader(field, text);
  const dataStart = start + headerLen;
  const m = /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(h.descr);
  if (!m) throw new NpyError(field, `unsupported dtype ${JSON.stringify(h.descr)} (expected complex, float, integer, bool or string)`);
  const [, order, kindChar, sizeText] = m;
  const size = Number(sizeText || '0');
  const little = order !== '>'; // '<', '|' (single byte) and '=' (native: every platform NumPy writes .npy on today is little-endian)
  const count = h.shape.reduce((a, b) => a * b, 1);
  const itemSize = kindChar === 'U' ? 4 * size : size;
  if (kindChar === 'O') throw new NpyError(field, 'object arrays (pickles) are not read; save strings with dtype str (e.g. np.array(names, dtype=str))');
  const need = count * itemSize;
  if (dataStart + need > bytes.length)
    throw new NpyError(field, `truncated data: shape (${h.shape.join(', ')}) of ${h.descr} needs ${need} bytes, found ${bytes.length - dataStart}`);
  const at = h.fortran && h.shape.length > 1 ? fortranIndex(h.shape) : (c: number) => c;
  const base = dataStart;
  const out: NpyArray = { shape: h.shape, descr: h.descr, kind: 'real' };
  const readNum = (off: number, k: string, s: number): number => {
    switch (k + s) {
      case 'f4':
        return dv.getFloat32(off, little);
      case 'f8':
        return dv.getFloat64(off, little);
      case 'i1':
        return dv.getInt8(off);
      case 'u1':
        return dv.getUint8(off);
      case 'b1':
        return dv.getUint8(off) ? 1 : 0;
      case 'i2':
        return dv.getInt16(off, little);
      case 'u2':
        return dv.getUint16(off, little);
      case 'i4':
        return dv.getInt32(off, little);
      case 'u4':
        return dv.getUint32(off, little);
      case 'i8':
        return Number(dv.getBigInt64(off, little));
      case 'u8':
        return Number(dv.getBigUint64(off, little));
    }
    throw new NpyError(field, `unsupported dtype ${JSON.stringify(h.descr)} (expected complex64/128, float32/64, integer, bool or string)`);
  };
  if (kindChar === 'c') {
    if (size !== 8 && size !== 16) throw new NpyError(field, `unsupported dtype ${JSON.stringify(h.descr)} (complex64 or complex128 expected)`);
    const half = size / 2;
    const re = new Float64Array(count),
      im = new Float64Array(count);
    for (let c = 0; c < count; c++) {
      const off = base + at(c) * size;
      re[c] = readNum(off, 'f', half);
      im[c] = readNum(off + half, 'f', half);
    }
    return { ...out, kind: 'complex', re, im };
  }
  if (kindChar === 'f' || kindChar === 'i' || kindChar === 'u' || kindChar === 'b') {
    readNum(base, kindChar, size); // validates the dtype (throws for f2, i16, …)
    const re = new Float64Array(count);
    for (let c = 0; c < count; c++) re[c] = readNum(base + at(c) * size, kindChar, size);
    return { ...out, kind: kindChar === 'f' ? 'real' : kindChar === 'b' ? 'bool' : 'int', re };
  }
  if (kindChar === 'U' || kindChar === 'S') {
    const strings: string[] = [];
    const latin = new TextDecoder('latin1');
    for (let c = 0; c < count; c++) {
      const off = base + at(c) * itemSize;
      let s = '';
      if (kindChar === 'U') {
        for (let k = 0; k < size; k++) {
          const cp = dv.getUint32(off + 4 * k, little);
          if (cp === 0) break;
          s += String.fromCodePoint(cp);
        }
      } else {
        let end = off;
        while (end < off + size && bytes[end] !== 0) end++;
        s = latin.decode(bytes.subarray(off, end));
      }
      strings.push(s);
    }
    return { ...out, kind: 'string', strings };
  }
  throw new NpyError(field, `unsupported dtype ${JSON.stringify(h.descr)} (expected complex, float, integer, bool or string)`);
}

/**
 * Write a C-order little-endian .npy (version 1.0) — the inverse of readNpy for the dtypes the
 * CLI writes: '<c16' (re + im), '<f8', '<i8' and '<U{n}' strings.
 */
export function writeNpy(a: {
  shape: number[];
  descr: '<c16' | '<f8' | '<i8' | '<U';
  re?: ArrayLike<number>;
  im?: ArrayLike<number>;
  strings?: string[];
}): Uint8Array {
  const count = a.shape.reduce((x, y) => x * y, 1);
  const width = a.descr === '<U' ? Math.max(1, ...(a.strings ?? []).map((s) => [...s].length)) : 0;
  const descr = a.descr === '<U' ? `<U${width}` : a.descr;
  const shapeText = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += `${' '.repeat(pad % 64)}\n`;
  const item = a.descr === '<c16' ? 16 : a.descr === '<U' ? 4 * width : 8;
  const out = new Uint8Array(10 + header.length + count * item);
  out.set(MAGIC, 0);
  out[6] = 1;
  const dv = new DataView(out.buffer);
  dv.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const base = 10 + header.length;
  for (let c = 0; c < count; c++) {
    const off = base + c * item;
    if (a.descr === '<c16') {
      dv.setFloat64(off, a.re![c], true);
      dv.setFloat64(off + 8, a.im![c], true);
    } else if (a.descr === '<f8') dv.setFloat64(off, a.re![c], true);
    else if (a.descr === '<i8') dv.setBigInt64(off, BigInt(a.re![c]), true);
    else [...a.strings![c]].forEach((ch, k) => dv.setUint32(off + 4 * k, ch.codePointAt(0)!, true));
  }
  return out;
}
