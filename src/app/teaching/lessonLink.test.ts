import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../content/lessons';
import { PAPER_LESSON } from '../../content/lessons/paper';
import { decodeHash, encodeHash } from '../url/hash';
import { expandBareLessonLink, neighbourStep, stepHash } from './lessonLink';

describe('a lesson step as a link', () => {
  it('every step of every lesson opens through the URL decoder with no problem, at that step, with its setup', () => {
    for (const lesson of Object.values(LESSONS)) {
      lesson.steps.forEach((step, i) => {
        const { state, problems } = decodeHash(stepHash(lesson, i + 1));
        expect(problems, step.title).toEqual([]);
        expect(state.lesson).toBe(lesson.id);
        expect(state.step).toBe(i + 1);
        expect(state.presentation).toBe(false);
        // the setup's own fields decode to the same state as the step link (lesson fields aside)
        const setupOnly = decodeHash(`v=1&${step.setup}`).state;
        expect({ ...state, lesson: null, step: 1 }).toEqual(setupOnly);
      });
    }
  });

  it('the paper lesson: step 5 is the Bell state |Φ+⟩, step 6 Werner p = 0.3, both on the bundled entanglement model', () => {
    const s5 = decodeHash(stepHash(PAPER_LESSON, 5)).state;
    expect(s5.input).toEqual({ kind: 'bell', which: 'phi+' });
    expect(s5.model).toBe('entanglement-quantum');
    const s6 = decodeHash(stepHash(PAPER_LESSON, 6, true)).state;
    expect(s6.input).toEqual({ kind: 'werner', p: 0.3 });
    expect(s6.presentation).toBe(true);
  });

  it('a state in a lesson encodes to a link that decodes to the same lesson, step and presentation mode', () => {
    const { state } = decodeHash(stepHash(PAPER_LESSON, 4, true));
    const again = decodeHash(encodeHash(state)).state;
    expect([again.lesson, again.step, again.presentation]).toEqual(['paper', 4, true]);
    expect(encodeHash(state)).toMatch(/(^|&)lesson=paper&step=4&pres=1$/);
    // closing the lesson leaves its fields out of the link; the view stays
    const closed = encodeHash({ ...state, lesson: null, step: 1 });
    expect(closed).not.toMatch(/lesson=|step=/);
    expect(decodeHash(closed).state.input).toEqual(state.input);
  });

  it('steps out of range: clamped with a problem naming the field; an unknown lesson is named and ignored', () => {
    const last = PAPER_LESSON.steps.length;
    expect(stepHash(PAPER_LESSON, 99)).toContain(`step=${last}`);
    expect(stepHash(PAPER_LESSON, 0)).toContain('step=1');
    const zero = decodeHash('v=1&lesson=paper&step=0');
    expect(zero.problems.join()).toMatch(/^lesson step: 0 is outside/);
    expect(zero.state.step).toBe(1);
    const unknown = decodeHash('v=1&lesson=nope&step=2');
    expect(unknown.problems.join()).toMatch(/^lesson: "nope" is not one of paper/);
    expect(unknown.state.lesson).toBeNull();
    expect(unknown.state.step).toBe(1);
    expect(decodeHash('v=1&pres=2').problems.join()).toMatch(/^presentation mode: "2" is not 1 or 0/);
  });

  it('next / previous stay within the lesson', () => {
    const n = PAPER_LESSON.steps.length;
    expect(neighbourStep('paper', 1, -1)).toBeNull();
    expect(neighbourStep('paper', 1, 1)).toBe(2);
    expect(neighbourStep('paper', n, 1)).toBeNull();
    expect(neighbourStep('paper', n, -1)).toBe(n - 1);
    expect(neighbourStep(null, 2, 1)).toBeNull();
  });

  it("a bare lesson link (lesson and step only) opens with that step's setup; anything else is left alone", () => {
    // step 5 of the paper lesson is |Φ+⟩ on the bundled model: the bare link must reach that state
    const bare = decodeHash(expandBareLessonLink('#v=1&lesson=paper&step=5')).state;
    expect(bare).toEqual(decodeHash(stepHash(PAPER_LESSON, 5)).state);
    expect(bare).not.toEqual(decodeHash('v=1&lesson=paper&step=5').state);
    expect(expandBareLessonLink('v=1&lesson=paper&step=6&pres=1')).toBe(stepHash(PAPER_LESSON, 6, true));
    // a link naming a view field, a bad step, another version or an unknown lesson: unchanged
    for (const h of [
      'v=1&lesson=paper&step=5&ga=0.3',
      'v=1&lesson=paper&step=0',
      'v=1&lesson=paper&step=99',
      'v=1&lesson=paper&step=2.5',
      'v=2&lesson=paper&step=5',
      'v=1&lesson=nope&step=2',
      'v=1&ga=0.3',
    ]) {
      expect(expandBareLessonLink(h), h).toBe(h);
    }
  });
});
