/**
 * Configurations for S3 (the BBP outlier of a spiked covariance). A case is one whole
 * experiment: R_DRAWS independent matrices at each of two sizes (N_SMALL, N_LARGE) at fixed
 * γ = M/N, with spike ℓ = 1 + u·√γ, i.e. u = (ℓ − 1)/√γ in units of the threshold distance
 * (u > 1: outlier; u < 1: stuck to the edge).
 *
 * Ranges, and why:
 *  - 'above', u ∈ [1.8, 2.5]: (u − 1)√γ ≥ 0.4 keeps ℓ clear of the N^{−1/3} critical window
 *    (0.17 at N = 200), where the fluctuations are neither Gaussian nor Tracy–Widom; u ≤ 2.5 and
 *    γ ≥ 0.26 give the 'naive-spike' neighbour (offset ℓγ/(ℓ − 1)) ≥ 1.7 fluctuation sd at
 *    N_LARGE, i.e. ≥ 9 sd of a mean over R_DRAWS: power ≈ 1 for the same check.
 *  - 'below', u ∈ [0.2, 0.4]: the 'threshold-at-1' neighbour is off by √γ(u − 1)²/u ≥ 0.9√γ,
 *    ≥ 4.5 Tracy–Widom scales at N_LARGE for γ ≥ 0.1, and the subcritical spike shifts the TW
 *    mean by ≤ 0.15 scale there (measured, R = 400 per point).
 *  - γ on a grid of 1/50 so M = γN is an integer at both sizes; plus γ = 2 (M > N: the bulk
 *    has an atom at 0 and the edge formula (1 + √γ)² still holds; the top eigenvalue is then
 *    computed on the N×N side).
 */
import * as fc from 'fast-check';
import { seedArb } from './common.js';

export type SpikedRegime = 'above' | 'below';

export interface SpikedCase {
  readonly regime: SpikedRegime;
  /** M/N, a multiple of 1/50. */
  readonly gamma: number;
  /** ℓ = 1 + u·√γ. */
  readonly u: number;
  readonly seed: number;
}

/** The two sizes (N; M = γN), 4× apart: fluctuations shrink by 2 above, by 4^{2/3} ≈ 2.52 below. */
export const N_SMALL = 50;
export const N_LARGE = 200;
/** Independent matrices per size (one top eigenvalue each). */
export const R_DRAWS = 32;

const gammaGrid = (lo: number, hi: number) => fc.oneof({ weight: 5, arbitrary: fc.integer({ min: Math.round(lo * 50), max: Math.round(hi * 50) }).map((k) => k / 50) }, { weight: 1, arbitrary: fc.constant(2) });
const uIn = (lo: number, hi: number) => fc.integer({ min: Math.round(lo * 100), max: Math.round(hi * 100) }).map((k) => k / 100);

export const spikedAboveArb: fc.Arbitrary<SpikedCase> = fc.record({ regime: fc.constant<SpikedRegime>('above'), gamma: gammaGrid(0.26, 1), u: uIn(1.8, 2.5), seed: seedArb });
export const spikedBelowArb: fc.Arbitrary<SpikedCase> = fc.record({ regime: fc.constant<SpikedRegime>('below'), gamma: gammaGrid(0.1, 1), u: uIn(0.2, 0.4), seed: seedArb });

export function spikeOf(c: Pick<SpikedCase, 'gamma' | 'u'>): number {
  return 1 + c.u * Math.sqrt(c.gamma);
}
