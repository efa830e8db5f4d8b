/**
 * Multilayer perceptrons as PyTorch builds them — nn.Sequential(nn.Linear, act, nn.Linear,
 * act, …, nn.Linear) with one hidden activation kind — and the loss a PyTorch user trains
 * them with, for the second paper's claims (Sagun et al. 2018, S1–S4) and for users who bring
 * their own trained weights. Everything float64; θ is one flat Float64Array in the order of
 * model.parameters() (layout.ts): W1 (out×in, row-major), b1, W2, b2, …
 *
 * Losses (lossConvention.ts states the exact formulas and the reduction):
 *   'cross-entropy'       nn.CrossEntropyLoss(reduction) with integer labels.
 *   'mse'                 nn.MSELoss(reduction): mean over all N·k entries, no ½.
 *   'half-squared-error'  the papers' ½Σ_c(f_c − t_c)² per sample, mean over samples (docs/theory.md#setting).
 *   'softmax-cross-entropy' is an alias of 'cross-entropy' kept for older callers; a built
 *   problem's spec always carries the canonical name.
 *
 * The contract S1–S4 and the CLI are built on. Implementations live beside this file;
 * consumers import only these names (through index.ts).
 */
import type { Matrix } from '../../linalg/matrix.js';
import type { Rng } from '../../rng/index.js';

/**
 * Hidden activations: the torch.nn modules with closed-form σ, σ', σ'' (hiddenActivation.ts):
 * ReLU, Tanh, Identity, Sigmoid, Softplus (β = 1, threshold 20), GELU (exact, erf-based),
 * ELU (α = 1), LeakyReLU (slope 0.01), plus erf (no torch module; torch.erf as a layer).
 */
export type MlpActivation = 'relu' | 'tanh' | 'identity' | 'sigmoid' | 'softplus' | 'gelu' | 'elu' | 'leaky-relu' | 'erf';
export type MlpLoss = 'cross-entropy' | 'mse' | 'half-squared-error' | 'softmax-cross-entropy';
/** PyTorch's `reduction`: 'mean' divides by the batch's samples (cross-entropy, half-squared-error) or entries (mse); 'sum' does not. */
export type MlpReduction = 'mean' | 'sum';

export interface MlpSpec {
  /** Input dimension d. */
  readonly inputDim: number;
  /** Hidden widths, e.g. [20, 20] for two hidden layers; may be empty (a linear/logistic model). */
  readonly hidden: readonly number[];
  /** Number of outputs k (classes for cross-entropy). */
  readonly outputs: number;
  readonly activation: MlpActivation;
  readonly loss: MlpLoss;
  /** @defaultValue 'mean' (PyTorch's default). */
  readonly reduction?: MlpReduction;
  /** Whether every nn.Linear has a bias (nn.Linear(…, bias=…)). @defaultValue true */
  readonly bias?: boolean;
}

export interface MlpData {
  /** N×d inputs. */
  readonly X: Matrix;
  /** Class index per sample in 0..k−1 (cross-entropy; the squared errors use one-hot targets when `targets` is absent). */
  readonly labels?: Int32Array;
  /** N×k regression targets (mse, half-squared-error). */
  readonly targets?: Matrix;
}

/** A mini-batch: indices into the data rows; omitted means every sample. */
export type Batch = Int32Array | undefined;

export interface MlpProblem {
  /** The spec with every default filled in and the loss under its canonical name. */
  readonly spec: MlpSpec & { readonly reduction: MlpReduction; readonly bias: boolean };
  readonly data: MlpData;
  /** Number of samples N. */
  readonly N: number;
  /** Number of parameters P (weights and, unless spec.bias is false, biases of every layer). */
  readonly P: number;
  /** Human-readable parameter layout, e.g. "W1 (20×5) row-major, b1 (20), W2 …". */
  readonly layout: string;
  /** The loss as a formula and its PyTorch equivalent, e.g. "nn.MSELoss(reduction='mean'): L = 1/(B·k) Σ_n Σ_c (f_nc − t_nc)²". */
  readonly lossDescription: string;
  /** The batch loss in spec.reduction (non-finite, not an error, when θ has a non-finite entry). */
  loss(theta: Float64Array, batch?: Batch): number;
  /** Gradient of the batch loss (backpropagation). */
  gradient(theta: Float64Array, batch?: Batch): Float64Array;
  /** Exact H·v of the batch loss (Pearlmutter's R-operator), including the residual term. */
  hessianVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array;
  /** Exact Gauss–Newton·v of the batch loss, Σ_n w J_nᵀ ∇²ℓ_n J_n v (the R-operator without the residual part). */
  gaussNewtonVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array;
  /** Residual term·v of the batch loss, Σ_n w Σ_c ∂ℓ_n/∂f_c ∇²f_{n,c} v. */
  residualVector(theta: Float64Array, v: Float64Array, batch?: Batch): Float64Array;
  /** Dense full Hessian of the loss over all samples (P×P). */
  hessian(theta: Float64Array): Matrix;
  /** Gauss–Newton term Σ_n w J_nᵀ ∇²ℓ_n J_n, J_n the k×P output Jacobian (w the reduction weight). */
  gaussNewton(theta: Float64Array): Matrix;
  /** Residual term Σ_n w Σ_c ∂ℓ_n/∂f_c · ∇²f_{n,c}. */
  residualTerm(theta: Float64Array): Matrix;
  /** k×P Jacobian of the outputs (logits) for sample n. */
  outputJacobian(theta: Float64Array, n: number): Matrix;
  /** Fraction of samples whose arg-max output equals the label (needs data.labels). */
  accuracy(theta: Float64Array): number;
  /** A seeded initialisation (He/Glorot-scaled Gaussian weights, zero biases). */
  initialTheta(rng: Rng): Float64Array;
  /** B×k outputs (logits) for the batch (every sample when omitted). */
  logits(theta: Float64Array, batch?: Batch): Matrix;
  /** N×(Σ hidden widths) hidden pre-activations z (layer by layer), e.g. to keep finite differences off kinks. */
  preActivations(theta: Float64Array): Matrix;
  /** A first-order bound on the absolute rounding error of one entry of gradient(θ) over all samples (for finite-difference error estimates). */
  gradientRoundingBound(theta: Float64Array): number;
}
