/**
 * The two-layer family y_θ(x) = Σ_j a_j g(w_j · x), no biases, scalar output.
 * θ = [W row-major (Nh·Ni entries: W_jk at j·Ni + k), then a (Nh)], P = Nh·Ni + Nh.
 *
 * Closed forms (docs/theory.md#hessian), with z_nj = w_j · x_n:
 *   ∂y/∂W_jk = a_j g'(z_j) x_k,  ∂y/∂a_j = g(z_j)
 *   ∂²y/∂W_jk∂W_j'k' = δ_jj' a_j g''(z_j) x_k x_k',  ∂²y/∂W_jk∂a_j' = δ_jj' g'(z_j) x_k,  ∂²y/∂a∂a = 0
 * Costs: outputs and Jacobian O(N·Nh·Ni); weighted output Hessian O(N·Nh·Ni²);
 * its matrix-free product, jvp (J·v) and vjp (Jᵀ·u) O(N·Nh·Ni) each.
 */
import type { Activation } from './activation.js';
import type { Model } from './model.js';
import { zeros, type Matrix } from '../linalg/matrix.js';
import { gemmNT } from '../linalg/portable/gemm.js';

export interface TwoLayerShape {
  readonly Ni: number;
  readonly Nh: number;
}

export function twoLayerModel(shape: TwoLayerShape, act: Activation): Model {
  const { Ni, Nh } = shape;
  const P = Nh * Ni + Nh;
  const aOff = Nh * Ni;

  /**
   * Pre-activations z (N×Nh) = X Wᵀ, by the blocked kernel of linalg/portable/gemm.ts (≈ 3×
   * the naive loops; for Ni ≤ 256 the summation order, and so every bit, is the same).
   */
  const preactivations = (theta: Float64Array, X: Matrix): Float64Array => gemmNT(X.data, theta.subarray(0, Nh * Ni), X.rows, Nh, Ni);

  const checkX = (X: Matrix) => {
    if (X.cols !== Ni) throw new Error(`two-layer model: X has ${X.cols} columns, expected Ni = ${Ni}`);
  };

  return {
    family: 'two-layer',
    P,
    Ni,
    layout: `W (${Nh}×${Ni}) row-major, then a (${Nh})`,

    outputs(theta, X) {
      checkX(X);
      const z = preactivations(theta, X);
      const y = new Float64Array(X.rows);
      for (let n = 0; n < X.rows; n++) {
        let s = 0;
        for (let j = 0; j < Nh; j++) s += theta[aOff + j] * act.g(z[n * Nh + j]);
        y[n] = s;
      }
      return y;
    },

    jacobian(theta, X) {
      checkX(X);
      const N = X.rows;
      const z = preactivations(theta, X);
      const J = zeros(N, P);
      for (let n = 0; n < N; n++) {
        const row = n * P;
        const xo = n * Ni;
        for (let j = 0; j < Nh; j++) {
          const zj = z[n * Nh + j];
          const c = theta[aOff + j] * act.d1(zj);
          const wo = row + j * Ni;
          for (let k = 0; k < Ni; k++) J.data[wo + k] = c * X.data[xo + k];
          J.data[row + aOff + j] = act.g(zj);
        }
      }
      return J;
    },

    weightedOutputHessian(theta, X, w) {
      checkX(X);
      const N = X.rows;
      const z = preactivations(theta, X);
      const R = zeros(P, P);
      for (let n = 0; n < N; n++) {
        const wn = w[n];
        if (wn === 0) continue;
        const xo = n * Ni;
        for (let j = 0; j < Nh; j++) {
          const zj = z[n * Nh + j];
          const cWW = wn * theta[aOff + j] * act.d2(zj);
          const cWa = wn * act.d1(zj);
          const base = j * Ni;
          for (let k = 0; k < Ni; k++) {
            const xk = X.data[xo + k];
            const rowOff = (base + k) * P;
            if (cWW !== 0) {
              const ck = cWW * xk;
              for (let k2 = k; k2 < Ni; k2++) R.data[rowOff + base + k2] += ck * X.data[xo + k2];
            }
            R.data[rowOff + aOff + j] += cWa * xk;
          }
        }
      }
      // Mirror: the lower triangle of each W_j–W_j block, and the W–a blocks into the a–W blocks,
      // so R (and H) are symmetric to the bit.
      for (let j = 0; j < Nh; j++) {
        const base = j * Ni;
        for (let k = 0; k < Ni; k++) for (let k2 = 0; k2 < k; k2++) R.data[(base + k) * P + base + k2] = R.data[(base + k2) * P + base + k];
      }
      for (let j = 0; j < Nh; j++) {
        for (let k = 0; k < Ni; k++) {
          const r = j * Ni + k;
          R.data[(aOff + j) * P + r] = R.data[r * P + aOff + j];
        }
      }
      return R;
    },

    weightedOutputHessianVector(theta, X, w, v) {
      checkX(X);
      const N = X.rows;
      const z = preactivations(theta, X);
      const out = new Float64Array(P);
      for (let n = 0; n < N; n++) {
        const wn = w[n];
        if (wn === 0) continue;
        const xo = n * Ni;
        for (let j = 0; j < Nh; j++) {
          const zj = z[n * Nh + j];
          let xv = 0; // x_n · v_j (the W_j block of v)
          for (let k = 0; k < Ni; k++) xv += X.data[xo + k] * v[j * Ni + k];
          const d1 = act.d1(zj);
          const cx = wn * (theta[aOff + j] * act.d2(zj) * xv + d1 * v[aOff + j]);
          for (let k = 0; k < Ni; k++) out[j * Ni + k] += cx * X.data[xo + k];
          out[aOff + j] += wn * d1 * xv;
        }
      }
      return out;
    },

    jvp(theta, X, v) {
      checkX(X);
      const N = X.rows;
      const z = preactivations(theta, X);
      const out = new Float64Array(N);
      for (let n = 0; n < N; n++) {
        const xo = n * Ni;
        let s = 0;
        for (let j = 0; j < Nh; j++) {
          let xv = 0;
          for (let k = 0; k < Ni; k++) xv += X.data[xo + k] * v[j * Ni + k];
          const zj = z[n * Nh + j];
          s += theta[aOff + j] * act.d1(zj) * xv + act.g(zj) * v[aOff + j];
        }
        out[n] = s;
      }
      return out;
    },

    vjp(theta, X, u) {
      checkX(X);
      const N = X.rows;
      const z = preactivations(theta, X);
      const out = new Float64Array(P);
      for (let n = 0; n < N; n++) {
        const un = u[n];
        if (un === 0) continue;
        const xo = n * Ni;
        for (let j = 0; j < Nh; j++) {
          const zj = z[n * Nh + j];
          const c = un * theta[aOff + j] * act.d1(zj);
          for (let k = 0; k < Ni; k++) out[j * Ni + k] += c * X.data[xo + k];
          out[aOff + j] += un * act.g(zj);
        }
      }
      return out;
    },
  };
}

/** Packs W (Nh×Ni) and a (Nh) into θ. */
export function packTwoLayer(W: Matrix, a: Float64Array): Float64Array {
  if (W.rows !== a.length) throw new Error(`packTwoLayer: W has ${W.rows} rows but a has ${a.length} entries`);
  const theta = new Float64Array(W.data.length + a.length);
  theta.set(W.data, 0);
  theta.set(a, W.data.length);
  return theta;
}

/** Splits θ back into W (Nh×Ni) and a (Nh). */
export function unpackTwoLayer(theta: Float64Array, shape: TwoLayerShape): { W: Matrix; a: Float64Array } {
  const { Ni, Nh } = shape;
  if (theta.length !== Nh * Ni + Nh) throw new Error(`unpackTwoLayer: θ has ${theta.length} entries, expected ${Nh * Ni + Nh}`);
  return {
    W: { rows: Nh, cols: Ni, data: theta.slice(0, Nh * Ni) },
    a: theta.slice(Nh * Ni),
  };
}
