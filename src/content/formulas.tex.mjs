// The explorer's formulas as TeX (docs/math.md §2, §6, §8), rendered to MathML at build time by
// scripts/build-formulas.mjs into src/content/formulas.ts (no TeX engine ships to the browser).
// Each entry: { tex, says } — `says` is the plain-words reading, the formula's accessible name.
export const FORMULAS_TEX = {
  block: {
    tex: String.raw`\begin{aligned} p_\pm &= \operatorname{diag}\!\left(A_\pm \rho A_\pm^\dagger\right) \\ z &= c\,(p_+ - p_-) + b \\ q &= \sigma(z) \,/\, \textstyle\sum_i \sigma(z)_i \\ \rho' &= \alpha \rho + (1-\alpha)\operatorname{diag}(q) \end{aligned}`,
    says: 'p plus-minus equals the diagonal of A plus-minus rho A plus-minus dagger; z equals c times p plus minus p minus, plus b; q equals sigma of z over its sum; rho prime equals alpha rho plus one minus alpha times diag q.',
  },
  readout: {
    tex: String.raw`P(\text{class}) = \operatorname{softmax}\!\left(R\,\operatorname{diag}\rho^{(K)} + r\right)`,
    says: 'class probabilities equal the softmax of R times the diagonal of the last layer plus r.',
  },
  purity: { tex: String.raw`\gamma = \operatorname{Tr}\rho^2`, says: 'purity equals the trace of rho squared.' },
  entropy: {
    tex: String.raw`S = -\operatorname{Tr}\rho\log_2\rho = -\textstyle\sum_i \lambda_i \log_2 \lambda_i`,
    says: 'entropy equals minus the sum of eigenvalue times log base two of eigenvalue.',
  },
  coherence: {
    tex: String.raw`C_{\ell_1} = \textstyle\sum_{i\neq j} |\rho_{ij}|`,
    says: 'l1 coherence equals the sum of the absolute values of the off-diagonal entries.',
  },
  concurrence: {
    tex: String.raw`\mathcal{C} = \max(0, \lambda_1-\lambda_2-\lambda_3-\lambda_4),\ \lambda_i^2 \in \operatorname{spec}\!\left(\rho\,(\sigma_y\!\otimes\!\sigma_y)\rho^*(\sigma_y\!\otimes\!\sigma_y)\right)`,
    says: 'concurrence equals the largest of zero and lambda one minus the other three, the square roots of the eigenvalues of rho times its spin flip, in decreasing order.',
  },
  negativity: {
    tex: String.raw`\mathcal{N} = \textstyle\sum_{\lambda_i(\rho^{T_B}) < 0} |\lambda_i|`,
    says: 'negativity equals the sum of the absolute values of the negative eigenvalues of the partial transpose.',
  },
  'trace-distance': {
    tex: String.raw`D = \tfrac12 \left\lVert \rho^{(k)} - \operatorname{diag}\,x^{(k)} \right\rVert_1`,
    says: 'trace distance equals one half of the trace norm of the quantum layer minus the classical diagonal.',
  },
};
