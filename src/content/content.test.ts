import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FORMULAS } from './formulas';
import { GLOSSARY } from './glossary';
import { PAPER_LESSON } from './lessons/paper';

describe('content', () => {
  it('formulas.ts is what scripts/build-formulas.mjs renders from formulas.tex.mjs (not stale)', () => {
    expect(() => execFileSync('node', ['scripts/build-formulas.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('every formula is one <math> element with an accessible name and no inline style (the CSP forbids it)', () => {
    for (const [id, f] of Object.entries(FORMULAS)) {
      expect(f.mathml.startsWith('<math aria-label='), id).toBe(true);
      expect(f.mathml.endsWith('</math>'), id).toBe(true);
      expect(f.mathml.match(/<math[ >]/g)?.length, id).toBe(1);
      expect(f.mathml, id).not.toMatch(/ style=/);
      expect(f.mathml, id).not.toMatch(/merror/);
    }
    // the block's four equations are all there: p±, z, q, ρ′
    expect(FORMULAS.block.mathml.match(/<mtr>/g)?.length).toBe(4);
  });

  it('glossary: one sentence per term, ending with a full stop, citing a docs page', () => {
    for (const [id, e] of Object.entries(GLOSSARY)) {
      expect(e.definition.endsWith('.'), id).toBe(true);
      expect(e.definition.length, id).toBeLessThan(260);
      expect(e.docs, id).toMatch(/^docs\/[\w/.-]+\.md( §\d+)?$/);
    }
  });

  it('the paper lesson has at least six steps, each with text and a setup naming task, model, input and layer', () => {
    expect(PAPER_LESSON.steps.length).toBeGreaterThanOrEqual(6);
    for (const s of PAPER_LESSON.steps) {
      expect(s.body.join(' ').length, s.title).toBeGreaterThan(80);
      const keys = s.setup.split('&').map((kv) => kv.split('=')[0]);
      expect(keys, s.title).toEqual(expect.arrayContaining(['t', 'model', 'in', 'l']));
    }
  });
});
