import { describe, expect, it } from 'vitest';
import { decodeDatasetRef, defaultUrlState } from './fields';
import { decodeHash, encodeHash } from './hash';

const sha = 'ab'.repeat(32);
const ds = { sha256: sha, size: 120, nQubits: 3, name: 'my states.npz', classes: ['GHZ-like', 'W-like', 'product'] };

describe('a dataset stack in the link (ds=, in=data:k)', () => {
  it('round-trips the dataset and the state index with no problems', () => {
    const s = { ...defaultUrlState(), model: 'trained: my states.npz', dataset: ds, input: { kind: 'dataset' as const, index: 7 } };
    const hash = encodeHash(s);
    expect(hash).toContain(`ds=${sha}:120:3:`);
    expect(hash).toContain('in=data:7');
    const back = decodeHash(hash);
    expect(back.problems).toEqual([]);
    expect(back.state.dataset).toEqual(ds);
    expect(back.state.input).toEqual({ kind: 'dataset', index: 7 });
  });

  it('a dataset state without its dataset is a problem in words, and the task’s default input is used', () => {
    const back = decodeHash('v=1&in=data:3');
    expect(back.problems).toEqual(['input: a state of a dataset needs the dataset (ds=); using the default input']);
    expect(back.state.input).toEqual({ kind: 'bell', which: 'phi+' });
  });

  it('names what is wrong with a bad ds field', () => {
    expect(decodeDatasetRef('xyz')).toEqual({ problem: '"xyz" is not SHA-256:states:qubits:names' });
    expect('problem' in decodeDatasetRef(`${sha}:10:7:W10`) && decodeDatasetRef(`${sha}:10:7:W10`)).toEqual({
      problem: 'the number of qubits "7" is not 1 to 6',
    });
    expect(decodeDatasetRef(`${sha}:10:3:%%%`)).toEqual({ problem: 'the file and class names are not readable (base64url of a JSON list)' });
    const back = decodeHash(`v=1&ds=${sha.slice(2)}:1:1:x`);
    expect(back.problems[0]).toMatch(/^dataset: .* is not a SHA-256/);
    expect(back.state.dataset).toBeNull();
  });
});
