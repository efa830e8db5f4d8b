/**
 * MLP engine (Sagun et al. 2018 claims S1–S4): float64 loss, gradient, exact Hessian-vector
 * products (Pearlmutter's R-operator), dense Hessian / Gauss–Newton / residual term.
 * The contract is types.ts; consumers import from here.
 */
export { buildMlpProblem, MLP_MATRIX_FREE_HINT } from './mlpProblem.js';
export { mlpLayout, mlpParameterCount } from './layout.js';
export { mlpOperationCount } from './gradientRounding.js';
export { MlpInputError } from './mlpInputError.js';
export { MLP_ACTIVATIONS } from './hiddenActivation.js';
export { softmax } from './softmaxCrossEntropy.js';
export type { MlpLayout } from './layout.js';
export type { Batch, MlpActivation, MlpData, MlpLoss, MlpProblem, MlpSpec } from './types.js';
