/**
 * "What am I looking at?" — short teaching texts beside each view, for a student who knows a
 * qubit but not a quantum residual block (QRB). Collapsible (<details>).
 */
import type { ReactNode } from 'react';
import type { MatrixView } from '../../app/explorer/store';
import '../../viz/viz.css';
import { Term } from '../teaching/Term';

export function Explain({ children, summary = 'What am I looking at?', open = false }: { children: ReactNode; summary?: string; open?: boolean }) {
  return (
    <details className="viz-explain" open={open}>
      <summary>{summary}</summary>
      <div className="viz-explain-body">{children}</div>
    </details>
  );
}

const VIEW_TEXT: Record<MatrixView, ReactNode> = {
  heatmap: (
    <p>
      Each cell is one entry ρ<sub>ij</sub> = ⟨i|ρ|j⟩: the stronger the colour, the larger |ρ<sub>ij</sub>|; the hue is its phase (see the legend). Row labels
      are kets, column labels bras, <Term id="big-endian">big-endian</Term> (qubit 0 is the leftmost bit).
    </p>
  ),
  hinton: (
    <p>
      Each entry ρ<sub>ij</sub> is a square whose area is proportional to |ρ<sub>ij</sub>|; its colour is the phase — for a real matrix, the sign (phase 0 or
      π). Empty cells are (numerically) zero.
    </p>
  ),
  city: (
    <p>
      The same matrix as two bar "cities": the left one holds the real parts Re ρ<sub>ij</sub>, the right one the imaginary parts Im ρ<sub>ij</sub>. Bars above
      the floor are positive, below it negative. The diagonal runs from the back corner to the front corner.
    </p>
  ),
};

export function ExplainEvolution({ view }: { view: MatrixView }) {
  return (
    <Explain>
      <p>
        A hybrid quantum residual network passes a density matrix ρ through blocks. Each block (a QRB) measures ρ through two unitaries, turns the outcome
        statistics into a probability vector q with a small classical neuron layer, and mixes it back:{' '}
        <span className="viz-formula">ρ′ = αρ + (1−α) diag(q)</span>. So the diagonal carries the learning, and every off-diagonal entry (the coherences)
        shrinks by exactly the factor α per block.
      </p>
      {VIEW_TEXT[view]}
      <p>
        Left: the quantum path ρ<sup>(k)</sup> after k blocks (layer 0 is the input). Right: the classical path — the same network run on the input's diagonal
        only, x<sup>(k)</sup>, drawn as a diagonal matrix. It is everything a model that sees only computational-basis statistics can know. Where the two
        diagonals differ, the off-diagonals did the work.
      </p>
      <p>
        "Fixed" colour scale uses one scale for every layer, so fading coherences look faded; "per layer" rescales each layer to its own largest entry. A dead
        block (all activations zero) outputs the uniform q and is flagged.
      </p>
    </Explain>
  );
}

export function ExplainMetrics() {
  return (
    <Explain>
      <p>
        One number per layer, all for the quantum path. Purity Tr ρ² is 1 for a pure state and 1/d for the maximally mixed one; the von Neumann entropy (in
        bits) goes the other way. The l1-coherence Σ<sub>i≠j</sub>|ρ<sub>ij</sub>| adds up the off-diagonals, so it falls by the factor α per block.
      </p>
      <p>
        For two qubits, concurrence and negativity measure entanglement (both 0 for separable states). The trace distance ½‖ρ<sup>(k)</sup> − diag(x
        <sup>(k)</sup>)‖₁ measures how far the quantum path is from the classical path at layer k: 0 means a classical network would have produced the very same
        state.
      </p>
    </Explain>
  );
}

export function ExplainCompare() {
  return (
    <Explain>
      <p>
        Both paths end in the same readout: class probabilities from the final diagonal. The classical path only ever sees the input's diagonal, its
        computational-basis statistics.
      </p>
      <p>
        The central demo: the Bell state |Φ+⟩ = (|00⟩+|11⟩)/√2 and its dephased partner (|00⟩⟨00| + |11⟩⟨11|)/2 have the same diagonal (½, 0, 0, ½), so their
        classical paths are identical, number for number. Only the Bell state has the off-diagonal coherence ½ between |00⟩ and |11⟩; the QRB's measurement sees
        it, so the quantum paths differ — and only the quantum path can tell the entangled state from its separable partner.
      </p>
    </Explain>
  );
}
