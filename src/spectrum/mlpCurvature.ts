/**
 * An MLP (src/nets/mlp) at a given θ as a CurvatureModel: H·v, GN·v and R·v by the engine's
 * R-operator (exact, float64), dense H, GN and R by its forward-over-reverse and Jacobian
 * routes (refused past the memory budget by the engine, pointing to the matrix-free route).
 * The loss and reduction are PyTorch's (src/nets/mlp/lossConvention.ts).
 */
import { norm2 } from '../linalg/matrix.js';
import { countingOperator } from '../linalg/operator.js';
import { mlpLayout, type MlpProblem } from '../nets/mlp/index.js';
import type { CurvatureModel } from './curvatureModel.js';

export interface MlpCurvatureOptions {
  /** How the weights were read, e.g. from precisionNote (formats/safetensors.ts). */
  readonly precision?: string;
}

export function mlpCurvature(problem: MlpProblem, theta: Float64Array, opts: MlpCurvatureOptions = {}): CurvatureModel {
  const at = Float64Array.from(theta);
  const { spec } = problem;
  const widths = Array.from(mlpLayout(spec).widths);
  const P = problem.P;
  const N = problem.N;
  // The engine's point cache keeps ≈ 4·Σ widths doubles per sample (pointCache.ts) when it fits a quarter of the budget.
  const cache = 8 * 4 * N * widths.reduce((s, w) => s + w, 0);
  return {
    family: 'mlp',
    P,
    N,
    outputs: spec.outputs,
    loss: spec.loss === 'softmax-cross-entropy' ? 'cross-entropy' : spec.loss,
    reduction: spec.reduction,
    lossDescription: problem.lossDescription,
    architecture: `MLP ${widths.join(' → ')}, ${widths.length > 2 ? `${spec.activation} hidden units` : 'no hidden layer'}, ${spec.bias ? 'with biases' : 'no biases (bias=False)'}`,
    precision: opts.precision ?? 'float64',
    theta: at,
    layout: problem.layout,
    atOptimum: false,
    operatorCacheBytes: cache,
    lossValue: () => problem.loss(at),
    gradientNorm: () => norm2(problem.gradient(at)),
    hessianOperator: () => countingOperator(P, 'hessianOperator', (v) => problem.hessianVector(at, v)),
    gaussNewtonOperator: () => countingOperator(P, 'gaussNewtonOperator', (v) => problem.gaussNewtonVector(at, v)),
    residualOperator: () => countingOperator(P, 'residualOperator', (v) => problem.residualVector(at, v)),
    denseHessian: () => problem.hessian(at),
    denseGaussNewton: () => problem.gaussNewton(at),
    denseResidual: () => problem.residualTerm(at),
  };
}
