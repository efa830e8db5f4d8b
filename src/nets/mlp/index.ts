/**
 * MLP engine (Sagun et al. 2018 claims S1–S4, and PyTorch-trained dense MLPs): float64 loss,
 * gradient, exact Hessian-vector products (Pearlmutter's R-operator), dense Hessian /
 * Gauss–Newton / residual term, for nn.Sequential(Linear, act, …, Linear) with PyTorch's
 * losses and reductions (lossConvention.ts) and parameter order (layout.ts).
 * The contract is types.ts; consumers import from here.
 */
export { buildMlpProblem, MLP_MATRIX_FREE_HINT } from './mlpProblem.js';
export { mlpLayout, mlpParameterCount } from './layout.js';
export { mlpOperationCount } from './gradientRounding.js';
export { MlpInputError } from './mlpInputError.js';
export { LEAKY_RELU_SLOPE, MLP_ACTIVATIONS, SOFTPLUS_THRESHOLD } from './hiddenActivation.js';
export { canonicalLoss, lossDescription, MLP_LOSSES, MLP_REDUCTIONS, reductionDivisor } from './lossConvention.js';
export { layersFromTheta, thetaFromLayers } from './thetaFromLayers.js';
export { softmax } from './softmaxCrossEntropy.js';
export type { MlpLayout } from './layout.js';
export type { CanonicalLoss } from './lossConvention.js';
export type { LayerBias, LayerWeight, MlpLayerView, MlpLayerWeights } from './thetaFromLayers.js';
export type { Batch, MlpActivation, MlpData, MlpLoss, MlpProblem, MlpReduction, MlpSpec } from './types.js';
