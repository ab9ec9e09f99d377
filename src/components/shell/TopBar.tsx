/**
 * The compact top bar: skip links, title, task, model menu, the stack-wide controls, undo /
 * share, the engine status, the tabs (Tabs.tsx: Explore, Training studio, Export, Saved work,
 * Classroom link; the open one is the URL field `p`) and, on a line of their own, the notices
 * (Notices.tsx), so a long message never pushes the controls onto another row.
 * Keys (not while typing): i = input, l = layer view, r = readouts (they open the Explore tab).
 */
import { useEffect, useRef } from 'react';
import { useExplorer } from '../../app/explorer/store';
import { AboutCite } from './AboutCite';
import { Hideable } from './Hideable';
import { ModelMenu } from '../stack/ModelMenu';
import { Notices } from './Notices';
import { ShareBar } from './ShareBar';
import { StackControls, TaskSwitch } from '../stack/StackControls';
import { StatusLine } from './StatusLine';
import { Tabs } from './Tabs';
import { TeachingBar } from '../teaching/TeachingBar';
import { useDismissable } from './useDismissable';

/** Where the skip links and keys go. */
const TARGETS = {
  input: () => document.getElementById('explorer-input'),
  layer: () => document.querySelector<HTMLElement>('.viz-evolution canvas.viz-matrix-canvas'),
  readouts: () => document.getElementById('explorer-readouts'),
} as const;

function focusTarget(to: keyof typeof TARGETS) {
  const el = TARGETS[to]();
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}

/** Go to a place of the explorer, opening the Explore tab first if another tab is open. */
function jump(to: keyof typeof TARGETS) {
  if (useExplorer.getState().panel === null) return focusTarget(to);
  useExplorer.getState().setPanel(null);
  // The explorer is shown on the next render.
  requestAnimationFrame(() => focusTarget(to));
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type))
  );
}

function useJumpKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // The drawing canvas takes letters for its keyboard pen.
      if (e.target instanceof HTMLCanvasElement && e.target.closest('.digit-input')) return;
      const to = e.key === 'i' ? 'input' : e.key === 'l' ? 'layer' : e.key === 'r' ? 'readouts' : null;
      if (!to) return;
      e.preventDefault();
      jump(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function TopBar() {
  useJumpKeys();
  // A classroom link hiding stack editing: undo / share join the first row (no near-empty row).
  const stackHidden = useExplorer((s) => s.hidden.includes('stack'));
  return (
    <header className="topbar">
      <nav className="skip-links" aria-label="Skip links">
        <button type="button" onClick={() => jump('input')}>
          Skip to input
        </button>
        <button type="button" onClick={() => jump('layer')}>
          Skip to layer view
        </button>
        <button type="button" onClick={() => jump('readouts')}>
          Skip to readouts
        </button>
      </nav>
      <div className="topbar-row topbar-id">
        <h1>HQRN Explorer</h1>
        <Hideable control="task">
          <TaskSwitch />
        </Hideable>
        <ModelMenu />
        <TeachingBar />
        {stackHidden && <ShareBar />}
      </div>
      {!stackHidden && (
        <div className="topbar-row topbar-stack">
          <StackControls />
          <ShareBar />
        </div>
      )}
      <div className="topbar-row topbar-tabs">
        <Tabs />
        <StatusLine />
        <KeysHelp />
        <AboutCite />
      </div>
      <Notices />
    </header>
  );
}

function KeysHelp() {
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissable(menu);
  return (
    <details ref={menu} className="menu keys-help">
      <summary>Keys</summary>
      <div className="menu-body">
        <ul>
          <li>
            <kbd>i</kbd> input · <kbd>l</kbd> layer view · <kbd>r</kbd> readouts
          </li>
          <li>
            <kbd>Tab</kbd> from the top: skip links to the same places
          </li>
          <li>arrow keys on a matrix: read its entries</li>
          <li>
            <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> redo
          </li>
        </ul>
      </div>
    </details>
  );
}
