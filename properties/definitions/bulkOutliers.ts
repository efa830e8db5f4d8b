/**
 * S2 · bulk and outliers (theory/bulkOutliers.ts; Sagun et al. 2018 §3.1–3.2).
 *
 * Every case trains a real ReLU MLP (two hidden layers, k-way softmax cross-entropy, the
 * float64 engine of src/nets/mlp) on k Gaussian clusters (src/training/gaussianClusters.ts)
 * until the full-batch ‖∇L‖ ≤ 1e-2 (properties/arbitraries/clusterConfigs.ts TRAINING). Reaching
 * the step cap fails the case: the Hessian must be taken near a minimum, which is also asserted
 * as training accuracy ≥ MIN_ACCURACY and loss ≤ MAX_LOSS. The top M_TOP eigenvalues of the
 * exact Hessian (R-operator H·v, src/training/hessianOperator.ts) come from Lanczos with full
 * reorthogonalisation to a relative residual LANCZOS_TOLERANCE, and are counted by the
 * largest-ratio-gap rule (src/training/outlierCount.ts) with MIN_GAP.
 *
 * Every S2 assertion is a controlled statistical test (theory.md §4): a stated α, a rule
 * derived from it, the p-value recorded, and the wrong neighbours put through the SAME rule.
 * Aim: per-property false-failure probability ≤ ~1e-3 at the CI sizes, so a 10× soak passes
 * with high probability and a red verdict means the theory (or the code) is wrong.
 *
 *  1. GD k sweep — count ≈ k as a RATE. A draw agrees when |count − k| ≤ 1 (theory/bulkOutliers.ts:
 *     "about k", the paper's counts miss by one "and sometimes more"). Over M = SWEEP_SEEDS × 5
 *     (seed, k) draws with X agreeing, "P(agree) ≥ 0.8" is rejected when P(Bin(M, 0.8) ≤ X) <
 *     α = 0.01 (one-sided exact binomial); M = 10: rejected at X ≤ 4. Measured at the CI sizes
 *     over seeds 0–9 × k = 2…6 (50 draws): 42 within ±1 — k = 2: 10/10, k = 3: 9/10, k = 4:
 *     10/10, k = 5: 8/10, k = 6: 5/10; with those per-k rates the false-failure probability is
 *     < 1e-3 (Poisson-binomial, test/training/s2s4Theory.test.ts). The misses are the largest gap
 *     falling under a detached top eigenvalue (count 1–2) or at the cross-class level (k = 3 → 6,
 *     k = 6 → 8). At the paper tier (N = 800, width 64, k up to 8) one sweep counted 12/12.
 *  2. SGD (batch N/10) — the same rule over SGD_DRAWS = 8 independent (seed, k ∈ 3…5) draws per
 *     case (it asserted one draw per case before: 2 of 10 cases failed in a 10× soak).
 *     M = 8: rejected at X ≤ 2 (P(Bin(8, 0.8) ≤ 2) = 1.2e-3; X = 3 gives 0.0104 ≥ α).
 *     Measured at the CI sizes (seeds 100–119 × k = 3, 4, 5): 59/60 within ±1; at rate 0.9 the
 *     false-failure probability is P(Bin(8, 0.9) ≤ 2) = 2.3e-5, at the boundary 0.8 it is 1.2e-3.
 *     Neighbours, same rule: 'single' (count = 1) agreed on 1 of those 60 draws, so it survives
 *     (≥ 3 of 8 agreeing) with probability ≈ 2.6e-4; 'class-pairs' and 'grows-with-width'
 *     (6, 12, 20 and k − 1 + 3.2 at width 32) agreed on none.
 *  3. Width sweep — fixed data per seed, WIDTH_SEEDS = 3 seeds per case, one net per width:
 *     - counts: "unchanged with width" asserted as "within ±1 of k at every width", by the same
 *       rate rule over the S·W (seed, width) nets (M = 6: rejected at X ≤ 1, P = 1.6e-3 at 0.8).
 *       It asserted "every width within ±1 of the narrowest" per case before (one narrow net
 *       counting 9 at k = 4 failed a case). Measured (seeds 300–311, k = 2, 4, widths 24/48):
 *       46/48 within ±1 (misses: count 0 and 10 at k = 4) → false failure ≈ C(6,5)·0.04⁵ < 1e-6.
 *       Neighbour 'grows-with-width' (k + 1.4 at width 24, k + 3.8 at 48) through the same rule:
 *       0 of those 48 agreed; it survives only if ≥ 2 of 6 do.
 *     - bulk: ρ = RMS of the eigenvalues left after deflating the top k (the predicted outliers)
 *       ÷ λ_1, from BULK_PROBES deflated Hutchinson probes (src/training/bulkSpread.ts). Per seed
 *       s and width step, D_s = log ρ_s(w_i) − log ρ_s(w_{i+1}), probe variance v_s by the delta
 *       method; the 'width-blind bulk' neighbour (E D_s = 0) is rejected, i.e. the decrease
 *       holds, when z = ΣD_s/√Σv_s has P(N(0,1) ≥ z) < α = 0.01 (theory/bulkOutliers.ts
 *       pooledBulkDecrease; fixed effects over the drawn seeds). It was a per-case 3σ test
 *       before: one seed in the soak showed no decrease at all (ρ 0.01193 → 0.01185), which a
 *       per-seed test cannot absorb. Measured (seeds 300–311 × k = 2, 4, widths 24 → 48): D_s
 *       from 0.087 to 0.96, mean 0.46, sd 0.22, √v_s ≈ 0.02–0.07; the pooled z over 3 seeds
 *       fails only when ΣD_s < 2.33·√Σv_s ≈ 0.18: under a normal model of D_s (pessimistic: it
 *       puts 2% of draws below 0, none of the 24 was) that is 9e-4; resampling the 24 measured
 *       (D_s, v_s) (2e5 triples) gave no failure. So: were the bulk width-blind, this check would
 *       wrongly pass with probability α = 0.01 (z ≈ N(0, 1) under it); with the measured decreases
 *       it rejects width-blind with power ≈ 1 − 1e-3 or better.
 *
 * Lanczos: top M_TOP (12; 10 for the SGD draws, 8 in the width sweep where k ≤ 4) eigenvalues
 * to a residual ≤ 1e-3·‖H‖ (rigorous error bounds); the gap decision is recorded as `decisive`
 * when it survives them. 1e-3 instead of 1e-4 (the budget): on 30 GD draws (seeds 0–5 × k =
 * 2…6) the counts were identical and every decision decisive at both tolerances.
 * Cost (CI, 2 cores shared): k sweep ≈ 7.5 s, SGD ≈ 2.5 s, width sweep ≈ 4 s.
 */
