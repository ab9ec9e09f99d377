import { isValidElement, type ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../core/hqrn/activation';
import { ACTIVATION_LABEL, activationOf, ActivationOptions } from './ActivationOptions';

describe('activation options (one source for the top bar and the block details)', () => {
  it('are the core list of activations, in its order, each with its label', () => {
    const fragment = ActivationOptions() as ReactElement<{ children: ReactElement<{ value: string; children: string }>[] }>;
    const options = fragment.props.children;
    expect(options.every((o) => isValidElement(o) && o.type === 'option')).toBe(true);
    expect(options.map((o) => o.props.value)).toEqual([...ACTIVATIONS]);
    expect(options.map((o) => o.props.children)).toEqual(['ReLU', 'softplus', 'sigmoid', 'exp (softmax)']);
    expect(Object.keys(ACTIVATION_LABEL).sort()).toEqual([...ACTIVATIONS].sort());
  });

  it('a select value is read back as an activation; "set all…" and anything else is none', () => {
    for (const a of ACTIVATIONS) expect(activationOf(a)).toBe(a);
    expect(activationOf('')).toBeNull();
    expect(activationOf('tanh')).toBeNull();
    expect(activationOf('ReLU')).toBeNull();
  });
});
