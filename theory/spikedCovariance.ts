/**
 * S3 · spiked covariance: the BBP outlier (theory.md §S3; Sagun et al. 2018, appendix).
 *
 * Setting. Per-sample gradients g_n ∈ R^M (n = 1..N) i.i.d. N(0, Σ), Σ = diag(ℓ, 1, …, 1), ratio
 * γ = M/N (theory.md calls it α; here γ, to keep α for significance levels). Their empirical
 * covariance S = (1/N) Σ g_n g_nᵀ is the Gauss–Newton matrix (= the Hessian) XᵀX/N of least
 * squares y = wᵀx with inputs x ~ N(0, Σ). As M, N → ∞ with M/N → γ (Baik, Ben Arous & Péché
 * 2005, Ann. Probab. 33:1643, complex case; Baik & Silverstein 2006, J. Multivariate Anal.
 * 97:1382, and Paul 2007, Statist. Sinica 17:1617, real case), almost surely
 *
 *     λ_max(S) → ρ(ℓ) = ℓ(1 + γ/(ℓ − 1))   if ℓ > ℓ_c = 1 + √γ      (an outlier)
 *     λ_max(S) → (1 + √γ)²                 if ℓ ≤ ℓ_c               (the bulk edge)
 *
 * (ρ is continuous at ℓ_c, where it equals (1 + √γ)²; for γ > 1 the bulk has an atom 1 − 1/γ at 0
 * and the edge formula still holds.)
 *
 * FLUCTUATIONS, which set the finite-size tolerances of the property:
 *  - above ℓ_c (Paul 2007, Thm 3, real Gaussian data): √N(λ_max − ρ) ⇒ N(0, σ_ρ²) with
 *    σ_ρ² = 2ℓ²(1 − γ/(ℓ − 1)²). The O(1/N) bias of the mean is, to first order, that of a fixed-M
 *    sample covariance (Lawley 1956, Biometrika 43:128): E λ_max = ℓ(1 + (M − 1)/(N(ℓ − 1))) + …,
 *    i.e. ρ − ℓ/(N(ℓ − 1)) at γ = M/N (measured: it accounts for the bias at N = 50 to ±0.05 sd).
 *  - below ℓ_c (Johnstone 2001, Ann. Statist. 29:295; spike-free limit, Baik–Ben Arous–Péché for
 *    a subcritical spike): (λ_max − μ_N)/s_N ⇒ TW₁ (Tracy–Widom, GOE), μ_N = (√N + √M)²/N =
 *    (1 + √γ)², s_N = (√N + √M)(1/√N + 1/√M)^{1/3}/N = O(N^{−2/3}); E TW₁ = −1.2065, sd 1.2680.
 *
 * WRONG NEIGHBOURS (the property puts them through the same check):
 *  - 'naive-spike': λ_max = ℓ (the population eigenvalue: ignores the bulk's push ℓγ/(ℓ − 1)
 *    above and the edge below);
 *  - 'threshold-at-1': the outlier formula ℓ(1 + γ/(ℓ − 1)) for every ℓ > 1 (threshold without
 *    √γ); differs from the right prediction only for 1 < ℓ ≤ ℓ_c, by √γ(u − 1)²/u at ℓ = 1 + u√γ.
 *
 * Errors: throws naming the field for ℓ ≤ 0, γ ≤ 0 or non-finite input.
 */
import { SAGUN, type Claim } from './claim.js';

export interface SpikedParams {
  /** Spike ℓ > 0: the population variance of the first gradient coordinate. */
  readonly ell: number;
  /** Ratio γ = M/N > 0. */
  readonly gamma: number;
}

export type SpikedNeighbour = 'naive-spike' | 'threshold-at-1';
export const SPIKED_NEIGHBOURS: readonly SpikedNeighbour[] = ['naive-spike', 'threshold-at-1'];

/** E TW₁ and sd TW₁ (Tracy–Widom GOE; Bornemann 2010, Math. Comp. 79:871, Table 10). */
export const TW1_MEAN = -1.2065335745820;
export const TW1_SD = Math.sqrt(1.6077810345810);

function validate(fn: string, p: SpikedParams): void {
  if (!(Number.isFinite(p.ell) && p.ell > 0)) throw new Error(`${fn}: field \`ell\` must be a finite number > 0 (got ${p.ell}); pass the spike variance`);
  if (!(Number.isFinite(p.gamma) && p.gamma > 0)) throw new Error(`${fn}: field \`gamma\` must be a finite number > 0 (got ${p.gamma}); pass M/N`);
}

