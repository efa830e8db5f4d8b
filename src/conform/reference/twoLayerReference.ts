/**
 * The suite's float64 answers for a two-layer model as the protocol sends it, with ARBITRARY
 * targets y (not a teacher's outputs): the least-squares problem of src/hessian/problem.ts,
 * L(θ) = 1/(2N) Σ_n (y_θ(x_n) − y_n)², θ = (W row-major, then a), and its Hessian
 * JᵀJ/N + (1/N) Σ_n r_n ∇²y_θ(x_n) in closed form (src/hessian/hessian.ts).
 */
import { fullHessian, hessianVectorProduct } from '../../hessian/hessian.js';
import type { LeastSquaresProblem } from '../../hessian/problem.js';
import { fromRows, type Matrix } from '../../linalg/matrix.js';
import { resolveActivation, type Activation } from '../../nets/activation.js';
import { twoLayerModel } from '../../nets/twoLayer.js';
import type { TwoLayerModelJson } from '../protocol/modelSchemas.js';

export interface TwoLayerCase {
  readonly problem: LeastSquaresProblem;
  readonly theta: Float64Array;
  readonly activation: Activation;
  readonly Ni: number;
  readonly Nh: number;
  readonly N: number;
  readonly P: number;
}

export function twoLayerCase(m: TwoLayerModelJson): TwoLayerCase {
  const activation = resolveActivation(m.activation, 'model.activation');
  const Nh = m.W.length;
  const Ni = m.W[0].length;
  const X: Matrix = fromRows(m.X);
  const theta = new Float64Array(Nh * Ni + Nh);
  m.W.forEach((row, j) => theta.set(row, j * Ni));
  theta.set(m.a, Nh * Ni);
  const model = twoLayerModel({ Ni, Nh }, activation);
  return { problem: { model, X, targets: Float64Array.from(m.y) }, theta, activation, Ni, Nh, N: X.rows, P: model.P };
}

export function twoLayerHessian(c: TwoLayerCase): Matrix {
  return fullHessian(c.problem, c.theta);
}

export function twoLayerHvp(c: TwoLayerCase, v: Float64Array): Float64Array {
  return hessianVectorProduct(c.problem, c.theta, v);
}
