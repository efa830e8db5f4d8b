/**
 * S1 · Gauss–Newton decomposition. Key number: cases with real negative curvature (the
 * draws where the claim has content), all of which must be explained by the residual term.
 * Figures: |λ_min(R)| against |λ_min(H)| where H has negative curvature (the claim: every
 * point on or above y = x, up to rounding); rank of Gauss–Newton against N for the scalar
 * two-layer nets (on or below); and for the MLPs, rank of Gauss–Newton against its bound
 * N(k−1) (softmax CE) or N·k (MSE), with the wrong neighbour ∇²ℓ = diag(p) drawn beside it
 * (above the line wherever the true Gauss–Newton attains the bound).
 */
import type { LegacyEvidence } from '../evidence/legacy.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import type { CaseRecord } from '../../src/report/types.js';
import { allCases, maxOf, minOf, num } from '../../src/report/claims/evidenceValues.js';
import type { CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { reportedClaim } from '../../src/report/claims/claimHook.js';
import { S1_CLAIM } from '../../theory/gaussNewtonDecomposition.js';
import { LegacyEvidenceSchema } from '../evidence/legacy.js';

/** MLP cases carry their loss in the evidence; the two-layer MSE cases carry studentOffset in the config. */
const isMlp = (c: CaseWithEvidence<LegacyEvidence>) => typeof c.evidence.loss === 'string';
// 'mse' in records written before the engine took PyTorch's loss names meant today's 'half-squared-error'.
const lossName = (c: CaseWithEvidence<LegacyEvidence>) => (c.evidence.loss === 'half-squared-error' || c.evidence.loss === 'mse' ? 'MLP MSE' : 'MLP softmax CE');
const where = (c: CaseWithEvidence<LegacyEvidence>) => (isMlp(c) ? lossName(c) : (c.config as { studentOffset?: number })?.studentOffset ? 'off θ*' : 'at θ*');

export const s1Hook: ClaimReportHook<LegacyEvidence> = {
  keyNumber(ctx) {
    const cases = allCases(ctx.units);
    const negative = cases.filter((c) => c.evidence.negativeCurvature === true);
    return keyNumberOf('cases with negative curvature, all from the residual term', negative.length, `${negative.filter((c) => c.ok).length}/${negative.length} explained`);
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    const mlp = cases.filter(isMlp);
    const values = (f: (c: CaseWithEvidence<LegacyEvidence>) => number | null) => mlp.map(f).filter((v): v is number => v !== null);
    const rankCases = mlp.filter((c) => num(c, 'gaussNewtonRank') !== null && num(c, 'gnRankBound') !== null);
    const attained = rankCases.filter((c) => num(c, 'gaussNewtonRank') === num(c, 'gnRankBound') && c.evidence.rankBoundBinding === true);
    return {
      negativeCurvatureCases: cases.filter((c) => c.evidence.negativeCurvature === true).length,
      minLambdaGN: Math.min(...cases.map((c) => num(c, 'lambdaMinGN') ?? Infinity)),
      mlpCases: mlp.length,
      /** Worst |H − H_fd| ÷ finite-difference error estimate over MLP cases (≤ 1 passes). */
      mlpWorstFdRatio: maxOf(values((c) => num(c, 'fdRatio'))),
      /** Smallest ratio by which "H = Gauss–Newton" missed the finite differences (> 1 rejects). */
      mlpMinGaussNewtonOnlyRatio: minOf(values((c) => (c.evidence.residualVisible === true ? num(c, 'gnOnlyFdRatio') : null))),
      mlpWorstHvpErrorOverTolerance: maxOf(values((c) => { const e = num(c, 'hvpError'); const t = num(c, 'hvpTolerance'); return e !== null && t ? e / t : null; })),
      /** Largest rank(GN) ÷ bound (N(k−1) softmax CE, N·k MSE) over MLP cases (≤ 1 passes). */
      mlpMaxRankOverBound: maxOf(rankCases.map((c) => num(c, 'gaussNewtonRank')! / num(c, 'gnRankBound')!)),
      mlpRankBoundAttained: attained.length,
      /** Cases where ∇²ℓ = diag(p) exceeded N(k−1), and the smallest margin (first eigenvalue past the bound ÷ rank tolerance). */
      mlpDiagCurvatureRejected: mlp.filter((c) => c.evidence.diagCurvatureRejected === true).length,
      mlpDiagCurvatureMinMargin: minOf(values((c) => (c.evidence.diagCurvatureRejected === true ? num(c, 'diagCurvatureMargin') : null))),
    };
  },
  figures(ctx) {
    const cases = allCases(ctx.units);
    const figures: Figure[] = [];
    // Cases with real negative curvature (λ_min(H) < −tol): there the claim says λ_min(R) ≤ λ_min(H) < 0,
    // i.e. |λ_min(R)| ≥ |λ_min(H)| — on a log-log plot, every point on or above y = x.
    const negative = cases.filter((c) => c.evidence.negativeCurvature === true && num(c, 'lambdaMinH') !== null && num(c, 'lambdaMinR') !== null);
    if (negative.length) {
      figures.push(
        diagonalScatter(
          negative.map((c) => ({ x: -num(c, 'lambdaMinH')!, y: -num(c, 'lambdaMinR')!, series: where(c) })),
          {
            id: figureId(ctx.claim, 'negative-curvature'),
            title: 'S1: negative curvature of H comes from the residual term',
            xTitle: '|λ_min(H)| (loss / parameter², log scale)',
            yTitle: '|λ_min(residual term R)| (loss / parameter², log scale)',
            scale: 'log',
            note: `The ${negative.length} of ${cases.length} cases where H has a negative eigenvalue beyond rounding. Weyl: λ_min(R) ≤ λ_min(H) − λ_min(GN) ≤ λ_min(H) < 0 when GN ⪰ 0, so every point lies on or above the line.`,
          },
        ),
      );
    }
    const rank = cases
      .filter((c) => !isMlp(c) && num(c, 'gaussNewtonRank') !== null && num(c, 'N') !== null)
      .map((c) => ({ x: num(c, 'N')!, y: num(c, 'gaussNewtonRank')!, series: where(c) }));
    if (rank.length) {
      figures.push(
        diagonalScatter(rank, {
          id: figureId(ctx.claim, 'rank'),
          title: 'S1: rank of Gauss–Newton vs number of samples N',
          xTitle: 'number of samples N',
          yTitle: 'rank of the Gauss–Newton term',
          diagonalLabel: 'rank = N',
          note: 'Scalar output: rank JᵀJ/N ≤ N, so every point lies on or below the line.',
        }),
      );
    }
    const mlpRank = cases.filter((c) => isMlp(c) && num(c, 'gaussNewtonRank') !== null && num(c, 'gnRankBound') !== null);
    if (mlpRank.length) {
      const points = mlpRank.map((c) => ({ x: num(c, 'gnRankBound')!, y: num(c, 'gaussNewtonRank')!, series: `Gauss–Newton, ${lossName(c)}` }));
      for (const c of mlpRank) {
        const w = num(c, 'diagCurvatureRank');
        if (w !== null) points.push({ x: num(c, 'gnRankBound')!, y: w, series: 'wrong: ∇²ℓ = diag(p), softmax CE' });
      }
      figures.push(
        diagonalScatter(points, {
          id: figureId(ctx.claim, 'mlp-rank'),
          title: 'S1 (MLP): rank of Gauss–Newton vs its bound N(k−1) (softmax CE) or N·k (MSE)',
          xTitle: 'bound: N(k−1) for k-class softmax, N·k for k-output MSE',
          yTitle: 'numerical rank (|λ| > P·eps·λ_max)',
          diagonalLabel: 'rank = bound',
          note: 'Gauss–Newton points lie on or below the line (ranks below it come from P < bound or from ReLU/width bottlenecks). The wrong neighbour ∇²ℓ = diag(p) (missing −ppᵀ) keeps the logit-shift direction, so wherever the true Gauss–Newton attains N(k−1) it lands above the line.',
        }),
      );
    }
    return figures;
  },
};

/** S1 for the report: its metadata, evidence schema and hook. */
export const s1Claim = reportedClaim(S1_CLAIM, LegacyEvidenceSchema, s1Hook);
