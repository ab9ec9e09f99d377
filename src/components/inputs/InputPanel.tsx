/**
 * Inputs of the two-qubit (entanglement) task: Bell states, Werner(p), seeded random states,
 * the adversarial partners of the current state, and a hand-entered matrix. Every button
 * sets an InputSpec recipe; the worker makes the state. The measures shown here are the
 * worker's layer-0 measures of the current input. "Save input" keeps a hand-entered matrix or
 * a drawing in saved work (src/app/saved/savedWork.ts).
 */
import { BELL_KINDS } from '../../protocol/inputs';
import { BELL_LABEL } from '../../app/explorer/caption';
import { useId, useState } from 'react';
import { isBlankDrawing, type BellKind, type InputSpec } from '../../protocol/explorer';
import { useSavedWork } from '../../app/saved/store';
import { useExplorer } from '../../app/explorer/store';
import { DigitCanvas } from './DigitCanvas';
import { DatasetInputs } from './DatasetInputs';
import { MatrixDrawer } from '../explorer/MatrixDrawer';
import { Hideable } from '../shell/Hideable';
import { SaveControl } from '../saved/SaveControl';
import { Term } from '../teaching/Term';

/** How each Bell state of the vocabulary (src/protocol/inputs.ts BELL_KINDS) is shown. */
const BELL_TEXT: Record<BellKind, { label: string; ket: string }> = {
  'phi+': { label: BELL_LABEL['phi+'], ket: '(|00⟩+|11⟩)/√2' },
  'phi-': { label: BELL_LABEL['phi-'], ket: '(|00⟩−|11⟩)/√2' },
  'psi+': { label: BELL_LABEL['psi+'], ket: '(|01⟩+|10⟩)/√2' },
  'psi-': { label: BELL_LABEL['psi-'], ket: '(|01⟩−|10⟩)/√2' },
};
const BELL = BELL_KINDS.map((which) => ({ which, ...BELL_TEXT[which] }));

/** A short human description of an input recipe. */
export function describeInput(spec: InputSpec): string {
  switch (spec.kind) {
    case 'bell':
      return `Bell state |${BELL.find((b) => b.which === spec.which)?.label ?? spec.which}⟩`;
    case 'werner':
      return `Werner state, p = ${spec.p.toFixed(2)}`;
    case 'random-pure':
      return `random pure state (seed ${spec.seed})`;
    case 'random-mixed':
      return `random mixed state (seed ${spec.seed})`;
    case 'product':
      return `random product state (seed ${spec.seed})`;
    case 'matrix':
      return 'hand-entered matrix';
    case 'dephased':
      return `dephased partner of ${describeInput(spec.of)}`;
    case 'marginal':
      return `marginal-product partner of ${describeInput(spec.of)}`;
    case 'drawn':
      return 'digit drawn on the canvas';
    case 'mnist':
      return `MNIST digit #${spec.index}`;
    case 'dataset':
      return `state ${spec.index} of your dataset`;
  }
}

const newSeed = () => Math.floor(Math.random() * 1_000_000_000);

export function InputPanel() {
  const task = useExplorer((s) => s.stack.task);
  const input = useExplorer((s) => s.input);
  const dataset = useExplorer((s) => s.stack.dataset);
  return (
    <section className="panel input-panel" aria-labelledby="input-heading" id="explorer-input" tabIndex={-1}>
      <h2 id="input-heading">Input</h2>
      <p className="current-input">
        Current input:{' '}
        <output aria-label="Current input" data-kind={input.kind}>
          {describeInput(input)}
        </output>
      </p>
      {/* Presets are one click away; what took work to make (a matrix, a drawing) can be kept. */}
      {(input.kind === 'matrix' || input.kind === 'drawn') && <SaveInput input={input} />}
      {/* A dataset model: its states; of two qubits also the two-qubit inputs (its model takes them). */}
      {dataset && <DatasetInputs />}
      {dataset && dataset.nQubits !== 2 ? null : task === 'entanglement' ? <TwoQubitInputs /> : <DigitCanvas />}
    </section>
  );
}

/** A key per input object: a new input (a new recipe from the store) resets the save control. */
const inputKeys = new WeakMap<InputSpec, number>();
let nextInputKey = 1;
function inputKey(input: InputSpec): number {
  let k = inputKeys.get(input);
  if (k === undefined) inputKeys.set(input, (k = nextInputKey++));
  return k;
}

/** "Save input": keeps a custom input (a hand-entered matrix, a drawing) in saved work. */
function SaveInput({ input }: { input: InputSpec }) {
  const blank = useExplorer((s) => isBlankDrawing(s.input, s.result));
  return (
    <SaveControl
      key={inputKey(input)}
      label="Save input"
      what="input"
      defaultName={describeInput(input)}
      save={(name) => useSavedWork.getState().saveInput({ name, input })}
      disabledReason={blank ? 'Nothing to save: the canvas is blank (draw a digit first).' : undefined}
    />
  );
}

