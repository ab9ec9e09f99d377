/**
 * The stack-wide controls of the top bar (<StackControls />: depth, add block, global α with
 * "mixed" when the blocks differ, same α, all activations, randomise weights), the task switch
 * and the weights seed (in the Model menu). Only store actions; the worker recomputes.
 */
import { globalAlphaReason } from '../../app/explorer/alphaReason';
import { useId, useState } from 'react';
import { create } from 'zustand';
import { EXPLORER_LIMITS, type TaskName } from '../../protocol/explorer';
import { MAX_WEIGHTS_SEED, useExplorer } from '../../app/explorer/store';
import { switchTask } from '../../app/explorer/taskSwitch';
import { activationOf, ActivationOptions } from './ActivationOptions';

const TASKS: { value: TaskName; label: string }[] = [
  { value: 'entanglement', label: 'Two qubits (entanglement)' },
  { value: 'digits', label: 'Digits (6 qubits)' },
];

/** The task: two-qubit entanglement states or 6-qubit digits (placed in the page header). */
export function TaskSwitch() {
  // A switch that is reading the other task's trained model shows the chosen task at once.
  const task = useExplorer((s) => s.pendingTask ?? s.stack.task);
  // A model trained on an imported dataset: a third, chosen pill (the built-in tasks leave it).
  const dataset = useExplorer((s) => (s.pendingTask ? undefined : s.stack.dataset));
  return (
    <fieldset className="task-switch">
      <legend>Task</legend>
      {TASKS.map((t) => (
        <label key={t.value} className="radio-pill">
          <input type="radio" name="task" value={t.value} checked={!dataset && task === t.value} onChange={() => void switchTask(t.value)} />
          {t.label}
        </label>
      ))}
      {dataset && (
        <label className="radio-pill" title={`The model trained on ${dataset.name}, with its states as inputs`}>
          <input type="radio" name="task" value="dataset" checked readOnly />
          Your data ({dataset.nQubits} qubit{dataset.nQubits === 1 ? '' : 's'})
        </label>
      )}
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
  const alphaReason = globalAlphaReason(sameAlpha);

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

      <div className="control control-wide" title={alphaReason ?? undefined}>
        <label htmlFor={`${id}-alpha`}>Global α</label>
        <input
          id={`${id}-alpha`}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={globalAlpha}
          title={alphaReason ?? undefined}
          aria-describedby={alphaReason ? `${id}-alpha-why` : undefined}
          onChange={(e) => (sameAlpha ? setGlobalAlpha(Number(e.target.value)) : setSameAlpha(true, Number(e.target.value)))}
        />
        {alphaReason && (
          <span id={`${id}-alpha-why`} className="visually-hidden">
            {alphaReason}
          </span>
        )}
        <output
          htmlFor={`${id}-alpha`}
          aria-label="Global α value"
          title={mixed ? 'The blocks have different α: set each in the chain, or tick “Same α everywhere”.' : undefined}
        >
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
            const a = activationOf(e.target.value);
            if (a) setAllActivations(a);
          }}
        >
          <option value="">set all…</option>
          <ActivationOptions />
        </select>
      </div>

      <div className="control">
        <button
          type="button"
          onClick={() => applySeed(String(Math.floor(Math.random() * 1_000_000)))}
          title="New untrained (random) weights from a fresh seed (the seed is in the Model menu)"
        >
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

function AddBlockButton() {
  const full = useExplorer((s) => s.stack.blocks.length >= EXPLORER_LIMITS.maxDepth);
  const addBlock = useExplorer((s) => s.addBlock);
  return (
    <button type="button" onClick={addBlock} disabled={full}>
      Add block
    </button>
  );
}
