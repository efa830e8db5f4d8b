/**
 * S2's measurement of one configuration, shared by its three properties: Gaussian-cluster data
 * (src/training/gaussianClusters.ts), a ReLU MLP (two hidden layers, k-way softmax
 * cross-entropy, the float64 engine of src/nets/mlp) trained by GD or SGD until the full-batch
 * ‖∇L‖ ≤ the config's gradient tolerance, the top m eigenvalues of the exact Hessian (R-operator
 * H·v, src/training/hessianOperator.ts) by Lanczos with full reorthogonalisation, and their
 * outlier count by theory/bulkOutliers.ts countOutliers. Also the "near a minimum" check and
 * the per-net evidence.
 *
 * Lanczos tolerance LANCZOS_TOLERANCE (|λ − Ritz| ≤ 1e-3·‖H‖, rigorous bounds): the count's
 * decision is recorded as `decisive` when it survives them; 1e-3 rather than 1e-4: on the GD
 * draws compared (seeds 0–5 × k = 2…6) the counts were identical and every decision decisive
 * at both tolerances, at ≈ 25–35 iterations instead of 35–50.
 */
import { lanczosEigenvalues, type LanczosResult } from '../../../src/linalg/lanczos.js';
import { buildMlpProblem, type MlpProblem } from '../../../src/nets/mlp/index.js';
import { Rng } from '../../../src/rng/index.js';
import { gaussianClusters } from '../../../src/training/gaussianClusters.js';
import { trainByGradientDescent, type TrainingRun } from '../../../src/training/gradientDescent.js';
import { hessianOperator } from '../../../src/training/hessianOperator.js';
import { allOf, outcome, type CaseOutcome } from '../../../src/harness/propertyDefinition.js';
import { countOutliers, type OutlierCount } from '../../../theory/bulkOutliers.js';
import type { ClusterNetConfig } from '../../arbitraries/clusterConfigs.js';
import type { S2Net } from '../../evidence/S2.js';

/** Lanczos relative residual target of every S2 net (see the header). */
export const LANCZOS_TOLERANCE = 1e-3;
/** "Near a minimum": training accuracy and loss reached (chance level is ln k ≥ ln 2 ≈ 0.69). */
export const MIN_ACCURACY = 0.99;
export const MAX_LOSS = 0.05;

export interface TrainedNet {
  readonly config: ClusterNetConfig;
  readonly problem: MlpProblem;
  readonly run: TrainingRun;
  readonly accuracy: number;
  readonly lanczos: LanczosResult;
  readonly outliers: OutlierCount;
}

/** Data, net, training, top `mTop` eigenvalues and the count for one configuration (deterministic in the config). */
export function trainAndCount(c: ClusterNetConfig, mTop: number, wantVectors = false): TrainedNet {
  const rng = Rng.fromSeed(c.seed);
  // Data depend on (seed, k, d, N, spread) only, so a width sweep keeps the data fixed.
  const data = gaussianClusters({ k: c.k, d: c.d, N: c.N, spread: c.spread }, rng.split('data'));
  const problem = buildMlpProblem({ inputDim: c.d, hidden: [c.width, c.width], outputs: c.k, activation: 'relu', loss: 'cross-entropy' }, { X: data.X, labels: data.labels });
  const run = trainByGradientDescent(problem, problem.initialTheta(rng.split(`init:${c.width}`)), {
    eta: c.eta,
    gradientTolerance: c.gradientTolerance,
    maxSteps: c.maxSteps,
    ...(c.batchSize !== null ? { batchSize: c.batchSize, rng: rng.split('sgd') } : {}),
  });
  const lanczos = lanczosEigenvalues(hessianOperator(problem, run.theta), { k: mTop, tolerance: LANCZOS_TOLERANCE, rng: rng.split('lanczos'), wantVectors });
  const outliers = countOutliers(lanczos.values, lanczos.errorBounds);
  return { config: c, problem, run, accuracy: problem.accuracy(run.theta), lanczos, outliers };
}

/** A finite number, or null (JSON has no ∞: an infinite gap is recorded as null). */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The net as evidence (unrounded: the count can be recomputed from `top`). */
export function netEvidence(t: TrainedNet): S2Net {
  const r = t.run;
  const o = t.outliers;
  return {
    seed: t.config.seed,
    k: t.config.k,
    width: t.config.width,
    steps: r.steps,
    epochs: r.epochs,
    finalLoss: r.finalLoss,
    gradientNorm: r.gradientNorm,
    accuracy: t.accuracy,
    converged: r.converged,
    lanczosConverged: t.lanczos.converged,
    count: o.count,
    gap: finiteOrNull(o.gap),
    runnerUpGap: finiteOrNull(o.runnerUpGap),
    decisive: o.decisive,
    top: o.top,
  };
}

/** The "near a minimum" checks of one net, on the case's evidence; `tag` names the net in messages. */
export function trainingOutcome<E extends object>(t: TrainedNet, tag: string, evidence: E): CaseOutcome<E> {
  const r = t.run;
  return allOf(
    outcome(r.converged, evidence, () => `${tag}: training did not reach ‖∇L‖ ≤ ${r.gradientTolerance} (${r.stopReason} after ${r.steps} steps, ‖∇L‖ = ${r.gradientNorm}): the Hessian would not be near a minimum`),
    outcome(t.accuracy >= MIN_ACCURACY && r.finalLoss <= MAX_LOSS, evidence, () => `${tag}: accuracy ${t.accuracy} (need ≥ ${MIN_ACCURACY}) or loss ${r.finalLoss} (need ≤ ${MAX_LOSS}) not reached`),
    outcome(t.lanczos.converged, evidence, () => `${tag}: Lanczos did not converge in ${t.lanczos.iterations} iterations`),
  ) as CaseOutcome<E>;
}
