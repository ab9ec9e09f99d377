/**
 * scripts/worker-chunks.mjs and the built engine worker: no chunk imports the worker's entry
 * chunk (WebKit evaluates the entry a second time: a second tfjs whose wasm kernels were never
 * set up, "r is not a function" in training, docs/browsers.md), and tfjs-core is bundled once.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { entryBackImports, workerChunkGuard } from '../scripts/worker-chunks.mjs';

const tmp: string[] = [];
const tempDir = (tag: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `hqrn-${tag}-`));
  tmp.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('entryBackImports', () => {
  const chunk = (fileName: string, isEntry: boolean, imports: string[] = [], dynamicImports: string[] = []) => ({
    type: 'chunk',
    fileName,
    isEntry,
    imports,
    dynamicImports,
  });

  it('finds a chunk importing the entry, statically or with import()', () => {
    const bundle = {
      'w.js': chunk('w.js', true, [], ['hooks.js']),
      'hooks.js': chunk('hooks.js', false, ['w.js']),
      'lazy.js': chunk('lazy.js', false, [], ['w.js']),
      'w.wasm': { type: 'asset', fileName: 'w.wasm' },
    };
    expect(entryBackImports(bundle)).toEqual(['hooks.js imports the entry chunk w.js', 'lazy.js imports the entry chunk w.js']);
  });

  it('accepts chunks that import shared chunks only', () => {
    const bundle = {
      'w.js': chunk('w.js', true, ['shared.js'], ['hooks.js']),
      'hooks.js': chunk('hooks.js', false, ['shared.js']),
      'shared.js': chunk('shared.js', false),
    };
    expect(entryBackImports(bundle)).toEqual([]);
  });
});

describe('workerChunkGuard in a real build', () => {
  it('fails a bundle whose lazily loaded chunk imports from its entry', async () => {
    const dir = tempDir('guard');
    writeFileSync(path.join(dir, 'entry.js'), "export const hello = () => 'hi';\nimport('./hooks.js').then((m) => m.run());\n");
    writeFileSync(path.join(dir, 'hooks.js'), "import { hello } from './entry.js';\nexport const run = () => hello();\n");
    await expect(
      build({
        configFile: false,
        root: dir,
        logLevel: 'silent',
        plugins: [workerChunkGuard()],
        build: { write: false, rolldownOptions: { input: path.join(dir, 'entry.js'), output: { format: 'es' } } },
      }),
    ).rejects.toThrow(/hooks-[\w-]+\.js imports the entry chunk .*entry[\w-]*\.js/);
  }, 60_000);
});

describe('the built engine worker', () => {
  it('has no chunk importing its entry, and one copy of tfjs-core', async () => {
    const outDir = tempDir('dist');
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const assets = path.join(outDir, 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const entry = js.find((f) => /^engine\.worker-[\w-]+\.js$/.test(f));
    expect(entry, `the worker entry among ${js.join(', ')}`).toBeDefined();
    const code = Object.fromEntries(js.map((f) => [f, readFileSync(path.join(assets, f), 'utf8')]));
    // The worker loads its test hooks as a chunk of its own: that chunk must exist (else this
    // test checks nothing) and import nothing from the entry.
    const hooks = js.find((f) => f.startsWith('testHooks-'));
    expect(hooks).toBeDefined();
    const importsEntry = new RegExp(`(?:from|import)\\s*\\(?\\s*["'\`]\\./${entry!.replace(/\./g, '\\.')}["'\`]`);
    expect(js.filter((f) => importsEntry.test(code[f]))).toEqual([]);
    // tfjs-core keeps its kernel registry under the global key 'kernelRegistry': once per copy.
    const copies = js.reduce((n, f) => n + (code[f].match(/kernelRegistry/g)?.length ?? 0), 0);
    expect(copies).toBe(1);
    expect(code[entry!]).toContain('kernelRegistry');
  }, 120_000);
});
