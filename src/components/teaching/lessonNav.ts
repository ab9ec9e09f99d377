/**
 * Moving through a lesson: every step is opened as its link (lessonLink.ts) by setting the
 * address bar's hash, so the app's URL sync (src/app/url/urlSync.ts) reads it exactly as it
 * reads a shared link, and Back / Forward walk through the steps.
 */
import { lessonById } from '../../content/lessons';
import { useExplorer } from '../../app/explorer/store';
import { neighbourStep, stepHash } from '../../app/teaching/lessonLink';

/** Open step `step` (1-based) of lesson `id`, keeping presentation mode as it is. */
export function openStep(id: string, step: number): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  window.location.hash = stepHash(lesson, step, useExplorer.getState().teaching.presentation);
}

/** Next (+1) or previous (−1) step of the open lesson; nothing past either end. */
export function moveStep(delta: -1 | 1): void {
  const { lesson, step } = useExplorer.getState().teaching;
  const next = neighbourStep(lesson, step, delta);
  if (lesson !== null && next !== null) openStep(lesson, next);
}

/** Close the lesson: the explorer keeps the state the lesson left it in. */
export function closeLesson(): void {
  useExplorer.getState().setTeaching({ lesson: null, step: 1 });
}

/** Whether a key event belongs to a control that uses arrow keys itself (a field, slider, matrix). */
export function keyIsForControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target instanceof HTMLCanvasElement)
    return true;
  if (target instanceof HTMLInputElement && !['checkbox', 'button', 'submit'].includes(target.type)) return true;
  return target.closest('[role="slider"], [role="grid"], [role="radiogroup"], [role="tablist"], [role="listbox"], [role="menu"]') !== null;
}

/**
 * How far to scroll (CSS px, + = down) to show a region (its top first when it is taller than the
 * screen) without scrolling the lesson's own text off the top: never further than the panel's top.
 */
export function revealScroll(region: { top: number; bottom: number }, panel: { top: number }, viewportHeight: number): number {
  if (region.top >= 0 && region.bottom <= viewportHeight) return 0;
  const want = region.top < 0 ? region.top - 8 : Math.min(region.bottom - viewportHeight + 8, region.top - 8);
  return Math.min(want, Math.max(0, panel.top));
}
