/**
 * `hqrn sweep`'s worker threads load one prebuilt bundle of sweepRun.ts (sweepBundle.ts): the
 * bundle is the same code, so a run gives the same model bytes as the TypeScript source.
 */
import { describe, expect, it } from 'vitest';
import { sweepRunBundle } from './sweepBundle';
import { runSweepItem } from './sweepRun';
import { parseTrainSettings } from './train';

describe('the sweep bundle', () => {
  it('builds, loads natively and trains the same model bytes as the source (same seed)', async () => {
    const url = await sweepRunBundle();
    expect(url).toMatch(/^file:.*hqrn-sweep-run-[0-9a-f]{16}\.mjs$/);
    const bundled = (await import(/* @vite-ignore */ url!)) as typeof import('./sweepRun');
    for (const v of [
      { task: 'entanglement', depth: '2', alpha: '0.6', seed: '3', 'n-train': '200', 'n-test': '100', epochs: '2' },
      { task: 'entanglement', depth: '1', alpha: '0.3', seed: '4', 'n-train': '200', 'n-test': '100', epochs: '3', mode: 'end-to-end' },
    ]) {
      const s = parseTrainSettings(v);
      const a = await runSweepItem(s, 'none');
      const b = await bundled.runSweepItem(s, 'none');
      expect(JSON.stringify(b.model)).toBe(JSON.stringify(a.model));
      expect(b.run).toEqual(a.run);
    }
  }, 30000);
});
