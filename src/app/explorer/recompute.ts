/**
 * The one-way loop: store edit → worker request → newest answer into the store.
 * At most one request is in flight; edits made meanwhile collapse into one follow-up request
 * with the newest state (so dragging a slider never queues stale work), and an answer is
 * kept only if its requestId is still the newest (the store checks).
 */
import type { ExploreRequest, ExploreResponse } from '../../protocol/explorer';
import { useExplorer } from './store';

export interface ExploreEngine {
  explore(req: ExploreRequest): Promise<ExploreResponse>;
}

/**
 * Ask for the current stack and input again (after the engine worker was restarted: the
 * request in flight was lost with it). Bumping requestId makes the loop send the newest state.
 */
export function resendCurrentRequest(): void {
  useExplorer.setState((st) => ({ requestId: st.requestId + 1 }));
}

/** Start the loop; returns a function that stops it. */
export function startRecompute(engine: ExploreEngine): () => void {
  let inFlight = false;
  let lastSent = 0;

  const pump = async () => {
    if (inFlight) return;
    const st = useExplorer.getState();
    if (st.requestId === lastSent) return;
    inFlight = true;
    lastSent = st.requestId;
    const req: ExploreRequest = { requestId: st.requestId, stack: st.stack, input: st.input };
    // (Every store update runs every subscriber and selector: skip the ones that change nothing.)
    if (!st.computing) useExplorer.setState({ computing: true });
    try {
      const result = await engine.explore(req);
      useExplorer.getState().receiveResult(result);
    } catch (e) {
      useExplorer.getState().receiveError(req.requestId, (e as Error).message ?? String(e));
    } finally {
      inFlight = false;
      // Edits that arrived while we waited: send the newest state now.
      if (useExplorer.getState().requestId !== lastSent) void pump();
      else if (useExplorer.getState().computing) useExplorer.setState({ computing: false });
    }
  };

  const unsubscribe = useExplorer.subscribe((st, prev) => {
    if (st.requestId !== prev.requestId) void pump();
  });
  void pump();
  return unsubscribe;
}
