/**
 * The in-memory model types (HQRN.md §2, §3, §6, §10). Files are parsed into these by files.ts.
 */
import type { Activation } from './activation';
import type { CMat } from '../math/complex';
import type { RunCard } from '../io/runCard';

/** One Quantum Residual Block: contractions A± (U00 blocks of U±), gain c, bias b, σ, α. */
export interface QuantumBlock {
  alpha: number;
  activation: Activation;
  gain: number;
  bias: Float64Array;
  aPlus: CMat;
  aMinus: CMat;
}

/** One classical residual block x' = α x + (1 − α) N(σ(W x + b)); W row-major d×d. */
export interface ClassicalBlock {
  alpha: number;
  activation: Activation;
  bias: Float64Array;
  w: Float64Array;
}

/** The hybrid head y = softmax(R diag(ρ^(K)) + r); R is C×d row-major. */
export interface Readout {
  weights: Float64Array;
  bias: Float64Array;
  classes: (string | number)[];
}

export interface QuantumModel {
  kind: 'quantum';
  nQubits: number;
  blocks: QuantumBlock[];
  readout?: Readout;
  /** The run card that made it (docs/math.md §11), kept from the file. */
  run?: RunCard;
}

export interface ClassicalModel {
  kind: 'classical';
  nQubits: number;
  blocks: ClassicalBlock[];
  readout?: Readout;
  /** The run card that made it (docs/math.md §11), kept from the file. */
  run?: RunCard;
}

export type Model = QuantumModel | ClassicalModel;