import { lanczosEigenvalues, type LanczosResult } from '../../src/linalg/lanczos.js';
import { buildMlpProblem, type MlpProblem } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';
import { bulkSpread } from '../../src/training/bulkSpread.js';
import { gaussianClusters } from '../../src/training/gaussianClusters.js';
import { trainByGradientDescent, type TrainingRun } from '../../src/training/gradientDescent.js';
import { hessianOperator } from '../../src/training/hessianOperator.js';
import { countOutliers, type OutlierCount } from '../../src/training/outlierCount.js';
import { AGREEMENT_RATE, agreementRateTest, ALPHA, BULK_ALPHA, COUNT_NEIGHBOURS, countAgrees, GROWS_WITH_WIDTH_NEIGHBOUR, OUTLIER_COUNT_TOLERANCE, pooledBulkDecrease, s2PredictedCount } from '../../theory/bulkOutliers.js';
import { kSweepArb, sgdRateArb, widthSweepArb, type ClusterNetConfig, type KSweepCase, type SgdRateCase, type WidthSweepCase } from '../arbitraries/clusterConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { LegacyEvidence } from '../evidence/legacy.js';

/** Eigenvalues taken from the top: counts up to M_TOP − 1 are visible, with bulk members below for k ≤ 8. */
export const M_TOP = 12;
/** Lanczos relative residual target (|λ − Ritz| ≤ 1e-3·‖H‖: ratio gaps ≥ 1.5 are resolved; see header). */
export const LANCZOS_TOLERANCE = 1e-3;
/**
 * SGD property: (seed, k) draws per case, and the Lanczos tolerance of those draws (1e-3·‖H‖:
 * ≈ 25–35 iterations instead of 35–50, the counts unchanged on the draws compared; ratio gaps
 * ≥ 1.5 are still resolved well above the bulk edge).
 */
