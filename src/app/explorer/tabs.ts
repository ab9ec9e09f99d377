/**
 * The page's tabs (Explore, Training studio, Export, Saved work, Classroom link): which exist
 * under a classroom link's hidden controls, which one is shown, and where the arrow keys go.
 * The open tab is the store's `panel` (null = Explore; the URL field `p`).
 */
import type { HideableControl, PanelName } from './store';

export interface TabSpec {
  /** The panel it opens; null = the explorer. */
  panel: PanelName | null;
  label: string;
  /** A classroom link hiding this control hides the tab too. */
  control?: HideableControl;
  /**
   * Hidden in any classroom link that hides something (the Classroom link tab: a student must
   * not make a new link with nothing hidden).
   */
  teacherOnly?: true;
}

export const TABS: readonly TabSpec[] = [
  { panel: null, label: 'Explore' },
  { panel: 'training', label: 'Training studio', control: 'training' },
  { panel: 'export', label: 'Export', control: 'export' },
  { panel: 'saved', label: 'Saved work', control: 'saved' },
  { panel: 'classroom', label: 'Classroom link', teacherOnly: true },
];

/** The tabs a page with these hidden controls offers (no Classroom link tab once anything is hidden). */
export function visibleTabs(hidden: readonly HideableControl[]): TabSpec[] {
  return TABS.filter((t) => (!t.control || !hidden.includes(t.control)) && !(t.teacherOnly && hidden.length > 0));
}

/**
 * The tab shown: the open panel, or Explore when no panel is open or the open one's control is
 * hidden (a classroom link with `p=training&hide=training` must not show an empty page).
 */
export function shownPanel(panel: PanelName | null, hidden: readonly HideableControl[]): PanelName | null {
  return panel !== null && visibleTabs(hidden).some((t) => t.panel === panel) ? panel : null;
}

/** The id of a tab and of its panel (`tab-explore` / `panel-explore` for the explorer). */
export function tabId(panel: PanelName | null): string {
  return `tab-${panel ?? 'explore'}`;
}
export function tabPanelId(panel: PanelName | null): string {
  return `panel-${panel ?? 'explore'}`;
}

/**
 * The tab an arrow key moves to in the tab list (ARIA tabs pattern): Left/Right to the
 * previous/next (wrapping), Home/End to the first/last; undefined for any other key.
 */
export function tabAfterKey(tabs: readonly TabSpec[], current: PanelName | null, key: string): PanelName | null | undefined {
  if (tabs.length === 0) return undefined;
  const i = Math.max(
    0,
    tabs.findIndex((t) => t.panel === current),
  );
  const n = tabs.length;
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % n].panel;
    case 'ArrowLeft':
      return tabs[(i - 1 + n) % n].panel;
    case 'Home':
      return tabs[0].panel;
    case 'End':
      return tabs[n - 1].panel;
    default:
      return undefined;
  }
}
