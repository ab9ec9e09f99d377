/**
 * savedWork.ts in node, where there is no IndexedDB: the same calls run on the in-memory
 * store (the private-browsing fallback), so the logic around storage is tested here and the
 * IndexedDB part in e2e/saved-work.spec.ts. fetch and document are stubbed for the bundled
 * models.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { modelToJson } from '../../core/io/files';
import { randomQuantumModel } from '../../core/hqrn/randomModel';
import { makeRng } from '../../core/math/rng';
import * as saved from './savedWork';

const model = JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(2, 2, makeRng(8), { classes: 2 }))));
const bundledModel = JSON.parse(JSON.stringify(modelToJson(randomQuantumModel(2, 1, makeRng(9), { classes: 2 }))));
const fetched: string[] = [];

beforeAll(() => {
  vi.stubGlobal('document', { baseURI: 'http://host/some/sub/path/index.html' });
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const body =
      url === 'http://host/some/sub/path/models/index.json'
        ? [{ name: 'bundled-one', file: 'bundled-one.json', task: 'entanglement', kind: 'quantum', depth: 1, nQubits: 2 }, { nonsense: true }]
        : url === 'http://host/some/sub/path/models/bundled-one.json'
          ? bundledModel
          : undefined;
    return { ok: body !== undefined, status: body ? 200 : 404, json: async () => body };
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('saved work without IndexedDB (in-memory store)', () => {
  it('says why it is not persistent', async () => {
    expect(await saved.storageStatus()).toEqual({ persistent: false, reason: 'this browser offers no IndexedDB (private browsing, or storage disabled)' });
  });

  it('save → list (newest first) → rename → delete → restore', async () => {
    const a = await saved.saveModel({ name: '  first\nmodel ', model, accuracy: 0.9 });
    expect(a).toMatchObject({ name: 'first model', task: 'entanglement', kind: 'quantum', depth: 2, accuracy: 0.9 });
    await new Promise((r) => setTimeout(r, 5));
    const b = await saved.saveModel({ name: 'second', model, accuracy: 3 });
    expect(b.accuracy).toBeUndefined(); // not an accuracy
    expect((await saved.listModels()).map((m) => m.name)).toEqual(['second', 'first model']);

    await saved.renameSaved('models', a.id, '<b>renamed</b>');
    expect((await saved.getModel(a.id))?.name).toBe('<b>renamed</b>');
    await expect(saved.renameSaved('models', a.id, ' \n ')).rejects.toThrow('name: must not be empty');
    await expect(saved.renameSaved('models', 'no-such-id', 'x')).rejects.toThrow(/no saved model with id no-such-id/);

    const gone = await saved.deleteSaved('models', a.id);
    expect(gone?.name).toBe('<b>renamed</b>');
    expect((await saved.listModels()).map((m) => m.id)).toEqual([b.id]);
    await saved.restoreSaved('models', [gone!]);
    expect(await saved.getModel(a.id)).toEqual(gone);
    await saved.deleteSaved('models', a.id);
    await saved.deleteSaved('models', b.id);
    expect(await saved.listModels()).toEqual([]);
  });

  it('a record handed out cannot change the stored one', async () => {
    const a = await saved.saveModel({ name: 'frozen', model });
    (await saved.getModel(a.id))!.name = 'mutated';
    expect((await saved.getModel(a.id))!.name).toBe('frozen');
    await saved.deleteSaved('models', a.id);
  });

  it('refuses an invalid model or input before writing anything', async () => {
    const bad = structuredClone(model);
    bad.blocks[0].alpha = 2;
    await expect(saved.saveModel({ name: 'bad', model: bad })).rejects.toThrow('blocks[0].alpha: must be in [0, 1], got 2');
    await expect(saved.saveInput({ name: 'bad', input: { kind: 'werner', p: -0.5 } })).rejects.toThrow(/^input\.p: /);
    expect(await saved.listModels()).toEqual([]);
    expect(await saved.listInputs()).toEqual([]);
  });

  it('inputs: save, list, export as a valid hqrn-state with the recipe', async () => {
    const i = await saved.saveInput({
      name: 'werner-ish',
      input: {
        kind: 'matrix',
        re: [
          [0.25, 0, 0, 0.1],
          [0, 0.25, 0, 0],
          [0, 0, 0.25, 0],
          [0.1, 0, 0, 0.25],
        ],
        im: [
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
          [0, 0, 0, 0],
        ],
      },
    });
    expect(i.task).toBe('entanglement');
    expect((await saved.listInputs()).map((x) => x.id)).toEqual([i.id]);
    const file = await saved.exportInputFile(i);
    expect(file.fileName).toBe('hqrn-state-werner-ish.json');
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({ format: 'hqrn-state', version: 1, name: 'werner-ish', input: i.input });
    await saved.deleteSaved('inputs', i.id);
  });

  it('import: over 20 MB refused without reading; a bad file stores nothing; a good one is listed', async () => {
    let read = false;
    const huge = { name: 'huge.json', size: 50 * 1024 * 1024, text: async () => ((read = true), '') } as unknown as Blob & { name: string };
    await expect(saved.importSavedFile(huge)).rejects.toThrow('huge.json: the file is 50.0 MB, larger than the 20.0 MB limit for imports; it was not read');
    expect(read).toBe(false);

    const bad = new File([JSON.stringify({ ...model, nQubits: 3 })], 'bad.json');
    await expect(saved.importSavedFile(bad)).rejects.toThrow('bad.json: blocks[0].bias: expected 8 entries, got 4');
    expect(await saved.listModels()).toEqual([]);

    const good = new File([JSON.stringify({ ...model, name: 'from a file', meta: { accuracy: 0.5 } })], 'good.json');
    const r = await saved.importSavedFile(good);
    expect(r.models.map((m) => m.name)).toEqual(['from a file']);
    expect((await saved.listModels()).map((m) => [m.name, m.accuracy])).toEqual([['from a file', 0.5]]);
    const exported = await saved.exportModelFile(r.models[0]);
    expect(exported.fileName).toBe('hqrn-model-from-a-file.json');
    expect(JSON.parse(exported.text)).toMatchObject({ ...model, name: 'from a file', meta: { accuracy: 0.5 } });
  });

  it('findModelByName: saved models first, then the bundled ones (relative to the page), else undefined', async () => {
    expect(await saved.findModelByName('from a file')).toEqual({ name: 'from a file', model });
    expect(await saved.findModelByName('bundled-one')).toEqual({ name: 'bundled-one', model: bundledModel });
    expect(fetched).toContain('http://host/some/sub/path/models/bundled-one.json');
    // the entry without name/file in index.json is dropped
    expect((await saved.listBundledModels()).map((m) => m.name)).toEqual(['bundled-one']);
    expect(await saved.findModelByName('nobody')).toBeUndefined();
    // a saved model may not take a bundled model's name (a link naming it opened the saved
    // model here and the bundled one on every other machine): saving and renaming refuse it
    await expect(saved.saveModel({ name: 'Bundled-One', model })).rejects.toThrow(
      'name: “bundled-one” is the name of a model that comes with the app; choose another name',
    );
    const mine = await saved.saveModel({ name: 'mine', model });
    await expect(saved.renameSaved('models', mine.id, 'bundled-one')).rejects.toThrow('is the name of a model that comes with the app');
    expect(await saved.findModelByName('bundled-one')).toEqual({ name: 'bundled-one', model: bundledModel });
    await saved.deleteSaved('models', mine.id);
  });

  it('findModelByName: a link keeps finding a saved model after a rename, and a model saved under another name than the explorer showed', async () => {
    const m = await saved.saveModel({ name: 'trained: entanglement, greedy, depth 12', model });
    await saved.renameSaved('models', m.id, 'my model');
    expect(await saved.findModelByName('trained: entanglement, greedy, depth 12')).toEqual({ name: 'my model', model });
    await saved.renameSaved('models', m.id, 'my model v2');
    expect(await saved.findModelByName('trained: entanglement, greedy, depth 12')).toEqual({ name: 'my model v2', model });
    expect(await saved.findModelByName('my model')).toEqual({ name: 'my model v2', model });
    expect(await saved.findModelByName('my model v2')).toEqual({ name: 'my model v2', model });
    // saved under a name of the user's choosing while the explorer (and its link) says "trained: …"
    const n = await saved.saveModel({ name: 'chosen', model: bundledModel, alsoKnownAs: 'trained: digits, transfer' });
    expect(await saved.findModelByName('trained: digits, transfer')).toEqual({ name: 'chosen', model: bundledModel });
    // an exact name (saved or bundled) wins over a former name
    const other = await saved.saveModel({ name: 'my model', model: bundledModel });
    expect(await saved.findModelByName('my model')).toEqual({ name: 'my model', model: bundledModel });
    for (const r of [m, n, other]) await saved.deleteSaved('models', r.id);
  });
});

describe('a saved model may not take a bundled model’s name (bundledNameProblem)', () => {
  it('refuses the bundled names, whatever their case; other names are free', async () => {
    const { bundledNameProblem } = await import('./format');
    const bundled = ['entanglement-quantum', 'digits-quantum'];
    expect(bundledNameProblem('entanglement-quantum', bundled)).toBe(
      'name: “entanglement-quantum” is the name of a model that comes with the app; choose another name',
    );
    expect(bundledNameProblem('Digits-Quantum', bundled)).toMatch(/“digits-quantum” is the name of a model that comes with the app/);
    expect(bundledNameProblem('entanglement-quantum (mine)', bundled)).toBeNull();
    expect(bundledNameProblem('anything', [])).toBeNull();
  });
});
