/**
 * C3 evidence (discriminated by `kind`):
 *  - 'table': the drawn two-layer net (activation 'polynomial' for coefficient lists), its
 *    degeneracy ('none', 'duplicate', 'reflect', 'rescale', 'zero-output', 'combined'), whether the
 *    prediction is docs/theory.md's table or derived, and the rank decision (./rank.ts);
 *  - 'alexander-hirschowitz': the same, plus the naive count min(Nh·Ni, C(Ni+k−1, k)) it must reject;
 *  - 'no-claim': a case where the table makes no claim — its reason, and the rank measured anyway
 *    (recorded, not asserted; reported as "no claim", never as a match);
 *  - 'tolerance-probe': the rank rule's tolerance pinned on the case's own J: a singular value of
 *    `keptFactor`·tol must be kept and one of `droppedFactor`·tol dropped; each mutated rule
 *    (tolerance ×10, ÷10) must get one of them wrong (`caught`).
 * `degeneracy` is optional so reports recorded before it existed still read.
 */
import { z } from 'zod';
import { RankDecisionSchema, SingularValueWindowSchema } from './rank.js';

const count = z.number().int().nonnegative();
const sizes = { activation: z.string(), Ni: count, Nh: count, N: count, P: count, degeneracy: z.string().optional() };
const net = { ...sizes, basis: z.enum(['theory.md', 'derived']), rank: RankDecisionSchema };

/** A rank measured without a prediction (no-claim cases). */
export const RankMeasurementSchema = z.strictObject({
  measured: count,
  gap: z.number().nullable(),
  sigmaMax: z.number().nonnegative(),
  tolerance: z.number().nonnegative(),
  /** σ_r ≥ KEPT_MARGIN_MIN·tol: the measurement itself is decisive. */
  clear: z.boolean(),
  singularValues: SingularValueWindowSchema,
});

export const ToleranceMutantSchema = z.strictObject({
  /** e.g. 'tol ×10', 'tol ÷10'. */
  id: z.string(),
  keptMeasured: count,
  droppedMeasured: count,
  caught: z.boolean(),
});

export const C3EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('table'), ...net }),
  z.strictObject({ kind: z.literal('alexander-hirschowitz'), ...net, naiveRank: count }),
  z.strictObject({ kind: z.literal('no-claim'), ...sizes, reason: z.string(), rank: RankMeasurementSchema }),
  z.strictObject({
    kind: z.literal('tolerance-probe'),
    ...sizes,
    /** The case's decided rank r and its tolerance max(N, P)·eps·σ_max. */
    baseRank: count,
    tolerance: z.number().nonnegative(),
    /** σ_{r+1}/tol of the case itself (the rounding noise against the floor); null when nothing was dropped. */
    noiseRatio: z.number().nullable(),
    keptFactor: z.number(),
    droppedFactor: z.number(),
    /** Ranks the real rule measured on the two probes (r + 1 and r expected). */
    keptMeasured: count,
    droppedMeasured: count,
    mutants: z.array(ToleranceMutantSchema),
  }),
]);
export type C3Evidence = z.infer<typeof C3EvidenceSchema>;
export type C3TableEvidence = Extract<C3Evidence, { kind: 'table' }>;
export type C3NoClaimEvidence = Extract<C3Evidence, { kind: 'no-claim' }>;
export type C3ProbeEvidence = Extract<C3Evidence, { kind: 'tolerance-probe' }>;
