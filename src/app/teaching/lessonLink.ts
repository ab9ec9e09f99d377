/**
 * A lesson step as a link: the step's `setup` fields (src/content/lessons) plus `lesson=` and
 * `step=` (1-based) and, in presentation mode, `pres=1`. Opening a step is opening this link
 * through the app's own URL decoder (src/app/url/hash.ts), as a shared link is opened.
 */
import { lessonById } from '../../content/lessons';
import type { Lesson } from '../../content/lessons/types';
import { linkedKeys, unwrapEncodedHash, URL_VERSION } from '../url/hash';

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

/** The keys a bare lesson link may hold: nothing of the view itself. */
const LESSON_ONLY_KEYS = new Set(['v', 'lesson', 'step', 'pres']);

/**
 * A hand-typed or shortened lesson link such as `#v=1&lesson=paper&step=5` names a step but
 * none of its setup; it opens as that step's full link (stepHash), so the step shows what its
 * text describes. Any other hash, one naming any view field, an unknown lesson, another
 * version or a step that is not an integer within [1, steps] is returned unchanged (the URL
 * decoder then reports what is wrong). Errors: none.
 */
export function expandBareLessonLink(hash: string): string {
  const text = unwrapEncodedHash(hash.startsWith('#') ? hash.slice(1) : hash);
  if (![...linkedKeys(text)].every((k) => LESSON_ONLY_KEYS.has(k))) return hash;
  const get = (key: string) =>
    text
      .split('&')
      .find((p) => p.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? null;
  if (get('v') !== String(URL_VERSION)) return hash;
  const lesson = lessonById(get('lesson'));
  const stepText = get('step') ?? '1';
  const step = Number(stepText);
  if (!lesson || !/^\d+$/.test(stepText) || step < 1 || step > lesson.steps.length) return hash;
  return stepHash(lesson, step, get('pres') === '1');
}
