/**
 * Squared error on k outputs, one sample with target t (row n of the N×k targets), scaled
 * by a constant c > 0:
 *
 *   ℓ(f) = c·Σ_c (f_c − t_c)²,   ∂ℓ/∂f = 2c·(f − t),   ∇²ℓ = 2c·I_k.
 *
 * c = 1 is PyTorch's nn.MSELoss per sample (before the reduction divides by the entries);
 * c = ½ is the papers' half-squared error (docs/theory.md#setting: L = 1/(2N) Σ_n r_n²), whose
 * Gauss–Newton term is (1/N) Σ_n J_nᵀJ_n. With c = ½ every factor 2c is exactly 1, so the
 * results are bitwise those of the engine's former ½-scaled 'mse'.
 * Factorisation for Gauss–Newton: 2c·I = Σ_c 2c·e_c e_cᵀ (rank ≤ k per sample).
 */
import type { OutputLoss } from './outputLoss.js';

export function squaredErrorLoss(k: number, targets: Float64Array, c: number): OutputLoss {
  const twoC = 2 * c;
  return {
    k,
    factorTerms: k,
    curvatureRowSumBound: twoC,
    valueAndGradient(f, fOff, n, g, gOff, aux, auxOff) {
      let s = 0;
      const t = n * k;
      for (let i = 0; i < k; i++) {
        const r = f[fOff + i] - targets[t + i];
        aux[auxOff + i] = r;
        g[gOff + i] = twoC * r;
        s += r * r;
      }
      return c * s;
    },
    curvatureTimes(_aux, _auxOff, u, uOff, out, outOff) {
      for (let i = 0; i < k; i++) out[outOff + i] = twoC * u[uOff + i];
    },
    curvatureFactor(_aux, _auxOff, i, row) {
      row.fill(0, 0, k);
      row[i] = 1;
      return twoC;
    },
  };
}
