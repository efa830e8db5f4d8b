/**
 * Tolerance for comparing a float32 (tfjs) Hessian with the float64 closed form, as a
 * relative Frobenius error — derived, not tuned. Each tfjs entry accumulates at most K
 * rounded float32 terms (K = N·(Ni + Nh) for two-layer, N·(Ni + Σ widths) for deep linear).
 * Probabilistic rounding analysis (Higham & Mary 2019, SIAM J. Sci. Comput. 41(5)) gives,
 * with high probability, |error| ≲ λ·√K·u·Σ|terms| per entry, u = 2⁻²⁴, so
 *   ‖H_tf − H‖_F / ‖H‖_F ≲ λ·√K·u·κ,   κ = ‖H_abs‖_F / ‖H‖_F  (src/hessian/absoluteHessian.ts).
 * λ = 16 covers the fixed chain of kernels (matmuls, activation kernels accurate to a few
 * ulp, two reverse passes) and rounding θ, X, t to float32. Measured errors are 1–3·u·κ
 * (~1e-7); the tanh/sigmoid second-derivative trap is ≥ 1e-2 (test/autodiff).
 */
export const FLOAT32_UNIT_ROUNDOFF = 2 ** -24;
export const FLOAT32_KERNEL_CHAIN_FACTOR = 16;

export function float32RelativeTolerance(K: number, kappa: number): number {
  return FLOAT32_KERNEL_CHAIN_FACTOR * FLOAT32_UNIT_ROUNDOFF * Math.sqrt(K) * kappa;
}

/** K, the terms accumulated per Hessian entry, for a problem's shape. */
export function termsPerEntry(N: number, Ni: number, hiddenSizes: readonly number[]): number {
  return N * (Ni + hiddenSizes.reduce((s, n) => s + n, 0));
}
