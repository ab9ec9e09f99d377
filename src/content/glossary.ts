/**
 * The glossary: every term the explorer shows, with a one-sentence definition a student can
 * read on a phone. Text, not code: components look terms up here (by id) and never write a
 * definition of their own. Each entry names the docs/math.md section it follows.
 *
 * This table does NOT decide where a term is shown or how it opens (tap, click, focus): that is
 * the glossary component's job.
 */

export interface GlossaryEntry {
  /** What the screen shows (the label or symbol). */
  term: string;
  /** One plain sentence. */
  definition: string;
  /** The docs section that defines it exactly (docs/math.md §N, or another docs page). */
  docs: string;
}

export const GLOSSARY = {
  'density-matrix': {
    term: 'density matrix ρ',
    definition:
      'A d×d matrix that describes a quantum state, pure or mixed: Hermitian, trace 1 and with no negative eigenvalue; its diagonal holds the measurement probabilities in the computational basis.',
    docs: 'docs/math.md §1',
  },
  'big-endian': {
    term: 'big-endian',
    definition: 'The basis order used everywhere here: in |b₀b₁…⟩ qubit 0 is the leftmost bit, so |01⟩ is index 1 and |10⟩ is index 2.',
    docs: 'docs/math.md §1',
  },
  qrb: {
    term: 'QRB (quantum residual block)',
    definition:
      'One layer of the network: it measures ρ through two unitaries U±, turns the probabilities into a vector q with a small classical neuron layer, and mixes diag(q) back into ρ with weight 1 − α.',
    docs: 'docs/math.md §2',
  },
  'u-pm': {
    term: 'U± (the block unitaries)',
    definition:
      'Two unitaries on the system plus one ancilla qubit; measuring the ancilla after U+ or U− gives the probability vectors p+ and p− = diag(A± ρ A±†).',
    docs: 'docs/math.md §2',
  },
  ancilla: {
    term: 'ancilla',
    definition: 'An extra qubit, prepared in |0⟩ and measured, that lets a unitary act like a non-unitary matrix A (the block’s weights) on the system.',
    docs: 'docs/math.md §4',
  },
  'gain-c': {
    term: 'gain c',
    definition:
      'The factor that scales the measured difference p+ − p− before the bias and activation: z = c(p+ − p−) + b; trained models often need large gains because p± are small.',
    docs: 'docs/math.md §2',
  },
  activation: {
    term: 'activation σ',
    definition: 'The elementwise function applied to z (ReLU, softplus, sigmoid …) before normalisation q = σ(z)/Σσ(z).',
    docs: 'docs/math.md §2',
  },
  'alpha-mix': {
    term: 'α-mix (residual weight α)',
    definition:
      'The residual step ρ′ = αρ + (1−α) diag(q): α keeps part of the input state, so every off-diagonal entry shrinks by exactly the factor α per block.',
    docs: 'docs/math.md §2',
  },
  'dead-block': {
    term: 'dead block',
    definition: 'A block whose activations are all zero, so it outputs the uniform q; its layer learns nothing.',
    docs: 'docs/math.md §2',
  },
  readout: {
    term: 'readout softmax(R diag ρ⁽ᴷ⁾ + r)',
    definition: 'The classifier at the end: a linear map R and bias r on the last layer’s diagonal, turned into class probabilities by softmax.',
    docs: 'docs/math.md §6',
  },
  'classical-path': {
    term: 'classical path',
    definition:
      'The same network run on the input’s diagonal only (a classical residual network): everything a model that sees computational-basis statistics can know.',
    docs: 'docs/math.md §3',
  },
  'quantum-path': {
    term: 'quantum path',
    definition: 'The network run on the whole density matrix, off-diagonal entries included.',
    docs: 'docs/math.md §2',
  },
  correspondence: {
    term: 'exact correspondence',
    definition:
      'On a diagonal input a QRB computes exactly what its classical residual network computes, layer by layer, so the two paths coincide (to 1e-12 in float64).',
    docs: 'docs/math.md §3',
  },
  transfer: {
    term: 'classical → quantum transfer',
    definition:
      'Weights trained on the classical network become block unitaries by a unitary dilation (Halmos), so the quantum network starts from the classical solution.',
    docs: 'docs/math.md §4',
  },
  'divergence-layer': {
    term: '◆ paths part',
    definition:
      'The first layer where the quantum path’s diagonal differs from the classical path by more than 1e-4: from there the off-diagonal entries have changed the answer.',
    docs: 'docs/math.md §3',
  },
  'dephased-partner': {
    term: 'dephased partner',
    definition:
      'The input with every off-diagonal entry set to zero: the same measurement statistics, so the same classical path, but no coherence and no entanglement.',
    docs: 'docs/math.md §7',
  },
  'marginal-partner': {
    term: 'marginal partner',
    definition: 'The product ρ_A ⊗ ρ_B of the input’s two one-qubit marginals: the same local statistics, never entangled.',
    docs: 'docs/math.md §7',
  },
  'bell-state': {
    term: 'Bell state',
    definition: 'One of the four maximally entangled two-qubit pure states, e.g. |Φ+⟩ = (|00⟩ + |11⟩)/√2.',
    docs: 'docs/math.md §7',
  },
  werner: {
    term: 'Werner state',
    definition: 'The mixture p|Φ+⟩⟨Φ+| + (1−p) I/4 of a Bell state and white noise; it is entangled exactly when p > 1/3.',
    docs: 'docs/math.md §7',
  },
  ppt: {
    term: 'PPT / NPT',
    definition:
      'A two-qubit state is separable exactly when its partial transpose has no negative eigenvalue (PPT); a negative one (NPT) means entangled (Peres–Horodecki).',
    docs: 'docs/math.md §8',
  },
  separable: {
    term: 'separable / entangled',
    definition: 'Separable states are mixtures of product states ρ_A ⊗ ρ_B; every other state is entangled.',
    docs: 'docs/math.md §7',
  },
  purity: {
    term: 'purity Tr ρ²',
    definition: '1 for a pure state and 1/d for the maximally mixed state I/d.',
    docs: 'docs/math.md §8',
  },
  entropy: {
    term: 'von Neumann entropy',
    definition: 'S(ρ) = −Tr ρ log₂ ρ in bits: 0 for a pure state, log₂ d for I/d.',
    docs: 'docs/math.md §8',
  },
  coherence: {
    term: 'l1-coherence',
    definition: 'The sum of the absolute values of all off-diagonal entries, Σ_{i≠j} |ρ_ij|: what the classical path cannot see.',
    docs: 'docs/math.md §8',
  },
  concurrence: {
    term: 'concurrence',
    definition: 'Wootters’ entanglement measure for two qubits: 0 for separable states, 1 for Bell states.',
    docs: 'docs/math.md §8',
  },
  negativity: {
    term: 'negativity',
    definition: 'The sum of the absolute values of the partial transpose’s negative eigenvalues: 0 for separable two-qubit states, ½ for Bell states.',
    docs: 'docs/math.md §8',
  },
  'trace-distance': {
    term: 'trace distance',
    definition:
      '½‖ρ − σ‖₁, the sum of half the singular values of ρ − σ: 0 for equal states, 1 for perfectly distinguishable ones; here between the quantum path and diag(x) of the classical path.',
    docs: 'docs/math.md §8',
  },
  'nearest-state': {
    term: 'nearest state',
    definition:
      'The density matrix closest (Hilbert–Schmidt) to an entered matrix: its eigenvalues projected onto the probability simplex; the app reports how far it moved the matrix.',
    docs: 'docs/math.md §10',
  },
  shots: {
    term: 'shots',
    definition: 'The number of measurements used to estimate p±; finite shots add sampling noise of order 1/√shots.',
    docs: 'docs/math.md §5',
  },
  heatmap: {
    term: 'heatmap',
    definition: 'Each cell is one entry ρ_ij: the stronger the colour, the larger |ρ_ij|; the hue is its phase.',
    docs: 'docs/user-guide.md',
  },
  hinton: {
    term: 'Hinton diagram',
    definition: 'Each entry is a square whose area is proportional to |ρ_ij| and whose colour is its phase (for real matrices, its sign).',
    docs: 'docs/user-guide.md',
  },
  city: {
    term: 'City (Re/Im)',
    definition: 'The matrix as two 3D bar charts: the left chart holds the real parts, the right chart the imaginary parts; bars below the floor are negative.',
    docs: 'docs/user-guide.md',
  },
  'colour-scale': {
    term: 'full colour = x',
    definition: 'The colour scale: a cell reaches full colour at |ρ_ij| = x; “fixed” uses one x for every layer, “per layer” rescales each layer.',
    docs: 'docs/user-guide.md',
  },
  wasm: {
    term: 'wasm / WebGL',
    definition: 'The engine’s tfjs backends: WebAssembly on the CPU or WebGL on the graphics card; numbers agree with the float64 core to 1e-4.',
    docs: 'docs/math.md §9',
  },
  trotter: {
    term: 'Trotterisation',
    definition: 'Writing a block unitary as a product of small gate steps; more steps make the exported circuit closer to the exact unitary.',
    docs: 'docs/math.md §4',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;

/** The entry of a glossary id (typed: an unknown id is a compile error). */
export const glossaryEntry = (id: GlossaryId): GlossaryEntry => GLOSSARY[id];
