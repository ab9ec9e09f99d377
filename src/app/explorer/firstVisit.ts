/**
 * A first visit shows the point: a page opened without a hash (no link, no saved view) starts
 * on the bundled trained entanglement model with the Bell state |Φ+⟩, so the quantum path
 * says "entangled" and the "Dephased partner" toggle flips it while the classical path stays.
 * A link that could not be read at all (`#v=2`, `#garbage`, too long) opens the same view, and
 * urlSync still shows why the link was not used. A readable link (even `#v=1`, the app's own
 * link of the untrained default view) is taken as it is: no model unless it names one.
 * If the bundled model cannot be read (offline before the first visit), the seeded stack stays.
 */
import { listBundledModels, loadBundledModel } from '../saved/savedWork';
import { DEFAULT_INPUT, useExplorer } from './store';
import { encodeHash, linkReadsNothing, urlStateOf } from '../url/urlState';

export const FIRST_VISIT_MODEL = 'entanglement-quantum';

/** Load the first-visit model when the page has no hash; resolves when done (or given up). */
export async function loadFirstVisitModel(timeoutMs = 5000): Promise<void> {
  if (typeof window === 'undefined') return;
  const hash = window.location.hash.replace(/^#/, '');
  if (!linkReadsNothing(hash)) return;
  const load = async () => {
    const entry = (await listBundledModels()).find((m) => m.name === FIRST_VISIT_MODEL);
    if (!entry) return;
    const model = await loadBundledModel(entry);
    // The user may have navigated (another hash) while we fetched: then leave the page alone.
    if (window.location.hash.replace(/^#/, '') !== hash) return;
    useExplorer.getState().loadTrainedModel(entry.name, model, 'entanglement');
    useExplorer.getState().setInput(DEFAULT_INPUT.entanglement);
    useExplorer.getState().resetHistory();
    // The address names the model, so a reload or a shared link shows the same view. An
    // unreadable link stays in the address bar (as urlSync leaves every opened link) so that
    // its message is shown; the first edit writes the view's own hash.
    if (hash !== '') return;
    const url = `${window.location.pathname}${window.location.search}#${encodeHash(urlStateOf(useExplorer.getState()))}`;
    window.history.replaceState(null, '', url);
  };
  await Promise.race([load().catch(() => undefined), new Promise<void>((r) => setTimeout(r, timeoutMs))]);
}
