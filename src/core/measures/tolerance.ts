/**
 * The tolerance of "States as people write them" (docs/math.md §10): a matrix is accepted as a
 * state when max|ρ − ρ†| ≤ 1e-6, |Tr ρ − 1| ≤ 1e-6 and λ_min((ρ+ρ†)/2) ≥ −1e-6, and then used
 * as its nearest state. A module of its own (no imports) so that the main thread's URL reader
 * can use it without pulling in the eigensolver.
 */
export const STATE_TOLERANCE = 1e-6;
