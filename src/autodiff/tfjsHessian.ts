/**
 * tfjsHessian — an INDEPENDENT Hessian route through TensorFlow.js autodiff.
 *
 * What: for the two model families of the suite (no biases, scalar output)
 *   two-layer:   y(x) = Σ_j a_j g(w_j·x),      θ = [W row-major (Nh·Ni), a (Nh)]
 *   deep-linear: y(x) = W_L ⋯ W_1 x,           θ = [W1, W2, ..., WL], each row-major
 * and the loss L(θ) = 1/(2N) Σ_n (y_θ(x_n) − t_n)², it returns the P×P Hessian
 * (symmetrized, (H+Hᵀ)/2), the gradient and the loss, all as float64 arrays, and
 * the name of the tfjs backend that computed them.
 *
 * How: reverse-over-reverse. The parameters live in ONE flat tensor, sliced and
 * reshaped inside the loss, so the Hessian is over θ in exactly the order above.
 * Rows are computed in batches: a B×P tensor Θ holds B copies of θ, the forward
 * pass is vectorised over the copies (batched matmuls), f(Θ) = Σ_b L(Θ_b), and
 *   ∇_Θ Σ_b ⟨∇f(Θ)_b, e_{r0+b}⟩   has row b = ∇²L(θ) e_{r0+b} = H row r0+b,
 * because copy b's gradient depends on copy b only. One double-backward per
 * batch; the batch size is capped so the largest intermediate stays near
 * 2^21 floats.
 *
 * Why activations.ts matters: tfjs's own tanh/sigmoid gradients lose the
 * second-order path through their saved outputs, so the naive Hessian is
 * exactly H − (1/N)Σ_n r_n a_j g''(z_jn) x_n x_nᵀ (the residual-weighted
 * curvature blocks). Measured relative Frobenius error off the optimum, N=30,
 * Ni=4, Nh=5: tanh 9%–67%, sigmoid 0.5%–18% (it scales with the residuals);
 * at the optimum ~1e-7, same as the fixed route. The custom-gradient route:
 * 0.7–9e-7 for every activation, on and off the optimum. `naiveActivations`
 * uses the raw ops, ONLY to let tests prove the trap.
 *
 * Performance (wasm, this machine): P=100/N=100 ≈ 15–100 ms; P=300/N=100
 * ≈ 0.1–0.75 s (first call includes warm-up); P=300/N=1000 ≈ 1.2–1.7 s;
 * deep-linear P=432/N=100 ≈ 0.17 s. The cpu backend is ~5× slower.
 *
 * Accuracy caveat: everything is computed in float32 (u = 2⁻²⁴ ≈ 6e-8);
 * measured relative Frobenius agreement with a float64 Hessian is 1–3·u·κ
 * (κ = cancellation ratio), i.e. ~1e-7 on well-scaled problems; it degrades
 * with cancellation and with badly scaled data. This route is a CROSS-CHECK of
 * the float64 closed form, never a verdict.
 */
import type { Tensor, Tensor2D, Tensor3D } from '@tensorflow/tfjs';
import type { Matrix } from '../linalg/matrix.js';
import type { ActivationSpec } from '../nets/activationSpec.js';
import { tfActivation, tfActivationNaive, validateActivationSpec, type TensorFn } from './activations.js';
import { loadTf, type Tf } from './loadTf.js';

export type AutodiffProblem =
  | {
      family: 'two-layer';
      activation: ActivationSpec;
      /** Nh×Ni, rows are the hidden weight vectors w_j. */
      W: Matrix;
      /** Output weights, length Nh. */
      a: Float64Array;
      /** N×Ni, one input per row. */
      X: Matrix;
      /** Length N. */
      targets: Float64Array;
    }
  | {
      family: 'deep-linear';
      /** [W1 (n1×Ni), W2 (n2×n1), ..., WL (1×n_{L−1})]. */
      layers: Matrix[];
      X: Matrix;
      targets: Float64Array;
    };

export interface TfjsHessianOptions {
  /** Use the raw tfjs activation ops (WRONG second derivatives for tanh/sigmoid). Tests only. */
  naiveActivations?: boolean;
  /** Upper bound on Hessian rows per double-backward batch (default: chosen from problem size). */
  maxRowsPerBatch?: number;
}

export interface TfjsHessianResult {
  /** P×P, float64 copy of the float32 result, symmetrized. */
  hessian: Matrix;
  gradient: Float64Array;
  loss: number;
  /** tfjs backend that computed it: 'tensorflow' | 'wasm' | 'cpu'. */
  backend: string;
}

/** Largest intermediate (floats) a batch may create. */
const BATCH_ELEMENT_BUDGET = 1 << 21;

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

