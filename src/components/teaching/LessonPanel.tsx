/**
 * The open lesson's step (<LessonPanel />): its text, formulas and glossary terms, previous /
 * next / close. The step's region of the explorer is outlined (data-region="…", set on the
 * page root as data-lesson-highlight) and scrolled into view; every control stays live.
 * Keys while a lesson is open (not in a field, slider or matrix): ArrowRight / PageDown next,
 * ArrowLeft / PageUp previous (presentation clickers send PageDown / PageUp).
 */
import { useEffect } from 'react';
import { lessonById } from '../../content/lessons';
import { useExplorer } from '../../app/explorer/store';
import { Formula } from './Formula';
import { closeLesson, keyIsForControl, moveStep, revealScroll } from './lessonNav';
import { Term } from './Term';

export function LessonPanel() {
  const { lesson: id, step } = useExplorer((s) => s.teaching);
  const lesson = lessonById(id);
  const current = lesson?.steps[step - 1];

  useEffect(() => {
    if (!current) return;
    const root = document.documentElement;
    root.dataset.lessonHighlight = current.highlight;
    const region = document.querySelector(`[data-region="${current.highlight}"]`);
    const panel = document.querySelector('section.lesson');
    if (region && panel) window.scrollBy({ top: revealScroll(region.getBoundingClientRect(), panel.getBoundingClientRect(), window.innerHeight) });
    return () => {
      delete root.dataset.lessonHighlight;
    };
  }, [current]);

  useEffect(() => {
    if (!lesson) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const delta = e.key === 'ArrowRight' || e.key === 'PageDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'PageUp' ? -1 : 0;
      if (delta === 0) return;
      // Page keys come from a clicker: they always turn the page; arrows only outside controls.
      if (!e.key.startsWith('Page') && keyIsForControl(e.target)) return;
      e.preventDefault();
      moveStep(delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lesson]);

  if (!lesson || !current) return null;
  const n = lesson.steps.length;
  return (
    <section className="lesson" aria-label={`Lesson: ${lesson.title}`} data-lesson={lesson.id} data-step={step}>
      <div className="lesson-head">
        <p className="lesson-where">
          {lesson.title} · step {step} of {n}
        </p>
        <h2 className="lesson-title">{current.title}</h2>
        <div className="lesson-nav">
          <button type="button" onClick={() => moveStep(-1)} disabled={step <= 1} aria-label="Previous step">
            ◀ Previous
          </button>
          <button type="button" onClick={() => moveStep(1)} disabled={step >= n} aria-label="Next step">
            Next ▶
          </button>
          <button type="button" onClick={closeLesson} aria-label="Close the lesson (the explorer keeps this view)">
            Close
          </button>
        </div>
      </div>
      <div className="lesson-body">
        <div className="lesson-text">
          {current.body.map((p, k) => (
            <p key={k}>{p}</p>
          ))}
          {current.glossary && current.glossary.length > 0 && (
            <p className="lesson-terms">
              Terms:{' '}
              {current.glossary.map((g, k) => (
                <span key={g}>
                  {k > 0 && ' · '}
                  <Term id={g} />
                </span>
              ))}
            </p>
          )}
        </div>
        {current.formulas && current.formulas.length > 0 && (
          <div className="lesson-formulas" role="group" aria-label="Formulas of this step">
            {current.formulas.map((f) => (
              <Formula key={f} id={f} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
