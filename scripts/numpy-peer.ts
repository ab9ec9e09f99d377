/**
 * The numpy peer (python3 ../shared/bench/numpy_peer.py: the batched HQRN forward in numpy,
 * float64, on the same machine) run inside `npm run bench:engine`, so its times come from the
 * same run as the engine's. Null, with the reason, when python3 or numpy is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const NUMPY_PEER = fileURLToPath(new URL('../../shared/bench/numpy_peer.py', import.meta.url));

export function runNumpyPeer(): { times: Record<string, number> | null; reason?: string } {
  if (!existsSync(NUMPY_PEER)) return { times: null, reason: `${NUMPY_PEER} not found` };
  const r = spawnSync('python3', [NUMPY_PEER], { encoding: 'utf8', timeout: 300_000 });
  if (r.error) return { times: null, reason: `python3: ${r.error.message}` };
  if (r.status !== 0) return { times: null, reason: `numpy peer exited with ${r.status}: ${r.stderr.trim().split('\n').pop()}` };
  try {
    return { times: JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number> };
  } catch {
    return { times: null, reason: `numpy peer printed no JSON: ${r.stdout.slice(0, 200)}` };
  }
}

/** The peer's line for the bench output. */
export function describeNumpy(peer: ReturnType<typeof runNumpyPeer>): string {
  if (!peer.times) return `numpy peer: not run (${peer.reason})`;
  return `numpy peer (same run): ${Object.entries(peer.times).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`;
}
