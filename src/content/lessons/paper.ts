/**
 * Lesson "The paper in seven steps": a guided tour through the HQRN paper's claims, for a
 * teacher to project or a student to follow. Text, not code: each step says what to look at
 * and sets the explorer up through a link fragment (the same fields a shared link uses, so the
 * URL codec is the only thing that reads them; docs/architecture.md "Links").
 *
 * A step does NOT lock anything: after it is applied every control stays live.
 */
import type { Lesson } from './types';

export const PAPER_LESSON: Lesson = {
  id: 'paper',
  title: 'The paper in seven steps',
  steps: [
    {
      title: 'A density matrix and its measures',
      setup: 't=ent&model=entanglement-quantum&in=bell:phi%2B&l=0',
      highlight: 'input',
      formulas: ['purity', 'coherence', 'negativity'],
      glossary: ['density-matrix', 'big-endian', 'purity', 'coherence', 'ppt'],
      body: [
        'The input is the Bell state |Φ+⟩ = (|00⟩ + |11⟩)/√2 as a 4×4 density matrix ρ. Its diagonal (½, 0, 0, ½) holds the probabilities of measuring 00, 01, 10, 11.',
        'The two off-diagonal entries ρ₀₃ = ρ₃₀ = ½ are its coherence: no measurement in the computational basis sees them, yet they are what makes this state entangled (negativity ½, NPT).',
      ],
    },
    {
      title: 'One block: measure, activate, normalise, mix',
      setup: 't=ent&model=entanglement-quantum&in=bell:phi%2B&l=1',
      highlight: 'chain',
      formulas: ['block'],
      glossary: ['qrb', 'u-pm', 'gain-c', 'activation', 'alpha-mix'],
      body: [
        'A quantum residual block applies two unitaries U± to ρ and an ancilla, measures, and gets two probability vectors p±. The scaled difference z = c(p+ − p−) + b goes through an activation and a normalisation into a probability vector q.',
        'Then the residual step: ρ′ = αρ + (1−α) diag(q). Select layer 1 and compare it with layer 0: the diagonal moved towards q, and every off-diagonal entry shrank by exactly α.',
      ],
    },
    {
      title: 'On diagonal inputs it is a classical residual network',
      setup: 't=ent&model=entanglement-quantum&in=dephased:bell:phi%2B&l=0',
      highlight: 'layer-view',
      formulas: ['block'],
      glossary: ['classical-path', 'correspondence', 'dephased-partner'],
      body: [
        'This input is diagonal (the dephased partner of |Φ+⟩). For a diagonal ρ the block’s output is diagonal again and equals, number for number, the classical residual network run on the diagonal: the two paths coincide to 1e-12.',
        'Step through the layers: the quantum ρ⁽ᵏ⁾ (left) and the classical diag(x⁽ᵏ⁾) (right) are the same picture. Try a digit (task switch): digits are diagonal inputs, so there the quantum and classical columns are always identical.',
      ],
    },
    {
      title: 'Classical weights become unitaries',
      setup: 't=ent&model=entanglement-quantum&in=werner:0.8&l=1',
      highlight: 'block-details',
      glossary: ['transfer', 'ancilla', 'trotter'],
      body: [
        'Because of that correspondence, weights trained on the classical network can be turned into block unitaries: each weight matrix A (with ‖A‖ ≤ 1) is embedded in a unitary on one more qubit (Halmos dilation), so the quantum network starts from the classical solution.',
        'Open a block’s details to see its gain and weights; the Export tab writes each block as an OpenQASM 3 circuit and states how far the compiled gates are from the exact unitary.',
      ],
    },
    {
      title: 'The quantum path tells a Bell state from its partners',
      setup: 't=ent&model=entanglement-quantum&in=bell:phi%2B&l=0',
      highlight: 'readouts',
      glossary: ['dephased-partner', 'marginal-partner', 'divergence-layer', 'quantum-path'],
      body: [
        'Now the central demo. Press “Dephased partner”: the diagonal stays (½, 0, 0, ½), so the classical path’s answer cannot change, but the coherence is gone and the state is separable. The quantum path changes its answer; the classical path does not.',
        'Press “Marginal partner” too: ρ_A ⊗ ρ_B has the same local statistics and is never entangled. The ◆ marks the layer where the two paths part.',
      ],
    },
    {
      title: 'Where it can go wrong',
      setup: 't=ent&model=entanglement-quantum&in=werner:0.3&l=0',
      highlight: 'readouts',
      glossary: ['werner', 'ppt', 'shots'],
      body: [
        'A Werner state is entangled exactly when p > 1/3. Drag p across 1/3 and watch the caption’s right / wrong marks: close to the threshold the model can be wrong, and the caption says so.',
        'The paper’s results are exact (no noise, infinite shots). The Training studio’s studies show what finite shots, noise, depth and α do to accuracy: open “Beyond the paper” there.',
      ],
    },
    {
      title: 'Your turn',
      setup: 't=ent&model=entanglement-quantum&in=pure:7&l=0',
      highlight: 'input',
      glossary: ['separable', 'concurrence', 'trace-distance'],
      body: [
        'A random pure state. Is it entangled? Look at its negativity and concurrence under the input, then at the caption. Try more seeds, the random mixed states, or type your own matrix.',
        'Everything stays live: change α, the depth or the view. The link in the address bar opens this exact view on another machine.',
      ],
    },
  ],
};
