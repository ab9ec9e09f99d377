import { describe, expect, it } from 'vitest';
import { modelToJson, parseModelFile } from './files';
import { runDate, sha256Hex, validateRunCard } from './runCard';
import { randomQuantumModel } from '../hqrn/randomModel';
import { makeRng } from '../math/rng';

const card = {
  app: { name: 'hqrn-explorer', version: '0.1.0', commit: null },
  date: '2026-01-02T03:04:05.000Z',
  backend: 'float64 core',
  settings: { depth: 2, alpha: 0.5 },
  seed: 7,
  data: { source: 'file', name: 'd.csv', sha256: 'a'.repeat(64), n: 10 },
  metrics: { accuracy: 0.9, balancedAccuracy: 0.85 },
  command: 'hqrn train --data d.csv',
};

describe('run cards (docs/math.md §11)', () => {
  it('sha256 of bytes: the FIPS 180-2 test vector "abc"', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('validates, keeps extra keys, names the bad field', () => {
    expect(validateRunCard({ ...card, extra: 1 })).toMatchObject({ seed: 7, extra: 1 });
    const { backend: _b, ...noBackend } = card;
    expect(() => validateRunCard(noBackend)).toThrow(/^run\.backend: /);
    expect(() => validateRunCard({ ...card, data: { ...card.data, sha256: 'xyz' } })).toThrow(/^run\.data\.sha256: /);
  });

  it('a model file keeps its run card through parseModelFile → modelToJson; files without one stay valid; a bad one is refused', () => {
    const json = modelToJson(randomQuantumModel(2, 1, makeRng(1), { classes: 2 }));
    expect(parseModelFile(json).run).toBeUndefined();
    const m = parseModelFile({ ...json, run: card });
    expect(m.run).toEqual(card);
    expect(modelToJson(m).run).toEqual(card);
    expect(() => parseModelFile({ ...json, run: { ...card, seed: 'x' } })).toThrow(/^run\.seed: /);
  });

  it('the date: --date override, "none" omits it, SOURCE_DATE_EPOCH fixes it', () => {
    expect(runDate('2020-05-06T00:00:00Z')).toBe('2020-05-06T00:00:00.000Z');
    expect(runDate('none')).toBeUndefined();
    expect(runDate(undefined, '86400')).toBe('1970-01-02T00:00:00.000Z');
    expect(Date.parse(runDate()!)).toBeGreaterThan(Date.parse('2025-01-01'));
    expect(() => runDate('yesterday')).toThrow(/^--date: /);
  });
});
