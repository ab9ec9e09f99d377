/**
 * Run cards of the explorer's exports (docs/math.md §11): the fields are present and valid
 * (validateRunCard), and the files that carry them still load in the explorer's readers and the
 * CLI's (parseStateFile, parseModelFile, parseQasm, the §11 dataset reader).
 */
import { describe, expect, it } from 'vitest';
import { parseModelFile, parseStateFile } from '../../core/io/files';
import { validateRunCard } from '../../core/io/runCard';
import { parseQasm } from '../../core/io/qasmParse';
import { readDataset } from '../../core/io/readDataset';
import type { StackSpec } from '../../protocol/explorer';
import { createExportApi } from '../../../workers/engine/exportApi';
import { explorerRunCard, modelFileCard, qasmWithRunCard, svgWithRunCard } from './runCard';

const stack: StackSpec = {
  task: 'entanglement',
  blocks: [
    { id: 'a', alpha: 0.5, activation: 'relu', gain: 4, seed: 11 },
    { id: 'b', alpha: 0.3, activation: 'softplus', gain: 2, seed: 12 },
  ],
  readoutSeed: 7,
};
const input = { kind: 'bell', bell: 'phi+' } as const;
const api = createExportApi({ engine: undefined as never, loadDigits: async () => Promise.reject(new Error('not needed')) });
const DATE = '2026-01-02T03:04:05.000Z';

describe('explorer run cards', () => {
  it('carry the app, date, backend, every block setting, the input and what was exported', () => {
    const card = validateRunCard(explorerRunCard({ stack, input: input as never, exported: 'hqrn-state of layer 2', date: DATE }));
    expect(Object.keys(card.app)).toEqual(['name', 'version', 'commit']);
    expect(card.date).toBe(DATE);
    expect(card.backend).toMatch(/float64/);
    expect(card.settings.blocks).toEqual([
      { alpha: 0.5, activation: 'relu', gain: 4, seed: 11 },
      { alpha: 0.3, activation: 'softplus', gain: 2, seed: 12 },
    ]);
    expect(card.settings).toMatchObject({ task: 'entanglement', readoutSeed: 7, model: 'seeded weights' });
    expect(card.seed).toBe(7);
    expect(card.data).toMatchObject({ source: 'generator', n: 1 });
    expect(card.data.name).toContain('"phi+"');
    expect(card.metrics.exported).toBe('hqrn-state of layer 2');
  });

  it('a trained model keeps its own card (how it was made); the explorer card names it in settings.modelRun', () => {
    const own = {
      app: { name: 'hqrn-explorer', version: '0.1.0', commit: null },
      backend: 'float64 core',
      settings: { depth: 1 },
      seed: 3,
      data: { source: 'generator', name: 'entanglement', n: 10 },
      metrics: {},
    };
    const model = { ...api.exportModelJson(stack), run: own };
    const trained: StackSpec = { ...stack, trained: { name: 'mine', model } };
    expect(modelFileCard(model, { stack: trained, exported: 'model', date: DATE })).toBe(own);
    const card = validateRunCard(explorerRunCard({ stack: trained, exported: 'figure', date: DATE }));
    expect(card.settings).toMatchObject({ model: 'mine', modelRun: own });
  });

  it('the exported files with their cards still load: state, model, dataset, OpenQASM, SVG', async () => {
    const card = explorerRunCard({ stack, input: input as never, exported: 'test', date: DATE });
    const state = JSON.parse(JSON.stringify({ ...api.exportDatasetJson({ seed: 1, n: 4 }), run: card }));
    expect(parseStateFile(state)).toHaveLength(4);
    const ds = await readDataset('d.json', new TextEncoder().encode(JSON.stringify(state)));
    expect(ds.n).toBe(4);
    expect(ds.labels).toEqual(state.labels);

    const modelJson = api.exportModelJson(stack);
    const withCard = JSON.parse(JSON.stringify({ ...modelJson, run: modelFileCard(modelJson, { stack, exported: 'model', date: DATE }) }));
    const model = parseModelFile(withCard);
    expect(model.blocks).toHaveLength(2);
    expect(model.run?.settings.readoutSeed).toBe(7);

    const q = api.exportQasm(stack, 2, 2);
    const text = qasmWithRunCard(q.text, card);
    expect(text.split('\n')[2]).toBe(`// run card (docs/math.md §11): ${JSON.stringify(card)}`);
    expect(parseQasm(text).circuits).toHaveLength(4);
    expect(parseQasm(text)).toEqual(parseQasm(q.text));

    const svg = svgWithRunCard('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="1" height="1"/></svg>', card);
    const meta = svg.match(/<metadata id="hqrn-run-card">([^<]*)<\/metadata>/)![1];
    const unescaped = meta.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(JSON.parse(unescaped)).toEqual(card);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><metadata')).toBe(true);
  });
});
