/**
 * The stack's controls: the stack-wide ones for the top bar (<StackControls />: depth, global α,
 * activations, seeded weights) and the per-block details (<StackBuilder />: the parts of each
 * block, activation, gain c, reorder / duplicate / remove). Each block's α is edited in the
 * chain (LayerChain.tsx), where the block is drawn. Only store actions; the worker recomputes.
 */
import { memo, useId, useState } from 'react';
import { create } from 'zustand';
import { ACTIVATIONS, type Activation } from '../core/activation';
import { EXPLORER_LIMITS, type BlockSpec, type TaskName } from '../app/explorer';
import { MAX_WEIGHTS_SEED, useExplorer } from '../app/store';

const TASKS: { value: TaskName; label: string }[] = [
  { value: 'entanglement', label: 'Two qubits (entanglement)' },
  { value: 'digits', label: 'Digits (6 qubits)' },
];

const ACTIVATION_LABEL: Record<Activation, string> = {
  relu: 'ReLU',
  softplus: 'softplus',
  sigmoid: 'sigmoid',
  exp: 'exp (softmax)',
};

export function StackBuilder() {
  // A classroom link can hide stack editing: the diagram stays, read-only.
  const locked = useExplorer((s) => s.hidden.includes('stack'));
  return (
    <section className="panel stack-builder" aria-labelledby="stack-heading" id="block-details">
      <h2 id="stack-heading">Block details</h2>
      <p className="hint">Each block's activation σ, gain c and place in the stack; its α is set in the network chain above.</p>
      <StackDiagram locked={locked} />
    </section>
  );
}

