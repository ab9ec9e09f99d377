/**
 * "A new version is available — Reload": one notice for a tab whose build was replaced on the
 * server. A tab of build A keeps running after build B is deployed on the same origin; its
 * lazily loaded chunks (content-hashed file names) are then gone (404), and the offline cache
 * of B (public/sw.js) takes over the page and deletes A's stored files. Whichever is seen
 * first — a lazy import that fails twice (lazyImport.ts) or a service worker that no longer
 * stores this page's script (offlineCache.ts) — raises this notice, once. Reloading keeps the
 * view (it is in the URL hash; urlSync.ts writes a pending change on `pagehide`) and saved
 * work (IndexedDB is per origin, not per build).
 */
import { create } from 'zustand';

export interface AppUpdateState {
  /** True once this tab is known to run a build that is no longer deployed. */
  available: boolean;
  /** What showed it (for the notice's tooltip and the tests). */
  seenBy?: string;
}

export const useAppUpdate = create<AppUpdateState>()(() => ({ available: false }));

/** Show the notice (idempotent: the first reason is kept). */
export function announceNewVersion(seenBy: string): void {
  if (useAppUpdate.getState().available) return;
  useAppUpdate.setState({ available: true, seenBy }, true);
}

/** Thrown where a part of the app could not be loaded because a new version replaced it. */
export class AppUpdatedError extends Error {
  constructor(what: string) {
    super(`${what} could not be loaded: a new version of the app is available; reload the page (the view and saved work are kept)`);
    this.name = 'AppUpdatedError';
  }
}

/** Thrown where a part of the app could not be loaded and the server did not answer. */
export class AppPartUnreachableError extends Error {
  constructor(what: string) {
    super(`${what} could not be loaded: the app's server did not answer (no network?); try again once online`);
    this.name = 'AppPartUnreachableError';
  }
}

/** True for the errors above: the caller's own error line can stay empty (the notice says it). */
export const isAppUpdated = (e: unknown): e is AppUpdatedError => e instanceof AppUpdatedError;

/**
 * The URL of the script this module was bundled into (the build's main chunk, its name carries
 * a content hash): gone from the server once another build is deployed.
 */
export const OWN_SCRIPT = import.meta.url;

/**
 * Is this tab's build still the one on the server? Asks the server (HEAD, bypassing every cache,
 * which a service worker does not intercept: it handles GET only) for this tab's main script.
 * 'replaced': 404 (a new build has other file names); 'current': found; 'unreachable': no answer.
 */
export async function deployedBuild(): Promise<'current' | 'replaced' | 'unreachable'> {
  if (!import.meta.env.PROD) return 'current'; // the dev server serves sources, not a build
  try {
    const r = await fetch(OWN_SCRIPT, { method: 'HEAD', cache: 'no-store' });
    return r.status === 404 || r.status === 410 ? 'replaced' : 'current';
  } catch {
    return 'unreachable';
  }
}
