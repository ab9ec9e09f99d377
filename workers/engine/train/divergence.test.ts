import { describe, expect, it } from 'vitest';
import { DIVERGENCE_FACTOR, DivergenceDetector } from './divergence';

describe('DivergenceDetector', () => {
  it('a falling or gently rising loss is not divergence', () => {
    const d = new DivergenceDetector();
    for (const l of [2.3, 2.1, 1.8, 1.9, 2.5, 2.2]) expect(d.observe(l)).toBeNull();
    expect(d.startLoss).toBe(2.3);
  });
  it('NaN and ±Infinity are divergence at once, even as the first observation', () => {
    expect(new DivergenceDetector().observe(NaN)?.reason).toMatch(/not a number/);
    expect(new DivergenceDetector().observe(Infinity)?.reason).toMatch(/infinite/);
    const d = new DivergenceDetector();
    d.observe(0.7);
    expect(d.observe(-Infinity)?.reason).toMatch(/infinite/);
  });
  it('a loss far above its start is divergence; the reason names both numbers', () => {
    const d = new DivergenceDetector();
    d.observe(2.3);
    expect(d.observe(2.3 * DIVERGENCE_FACTOR - 0.1)).toBeNull();
    const v = d.observe(2.3 * DIVERGENCE_FACTOR + 1);
    expect(v).not.toBeNull();
    expect(v!.reason).toBe('the loss rose from 2.30 to 24.0');
    expect(v!.startLoss).toBe(2.3);
  });
  it('a tiny start loss needs an absolute rise too (0.01 → 0.5 is not divergence)', () => {
    const d = new DivergenceDetector();
    d.observe(0.01);
    expect(d.observe(0.5)).toBeNull();
    expect(d.observe(6)).not.toBeNull();
  });
});
