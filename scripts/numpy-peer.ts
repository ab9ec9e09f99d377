/**
 * The numpy peer (python3 ../shared/bench/numpy_peer.py: the batched HQRN forward in numpy,
 * float64, on the same machine) run inside `npm run bench:engine`, so its times come from the
 * same run as the engine's. Null, with the reason, when python3 or numpy is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const NUMPY_PEER = fileURLToPath(new URL('../../shared/bench/numpy_peer.py', import.meta.url));

/** Three runs of the peer (each prints medians of its repetitions); per case the median of the three. */
export function runNumpyPeer(repeats = 3): { times: Record<string, number> | null; reason?: string } {
  const runs: Record<string, number>[] = [];
  for (let r = 0; r < repeats; r++) {
    const one = runNumpyPeerOnce();
    if (!one.times) return one;
    runs.push(one.times);
  }
  const times: Record<string, number> = {};
  for (const k of Object.keys(runs[0])) {
    const v = runs.map((t) => t[k]).sort((a, b) => a - b);
    times[k] = v[Math.floor(v.length / 2)];
  }
  return { times };
}

function runNumpyPeerOnce(): { times: Record<string, number> | null; reason?: string } {
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
  return `numpy peer (same run, median of 3 runs): ${Object.entries(peer.times)
    .map(([k, v]) => `${k} ${v.toFixed(1)} ms`)
    .join(', ')}`;
}
