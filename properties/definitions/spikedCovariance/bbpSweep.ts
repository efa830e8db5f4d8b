/**
 * S3's figure data: the BBP transition at one case's γ — the predicted top eigenvalue and the
 * 'threshold-at-1' neighbour on a grid of ℓ ∈ [1, 1 + 3√γ], and measured top eigenvalues (mean
 * ± sd of SWEEP_DRAWS matrices) at SWEEP_POINTS spikes ℓ = 1 + u√γ, u ∈ (0, 3), at both sizes.
 * The points close in on the curve as the size grows, fastest away from ℓ_c. Recorded in the
 * case's evidence (properties/evidence/S3.ts) so the report draws it without computing; it
 * decides nothing, so its numbers are rounded to 4 significant digits (a plot resolves ~1/400
 * of its axis) and the curves take CURVE_POINTS points: ≈ 2 KB per case.
 * Each (spike, size) has its own stream, seeded from the case's seed (seed + 7919·(point + 1)),
 * so the sweep never reuses the case's sample. Cost: 2·SWEEP_POINTS·SWEEP_DRAWS top
 * eigenvalues, ≈ 2× the case's own.
 */
import { neighbourTopEigenvalue, N_LARGE, N_SMALL, predictedTopEigenvalue, bbpThreshold } from '../../../theory/spikedCovariance.js';
import type { SpikedCase } from '../../arbitraries/spikedConfigs.js';
import type { S3BbpSweep } from '../../evidence/S3.js';
import { spikedSample } from './sample.js';

/** Spikes of the sweep, and matrices per (spike, size). */
export const SWEEP_POINTS = 9;
export const SWEEP_DRAWS = 8;
/** Grid points of the drawn curves (spacing 3√γ/80 in ℓ: the kink at ℓ_c is cut by at most that). */
export const CURVE_POINTS = 81;

const r4 = (v: number) => Number(v.toPrecision(4));

export function bbpSweep(c: Pick<SpikedCase, 'gamma' | 'seed'>): S3BbpSweep {
  const gamma = c.gamma;
  const ellTo = 1 + 3 * Math.sqrt(gamma);
  const grid = Array.from({ length: CURVE_POINTS }, (_, i) => 1 + ((ellTo - 1) * i) / (CURVE_POINTS - 1));
  const measured: S3BbpSweep['measured'] = [];
  for (let k = 0; k < SWEEP_POINTS; k++) {
    const u = Number(((3 * (k + 0.5)) / SWEEP_POINTS).toFixed(4));
    const seed = (c.seed + 7919 * (k + 1)) % 2 ** 31;
    for (const N of [N_SMALL, N_LARGE]) {
      const xs = spikedSample({ gamma, u, seed }, N, SWEEP_DRAWS);
      const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
      measured.push({ ell: r4(1 + u * Math.sqrt(gamma)), N, M: Math.round(gamma * N), mean: r4(mean), sd: r4(sd) });
    }
  }
  return {
    gamma,
    threshold: bbpThreshold(gamma),
    ellFrom: 1,
    ellTo,
    points: CURVE_POINTS,
    predicted: grid.map((ell) => r4(predictedTopEigenvalue({ ell, gamma }))),
    thresholdAt1: grid.slice(1).map((ell) => r4(neighbourTopEigenvalue({ ell, gamma }, 'threshold-at-1'))),
    draws: SWEEP_DRAWS,
    measured,
  };
}
