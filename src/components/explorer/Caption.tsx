/**
 * The explorer's live caption (<Caption />): one or two plain sentences at the top of the
 * explorer, made by src/app/explorer/caption.ts from the current input and the worker's answer
 * (what the input is and truly is, what each path says with right / wrong, why they agree or
 * differ). `aria-live="polite"`: a screen reader hears the new caption after each change.
 * <VerdictMark /> is the right / wrong / unknown mark each readout shows (text and icon).
 */
import { useMemo } from 'react';
import { caption, captionStateOf, type Caption as CaptionText, type CaptionState, type Verdict } from '../../app/explorer/caption';
import { useExplorer } from '../../app/explorer/storeHook';
import './caption.css';

/** The caption of the current state and what it was made from, or null (no answer yet, or a blank drawing). */
export function useCaption(): (CaptionText & { state: CaptionState }) | null {
  const input = useExplorer((s) => s.input);
  const result = useExplorer((s) => s.result);
  return useMemo(() => {
    const st = captionStateOf(input, result);
    return st ? { ...caption(st), state: st } : null;
  }, [input, result]);
}

export function Caption() {
  const c = useCaption();
  const blank = useExplorer((s) => s.result?.noDigit === true);
  return (
    <p className="explorer-caption" role="status" aria-live="polite" aria-label="What the explorer shows" data-testid="explorer-caption">
      {c ? (
        <>
          <span className="caption-input">{c.input}</span> <span className="caption-verdicts">{c.verdicts}</span> <span className="caption-why">{c.why}</span>
        </>
      ) : blank ? (
        'The canvas is blank: draw a digit and both paths will classify it.'
      ) : (
        'Computing the first answer…'
      )}
    </p>
  );
}

const MARK: Record<Verdict, { icon: string; text: string }> = {
  right: { icon: '✓', text: 'right' },
  wrong: { icon: '✗', text: 'wrong' },
  unknown: { icon: '?', text: 'unknown' },
};

/** A path's mark against the truth: icon and word, named for assistive technology. */
export function VerdictMark({ verdict, path, truth }: { verdict: Verdict; path: string; truth: string }) {
  const m = MARK[verdict];
  const name = verdict === 'unknown' ? `${path} path: right or wrong unknown (${truth})` : `${path} path is ${m.text}: the true class is ${truth}`;
  return (
    <span className={`verdict verdict-${verdict}`} role="img" aria-label={name} data-verdict={verdict}>
      <span aria-hidden="true">
        {m.icon} {m.text}
      </span>
    </span>
  );
}
