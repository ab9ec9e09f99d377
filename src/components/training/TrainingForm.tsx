/** The training settings form: every control labelled, disabled while a run is going. */
import { ACTIVATIONS, type Activation } from '../../core/activation';
import type { TaskName, TrainMode } from '../../app/protocol';
import { useTraining, type TrainForm } from '../../app/trainingStore';
import { MODE_LABELS } from '../../app/trainingPresets';

const MODES: TrainMode[] = ['transfer', 'quantum-greedy', 'quantum-end-to-end', 'classical'];

interface NumberFieldProps {
  id: keyof TrainForm;
  label: string;
  min: number;
  max?: number;
  step: number | 'any';
  disabled: boolean;
  hint?: string;
}

function NumberField({ id, label, min, max, step, disabled, hint }: NumberFieldProps) {
  const value = useTraining((s) => s.form[id]) as number;
  const setForm = useTraining((s) => s.setForm);
  const inputId = `train-${id}`;
  return (
    <div className="train-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="number"
        inputMode="decimal"
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
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
    </div>
  );
}

export function TrainingForm() {
  const form = useTraining((s) => s.form);
  const status = useTraining((s) => s.status);
  const setForm = useTraining((s) => s.setForm);
  const busy = status === 'running' || status === 'paused';
  const exact = form.shots === 0;

  return (
    <fieldset className="train-form" disabled={busy}>
      <legend>Settings</legend>
      <div className="train-field">
        <label htmlFor="train-task">Task</label>
        <select id="train-task" value={form.task} onChange={(e) => setForm({ task: e.currentTarget.value as TaskName })}>
          <option value="entanglement">Entanglement</option>
          <option value="digits">Digits</option>
        </select>
      </div>
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
      <NumberField id="depth" label="Depth (blocks)" min={1} max={8} step={1} disabled={busy} />
      <NumberField id="alpha" label="α (residual weight)" min={0} max={1} step={0.05} disabled={busy} />
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
      <NumberField id="learningRate" label="Learning rate (Adam)" min={0.0001} max={1} step="any" disabled={busy} />
      <NumberField
        id="epochs"
        label={form.mode === 'quantum-greedy' ? 'Epochs (per block)' : 'Epochs'}
        min={1}
        max={500}
        step={1}
        disabled={busy}
      />
      <NumberField id="batchSize" label="Batch size" min={1} max={4096} step={1} disabled={busy} />
      <NumberField id="seed" label="Seed" min={0} step={1} disabled={busy} />
      <NumberField id="trainSize" label="Training examples" min={10} max={form.task === 'digits' ? 9000 : 20000} step={1} disabled={busy} />
      <NumberField id="testSize" label="Test examples" min={10} max={form.task === 'digits' ? 4000 : 20000} step={1} disabled={busy} />
      {form.task === 'entanglement' && (
        <NumberField
          id="adversarialShare"
          label="Adversarial share"
          min={0}
          max={1}
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
              if (Number.isFinite(v) && v >= 1) setForm({ shots: Math.round(v) });
            }}
          />
        </div>
        <small className="train-hint">
          Sent with the request, but the engine evaluates training accuracies exactly (it does not use shots during training).
        </small>
      </div>
    </fieldset>
  );
}