function checkMatrix(m: unknown, field: string): asserts m is Matrix {
  if (typeof m !== 'object' || m === null) throw new Error(`tfjsHessian: ${field} must be a Matrix {rows, cols, data}`);
  const { rows, cols, data } = m as Partial<Matrix>;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || (rows as number) < 1 || (cols as number) < 1)
    throw new Error(`tfjsHessian: ${field} must have positive integer rows and cols (got ${String(rows)}×${String(cols)})`);
  if (!(data instanceof Float64Array)) throw new Error(`tfjsHessian: ${field}.data must be a Float64Array`);
  if (data.length !== (rows as number) * (cols as number))
    throw new Error(`tfjsHessian: ${field}.data has length ${data.length}, expected rows·cols = ${rows}·${cols} = ${(rows as number) * (cols as number)}`);
  checkFinite(data, `${field}.data`);
}

function checkVector(v: unknown, field: string, expected: number, what: string): asserts v is Float64Array {
  if (!(v instanceof Float64Array)) throw new Error(`tfjsHessian: ${field} must be a Float64Array`);
  if (v.length !== expected) throw new Error(`tfjsHessian: ${field} has length ${v.length}, expected ${expected} (${what})`);
  checkFinite(v, field);
}

function checkFinite(v: Float64Array, field: string): void {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) throw new Error(`tfjsHessian: ${field}[${i}] is not finite (${v[i]})`);
}

/** Validate and return P. */
function validate(problem: AutodiffProblem): number {
  if (typeof problem !== 'object' || problem === null) throw new Error('tfjsHessian: problem must be an object');
  checkMatrix(problem.X, 'X');
  const N = problem.X.rows;
  const Ni = problem.X.cols;
  checkVector(problem.targets, 'targets', N, 'X.rows = N');
  if (problem.family === 'two-layer') {
    checkMatrix(problem.W, 'W');
    if (problem.W.cols !== Ni) throw new Error(`tfjsHessian: W.cols = ${problem.W.cols} must equal X.cols = Ni = ${Ni}`);
    checkVector(problem.a, 'a', problem.W.rows, 'W.rows = Nh');
    validateActivationSpec(problem.activation);
    return problem.W.rows * Ni + problem.W.rows;
  }
  if (problem.family === 'deep-linear') {
    const layers = problem.layers;
    if (!Array.isArray(layers) || layers.length < 1) throw new Error('tfjsHessian: layers must be a non-empty array of matrices');
    let P = 0;
    let prev = Ni;
    layers.forEach((Wl, l) => {
      checkMatrix(Wl, `layers[${l}]`);
      if (Wl.cols !== prev)
        throw new Error(`tfjsHessian: layers[${l}].cols = ${Wl.cols} must equal ${l === 0 ? 'X.cols = Ni' : `layers[${l - 1}].rows`} = ${prev}`);
      prev = Wl.rows;
      P += Wl.rows * Wl.cols;
    });
    if (prev !== 1) throw new Error(`tfjsHessian: layers[${layers.length - 1}].rows = ${prev} must be 1 (scalar output)`);
    return P;
  }
  throw new Error(`tfjsHessian: family must be 'two-layer' or 'deep-linear' (got ${JSON.stringify((problem as { family?: unknown }).family)})`);
}

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

/** θ as float32, in the documented order. */
function flatTheta(problem: AutodiffProblem, P: number): Float32Array {
  const out = new Float32Array(P);
  if (problem.family === 'two-layer') {
    out.set(problem.W.data, 0);
    out.set(problem.a, problem.W.data.length);
  } else {
    let off = 0;
    for (const Wl of problem.layers) {
      out.set(Wl.data, off);
      off += Wl.data.length;
    }
  }
  return out;
}

/** Widest per-copy intermediate (floats) of one forward pass. */
function perCopyWidth(problem: AutodiffProblem): number {
  const N = problem.X.rows;
  if (problem.family === 'two-layer') return N * Math.max(problem.W.rows, 1) + problem.W.rows * problem.W.cols;
  let w = 0;
  for (const Wl of problem.layers) w = Math.max(w, N * Wl.rows, Wl.rows * Wl.cols);
  return w;
}

/**
 * Build f(Θ) = Σ_b L(Θ_b) for a B×P tensor Θ (each row one copy of θ), vectorised
 * over copies. Constants X (N×Ni) and t (1×N) are closed over.
 */
