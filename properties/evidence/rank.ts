/**
 * A rank decided in float64, as C2b and C3 record it (declared once, shared): the predicted and
 * measured rank, the rounding floor and σ_max of J/√N, the gap σ_r/σ_{r+1}, and the singular
 * values around the decided rank — σ_{r−3} … σ_{r+4} (src/linalg/singularValueWindow.ts),
 * not all min(N, P) of them — which is what the scree plots draw, normalised by σ_max.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

export const SingularValueWindowSchema = z.strictObject({
  /** 1-based index k of values[0]. */
  first: z.number().int().min(1),
  /** σ_first, σ_first+1, … (descending), exact. */
  values: z.array(z.number().nonnegative()),
  /** min(N, P): how many singular values J/√N has. */
  total: count,
});
export type SingularValueWindowEvidence = z.infer<typeof SingularValueWindowSchema>;

export const RankDecisionSchema = z.strictObject({
  predicted: count,
  measured: count,
  /** The prediction's formula, in words (theory/rankTable.ts, theory/linearNetwork.ts). */
  formula: z.string(),
  /** σ_r/σ_{r+1}; null when nothing was dropped or σ_{r+1} = 0 (an infinite gap). */
  gap: z.number().nullable(),
  sigmaMax: z.number().nonnegative(),
  /** The rounding floor max(N, P)·eps·σ_max. */
  tolerance: z.number().nonnegative(),
  singularValues: SingularValueWindowSchema,
});
export type RankDecision = z.infer<typeof RankDecisionSchema>;
