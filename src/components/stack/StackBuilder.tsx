/**
 * The per-block details (<StackBuilder />): the parts of each block, activation σ, gain c,
 * reorder / duplicate / remove. Each block's α is edited in the chain (LayerChain.tsx), where
 * the block is drawn; the stack-wide controls are in StackControls.tsx (top bar).
 */
import { formatGain, modelDepth, trainedGain } from '../../app/explorer/trainedModel';
import { memo, useId, useState } from 'react';
import { EXPLORER_LIMITS, type BlockSpec } from '../../protocol/explorer';
import { useExplorer } from '../../app/explorer/store';
import { ACTIVATION_LABEL, activationOf, ActivationOptions } from './ActivationOptions';
import { Term } from '../teaching/Term';

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
        <BlockCard
          key={b.id}
          block={b}
          index={k}
          count={blocks.length}
          locked={locked}
          trained={!!trained?.model && k < modelDepth(trained.model)}
          modelGain={k < modelDepth(trained?.model) ? trainedGain(trained, k) : undefined}
        />
      ))}
      <li className="node node-io">
        <span className="node-title">Readout</span>
        <span className="node-sub">
          <Term id="readout">softmax(R diag ρ⁽ᴷ⁾ + r)</Term> → {task === 'digits' ? 'digit 0–9' : 'separable / entangled'}
        </span>
      </li>
    </ol>
  );
}

/** The parts of one block, in order: U+ and U− on ancilla ⊗ system, measurement, σ, normalisation, α-mix. */
function BlockParts({ block }: { block: BlockSpec }) {
  return (
    <ol className="block-parts" aria-label={`U+ and U−, measure, σ = ${block.activation}, normalise, α-mix`}>
      <li className="part part-u" title="Two unitaries on ancilla ⊗ system; their |0⟩⟨0| blocks are the contractions A+ and A−">
        <Term id="u-pm">U+ U−</Term>
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
        <Term id="alpha-mix">α-mix</Term>
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
  /** A trained block's gain c from the model file (the engine uses it, not block.gain). */
  modelGain?: number;
}

/** An α drag does not re-render the cards (α is shown and edited in the chain), unless locked (then α is shown here). */
const BlockCard = memo(
  BlockCardView,
  (a: BlockCardProps, b: BlockCardProps) =>
    a.index === b.index &&
    a.count === b.count &&
    a.trained === b.trained &&
    a.modelGain === b.modelGain &&
    a.locked === b.locked &&
    a.block.id === b.block.id &&
    a.block.activation === b.block.activation &&
    a.block.gain === b.block.gain &&
    a.block.seed === b.block.seed &&
    (!a.locked || a.block.alpha === b.block.alpha),
);

function BlockCardView({ block, index, count, trained, locked, modelGain }: BlockCardProps) {
  const n = index + 1;
  const { updateBlock, removeBlock, duplicateBlock, moveBlock, selectLayer } = useExplorer.getState();
  const selected = useExplorer((s) => s.selectedLayer === n);
  const dead = useExplorer((s) => s.result?.layers[n]?.dead ?? false);
  const full = count >= EXPLORER_LIMITS.maxDepth;
  const id = useId();
  const [gainText, setGainText] = useState<string | null>(null);
  // The gain the engine uses: a trained block's from its file (read-only), otherwise the block's own.
  const gainShown = formatGain(trained && modelGain !== undefined ? modelGain : block.gain);
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
        <p className="block-summary" role="note" aria-label={`Settings of block ${n}`}>
          α = {block.alpha.toFixed(2)} · σ = {ACTIVATION_LABEL[block.activation]} · gain c = {gainShown}
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
                onChange={(e) => {
                  const activation = activationOf(e.target.value);
                  if (activation) updateBlock(index, { activation });
                }}
              >
                <ActivationOptions />
              </select>
            </div>
            <div className="block-field">
              <label htmlFor={`${id}-g`}>
                <Term id="gain-c">gain c</Term>
              </label>
              {trained ? (
                <output id={`${id}-g`} className="block-gain" aria-label={`Gain of block ${n}`} title="The trained model sets this gain (read-only)">
                  {gainShown}
                </output>
              ) : (
                <input
                  id={`${id}-g`}
                  type="number"
                  aria-label={`Gain of block ${n}`}
                  aria-invalid={gainText !== null}
                  min={EXPLORER_LIMITS.minGain}
                  max={EXPLORER_LIMITS.maxGain}
                  step={0.5}
                  title={`gain c in [${EXPLORER_LIMITS.minGain}, ${EXPLORER_LIMITS.maxGain}]`}
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
              )}
            </div>
          </div>
        </>
      )}
    </li>
  );
}
