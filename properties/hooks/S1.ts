/**
 * S1 · Gauss–Newton decomposition. Key number: cases with real negative curvature (the
 * draws where the claim has content), all of which must be explained by the residual term.
 * Figures: |λ_min(R)| against |λ_min(H)| where H has negative curvature (the claim: every
 * point on or above y = x, up to rounding); rank of Gauss–Newton against N for the scalar
 * two-layer nets (on or below); and for the MLPs, rank of Gauss–Newton against its bound
 * N(k−1) (softmax CE) or N·k (MSE), with the wrong neighbour ∇²ℓ = diag(p) drawn beside it
 * (above the line wherever the true Gauss–Newton attains the bound).
 */
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { allCases, maxOf, minOf } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { S1_CLAIM } from '../../theory/gaussNewtonDecomposition.js';
import { S1EvidenceSchema, type S1Evidence, type S1MlpDecompositionEvidence, type S1MlpRankEvidence } from '../evidence/S1.js';

type Mlp = S1MlpDecompositionEvidence | S1MlpRankEvidence;

const isMlp = (e: S1Evidence): e is Mlp => e.kind !== 'two-layer';
// The MLP MSE of S1 is the papers' ½-scaled squared error ('mse' in records written before the
// engine took PyTorch's loss names).
const lossName = (e: Mlp) => (e.loss === 'half-squared-error' || e.loss === 'mse' ? 'MLP MSE' : 'MLP softmax CE');
const where = (e: S1Evidence) => (isMlp(e) ? lossName(e) : e.atOptimum ? 'at θ*' : 'off θ*');
/** Evidence that records the extreme eigenvalues (two-layer and MLP rank cases). */
const withEigenvalues = (e: S1Evidence): e is Exclude<S1Evidence, S1MlpDecompositionEvidence> => e.kind !== 'mlp-decomposition';
const numbers = (xs: Array<number | null>) => xs.filter((v): v is number => v !== null);

export const s1Hook: ClaimReportHook<S1Evidence> = {
  keyNumber(ctx) {
    const negative = allCases(ctx.units).filter((c) => withEigenvalues(c.evidence) && c.evidence.negativeCurvature);
    return keyNumberOf('cases with negative curvature, all from the residual term', negative.length, `${negative.filter((c) => c.ok).length}/${negative.length} explained`, 'higher');
  },
  summary(ctx) {
    const cases = allCases(ctx.units).map((c) => c.evidence);
    const decomposition = cases.filter((e): e is S1MlpDecompositionEvidence => e.kind === 'mlp-decomposition');
    const rank = cases.filter((e): e is S1MlpRankEvidence => e.kind === 'mlp-rank');
    const diag = rank.filter((e) => e.diagonalCurvature !== null && e.diagonalCurvature.rank > e.gnRankBound);
    return {
      negativeCurvatureCases: cases.filter((e) => withEigenvalues(e) && e.negativeCurvature).length,
      minLambdaGN: minOf(cases.filter(withEigenvalues).map((e) => e.lambdaMinGN)),
      mlpCases: decomposition.length + rank.length,
      /** Worst |H − H_fd| ÷ finite-difference error estimate over MLP cases (≤ 1 passes). */
      mlpWorstFdRatio: maxOf(numbers(decomposition.map((e) => e.fdRatio))),
      /** Smallest ratio by which "H = Gauss–Newton" missed the finite differences (> 1 rejects). */
      mlpMinGaussNewtonOnlyRatio: minOf(numbers(decomposition.map((e) => (e.residualVisible ? e.gnOnlyFdRatio : null)))),
      mlpWorstHvpErrorOverTolerance: maxOf(decomposition.filter((e) => e.hvpTolerance > 0).map((e) => e.hvpError / e.hvpTolerance)),
      /** Largest rank(GN) ÷ bound (N(k−1) softmax CE, N·k MSE) over MLP cases (≤ 1 passes). */
      mlpMaxRankOverBound: maxOf(rank.map((e) => e.gaussNewtonRank / e.gnRankBound)),
      mlpRankBoundAttained: rank.filter((e) => e.gaussNewtonRank === e.gnRankBound && e.rankBoundBinding).length,
      /** Cases where ∇²ℓ = diag(p) exceeded N(k−1), and the smallest margin (first eigenvalue past the bound ÷ rank tolerance). */
      mlpDiagCurvatureRejected: diag.length,
      mlpDiagCurvatureMinMargin: minOf(numbers(diag.map((e) => e.diagonalCurvature!.margin))),
    };
  },
  figures(ctx) {
    const cases = allCases(ctx.units).map((c) => c.evidence);
    const figures: Figure[] = [];
    // Cases with real negative curvature (λ_min(H) < −tol): there the claim says λ_min(R) ≤ λ_min(H) < 0,
    // i.e. |λ_min(R)| ≥ |λ_min(H)| — on a log-log plot, every point on or above y = x.
    const negative = cases.filter(withEigenvalues).filter((e) => e.negativeCurvature);
    if (negative.length) {
      figures.push(
        diagonalScatter(
          negative.map((e) => ({ x: -e.lambdaMinH, y: -e.lambdaMinR, series: where(e) })),
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
    const twoLayer = cases.flatMap((e) => (e.kind === 'two-layer' ? [{ x: e.N, y: e.gaussNewtonRank, series: where(e) }] : []));
    if (twoLayer.length) {
      figures.push(
        diagonalScatter(twoLayer, {
          id: figureId(ctx.claim, 'rank'),
          title: 'S1: rank of Gauss–Newton vs number of samples N',
          xTitle: 'number of samples N',
          yTitle: 'rank of the Gauss–Newton term',
          diagonalLabel: 'rank = N',
          note: 'Scalar output: rank JᵀJ/N ≤ N, so every point lies on or below the line.',
        }),
      );
    }
    const mlpRank = cases.filter((e): e is S1MlpRankEvidence => e.kind === 'mlp-rank');
    if (mlpRank.length) {
      const points = mlpRank.map((e) => ({ x: e.gnRankBound, y: e.gaussNewtonRank, series: `Gauss–Newton, ${lossName(e)}` }));
      for (const e of mlpRank) if (e.diagonalCurvature) points.push({ x: e.gnRankBound, y: e.diagonalCurvature.rank, series: 'wrong: ∇²ℓ = diag(p), softmax CE' });
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
export const s1Claim = reportedClaim(S1_CLAIM, S1EvidenceSchema, s1Hook);
