/**
 * S1 (MLP) · Gauss–Newton is PSD with rank ≤ N(k − 1) (k-class softmax: each sample's
 * ∇²ℓ = diag(p) − ppᵀ has null vector 1) or ≤ N·k (MSE); negative curvature comes from the
 * residual term (Weyl, as for the two-layer nets). Wrong neighbour: ∇²ℓ = diag(p) without −ppᵀ
 * (src/nets/mlp/diagonalCurvatureGaussNewton.ts) — its range always contains the logit-shift
 * direction the true GN annihilates, so it exceeds N(k − 1) wherever the true GN attains the bound.
 */
import { EPS, frobenius, matvec, norm2 } from '../../../src/linalg/matrix.js';
import { getBackend } from '../../../src/linalg/selectBackend.js';
import { diagonalCurvatureGaussNewton } from '../../../src/nets/mlp/diagonalCurvatureGaussNewton.js';
import { logitShiftDirection } from '../../../src/nets/mlp/logitShiftDirection.js';
import type { MlpProblem } from '../../../src/nets/mlp/index.js';
import { rankOfSymmetric } from '../../../src/spectrum/hessianSpectrum.js';
import { PSD_SLACK, ROUTE_SLACK } from '../../../theory/gaussNewtonDecomposition.js';
import { buildMlpCase, mlpConfigArb, mlpLabelOf, type MlpConfig } from '../../arbitraries/mlpConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { S1MlpRankEvidence } from '../../evidence/S1.js';
import { mlpGamma } from './mlpRounding.js';

export const mlpGaussNewtonRankProperty: PropertyDefinition<MlpConfig, S1MlpRankEvidence> = {
  claim: 'S1',
  name: 'MLP: Gauss–Newton is PSD with rank ≤ N(k−1) (softmax CE) or N·k (MSE); negative curvature comes from the residual term; diag(p) curvature breaks the rank bound',
  arbitrary: () => mlpConfigArb(),
  numRuns: 150,
  label: mlpLabelOf,
  check(config): CaseOutcome<S1MlpRankEvidence> {
    const { problem, theta } = buildMlpCase(config);
    return checkMlpGaussNewtonRank(problem, theta);
  },
};

/** The checks of mlpGaussNewtonRankProperty on any MLP at any θ — also the CLI's `check` (properties/modelChecks/S1.ts). */
export function checkMlpGaussNewtonRank(p: MlpProblem, theta: Float64Array): CaseOutcome<S1MlpRankEvidence> {
  {
    const backend = getBackend();
    const P = p.P;
    const N = p.N;
    const k = p.spec.outputs;
    const softmaxCE = p.spec.loss === 'cross-entropy' || p.spec.loss === 'softmax-cross-entropy';
    const GN = p.gaussNewton(theta);
    const R = p.residualTerm(theta);
    const H = p.hessian(theta);
    const eGN = backend.symmetricEigenvalues(GN);
    const eR = backend.symmetricEigenvalues(R);
    const eH = backend.symmetricEigenvalues(H);
    // Eigenvalues of a backward-stable solver are exact for A + E, ‖E‖₂ ≲ c·n·eps·‖A‖₂ (Weyl):
    // PSD_SLACK·P·EPS·‖A‖_F as for the two-layer nets; for H the scale is ‖GN‖_F + ‖R‖_F.
    const tolGN = PSD_SLACK * P * EPS * frobenius(GN);
    const tolH = PSD_SLACK * P * EPS * (frobenius(GN) + frobenius(R));
    const rank = rankOfSymmetric(eGN, P);
    const bound = softmaxCE ? N * (k - 1) : N * k;
    const ev: S1MlpRankEvidence = {
      kind: 'mlp-rank',
      P,
      N,
      k,
      loss: p.spec.loss,
      activation: p.spec.activation,
      lambdaMinGN: eGN[0],
      lambdaMinH: eH[0],
      lambdaMinR: eR[0],
      gaussNewtonRank: rank.rank,
      gnRankBound: bound,
      gnRankGap: Number.isFinite(rank.gap) ? rank.gap : null,
      negativeCurvature: eH[0] < -tolH,
      rankBoundBinding: bound < P,
      diagonalCurvature: null,
    };
    const parts: CaseOutcome<S1MlpRankEvidence>[] = [
      outcome(eGN[0] >= -tolGN, ev, () => `Gauss–Newton has eigenvalue ${eGN[0]} < −${tolGN.toExponential(2)}`),
      outcome(rank.rank <= bound, ev, () => `Gauss–Newton rank ${rank.rank} exceeds ${softmaxCE ? 'N(k−1)' : 'N·k'} = ${bound}`),
      outcome(eR[0] <= eH[0] + tolH, ev, () => `λ_min(R) = ${eR[0]} > λ_min(H) + tol = ${eH[0] + tolH}: negative curvature not explained by the residual term`),
    ];
    if (softmaxCE) {
      // Softmax is invariant to adding a constant to every logit: with u the unit vector along
      // the output biases, H·u = GN·u = 0 exactly in exact arithmetic (u spans one of the
      // directions the rank bound counts out). Rounding: the R-operator's sums, ≤ ROUTE_SLACK·γ
      // (‖GN‖_F + ‖R‖_F) as for H·v with ‖u‖ = 1.
      const u = logitShiftDirection(p);
      const hu = norm2(matvec(H, u));
      const huTol = ROUTE_SLACK * mlpGamma(p) * (frobenius(GN) + frobenius(R)) + tolH;
      // Wrong theory ∇²ℓ = diag(p): range ⊋ range(true GN) (null vectors of the wrong GN are
      // null for the true one, and u is null only for the true one), so its rank exceeds
      // N(k−1) wherever the true GN attains the bound. Margin: the first eigenvalue beyond the
      // bound (|λ| sorted descending) over the rank tolerance.
      const W = diagonalCurvatureGaussNewton(p, theta);
      const eW = backend.symmetricEigenvalues(W);
      const rankW = rankOfSymmetric(eW, P);
      const absDesc = Float64Array.from(eW, Math.abs).sort().reverse();
      const beyond = bound < P ? absDesc[bound] : 0;
      let wu = 0;
      const Wu = matvec(W, u);
      for (let i = 0; i < P; i++) wu += u[i] * Wu[i];
      ev.diagonalCurvature = { rank: rankW.rank, margin: rankW.tolerance > 0 ? beyond / rankW.tolerance : null, shiftCurvatureTrue: hu, shiftCurvatureWrong: wu };
      parts.push(outcome(hu <= huTol, ev, () => `‖H·u‖ = ${hu.toExponential(2)} > ${huTol.toExponential(2)} along the logit-shift direction u (softmax invariance)`));
      if (rank.rank === bound && bound < P) {
        parts.push(outcome(rankW.rank > bound, ev, () => `∇²ℓ = diag(p) was not rejected: its Gauss–Newton rank ${rankW.rank} ≤ N(k−1) = ${bound}`));
      }
    }
    return allOf(...parts);
  }
}
