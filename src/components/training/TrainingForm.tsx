/**
 * The training settings form: every control labelled, disabled while a run is going. Each
 * number field's range comes from src/app/training/ranges.ts: a value outside it is marked at
 * the field (and Play waits), an unusual one gets a warning.
 */
import { ACTIVATIONS, type Activation } from '../../core/hqrn/activation';
import type { TaskName, TrainMode } from '../../protocol/messages';
import { checkForm, FIELD_RANGES, maxOf, type RangedField } from '../../app/training/ranges';
import { useTraining, type TrainForm } from '../../app/training/store';
import { MODE_LABELS } from '../../app/training/presets';
import { useImportedData } from '../../app/training/importedData';
import { DatasetImport } from './DatasetImport';

const MODES: TrainMode[] = ['transfer', 'quantum-greedy', 'quantum-end-to-end', 'classical'];

interface NumberFieldProps {
  id: RangedField;
  label: string;
  step: number | 'any';
  disabled: boolean;
  hint?: string;
}

/** The field's error (blocks Play) or warning, under the field. */
function FieldMessage({ id, field }: { id: string; field: RangedField }) {
  const form = useTraining((s) => s.form);
  const check = checkForm(form);
  const error = check.errors[field],
    warning = check.warnings[field];
  if (error)
    return (
      <small id={id} className="train-field-error" role="alert">
        {error}
      </small>
    );
  if (warning)
    return (
      <small id={id} className="train-field-warning">
        ⚠ {warning}
      </small>
    );
  return null;
}

function NumberField({ id, label, step, disabled, hint }: NumberFieldProps) {
  const value = useTraining((s) => s.form[id]) as number;
  const task = useTraining((s) => s.form.task);
  const invalid = useTraining((s) => checkForm(s.form).errors[id] !== undefined);
  const setForm = useTraining((s) => s.setForm);
  const inputId = `train-${id}`;
  const range = FIELD_RANGES[id];
  const max = maxOf(id, task);
  const described = [hint ? `${inputId}-hint` : '', `${inputId}-msg`].filter(Boolean).join(' ');
  return (
    <div className="train-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="number"
        inputMode="decimal"
        value={Number.isFinite(value) ? value : ''}
        min={range.min}
        max={max < Number.MAX_VALUE ? max : undefined}
        step={step}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={described}
        onChange={(e) => {
          const v = e.currentTarget.valueAsNumber;
          if (Number.isFinite(v)) setForm({ [id]: v } as Partial<TrainForm>);
        }}
      />
      {hint && (
        <small id={`${inputId}-hint`} className="train-hint">
          {hint}
        </small>
      )}
      <FieldMessage id={`${inputId}-msg`} field={id} />
    </div>
  );
}

export function TrainingForm() {
  const form = useTraining((s) => s.form);
  const status = useTraining((s) => s.status);
  const setForm = useTraining((s) => s.setForm);
  const busy = status === 'running' || status === 'paused';
  const exact = form.shots === 0;
  const useFile = useImportedData((s) => s.useFile);
  const setUseFile = useImportedData((s) => s.setUseFile);

  return (
    <fieldset className="train-form" disabled={busy}>
      <legend>Settings</legend>
      <div className="train-field">
        <label htmlFor="train-task">Task</label>
        <select
          id="train-task"
          value={useFile ? 'file' : form.task}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setUseFile(v === 'file');
            if (v !== 'file') setForm({ task: v as TaskName });
          }}
        >
          <option value="entanglement">Entanglement</option>
          <option value="digits">Digits</option>
          <option value="file">Your data (file)</option>
        </select>
      </div>
      {useFile && <DatasetImport disabled={busy} />}
      <div className="train-field train-field-wide">
        <label htmlFor="train-mode">Mode</label>
        <select id="train-mode" value={form.mode} onChange={(e) => setForm({ mode: e.currentTarget.value as TrainMode })}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <NumberField id="depth" label="Depth (blocks)" step={1} disabled={busy} />
      <NumberField id="alpha" label="α (residual weight)" step={0.05} disabled={busy} />
      <div className="train-field">
        <label htmlFor="train-activation">Activation σ</label>
        <select id="train-activation" value={form.activation} onChange={(e) => setForm({ activation: e.currentTarget.value as Activation })}>
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <NumberField id="learningRate" label="Learning rate (Adam)" step="any" disabled={busy} />
      <NumberField id="epochs" label={form.mode === 'quantum-greedy' ? 'Epochs (per block)' : 'Epochs'} step={1} disabled={busy} />
      <NumberField id="batchSize" label="Batch size" step={1} disabled={busy} />
      <NumberField id="seed" label="Seed" step={1} disabled={busy} />
      {!useFile && <NumberField id="trainSize" label="Training examples" step={1} disabled={busy} />}
      {!useFile && <NumberField id="testSize" label="Test examples" step={1} disabled={busy} />}
      {!useFile && form.task === 'entanglement' && (
        <NumberField
          id="adversarialShare"
          label="Adversarial share"
          step={0.05}
          disabled={busy}
          hint="Share of the separable states that are adversarial partners (dephased or marginal-product) of entangled ones."
        />
      )}
      <div className="train-field train-field-wide">
        <span className="train-label" id="train-shots-label">
          Shots
        </span>
        <div className="train-shots" role="group" aria-labelledby="train-shots-label">
          <label>
            <input type="radio" name="train-shots-mode" checked={exact} onChange={() => setForm({ shots: 0 })} /> exact
          </label>
          <label>
            <input type="radio" name="train-shots-mode" checked={!exact} onChange={() => setForm({ shots: 1000 })} /> N<sub>s</sub> =
          </label>
          <input
            type="number"
            aria-label="Shots N_s per unitary per block"
            min={1}
            step={1}
            value={exact ? '' : form.shots}
            placeholder="—"
            disabled={busy || exact}
            onChange={(e) => {
              const v = e.currentTarget.valueAsNumber;
              if (Number.isFinite(v)) setForm({ shots: v });
            }}
          />
        </div>
        <small className="train-hint">
          Training steps and the per-epoch accuracies use exact probabilities (their gradients need them). With N<sub>s</sub> shots the final test accuracy is
          measured again from finite-shot estimates of p<sub>±</sub> (N<sub>s</sub> shots per unitary per block), shown beside the exact one.
        </small>
        <FieldMessage id="train-shots-msg" field="shots" />
      </div>
    </fieldset>
  );
}
