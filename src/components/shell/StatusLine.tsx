import { useExplorer } from '../../app/explorer/store';
import { useOfflineCache } from '../../app/engine/offlineCache';
import { Term } from '../teaching/Term';

/** Backend and progress of the engine (its error is on the notices line, Notices.tsx). */
export function StatusLine() {
  const backend = useExplorer((s) => s.backend);
  const computing = useExplorer((s) => s.computing);
  const error = useExplorer((s) => s.error);
  const notice = useExplorer((s) => s.engineNotice);
  const result = useExplorer((s) => s.result);
  const requestId = useExplorer((s) => s.requestId);
  const failed = useExplorer((s) => s.engineFailed);
  const offline = useOfflineCache();
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
          {failed ? (
            <>
              Engine: <strong>not running</strong>
            </>
          ) : (
            <>
              Computing on{' '}
              <strong>
                {(backend?.backend ?? result?.backend) === 'wasm' ? <Term id="wasm">wasm</Term> : (backend?.backend ?? result?.backend ?? 'starting…')}
              </strong>
            </>
          )}
        </span>
        <span className="progress" title={result?.computedBy ? `The view was computed by the ${result.computedBy} in the engine worker.` : undefined}>
          {failed
            ? 'stopped'
            : computing
              ? 'computing…'
              : upToDate
                ? `up to date · ${result!.computedBy ?? result!.backend} ${result!.ms.toFixed(1)} ms`
                : error
                  ? 'last edit failed'
                  : 'waiting…'}
        </span>
        {offline.state === 'ready' && (
          <span className="offline" title={`Stored in this browser (version ${offline.version}, ${offline.files} files): a reload works without the network.`}>
            works offline
          </span>
        )}
      </p>
      {notice && (
        <details className="notice">
          <summary>Engine note</summary>
          <p>{notice}</p>
        </details>
      )}
    </div>
  );
}
