import { describe, expect, it } from 'vitest';
import { pairFiles } from './importedData';

const f = (name: string, size: number) => ({ name, size });

describe('pairFiles: one import from the picked or dropped files', () => {
  it('one dataset file is taken as it is', () => {
    expect(pairFiles([f('d.csv', 10)])).toEqual({ states: f('d.csv', 10) });
  });
  it('two .npy files: the one named "label…" holds the labels, else the smaller', () => {
    expect(pairFiles([f('labels.npy', 900), f('rho.npy', 100)])).toEqual({ states: f('rho.npy', 100), labels: f('labels.npy', 900) });
    expect(pairFiles([f('a.npy', 8000), f('b.npy', 800)])).toEqual({ states: f('a.npy', 8000), labels: f('b.npy', 800) });
    expect(pairFiles([f('y.npy', 80), f('x.npy', 800)])).toEqual({ states: f('x.npy', 800), labels: f('y.npy', 80) });
  });
  it('a lone .npy, or another combination, gets words naming what to pick', () => {
    const one = pairFiles([f('states.npy', 800)]);
    expect('error' in one && one.error).toMatch(/states\.npy is a \.npy of states alone: .*Pick \(or drop\) both files together/);
    const three = pairFiles([f('a.npy', 1), f('b.npy', 2), f('c.csv', 3)]);
    expect('error' in three && three.error).toMatch(/^3 files \(a\.npy, b\.npy, c\.csv\): pick one dataset file/);
  });
});
