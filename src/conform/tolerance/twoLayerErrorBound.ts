/**
 * A componentwise first-order bound on the rounding error of ANY reasonable implementation of
 * the two-layer Hessian in a precision with unit roundoff u — autodiff (reverse-over-reverse,
 * forward-over-reverse), closed forms, matrix-free H·v — computed from the model alone.
 *
 * Source: running-error analysis of sums of products (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., §3.1–3.3: a computed sum of m products has error
 * ≤ γ_m·Σ|terms|, γ_m ≈ m·u), applied factor by factor to
 *
 *   H = (1/N) Σ_n [ J_nᵀ J_n + r_n ∇²y_n ],   z_nj = w_j·x_n,
 *   J_n,(jk) = a_j g'(z_nj) x_nk,  J_n,(a_j) = g(z_nj),
 *   ∇²y_n: (jk)(jk') = a_j g''(z_nj) x_nk x_nk',  (jk)(a_j) = g'(z_nj) x_nk,
 *   r_n = Σ_j a_j g(z_nj) − y_n,
 *
 * with every input (W, a, X, y, v) first rounded to the subject's precision. Per factor, with
 * magnitudes M_i ≥ |g⁽ⁱ⁾| from ./activationMagnitudes.ts and ẑ_nj = Σ_k |W_jk||x_nk|:
 *
 *   δz_nj  ≤ (Ni + 2)·u·ẑ_nj                           inputs rounded, Ni products summed
 *   δg⁽ⁱ⁾  ≤ C_F·u·M_i(z) + M_{i+1}(z)·δz               evaluation, then sensitivity to z
 *   δr_n   ≤ Σ_j |a_j| δg_nj + (Nh + 4)·u·(Σ_j |a_j| M_0 + |y_n|)
 *   δJ, δ∇²y: each factor's error times the other factors' magnitudes, plus (factors + 1)·u
 *            times the product's magnitude (its own roundings and the rounded inputs)
 *
 * and the Hessian entry (p, q):
 *
 *   E_pq = (1/N) Σ_n [ δJ_p Ĵ_q + Ĵ_p δJ_q + δr_n |∇²y_n|_pq + |r_n| δ∇²y_n,pq ]  +  (2N + 4)·u·Habs_pq,
 *   Habs_pq = (1/N) Σ_n [ Ĵ_p Ĵ_q + |r_n| |∇²y_n|_pq ]   (Ĵ, |∇²y| the magnitudes of the factors)
 *
 * (the last term: the 2N products of an entry summed, the 1/N, and GN + residual added).
 * Every term is proportional to u, so the bound is returned per unit roundoff: E = u·E₁.
 * First order: terms in u² are dropped, which is safe while (Ni + 2)·u·ẑ ≪ |z| scales, i.e.
 * for the moderate weight and input scales the models are drawn with. Not a probabilistic
 * estimate: measured errors of correct subjects sit one to three orders below it (reported as
 * worst error ÷ tolerance by `conform`).
 *
 * Cost O(N·P²) time, 2·P² float64 memory; the models checked are small (P ≲ 50).
 */
import { zeros, type Matrix } from '../../linalg/matrix.js';
import type { TwoLayerCase } from '../reference/twoLayerReference.js';
import { activationMagnitudes } from './activationMagnitudes.js';
import type { UnitErrorBound } from './unitErrorBound.js';

/**
 * Units of roundoff an implementation may spend evaluating g, g' or g'' at a point, relative
 * to M_i: a correctly rounded library function is ≤ 1 ulp, vectorised float32 kernels
 * (XNNPACK, SLEEF) ≤ 4 ulp, and derivative formulas such as −2t(1 − t²) add up to 4
 * roundings on top.
 */
export const C_F = 8;

