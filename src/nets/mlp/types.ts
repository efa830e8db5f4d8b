/**
 * Multilayer perceptrons with biases for the second paper's claims (Sagun et al. 2018, S1–S4):
 * dense layers, a hidden activation, and either k-class softmax cross-entropy or MSE on
 * the k outputs. Everything float64; θ is one flat Float64Array (layout in `layout`).
 *
 * The contract S1–S4 are built on. Implementations live beside this file (mlp.ts,
 * mlpProblem.ts, …); consumers (src/training, properties/) import only these names.
 */
import type { Matrix } from '../../linalg/matrix.js';
import type { Rng } from '../../rng/index.js';

export type MlpActivation = 'relu' | 'tanh' | 'identity';
export type MlpLoss = 'softmax-cross-entropy' | 'mse';

export interface MlpSpec {
  /** Input dimension d. */
  readonly inputDim: number;
  /** Hidden widths, e.g. [20, 20] for two hidden layers; may be empty (a linear/logistic model). */
  readonly hidden: readonly number[];
  /** Number of outputs k (classes for cross-entropy). */
  readonly outputs: number;
  readonly activation: MlpActivation;
  readonly loss: MlpLoss;
}

export interface MlpData {
  /** N×d inputs. */
  readonly X: Matrix;
  /** Class index per sample in 0..k−1 (cross-entropy; MSE uses one-hot targets when `targets` is absent). */
  readonly labels?: Int32Array;
  /** N×k regression targets (MSE). */
  readonly targets?: Matrix;
}

/** A mini-batch: indices into the data rows; omitted means every sample. */
export type Batch = Int32Array | undefined;

export interface MlpProblem {
  readonly spec: MlpSpec;
  readonly data: MlpData;
  /** Number of samples N. */
  readonly N: number;
  /** Number of parameters P (weights and biases of every layer). */
  readonly P: number;
  /** Human-readable parameter layout, e.g. "W1 (20×5) row-major, b1 (20), W2 …". */
  readonly layout: string;
  /** Mean loss over the batch (non-finite, not an error, when θ has a non-finite entry). */
  loss(theta: Float64Array, batch?: Batch): number;
  /** Gradient of the mean batch loss (backpropagation). */
  gradient(theta: Float64Array, batch?: Batch): Float64Array;
  /** Exact H·v of the mean batch loss (Pearlmutter's R-operator), including the residual term. */
  hessianVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array;
  /** Dense full Hessian of the mean loss over all samples (P×P). */
  hessian(theta: Float64Array): Matrix;
  /** Gauss–Newton term (1/N) Σ J_nᵀ ∇²ℓ_n J_n, J_n the k×P output Jacobian. */
  gaussNewton(theta: Float64Array): Matrix;
  /** Residual term (1/N) Σ Σ_c ∂ℓ_n/∂f_c · ∇²f_{n,c}. */
  residualTerm(theta: Float64Array): Matrix;
  /** k×P Jacobian of the outputs (logits) for sample n. */
  outputJacobian(theta: Float64Array, n: number): Matrix;
  /** Fraction of samples whose arg-max output equals the label (cross-entropy only). */
  accuracy(theta: Float64Array): number;
  /** A seeded initialisation (He/Glorot-scaled Gaussian weights, zero biases). */
  initialTheta(rng: Rng): Float64Array;
  /** Optional: exact Gauss–Newton·v of the mean batch loss, (1/B) Σ J_nᵀ ∇²ℓ_n J_n v (R-operator without the residual part). */
  gaussNewtonVector?(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array;
  /** Optional: residual term·v of the mean batch loss, (1/B) Σ Σ_c ∂ℓ_n/∂f_c ∇²f_{n,c} v. */
  residualVector?(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array;
  /** Optional: B×k outputs (logits) for the batch (every sample when omitted). */
  logits?(theta: Float64Array, batch?: Batch): Matrix;
  /** Optional: N×(Σ hidden widths) hidden pre-activations z (layer by layer), e.g. to keep finite differences off ReLU kinks. */
  preActivations?(theta: Float64Array): Matrix;
  /** Optional: a first-order bound on the absolute rounding error of one entry of gradient(θ) over all samples (for finite-difference error estimates). */
  gradientRoundingBound?(theta: Float64Array): number;
}
