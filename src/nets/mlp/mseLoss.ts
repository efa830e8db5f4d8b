/**
 * Squared error on k outputs, one sample with target t (row n of the N×k targets):
 *
 *   ℓ(f) = ½ Σ_c (f_c − t_c)²,   ∂ℓ/∂f = f − t,   ∇²ℓ = I_k.
 *
 * The ½ matches theory.md §1 (L = 1/(2N) Σ_n r_n² for scalar output), so the Gauss–Newton
 * term is (1/N) Σ_n J_nᵀJ_n and the residual term (1/N) Σ_n Σ_c r_{n,c} ∇²f_{n,c}.
 * Factorisation for Gauss–Newton: I = Σ_c e_c e_cᵀ (rank ≤ k per sample).
 */
import type { OutputLoss } from './outputLoss.js';

export function mseLoss(k: number, targets: Float64Array): OutputLoss {
  return {
    k,
    factorTerms: k,
    curvatureRowSumBound: 1,
    valueAndGradient(f, fOff, n, g, gOff, aux, auxOff) {
      let s = 0;
      const t = n * k;
      for (let c = 0; c < k; c++) {
        const r = f[fOff + c] - targets[t + c];
        aux[auxOff + c] = r;
        g[gOff + c] = r;
        s += r * r;
      }
      return 0.5 * s;
    },
    curvatureTimes(_aux, _auxOff, u, uOff, out, outOff) {
      for (let c = 0; c < k; c++) out[outOff + c] = u[uOff + c];
    },
    curvatureFactor(_aux, _auxOff, c, row) {
      row.fill(0, 0, k);
      row[c] = 1;
      return 1;
    },
  };
}
