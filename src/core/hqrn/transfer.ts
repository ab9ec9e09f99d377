/**
 * Classical → quantum weight transfer and the Halmos unitary dilation (docs/math.md §4).
 */
import { type CMat, adjoint, blockMatrix, identity, mul, scale, sub, zeros } from '../math/complex';
import { psdSqrt, spectralNorm, unitarityError } from '../math/linalg';
import type { ClassicalBlock, ClassicalModel, QuantumBlock, QuantumModel } from './model';

/** Safety factor of §4: keeps ‖A±‖₂ strictly below 1. */
export const NORM_MARGIN = 1 + 1e-6;

/**
 * Transfer of a classical block (W, b):
 *   W± = max(±W, 0), B± = sqrt(W±) (elementwise), s = (1 + 1e-6)·max(‖B+‖₂, ‖B−‖₂)² (s = 1 if 0),
 *   A± = B± / sqrt(s), c = s, bias unchanged  ⇒  c(|A+|∘² − |A−|∘²) = W.
 */
export function transferBlock(block: ClassicalBlock): QuantumBlock {
  const d = block.bias.length;
  const bPlus = zeros(d, d),
    bMinus = zeros(d, d);
  for (let k = 0; k < d * d; k++) {
    const w = block.w[k];
    bPlus.re[k] = w > 0 ? Math.sqrt(w) : 0;
    bMinus.re[k] = w < 0 ? Math.sqrt(-w) : 0;
  }
  const { aPlus, aMinus, gain } = normaliseContractions(bPlus, bMinus, 1);
  return { alpha: block.alpha, activation: block.activation, bias: block.bias.slice(), aPlus, aMinus, gain };
}

/**
 * Rescale unconstrained Ã± (with gain c̃) into contractions: the block map is invariant under
 * Ã → tÃ, c → c/t², so with s = (1 + 1e-6)·max(‖Ã+‖₂, ‖Ã−‖₂)² (s = 1 if both are 0):
 *   A± = Ã± / sqrt(s),  c = c̃ · s.
 */
export function normaliseContractions(aPlus: CMat, aMinus: CMat, gain: number): { aPlus: CMat; aMinus: CMat; gain: number } {
  const m = Math.max(spectralNorm(aPlus), spectralNorm(aMinus));
  const s = m > 0 ? NORM_MARGIN * m * m : 1;
  const k = 1 / Math.sqrt(s);
  return { aPlus: scale(aPlus, k), aMinus: scale(aMinus, k), gain: gain * s };
}

/**
 * Halmos dilation of a contraction A (‖A‖₂ ≤ 1):
 *   U = [[A, (I − A A†)^{1/2}], [(I − A† A)^{1/2}, −A†]],  unitary, with U00 = A.
 */
export function halmosDilation(a: CMat): CMat {
  const d = a.rows;
  const ad = adjoint(a);
  const top = psdSqrt(sub(identity(d), mul(a, ad)));
  const bottom = psdSqrt(sub(identity(d), mul(ad, a)));
  return blockMatrix(a, top, bottom, scale(ad, -1));
}

export interface TransferredBlock {
  block: QuantumBlock;
  /** ‖U±†U± − I‖₂ of the two Halmos dilations. */
  unitarityError: { plus: number; minus: number };
}

/** Transfer a whole classical model; each block carries its dilations' unitarity errors. */
export function transferModel(model: ClassicalModel): { model: QuantumModel; blocks: TransferredBlock[] } {
  const blocks = model.blocks.map((b) => {
    const block = transferBlock(b);
    return {
      block,
      unitarityError: {
        plus: unitarityError(halmosDilation(block.aPlus)),
        minus: unitarityError(halmosDilation(block.aMinus)),
      },
    };
  });
  return {
    model: { kind: 'quantum', nQubits: model.nQubits, blocks: blocks.map((b) => b.block), readout: model.readout },
    blocks,
  };
}
