/**
 * Configurations for S3 (the BBP outlier of a spiked covariance). A case is one whole
 * experiment: R_DRAWS independent matrices at each of two sizes (N_SMALL, N_LARGE; the claim's
 * constants, theory/spikedCovariance.ts) at fixed γ = M/N, with spike ℓ = 1 + u·√γ, i.e.
 * u = (ℓ − 1)/√γ in units of the threshold distance (u > 1: outlier; u < 1: stuck to the edge).
 *
 * Ranges, and why:
 *  - 'above', u ∈ [1.8, 2.5]: (u − 1)√γ ≥ 0.4 keeps ℓ clear of the N^{−1/3} critical window
 *    (0.17 at N_LARGE), where the fluctuations are neither Gaussian nor Tracy–Widom; u ≤ 2.5 and
 *    γ ≥ GAMMA_MIN_ABOVE give the 'naive-spike' neighbour (offset ℓγ/(ℓ − 1)) ≥ 1.7 fluctuation
 *    sd at N_LARGE, i.e. ≥ 9 sd of a mean over R_DRAWS: power ≈ 1 for the same check.
 *  - 'below', u ∈ [0.2, 0.4]: the 'threshold-at-1' neighbour is off by √γ(u − 1)²/u ≥ 0.9√γ,
 *    ≥ 4.5 Tracy–Widom scales at N_LARGE for γ ≥ GAMMA_MIN_BELOW, and the subcritical spike
 *    shifts the TW mean by ≤ 0.15 scale there (measured, R = 400 per point).
 *  - γ on a grid of 1/GAMMA_GRID so M = γN is an integer at both sizes; plus GAMMA_WIDE (M > N:
 *    the bulk has an atom at 0 and the edge formula (1 + √γ)² still holds; the top eigenvalue
 *    is then computed on the N×N side).
 */
import * as fc from 'fast-check';
import { GAMMA_GRID, GAMMA_MAX, GAMMA_MIN_ABOVE, GAMMA_MIN_BELOW, GAMMA_WIDE } from '../../theory/spikedCovariance.js';
import { seedArb } from './common.js';

export type SpikedRegime = 'above' | 'below';

export interface SpikedCase {
  readonly regime: SpikedRegime;
  /** M/N, a multiple of 1/GAMMA_GRID, or GAMMA_WIDE. */
  readonly gamma: number;
  /** ℓ = 1 + u·√γ. */
  readonly u: number;
  readonly seed: number;
}

const gammaGrid = (lo: number, hi: number) =>
  fc.oneof({ weight: 5, arbitrary: fc.integer({ min: Math.round(lo * GAMMA_GRID), max: Math.round(hi * GAMMA_GRID) }).map((k) => k / GAMMA_GRID) }, { weight: 1, arbitrary: fc.constant(GAMMA_WIDE) });
const uIn = (lo: number, hi: number) => fc.integer({ min: Math.round(lo * 100), max: Math.round(hi * 100) }).map((k) => k / 100);

export const spikedAboveArb: fc.Arbitrary<SpikedCase> = fc.record({ regime: fc.constant<SpikedRegime>('above'), gamma: gammaGrid(GAMMA_MIN_ABOVE, GAMMA_MAX), u: uIn(1.8, 2.5), seed: seedArb });
export const spikedBelowArb: fc.Arbitrary<SpikedCase> = fc.record({ regime: fc.constant<SpikedRegime>('below'), gamma: gammaGrid(GAMMA_MIN_BELOW, GAMMA_MAX), u: uIn(0.2, 0.4), seed: seedArb });

export function spikeOf(c: Pick<SpikedCase, 'gamma' | 'u'>): number {
  return 1 + c.u * Math.sqrt(c.gamma);
}
