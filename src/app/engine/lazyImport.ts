/**
 * Every dynamic `import()` of the page goes through lazyImport (one place to handle a chunk
 * that cannot be loaded). A failed load is tried once more (a network hiccup); if it fails
 * again, the server is asked whether this tab's build is still deployed (appUpdate.ts):
 * - replaced by a new build → the "A new version is available — Reload" notice, and an
 *   AppUpdatedError (callers leave their own error line empty for it);
 * - no answer → an AppPartUnreachableError naming the part and the way forward;
 * - still deployed → the original error (a real bug, not a deployment).
 * No raw "Failed to fetch dynamically imported module …" text reaches the page.
 */
import { AppPartUnreachableError, AppUpdatedError, announceNewVersion, deployedBuild } from './appUpdate';

/** Delay before the second try (ms). */
export const RETRY_DELAY_MS = 300;

/**
 * Load a lazily imported module: `load` is `() => import('./x')` (a literal path, so the
 * bundler sees it); `what` names the part for messages ("the file reader").
 */
export async function lazyImport<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch {
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
  }
  try {
    return await load();
  } catch (err) {
    const deployed = await deployedBuild();
    if (deployed === 'replaced') {
      announceNewVersion(`${what} (a lazily loaded file) is no longer on the server`);
      throw new AppUpdatedError(what);
    }
    if (deployed === 'unreachable') throw new AppPartUnreachableError(what);
    throw err;
  }
}