export const SGD_DRAWS = 8;
export const SGD_LANCZOS_TOLERANCE = 1e-3;
/** Top eigenvalues taken for the SGD draws (k ≤ 5: counts up to 9 visible, the class-pair level 6 at k = 3 among them). */
export const SGD_M_TOP = 10;
/** Seeds per k sweep: M = SWEEP_SEEDS × 5 (seed, k) draws for the rate test. */
export const SWEEP_SEEDS = 2;
/**
 * An edge must be a jump by at least 1.5× to count; smaller largest gaps mean "no outliers"
 * (count 0). Inside the bulks measured here consecutive ratios are ≤ 1.5 except at the edge.
 */
export const MIN_GAP = 1.5;
/** "Near a minimum": training accuracy and loss reached (chance level is ln k ≥ ln 2 ≈ 0.69). */
export const MIN_ACCURACY = 0.99;
export const MAX_LOSS = 0.05;
/** Deflated Hutchinson probes per net of the width sweep (relative se of ρ ≈ 2–5%). */
export const BULK_PROBES = 24;
/** Seeds per width sweep, and the Lanczos tolerance of its nets (as SGD_LANCZOS_TOLERANCE). */
export const WIDTH_SEEDS = 3;
export const WIDTH_LANCZOS_TOLERANCE = 1e-3;
/** Top eigenvalues taken in the width sweep (k ≤ 4 there: counts up to 7 visible, a bulk member below). */
export const WIDTH_M_TOP = 8;

const sig = (x: number) => Number(x.toPrecision(4));

export interface TrainedNet {
  readonly config: ClusterNetConfig;
  readonly problem: MlpProblem;
  readonly run: TrainingRun;
  readonly accuracy: number;
  readonly lanczos: LanczosResult;
  readonly outliers: OutlierCount;
}

/** Data, net, training, top eigenvalues and the count for one configuration (deterministic in the config). */
export function trainAndCount(c: ClusterNetConfig, wantVectors = false, lanczosTolerance = LANCZOS_TOLERANCE, mTop = M_TOP): TrainedNet {
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
  const lanczos = lanczosEigenvalues(hessianOperator(problem, run.theta), { k: mTop, tolerance: lanczosTolerance, rng: rng.split('lanczos'), wantVectors });
  const outliers = countOutliers(lanczos.values, { minGap: MIN_GAP, errorBounds: lanczos.errorBounds });
  return { config: c, problem, run, accuracy: problem.accuracy(run.theta), lanczos, outliers };
}

/** The training summary as evidence, and the "near a minimum" check. */
function trainingOutcome(t: TrainedNet, tag: string): CaseOutcome<LegacyEvidence> {
  const r = t.run;
  const ev: LegacyEvidence = {
    [`steps${tag}`]: r.steps,
    [`finalLoss${tag}`]: sig(r.finalLoss),
    [`gradientNorm${tag}`]: sig(r.gradientNorm),
    [`accuracy${tag}`]: t.accuracy,
    [`converged${tag}`]: r.converged,
  };
  return allOf(
    outcome(r.converged, ev, () => `${tag}: training did not reach ‖∇L‖ ≤ ${r.gradientTolerance} (${r.stopReason} after ${r.steps} steps, ‖∇L‖ = ${r.gradientNorm}): the Hessian would not be near a minimum`),
    outcome(t.accuracy >= MIN_ACCURACY && r.finalLoss <= MAX_LOSS, ev, () => `${tag}: accuracy ${t.accuracy} (need ≥ ${MIN_ACCURACY}) or loss ${r.finalLoss} (need ≤ ${MAX_LOSS}) not reached`),
    outcome(t.lanczos.converged, ev, () => `${tag}: Lanczos did not converge in ${t.lanczos.iterations} iterations`),
  );
}

