/**
 * Limits of the OpenQASM export (docs/math.md §4), in a module of its own so that the
 * protocol's limits table (src/protocol/inputs.ts) can state them without loading the compiler.
 */
export const QASM_LIMITS = {
  /** Register size: the compiler works on dense 2^m × 2^m unitaries (m = n + 1 ≤ 7, the digits task). */
  maxQubits: 7,
  /**
   * r ≤ 10,000 Trotter steps, for a requested r and for the automatic search. The class
   * probabilities of a stack move by ε(r) ≈ C/r (order 1) or C/r² (order 2); every bundled
   * model reaches ε ≤ 1e-3 well below it (order 2: r ≤ 111, order 1: r ≤ 7,081), and a program
   * of 10⁴ steps × ~30 rotations (10⁵–10⁶ two-qubit gates per circuit) is already far beyond
   * what any present device runs coherently. Each ε(r) costs O(log r) matrix products, so the
   * search stays interactive up to the cap.
   */
  maxSteps: 10_000,
} as const;
