/**
 * The page's tabs (ARIA tabs pattern): the tab list of the top bar and the panels under it.
 * The open tab REPLACES the explorer under the top bar; every panel, the explorer too, stays
 * mounted (its work is kept, a training run goes on) and only the open one is shown. The open
 * tab is the store's `panel` (URL field `p`); src/app/explorer/tabs.ts says which tabs exist.
 */
import { Activity, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useExplorer, type PanelName } from '../../app/explorer/store';
import { shownPanel, tabAfterKey, tabId, tabPanelId, visibleTabs } from '../../app/explorer/tabs';
import { ExportPanel } from '../export/ExportPanel';
import { Hideable } from './Hideable';
import { SavedPanel } from '../saved/SavedPanel';
import { ClassroomLink } from './ShareBar';
import { TrainingPanel } from '../training/TrainingPanel';

/** The shown tab (the open panel, or Explore). */
export function useShownPanel(): PanelName | null {
  return useExplorer((s) => shownPanel(s.panel, s.hidden));
}

export function Tabs() {
  const shown = useShownPanel();
  const hidden = useExplorer((s) => s.hidden);
  const setPanel = useExplorer((s) => s.setPanel);
  const list = useRef<HTMLDivElement>(null);
  const tabs = visibleTabs(hidden);

  // Whatever opened a tab (a click, the arrow keys, "Use in explorer", a saved model, Back):
  // another tab opens right under the tab row, so bring the row back into view if it scrolled
  // away; the explorer starts at the top of the page (on a phone its layer view and readouts
  // come before the tab row). A page scrolled down in the training studio opened the explorer
  // 1,464 px down, at its tables. Not on the first render: a link's scroll stays.
  const previous = useRef(shown);
  useLayoutEffect(() => {
    if (previous.current === shown) return;
    previous.current = shown;
    if (shown === null) window.scrollTo({ top: 0 });
    else list.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  const open = (panel: PanelName | null) => setPanel(panel);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(tabs, shown, e.key);
    if (next === undefined) return;
    e.preventDefault();
    open(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label="Views" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.label}
          type="button"
          role="tab"
          id={tabId(t.panel)}
          aria-selected={shown === t.panel}
          aria-controls={tabPanelId(t.panel)}
          // Roving focus: Tab reaches the open tab, the arrow keys the others.
          tabIndex={shown === t.panel ? 0 : -1}
          onClick={() => open(t.panel)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function TabPanel({ panel, className, children }: { panel: PanelName | null; className: string; children: ReactNode }) {
  const open = useShownPanel() === panel;
  return (
    <div id={tabPanelId(panel)} role="tabpanel" aria-labelledby={tabId(panel)} className={className} hidden={!open}>
      {children}
    </div>
  );
}

/** The explorer as the Explore tab's panel: hidden (still mounted) while another tab is open. */
export function ExplorePanel({ children }: { children: ReactNode }) {
  return (
    <TabPanel panel={null} className="explore-panel">
      {children}
    </TabPanel>
  );
}

/**
 * A closed tab's content keeps its state but is not re-rendered on every edit (React's
 * Activity: hidden content renders only when the page is idle). Only for panels without effects
 * that must keep running while closed (the export panel; not training).
 */
function Deferred({ panel, children }: { panel: PanelName; children: ReactNode }) {
  const open = useShownPanel() === panel;
  return <Activity mode={open ? 'visible' : 'hidden'}>{children}</Activity>;
}

/** The other tabs' content: each replaces the explorer under the top bar when open. */
export function TabPanels() {
  return (
    <div className="tab-panels">
      <Hideable control="training">
        <TabPanel panel="training" className="tab-panel">
          <TrainingPanel />
        </TabPanel>
      </Hideable>
      <Hideable control="export">
        <TabPanel panel="export" className="tab-panel">
          <Deferred panel="export">
            <ExportPanel />
          </Deferred>
        </TabPanel>
      </Hideable>
      <Hideable control="saved">
        <TabPanel panel="saved" className="tab-panel">
          <SavedPanel />
        </TabPanel>
      </Hideable>
      <TabPanel panel="classroom" className="tab-panel">
        <ClassroomLink />
      </TabPanel>
    </div>
  );
}
