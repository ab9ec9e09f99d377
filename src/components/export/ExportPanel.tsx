/**
 * Export of the stack as OpenQASM 3 (Trotter order and steps, the measured errors per
 * block), and of the selected layer's state, the stack's model and the entanglement dataset
 * as JSON. The worker compiles and computes (workers/engine/exportApi.ts);
 * this panel holds the form, dispatches, shows the answer and saves the files.
 */
import type { QasmClassCheck } from '../../core/io/qasmAccuracy';
import { useId, useState } from 'react';
import { getEngine } from '../../app/engine/engineClient';
import { LIMITS } from '../../protocol/inputs';
import { downloadJson, downloadText, fileName, MIME, parseIntegerField } from '../../app/export/exporters';
import { explorerRunCard, modelFileCard, qasmWithRunCard } from '../../app/export/runCard';
import { shownLayer } from '../../viz/matrix/layerData';
import { useExplorer } from '../../app/explorer/storeHook';
import './export.css';
import { Term } from '../teaching/Term';

/** Limits of the form (the worker checks them again). */
const FORM_LIMITS = { maxSteps: LIMITS.maxTrotterSteps.value, maxDatasetStates: 20_000 } as const;

interface QasmReport {
  order: 1 | 2;
  steps: number;
  maxError: number;
  blocks: { block: number; plus: { error: number; rotations: number }; minus: { error: number; rotations: number } }[];
  file: string;
  /** The circuits' class probabilities vs the model's (whole entanglement stack only). */
  classCheck?: QasmClassCheck;
  /** How r was set: the automatic search, the fixed default of an unchecked export, or as typed. */
  stepsFrom: 'auto' | 'fixed' | 'requested';
}

