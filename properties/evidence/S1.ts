/**
 * S1 evidence, one shape per property (discriminated by `kind`):
 *  - two-layer: extreme eigenvalues of GN, H and R, GN's rank, whether H has negative
 *    curvature beyond rounding (scalar-output MSE nets, at or off θ*);
 *  - mlp-decomposition: the three-route error ‖H − GN − R‖_F and H·v error against their
 *    tolerances, finite differences (null where the stencil crossed a ReLU kink) and the
 *    "Gauss–Newton alone" neighbour's ratio (owed where R is measurable);
 *  - mlp-rank: extreme eigenvalues, GN's rank against its bound N(k−1) or N·k, and for softmax
 *    the ∇²ℓ = diag(p) neighbour (its rank, the margin of the first eigenvalue past the bound
 *    over the rank tolerance, and the curvature along the logit shift, true and wrong).
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const mlpNet = { P: count, N: count, k: count, loss: z.string(), activation: z.string() };

export const S1EvidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('two-layer'),
    P: count,
    N: count,
    atOptimum: z.boolean(),
    lambdaMinGN: z.number(),
    lambdaMinH: z.number(),
    lambdaMinR: z.number(),
    gaussNewtonRank: count,
    negativeCurvature: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('mlp-decomposition'),
    ...mlpNet,
    decompositionError: z.number().nonnegative(),
    decompositionTolerance: z.number().nonnegative(),
    /** |H − H_fd| ÷ estimate; null where the stencil crossed a ReLU kink or the ratio is infinite. */
    fdRatio: z.number().nonnegative().nullable(),
    fdKinkCrossed: z.boolean(),
    gnOnlyFdRatio: z.number().nonnegative().nullable(),
    residualVisible: z.boolean(),
    residualTermNorm: z.number().nonnegative(),
    hvpError: z.number().nonnegative(),
    hvpTolerance: z.number().nonnegative(),
    fdErrorEstimateMax: z.number().nonnegative(),
  }),
  z.strictObject({
    kind: z.literal('mlp-rank'),
    ...mlpNet,
    lambdaMinGN: z.number(),
    lambdaMinH: z.number(),
    lambdaMinR: z.number(),
    gaussNewtonRank: count,
    gnRankBound: count,
    /** σ_r/σ_{r+1} of |λ(GN)|; null when infinite. */
    gnRankGap: z.number().nullable(),
    negativeCurvature: z.boolean(),
    /** bound < P: the bound can bind. */
    rankBoundBinding: z.boolean(),
    /** Softmax cross-entropy only (null for MSE). */
    diagonalCurvature: z
      .strictObject({
        rank: count,
        /** |λ| just past the bound ÷ the rank tolerance; null when the tolerance is 0. */
        margin: z.number().nonnegative().nullable(),
        /** ‖H·u‖ along the logit shift u (≈ 0) and uᵀWu for the wrong W (> 0). */
        shiftCurvatureTrue: z.number().nonnegative(),
        shiftCurvatureWrong: z.number(),
      })
      .nullable(),
  }),
]);
export type S1Evidence = z.infer<typeof S1EvidenceSchema>;
export type S1TwoLayerEvidence = Extract<S1Evidence, { kind: 'two-layer' }>;
export type S1MlpDecompositionEvidence = Extract<S1Evidence, { kind: 'mlp-decomposition' }>;
export type S1MlpRankEvidence = Extract<S1Evidence, { kind: 'mlp-rank' }>;