function countEvidence(t: TrainedNet, tag: string): LegacyEvidence {
  const o = t.outliers;
  return {
    [`count${tag}`]: o.count,
    [`gap${tag}`]: sig(o.gap),
    [`runnerUpGap${tag}`]: sig(o.runnerUpGap),
    [`decisive${tag}`]: o.decisive,
    [`top${tag}`]: o.top.map(sig),
  };
}

/**
 * A wrong neighbour that the rate rule fails to reject is a shortfall of POWER on that draw,
 * not evidence against the claim: the case is inconclusive (not failed), and the property
 * tolerates such cases up to NEIGHBOUR_POWER_SHORTFALL_ALLOWANCE. Measured: the k sweep's
 * 'single' neighbour (count = 1) escapes on ≈ 9% of data seeds at CI sizes (2 of 23: its ±1
 * window overlaps the claim's at k = 2, and detached-top-eigenvalue misses count 1), so in
 * --full (10 cases) P(more than 3 of 10 inconclusive) ≈ 0.8%; in CI (1 case, the default
 * seed, where it is rejected) an escape makes the property fail as "inconclusive".
 */
export const NEIGHBOUR_POWER_SHORTFALL_ALLOWANCE = 0.3;

function neighbourRejected(rejected: boolean, evidence: LegacyEvidence, message: () => string): CaseOutcome<LegacyEvidence> {
  return rejected ? { ok: true, evidence } : { ok: false, inconclusive: true, evidence, message: `${message()} (power shortfall on this draw, not a failure of the claim)` };
}

/** Every count neighbour through the claim's own rate rule; records its agreements and p-value. */
function countNeighbourChecks(counts: readonly number[], ks: readonly number[], width: number, evidence: LegacyEvidence, tag: string): CaseOutcome<LegacyEvidence>[] {
  return COUNT_NEIGHBOURS.map((n) => {
    const nt = agreementRateTest(counts.filter((m, i) => countAgrees(m, n.predict(ks[i], width))).length, counts.length);
    evidence[`neighbourAgreements:${n.id}`] = nt.agreements;
    evidence[`neighbourPValue:${n.id}`] = sig(nt.pValue);
    return neighbourRejected(nt.accepted === false, evidence, () => `${tag}wrong neighbour "${n.description}" NOT rejected: ${nt.agreements} of ${nt.draws} agree, p = ${nt.pValue} ≥ α = ${ALPHA}`);
  });
}

// ---------------------------------------------------------------------------------------
// 1. Count ≈ k for every k of a sweep; the neighbours are rejected somewhere in the sweep.

