/**
 * The top bar's teaching controls: Lessons (a menu of the lessons; each opens at step 1),
 * Glossary (the whole list), Present (presentation mode, the link field `pres=1`) and Full
 * screen (the Fullscreen API, on request only). Presentation mode sets the class
 * `presentation` on the page root: teaching.css sizes the page for a 1920×1080 projector.
 */
import { useEffect, useRef, useState } from 'react';
import { LESSONS } from '../../content/lessons';
import { useExplorer } from '../../app/explorer/store';
import { useDismissable } from '../shell/useDismissable';
import { GlossaryDialog } from './GlossaryDialog';
import { openStep } from './lessonNav';
import './teaching.css';

function usePresentationClass(on: boolean) {
  useEffect(() => {
    document.documentElement.classList.toggle('presentation', on);
  }, [on]);
}

function useFullscreen(): [boolean, () => void] {
  const [full, setFull] = useState(() => typeof document !== 'undefined' && document.fullscreenElement !== null);
  useEffect(() => {
    const on = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return [full, toggle];
}

export function TeachingBar() {
  const presentation = useExplorer((s) => s.teaching.presentation);
  const lesson = useExplorer((s) => s.teaching.lesson);
  usePresentationClass(presentation);
  const [full, toggleFull] = useFullscreen();
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissable(menu);
  const glossary = useRef<HTMLDialogElement>(null);
  return (
    <div className="teaching-bar" role="group" aria-label="Teaching">
      <details ref={menu} className="menu lessons-menu">
        <summary aria-label="Lessons">{lesson ? 'Lesson ▾' : 'Lessons'}</summary>
        <div className="menu-body">
          <ul>
            {Object.values(LESSONS).map((l) => (
              <li key={l.id}>
                <button
                  type="button"
                  onClick={() => {
                    menu.current?.removeAttribute('open');
                    openStep(l.id, 1);
                  }}
                >
                  {l.title} ({l.steps.length} steps)
                </button>
              </li>
            ))}
          </ul>
        </div>
      </details>
      <button type="button" onClick={() => glossary.current?.showModal()}>
        Glossary
      </button>
      <button type="button" aria-pressed={presentation} onClick={() => useExplorer.getState().setTeaching({ presentation: !presentation })}>
        Present
      </button>
      {presentation && (
        <button type="button" aria-pressed={full} onClick={toggleFull}>
          {full ? 'Leave full screen' : 'Full screen'}
        </button>
      )}
      <GlossaryDialog ref={glossary} />
    </div>
  );
}
