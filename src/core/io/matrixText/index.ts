/**
 * Numbers and matrices as people type or paste them (docs/math.md §10 "States as people write
 * them"): numbers.ts reads one number, formats.ts and rows.ts the printouts of numpy, QuTiP,
 * Qiskit, np.savetxt, Julia, MATLAB, Mathematica and CSV, matrix.ts a whole matrix.
 */
export { type Complex, formatCell, type ParsedNumber, parseComplex } from './numbers';
export { MATRIX_FORMAT_NAMES, type MatrixFormat } from './formats';
export { MAX_STATE_ENTRY, type ParsedMatrix, parseMatrixText } from './matrix';
