/** The final figures of the main run and its baselines, the transfer check, "Use in explorer" and "Save model". */
import { useState } from 'react';
import { useSavedWork } from '../../app/saved/store';
import { useExplorer } from '../../app/explorer/store';
import { SaveControl } from '../saved/SaveControl';
import { explorableModel, MODE_NAMES, useTraining, type RunSummary } from '../../app/training/store';
import { oneClassNote } from '../../core/states/figures';
import { honestFigures, sharesText } from '../../app/training/runFigures';
import { BaselinesTable } from './BaselinesTable';
import { useImportedData } from '../../app/training/importedData';
import { explorerPlan } from '../../app/training/explorerFromDataset';
import { PerKindTable } from './PerKindTable';

/** The class names of the imported dataset a run trained on, while the studio still holds it. */
function useDatasetClasses(s: RunSummary | undefined): string[] | undefined {
  const ds = useImportedData((st) => st.dataset);
  return s?.request.datasetId !== undefined && ds?.id === s.request.datasetId ? ds.summary.classes.map((c) => c.name) : undefined;
}

const fmt = (v: number | undefined, digits = 4) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));

export function TransferCheck() {
  const result = useTraining((s) => s.result);
  const t = result?.transfer;
  if (!t || result.cancelled) return null;
  const ok = t.disagreements === 0;
  return (
    <section className={ok ? 'train-transfer ok' : 'train-transfer bad'} aria-labelledby="transfer-heading" data-testid="transfer-check">
      <h3 id="transfer-heading">Classical → quantum transfer</h3>
      <p className="train-disagreements" role="status" aria-label="Disagreements">
        <span className="big">{t.disagreements}</span> disagreement{t.disagreements === 1 ? '' : 's'} on the test set
        {ok ? ' — the quantum network predicts exactly what the classical one does.' : ' — the transferred network differs from the classical one!'}
      </p>
      <ul>
        <li>
          Classical test accuracy <strong>{fmt(t.classicalTestAccuracy)}</strong>, quantum test accuracy <strong>{fmt(t.quantumTestAccuracy)}</strong>
        </li>
        <li>Largest unitarity error of the transferred blocks: {t.maxUnitarityError.toExponential(2)}</li>
        {t.packedSubset && (
          <li>
            Genuine packed d×d² quantum path on the first {t.packedSubset.n} test rows: {t.packedSubset.disagreements} disagreements
          </li>
        )}
        {result.exportCheck && (
          <li>
            Exported model on the float64 core vs the worker’s tensors: agreement {fmt(result.exportCheck.agreement)} on {result.exportCheck.n} test inputs
          </li>
        )}
      </ul>
    </section>
  );
}

function Row({ s, classes }: { s: RunSummary; classes?: string[] }) {
  const a = s.final.adversarialAccuracy;
  const h = honestFigures(s, classes);
  return (
    <tr>
      <th scope="row">{s.label}</th>
      <td>{MODE_NAMES[s.mode]}</td>
      <td>{s.request.depth}</td>
      <td>{s.request.alpha}</td>
      <td>{fmt(s.final.trainAccuracy)}</td>
      <td>{fmt(s.final.testAccuracy)}</td>
      <td>{fmt(a?.dephased)}</td>
      <td>{fmt(a?.marginal)}</td>
      <td>{fmt(a?.all)}</td>
      <td data-testid="balanced-accuracy">{fmt(h?.balanced)}</td>
      <td data-testid="class-shares">{h ? sharesText(h, s.request.datasetId === undefined) : '—'}</td>
      <td>{s.epochs}</td>
      <td>{s.seconds.toFixed(1)}</td>
    </tr>
  );
}

