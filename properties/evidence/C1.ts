/**
 * C1 evidence, one shape per route (discriminated by `kind`):
 *  - at-optimum: the residual term's largest entry (exactly 0 expected) and JᵀJ/N against
 *    finite differences (ratio to the route's error estimate, ≤ 1 passes);
 *  - off-optimum: Gauss–Newton + residual against finite differences, and the wrong neighbour
 *    "Gauss–Newton alone" by the same ratio (> 1 rejects it; owed where ‖R‖_F > 0);
 *  - autodiff: the tfjs float32 Hessian's relative error against its tolerance, and the raw
 *    tfjs tanh/sigmoid neighbour's (null where it was not owed).
 * A finite-difference ratio is null when infinite (the estimate is 0 where the routes differ).
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const ratio = z.number().nonnegative().nullable();

export const C1EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('at-optimum'), P: count, N: count, residualTermMax: z.number().nonnegative(), fdRatio: ratio }),
  z.strictObject({ kind: z.literal('off-optimum'), P: count, N: count, fdRatio: ratio, gaussNewtonOnlyRatio: ratio, residualTermNorm: z.number().nonnegative() }),
  z.strictObject({
    kind: z.literal('autodiff'),
    P: count,
    N: count,
    relError: z.number().nonnegative(),
    tolerance: z.number().positive(),
    kappa: z.number().nonnegative(),
    backend: z.string(),
    naiveRelError: z.number().nonnegative().nullable(),
  }),
]);
export type C1Evidence = z.infer<typeof C1EvidenceSchema>;
export type C1AtOptimumEvidence = Extract<C1Evidence, { kind: 'at-optimum' }>;
export type C1OffOptimumEvidence = Extract<C1Evidence, { kind: 'off-optimum' }>;
export type C1AutodiffEvidence = Extract<C1Evidence, { kind: 'autodiff' }>;
