import { describe, expect, it } from 'vitest';
import { shownPanel, tabAfterKey, tabPanelId, TABS, visibleTabs } from './tabs';

describe('tabs', () => {
  it('a classroom link hiding a control hides its tab and the Classroom link tab; Explore always stays', () => {
    expect(visibleTabs([]).map((t) => t.label)).toEqual(['Explore', 'Training studio', 'Export', 'Saved work', 'Classroom link']);
    expect(visibleTabs(['training', 'saved']).map((t) => t.label)).toEqual(['Explore', 'Export']);
    // a student link hiding only the task switch: still no way to make a new link with nothing hidden
    expect(visibleTabs(['task']).map((t) => t.label)).toEqual(['Explore', 'Training studio', 'Export', 'Saved work']);
  });

  it('the shown tab is the open panel unless its control is hidden (then Explore)', () => {
    expect(shownPanel('training', [])).toBe('training');
    expect(shownPanel('training', ['training'])).toBeNull();
    expect(shownPanel('classroom', [])).toBe('classroom');
    expect(shownPanel('classroom', ['training', 'export', 'saved'])).toBeNull();
    expect(shownPanel(null, [])).toBeNull();
  });

  it('arrow keys move to the next / previous tab, wrapping; Home / End to the ends; other keys do nothing', () => {
    expect(tabAfterKey(TABS, null, 'ArrowRight')).toBe('training');
    expect(tabAfterKey(TABS, null, 'ArrowLeft')).toBe('classroom');
    expect(tabAfterKey(TABS, 'classroom', 'ArrowRight')).toBeNull();
    expect(tabAfterKey(TABS, 'export', 'ArrowLeft')).toBe('training');
    expect(tabAfterKey(TABS, 'export', 'Home')).toBeNull();
    expect(tabAfterKey(TABS, null, 'End')).toBe('classroom');
    expect(tabAfterKey(TABS, 'export', 'Enter')).toBeUndefined();
    // Among the visible tabs only (a hidden training tab is skipped).
    expect(tabAfterKey(visibleTabs(['training']), null, 'ArrowRight')).toBe('export');
  });

  it('every tab controls a panel with its own id (Explore too)', () => {
    expect(TABS.map((t) => tabPanelId(t.panel))).toEqual(['panel-explore', 'panel-training', 'panel-export', 'panel-saved', 'panel-classroom']);
  });
});
