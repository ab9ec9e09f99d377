import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import { crossCheck } from './crossCheck';
import { Engine } from '../forward/engine';

/** docs/math.md §9: the float32 engine agrees with the float64 core to 1e-4 absolute. */
describe.each(['cpu', 'wasm'] as const)('cross-check against the float64 core on %s', (backend) => {
  it('every state entry, x, q and readout probability within 1e-4', async () => {
    const info = await selectBackend(backend);
    expect(info.backend).toBe(backend);
    const before = tf.memory().numTensors;
    const r = await crossCheck(new Engine(), 7);
    expect(r.backend).toBe(backend);
    expect(r.cases.length).toBe(8);
    for (const c of r.cases) {
      expect(c.entries, c.name).toBeGreaterThan(0);
      expect(c.maxAbsError, c.name).toBeLessThanOrEqual(1e-4);
    }
    expect(r.maxAbsError).toBeLessThanOrEqual(1e-4);
    expect(tf.memory().numTensors).toBe(before);
    console.log(
      `${backend}: max |engine − core| = ${r.maxAbsError.toExponential(2)} (${r.ms.toFixed(0)} ms)\n` +
        r.cases.map((c) => `  ${c.name}: ${c.maxAbsError.toExponential(2)}`).join('\n'),
    );
  });
});
