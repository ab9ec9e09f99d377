/** Types of scripts/worker-chunks.mjs (imported by vite.config.ts and its tests). */
import type { Plugin } from 'vite';

export interface BundleFile {
  type: string;
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export function entryBackImports(bundle: Record<string, BundleFile>): string[];
export function workerChunkGuard(): Plugin;
