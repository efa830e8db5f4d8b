/**
 * S3 · the BBP outlier: what each case records (properties/definitions/spikedCovariance.ts).
 * Both properties record one shape (`regime` says which). Everything that decides the verdict
 * is unrounded (the top eigenvalues of every draw, the test statistics and bounds), so the
 * verdict can be re-derived from the JSON; the figure data (`bbpSweep`) is rounded to 4
 * significant digits, since it decides nothing.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const pair = z.tuple([z.number(), z.number()]);

/** A wrong neighbour through the location check at N_LARGE (it must miss: margin ≥ marginMin). */
export const S3NeighbourSchema = z.strictObject({
  id: z.enum(['naive-spike', 'threshold-at-1']),
  /** The neighbour's λ_max. */
  prediction: z.number(),
  zMean: z.number(),
  /** |z̄ − centre| ÷ tolerance. */
  margin: z.number(),
  pValue: z.number(),
  rejected: z.boolean(),
});
export type S3Neighbour = z.infer<typeof S3NeighbourSchema>;

/**
 * The BBP transition figure's data at the case's γ, recorded by the 'above' property only:
 * the predicted curve and the 'threshold-at-1' neighbour's on a uniform grid of ℓ (the
 * 'naive-spike' neighbour λ_max = ℓ is the grid itself), and the measured mean ± sd of
 * `draws` top eigenvalues at spikes across the transition, at both sizes (from streams of
 * their own, so they are not the case's sample).
 */
export const S3BbpSweepSchema = z.strictObject({
  gamma: z.number(),
  /** ℓ_c = 1 + √γ. */
  threshold: z.number(),
  /** ℓ grid: `points` evenly spaced values from `ellFrom` to `ellTo`. */
  ellFrom: z.number(),
  ellTo: z.number(),
  points: z.number().int().min(2),
  /** BBP prediction on the grid. */
  predicted: z.array(z.number()),
  /** 'threshold-at-1' neighbour on the grid without its first point (ℓ = 1, where it diverges). */
  thresholdAt1: z.array(z.number()),
  draws: count,
  measured: z.array(z.strictObject({ ell: z.number(), N: count, M: count, mean: z.number(), sd: z.number() })),
});
export type S3BbpSweep = z.infer<typeof S3BbpSweepSchema>;

export const S3EvidenceSchema = z.strictObject({
  regime: z.enum(['above', 'below']),
  supercritical: z.boolean(),
  gamma: z.number(),
  ell: z.number(),
  threshold: z.number(),
  /** The predicted limit of λ_max. */
  predicted: z.number(),
  /** [N_SMALL, N_LARGE] and the matching M = γN. */
  N: pair,
  M: pair,
  /** Draws per size. */
  R: count,
  alpha: z.number(),
  /** The location test at N_LARGE (asserted; the right-theory test) and at N_SMALL (recorded). */
  pValue: z.number(),
  pValueSmall: z.number(),
  zMean: z.number(),
  zMeanSmall: z.number(),
  centre: z.number(),
  /** Largest |z̄ − centre| with p ≥ alpha at N_LARGE. */
  tolerance: z.number(),
  /** Fluctuation scale s_N at both sizes. */
  scale: pair,
  /** Mean |λ_max − prediction| at both sizes; their ratio, its prediction and the bound asserted. */
  meanAbsError: pair,
  shrinkRatio: z.number(),
  shrinkRatioPredicted: z.number(),
  shrinkRatioBound: z.number(),
  /** Every draw's λ_max at N_SMALL and N_LARGE. */
  topSmall: z.array(z.number()),
  topLarge: z.array(z.number()),
  marginMin: z.number(),
  neighbours: z.array(S3NeighbourSchema),
  bbpSweep: S3BbpSweepSchema.nullable(),
});
export type S3Evidence = z.infer<typeof S3EvidenceSchema>;
