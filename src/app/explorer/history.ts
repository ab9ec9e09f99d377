/**
 * Undo/redo of stack and input edits: an immutable revision list (past, present, future), and
 * the rule that decides whether an edit is a new step or continues the previous one. A slider
 * drag sends many edits of one control in quick succession; they coalesce into one revision,
 * and the URL sync uses the same rule to replace (not push) the history entry while dragging.
 * Pure functions: no store, no DOM.
 */
import type { InputSpec, StackSpec } from '../../protocol/explorer';

/** What one undo step restores. */
export interface EditSnapshot {
  stack: StackSpec;
  input: InputSpec;
  globalAlpha: number;
  sameAlpha: boolean;
}

/**
 * 'none': nothing that undo tracks changed. 'discrete': a click-like edit (task, depth,
 * activation, preset, add/remove block), always its own step. 'continuous': one step of a
 * drag or of typing into one control; `key` names the control, so consecutive edits of the
 * same control coalesce and an edit of another control starts a new step.
 */
export type EditClass = { kind: 'none' } | { kind: 'discrete' } | { kind: 'continuous'; key: string };

export interface Revisions<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Key of the continuous edit that produced `present` (null after a discrete edit, undo or redo). */
  readonly lastKey: string | null;
  /** Time (ms) of the last edit recorded into `present`. */
  readonly lastTime: number;
}

export const HISTORY_LIMITS = {
  /** Edits of one control at most this far apart (ms) belong to the same drag. */
  coalesceMs: 1000,
  /** Revisions kept behind the present one. */
  maxPast: 200,
} as const;

export function createRevisions<T>(present: T): Revisions<T> {
  return { past: [], present, future: [], lastKey: null, lastTime: -Infinity };
}

/**
 * Whether an edit continues the previous one: the same control, and either the pointer is
 * still held down (a drag, however slow) or it comes within coalesceMs of the last edit.
 */
export function continuesLastEdit(lastKey: string | null, lastTime: number, edit: EditClass, now: number, pointerHeld = false): boolean {
  return edit.kind === 'continuous' && edit.key === lastKey && (pointerHeld || now - lastTime <= HISTORY_LIMITS.coalesceMs);
}

/**
 * Record `next` as the new present: a continuation of the last continuous edit replaces the
 * present (one drag = one step); anything else pushes the present onto `past`. Either way the
 * redo list is dropped, as in every editor.
 */
export function record<T>(r: Revisions<T>, next: T, edit: EditClass, now: number, pointerHeld = false): Revisions<T> {
  if (edit.kind === 'none') return r;
  if (continuesLastEdit(r.lastKey, r.lastTime, edit, now, pointerHeld)) return { ...r, present: next, future: [], lastTime: now };
  return {
    past: [...r.past, r.present].slice(-HISTORY_LIMITS.maxPast),
    present: next,
    future: [],
    lastKey: edit.kind === 'continuous' ? edit.key : null,
    lastTime: now,
  };
}

/** One step back (the same object when there is nothing to undo). */
export function undoRevision<T>(r: Revisions<T>): Revisions<T> {
  if (r.past.length === 0) return r;
  return { past: r.past.slice(0, -1), present: r.past[r.past.length - 1], future: [r.present, ...r.future], lastKey: null, lastTime: -Infinity };
}

/** One step forward (the same object when there is nothing to redo). */
export function redoRevision<T>(r: Revisions<T>): Revisions<T> {
  if (r.future.length === 0) return r;
  return { past: [...r.past, r.present], present: r.future[0], future: r.future.slice(1), lastKey: null, lastTime: -Infinity };
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Classify the change prev → next. Continuous: only α values changed (key 'alpha:all' with
 * "same α everywhere", else 'alpha:' + the changed blocks' ids), only gains changed, or the
 * input stayed a Werner state (the p slider) or a drawn digit (strokes); everything else that
 * changed is discrete. An edit that starts a gesture is continuous too (its key differs from
 * the last one, so it still begins a new step).
 */
export function classifyEdit(prev: EditSnapshot, next: EditSnapshot): EditClass {
  const stackSame = prev.stack === next.stack || sameJson(prev.stack, next.stack);
  const inputSame = prev.input === next.input || sameJson(prev.input, next.input);
  if (stackSame && inputSame && prev.globalAlpha === next.globalAlpha && prev.sameAlpha === next.sameAlpha) return { kind: 'none' };
  if (prev.sameAlpha !== next.sameAlpha) return { kind: 'discrete' };

  if (!inputSame) {
    if (!stackSame) return { kind: 'discrete' };
    // Keyed by the new input alone: the first edit of a Werner-slider drag or of a stroke
    // (coming from another input) starts the step that the rest of the gesture continues.
    if (next.input.kind === 'werner') return { kind: 'continuous', key: 'werner' };
    if (next.input.kind === 'drawn') return { kind: 'continuous', key: 'drawn' };
    return { kind: 'discrete' };
  }

  if (stackSame) return { kind: 'continuous', key: 'alpha:all' }; // only the global α moved
  const a = prev.stack;
  const b = next.stack;
  if (a.task !== b.task || a.readoutSeed !== b.readoutSeed || a.trained !== b.trained || a.blocks.length !== b.blocks.length) return { kind: 'discrete' };
  const alphaIds: string[] = [];
  const gainIds: string[] = [];
  for (let k = 0; k < a.blocks.length; k++) {
    const x = a.blocks[k];
    const y = b.blocks[k];
    if (x.id !== y.id || x.activation !== y.activation || x.seed !== y.seed) return { kind: 'discrete' };
    if (x.alpha !== y.alpha) alphaIds.push(y.id);
    if (x.gain !== y.gain) gainIds.push(y.id);
  }
  if (alphaIds.length > 0 && gainIds.length > 0) return { kind: 'discrete' };
  if (alphaIds.length > 0) return { kind: 'continuous', key: next.sameAlpha ? 'alpha:all' : `alpha:${alphaIds.join(',')}` };
  if (gainIds.length > 0) return { kind: 'continuous', key: `gain:${gainIds.join(',')}` };
  return { kind: 'discrete' };
}