export function FinalFigures() {
  const summaries = useTraining((s) => s.summaries);
  const result = useTraining((s) => s.result);
  const status = useTraining((s) => s.status);
  const classes = useDatasetClasses(summaries[0]);
  if (!summaries.length) return null;
  const req = summaries[0].request;
  const fromFile = req.datasetId !== undefined;
  const shotEval = result?.cancelled ? undefined : result?.shotEvaluation;
  return (
    <section className="train-final" aria-labelledby="final-heading">
      <h3 id="final-heading">Final figures</h3>
      <p className="train-hint">
        {fromFile ? 'Your data' : req.task === 'digits' ? 'Digits' : 'Entanglement'}, seed {req.seed}, {req.trainSize} training / {req.testSize} test examples
        {req.task === 'entanglement' && !fromFile ? `, adversarial share ${req.adversarialShare}` : ''}. Every row trained on exactly these data; accuracies
        exact
        {req.shots ? ` (the ${req.shots.toLocaleString('en')}-shot test accuracy is listed under the table)` : ' (no shots)'}.
        {status === 'running' ? ' More rows follow when the baselines finish.' : ''}
      </p>
      {/* At 1280 px the table fits (wrapping headers, the accuracies under one group header); a
          narrower screen scrolls it sideways inside its box, with a shadow at the cut edge. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take keyboard focus to scroll */}
      <div className="train-table-wrap train-table-scroll" role="region" aria-label="Final figures table" tabIndex={0}>
        <table className="train-table train-final-table" data-testid="final-figures">
          <caption className="visually-hidden">Final figures of the run and its baselines</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Model
              </th>
              <th scope="col" rowSpan={2}>
                Mode
              </th>
              <th scope="col" rowSpan={2}>
                Depth
              </th>
              <th scope="col" rowSpan={2}>
                α
              </th>
              <th scope="colgroup" colSpan={6} className="train-group">
                Accuracy (0–1)
              </th>
              <th scope="col" rowSpan={2}>
                {fromFile ? (
                  'Predicted share per class'
                ) : req.task === 'entanglement' ? (
                  <>
                    Predicted <abbr title="separable">sep.</abbr> / <abbr title="entangled">ent.</abbr>
                  </>
                ) : (
                  'Largest predicted share'
                )}
              </th>
              <th scope="col" rowSpan={2}>
                Epochs
              </th>
              <th scope="col" rowSpan={2}>
                Time (s)
              </th>
            </tr>
            <tr>
              <th scope="col">Train</th>
              <th scope="col">Test</th>
              <th scope="col">
                <abbr title="dephased partners">Dephased</abbr>
              </th>
              <th scope="col">
                <abbr title="marginal-product partners">Marginal</abbr>
              </th>
              <th scope="col">
                <abbr title="all adversarial partners">Adversarial</abbr>
              </th>
              <th scope="col">Balanced</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s, i) => (
              <Row key={i} s={s} classes={classes} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="train-hint train-scroll-hint" aria-hidden="true">
        Scroll the table sideways for more columns →
      </p>
      <PerKindTable />
      {shotEval && (
        <p className="train-hint" data-testid="shot-accuracy">
          Test accuracy with N<sub>s</sub> = {shotEval.shots.toLocaleString('en')} shots per unitary per block: <strong>{fmt(shotEval.testAccuracy)}</strong> on
          the first {shotEval.n.toLocaleString('en')} test states (exact on the whole test set: {fmt(summaries[0].final.testAccuracy)}).
        </p>
      )}
      {summaries.map((s, i) => {
        const h = honestFigures(s, classes);
        const note = h && oneClassNote(h.shares, h.names);
        return note ? (
          <p key={i} className="train-hint train-warning" role="note" data-testid="one-class-note">
            {s.label}: {note}
          </p>
        ) : null;
      })}
      {req.task === 'entanglement' && !fromFile && (
        <p className="train-hint">
          Dephased, marginal and adversarial are accuracies on partner states, which are all separable: a model that answers “separable” to everything scores
          1.000 there. Read them with the balanced accuracy and the predicted shares beside them.
        </p>
      )}
      {req.task === 'entanglement' && !fromFile && status !== 'running' && <BaselinesTable />}
    </section>
  );
}

export function UseInExplorer() {
  const result = useTraining((s) => s.result);
  const summaries = useTraining((s) => s.summaries);
  const imported = useImportedData((s) => s.dataset);
  const [done, setDone] = useState<string | null>(null);
  const model = explorableModel(result);
  const req = summaries[0]?.request;
  if (!result || result.cancelled || !req) return null;
  const fromFile = req.datasetId !== undefined;
  const name = fromFile
    ? `trained: ${imported?.id === req.datasetId ? imported?.name : 'imported data'}, ${MODE_NAMES[req.mode]}, depth ${req.depth}, α ${req.alpha}, seed ${req.seed}`
    : `trained: ${req.task}, ${MODE_NAMES[req.mode]}, depth ${req.depth}, α ${req.alpha}, seed ${req.seed}`;
  // A model trained on an imported dataset opens with state 0 of that dataset (any n of 1..6), or says why not.
  const plan = fromFile && model ? explorerPlan(Number(model.nQubits), imported?.id === req.datasetId ? imported : undefined) : undefined;
  return (
    <div className="train-use">
      {plan && !plan.ok ? (
        <p className="train-hint" role="note" data-testid="explorer-unavailable">
          {plan.message}
        </p>
      ) : model ? (
        <>
          <button
            type="button"
            onClick={() => {
              // The task switch (if any) and the model in one update: one undo step.
              if (plan?.ok) useExplorer.getState().openDatasetModel(name, model, plan.dataset, plan.index);
              else useExplorer.getState().loadTrainedModel(name, model, req.task);
              setDone(
                plan?.ok
                  ? `The explorer now shows “${name}”, with state ${plan.index} of ${plan.dataset.name}${plan.example ? ` (class ${plan.example.label})` : ''} as its input.`
                  : `The explorer now shows “${name}”.`,
              );
              // Show it: the Explore tab replaces the training studio (which keeps its run).
              useExplorer.getState().setPanel(null);
            }}
          >
            Use in explorer
          </button>
          <span role="status" aria-live="polite" className="train-hint">
            {done
              ? done
              : plan?.ok
                ? 'Makes this trained quantum model the explorer’s current stack, with the states of your dataset as its inputs.'
                : 'Makes this trained quantum model the explorer’s current stack.'}
          </span>
        </>
      ) : (
        <p className="train-hint">This run trained a classical network; only quantum models (transfer, greedy, end-to-end) can be explored.</p>
      )}
      {/* Keyed by the run, so a new run starts with its own default name and no "Saved". */}
      <SaveControl
        key={`${name}|${result.seconds}`}
        label="Save model"
        what="model"
        defaultName={name}
        save={(n) =>
          useSavedWork
            .getState()
            .saveModel({ name: n, model: result.model, accuracy: result.final.testAccuracy, alsoKnownAs: name, ...(plan?.ok ? { dataset: plan.dataset } : {}) })
        }
      />
    </div>
  );
}
