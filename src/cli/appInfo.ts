/** The run card's `app` (docs/math.md §11): package name and version, the git commit if any. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let cached: { name: string; version: string; commit: string | null } | undefined;

export function appInfo(): { name: string; version: string; commit: string | null } {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { name: string; version: string };
  let commit: string | null = null;
  try {
    commit =
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
        .toString()
        .trim() || null;
  } catch {
    commit = null; // not a git checkout (an npm tarball): the version alone
  }
  cached = { name: pkg.name, version: pkg.version, commit };
  return cached;
}
