/**
 * S2 · bulk and outliers: what each case records (properties/definitions/bulkOutliers/), one
 * shape per property, told apart by `kind`. Everything the report draws is here: every net's
 * top eigenvalues with its count (spectra, count against k), the width sweep's bulk ratios
 * (bulk against width). Nothing that decides a verdict is rounded: a count can be recomputed
 * from `top` by theory/bulkOutliers.ts countOutliers, and every p-value is the one tested.
 * A +∞ gap (a non-positive eigenvalue below the edge) is recorded as null (JSON has no ∞).
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** One trained net: its training summary and its outlier count (theory/bulkOutliers.ts rule 0). */
export const S2NetSchema = z.strictObject({
  /** Data and initialisation seed. */
  seed: count,
  k: z.number().int().min(2),
  /** Both hidden layers. */
  width: z.number().int().positive(),
  steps: count,
  /** Passes over the data (= steps for full-batch GD). */
  epochs: z.number().nonnegative(),
  finalLoss: z.number(),
  /** Full-batch ‖∇L‖ at the end. */
  gradientNorm: z.number(),
  accuracy: z.number(),
  /** Training reached the gradient tolerance. */
  converged: z.boolean(),
  lanczosConverged: z.boolean(),
  count,
  /** Largest ratio gap λ_c/λ_{c+1} (null: +∞). */
  gap: z.number().nullable(),
  runnerUpGap: z.number().nullable(),
  /** The count survives the Lanczos error bounds. */
  decisive: z.boolean(),
  /** The top m Ritz values, descending (m = the case's `mTop`). */
  top: z.array(z.number()).min(2),
});
export type S2Net = z.infer<typeof S2NetSchema>;

/** A wrong neighbour through the claim's rate rule (it must be rejected: `rejected`). */
export const S2NeighbourSchema = z.strictObject({
  /** theory/bulkOutliers.ts COUNT_NEIGHBOURS id. */
  id: z.string(),
  agreements: count,
  draws: count,
  /** P(Bin(draws, agreementRate) ≤ agreements). */
  pValue: z.number(),
  rejected: z.boolean(),
});
export type S2Neighbour = z.infer<typeof S2NeighbourSchema>;

/** The binomial rate test of "count within ±tolerance of k" over a case's draws, and its rule. */
const rateFields = {
  N: count,
  d: count,
  /** Eigenvalues taken from the top, and the smallest gap that counts (the counting rule). */
  mTop: count,
  minGap: z.number(),
  /** ±tolerance on the count, the rate asserted, the test's level. */
  tolerance: count,
  agreementRate: z.number(),
  alpha: z.number(),
  agreements: count,
  draws: count,
  /** P(Bin(draws, agreementRate) ≤ agreements): the test under the right theory (≥ alpha passes). */
  pValue: z.number(),
  neighbours: z.array(S2NeighbourSchema),
};

/** GD k sweep: every (seed, k) net, seed-major. */
export const S2KSweepSchema = z.strictObject({
  kind: z.literal('k-sweep'),
  width: z.number().int().positive(),
  nets: z.array(S2NetSchema),
  maxCountError: count,
  allDecisive: z.boolean(),
  ...rateFields,
});

/** Small-batch SGD: independent (seed, k) draws. */
export const S2SgdSchema = z.strictObject({
  kind: z.literal('sgd-draws'),
  width: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  nets: z.array(S2NetSchema),
  maxCountError: count,
  allDecisive: z.boolean(),
  ...rateFields,
});

/** A width-sweep net: also its bulk's RMS eigenvalue ÷ λ_1 (deflated Hutchinson) and its standard error. */
export const S2WidthNetSchema = S2NetSchema.extend({
  bulkRmsOverTop: z.number(),
  bulkRmsOverTopStdError: z.number().nullable(),
});

/** The pooled one-sided test of the bulk's decrease at one width step (theory/bulkOutliers.ts pooledBulkDecrease). */
export const S2BulkStepSchema = z.strictObject({
  fromWidth: z.number().int().positive(),
  toWidth: z.number().int().positive(),
  /** Per seed: log ρ(from) − log ρ(to). */
  logDecreases: z.array(z.number()),
  z: z.number().nullable(),
  /** One-sided p under the width-blind neighbour (< bulkAlpha: the decrease stands). */
  pValue: z.number(),
  decreased: z.boolean(),
});

/** Width sweep at fixed data: nets seed-major (nets[s·W + i] is seeds[s] at widths[i]). */
export const S2WidthSweepSchema = z.strictObject({
  kind: z.literal('width-sweep'),
  k: z.number().int().min(2),
  seeds: z.array(count),
  widths: z.array(z.number().int().positive()),
  /** Parameters per width. */
  P: z.array(count),
  nets: z.array(S2WidthNetSchema),
  /** Per width: the geometric mean over seeds of bulkRmsOverTop (the report's curve). */
  bulkRmsOverTop: z.array(z.number()),
  bulkProbes: count,
  bulkAlpha: z.number(),
  bulkSteps: z.array(S2BulkStepSchema),
  ...rateFields,
});

export const S2EvidenceSchema = z.discriminatedUnion('kind', [S2KSweepSchema, S2SgdSchema, S2WidthSweepSchema]);
export type S2Evidence = z.infer<typeof S2EvidenceSchema>;
export type S2KSweepEvidence = z.infer<typeof S2KSweepSchema>;
export type S2SgdEvidence = z.infer<typeof S2SgdSchema>;
export type S2WidthSweepEvidence = z.infer<typeof S2WidthSweepSchema>;
export type S2WidthNet = z.infer<typeof S2WidthNetSchema>;