const sci = (x: number) => x.toExponential(2);

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function ExportPanel() {
  const headingId = useId();
  const stack = useExplorer((s) => s.stack);
  const input = useExplorer((s) => s.input);
  const result = useExplorer((s) => s.result);
  const selected = useExplorer((s) => s.selectedLayer);
  const layer = shownLayer(result, selected);
  const depth = stack.blocks.length;
  // Blocks of 6 or 7 qubits (digits, a dataset of 5 or 6 qubits): one block per QASM file.
  const digits = stack.task === 'digits' || (stack.dataset?.nQubits ?? 0) >= 5;
  const filePrefix = stack.dataset ? `data-${stack.dataset.nQubits}q` : stack.task;

  const [order, setOrder] = useState<1 | 2>(2);
  const [stepsText, setStepsText] = useState('4');
  // default: the smallest r whose class probabilities are within 1e-3 of the model's (docs/math.md §4);
  // typing a number of steps switches to that number
  const [autoSteps, setAutoSteps] = useState(true);
  const [blockChoice, setBlockChoice] = useState<string>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<QasmReport | null>(null);
  const [seedText, setSeedText] = useState('1');
  const [countText, setCountText] = useState('100');

  const steps = parseIntegerField('steps', stepsText, 1, FORM_LIMITS.maxSteps);
  const seed = parseIntegerField('seed', seedText, 0, 2 ** 31 - 1);
  const count = parseIntegerField('states', countText, 2, FORM_LIMITS.maxDatasetStates);
  // digits: one block at a time (a 7-qubit block is ~16,000 rotations per unitary)
  const chosenBlock = blockChoice === 'all' ? (digits ? 0 : null) : Math.min(Number(blockChoice), Math.max(0, depth - 1));

  const act = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(`${what} failed: ${message(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const exportQasm = () =>
    act('OpenQASM export', async () => {
      if (!autoSteps && 'problem' in steps) throw new Error(steps.problem);
      const blocks = chosenBlock === null ? undefined : [chosenBlock];
      const out = await getEngine().exportQasm(stack, order, autoSteps || 'problem' in steps ? 'auto' : steps.value, blocks);
      const file = fileName([filePrefix, chosenBlock === null ? 'stack' : `block${chosenBlock + 1}`, `order${order}`, `r${out.steps}`], 'qasm');
      const check = out.classCheck ? { classProbabilityError: out.classCheck.error, classCheckStates: out.classCheck.states } : {};
      const card = explorerRunCard({
        stack,
        exported: `OpenQASM 3, Trotter order ${out.order}, r = ${out.steps} (${out.stepsFrom})`,
        date: new Date().toISOString(),
        metrics: { maxUnitaryError: out.maxError, ...check },
      });
      downloadText(qasmWithRunCard(out.text, card), file, MIME.qasm);
      if (out.stepsFrom !== 'requested') setStepsText(String(out.steps));
      setReport({ order: out.order, steps: out.steps, maxError: out.maxError, blocks: out.blocks, file, classCheck: out.classCheck, stepsFrom: out.stepsFrom });
    });

  return (
    <section className="viz-panel export-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Export</h2>
      <fieldset>
        <legend>Stack as OpenQASM 3</legend>
        <p className="export-hint">
          Each block's two dilated unitaries U± compiled to Pauli rotations (h, s, sdg, cx, rz) by <Term id="trotter">Trotterisation</Term>; the file says, per
          block, the measured error ‖U<sub>r</sub> − U‖₂ and the classical post-processing that stays outside the circuit.
        </p>
        <label>
          Trotter order{' '}
          <select aria-label="Trotter order" value={order} onChange={(e) => setOrder(Number(e.target.value) === 1 ? 1 : 2)}>
            <option value={1}>1 (error ~ 1/r)</option>
            <option value={2}>2 (error ~ 1/r²)</option>
          </select>
        </label>
        <label>
          Trotter steps r{' '}
          <input
            type="number"
            aria-label="Trotter steps"
            min={1}
            max={FORM_LIMITS.maxSteps}
            step={1}
            value={stepsText}
            aria-invalid={!autoSteps && 'problem' in steps}
            onChange={(e) => {
              setStepsText(e.target.value);
              setAutoSteps(false);
            }}
          />
        </label>
        <label>
          <input type="checkbox" aria-label="Choose r automatically" checked={autoSteps} onChange={(e) => setAutoSteps(e.target.checked)} /> smallest r with
          class probabilities within 10⁻³ of the model’s
        </label>
        <label>
          Blocks{' '}
          <select aria-label="Blocks to export" value={digits && blockChoice === 'all' ? '0' : blockChoice} onChange={(e) => setBlockChoice(e.target.value)}>
            {!digits && <option value="all">all {depth} blocks</option>}
            {stack.blocks.map((b, k) => (
              <option key={b.id} value={String(k)}>
                block {k + 1}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportQasm} disabled={busy !== null || depth === 0 || (!autoSteps && 'problem' in steps)}>
          {busy === 'OpenQASM export' ? 'Compiling…' : 'Export OpenQASM 3'}
        </button>
        {!autoSteps && 'problem' in steps && (
          <p className="export-error" role="alert">
            {steps.problem}
          </p>
        )}
        {digits && (
          <p className="export-hint">
            {stack.dataset
              ? `Blocks of this ${stack.dataset.nQubits}-qubit model have ${stack.dataset.nQubits + 1} qubits (thousands of rotations per unitary): one block per file.`
              : 'Digits blocks have 7 qubits (~16,000 rotations per unitary, a few MB): one block per file.'}
          </p>
        )}
        {report?.stepsFrom === 'fixed' && (
          <p className="export-hint" data-testid="qasm-unchecked">
            r = {report.steps} is a fixed default: the class probabilities are checked only for the whole two-qubit stack with its readout, so this file’s error
            is not measured.
          </p>
        )}
        {report?.classCheck && (
          <p
            className={report.classCheck.warning ? 'export-hint train-warning' : 'export-hint'}
            role={report.classCheck.warning ? 'alert' : 'status'}
            data-testid="qasm-class-check"
          >
            {report.stepsFrom === 'auto' ? `r = ${report.steps} chosen automatically. ` : ''}
            Class probabilities of the circuits vs the model’s on {report.classCheck.states}: max |ΔP| = {sci(report.classCheck.error)}.{' '}
            {report.classCheck.recommended.reached
              ? `r = ${report.classCheck.recommended.steps} is the smallest number of steps with |ΔP| ≤ ${report.classCheck.target}.`
              : `No r up to ${report.classCheck.recommended.steps} keeps |ΔP| ≤ ${report.classCheck.target}.`}
            {report.classCheck.warning ? ` ${report.classCheck.warning}` : ''}
          </p>
        )}
        {report && (
          <table aria-label="Trotter errors of the exported circuits" data-max-error={report.maxError}>
            <caption>
              {report.file}: order {report.order}, r = {report.steps}; largest error {sci(report.maxError)}
            </caption>
            <thead>
              <tr>
                <th scope="col">block</th>
                <th scope="col">
                  ‖U<sub>r</sub> − U+‖₂
                </th>
                <th scope="col">
                  ‖U<sub>r</sub> − U−‖₂
                </th>
                <th scope="col">rotations per step</th>
              </tr>
            </thead>
            <tbody>
              {report.blocks.map((b) => (
                <tr key={b.block}>
                  <th scope="row">{b.block + 1}</th>
                  <td>{sci(b.plus.error)}</td>
                  <td>{sci(b.minus.error)}</td>
                  <td>
                    {b.plus.rotations} / {b.minus.rotations}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </fieldset>

      <fieldset>
        <legend>JSON (hqrn-state, hqrn-model)</legend>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            act('State export', async () => {
              const json = await getEngine().exportStateJson({ requestId: 0, stack, input }, layer);
              const run = explorerRunCard({ stack, input, exported: `hqrn-state of layer ${layer}`, date: new Date().toISOString() });
              downloadJson({ ...json, run }, fileName([filePrefix, `layer${layer}`, 'state'], 'json'));
            })
          }
        >
          State of layer {layer} (hqrn-state)
        </button>{' '}
        <button
          type="button"
          disabled={busy !== null || depth === 0}
          onClick={() =>
            act('Model export', async () => {
              const json = await getEngine().exportModelJson(stack);
              const run = modelFileCard(json, { stack, exported: 'hqrn-model of the stack', date: new Date().toISOString() });
              downloadJson({ ...json, run }, fileName([filePrefix, 'model', `${depth}blocks`], 'json'));
            })
          }
        >
          Model of the stack (hqrn-model)
        </button>
      </fieldset>

      <fieldset>
        <legend>Entanglement dataset (hqrn-state batch with labels and kinds)</legend>
        <label>
          Seed{' '}
          <input
            type="number"
            aria-label="Dataset seed"
            min={0}
            step={1}
            value={seedText}
            aria-invalid={'problem' in seed}
            onChange={(e) => setSeedText(e.target.value)}
          />
        </label>
        <label>
          States{' '}
          <input
            type="number"
            aria-label="Dataset size"
            min={2}
            max={FORM_LIMITS.maxDatasetStates}
            step={1}
            value={countText}
            aria-invalid={'problem' in count}
            onChange={(e) => setCountText(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={busy !== null || 'problem' in seed || 'problem' in count}
          onClick={() =>
            act('Dataset export', async () => {
              if ('problem' in seed) throw new Error(seed.problem);
              if ('problem' in count) throw new Error(count.problem);
              const json = await getEngine().exportDatasetJson({ seed: seed.value, n: count.value });
              const run = explorerRunCard({
                stack,
                exported: 'labelled entanglement dataset (docs/math.md §7)',
                date: new Date().toISOString(),
                data: { source: 'generator', name: 'entanglement', sha256: null, n: count.value, generatorSeed: seed.value },
                command: `hqrn dataset entanglement --seed ${seed.value} --n ${count.value}`,
                seed: seed.value,
              });
              downloadJson({ ...json, run }, fileName(['entanglement', 'dataset', `seed${seed.value}`, `n${count.value}`], 'json'));
            })
          }
        >
          Export dataset
        </button>
        {('problem' in seed || 'problem' in count) && (
          <p className="export-error" role="alert">
            {'problem' in seed ? seed.problem : ''} {'problem' in count ? count.problem : ''}
          </p>
        )}
      </fieldset>
      <p className="export-status" role="status" aria-label="Export status">
        {busy ? `${busy}…` : ''}
      </p>
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
