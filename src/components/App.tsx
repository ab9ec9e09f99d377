/**
 * The explorer page: the network (stack builder), the input, the layer-by-layer evolution,
 * the metrics and the classical-vs-quantum comparison, with a status line for the engine.
 * Every panel reads the store itself; all physics runs in the worker.
 */
import { ComparePanel } from './ComparePanel';
import { InputPanel } from './InputPanel';
import { EvolutionPanel } from './LayerStrip';
import { MetricsPanel } from './MetricsPanel';
import { ExportPanel } from './ExportPanel';
import { SavedPanel } from './SavedPanel';
import { ShareBar } from './ShareBar';
import { StackBuilder, TaskSwitch } from './StackBuilder';
import { StatusLine } from './StatusLine';
import { TrainingPanel } from './TrainingPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div className="title">
          <h1>HQRN Explorer</h1>
          <p className="tagline">Quantum residual networks, layer by layer, computed live in your browser.</p>
        </div>
        <TaskSwitch />
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
      <ExportPanel />
      <SavedPanel />
      <TrainingPanel />
    </div>
  );
}
