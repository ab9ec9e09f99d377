import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';

describe('selectBackend (node)', () => {
  it('skips webgl with a reason and lands on wasm by default', async () => {
    const info = await selectBackend();
    expect(info.fallbacks[0]).toEqual({ backend: 'webgl', reason: 'no OffscreenCanvas' });
    expect(info.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('honours a requested backend', async () => {
    const cpu = await selectBackend('cpu');
    expect(cpu).toEqual({ backend: 'cpu', fallbacks: [] });
    expect(tf.getBackend()).toBe('cpu');
    const wasm = await selectBackend('wasm');
    expect(wasm).toEqual({ backend: 'wasm', fallbacks: [] });
  });

  it('falls back from a requested webgl and says why', async () => {
    const info = await selectBackend('webgl');
    expect(info.backend).toBe('wasm');
    expect(info.fallbacks).toEqual([{ backend: 'webgl', reason: 'no OffscreenCanvas' }]);
  });
});
