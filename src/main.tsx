import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getEngine } from './app/engineClient';
import { startRecompute } from './app/recompute';
import { startUrlSync } from './app/urlSync';
import { useExplorer } from './app/store';
import type { BackendInfo } from './app/protocol';
import { App } from './components/App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

// The engine worker does all physics; the recompute loop sends the newest store state to it.
const engine = getEngine();
// Read the view from the URL hash (if any) before the first request, then keep them in step.
startUrlSync();
startRecompute(engine);

// Report the engine's backend (webgl → wasm → cpu, with the reasons for any fallback).
void engine.backendInfo().then(
  (info: BackendInfo) => {
    useExplorer.getState().setBackend(info);
    if (info.fallbacks.length > 0) {
      useExplorer
        .getState()
        .setEngineNotice(`Running on ${info.backend}: ${info.fallbacks.map((f) => `${f.backend} skipped (${f.reason})`).join('; ')}`);
    }
  },
  (e: unknown) => useExplorer.getState().setEngineNotice(`Engine backend unavailable: ${e instanceof Error ? e.message : String(e)}`),
);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