/** The task: two-qubit entanglement states or 6-qubit digits (placed in the page header). */
export function TaskSwitch() {
  const task = useExplorer((s) => s.stack.task);
  const setTask = useExplorer((s) => s.setTask);
  return (
    <fieldset className="task-switch">
      <legend>Task</legend>
      {TASKS.map((t) => (
        <label key={t.value} className="radio-pill">
          <input type="radio" name="task" value={t.value} checked={task === t.value} onChange={() => setTask(t.value)} />
          {t.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The trained model the last "Randomise weights" replaced (for the note; Undo restores it). */
const useReplaced = create<{ name: string | null }>()(() => ({ name: null }));

/** The weights seed as typed, and applying one (new seeded weights; a trained model is replaced). */
export function useWeightsSeed() {
  const firstSeed = useExplorer((s) => s.stack.blocks[0]?.seed ?? 1000);
  const [seedText, setSeedText] = useState<string | null>(null);
  const applySeed = (text: string) => {
    setSeedText(text);
    const n = Number(text);
    if (text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_WEIGHTS_SEED) {
      // Randomising replaces a trained model: say so (Undo brings it back).
      const st = useExplorer.getState();
      useReplaced.setState({ name: st.stack.trained ? st.stack.trained.name : null });
      st.randomiseWeights(n);
      setSeedText(null);
    }
  };
  return { seedShown: seedText ?? String(firstSeed), applySeed };
}

/** The weights seed field (in the Model menu). */
export function WeightsSeed() {
  const id = useId();
  const { seedShown, applySeed } = useWeightsSeed();
  return (
    <span className="control">
      <label htmlFor={id}>Weights seed</label>
      <input id={id} type="number" min={0} max={MAX_WEIGHTS_SEED} step={1} value={seedShown} onChange={(e) => applySeed(e.target.value)} />
    </span>
  );
}

/** Stack-wide controls (the top bar). Hidden by a classroom link that locks the stack. */
export function StackControls() {
  const depth = useExplorer((s) => s.stack.blocks.length);
  const globalAlpha = useExplorer((s) => s.globalAlpha);
  const sameAlpha = useExplorer((s) => s.sameAlpha);
  const trained = useExplorer((s) => s.stack.trained);
  const mixed = useExplorer((s) => !s.sameAlpha && s.stack.blocks.some((b) => b.alpha !== s.stack.blocks[0].alpha));
  const { setDepth, setGlobalAlpha, setSameAlpha, setAllActivations } = useExplorer.getState();
  const id = useId();
  const { applySeed } = useWeightsSeed();
  const replaced = useReplaced((s) => s.name);

  return (
    <div className="stack-controls" role="group" aria-label="Stack-wide controls">
      <div className="control">
        <label htmlFor={`${id}-depth`}>Depth</label>
        <input
          id={`${id}-depth`}
          type="number"
          min={0}
          max={EXPLORER_LIMITS.maxDepth}
          step={1}
          value={depth}
          onChange={(e) => {
            if (e.target.value !== '') setDepth(Number(e.target.value));
          }}
        />
        <AddBlockButton />
      </div>

      <div className="control control-wide">
        <label htmlFor={`${id}-alpha`}>Global α</label>
        <input
          id={`${id}-alpha`}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={globalAlpha}
          disabled={!sameAlpha}
          onChange={(e) => setGlobalAlpha(Number(e.target.value))}
        />
        <output htmlFor={`${id}-alpha`} aria-label="Global α value" title={mixed ? 'The blocks have different α: set each in the chain, or tick “Same α everywhere”.' : undefined}>
          {mixed ? 'mixed' : globalAlpha.toFixed(2)}
        </output>
      </div>

      <div className="control">
        <label className="check">
          <input type="checkbox" checked={sameAlpha} onChange={(e) => setSameAlpha(e.target.checked)} />
          Same α everywhere
        </label>
      </div>

      <div className="control">
        <label htmlFor={`${id}-act`}>All activations</label>
        <select
          id={`${id}-act`}
          value=""
          onChange={(e) => {
            if (e.target.value) setAllActivations(e.target.value as Activation);
          }}
        >
          <option value="">set all…</option>
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {ACTIVATION_LABEL[a]}
            </option>
          ))}
        </select>
      </div>

      <div className="control">
        <button type="button" onClick={() => applySeed(String(Math.floor(Math.random() * 1_000_000)))} title="New untrained (random) weights from a fresh seed (the seed is in the Model menu)">
          Randomise weights
        </button>
      </div>
      {replaced && !trained && (
        <p className="replaced-note" role="status">
          Replaced the trained model “{replaced}” with random weights. Undo brings it back.
        </p>
      )}
    </div>
  );
}

function StackDiagram({ locked }: { locked: boolean }) {
  const blocks = useExplorer((s) => s.stack.blocks);
  const task = useExplorer((s) => s.stack.task);
  const trained = useExplorer((s) => s.stack.trained);
  return (
    <ol className="stack-diagram" aria-label="Stack diagram">
      <li className="node node-io">
        <span className="node-title">Input</span>
        <span className="node-sub">ρ⁽⁰⁾ · {task === 'digits' ? '6 qubits (8×8 digit)' : '2 qubits'}</span>
      </li>
      {blocks.map((b, k) => (
        <BlockCard key={b.id} block={b} index={k} count={blocks.length} locked={locked} trained={!!trained?.model && k < ((trained.model as { blocks?: unknown[] }).blocks?.length ?? 0)} />
      ))}
      <li className="node node-io">
        <span className="node-title">Readout</span>
        <span className="node-sub">softmax(R diag ρ⁽ᴷ⁾ + r) → {task === 'digits' ? 'digit 0–9' : 'separable / entangled'}</span>
      </li>
    </ol>
  );
}

/** The parts of one block, in order: U+ and U− on ancilla ⊗ system, measurement, σ, normalisation, α-mix. */
function BlockParts({ block }: { block: BlockSpec }) {
  return (
    <ol className="block-parts" aria-label={`U+ and U−, measure, σ = ${block.activation}, normalise, α-mix`}>
      <li className="part part-u" title="Two unitaries on ancilla ⊗ system; their |0⟩⟨0| blocks are the contractions A+ and A−">
        U+ U−
      </li>
      <li className="part part-m" title="Measure ancilla and system; keep the ancilla-0 outcomes p±_j">
        measure
      </li>
      <li className="part part-s" title="z = c(p+ − p−) + b, then a = σ(z)">
        σ
      </li>
      <li className="part part-s" title="q = a / Σ a">
        normalise
      </li>
      <li className="part part-a" title="ρ′ = αρ + (1 − α) diag(q)">
        α-mix
      </li>
    </ol>
  );
}

interface BlockCardProps {
  block: BlockSpec;
  index: number;
  count: number;
  trained: boolean;
  locked: boolean;
}

/** An α drag does not re-render the cards (α is shown and edited in the chain), unless locked (then α is shown here). */
const BlockCard = memo(
  BlockCardView,
  (a: BlockCardProps, b: BlockCardProps) =>
    a.index === b.index &&
    a.count === b.count &&
    a.trained === b.trained &&
    a.locked === b.locked &&
    a.block.id === b.block.id &&
    a.block.activation === b.block.activation &&
    a.block.gain === b.block.gain &&
    a.block.seed === b.block.seed &&
    (!a.locked || a.block.alpha === b.block.alpha),
);

function BlockCardView({ block, index, count, trained, locked }: BlockCardProps) {
  const n = index + 1;
  const { updateBlock, removeBlock, duplicateBlock, moveBlock, selectLayer } = useExplorer.getState();
  const selected = useExplorer((s) => s.selectedLayer === n);
  const dead = useExplorer((s) => s.result?.layers[n]?.dead ?? false);
  const full = count >= EXPLORER_LIMITS.maxDepth;
  const id = useId();
  const [gainText, setGainText] = useState<string | null>(null);
  const gainValid = (v: number) => Number.isFinite(v) && v >= EXPLORER_LIMITS.minGain && v <= EXPLORER_LIMITS.maxGain;

  return (
    <li className={`node node-block${selected ? ' selected' : ''}${dead ? ' dead' : ''}`} aria-label={`Block ${n}`}>
      <div className="block-head">
        <button type="button" className="link" aria-pressed={selected} onClick={() => selectLayer(n)} aria-label={`Show layer ${n}`}>
          Block {n}
        </button>
        {dead && (
          <span className="badge badge-dead" title="Σσ(z) ≤ 1e-12: the block outputs the uniform distribution">
            dead
          </span>
        )}
        {!locked && (
          <div className="block-buttons">
            <button type="button" aria-label={`Move block ${n} up`} title="Move up" disabled={index === 0} onClick={() => moveBlock(index, -1)}>
              ↑
            </button>
            <button type="button" aria-label={`Move block ${n} down`} title="Move down" disabled={index === count - 1} onClick={() => moveBlock(index, 1)}>
              ↓
            </button>
            <button type="button" aria-label={`Duplicate block ${n}`} title="Duplicate" disabled={full} onClick={() => duplicateBlock(index)}>
              copy
            </button>
            <button type="button" aria-label={`Remove block ${n}`} title="Remove" onClick={() => removeBlock(index)}>
              ✕
            </button>
          </div>
        )}
      </div>
      <BlockParts block={block} />
      {locked ? (
        <p className="block-summary" aria-label={`Settings of block ${n}`}>
          α = {block.alpha.toFixed(2)} · σ = {ACTIVATION_LABEL[block.activation]} · gain c = {block.gain}
        </p>
      ) : (
        <>
          {trained && <p className="block-summary">trained weights (A±, gain c and bias from the model)</p>}
          <div className="block-row">
            <div className="block-field">
              <label htmlFor={`${id}-s`}>σ</label>
              <select
                id={`${id}-s`}
                aria-label={`Activation of block ${n}`}
                value={block.activation}
                onChange={(e) => updateBlock(index, { activation: e.target.value as Activation })}
              >
                {ACTIVATIONS.map((a) => (
                  <option key={a} value={a}>
                    {ACTIVATION_LABEL[a]}
                  </option>
                ))}
              </select>
            </div>
            <div className="block-field">
              <label htmlFor={`${id}-g`}>gain c</label>
              <input
                id={`${id}-g`}
                type="number"
                aria-label={`Gain of block ${n}`}
                aria-invalid={gainText !== null}
                min={EXPLORER_LIMITS.minGain}
                max={EXPLORER_LIMITS.maxGain}
                step={0.5}
                disabled={trained}
                title={trained ? 'The trained model sets this gain' : `gain c in [${EXPLORER_LIMITS.minGain}, ${EXPLORER_LIMITS.maxGain}]`}
                value={gainText ?? String(block.gain)}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value.trim() !== '' && gainValid(v)) {
                    setGainText(null);
                    updateBlock(index, { gain: v });
                  } else setGainText(e.target.value);
                }}
                onBlur={() => setGainText(null)}
              />
            </div>
          </div>
        </>
      )}
    </li>
  );
}

function AddBlockButton() {
  const full = useExplorer((s) => s.stack.blocks.length >= EXPLORER_LIMITS.maxDepth);
  const addBlock = useExplorer((s) => s.addBlock);
  return (
    <button type="button" onClick={addBlock} disabled={full}>
      Add block
    </button>
  );
}