function checkKSweep(sweep: KSweepCase): CaseOutcome<LegacyEvidence> {
  const draws = sweep.seeds.flatMap((seed) => sweep.ks.map((k) => ({ seed, k })));
  const nets = draws.map(({ seed, k }) => trainAndCount({ ...sweep.base, seed, k }));
  const counts = nets.map((t) => t.outliers.count);
  const ks = draws.map((d) => d.k);
  const agree = counts.map((c, i) => countAgrees(c, s2PredictedCount(ks[i])));
  const test = agreementRateTest(agree.filter(Boolean).length, draws.length);
  const evidence: LegacyEvidence = {
    seeds: [...sweep.seeds],
    ks,
    counts,
    gaps: nets.map((t) => sig(t.outliers.gap)),
    width: sweep.base.width,
    N: sweep.base.N,
    d: sweep.base.d,
    tolerance: OUTLIER_COUNT_TOLERANCE,
    agreements: test.agreements,
    draws: test.draws,
    agreementRate: AGREEMENT_RATE,
    pValue: sig(test.pValue),
    alpha: ALPHA,
    maxCountError: Math.max(...counts.map((c, i) => Math.abs(c - s2PredictedCount(ks[i])))),
    allDecisive: nets.every((t) => t.outliers.decisive),
  };
  const parts: CaseOutcome<LegacyEvidence>[] = [];
  nets.forEach((t, i) => {
    const tag = `:s${draws[i].seed}:k=${ks[i]}`;
    parts.push(trainingOutcome(t, tag));
    Object.assign(evidence, countEvidence(t, tag));
  });
  const misses = draws.map((d, i) => (agree[i] ? null : `seed ${d.seed} k = ${d.k}: ${counts[i]} (gap ${sig(nets[i].outliers.gap)})`)).filter((x) => x !== null);
  parts.push(outcome(test.accepted, evidence, () => `only ${test.agreements} of ${test.draws} counts within ±${OUTLIER_COUNT_TOLERANCE} of k: P(Bin(${test.draws}, ${AGREEMENT_RATE}) ≤ ${test.agreements}) = ${test.pValue} < α = ${ALPHA}; misses: ${misses.join('; ')}`));
  parts.push(...countNeighbourChecks(counts, ks, sweep.base.width, evidence, ''));
  return allOf(...parts);
}

export const kSweepProperty: PropertyDefinition<KSweepCase, LegacyEvidence> = {
  claim: 'S2',
  name: 'GD-trained ReLU MLP on k clusters, k = 2…6 × 2 seeds: outlier count within ±1 of k at rate ≥ 0.8 (binomial, α = 0.01); single, class-pair and width neighbours rejected',
  arbitrary: ({ sizeTier }) => kSweepArb(SWEEP_SEEDS, sizeTier),
  numRuns: 1,
  maxInconclusiveFraction: NEIGHBOUR_POWER_SHORTFALL_ALLOWANCE,
  label: (c) => `d=${c.base.d} N=${c.base.N} width=${c.base.width} seeds=${c.seeds.length}`,
  check: checkKSweep,
};

// ---------------------------------------------------------------------------------------
// 2. The same with small-batch SGD training.

function checkSgd(c: SgdRateCase): CaseOutcome<LegacyEvidence> {
  const nets = c.draws.map(({ seed, k }) => trainAndCount({ ...c.base, seed, k }, false, SGD_LANCZOS_TOLERANCE, SGD_M_TOP));
  const ks = c.draws.map((d) => d.k);
  const counts = nets.map((t) => t.outliers.count);
  const agree = counts.map((n, i) => countAgrees(n, s2PredictedCount(ks[i])));
  const test = agreementRateTest(agree.filter(Boolean).length, counts.length);
  const evidence: LegacyEvidence = {
    seeds: c.draws.map((d) => d.seed),
    ks,
    counts,
    gaps: nets.map((t) => sig(t.outliers.gap)),
    batchSize: c.base.batchSize,
    epochs: nets.map((t) => sig(t.run.epochs)),
    width: c.base.width,
    N: c.base.N,
    d: c.base.d,
    tolerance: OUTLIER_COUNT_TOLERANCE,
    agreements: test.agreements,
    draws: test.draws,
    agreementRate: AGREEMENT_RATE,
    pValue: sig(test.pValue),
    alpha: ALPHA,
    maxCountError: Math.max(...counts.map((n, i) => Math.abs(n - s2PredictedCount(ks[i])))),
    allDecisive: nets.every((t) => t.outliers.decisive),
  };
  const parts: CaseOutcome<LegacyEvidence>[] = [];
  nets.forEach((t, i) => {
    const tag = `:s${c.draws[i].seed}:k=${ks[i]}`;
    parts.push(trainingOutcome(t, tag));
    Object.assign(evidence, countEvidence(t, tag));
  });
  const misses = c.draws.map((d, i) => (agree[i] ? null : `seed ${d.seed} k = ${d.k}: ${counts[i]} (gap ${sig(nets[i].outliers.gap)})`)).filter((x) => x !== null);
  parts.push(outcome(test.accepted, evidence, () => `SGD: only ${test.agreements} of ${test.draws} counts within ±${OUTLIER_COUNT_TOLERANCE} of k: P(Bin(${test.draws}, ${AGREEMENT_RATE}) ≤ ${test.agreements}) = ${test.pValue} < α = ${ALPHA}; misses: ${misses.join('; ')}`));
  parts.push(...countNeighbourChecks(counts, ks, c.base.width, evidence, 'SGD: '));
  return allOf(...parts);
}

