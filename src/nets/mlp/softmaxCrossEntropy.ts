/**
 * Softmax cross-entropy for k classes, one sample with label y:
 *
 *   ℓ(f) = log Σ_c e^{f_c} − f_y,   p = softmax(f),   ∂ℓ/∂f = p − e_y,   ∇²ℓ = diag(p) − ppᵀ.
 *
 * Stability: log-sum-exp about the arg-max m (lse = f_m + log1p(Σ_{c≠m} e^{f_c − f_m}), every
 * exponent ≤ 0, so no overflow), p_c = e^{f_c − lse}. Near-one-hot p (p_m → 1) is where naive
 * formulas cancel: 1 − p_m, p_y − 1 and u_c − pᵀu lose all digits once 1 − p_m ~ eps. Each is
 * written as a sum over the other classes instead (loss = (f_m − f_y) + log1p(·), ∂ℓ/∂f_y =
 * −Σ_{c≠y} p_c, curvature product relative to u_m, factor entry 1 − p_c = Σ_{c'≠c} p_{c'}), so
 * every result is accurate relative to itself, to a few ulp times the logit magnitudes.
 *
 * ∇²ℓ = diag(p) − ppᵀ is PSD with null vector 1 (rank ≤ k − 1). With M = I − 1pᵀ one has
 * Mᵀ diag(p) M = diag(p) − 2ppᵀ + ppᵀ(Σp) = diag(p) − ppᵀ, hence the factorisation
 *   ∇²ℓ = Σ_c p_c (e_c − p)(e_c − p)ᵀ,
 * a sum of PSD rank-one terms whose vectors satisfy Σ_c p_c (e_c − p) = 0. Assembling
 * Gauss–Newton from it keeps it PSD up to rounding in the entries (no cancellation of
 * diag(p) against ppᵀ) and makes the rank bound k − 1 per sample visible.
 */
import type { OutputLoss } from './outputLoss.js';

export function softmaxCrossEntropyLoss(k: number, labels: Int32Array): OutputLoss {
  return {
    k,
    factorTerms: k,
    curvatureRowSumBound: 0.5,
    valueAndGradient(f, fOff, n, g, gOff, aux, auxOff) {
      // Reference class m = arg max f: lse = f_m + log1p(Σ_{c≠m} e^{f_c − f_m}), every exponent ≤ 0.
      let m = 0;
      for (let c = 1; c < k; c++) if (f[fOff + c] > f[fOff + m]) m = c;
      const fm = f[fOff + m];
      let rest = 0;
      for (let c = 0; c < k; c++) if (c !== m) rest += Math.exp(f[fOff + c] - fm);
      const lse = fm + Math.log1p(rest);
      for (let c = 0; c < k; c++) {
        // exp(f_c − lse) rather than e^{f_c − f_m}/(1 + rest): each p_c accurate relative to itself.
        const p = Math.exp(f[fOff + c] - lse);
        aux[auxOff + c] = p;
        g[gOff + c] = p;
      }
      // ∂ℓ/∂f_y = p_y − 1 = −Σ_{c≠y} p_c: the sum has no cancellation when p_y ≈ 1.
      const y = labels[n];
      let others = 0;
      for (let c = 0; c < k; c++) if (c !== y) others += aux[auxOff + c];
      g[gOff + y] = -others;
      // ℓ = lse − f_y = (f_m − f_y) + log1p(rest): exact-ish even when ℓ ≪ 1.
      return fm - f[fOff + y] + Math.log1p(rest);
    },
    curvatureTimes(p, pOff, u, uOff, out, outOff) {
      // p ⊙ (u − pᵀu) with u − pᵀu = (u_c − u_m) − Σ_{c'} p_{c'}(u_{c'} − u_m), m = arg max p:
      // the naive u_c − pᵀu cancels to eps·|u| when p is nearly one-hot, where the true value is
      // O(1 − p_m)·|u|; relative to u_m every term is small where it should be.
      let m = 0;
      for (let c = 1; c < k; c++) if (p[pOff + c] > p[pOff + m]) m = c;
      const um = u[uOff + m];
      let pu = 0;
      for (let c = 0; c < k; c++) if (c !== m) pu += p[pOff + c] * (u[uOff + c] - um);
      for (let c = 0; c < k; c++) out[outOff + c] = p[pOff + c] * (c === m ? -pu : u[uOff + c] - um - pu);
    },
    curvatureFactor(p, pOff, c, row) {
      // r_c = e_c − p with r_c[c] = 1 − p_c written as Σ_{c'≠c} p_{c'} (no cancellation at p_c ≈ 1).
      let others = 0;
      for (let i = 0; i < k; i++) {
        row[i] = -p[pOff + i];
        if (i !== c) others += p[pOff + i];
      }
      row[c] = others;
      return p[pOff + c];
    },
  };
}

/** Softmax probabilities of one logit vector (stable), for tests and reporting. */
export function softmax(f: ArrayLike<number>): Float64Array {
  let m = -Infinity;
  for (let c = 0; c < f.length; c++) if (f[c] > m) m = f[c];
  let s = 0;
  for (let c = 0; c < f.length; c++) s += Math.exp(f[c] - m);
  const lse = m + Math.log(s);
  return Float64Array.from(f, (v) => Math.exp(v - lse));
}
