/**
 * The activations σ as <option>s, from the one list in src/core/hqrn/activation.ts (ACTIVATIONS),
 * with their labels: used by the top bar's "All activations" and each block's σ.
 */
import { ACTIVATIONS, isActivation, type Activation } from '../../core/hqrn/activation';

export const ACTIVATION_LABEL: Record<Activation, string> = {
  relu: 'ReLU',
  softplus: 'softplus',
  sigmoid: 'sigmoid',
  exp: 'exp (softmax)',
};

export function ActivationOptions() {
  return (
    <>
      {ACTIVATIONS.map((a) => (
        <option key={a} value={a}>
          {ACTIVATION_LABEL[a]}
        </option>
      ))}
    </>
  );
}

/** The activation a <select> of ActivationOptions holds, or null for anything else ("set all…"). */
export function activationOf(value: string): Activation | null {
  return isActivation(value) ? value : null;
}
