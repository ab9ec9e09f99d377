/**
 * Registers the offline cache (public/sw.js) in the built app and tracks its state for the
 * status line. Not in the dev server (its files change on every edit and it has no
 * sw-manifest.js). The worker stores the app when it installs; from then on a reload works
 * without the network (README "Publish").
 */
import { create } from 'zustand';

export type OfflineState =
  /** No service workers here (an old browser, a non-secure origin, dev server). */
  | { state: 'unavailable'; reason: string }
  | { state: 'installing' }
  /** This page is served by the installed cache: a reload works offline. */
  | { state: 'ready'; version: string; files: number };

export const useOfflineCache = create<OfflineState>()(() => ({ state: 'installing' }));

/** Ask the controlling worker which version of the app it stores. */
function askVersion(sw: ServiceWorker): void {
  sw.postMessage('hqrn-offline-version');
}

/**
 * Register public/sw.js once `after` settles (main.tsx: the first result is on screen, so the
 * install's downloads do not compete with it, and the worker and wasm it stores are already
 * in the browser's HTTP cache).
 */
export function registerOfflineCache(after: Promise<unknown>): void {
  const set = (s: OfflineState) => useOfflineCache.setState(s, true);
  if (!import.meta.env.PROD) return set({ state: 'unavailable', reason: 'not in the development server' });
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return set({ state: 'unavailable', reason: 'this browser has no service workers' });
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent) => {
    const d = event.data as { kind?: string; version?: unknown; files?: unknown } | null;
    if (d?.kind === 'hqrn-offline-version' && typeof d.version === 'string' && typeof d.files === 'number') set({ state: 'ready', version: d.version, files: d.files });
  });
  // A new version took over (after an install): ask again.
  container.addEventListener('controllerchange', () => container.controller && askVersion(container.controller));
  const register = () =>
    container
      .register('./sw.js', { scope: './', updateViaCache: 'none' }) // a new sw-manifest.js (new build) is seen at once
      .then(() => container.ready)
      .then((reg) => {
        const sw = container.controller ?? reg.active;
        if (sw) askVersion(sw);
      })
      .catch((e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        console.info(`offline cache not installed: ${reason}`);
        set({ state: 'unavailable', reason });
      });
  void after.finally(register);
}