/** The input without a dephasing on top (what the "Dephased partner" toggle is applied to). */
function baseOf(input: InputSpec): InputSpec {
  return input.kind === 'dephased' ? input.of : input;
}

/**
 * "Dephased partner": a toggle next to the input. On, the input is Δ(ρ) of the chosen state —
 * same diagonal, no coherences — so the classical path cannot move while the quantum one can.
 * Works for every two-qubit input.
 */
export function DephasedToggle() {
  const input = useExplorer((s) => s.input);
  const setInput = useExplorer((s) => s.setInput);
  const on = input.kind === 'dephased';
  return (
    <button
      type="button"
      className="dephased-toggle"
      aria-pressed={on}
      title="Δ(ρ): keep only the computational-basis populations — same diagonal, no entanglement"
      onClick={() => setInput(on ? input.of : { kind: 'dephased', of: input })}
    >
      <span className="switch" aria-hidden="true" />
      Dephased partner
    </button>
  );
}

function TwoQubitInputs() {
  const input = useExplorer((s) => s.input);
  const setInput = useExplorer((s) => s.setInput);
  const base = baseOf(input);
  const [p, setP] = useState(base.kind === 'werner' ? base.p : 0.5);
  const id = useId();
  const shownP = base.kind === 'werner' ? base.p : p;

  return (
    <>
      <DephasedToggle />
      <fieldset>
        <legend>Bell states</legend>
        <div className="button-row">
          {BELL.map((b) => (
            <button
              key={b.which}
              type="button"
              aria-label={`Bell ${b.label}`}
              title={`|${b.label}⟩ = ${b.ket}`}
              aria-pressed={base.kind === 'bell' && base.which === b.which}
              onClick={() => setInput({ kind: 'bell', which: b.which })}
            >
              |{b.label}⟩
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Werner state</legend>
        <p className="hint formula">p|Φ+⟩⟨Φ+| + (1−p) I/4</p>
        <div className="control control-wide">
          <label htmlFor={`${id}-p`}>Werner p</label>
          <input
            id={`${id}-p`}
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={shownP}
            onChange={(e) => {
              const v = Number(e.target.value);
              setP(v);
              setInput({ kind: 'werner', p: v });
            }}
          />
          <output htmlFor={`${id}-p`} aria-label="p">
            {shownP.toFixed(2)}
          </output>
        </div>
        <p className="hint">Entangled exactly when p &gt; 1/3.</p>
      </fieldset>

      <fieldset>
        <legend>Random states</legend>
        <div className="button-row">
          <button type="button" onClick={() => setInput({ kind: 'random-pure', seed: newSeed() })}>
            Random pure
          </button>
          <button type="button" onClick={() => setInput({ kind: 'random-mixed', seed: newSeed() })}>
            Random mixed
          </button>
          <button type="button" onClick={() => setInput({ kind: 'product', seed: newSeed() })}>
            Product
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>Other partner</legend>
        <div className="button-row">
          <button
            type="button"
            title="ρ_A ⊗ ρ_B: the product of the two one-qubit marginals — same single-qubit statistics, no entanglement"
            onClick={() => setInput({ kind: 'marginal', of: input })}
          >
            Marginal partner
          </button>
        </div>
        <p className="hint">
          Separable, with the same <Term id="marginal-partner">one-qubit statistics</Term>. The <Term id="dephased-partner">dephased partner</Term> (toggle
          above) has the same diagonal, so the classical path cannot tell them apart.
        </p>
      </fieldset>

      {/* Matrix entry before the measures: part of the picker, on the first screen at 1280×800. */}
      <Hideable control="matrix">
        <MatrixDrawer />
      </Hideable>
      <InputMeasures />
    </>
  );
}

/** The worker's measures of the input state (layer 0 of the newest result). */
function InputMeasures() {
  const m = useExplorer((s) => s.result?.layers[0]?.measures);
  const busy = useExplorer((s) => s.computing);
  // No "−0.0000": a value that rounds to zero is shown as zero.
  const fmt = (v: number | undefined) => (v === undefined ? '…' : Math.abs(v) < 5e-5 ? (0).toFixed(4) : v.toFixed(4));
  return (
    <dl className="input-measures" aria-busy={busy}>
      <div>
        <dt>
          <Term id="concurrence">Concurrence</Term>
        </dt>
        <dd>
          <output aria-label="Input concurrence">{fmt(m?.concurrence)}</output>
        </dd>
      </div>
      <div>
        <dt>
          <Term id="negativity">Negativity</Term>
        </dt>
        <dd>
          <output aria-label="Input negativity">{fmt(m?.negativity)}</output>
        </dd>
      </div>
      <div>
        <dt>Purity</dt>
        <dd>
          <output aria-label="Input purity">{fmt(m?.purity)}</output>
        </dd>
      </div>
      <div>
        <dt>
          <Term id="ppt">PPT criterion</Term>
        </dt>
        <dd>
          <output aria-label="Input PPT verdict">{m?.ppt === undefined ? '…' : m.ppt ? 'PPT: separable' : 'NPT: entangled'}</output>
        </dd>
      </div>
    </dl>
  );
}
