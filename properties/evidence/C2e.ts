/**
 * Evidence of C2e (finite un-whitened data: the free multiplicative law), one shape per property:
 *  - 'small-data': KS of n eigenvalues of MC at small N/Ni against the free law, with the
 *    classical χ² ⊛ MP law as a wrong neighbour (expect 'reject'), the free law's numerical
 *    accuracy, the real-Hessian cross-check, and what the two law figures draw;
 *  - 'convergence': the two laws' sup-distance along the N/Ni ladder, and KS at the top where
 *    the classical law must agree (neighbour expect 'accept'), with the figure data.
 */
import { z } from 'zod';
import { KsTestSchema, LawFigureDataSchema } from './ks.js';

const count = z.number().int().nonnegative();

export const C2eSmallDataEvidenceSchema = z.strictObject({
  kind: z.literal('small-data'),
  N: count,
  Ni: count,
  Nh: count,
  /** c = Ni/N (6 significant digits). */
  c: z.number().positive(),
  ks: KsTestSchema,
  /** Largest |1 − mass| of the free law's Silverstein solutions before normalising (3 significant digits). */
  lawMassError: z.number().nonnegative(),
  /** Grid points where the Silverstein solver did not converge. */
  lawUnconverged: count,
  identityCrossCheckRatio: z.number().nonnegative(),
  figure: LawFigureDataSchema,
});

export const C2eConvergenceEvidenceSchema = z.strictObject({
  kind: z.literal('convergence'),
  /** The N/Ni ladder. */
  ratios: z.array(z.number().positive()),
  /** sup |F_free − F_classical| per ratio (4 significant digits). */
  lawDistance: z.array(z.number().nonnegative()),
  Nh: count,
  Ni: count,
  /** N at the top of the ladder, where the KS test runs. */
  N: count,
  ks: KsTestSchema,
  figure: LawFigureDataSchema,
});

export const C2eEvidenceSchema = z.discriminatedUnion('kind', [C2eSmallDataEvidenceSchema, C2eConvergenceEvidenceSchema]);
export type C2eEvidence = z.infer<typeof C2eEvidenceSchema>;
export type C2eSmallDataEvidence = z.infer<typeof C2eSmallDataEvidenceSchema>;
export type C2eConvergenceEvidence = z.infer<typeof C2eConvergenceEvidenceSchema>;
