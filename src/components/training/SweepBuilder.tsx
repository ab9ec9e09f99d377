/**
 * The sweep builder (docs/math.md §11): a grid over α, depth, σ, learning rate, seed, shots,
 * noise and training mode on the studio's current task (the form's other settings; an imported
 * dataset when "Your data" is on). The runs go one after another to the engine worker
 * (src/app/training/sweepStore.ts); this component only edits the lists and draws the state.
 */
import { ACTIVATIONS } from '../../core/hqrn/activation';
import { formToRequest } from '../../app/training/form';
import { useTraining } from '../../app/training/store';
import { listsOf, MAX_SWEEP_RUNS, planSweep, SWEEP_LABELS, SWEEP_MODES, type SweepKey, type SweepLists, secondsLeft } from '../../app/training/sweep';
import { sweepBase, useSweep } from '../../app/training/sweepStore';
import { useImportedData } from '../../app/training/importedData';
import { MODE_NAMES } from '../../app/training/types';
import { coreRunProblem } from '../../protocol/coreRun';
import { SweepResults } from './SweepResults';
import './sweep.css';

const TEXT_KEYS: SweepKey[] = ['alpha', 'depth', 'learningRate', 'seed', 'shots', 'noise'];

function fmtSeconds(s: number): string {
  if (!Number.isFinite(s)) return '…';
  return s < 90 ? `${Math.max(0, Math.round(s))} s` : `${Math.round(s / 60)} min`;
}

function Checks({
  k,
  lists,
  options,
  names,
  disabled,
  set,
}: {
  k: 'mode' | 'activation';
  lists: SweepLists;
  options: readonly string[];
  names?: Record<string, string>;
  disabled: boolean;
  set: (text: string) => void;
}) {
  const on = new Set(lists[k].split(',').map((t) => t.trim()));
  const toggle = (v: string) => {
    const next = options.filter((o) => (o === v ? !on.has(o) : on.has(o)));
    set(next.join(','));
  };
  return (
    <fieldset className="sweep-checks" disabled={disabled}>
      <legend>{SWEEP_LABELS[k]}</legend>
      {options.map((o) => (
        <label key={o}>
          <input type="checkbox" checked={on.has(o)} onChange={() => toggle(o)} data-testid={`sweep-${k}-${o}`} /> {names?.[o] ?? o}
        </label>
      ))}
    </fieldset>
  );
}

export function SweepBuilder() {
  const form = useTraining((s) => s.form);
  const trainingBusy = useTraining((s) => s.status === 'running' || s.status === 'paused');
  const sw = useSweep();
  const base = formToRequest(form);
  const lists = sw.lists ?? listsOf(base);
  const running = sw.status === 'running';
  // the imported dataset's request when "Your data" is on (what Run sweep will train)
  useImportedData((s) => s.useFile);
  useImportedData((s) => s.dataset);
  const eff = sweepBase(base);
  const plan = planSweep(lists, 'req' in eff ? eff.req : base);
  const set = (k: SweepKey) => (text: string) => sw.setList(k, text, base);
  const left = secondsLeft(sw.runSeconds, sw.total);
  const doneRuns = sw.runSeconds.length;
  const coreProblem = plan.ok ? (plan.requests.map(coreRunProblem).find((p) => p !== null) ?? null) : null;
  const on = sw.usedTrainer === 'core' ? 'on the float64 core' : 'on the tfjs engine';

  return (
    <section className="training-panel train-sweep" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Sweep</h2>
      <p className="train-hint">
        A grid of training runs on the current task with the form's other settings: each list is comma-separated (an empty list keeps the form's value). Runs go
        one after another in the engine worker, on the float64 core of <code>hqrn sweep</code> (built-in entanglement, quantum greedy or end-to-end, exact and
        noiseless: the command line's numbers) or on the tfjs engine of the Train button. Both train by one definition and agree within 0.01 accuracy per run
        (docs/math.md §6). The table gives the mean ± std over the seeds. At most {MAX_SWEEP_RUNS} runs here; larger grids: <code>hqrn sweep</code> (every
        core). The sweep's settings are not kept in the link.
      </p>
      <fieldset className="sweep-lists" disabled={running}>
        <legend>Grid</legend>
        {TEXT_KEYS.map((k) => (
          <label key={k} className="train-field">
            <span className="train-label">{SWEEP_LABELS[k]}</span>
            <input
              type="text"
              inputMode="decimal"
              value={lists[k]}
              aria-label={`Sweep: ${SWEEP_LABELS[k]} values`}
              data-testid={`sweep-list-${k}`}
              onChange={(e) => set(k)(e.target.value)}
            />
          </label>
        ))}
        <Checks k="activation" lists={lists} options={ACTIVATIONS} disabled={running} set={set('activation')} />
        <Checks k="mode" lists={lists} options={SWEEP_MODES} names={MODE_NAMES} disabled={running} set={set('mode')} />
      </fieldset>
      <fieldset className="sweep-trainer" disabled={running}>
        <legend>Trainer</legend>
        <label>
          <input type="radio" name="sweep-trainer" checked={sw.trainer === 'core'} onChange={() => sw.setTrainer('core')} data-testid="sweep-trainer-core" />{' '}
          float64 core (as <code>hqrn sweep</code>: the command line's numbers)
        </label>
        <label>
          <input type="radio" name="sweep-trainer" checked={sw.trainer === 'tfjs'} onChange={() => sw.setTrainer('tfjs')} data-testid="sweep-trainer-tfjs" />{' '}
          tfjs engine (as the Train button)
        </label>
        {sw.trainer === 'core' && coreProblem && <small className="train-hint">These runs use the tfjs engine: {coreProblem}.</small>}
      </fieldset>
      <p className={plan.ok ? 'train-hint' : 'train-field-error'} data-testid="sweep-count" role={plan.ok ? undefined : 'alert'}>
        {plan.ok ? `${plan.requests.length} run${plan.requests.length === 1 ? '' : 's'} (the product of the list lengths)` : plan.error}
      </p>
      <div className="train-presets">
        <button type="button" data-testid="sweep-run" disabled={running || !plan.ok || trainingBusy} onClick={() => sw.start(base)}>
          Run sweep
        </button>
        <button type="button" data-testid="sweep-cancel" disabled={!running} onClick={() => sw.cancel()}>
          Cancel sweep
        </button>
        {trainingBusy && <span className="train-hint">A training run is going: the sweep starts when it has finished or been cancelled.</span>}
      </div>
      {sw.status !== 'idle' && (
        <div className="sweep-progress">
          <p role="status" className="train-hint" data-testid="sweep-status">
            {sw.status === 'running'
              ? `Run ${sw.current + 1} of ${sw.total} ${on} · ${doneRuns} done · about ${fmtSeconds(left)} left`
              : sw.status === 'done'
                ? `${sw.total} runs done ${on} in ${fmtSeconds(sw.seconds ?? NaN)}.`
                : sw.status === 'cancelled'
                  ? `Cancelled after ${doneRuns} of ${sw.total} runs (the finished runs stay).`
                  : `The sweep stopped: ${sw.error}`}
          </p>
          {running && (
            <progress max={sw.total} value={doneRuns + sw.runFraction} aria-label="Sweep progress">
              {doneRuns} of {sw.total}
            </progress>
          )}
        </div>
      )}
      {sw.table.length > 0 && <SweepResults />}
    </section>
  );
}
