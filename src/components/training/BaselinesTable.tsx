/**
 * The entanglement baselines table (docs/experiments/baselines.md), drawn after a run of the entanglement
 * preset: the run's own rows (HQRN, classical analog) and, trained in the engine worker on
 * exactly the same data, the full-tomography MLP, the variational quantum classifier
 * (1, 2, … layers) and the quantum-kernel classifiers Tr(ρσ)^p, p = 1, 2. Every partner
 * accuracy comes with the balanced accuracy of its pair and the predicted class shares.
 */
import { useEffect, useState } from 'react';
import { runBaselinesWithProgress } from '../../app/engine/engineClient';
import { toCsv } from '../../app/export/exporters';
import { useTraining } from '../../app/training/store';
import type { GivenRow } from '../../../workers/engine/baselines/api';
import { type BaselineRow, classicalParameters, hqrnParameters } from '../../../workers/engine/baselines/run';
import { ExportButtons } from '../export/ExportButtons';
import { RowHeaderTable } from './RowHeaderTable';

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const HEAD = ['Model', 'Overall', 'Balanced', 'Dephased (pair balanced)', 'Marginal (pair balanced)', 'Predicted sep. / ent.', 'Parameters', 'Seconds'];

export function BaselinesTable() {
  const summaries = useTraining((s) => s.summaries);
  const runId = useTraining((s) => s.runId);
  const [rows, setRows] = useState<BaselineRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    setError(null);
    setLine('');
  }, [runId]);
  const given: GivenRow[] = summaries
    .filter((s) => s.testPredictions && s.request.task === 'entanglement')
    .map((s) => ({
      label: s.label,
      family: s.mode === 'classical' ? 'classical' : 'hqrn',
      predictions: s.testPredictions!,
      parameters: s.mode === 'classical' ? classicalParameters(s.request.depth) : hqrnParameters(s.request.depth),
      seconds: s.seconds,
    }));
  if (!summaries.length || summaries[0].request.task !== 'entanglement') return null;
  const req = summaries[0].request;
  const quick = (req.trainSize ?? 1300) < 1300 || (req.epochs ?? 0) < 10;
  const run = () => {
    setBusy(true);
    setError(null);
    setLine('Loading the same training and test states …');
    runBaselinesWithProgress(req, given, quick ? 'quick' : 'full', setLine).then(
      (r) => {
        setRows(r);
        setBusy(false);
        setLine('');
      },
      (e: unknown) => {
        setBusy(false);
        setError(`The baselines could not run: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };
  const cells = (r: BaselineRow) => [
    r.model,
    f(r.accuracy),
    f(r.balancedAccuracy),
    `${f(r.dephased)} (${f(r.dephasedPair)})`,
    `${f(r.marginal)} (${f(r.marginalPair)})`,
    r.classShares.map(f).join(' / '),
    r.parameters,
    r.seconds.toFixed(1),
  ];
  return (
    <section className="train-baselines" aria-labelledby="baselines-heading">
      <h4 id="baselines-heading">Baselines on the same data</h4>
      <p className="train-hint">
        The full-tomography MLP (all 16 real parameters of ρ), a variational quantum classifier (layers of RY·RZ rotations and a CNOT, basis probabilities into
        the same readout head) and quantum-kernel ridge classifiers k(ρ, σ) = Tr(ρσ)ᵖ, trained in the engine worker on the
        {` ${req.trainSize} training states`} of this run and scored on its {req.testSize} test states
        {quick ? ' (quick settings: fewer epochs and layers)' : ''}.
      </p>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? 'Running the baselines …' : rows ? 'Run the baselines again' : 'Run the baselines'}
      </button>
      <span role="status" aria-live="polite" className="train-hint" data-testid="baselines-progress">
        {line}
      </span>
      {error && (
        <p role="alert" className="train-error">
          {error}
        </p>
      )}
      {rows && (
        <div className="train-table-wrap train-table-scroll">
          <RowHeaderTable
            testId="baselines-table"
            caption="Entanglement classifiers on the same data: overall and balanced accuracy, partners with their pair’s balanced accuracy"
            head={HEAD}
            rows={rows.map(cells)}
            rowData={(i) => ({ 'data-family': rows[i].family })}
          />
          {rows.some((r) => r.oneClassNote) && (
            <p className="train-hint" role="note">
              {rows.filter((r) => r.oneClassNote).map((r) => `${r.model}: predicts one class for ≥ 95 % of the test states. `)}
            </p>
          )}
          <ExportButtons what="baselines table" name={['baselines', 'table']} csv={() => toCsv(HEAD, rows.map(cells))} />
        </div>
      )}
    </section>
  );
}
