/**
 * C4 evidence (long-time learning, docs/theory.md#c4): one shape per property, told apart by
 * `kind`, plus 'incomplete' for a case whose run could not be measured (the message says why).
 *
 * Numbers that decide a verdict (measured and predicted slopes, tolerances, margins, ratios and
 * their bands) are recorded unrounded; breakdowns and diagnostics (the tolerance's terms, κ,
 * drifts) to 4 significant digits. A tolerance that is unbounded (a Weyl interval reaching
 * ηλ = 1) is recorded as null. Wrong neighbours are typed lists: each mutated theory's id, the
 * slope it predicts and its rejection margin |measured − neighbour| ÷ tolerance (> 1 required).
 *
 * Loss curves (what the report draws for the stiffest case of the late-slope and top-mode
 * properties) are recorded by every case of those two properties — the stiffest is only known
 * across cases: the measured and predicted loss at the steps of a logarithmic grid of ≤ 40
 * points over [0, end of the slope window] (src/dynamics/logGrid.ts), losses to 4 significant
 * digits (figure data; no verdict reads them). maxLogError is over every step, unrounded.
 */
import { z } from 'zod';

/** Finite number (zod 4's z.number() rejects ±∞ and NaN). */
const num = z.number();
const count = z.number().int().nonnegative();
/** Rounded to 4 significant digits (diagnostic). */
const diag = z.number();

export const C4NeighbourIdSchema = z.enum(['lambda-max', 'mean-eigenvalue', 'lambda-min-any-step']);

/** A wrong neighbour put through the same slope check: must miss by more than the tolerance. */
export const SlopeNeighbourSchema = z.strictObject({
  id: C4NeighbourIdSchema,
  /** The late slope the mutated theory predicts. */
  slope: num,
  /** |measured − neighbour slope| ÷ tolerance (> 1: rejected). */
  margin: num,
});
export type SlopeNeighbour = z.infer<typeof SlopeNeighbourSchema>;

export const LossCurveSchema = z
  .strictObject({
    /** Gradient-descent steps, ascending (a log grid over [0, end of the slope window]). */
    t: z.array(count),
    measured: z.array(num),
    predicted: z.array(num),
  })
  .refine((c) => c.t.length === c.measured.length && c.t.length === c.predicted.length, { message: 't, measured and predicted must have the same length' });
export type RecordedLossCurve = z.infer<typeof LossCurveSchema>;

const slopeTolerance = {
  measuredSlope: num,
  predictedSlope: num,
  /** |measured − predicted| ÷ |predicted|. */
  relativeSlopeError: diag,
  /** Sum of the derived terms below; null when unbounded (the case fails). */
  tolerance: num.nullable(),
  relativeTolerance: diag.nullable(),
  from: num,
  to: num,
  tolContamination: diag,
  tolDrift: diag.nullable(),
  tolNonQuadratic: diag,
  neighbours: z.array(SlopeNeighbourSchema),
};

const descentSlope = {
  ...slopeTolerance,
  /** λ_max/λ_min⁺, unrounded (the report draws the case of largest κ). */
  kappa: num,
  /** η·λ_max, unrounded (the figure's legend). */
  etaLambdaMax: num,
  /** The regime the spectrum puts η in (must be the property's). */
  regime: z.enum(['converging', 'top-mode-slowest', 'divergent']),
  weylDrift: diag,
  tolRounding: diag,
  curve: LossCurveSchema,
  /** max_t |log L_t − log L̂_t| over [0, to] (every step). */
  maxLogError: num,
};

export const C4EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('curve-order'),
    kappa: diag,
    steps: count,
    epsilon: num,
    curveError: num,
    curveErrorSmallEps: num,
    /** E(ε)/E(ε/4), must lie in [bandLower, bandUpper]; null if E(ε/4) = 0 (the case fails). */
    epsilonRatio: num.nullable(),
    bandLower: num,
    bandUpper: num,
    roundingShare: diag,
  }),
  /** Converging regime: slope 2 log(1 − ηλ_min⁺). */
  z.strictObject({ kind: z.literal('late-slope'), ...descentSlope }),
  /** Past the balanced step: slope 2 log|1 − ηλ_max|. */
  z.strictObject({ kind: z.literal('top-mode'), ...descentSlope }),
  /** Gradient flow (RK45): slope −2λ_min⁺. */
  z.strictObject({
    kind: z.literal('flow-slope'),
    ...slopeTolerance,
    kappa: diag,
    rk45Steps: count,
    rk45Rejected: count,
  }),
  z.strictObject({
    kind: z.literal('flat-directions'),
    // Ratios are null where the norm they divide by is 0 (the check then fails or cannot apply).
    flatCount: count,
    P: count,
    steps: count,
    quadFlatDrift: num.nullable(),
    quadFlatDriftBound: num.nullable(),
    quadFlatLossShare: num.nullable(),
    quadFlatLossShareBound: num.nullable(),
    curvedLossDecay: diag.nullable(),
    /** L(ε)/L(ε/4) along a flat direction: order-4 band. */
    flatLossRatio: num.nullable(),
    flatBandLower: num,
    flatBandUpper: num,
    /** …along a curved direction: order-2 band. */
    curvedLossRatio: num.nullable(),
    curvedBandLower: num,
    curvedBandUpper: num,
    flatLossVsSoftestCurved: diag.nullable(),
    realFlatDrift: diag.nullable(),
    realFlatDriftSmallEps: diag.nullable(),
    realFlatDriftRatioLarge: diag.nullable(),
    /** Drift at ε/4 ÷ drift at ε/16: ≥ driftBandLower (vanishes at least like ε). */
    realFlatDriftRatio: num.nullable(),
    driftBandLower: num,
    realFlatDriftRoundingShare: diag.nullable(),
    curvedRemaining: diag.nullable(),
  }),
  z.strictObject({
    kind: z.literal('time-scaling'),
    /** OLS exponent of t_f/log(s/f) against the late rate (log-log); must be within exponentTolerance of predictedExponent. */
    exponent: num,
    predictedExponent: num,
    /** null when unbounded (some τ ≥ 1). */
    exponentTolerance: num.nullable(),
    rateDecades: diag,
    rawExponentVsEtaLambdaMin: diag,
    /** Per configuration: normalised time t_f·rate/log(s/f), must be 1 ± τ. */
    nu: z.array(num),
    tau: z.array(num),
    /** Per neighbour: the smallest margin |ν_neighbour − 1|/τ over the batch (> 1 required). */
    neighbours: z.array(z.strictObject({ id: C4NeighbourIdSchema, minMargin: num })),
  }),
  z.strictObject({
    kind: z.literal('divergent'),
    regime: z.enum(['converging', 'top-mode-slowest', 'divergent']),
    predictedSlope: num,
    /** η·λ_max/2 (> 1). */
    etaOverEdge: diag,
    predictedStep: count,
    /** The step the run reported divergence at; null if it did not. */
    measuredStop: count.nullable(),
    horizon: count,
  }),
  z.strictObject({
    kind: z.literal('incomplete'),
    reason: z.enum(['run-unhealthy', 'no-flat-direction', 'fraction-not-reached', 'prediction-does-not-grow', 'rk45-incomplete', 'flow-untrusted']),
    /** The steps (or flow time) the run was to cover, when there is one. */
    horizon: num.nullable(),
  }),
]);
export type C4Evidence = z.infer<typeof C4EvidenceSchema>;
export type C4EvidenceOf<K extends C4Evidence['kind']> = Extract<C4Evidence, { kind: K }>;