/** The BBP threshold ℓ_c = 1 + √γ. */
export function bbpThreshold(gamma: number): number {
  return 1 + Math.sqrt(gamma);
}

/** The bulk's upper edge (1 + √γ)². */
export function bulkEdge(gamma: number): number {
  return (1 + Math.sqrt(gamma)) ** 2;
}

/** True when ℓ > 1 + √γ (the top eigenvalue separates from the bulk). */
export function isSupercritical(p: SpikedParams): boolean {
  validate('isSupercritical', p);
  return p.ell > bbpThreshold(p.gamma);
}

/** The predicted limit of λ_max: ℓ(1 + γ/(ℓ − 1)) above the threshold, (1 + √γ)² below. */
export function predictedTopEigenvalue(p: SpikedParams): number {
  validate('predictedTopEigenvalue', p);
  return p.ell > bbpThreshold(p.gamma) ? p.ell * (1 + p.gamma / (p.ell - 1)) : bulkEdge(p.gamma);
}

/** A wrong neighbour's prediction of λ_max. */
export function neighbourTopEigenvalue(p: SpikedParams, which: SpikedNeighbour): number {
  validate('neighbourTopEigenvalue', p);
  switch (which) {
    case 'naive-spike':
      return p.ell;
    case 'threshold-at-1':
      return p.ell > 1 ? p.ell * (1 + p.gamma / (p.ell - 1)) : bulkEdge(p.gamma);
    default:
      throw new Error(`neighbourTopEigenvalue: field \`which\` must be one of ${SPIKED_NEIGHBOURS.join(', ')} (got ${JSON.stringify(which)})`);
  }
}

/** Above the threshold: the sd of √N(λ_max − ρ), σ_ρ = ℓ√(2(1 − γ/(ℓ − 1)²)) (Paul 2007). */
export function outlierSd(p: SpikedParams): number {
  validate('outlierSd', p);
  return p.ell * Math.sqrt(Math.max(0, 2 * (1 - p.gamma / (p.ell - 1) ** 2)));
}

/** Above the threshold: the first-order bias of E λ_max at N samples, −ℓ/(N(ℓ − 1)) (Lawley 1956). */
export function outlierBias(p: SpikedParams, N: number): number {
  validate('outlierBias', p);
  return -p.ell / (N * (p.ell - 1));
}

/** Below the threshold: Johnstone's Tracy–Widom scale s = (√N + √M)(1/√N + 1/√M)^{1/3}/N. */
export function edgeScale(M: number, N: number): number {
  if (!(Number.isInteger(M) && M >= 1 && Number.isInteger(N) && N >= 1)) throw new Error(`edgeScale: fields \`M\`, \`N\` must be integers ≥ 1 (got ${M}, ${N})`);
  return ((Math.sqrt(N) + Math.sqrt(M)) * (1 / Math.sqrt(N) + 1 / Math.sqrt(M)) ** (1 / 3)) / N;
}

/** The claim S3 as the suite states it (docs/theory.md#s3). */
export const S3_CLAIM: Claim = {
    id: 'S3',
    title: 'Spiked covariance: the BBP outlier',
    statement: 'Per-sample gradients with population covariance diag(ℓ, 1, …, 1) and ratio α = M/N (the Hessian XᵀX/N of least squares on x ~ N(0, Σ)): for ℓ > 1 + √α the top eigenvalue sits at ℓ(1 + α/(ℓ − 1)) with Gaussian O(N^{−1/2}) fluctuations; below, at the bulk edge (1 + √α)² with Tracy–Widom O(N^{−2/3}) fluctuations; its error shrinks from N = 50 to N = 200 at fixed α (α ∈ [0.1, 1] and 2). Mean of 32 independent top eigenvalues per size, z-test at α = 0.001 per case; wrong neighbours "λ_max = ℓ" and "threshold at ℓ > 1" rejected by the same test.',
    source: `${SAGUN} appendix (Baik–Ben Arous–Péché 2005; Paul 2007; Johnstone 2001)`,
    kind: 'statistical',
    testedIn: 'properties/S3.spikedCovariance.test.ts',
};