function makeBatchedLoss(tf: Tf, problem: AutodiffProblem, g: TensorFn | undefined, X: Tensor2D, t: Tensor2D): (Th: Tensor) => Tensor {
  const N = problem.X.rows;
  const Ni = problem.X.cols;
  const scale = 1 / (2 * N);
  const lossFrom = (y: Tensor /* B×N */): Tensor => {
    const r = tf.sub(y, t);
    return tf.mul(tf.sum(tf.mul(r, r)), scale);
  };
  if (problem.family === 'two-layer') {
    const Nh = problem.W.rows;
    const act = g as TensorFn;
    return (Th) => {
      const B = Th.shape[0];
      const W = tf.reshape(tf.slice(Th, [0, 0], [B, Nh * Ni]), [B * Nh, Ni]);
      const Z = tf.matMul(W, X, false, true); // (B·Nh)×N, Z[b·Nh+j, n] = w_j·x_n
      const G = tf.reshape(act(Z), [B, Nh, N]);
      const a = tf.reshape(tf.slice(Th, [0, Nh * Ni], [B, Nh]), [B, 1, Nh]);
      const y = tf.reshape(tf.matMul(a, G), [B, N]); // y[b,n] = Σ_j a_j g(z_jn)
      return lossFrom(y);
    };
  }
  const layers = problem.layers;
  return (Th) => {
    const B = Th.shape[0];
    const n1 = layers[0].rows;
    let off = n1 * Ni;
    const W1 = tf.reshape(tf.slice(Th, [0, 0], [B, off]), [B * n1, Ni]);
    let A: Tensor = tf.reshape(tf.matMul(W1, X, false, true), [B, n1, N]); // B×n1×N
    for (let l = 1; l < layers.length; l++) {
      const { rows, cols } = layers[l];
      const Wl = tf.reshape(tf.slice(Th, [0, off], [B, rows * cols]), [B, rows, cols]);
      off += rows * cols;
      A = tf.matMul(Wl as Tensor3D, A as Tensor3D); // B×rows×N
    }
    return lossFrom(tf.reshape(A, [B, N]));
  };
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/**
 * Hessian, gradient and loss of the problem's loss at its parameters, by tfjs
 * reverse-over-reverse autodiff in float32. A cross-check route only.
 */
export async function tfjsHessian(problem: AutodiffProblem, opts: TfjsHessianOptions = {}): Promise<TfjsHessianResult> {
  const P = validate(problem);
  const maxRowsOpt = opts.maxRowsPerBatch;
  if (maxRowsOpt !== undefined && (!Number.isInteger(maxRowsOpt) || maxRowsOpt < 1))
    throw new Error(`tfjsHessian: opts.maxRowsPerBatch must be a positive integer (got ${String(maxRowsOpt)})`);
  const { tf } = await loadTf();
  const g =
    problem.family === 'two-layer'
      ? (opts.naiveActivations ? tfActivationNaive : tfActivation)(tf, problem.activation)
      : undefined;

  const N = problem.X.rows;
  const Ni = problem.X.cols;
  const theta = flatTheta(problem, P);
  const X = tf.tensor2d(Float32Array.from(problem.X.data), [N, Ni]);
  const t = tf.tensor2d(Float32Array.from(problem.targets), [1, N]);
  try {
    const f = makeBatchedLoss(tf, problem, g, X, t);

    // Loss and gradient at θ (one copy).
    const { value, grad } = tf.tidy(() => {
      const th = tf.tensor2d(theta, [1, P]);
      return tf.valueAndGrad(f)(th);
    });
    const lossArr = await value.data();
    const gradArr = await grad.data();
    value.dispose();
    grad.dispose();

    // Hessian rows in batches of B copies.
    const byBudget = Math.max(1, Math.floor(BATCH_ELEMENT_BUDGET / Math.max(1, perCopyWidth(problem), P)));
    const B0 = Math.max(1, Math.min(P, maxRowsOpt ?? P, byBudget));
    const H = new Float64Array(P * P);
    const gradOfF = tf.grad(f);
    for (let r0 = 0; r0 < P; r0 += B0) {
      const B = Math.min(B0, P - r0);
      const copies = new Float32Array(B * P);
      for (let b = 0; b < B; b++) copies.set(theta, b * P);
      const dirs = new Float32Array(B * P);
      for (let b = 0; b < B; b++) dirs[b * P + r0 + b] = 1;
      const rows = tf.tidy(() => {
        const Th = tf.tensor2d(copies, [B, P]);
        const V = tf.tensor2d(dirs, [B, P]);
        return tf.grad((T: Tensor) => tf.sum(tf.mul(gradOfF(T), V)))(Th);
      });
      const data = await rows.data();
      rows.dispose();
      for (let i = 0; i < B * P; i++) H[r0 * P + i] = data[i];
    }
    // float32 overflow (|values| > 3.4e38, e.g. a high-degree monomial of large
    // pre-activations) must not come back as a silent NaN/Infinity "cross-check".
    const allFinite = (v: ArrayLike<number>): boolean => {
      for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
      return true;
    };
    if (!Number.isFinite(lossArr[0]) || !allFinite(gradArr) || !allFinite(H))
      throw new Error('tfjsHessian: non-finite loss/gradient/Hessian entry in float32 (overflow?); this route cannot check this problem');
    // Symmetrize: (H + Hᵀ)/2.
    for (let i = 0; i < P; i++)
      for (let j = i + 1; j < P; j++) {
        const s = 0.5 * (H[i * P + j] + H[j * P + i]);
        H[i * P + j] = s;
        H[j * P + i] = s;
      }
    // Report the backend that actually ran (the tfjs backend is process-global).
    return { hessian: { rows: P, cols: P, data: H }, gradient: Float64Array.from(gradArr), loss: lossArr[0], backend: tf.getBackend() };
  } finally {
    X.dispose();
    t.dispose();
  }
}
