/** Types of scripts/offline-manifest.mjs (imported by vite.config.ts and its tests). */
export interface OfflineManifest {
  /** Changes whenever a stored file (or the set of runtime-cached data files) changes. */
  version: string;
  /** Paths relative to the app's folder, '/'-separated, sorted. */
  files: string[];
  /** The engine worker's Content-Security-Policy (scripts/csp.mjs WORKER_CSP). */
  workerCsp: string;
}
export const MANIFEST_FILE: string;
export function precacheFiles(allFiles: string[]): string[];
export function buildOfflineManifest(outDir: string): OfflineManifest;
export function writeOfflineManifest(outDir: string): OfflineManifest;
