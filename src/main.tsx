import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineStoppedError, getEngine, onEngineEvent } from './app/engine/engineClient';
import { resendCurrentRequest, startRecompute } from './app/explorer/recompute';
import { startUrlSync } from './app/url/urlSync';
import { loadFirstVisitModel } from './app/explorer/firstVisit';
import { registerOfflineCache } from './app/engine/offlineCache';
import { announceNewVersion, deployedBuild } from './app/engine/appUpdate';
import { useExplorer } from './app/explorer/store';
import type { BackendInfo } from './protocol/messages';
import { App } from './components/shell/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

// The engine worker does all physics; the recompute loop sends the newest store state to it.
const engine = getEngine();
// A first visit (no hash) starts on the bundled trained model; then read the view from the URL
// hash (if any) before the first request, and keep them in step.
void loadFirstVisitModel().then(() => {
  startUrlSync();
  startRecompute(engine);
  // A link naming an open tab (`p=`) shows it right under the top bar, in place of the explorer
  // (components/shell/Tabs.tsx): nothing to scroll to.
});

// Report the engine's backend (webgl → wasm → cpu, with the reasons for any fallback).
const reportBackend = (notice?: string) =>
  engine.backendInfo().then(
    (info: BackendInfo) => {
      useExplorer.getState().setBackend(info);
      const fallbacks =
        info.fallbacks.length > 0 ? `Running on ${info.backend}: ${info.fallbacks.map((f) => `${f.backend} skipped (${f.reason})`).join('; ')}` : undefined;
      const text = [notice, fallbacks].filter(Boolean).join(' ');
      if (text) useExplorer.getState().setEngineNotice(text);
    },
    (e: unknown) => {
      // A worker that died meanwhile: the restart (or the final failure) is reported below.
      if (e instanceof EngineStoppedError) return;
      useExplorer.getState().setEngineNotice(`${notice ? `${notice} ` : ''}Engine backend unavailable: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
void reportBackend();

// A dead worker is replaced by engineClient.ts; the store still has the stack and the input
// (and a trained model), so the lost request is simply sent again to the new worker.
onEngineEvent((e) => {
  if (e.kind === 'restarted') {
    const notice = 'The engine stopped and was restarted; your stack and input were restored.';
    useExplorer.getState().setEngineNotice(notice);
    useExplorer.setState({ engineFailed: false });
    resendCurrentRequest();
    void reportBackend(notice);
  } else {
    useExplorer.getState().setEngineNotice(`The engine could not be started (${e.attempts} attempts; last: ${e.reason}). Reload the page to try again.`);
    useExplorer.setState({ computing: false, engineFailed: true });
    // The worker's script may be gone because a new version was deployed: then say that instead.
    void deployedBuild().then((d) => d === 'replaced' && announceNewVersion('the engine of this version is no longer on the server'));
  }
});

// The offline cache (public/sw.js): after the first visit, a reload works without the network.
// Installed once the first result is shown (or after 30 s, whatever the engine does).
const firstResult = new Promise<void>((resolve) => {
  if (useExplorer.getState().result) return resolve();
  const unsubscribe = useExplorer.subscribe((s) => {
    if (!s.result) return;
    unsubscribe();
    resolve();
  });
});
registerOfflineCache(Promise.race([firstResult, new Promise((r) => setTimeout(r, 30_000))]));

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
