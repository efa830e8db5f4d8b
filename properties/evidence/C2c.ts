/**
 * C2c evidence: the drawn whitened two-layer net, the worst eigenvalue error against the
 * tolerance (rounding plus the whitening error ‖M‖_F‖C − I‖_F), the copies of ‖a‖² counted and
 * expected, and — only where Ni > Nh, the cases the figure draws — the Ni eigenvalues measured
 * and predicted (null otherwise).
 */
import { z } from 'zod';
import { EigenvaluePairsSchema, LinearNetFields } from './linearNet.js';

const count = z.number().int().nonnegative();

export const C2cEvidenceSchema = z.strictObject({
  ...LinearNetFields,
  maxEigenvalueError: z.number().nonnegative(),
  tolerance: z.number().nonnegative(),
  whiteningError: z.number().nonnegative(),
  copiesOfA2: count,
  expectedCopies: count,
  eigenvalues: EigenvaluePairsSchema.nullable(),
});
export type C2cEvidence = z.infer<typeof C2cEvidenceSchema>;
