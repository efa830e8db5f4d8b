/**
 * C2a evidence: the drawn linear net, the worst errors of the top min(Ni, N) eigenvalues, the
 * structural zeros and the trace against their tolerance, and those eigenvalues, measured and
 * predicted (≤ 7 pairs), for the figure of representative cases.
 */
import { z } from 'zod';
import { EigenvaluePairsSchema, LinearNetFields } from './linearNet.js';

export const C2aEvidenceSchema = z.strictObject({
  ...LinearNetFields,
  maxEigenvalueError: z.number().nonnegative(),
  otherEigenvaluesMax: z.number().nonnegative(),
  traceError: z.number().nonnegative(),
  tolerance: z.number().nonnegative(),
  eigenvalues: EigenvaluePairsSchema,
});
export type C2aEvidence = z.infer<typeof C2aEvidenceSchema>;
