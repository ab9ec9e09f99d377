/**
 * Registers the offline cache (public/sw.js) in the built app and tracks its state for the
 * status line. Not in the dev server (its files change on every edit and it has no
 * sw-manifest.js). The worker stores the app when it installs; from then on a reload works
 * without the network (README "Publish").
 */
import { create } from 'zustand';
import { OWN_SCRIPT, announceNewVersion, deployedBuild, useAppUpdate } from './appUpdate';

export type OfflineState =
  /** No service workers here (an old browser, a non-secure origin, dev server). */
  | { state: 'unavailable'; reason: string }
  | { state: 'installing' }
  /** This page is served by the installed cache: a reload works offline. */
  | { state: 'ready'; version: string; files: number }
  /**
   * The installed cache is of another build than this tab's (a new version took over, or is
   * about to): this tab's files are not stored, so the status line claims nothing.
   */
  | { state: 'other-version'; version?: string };

export const useOfflineCache = create<OfflineState>()(() => ({ state: 'installing' }));

/** Ask the controlling worker which version of the app it stores, and whether it stores this tab's build. */
function askVersion(sw: ServiceWorker): void {
  sw.postMessage({ kind: 'hqrn-offline-version', script: OWN_SCRIPT });
}

/**
 * The worker stores another build than this tab's. Either this tab is old (its main script is
 * gone from the server: the "new version" notice, appUpdate.ts) or the worker is (this page came
 * from the network, newer than the stored copy; the new worker is installing and will answer).
 */
function otherVersion(set: (s: OfflineState) => void, version: string): void {
  set({ state: 'other-version', version });
  void deployedBuild().then((d) => d === 'replaced' && announceNewVersion('the offline cache of a new version took over this tab'));
}

/** Seconds a tab keeps asking a waiting version to take over. */
const NUDGE_TRIES = 300;
let nudging: ReturnType<typeof setTimeout> | null = null;

/**
 * While `reg` has a waiting worker, post it 'hqrn-skip-waiting' (public/sw.js calls
 * skipWaiting()) once a second, at most NUDGE_TRIES times; one loop per tab.
 */
function nudgeWaiting(reg: ServiceWorkerRegistration, tries = NUDGE_TRIES): void {
  if (nudging !== null && tries === NUDGE_TRIES) return;
  const waiting = reg.waiting;
  if (!waiting || tries <= 0) {
    nudging = null;
    return;
  }
  waiting.postMessage('hqrn-skip-waiting');
  nudging = setTimeout(() => nudgeWaiting(reg, tries - 1), 1000);
}

/**
 * Register public/sw.js once `after` settles (main.tsx: the first result is on screen, so the
 * install's downloads do not compete with it, and the worker and wasm it stores are already
 * in the browser's HTTP cache).
 */
export function registerOfflineCache(after: Promise<unknown>): void {
  const set = (s: OfflineState) => useOfflineCache.setState(s, true);
  if (!import.meta.env.PROD) {
    set({ state: 'unavailable', reason: 'not in the development server' });
    return;
  }
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    set({ state: 'unavailable', reason: 'this browser has no service workers' });
    return;
  }
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent) => {
    const d = event.data as { kind?: string; version?: unknown; files?: unknown; stores?: unknown } | null;
    if (d?.kind !== 'hqrn-offline-version' || typeof d.version !== 'string' || typeof d.files !== 'number') return;
    if (d.stores === false || useAppUpdate.getState().available) otherVersion(set, d.version);
    else set({ state: 'ready', version: d.version, files: d.files });
  });
  // A lazy import found this tab's files gone (lazyImport.ts): whatever the cache is, it is not this tab's.
  useAppUpdate.subscribe((u) => u.available && set({ state: 'other-version' }));
  // A new version took over (after an install): ask again.
  container.addEventListener('controllerchange', () => container.controller && askVersion(container.controller));
  const register = () =>
    container
      .register('./sw.js', { scope: './', updateViaCache: 'none' }) // a new sw-manifest.js (new build) is seen at once
      .then(() => container.ready)
      .then((reg) => {
        const sw = container.controller ?? reg.active;
        if (sw) askVersion(sw);
        // A new version installed but left waiting: ask it again, once a second, until it has
        // taken over. Chromium activates it only once the old worker has no event in progress,
        // and gives up (the new one stays 'installed', for minutes) when a fetch of an open tab
        // reaches the old worker at that moment; each skipWaiting() tries again.
        const nudge = () => nudgeWaiting(reg);
        reg.addEventListener('updatefound', () => reg.installing?.addEventListener('statechange', nudge));
        nudge();
        // A tab left open looks for a new deployment when it is shown again (the browser
        // itself looks only on navigations).
        document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void reg.update().catch(() => undefined));
      })
      .catch((e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        console.info(`offline cache not installed: ${reason}`);
        set({ state: 'unavailable', reason });
      });
  void after.finally(register);
}
