import { describe, expect, it } from 'vitest';
import { revealScroll } from './lessonNav';

describe('revealScroll: show the step region without scrolling the lesson text away', () => {
  it('a region on screen: no scroll', () => {
    expect(revealScroll({ top: 300, bottom: 700 }, { top: 100 }, 800)).toBe(0);
  });
  it('a region below the fold: scroll until its bottom shows, at most to the lesson panel top', () => {
    expect(revealScroll({ top: 600, bottom: 900 }, { top: 400 }, 800)).toBe(108);
    // the lesson panel 120 px down: scrolling stops there even though the region is not all in view
    expect(revealScroll({ top: 700, bottom: 1400 }, { top: 120 }, 800)).toBe(120);
  });
  it('a region taller than the screen: its top first', () => {
    expect(revealScroll({ top: 900, bottom: 2900 }, { top: 5000 }, 800)).toBe(892);
  });
  it('a region above the screen: scroll up to it', () => {
    expect(revealScroll({ top: -300, bottom: -100 }, { top: -500 }, 800)).toBe(-308);
  });
});