export const sgdProperty: PropertyDefinition<SgdRateCase, LegacyEvidence> = {
  claim: 'S2',
  name: `small-batch SGD training (batch N/10), ${SGD_DRAWS} draws of k ∈ 3…5: outlier count within ±1 of k at rate ≥ 0.8 (binomial, α = 0.01); single, class-pair and width neighbours rejected`,
  arbitrary: ({ sizeTier }) => sgdRateArb(SGD_DRAWS, sizeTier),
  numRuns: 1,
  maxInconclusiveFraction: NEIGHBOUR_POWER_SHORTFALL_ALLOWANCE,
  label: (c) => `N=${c.base.N} width=${c.base.width} batch=${c.base.batchSize} draws=${c.draws.length}`,
  check: checkSgd,
};

// ---------------------------------------------------------------------------------------
// 3. Width sweep at fixed data: count unchanged, bulk concentrates at zero.

function checkWidthSweep(sweep: WidthSweepCase): CaseOutcome<LegacyEvidence> {
  const k = sweep.base.k;
  const W = sweep.widths.length;
  const S = sweep.seeds.length;
  // nets[s][i]: seed s, width i (same data for every width of a seed).
  const nets = sweep.seeds.map((seed) => sweep.widths.map((width) => trainAndCount({ ...sweep.base, seed, width }, true, WIDTH_LANCZOS_TOLERANCE, WIDTH_M_TOP)));
  const rhoOf = (t: TrainedNet, seed: number, width: number) => {
    const rng = Rng.fromSeed(seed).split(`bulk:${width}`);
    // Deflate the k predicted outliers (not the measured count) so every width's bulk is the same set.
    const b = bulkSpread(hessianOperator(t.problem, t.run.theta), t.lanczos.vectors!.slice(0, k), BULK_PROBES, rng);
    // se of ρ: the Lanczos λ_1 error (≤ 1e-3·‖H‖ = 1e-3·λ_1 relative) is small next to the probe error.
    return { rho: b.rms / t.outliers.top[0], se: b.rmsStdError / t.outliers.top[0] };
  };
  const bulk = nets.map((row, s) => row.map((t, i) => rhoOf(t, sweep.seeds[s], sweep.widths[i])));
  const counts = nets.flat().map((t) => t.outliers.count);
  const countWidths = nets.flatMap(() => [...sweep.widths]);
  const test = agreementRateTest(counts.filter((c) => countAgrees(c, s2PredictedCount(k))).length, counts.length);
  const evidence: LegacyEvidence = {
    k,
    seeds: [...sweep.seeds],
    widths: [...sweep.widths],
    P: nets[0].map((t) => t.problem.P),
    // Per width, seed-major: counts[s·W + i] is seed s at width i (countWidths says which).
    counts,
    countWidths,
    gaps: nets.flat().map((t) => sig(t.outliers.gap)),
    // Per width: the geometric mean over seeds of ρ, for the report's curve; per seed below.
    bulkRmsOverTop: sweep.widths.map((_, i) => sig(Math.exp(bulk.reduce((a, row) => a + Math.log(row[i].rho), 0) / S))),
    tolerance: OUTLIER_COUNT_TOLERANCE,
    agreements: test.agreements,
    draws: test.draws,
    agreementRate: AGREEMENT_RATE,
    countPValue: sig(test.pValue),
    alpha: ALPHA,
    bulkAlpha: BULK_ALPHA,
  };
  const parts: CaseOutcome<LegacyEvidence>[] = [];
  nets.forEach((row, s) =>
    row.forEach((t, i) => {
      const tag = `:s${sweep.seeds[s]}:w=${sweep.widths[i]}`;
      parts.push(trainingOutcome(t, tag));
      Object.assign(evidence, countEvidence(t, tag));
      evidence[`bulkRmsOverTop${tag}`] = sig(bulk[s][i].rho);
      evidence[`bulkRmsOverTopStdError${tag}`] = sig(bulk[s][i].se);
    }),
  );
  // Counts: "unchanged with width" = within ±1 of k at every width, tested as a rate over the
  // S·W (seed, width) draws by the k sweep's binomial rule.
  parts.push(outcome(test.accepted, evidence, () => `width sweep: only ${test.agreements} of ${test.draws} counts within ±${OUTLIER_COUNT_TOLERANCE} of k = ${k}: P(Bin(${test.draws}, ${AGREEMENT_RATE}) ≤ ${test.agreements}) = ${test.pValue} < α = ${ALPHA}; counts ${counts.join(', ')} at widths ${countWidths.join(', ')}`));
  // Bulk: one pooled one-sided test per width step (theory/bulkOutliers.ts pooledBulkDecrease).
  for (let i = 0; i + 1 < W; i++) {
    const D = bulk.map((row) => Math.log(row[i].rho) - Math.log(row[i + 1].rho));
    const v = bulk.map((row) => (row[i].se / row[i].rho) ** 2 + (row[i + 1].se / row[i + 1].rho) ** 2);
    const pt = pooledBulkDecrease(D, v);
    const step = `${sweep.widths[i]}→${sweep.widths[i + 1]}`;
    evidence[`bulkLogDecrease:${step}`] = D.map(sig);
    evidence[`bulkZ:${step}`] = sig(pt.z);
    evidence[`bulkPValue:${step}`] = sig(pt.pValue);
    parts.push(outcome(pt.decreased, evidence, () => `bulk RMS / λ_1 did not decrease significantly from width ${sweep.widths[i]} to ${sweep.widths[i + 1]} over ${S} seeds: log decreases ${D.map(sig).join(', ')}, z = ${pt.z}, p = ${pt.pValue} ≥ α = ${BULK_ALPHA} (the width-blind neighbour is not rejected)`));
  }
  // Neighbour: outliers grow with width (count = k − 1 + w/10), through the SAME rate rule on
  // the same (seed, width) counts: must be rejected.
  const nt = agreementRateTest(counts.filter((c, j) => countAgrees(c, GROWS_WITH_WIDTH_NEIGHBOUR.predict(k, countWidths[j]))).length, counts.length);
  evidence['neighbourAgreements:grows-with-width'] = nt.agreements;
  evidence['neighbourPValue:grows-with-width'] = sig(nt.pValue);
  parts.push(neighbourRejected(nt.accepted === false, evidence, () => `wrong neighbour "${GROWS_WITH_WIDTH_NEIGHBOUR.description}" NOT rejected: ${nt.agreements} of ${nt.draws} agree, p = ${nt.pValue} ≥ α = ${ALPHA}`));
  return allOf(...parts);
}

export const widthSweepProperty: PropertyDefinition<WidthSweepCase, LegacyEvidence> = {
  claim: 'S2',
  name: `fixed data, growing width, ${WIDTH_SEEDS} seeds: outlier count within ±1 of k at every width at rate ≥ 0.8 (binomial, α = 0.01); bulk RMS / top outlier decreases (pooled one-sided z, α = 0.01); width-proportional neighbour rejected`,
  arbitrary: ({ sizeTier }) => widthSweepArb(WIDTH_SEEDS, sizeTier),
  numRuns: 1,
  maxInconclusiveFraction: NEIGHBOUR_POWER_SHORTFALL_ALLOWANCE,
  label: (c) => `k=${c.base.k} widths=${c.widths.join('/')} seeds=${c.seeds.length}`,
  check: checkWidthSweep,
};

export const S2_PROPERTIES = [kSweepProperty, sgdProperty, widthSweepProperty];