export function twoLayerErrorBound(c: TwoLayerCase): UnitErrorBound {
  const { Ni, Nh, N, P, theta } = c;
  const X = c.problem.X.data;
  const y = c.problem.targets;
  const mags = activationMagnitudes(c.activation);
  const aOff = Nh * Ni;
  const E1 = zeros(P, P);
  const Habs = zeros(P, P);
  const e = E1.data;
  const h = Habs.data;
  // Per-sample work vectors.
  const J = new Float64Array(P); // Ĵ, magnitudes of J_n
  const dJ = new Float64Array(P); // δJ_n / u
  const M = new Float64Array(Nh * 4); // M_0..M_3 at z_nj
  const dg = new Float64Array(Nh * 3); // δg⁽ⁱ⁾ / u, i = 0..2
  for (let n = 0; n < N; n++) {
    const xo = n * Ni;
    let fHat = 0;
    let f = 0;
    let dr = 0;
    for (let j = 0; j < Nh; j++) {
      let z = 0;
      let zHat = 0;
      for (let k = 0; k < Ni; k++) {
        const w = theta[j * Ni + k];
        z += w * X[xo + k];
        zHat += Math.abs(w * X[xo + k]);
      }
      const dz = (Ni + 2) * zHat;
      const m = mags(z);
      for (let i = 0; i < 4; i++) M[j * 4 + i] = m[i];
      for (let i = 0; i < 3; i++) dg[j * 3 + i] = C_F * m[i] + m[i + 1] * dz;
      const a = Math.abs(theta[aOff + j]);
      f += theta[aOff + j] * c.activation.g(z);
      fHat += a * m[0];
      dr += a * dg[j * 3];
    }
    dr += (Nh + 4) * (fHat + Math.abs(y[n]));
    const absR = Math.abs(f - y[n]);
    // Ĵ and δJ/u.
    for (let j = 0; j < Nh; j++) {
      const a = Math.abs(theta[aOff + j]);
      for (let k = 0; k < Ni; k++) {
        const x = Math.abs(X[xo + k]);
        J[j * Ni + k] = a * M[j * 4 + 1] * x;
        dJ[j * Ni + k] = a * x * dg[j * 3 + 1] + 4 * J[j * Ni + k];
      }
      J[aOff + j] = M[j * 4];
      dJ[aOff + j] = dg[j * 3] + J[aOff + j];
    }
    // Gauss–Newton part: δJ_p Ĵ_q + Ĵ_p δJ_q, and Ĵ_p Ĵ_q.
    for (let p = 0; p < P; p++) {
      const Jp = J[p] / N;
      const dJp = dJ[p] / N;
      if (Jp === 0 && dJp === 0) continue;
      const row = p * P;
      for (let q = 0; q < P; q++) {
        e[row + q] += dJp * J[q] + Jp * dJ[q];
        h[row + q] += Jp * J[q];
      }
    }
    // Residual part: only the (jk)(jk') and (jk)(a_j) blocks of ∇²y_n are nonzero.
    const rN = absR / N;
    const drN = dr / N;
    for (let j = 0; j < Nh; j++) {
      const a = Math.abs(theta[aOff + j]);
      const M1 = M[j * 4 + 1];
      const M2 = M[j * 4 + 2];
      const dg1 = dg[j * 3 + 1];
      const dg2 = dg[j * 3 + 2];
      for (let k = 0; k < Ni; k++) {
        const xk = Math.abs(X[xo + k]);
        const p = j * Ni + k;
        for (let k2 = 0; k2 < Ni; k2++) {
          const xx = xk * Math.abs(X[xo + k2]);
          const R = a * M2 * xx;
          const dR = a * xx * dg2 + 6 * R;
          const q = j * Ni + k2;
          e[p * P + q] += drN * R + rN * dR;
          h[p * P + q] += rN * R;
        }
        const R = M1 * xk;
        const dR = xk * dg1 + 3 * R;
        const q = aOff + j;
        e[p * P + q] += drN * R + rN * dR;
        e[q * P + p] += drN * R + rN * dR;
        h[p * P + q] += rN * R;
        h[q * P + p] += rN * R;
      }
    }
  }
  const sumTerms = 2 * N + 4;
  for (let i = 0; i < e.length; i++) e[i] += sumTerms * h[i];
  return { E1, Habs };
}
