/**
 * The explorer page: the network (stack builder), the input, the layer-by-layer evolution,
 * the metrics and the classical-vs-quantum comparison, with a status line for the engine.
 * Every panel reads the store itself; all physics runs in the worker.
 */
import { useEffect, type ReactNode } from 'react';
import { useExplorer, type PanelName } from '../app/store';
import { ComparePanel } from './ComparePanel';
import { Hideable } from './Hideable';
import { InputPanel } from './InputPanel';
import { EvolutionPanel } from './LayerStrip';
import { MetricsPanel } from './MetricsPanel';
import { ExportPanel } from './ExportPanel';
import { SavedPanel } from './SavedPanel';
import { ShareBar } from './ShareBar';
import { StackBuilder, TaskSwitch } from './StackBuilder';
import { StatusLine } from './StatusLine';
import { TrainingPanel } from './TrainingPanel';

/**
 * A panel that can be "open" in the URL (field `p`): working in it (focus, pointer) makes it
 * the open panel, and a link naming it scrolls it into view on load.
 */
function PanelArea({ name, children }: { name: PanelName; children: ReactNode }) {
  const mark = () => {
    if (useExplorer.getState().panel !== name) useExplorer.getState().setPanel(name);
  };
  return (
    <div id={`panel-${name}`} onFocusCapture={mark} onPointerDownCapture={mark}>
      {children}
    </div>
  );
}

export function App() {
  useEffect(() => {
    const panel = useExplorer.getState().panel;
    if (panel && panel !== 'classroom') document.getElementById(`panel-${panel}`)?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <div className="app">
      <header className="app-header">
        <div className="title">
          <h1>HQRN Explorer</h1>
          <p className="tagline">Quantum residual networks, layer by layer, computed live in your browser.</p>
        </div>
        <Hideable control="task">
          <TaskSwitch />
        </Hideable>
        <ShareBar />
        <StatusLine />
      </header>
      <main className="layout">
        <div className="area-stack">
          <StackBuilder />
        </div>
        <div className="area-input">
          <InputPanel />
        </div>
        <div className="area-evolution">
          <EvolutionPanel />
        </div>
        <div className="area-compare">
          <ComparePanel />
        </div>
        <div className="area-metrics">
          <MetricsPanel />
        </div>
      </main>
      <Hideable control="export">
        <PanelArea name="export">
          <ExportPanel />
        </PanelArea>
      </Hideable>
      <Hideable control="saved">
        <PanelArea name="saved">
          <SavedPanel />
        </PanelArea>
      </Hideable>
      <Hideable control="training">
        <PanelArea name="training">
          <TrainingPanel />
        </PanelArea>
      </Hideable>
    </div>
  );
}
