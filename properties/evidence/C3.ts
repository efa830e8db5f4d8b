/**
 * C3 evidence (discriminated by `kind`): the drawn two-layer net (activation 'polynomial' for
 * coefficient lists), whether the prediction is theory.md's table or derived, and the rank
 * decision (./rank.ts); the Alexander–Hirschowitz cases also record the naive count
 * min(Nh·Ni, C(Ni+k−1, k)) they must reject.
 */
import { z } from 'zod';
import { RankDecisionSchema } from './rank.js';

const count = z.number().int().nonnegative();
const net = { activation: z.string(), Ni: count, Nh: count, N: count, P: count, basis: z.enum(['theory.md', 'derived']), rank: RankDecisionSchema };

export const C3EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('table'), ...net }),
  z.strictObject({ kind: z.literal('alexander-hirschowitz'), ...net, naiveRank: count }),
]);
export type C3Evidence = z.infer<typeof C3EvidenceSchema>;
export type C3TableEvidence = Extract<C3Evidence, { kind: 'table' }>;
