/** Presets, Play / Pause / Step / Cancel / Reset and the progress bar of the run in progress. */
import { TRAINING_PRESETS } from '../../app/training/presets';
import { checkForm, FIELD_RANGES, fmtValue } from '../../app/training/ranges';
import { progressFigures, useTraining } from '../../app/training/store';
import { fmtCount } from '../../viz/format';

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function PresetButtons() {
  const status = useTraining((s) => s.status);
  const presetId = useTraining((s) => s.presetId);
  const runPreset = useTraining((s) => s.runPreset);
  const busy = status === 'running' || status === 'paused';
  return (
    <div className="train-presets" role="group" aria-label="The paper's experiments">
      {TRAINING_PRESETS.map((p) => (
        <button
          key={p.id}
          type="button"
          className={presetId === p.id ? 'preset active' : 'preset'}
          disabled={busy}
          aria-describedby={`preset-${p.id}-desc`}
          onClick={() => runPreset(p.id)}
        >
          {p.label}
        </button>
      ))}
      {TRAINING_PRESETS.map((p) => (
        <p key={p.id} id={`preset-${p.id}-desc`} className="train-hint preset-desc" hidden={presetId !== p.id}>
          {p.description}
        </p>
      ))}
    </div>
  );
}

const STATUS_TEXT = {
  idle: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled',
  diverged: 'Diverged',
  error: 'Failed',
} as const;

export function TrainingControls() {
  const status = useTraining((s) => s.status);
  const stepPending = useTraining((s) => s.stepPending);
  const { play, pause, step, cancel, reset } = useTraining.getState();
  const running = status === 'running';
  const paused = status === 'paused';
  const invalid = useTraining((s) => Object.keys(checkForm(s.form).errors).length);

  return (
    <div className="train-controls" role="group" aria-label="Training controls">
      <button
        type="button"
        onClick={play}
        disabled={running || (!paused && invalid > 0)}
        aria-describedby={invalid && !paused ? 'train-play-blocked' : undefined}
      >
        {paused ? '▶ Resume' : '▶ Play'}
      </button>
      <button type="button" onClick={pause} disabled={!running}>
        ❚❚ Pause
      </button>
      <button
        type="button"
        onClick={step}
        disabled={stepPending}
        title="Run until the next epoch ends, then pause (the pause lands between optimiser steps, so a step of the next epoch may already have run)"
      >
        Step: one epoch
      </button>
      <button type="button" onClick={cancel} disabled={!running && !paused}>
        ■ Cancel
      </button>
      <button type="button" onClick={reset}>
        ↺ Reset
      </button>
      {invalid > 0 && !paused && !running && (
        <small id="train-play-blocked" className="train-field-error">
          Fix the {invalid === 1 ? 'marked field' : `${invalid} marked fields`} in the settings to start a run.
        </small>
      )}
    </div>
  );
}

export function TrainingProgress() {
  const status = useTraining((s) => s.status);
  const p = useTraining((s) => s.progress);
  const req = useTraining((s) => s.request);
  const phase = useTraining((s) => s.phase);
  const phaseLabel = useTraining((s) => s.phaseLabel);
  const error = useTraining((s) => s.error);
  const errorDetail = useTraining((s) => s.errorDetail);
  const diverged = useTraining((s) => (s.status === 'diverged' ? s.result?.diverged : undefined));
  const divergedLr = useTraining((s) => s.request?.learningRate);
  const stepPending = useTraining((s) => s.stepPending);
  const { fraction, secondsLeft } = progressFigures(req, p);
  const pct = status === 'done' ? 100 : Math.round(fraction * 100);
  const epochText = p ? `${p.stage.startsWith('block') ? `${p.stage}, ` : ''}epoch ${p.epoch}/${p.epochs}` : status === 'running' ? 'preparing data…' : '';

  return (
    <div className="train-progress">
      <p className="train-status" role="status" aria-label="Training status" data-status={status} data-step={p?.step ?? 0}>
        <strong>{STATUS_TEXT[status]}</strong>
        {status !== 'idle' && phaseLabel && <span> · {phase === 'baseline' ? `baseline: ${phaseLabel}` : phaseLabel}</span>}
        {stepPending && <span> · stepping to the epoch end</span>}
        {epochText && <span> · {epochText}</span>}
      </p>
      <div
        className="train-bar"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%${epochText ? `, ${epochText}` : ''}`}
      >
        <div className="train-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="train-figures">
        <div>
          <dt>Progress</dt>
          <dd>{pct}%</dd>
        </div>
        <div>
          <dt>Examples/s</dt>
          <dd data-testid="examples-per-second">{p ? fmtCount(p.examplesPerSecond) : '—'}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>{p ? formatSeconds(p.elapsedMs / 1000) : '—'}</dd>
        </div>
        <div>
          <dt>Time left (est.)</dt>
          <dd>{status === 'running' || status === 'paused' ? formatSeconds(secondsLeft) : '—'}</dd>
        </div>
        <div>
          <dt>Loss</dt>
          <dd>{p ? (Number.isFinite(p.loss) ? p.loss.toFixed(4) : 'not finite') : '—'}</dd>
        </div>
      </dl>
      {diverged && (
        <div className="error train-diverged" role="alert">
          <p>
            Training diverged in epoch {diverged.epoch}
            {diverged.stage.startsWith('block') ? ` of ${diverged.stage}` : ''}: {diverged.reason}. The run stopped and kept the last model whose numbers were
            all finite ({diverged.epoch > 1 ? `after epoch ${diverged.epoch - 1}` : 'as it was before that epoch'}).
          </p>
          <p>
            Try a smaller learning rate
            {divergedLr !== undefined ? ` than ${fmtValue(divergedLr)}` : ''} (usually {fmtValue(FIELD_RANGES.learningRate.usual![0])}–
            {fmtValue(FIELD_RANGES.learningRate.usual![1])}).
          </p>
        </div>
      )}
      {error && (
        <div className="error" role="alert">
          <p>Training failed: {error}</p>
          {errorDetail && (
            <details>
              <summary>Details</summary>
              <code>{errorDetail}</code>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
