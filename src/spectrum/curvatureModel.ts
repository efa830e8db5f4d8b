/**
 * One network at one point θ, with its loss, as every curvature command sees it: the exact
 * Hessian H, its Gauss–Newton term GN and residual term R (H = GN + R; Sagun et al. 2018 Eq. 4),
 * each as a matrix-free operator and, within the memory budget, as a dense P×P matrix. The
 * commands (spectrum, top-eigenvalues, density, decompose, check) are written once against this
 * interface; ./teacherStudentCurvature.ts adapts the two-layer and deep-linear teacher–student
 * problems (loss ½·mean squared error, scalar output), ./mlpCurvature.ts the MLP engine with
 * PyTorch's losses (src/nets/mlp).
 */
import type { Matrix } from '../linalg/matrix.js';
import type { CountingOperator } from '../linalg/operator.js';

export type CurvatureFamily = 'two-layer' | 'deep-linear' | 'mlp';
export type CurvatureLoss = 'cross-entropy' | 'mse' | 'half-squared-error';
export type CurvatureReduction = 'mean' | 'sum';

export interface CurvatureModel {
  readonly family: CurvatureFamily;
  /** Parameters P. */
  readonly P: number;
  /** Samples N. */
  readonly N: number;
  /** Outputs per sample k (1 for the teacher–student nets). */
  readonly outputs: number;
  readonly loss: CurvatureLoss;
  readonly reduction: CurvatureReduction;
  /** The loss as a formula, e.g. "nn.MSELoss(reduction='mean'): L = 1/(B·k) Σ_n Σ_c (f_nc − t_nc)²". */
  readonly lossDescription: string;
  /** One line: the architecture, e.g. "MLP 6 → 8 → 8 → 3, tanh, with biases". */
  readonly architecture: string;
  /** How the weights were read and what the arithmetic is, e.g. "F32 weights read exactly (widened to float64), computed in float64". */
  readonly precision: string;
  /** Where H is evaluated (a copy; do not modify). */
  readonly theta: Float64Array;
  /** θ's layout, e.g. "W1 (8×6) row-major, b1 (8), …" (PyTorch's model.parameters() order for MLPs). */
  readonly layout: string;
  /** L(θ). */
  lossValue(): number;
  /** ‖∇L(θ)‖₂. */
  gradientNorm(): number;
  /** Exact H·v at θ (residual term included). */
  hessianOperator(): CountingOperator;
  /** Exact GN·v at θ (PSD by construction). */
  gaussNewtonOperator(): CountingOperator;
  /** Exact R·v at θ (the residual term: H − GN). */
  residualOperator(): CountingOperator;
  /** Dense H, GN and R (P×P); each throws a ConfigError past the memory budget, naming the matrix-free route. */
  denseHessian(): Matrix;
  denseGaussNewton(): Matrix;
  denseResidual(): Matrix;
  /** Bytes the operators keep between applications (their cache), for a Lanczos memory estimate. */
  readonly operatorCacheBytes: number;
  /** True when every residual is exactly zero (θ is the teacher): H = GN, R = 0. */
  readonly atOptimum: boolean;
}

/** A short label for the loss and reduction, e.g. "mse (mean)". */
export function lossLabel(m: Pick<CurvatureModel, 'loss' | 'reduction'>): string {
  return `${m.loss} (${m.reduction})`;
}
