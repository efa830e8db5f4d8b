/**
 * Configurations for S2 (bulk and outliers) and S4 (connected basins): a ReLU MLP with two
 * hidden layers and a k-way softmax, trained on k Gaussian clusters (src/training/).
 *
 * Sizes come in two tiers (the run settings' size tier, passed to each arbitrary):
 *  - 'ci': `SIZES.ci` — the CI budget; the count's agreement rates at these sizes are measured
 *    in the headers of properties/definitions/bulkOutliers/*.ts;
 *  - 'paper' (the report's --full, or HC_SIZE_TIER=paper for vitest): `SIZES.paper`, wider nets
 *    and more data, closer to the paper's sizes: one k sweep ≈ 55 s, one width sweep ≈ 13 s,
 *    one S4 case ≈ 6 s (2 cores, shared).
 * Seeds are drawn by fast-check (from HC_SEED), so CI is deterministic and --full explores.
 */
import * as fc from 'fast-check';

import type { SizeTier } from '../../src/harness/runSettings.js';

/** One network and data set, and how it is trained. */
export interface ClusterNetConfig {
  readonly seed: number;
  /** Classes = clusters. */
  readonly k: number;
  readonly d: number;
  readonly N: number;
  /** Both hidden layers have this width. */
  readonly width: number;
  /** Within-cluster standard deviation (centres have unit variance per coordinate). */
  readonly spread: number;
  /** Fixed step. */
  readonly eta: number;
  /** Stop when the full-batch ‖∇L‖ ≤ this. */
  readonly gradientTolerance: number;
  /** Step cap; reaching it fails the case ("not near a minimum"). */
  readonly maxSteps: number;
  /** null: full-batch GD; else SGD with this batch size (full gradient checked every epoch). */
  readonly batchSize: number | null;
}

export interface SizeSet {
  readonly d: number;
  readonly N: readonly number[];
  readonly width: readonly number[];
  readonly spread: number;
  readonly ks: readonly number[];
  /** Widths of the width sweep, increasing. */
  readonly sweepWidths: readonly number[];
}

export const SIZES: Readonly<Record<SizeTier, SizeSet>> = {
  ci: { d: 20, N: [400], width: [32], spread: 0.25, ks: [2, 3, 4, 5, 6], sweepWidths: [24, 48] },
  paper: { d: 20, N: [400, 800], width: [32, 64], spread: 0.25, ks: [2, 3, 4, 5, 6, 8], sweepWidths: [24, 48, 96] },
};

/**
 * Training: a fixed step η (stable: the top Hessian eigenvalue measured at these sizes is ≤ 1,
 * far below 2/η) until the full-batch ‖∇L‖ ≤ gradientTolerance, capped at maxSteps (CI runs
 * converge in ≈ 50–150 steps).
 */
export const TRAINING = { eta: 0.2, gradientTolerance: 1e-2, maxSteps: 3000 } as const;

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

function baseArb(tier: SizeTier): fc.Arbitrary<Omit<ClusterNetConfig, 'k' | 'width'> & { width: number }> {
  const s = SIZES[tier];
  return fc.record({
    seed: seedArb,
    d: fc.constant(s.d),
    N: fc.constantFrom(...s.N),
    width: fc.constantFrom(...s.width),
    spread: fc.constant(s.spread),
    eta: fc.constant(TRAINING.eta),
    gradientTolerance: fc.constant(TRAINING.gradientTolerance),
    maxSteps: fc.constant(TRAINING.maxSteps),
    batchSize: fc.constant(null),
  });
}

/** A k sweep: sizes, `seeds` (data and initialisation), every k of the tier for each seed. */
export interface KSweepCase {
  readonly base: Omit<ClusterNetConfig, 'k'>;
  readonly seeds: readonly number[];
  readonly ks: readonly number[];
}

export function kSweepArb(seedsPerCase: number, tier: SizeTier): fc.Arbitrary<KSweepCase> {
  return fc.tuple(baseArb(tier), fc.uniqueArray(seedArb, { minLength: seedsPerCase, maxLength: seedsPerCase })).map(([base, seeds]) => ({ base, seeds, ks: [...SIZES[tier].ks] }));
}

