/**
 * The explorer page: the network (stack builder), the input, the layer-by-layer evolution,
 * the metrics and the classical-vs-quantum comparison, with a status line for the engine.
 * Every panel reads the store itself; all physics runs in the worker.
 */
import { useExplorer } from '../app/store';
import { ComparePanel } from './ComparePanel';
import { InputPanel } from './InputPanel';
import { EvolutionPanel } from './LayerStrip';
import { MetricsPanel } from './MetricsPanel';
import { StackBuilder, TaskSwitch } from './StackBuilder';
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
      <TrainingPanel />
    </div>
  );
}

/** Backend, progress and errors of the engine. The last good result stays on screen on error. */
function StatusLine() {
  const backend = useExplorer((s) => s.backend);
  const computing = useExplorer((s) => s.computing);
  const error = useExplorer((s) => s.error);
  const notice = useExplorer((s) => s.engineNotice);
  const result = useExplorer((s) => s.result);
  const requestId = useExplorer((s) => s.requestId);
  const upToDate = result?.requestId === requestId;
  const outputText = result ? Array.from(result.output.probabilities, (v) => v.toFixed(4)).join(' ') : '';

  return (
    <div className="status-area">
      <p
        className="status-line"
        role="status"
        aria-label="Engine status"
        data-computing={computing}
        data-request-id={requestId}
        data-result-id={result?.requestId ?? ''}
        data-output={outputText}
      >
        <span className="backend">
          Engine: <strong>{backend?.backend ?? result?.backend ?? 'starting…'}</strong>
        </span>
        <span className="progress">{computing ? 'computing…' : upToDate ? `up to date (${result!.ms.toFixed(1)} ms)` : error ? 'last edit failed' : 'waiting…'}</span>
      </p>
      {error && (
        <p className="error" role="alert">
          Could not compute the newest edit: {error}. The last good result is still shown.
        </p>
      )}
      {notice && <p className="notice">{notice}</p>}
    </div>
  );
}
