import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readModelFile } from './modelFile';

const bundled = (name: string) => readFileSync(new URL(`../../../experiments/models/${name}.json`, import.meta.url), 'utf8');

describe('readModelFile (Model menu → Load trained model)', () => {
  it('a quantum model file is read with the task of its qubit count', async () => {
    const q = await readModelFile('entanglement-quantum.json', bundled('entanglement-quantum'));
    expect('task' in q && q.task).toBe('entanglement');
    const d = await readModelFile('digits-quantum.json', bundled('digits-quantum'));
    expect('task' in d && d.task).toBe('digits');
  });

  it('a classical model is refused before anything changes (it left the explorer on "computing…")', async () => {
    const r = await readModelFile('digits-classical.json', bundled('digits-classical'));
    expect(r).toEqual({ problem: expect.stringMatching(/^model file digits-classical\.json: a classical model; the explorer shows quantum models/) });
  });

  it('not JSON, not an object, a bad field: one line naming the problem', async () => {
    expect(await readModelFile('x.json', '{ not json')).toEqual({ problem: expect.stringMatching(/^model file x\.json: /) });
    expect(await readModelFile('x.json', '[1, 2]')).toEqual({ problem: 'model file x.json: expected a JSON object (an hqrn-model)' });
    const model = JSON.parse(bundled('entanglement-quantum'));
    model.blocks[0].gain = -1;
    const r = await readModelFile('bad.json', JSON.stringify(model));
    expect('problem' in r && r.problem).toMatch(/^model file bad\.json: blocks\[0\]\.gain/);
  });
});
