/**
 * Autodiff cross-check route (TensorFlow.js, float32). See tfjsHessian.ts for
 * what it computes, activations.ts for the second-derivative trap it avoids and
 * loadTf.ts for backend selection. A cross-check of the float64 closed form,
 * never a verdict.
 */
export { loadTf, type LoadedTf, type Tf } from './loadTf.js';
export { tfActivation, tfActivationNaive, validateActivationSpec, type TensorFn } from './activations.js';
export { tfjsHessian, type AutodiffProblem, type TfjsHessianOptions, type TfjsHessianResult } from './tfjsHessian.js';
