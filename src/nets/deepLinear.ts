/**
 * Deep linear networks y_θ(x) = W_L ⋯ W_1 x with scalar output (W_L is 1×n_{L−1}).
 * widths = [Ni, n_1, …, n_{L−1}, 1]; layer l is n_l × n_{l−1}; θ is the concatenation
 * of W_1 … W_L, each row-major.
 *
 * With h_{l−1}(x) = W_{l−1}⋯W_1 x and u_l = (W_L⋯W_{l+1})ᵀ (u_L = [1]):
 *   ∂y/∂(W_l)_pq = u_l[p] h_{l−1}[q]
 *   ∂²y/∂(W_l)_pq ∂(W_m)_rs = u_m[r] · (W_{m−1}⋯W_{l+1})_sp · h_{l−1}[q]   (l < m; 0 when l = m)
 * so Σ_n w_n ∇²y_n depends on the data only through Σ_n w_n h_{l−1}(x_n).
 */
import type { Model } from './model.js';
import { identity, matmul, zeros, type Matrix } from '../linalg/matrix.js';

export function deepLinearModel(widths: readonly number[]): Model {
  if (widths.length < 3) throw new Error(`deep-linear model: need at least 2 layers (widths [Ni, n1, ..., 1]), got widths ${JSON.stringify(widths)}`);
  if (widths[widths.length - 1] !== 1) throw new Error(`deep-linear model: the last layer must have 1 output, got widths ${JSON.stringify(widths)}`);
  const L = widths.length - 1;
  const Ni = widths[0];
  const offsets: number[] = [];
  let P = 0;
  for (let l = 1; l <= L; l++) {
    offsets.push(P);
    P += widths[l] * widths[l - 1];
  }
  /** Layer l (1-based) as a Matrix view copied out of θ. */
  const layer = (theta: Float64Array, l: number): Matrix => ({
    rows: widths[l],
    cols: widths[l - 1],
    data: theta.subarray(offsets[l - 1], offsets[l - 1] + widths[l] * widths[l - 1]),
  });
  /** Product W_b ⋯ W_a (a ≤ b), or the identity of size n_{a−1} when a > b. */
  const product = (theta: Float64Array, a: number, b: number): Matrix => {
    let M = identity(widths[a - 1]);
    for (let l = a; l <= b; l++) M = matmul(layer(theta, l), M);
    return M;
  };
  /** u_l as a vector: (W_L ⋯ W_{l+1})ᵀ. */
  const upstream = (theta: Float64Array, l: number): Float64Array => Float64Array.from(product(theta, l + 1, L).data);
  /** h_{l−1}(x_n) for all rows: (W_{l−1}⋯W_1) Xᵀ, returned as N × n_{l−1}. */
  const hidden = (theta: Float64Array, X: Matrix, l: number): Matrix => {
    const A = product(theta, 1, l - 1); // n_{l−1} × Ni
    const H = zeros(X.rows, A.rows);
    for (let n = 0; n < X.rows; n++) {
      for (let p = 0; p < A.rows; p++) {
        let s = 0;
        for (let k = 0; k < Ni; k++) s += A.data[p * Ni + k] * X.data[n * Ni + k];
        H.data[n * A.rows + p] = s;
      }
    }
    return H;
  };
  const checkX = (X: Matrix) => {
    if (X.cols !== Ni) throw new Error(`deep-linear model: X has ${X.cols} columns, expected Ni = ${Ni}`);
  };

  const model: Model = {
    family: 'deep-linear',
    P,
    Ni,
    layout: widths
      .slice(1)
      .map((n, i) => `W${i + 1} (${n}×${widths[i]})`)
      .join(', ') + ', each row-major',

    outputs(theta, X) {
      checkX(X);
      const H = hidden(theta, X, L + 1); // N × 1
      return Float64Array.from(H.data);
    },

    jacobian(theta, X) {
      checkX(X);
      const N = X.rows;
      const J = zeros(N, P);
      for (let l = 1; l <= L; l++) {
        const u = upstream(theta, l);
        const h = hidden(theta, X, l);
        const rows = widths[l];
        const cols = widths[l - 1];
        for (let n = 0; n < N; n++) {
          const base = n * P + offsets[l - 1];
          for (let p = 0; p < rows; p++) for (let q = 0; q < cols; q++) J.data[base + p * cols + q] = u[p] * h.data[n * cols + q];
        }
      }
      return J;
    },

    weightedOutputHessian(theta, X, w) {
      checkX(X);
      const R = zeros(P, P);
      for (let l = 1; l < L; l++) {
        const h = hidden(theta, X, l);
        const cols = widths[l - 1];
        const s = new Float64Array(cols); // Σ_n w_n h_{l−1}(x_n)
        for (let n = 0; n < X.rows; n++) for (let q = 0; q < cols; q++) s[q] += w[n] * h.data[n * cols + q];
        for (let m = l + 1; m <= L; m++) {
          const u = upstream(theta, m);
          const B = product(theta, l + 1, m - 1); // n_{m−1} × n_l
          const nl = widths[l];
          const nm = widths[m];
          const nm1 = widths[m - 1];
          for (let p = 0; p < nl; p++) {
            for (let q = 0; q < cols; q++) {
              const i = offsets[l - 1] + p * cols + q;
              for (let r = 0; r < nm; r++) {
                for (let sIdx = 0; sIdx < nm1; sIdx++) {
                  const j = offsets[m - 1] + r * nm1 + sIdx;
                  const v = u[r] * B.data[sIdx * nl + p] * s[q];
                  R.data[i * P + j] = v;
                  R.data[j * P + i] = v;
                }
              }
            }
          }
        }
      }
      return R;
    },

    jvp(theta, X, v) {
      checkX(X);
      // J·v = Σ_l u_l · (V_l h_{l−1}(x_n)), V_l the layer-l block of v.
      const N = X.rows;
      const out = new Float64Array(N);
      for (let l = 1; l <= L; l++) {
        const u = upstream(theta, l);
        const h = hidden(theta, X, l);
        const rows = widths[l];
        const cols = widths[l - 1];
        const off = offsets[l - 1];
        // c = V_lᵀ u_l (length n_{l−1}), then out_n += c · h_{l−1}(x_n).
        const c = new Float64Array(cols);
        for (let p = 0; p < rows; p++) for (let q = 0; q < cols; q++) c[q] += v[off + p * cols + q] * u[p];
        for (let n = 0; n < N; n++) {
          let s = 0;
          for (let q = 0; q < cols; q++) s += c[q] * h.data[n * cols + q];
          out[n] += s;
        }
      }
      return out;
    },

    vjp(theta, X, uOut) {
      checkX(X);
      // Jᵀ·u on layer l = u_l ⊗ Σ_n u_n h_{l−1}(x_n).
      const out = new Float64Array(P);
      for (let l = 1; l <= L; l++) {
        const u = upstream(theta, l);
        const h = hidden(theta, X, l);
        const rows = widths[l];
        const cols = widths[l - 1];
        const s = new Float64Array(cols);
        for (let n = 0; n < X.rows; n++) for (let q = 0; q < cols; q++) s[q] += uOut[n] * h.data[n * cols + q];
        for (let p = 0; p < rows; p++) for (let q = 0; q < cols; q++) out[offsets[l - 1] + p * cols + q] = u[p] * s[q];
      }
      return out;
    },

    weightedOutputHessianVector(theta, X, w, v) {
      const R = model.weightedOutputHessian(theta, X, w);
      const out = new Float64Array(P);
      for (let i = 0; i < P; i++) {
        let s = 0;
        for (let j = 0; j < P; j++) s += R.data[i * P + j] * v[j];
        out[i] = s;
      }
      return out;
    },
  };
  return model;
}

/** Concatenates layers W_1 … W_L into θ. */
export function packLayers(layers: readonly Matrix[]): Float64Array {
  const total = layers.reduce((s, m) => s + m.data.length, 0);
  const theta = new Float64Array(total);
  let off = 0;
  for (const m of layers) {
    theta.set(m.data, off);
    off += m.data.length;
  }
  return theta;
}

/** Splits θ into layers for the given widths. */
export function unpackLayers(theta: Float64Array, widths: readonly number[]): Matrix[] {
  const layers: Matrix[] = [];
  let off = 0;
  for (let l = 1; l < widths.length; l++) {
    const size = widths[l] * widths[l - 1];
    layers.push({ rows: widths[l], cols: widths[l - 1], data: theta.slice(off, off + size) });
    off += size;
  }
  if (off !== theta.length) throw new Error(`unpackLayers: θ has ${theta.length} entries, widths ${JSON.stringify(widths)} need ${off}`);
  return layers;
}
