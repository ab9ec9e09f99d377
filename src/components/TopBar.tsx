/**
 * The compact top bar: skip links, title, task, model menu, the stack-wide controls, undo /
 * share, the engine status, and the tabs (Explore, Training studio, Export, Saved work,
 * Classroom link; the open one is the URL field `p`). <TabPanels /> holds the tabs' content:
 * every panel stays mounted (its work is kept) and only the open one is shown.
 * Keys (not while typing): i = input, l = layer view, r = readouts.
 */
import { Activity, useEffect, type ReactNode } from 'react';
import { useExplorer, type HideableControl, type PanelName } from '../app/store';
import { ExportPanel } from './ExportPanel';
import { Hideable } from './Hideable';
import { ModelMenu } from './ModelMenu';
import { SavedPanel } from './SavedPanel';
import { ClassroomLink, ShareBar } from './ShareBar';
import { StackControls, TaskSwitch } from './StackControls';
import { StatusLine } from './StatusLine';
import { TrainingPanel } from './TrainingPanel';

const TABS: { panel: PanelName | null; label: string; control?: HideableControl }[] = [
  { panel: null, label: 'Explore' },
  { panel: 'training', label: 'Training studio', control: 'training' },
  { panel: 'export', label: 'Export', control: 'export' },
  { panel: 'saved', label: 'Saved work', control: 'saved' },
  { panel: 'classroom', label: 'Classroom link' },
];

/** Where the skip links and keys go. */
const TARGETS = {
  input: () => document.getElementById('explorer-input'),
  layer: () => document.querySelector<HTMLElement>('.viz-evolution canvas.viz-matrix-canvas'),
  readouts: () => document.getElementById('explorer-readouts'),
} as const;

function jump(to: keyof typeof TARGETS) {
  const el = TARGETS[to]();
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type));
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
      </div>
      <div className="topbar-row topbar-stack">
        <Hideable control="stack">
          <StackControls />
        </Hideable>
        <ShareBar />
      </div>
      <div className="topbar-row topbar-tabs">
        <Tabs />
        <StatusLine />
        <KeysHelp />
      </div>
    </header>
  );
}

function KeysHelp() {
  return (
    <details className="menu keys-help">
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

function Tabs() {
  const panel = useExplorer((s) => s.panel);
  const hidden = useExplorer((s) => s.hidden);
  const setPanel = useExplorer((s) => s.setPanel);
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {TABS.filter((t) => !t.control || !hidden.includes(t.control)).map((t) => (
        <button
          key={t.label}
          type="button"
          role="tab"
          id={`tab-${t.panel ?? 'explore'}`}
          aria-selected={panel === t.panel}
          aria-controls={t.panel ? `panel-${t.panel}` : undefined}
          onClick={() => {
            setPanel(t.panel);
            requestAnimationFrame(() => {
              if (t.panel) document.getElementById(`panel-${t.panel}`)?.scrollIntoView({ block: 'start' });
              else window.scrollTo({ top: 0 });
            });
          }}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function TabPanel({ name, children }: { name: PanelName; children: ReactNode }) {
  const open = useExplorer((s) => s.panel === name);
  return (
    <div id={`panel-${name}`} role="tabpanel" aria-labelledby={`tab-${name}`} className="tab-panel" hidden={!open}>
      {children}
    </div>
  );
}

/**
 * A closed tab's content keeps its state but is not re-rendered on every edit (React's
 * Activity: hidden content renders only when the page is idle). Only for panels without effects
 * that must keep running while closed (the export panel; not training).
 */
function Deferred({ panel, children }: { panel: PanelName; children: ReactNode }) {
  const open = useExplorer((s) => s.panel === panel);
  return <Activity mode={open ? 'visible' : 'hidden'}>{children}</Activity>;
}

/** The tabs' content, below the one screen. */
export function TabPanels() {
  return (
    <div className="tab-panels">
      <Hideable control="training">
        <TabPanel name="training">
          <TrainingPanel />
        </TabPanel>
      </Hideable>
      <Hideable control="export">
        <TabPanel name="export">
          <Deferred panel="export">
            <ExportPanel />
          </Deferred>
        </TabPanel>
      </Hideable>
      <Hideable control="saved">
        <TabPanel name="saved">
          <SavedPanel />
        </TabPanel>
      </Hideable>
      <TabPanel name="classroom">
        <ClassroomLink />
      </TabPanel>
    </div>
  );
}
