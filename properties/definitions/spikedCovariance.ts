/**
 * S3 · the BBP outlier of a spiked covariance (theory/spikedCovariance.ts: the prediction, the
 * location test, the shrinkage bound and their constants). Statistical: a case is one
 * experiment, R_DRAWS independent matrices at each of two sizes N_SMALL, N_LARGE with M = γN
 * (fixed γ), spike ℓ = 1 + u√γ.
 *
 * MEASURED side. Per draw: X ∈ R^{N×M} with i.i.d. N(0, 1) entries and its first column scaled
 * by √ℓ, H = XᵀX/N — the Hessian (= Gauss–Newton) of least squares y = wᵀx on these inputs,
 * i.e. the empirical covariance of the per-sample gradients g_n = x_n·r_n at unit residuals —
 * and its top eigenvalue in float64 (src/spectrum/spikedWishart.ts). One top eigenvalue per
 * independent matrix: the R_DRAWS values are i.i.d.
 *
 * Asserted per case: the location test at N_LARGE (p ≥ ALPHA; recorded at N_SMALL too), the
 * shrinkage of mean |error| from N_SMALL to N_LARGE (≤ shrinkRatioBound), and each wrong
 * neighbour missing the location tolerance by ≥ MARGIN_MIN ('naive-spike' everywhere;
 * 'threshold-at-1' below ℓ_c, where it differs).
 *
 * Figure data: the 'above' property also records the BBP transition at the case's γ
 * (./spikedCovariance/bbpSweep.ts) — the report draws only what cases record.
 * Cost: ≈ 32 × (a 200×M Gram + one eigen-decomposition of size min(M, 200)) per size: < 1 s
 * per case; the sweep of an 'above' case adds about twice that.
 */
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import { ALPHA, bbpThreshold, isSupercritical, locationScale, locationTest, MARGIN_MIN, N_LARGE, N_SMALL, neighbourTopEigenvalue, predictedTopEigenvalue, R_DRAWS, shrinkRatioBound, type SpikedNeighbour, type SpikedParams } from '../../theory/spikedCovariance.js';
import { spikeOf, spikedAboveArb, spikedBelowArb, type SpikedCase } from '../arbitraries/spikedConfigs.js';
import type { S3Evidence, S3Neighbour } from '../evidence/S3.js';
import { bbpSweep } from './spikedCovariance/bbpSweep.js';
import { spikedSample } from './spikedCovariance/sample.js';

function meanAbsError(sample: Float64Array, prediction: number): number {
  let s = 0;
  for (const v of sample) s += Math.abs(v - prediction);
  return s / sample.length;
}

export function neighboursFor(c: SpikedCase): SpikedNeighbour[] {
  return c.regime === 'above' ? ['naive-spike'] : ['naive-spike', 'threshold-at-1'];
}

function checkSpiked(c: SpikedCase): CaseOutcome<S3Evidence> {
  const ell = spikeOf(c);
  const p: SpikedParams = { ell, gamma: c.gamma };
  const prediction = predictedTopEigenvalue(p);
  const [small, large] = [N_SMALL, N_LARGE].map((N) => {
    const M = Math.round(c.gamma * N);
    const sample = spikedSample(c, N);
    const ls = locationScale(p, M, N);
    return { N, M, sample, ls, test: locationTest(sample, prediction, ls), meanAbs: meanAbsError(sample, prediction) };
  });
  const r0 = large.ls.scale / small.ls.scale;
  const ratio = large.meanAbs / small.meanAbs;
  const ratioBound = shrinkRatioBound(r0, R_DRAWS);
  const neighbours: S3Neighbour[] = neighboursFor(c).map((w) => {
    const nbPrediction = neighbourTopEigenvalue(p, w);
    const t = locationTest(large.sample, nbPrediction, large.ls);
    const margin = t.distance / t.tolerance;
    return { id: w, prediction: nbPrediction, zMean: t.zMean, margin, pValue: t.pValue, rejected: margin >= MARGIN_MIN };
  });
  const evidence: S3Evidence = {
    regime: c.regime,
    supercritical: isSupercritical(p),
    gamma: c.gamma,
    ell,
    threshold: bbpThreshold(c.gamma),
    predicted: prediction,
    N: [small.N, large.N],
    M: [small.M, large.M],
    R: R_DRAWS,
    alpha: ALPHA,
    pValue: large.test.pValue,
    pValueSmall: small.test.pValue,
    zMean: large.test.zMean,
    zMeanSmall: small.test.zMean,
    centre: large.ls.centre,
    tolerance: large.test.tolerance,
    scale: [small.ls.scale, large.ls.scale],
    meanAbsError: [small.meanAbs, large.meanAbs],
    shrinkRatio: ratio,
    shrinkRatioPredicted: r0,
    shrinkRatioBound: ratioBound,
    topSmall: Array.from(small.sample),
    topLarge: Array.from(large.sample),
    marginMin: MARGIN_MIN,
    neighbours,
    bbpSweep: c.regime === 'above' ? bbpSweep(c) : null,
  };
  return allOf(
    outcome(large.test.pValue >= ALPHA, evidence, () => `λ_max at N = ${large.N}, M = ${large.M} (ℓ = ${ell}, γ = ${c.gamma}): mean normalised error ${large.test.zMean.toFixed(3)} vs centre ${large.ls.centre.toFixed(3)}, |Δ| = ${large.test.distance.toFixed(3)} > tolerance ${large.test.tolerance.toFixed(3)} (p = ${large.test.pValue.toExponential(3)} < α = ${ALPHA}; prediction ${prediction})`),
    outcome(ratio <= ratioBound, evidence, () => `mean |error| does not shrink from N = ${small.N} to ${large.N}: ${small.meanAbs.toExponential(3)} → ${large.meanAbs.toExponential(3)}, ratio ${ratio.toFixed(3)} > bound ${ratioBound.toFixed(3)} (predicted ${r0.toFixed(3)})`),
    ...neighbours.map((nb) => outcome(nb.rejected, evidence, () => `wrong neighbour '${nb.id}' (λ_max = ${nb.prediction}) not rejected with margin: |Δ|/tolerance = ${nb.margin.toFixed(3)} < ${MARGIN_MIN}`)),
  );
}

export const spikedAboveProperty: PropertyDefinition<SpikedCase, S3Evidence> = {
  claim: 'S3',
  name: `above 1 + √γ the top eigenvalue is the outlier ℓ(1 + γ/(ℓ − 1)) (Gaussian fluctuations, α = ${ALPHA}), its error shrinks from N = ${N_SMALL} to ${N_LARGE}, and "λ_max = ℓ" is rejected`,
  arbitrary: () => spikedAboveArb,
  numRuns: 5,
  label: (c) => (c.gamma > 1 ? 'γ > 1' : 'γ ≤ 1'),
  check: checkSpiked,
};

export const spikedBelowProperty: PropertyDefinition<SpikedCase, S3Evidence> = {
  claim: 'S3',
  name: `below 1 + √γ the top eigenvalue sticks to the edge (1 + √γ)² (Tracy–Widom fluctuations, α = ${ALPHA}), its error shrinks from N = ${N_SMALL} to ${N_LARGE}, and "threshold at ℓ > 1" and "λ_max = ℓ" are rejected`,
  arbitrary: () => spikedBelowArb,
  numRuns: 5,
  label: (c) => (c.gamma > 1 ? 'γ > 1' : 'γ ≤ 1'),
  check: checkSpiked,
};

export const S3_PROPERTIES: PropertyDefinition<SpikedCase, S3Evidence>[] = [spikedAboveProperty, spikedBelowProperty];
