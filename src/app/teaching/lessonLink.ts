/**
 * A lesson step as a link: the step's `setup` fields (src/content/lessons) plus `lesson=` and
 * `step=` (1-based) and, in presentation mode, `pres=1`. Opening a step is opening this link
 * through the app's own URL decoder (src/app/url/hash.ts), as a shared link is opened.
 */
import { lessonById } from '../../content/lessons';
import type { Lesson } from '../../content/lessons/types';
import { URL_VERSION } from '../url/hash';

/**
 * The hash (without '#') that opens step `step` (1-based, clamped to [1, steps]) of `lesson`.
 * Errors: none; a lesson of no steps gives its first (absent) step's lesson fields only.
 */
export function stepHash(lesson: Lesson, step: number, presentation = false): string {
  const n = Math.min(Math.max(1, Math.round(step)), Math.max(1, lesson.steps.length));
  const setup = lesson.steps[n - 1]?.setup ?? '';
  return [`v=${URL_VERSION}`, setup, `lesson=${encodeURIComponent(lesson.id)}`, `step=${n}`, presentation ? 'pres=1' : ''].filter(Boolean).join('&');
}

/** The step `delta` away from `step` within the lesson `id` (null past either end or for no lesson). */
export function neighbourStep(id: string | null, step: number, delta: -1 | 1): number | null {
  const lesson = lessonById(id);
  if (!lesson) return null;
  const next = step + delta;
  return next >= 1 && next <= lesson.steps.length ? next : null;
}
