/**
 * A small ZIP reader for NumPy's .npz files (docs/math.md §11): the end-of-central-directory
 * record, the central directory (with ZIP64 extra fields, which `np.savez` writes), each
 * entry's local header, and the two methods NumPy uses: 0 (stored, `np.savez`) and 8 (deflate,
 * `np.savez_compressed`), inflated with the platform's `DecompressionStream('deflate-raw')`
 * (node ≥ 18, every current browser, Web Workers). No node imports. Encrypted and multi-disk
 * archives are refused.
 */

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

const EOCD = 0x06054b50,
  CEN = 0x02014b50,
  LOC = 0x04034b50,
  EOCD64_LOCATOR = 0x07064b50;

/** The entries of a ZIP archive from its central directory. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let e = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (dv.getUint32(i, true) === EOCD) {
      e = i;
      break;
    }
  if (e < 0) throw new ZipError('not a ZIP/.npz archive (no end-of-central-directory record)');
  let count = dv.getUint16(e + 10, true);
  let cdOffset = dv.getUint32(e + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff) && e >= 20 && dv.getUint32(e - 20, true) === EOCD64_LOCATOR) {
    const e64 = Number(dv.getBigUint64(e - 12, true));
    count = Number(dv.getBigUint64(e64 + 32, true));
    cdOffset = Number(dv.getBigUint64(e64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CEN) throw new ZipError(`damaged central directory at entry ${k}`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true),
      extraLen = dv.getUint16(p + 30, true),
      commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field (id 0x0001): the 0xFFFFFFFF fields in order size, compressed size, offset.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = dv.getUint16(x, true),
        len = dv.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) (size = Number(dv.getBigUint64(q, true))), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = Number(dv.getBigUint64(q, true))), (q += 8);
        if (localOffset === 0xffffffff) localOffset = Number(dv.getBigUint64(q, true));
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset, flags });
    p = xEnd + commentLen;
  }
  return entries;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined')
    throw new ZipError('this platform cannot inflate deflated .npz entries (no DecompressionStream); save with np.savez instead of np.savez_compressed');
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw' as CompressionFormat));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The uncompressed bytes of one entry (stored or deflated). */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOC) throw new ZipError(`${entry.name}: damaged local header`);
  if (entry.flags & 1) throw new ZipError(`${entry.name}: encrypted entries are not supported`);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ZipError(`${entry.name}: truncated (${raw.length} of ${entry.compressedSize} bytes)`);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    try {
      out = await inflateRaw(raw);
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError(`${entry.name}: cannot inflate (${(e as Error).message})`);
    }
  } else throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported (stored or deflate expected)`);
  if (out.length !== entry.size) throw new ZipError(`${entry.name}: expected ${entry.size} bytes, got ${out.length}`);
  return out;
}

/** Every entry of an archive by name, uncompressed. */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of listZip(bytes)) if (!e.name.endsWith('/')) out.set(e.name, await readZipEntry(bytes, e));
  return out;
}
