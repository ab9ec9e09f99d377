/**
 * The code of `hqrn sweep`'s worker threads as ONE prebuilt ES module, so that each worker loads
 * it natively instead of through tsx's loader. Measured on the 2-core machine: tsx loads the 32
 * TypeScript modules of a run (sweepRun.ts and its imports) in ~2.7 s per worker thread, the
 * bundle in ~0.5 s; esbuild builds it in ~0.1 s. The bundle is the same source, so the same
 * settings give the same bytes (src/cli/sweep.test.ts checks it).
 *
 * esbuild is tsx's own compiler (installed with tsx, a dependency of the CLI). Packages stay
 * external, resolved to absolute paths from this repository, and `import.meta.url` is the URL of
 * src/cli/sweepRun.ts (every file of the bundle that reads it lives in src/cli), so the bundle
 * may live in the system's temporary folder. Any failure → null, and the workers use tsx.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY = new URL('./sweepRun.ts', import.meta.url);

/** The file URL of the bundled sweepRun.ts in the temporary folder, or null when it cannot be built. */
export async function sweepRunBundle(): Promise<string | null> {
  try {
    const { build } = (await import('esbuild')) as typeof import('esbuild');
    const require = createRequire(ENTRY);
    const out = await build({
      entryPoints: [fileURLToPath(ENTRY)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      define: { 'import.meta.url': JSON.stringify(ENTRY.href) },
      plugins: [
        {
          name: 'packages-by-absolute-path',
          setup(b) {
            // bare specifiers (packages): external, by the absolute URL this repository resolves them to
            b.onResolve({ filter: /^[^./]/ }, (args) => {
              if (args.path.startsWith('node:')) return { path: args.path, external: true };
              return { path: pathToFileURL(require.resolve(args.path)).href, external: true };
            });
          },
        },
      ],
    });
    const code = out.outputFiles[0].text;
    const file = join(tmpdir(), `hqrn-sweep-run-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) writeFileSync(file, code);
    return pathToFileURL(file).href;
  } catch {
    return null;
  }
}
