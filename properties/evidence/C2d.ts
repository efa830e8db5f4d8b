/**
 * Evidence of C2d (law of the whitened linear spectrum), one shape per property:
 *  - 'law': one KS test of n i.i.d. eigenvalues against σ2²χ²(Nh) ⊛ Nh·σ1²·MP(γ), its wrong
 *    neighbours, the moment z-scores, the real-Hessian cross-check of the sampling identity,
 *    and (for the regimes the report draws) what the two law figures draw;
 *  - 'trend': the KS distance to the asymptotic law along a size ladder at fixed γ;
 *  - 'ks-power': the KS companion — the real KS component against an independent route, and the
 *    mutated components it must catch.
 */
import { z } from 'zod';
import { KsTestSchema, LawFigureDataSchema } from './ks.js';

const count = z.number().int().nonnegative();

export const C2dLawEvidenceSchema = z.strictObject({
  kind: z.literal('law'),
  /** Regime id (properties/arbitraries/lawConfigs.ts C2D_REGIMES). */
  regime: z.string(),
  Nh: count,
  Ni: count,
  /** γ = Ni/Nh (6 significant digits). */
  gamma: z.number().positive(),
  /** The teacher's first-layer weight scale (σ2 = σ2/σ1 of the regime × σ1). */
  sigma1: z.number().positive(),
  ks: KsTestSchema,
  /** (sample mean − Nh(σ1² + σ2²)) / √(V_exact/n); must be within ±MOMENT_Z. */
  meanZ: z.number(),
  /** (s² − V_exact) / delta-method se; must be within ±MOMENT_Z. */
  varianceZ: z.number(),
  /** The same against docs/theory.md's limit variance (recorded, not asserted). */
  varianceLimitZ: z.number(),
  /** Worst |λ_Hessian − λ_identity| ÷ tolerance over the real Hessians built (≤ 1 passes). */
  identityCrossCheckRatio: z.number().nonnegative(),
  /** Figure data; null for the regimes the report does not draw (definitions/C2d/law.ts). */
  figure: LawFigureDataSchema.nullable(),
  /**
   * The right law's KS result re-derived by the independent route (definitions/C2d/ksRoute.ts):
   * D from a two-sample statistic on a fine grid, p from Durbin's exact law. Optional: reports
   * recorded before it existed still read.
   */
  ksRoute: z
    .strictObject({ dRoute: z.number(), pRoute: z.number(), dError: z.number().nonnegative(), dBound: z.number().nonnegative(), pRelError: z.number().nonnegative(), agrees: z.boolean() })
    .optional(),
});

/** The KS companion (definitions/C2d/ksPower.ts): the real component agrees with the route, each mutant is caught. */
export const C2dKsPowerEvidenceSchema = z.strictObject({
  kind: z.literal('ks-power'),
  n: count,
  samples: count,
  /** Samples on which the real component agreed with the route (all required). */
  realAgree: count,
  realWorstPRelError: z.number().nonnegative(),
  realWorstDError: z.number().nonnegative(),
  /** Per mutant: samples on which it differed from the real component, and on which the route caught it (≥ 1 required). */
  mutants: z.array(z.strictObject({ id: z.string(), wrong: count, caught: count })),
});

export const C2dTrendEvidenceSchema = z.strictObject({
  kind: z.literal('trend'),
  gamma: z.number().positive(),
  /** The ladder Nh (Ni = γ·Nh). */
  Nh: z.array(count),
  /** KS distance per size (6 significant digits). */
  D: z.array(z.number().nonnegative()),
  /** KS p-value per size (the smallest size must be rejected; not right-theory tests). */
  pValues: z.array(z.number().min(0).max(1)),
  n: count,
  alpha: z.number().min(0).max(1),
  strictlyDecreasing: z.boolean(),
  /** Allowed growth of D from one size to the next (TREND_NOISE_SLACK/√n). */
  slack: z.number().nonnegative(),
});

export const C2dEvidenceSchema = z.discriminatedUnion('kind', [C2dLawEvidenceSchema, C2dTrendEvidenceSchema, C2dKsPowerEvidenceSchema]);
export type C2dEvidence = z.infer<typeof C2dEvidenceSchema>;
export type C2dLawEvidence = z.infer<typeof C2dLawEvidenceSchema>;
export type C2dTrendEvidence = z.infer<typeof C2dTrendEvidenceSchema>;
export type C2dKsPowerEvidence = z.infer<typeof C2dKsPowerEvidenceSchema>;
