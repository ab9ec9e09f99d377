/**
 * Run cards (docs/math.md §11): the optional `"run"` object of a model or result file that says
 * what made it — app {name, version, commit}, date (ISO 8601), backend, settings (every training
 * setting), seed, data {source, name, sha256, n, generatorSeed?}, metrics, command? (a CLI line
 * that re-runs it). Loaders accept and keep it; files without it stay valid. Pure (WebCrypto).
 */
import { z } from 'zod';

z.config({ jitless: true });

export interface RunCard {
  app: { name: string; version: string; commit: string | null };
  /** ISO 8601 (omitted with --date none). */
  date?: string;
  backend: string;
  settings: Record<string, unknown>;
  seed: number;
  data: {
    source: 'generator' | 'file';
    name: string;
    sha256?: string | null;
    n: number;
    generatorSeed?: number;
    test?: { source: 'generator' | 'file' | 'split'; name: string; sha256: string | null; n: number; generatorSeed?: number };
  };
  metrics: Record<string, unknown>;
  command?: string;
}

const dataSchema = z.object({
  source: z.enum(['generator', 'file', 'split']),
  name: z.string(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  n: z.number().int().min(0),
  generatorSeed: z.number().optional(),
});

const runCardSchema = z.looseObject({
  app: z.looseObject({ name: z.string(), version: z.string(), commit: z.string().nullable() }),
  date: z.string().optional(),
  backend: z.string(),
  settings: z.record(z.string(), z.unknown()),
  seed: z.number(),
  data: dataSchema.extend({ source: z.enum(['generator', 'file']), test: dataSchema.optional() }).loose(),
  metrics: z.record(z.string(), z.unknown()),
  command: z.string().optional(),
});

/**
 * Validate a `run` object; returns it (unknown extra keys kept) or throws an Error whose
 * message is `run.<field>: <problem>`.
 */
export function validateRunCard(data: unknown): RunCard {
  const r = runCardSchema.safeParse(data);
  if (r.success) return r.data as RunCard;
  const issue = r.error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  throw new Error(`run${path}: ${issue.message}`);
}

/** Lower-case hex SHA-256 of bytes (WebCrypto: node ≥ 18, browsers, Web Workers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(h, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The date of a run: `override` if given ('none' omits it), else SOURCE_DATE_EPOCH (seconds
 * since 1970, the reproducible-builds convention: same settings + seed → byte-identical file)
 * when set, else now.
 */
export function runDate(override?: string, sourceDateEpoch?: string): string | undefined {
  if (override === 'none') return undefined;
  if (override !== undefined) {
    const t = Date.parse(override);
    if (!Number.isFinite(t)) throw new Error(`--date: not an ISO 8601 date: ${JSON.stringify(override)}`);
    return new Date(t).toISOString();
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    const t = Number(sourceDateEpoch);
    if (!Number.isInteger(t) || t < 0) throw new Error(`SOURCE_DATE_EPOCH: not a whole number of seconds: ${JSON.stringify(sourceDateEpoch)}`);
    return new Date(t * 1000).toISOString();
  }
  return new Date().toISOString();
}
