/**
 * Where the C2d law σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) (./spectralLaw.ts, docs/theory.md#c2d) is a
 * good description of the finite-size eigenvalue law it is the limit of — so `law` and `ks`
 * can warn when they are used outside it.
 *
 * Measure of the gap: the limit law's variance is low by Nh·σ1⁴, a fraction
 *     f = 1 / (Ni + 1 + 2(σ2/σ1)⁴)
 * of the exact finite-size variance (docs/theory.md#c2d, "Moments"). The KS distance between the
 * finite-size law and the limit law, measured by simulation (scratch run, n = 20000 draws per
 * point from src/spectrum/linearEnsembleSample.ts against the tabulated law, 17 points with
 * Nh, Ni ∈ [1, 200], σ2/σ1 ∈ [0.1, 1]), is D ≈ (0.15–0.25)·f wherever f ≥ 0.05 (below that it is
 * within the sampling noise 0.87/√n ≈ 0.006). FINITE_SIZE_KS_PER_DEFICIT = 0.25 takes the top.
 *
 *  - `law cdf`: the printed cdf values differ from the finite-size law's by about 0.25·f; warn
 *    when that exceeds LAW_CDF_TOLERANCE (0.01), i.e. Ni + 1 + 2(σ2/σ1)⁴ < 25.
 *  - `ks`: a KS test at level α resolves distances above c(α)/√n (c(α) = √(−½ ln(α/2)),
 *    Kolmogorov's limit; 1.63 at α = 0.01); warn when the finite-size distance is over half of
 *    that, so a sample from the right finite-size law risks rejection: 0.25·f > ½·c(α)/√n.
 *    The suite's own regimes (C2D_REGIMES) sit below this line — the same compromise
 *    docs/theory.md#statistics states for asymptotic laws.
 */
import type { SpectralLawParams } from './spectralLaw.js';

/** KS distance between the finite-size and the limit law per unit of variance deficit (measured; see header). */
export const FINITE_SIZE_KS_PER_DEFICIT = 0.25;
/** A cdf value off by more than this is worth a warning. */
export const LAW_CDF_TOLERANCE = 0.01;

/** f: the limit law's variance deficit relative to the exact finite-size variance. */
export function varianceDeficit(p: SpectralLawParams): number {
  return 1 / (p.Ni + 1 + 2 * (p.sigma2 / p.sigma1) ** 4);
}

/** Estimated KS distance between the finite-size law and the limit law. */
export function finiteSizeDistance(p: SpectralLawParams): number {
  return FINITE_SIZE_KS_PER_DEFICIT * varianceDeficit(p);
}

/** c(α)/√n: the distance a one-sample KS test at level α just resolves (Kolmogorov's limit). */
export function ksResolution(n: number, alpha: number): number {
  return Math.sqrt(-0.5 * Math.log(alpha / 2)) / Math.sqrt(n);
}

const pct = (x: number) => `${(100 * x).toPrecision(2)} %`;

function describe(p: SpectralLawParams): string {
  const f = varianceDeficit(p);
  return `at Ni = ${p.Ni}, Nh = ${p.Nh}, σ2/σ1 = ${Number((p.sigma2 / p.sigma1).toPrecision(3))} its variance is ${pct(f)} below the exact finite-size variance, and its cdf is off by about ${finiteSizeDistance(p).toPrecision(2)}`;
}

/** A warning for `law cdf`, or null inside the range. */
export function lawRangeWarning(p: SpectralLawParams): string | null {
  if (finiteSizeDistance(p) <= LAW_CDF_TOLERANCE) return null;
  return `the chi2-mp law is the Nh, Ni → ∞ limit: ${describe(p)} (above ${LAW_CDF_TOLERANCE}); it describes Hessian spectra only for larger Ni (Ni + 1 + 2(σ2/σ1)⁴ ≥ ${Math.ceil(FINITE_SIZE_KS_PER_DEFICIT / LAW_CDF_TOLERANCE)})`;
}

/** A warning for `ks` with n samples at level α, or null when the finite-size distance is below half the test's resolution. */
export function ksRangeWarning(p: SpectralLawParams, n: number, alpha: number): string | null {
  const d = finiteSizeDistance(p);
  const res = ksResolution(n, alpha);
  if (d <= 0.5 * res) return null;
  const nMax = Math.floor((0.5 * Math.sqrt(-0.5 * Math.log(alpha / 2)) / d) ** 2);
  return `the chi2-mp law is the Nh, Ni → ∞ limit: ${describe(p)}, over half of what a KS test of ${n} samples resolves at α = ${alpha} (${res.toPrecision(2)}), so samples from the exact finite-size law may be rejected; ${nMax >= 1 ? `at these sizes use at most ${nMax} samples, or larger Ni` : 'use larger Ni'}`;
}
