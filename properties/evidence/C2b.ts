/**
 * C2b evidence (discriminated by `kind`): the drawn linear net and its rank decision
 * (./rank.ts), for M ≻ 0 draws ('regular') and for the a = 0 counterexample ('zero-output'),
 * which also records the naive count min(Ni, N) it must reject where rank W is smaller.
 */
import { z } from 'zod';
import { LinearNetFields } from './linearNet.js';
import { RankDecisionSchema } from './rank.js';

export const C2bEvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('regular'), ...LinearNetFields, rank: RankDecisionSchema }),
  z.strictObject({ kind: z.literal('zero-output'), ...LinearNetFields, rank: RankDecisionSchema, naiveRank: z.number().int().nonnegative() }),
]);
export type C2bEvidence = z.infer<typeof C2bEvidenceSchema>;
export type C2bRegularEvidence = Extract<C2bEvidence, { kind: 'regular' }>;
export type C2bZeroOutputEvidence = Extract<C2bEvidence, { kind: 'zero-output' }>;
