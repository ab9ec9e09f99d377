import { describe, expect, it } from 'vitest';
import { checkForm, FIELD_RANGES, fieldError, fieldsFor, fmtValue, type RangedForm } from './ranges';
import { DEFAULT_FORM } from './store';
import { TRAINING_PRESETS } from './presets';
import { requestToForm } from './store';

const form = (patch: Partial<RangedForm> = {}): RangedForm => ({ ...DEFAULT_FORM, ...patch });

describe('training form ranges (one table)', () => {
  it('the default form and every preset pass without errors or warnings', () => {
    expect(checkForm(form())).toEqual({ errors: {}, warnings: {}, ok: true });
    for (const p of TRAINING_PRESETS) {
      const c = checkForm(requestToForm(p.request));
      expect(c.errors, p.id).toEqual({});
      expect(c.ok, p.id).toBe(true);
    }
  });

  it('out of range: an error that names the field, the range and the value', () => {
    expect(fieldError('depth', 0, 'digits')).toBe('depth must be a whole number from 1 to 20, got 0');
    expect(fieldError('depth', 2.5, 'digits')).toBe('depth must be a whole number from 1 to 20, got 2.5');
    expect(fieldError('alpha', 1.5, 'digits')).toBe('α must be from 0 to 1, got 1.5');
    expect(fieldError('learningRate', 0, 'digits')).toBe('learning rate must be greater than 0, got 0');
    expect(fieldError('learningRate', -1, 'digits')).toMatch(/greater than 0/);
    expect(fieldError('testSize', 5000, 'digits')).toBe('test examples must be a whole number from 10 to 4000, got 5000');
    expect(fieldError('testSize', 5000, 'entanglement')).toBeNull();
    expect(fieldError('epochs', NaN, 'digits')).toBe('epochs: enter a number');
    const c = checkForm(form({ depth: 21, alpha: -0.1 }));
    expect(c.ok).toBe(false);
    expect(Object.keys(c.errors).sort()).toEqual(['alpha', 'depth']);
  });

  it('depth goes as deep as the explorer (20): 12 (the bundled model) is usual, 16 warns, 21 is refused', () => {
    // The studio refused depth 9 while the explorer went to 20 and shipped a 12-block model.
    expect(fieldError('depth', 12, 'entanglement')).toBeNull();
    expect(checkForm(form({ depth: 12 })).warnings).toEqual({});
    expect(fieldError('depth', 20, 'digits')).toBeNull();
    expect(checkForm(form({ depth: 16 })).warnings.depth).toBe('depth 16 is above the usual 1–12');
    expect(fieldError('depth', 21, 'entanglement')).toBe('depth must be a whole number from 1 to 20, got 21');
  });

  it('every bound of the table is enforced: min, max, and integers', () => {
    for (const task of ['digits', 'entanglement'] as const)
      for (const f of fieldsFor(task)) {
        const r = FIELD_RANGES[f];
        const max = typeof r.max === 'function' ? r.max(task) : r.max;
        expect(fieldError(f, r.minExclusive ? r.min + 1e-9 : r.min, task), `${f} min`).toBeNull();
        expect(fieldError(f, r.min - 1, task), `${f} below min`).not.toBeNull();
        if (max < Number.MAX_VALUE) {
          expect(fieldError(f, max, task), `${f} max`).toBeNull();
          expect(fieldError(f, max + 1, task), `${f} above max`).not.toBeNull();
        }
        if (r.integer) expect(fieldError(f, r.min + 0.5, task), `${f} integer`).toMatch(/whole number/);
      }
  });

  it('unusual but legal values warn, and do not block Play', () => {
    const c = checkForm(form({ learningRate: 10 }));
    expect(c.ok).toBe(true);
    expect(c.warnings.learningRate).toBe('learning rate 10 is far above the usual 0.001–0.1');
    expect(checkForm(form({ learningRate: 0.5 })).warnings.learningRate).toBe('learning rate 0.5 is above the usual 0.001–0.1');
    expect(checkForm(form({ learningRate: 1e30 })).warnings.learningRate).toBe('learning rate 1e30 is far above the usual 0.001–0.1');
    expect(checkForm(form({ learningRate: 1e-5 })).warnings.learningRate).toBe('learning rate 1e-5 is far below the usual 0.001–0.1');
    expect(checkForm(form({ alpha: 1 })).warnings.alpha).toMatch(/cannot learn/);
    expect(checkForm(form({ batchSize: 2000, trainSize: 1300 })).warnings.batchSize).toMatch(/larger than the training set/);
  });

  it('the adversarial share is a field of the entanglement task only', () => {
    expect(fieldsFor('entanglement')).toContain('adversarialShare');
    expect(fieldsFor('digits')).not.toContain('adversarialShare');
    expect(checkForm(form({ task: 'digits', adversarialShare: 7, trainSize: 6000, testSize: 4000 })).ok).toBe(true);
  });

  it('numbers as people write them', () => {
    expect([10, 0.001, 1e30, 1e-5, 0.5, 2.5].map(fmtValue)).toEqual(['10', '0.001', '1e30', '1e-5', '0.5', '2.5']);
  });
});