/**
 * Small-batch SGD draws (batch N/10, full gradient checked every epoch): shared sizes, and
 * `draws` independent (seed, k) pairs, k ∈ {3, 4, 5}. The property tests the RATE of agreement
 * over the draws (properties/definitions/bulkOutliers/sgdDraws.ts), as the GD k sweep does.
 */
export interface SgdRateCase {
  readonly base: Omit<ClusterNetConfig, 'seed' | 'k' | 'batchSize'> & { readonly batchSize: number };
  readonly draws: ReadonlyArray<{ readonly seed: number; readonly k: number }>;
}

export function sgdRateArb(draws: number, tier: SizeTier): fc.Arbitrary<SgdRateCase> {
  return fc
    .tuple(baseArb(tier), fc.uniqueArray(seedArb, { minLength: draws, maxLength: draws }), fc.array(fc.integer({ min: 3, max: 5 }), { minLength: draws, maxLength: draws }))
    .map(([b, seeds, ks]) => {
      const { seed: _s, ...rest } = b;
      return { base: { ...rest, batchSize: Math.round(b.N / 10), maxSteps: 20 * TRAINING.maxSteps }, draws: seeds.map((seed, i) => ({ seed, k: ks[i] })) };
    });
}

/**
 * A width sweep: for each of `seeds` (data and initialisation), fixed data (seed, k, d, N) and
 * one net per width of the tier, in increasing order. The property pools the seeds
 * (properties/definitions/bulkOutliers/widthSweep.ts): counts as a rate, the bulk's decrease as
 * one test.
 */
export interface WidthSweepCase {
  readonly base: Omit<ClusterNetConfig, 'width' | 'seed'>;
  readonly seeds: readonly number[];
  readonly widths: readonly number[];
}

/**
 * k ∈ {2, 4} for the width sweep: the sweep asserts the count does not move with width, which
 * needs a k whose count is not itself at the edge between two levels of the outlier hierarchy
 * (at k = 3 and 6 the largest gap sometimes jumps level, see theory/bulkOutliers.ts); measured
 * at widths 12/24/48, seeds 1–3: k = 2 counted 2 everywhere, k = 4 counted 4 (once 5 at width 12).
 * Widths start at 24: below, P = 460 at width 12 is under N(k − 1) and the bulk ratio does not yet
 * fall with width (measured 12 → 24: +7% and +12%; 24 → 48: −45% and −31%; 48 → 96: −37%, −56%).
 */
export function widthSweepArb(seedsPerCase: number, tier: SizeTier): fc.Arbitrary<WidthSweepCase> {
  return fc.tuple(baseArb(tier), fc.constantFrom(2, 4), fc.uniqueArray(seedArb, { minLength: seedsPerCase, maxLength: seedsPerCase })).map(([b, k, seeds]) => {
    const { width: _w, seed: _s, ...rest } = b;
    return { base: { ...rest, k }, seeds, widths: [...SIZES[tier].sweepWidths] };
  });
}

/**
 * S4: one start, a full-batch GD run to ‖∇L‖ ≤ TRAINING.gradientTolerance (θ_A), then a
 * small-batch SGD continuation from θ_A (batch N/10, fixed step, a fixed number of epochs) to θ_B.
 */
export interface BasinCase {
  readonly net: ClusterNetConfig;
  /** SGD continuation: batch size and number of epochs. */
  readonly sgdBatch: number;
  readonly sgdEpochs: number;
  /**
   * Also train the 'independent start' solution (reported, never asserted): paper tier only,
   * to keep the CI budget (it is one more full-batch training per case).
   */
  readonly independentStart: boolean;
}

export const S4_SGD_EPOCHS: Readonly<Record<SizeTier, number>> = { ci: 30, paper: 200 };

export function basinCaseArb(tier: SizeTier): fc.Arbitrary<BasinCase> {
  return fc.tuple(baseArb(tier), fc.integer({ min: 2, max: 5 })).map(([b, k]) => ({ net: { ...b, k }, sgdBatch: Math.round(b.N / 10), sgdEpochs: S4_SGD_EPOCHS[tier], independentStart: tier === 'paper' }));
}
