/**
 * C2a · the nonzero eigenvalues of H(θ*) are eig(MC), and tr H = tr(MC) (theory/linearNetwork.ts).
 *
 * Eigenvalue tolerance: both sides are eigenvalues of matrices formed in float64 (H = JᵀJ/N
 * or its kernel, and Rᵀ C R) by backward-stable eigensolvers; the forming sums have
 * ≤ max(N, P) terms. Standard bounds (Higham §3.5 for inner products, Weyl for the
 * eigensolver) give |Δλ| ≤ c·(N + P)·eps·(‖H‖₂ + ‖M‖₂‖C‖₂). We assert
 *   |λ_H − λ_MC| ≤ EIG_SLACK·(N + P + Ni)·eps·(λ_max(H) + ‖M‖_F‖C‖_F)   (theory/linearNetworkClaims.ts).
 * Evidence also keeps the top min(Ni, N) ≤ 7 eigenvalue pairs for the report's figure.
 */
import { buildProblem } from '../../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../../src/config/types.js';
import { EPS, frobenius } from '../../../src/linalg/matrix.js';
import { hessianSpectrum } from '../../../src/spectrum/hessianSpectrum.js';
import { inputCovariance, linearLayers, linearM, predictedLinearSpectrum, predictedLinearTrace } from '../../../theory/linearNetwork.js';
import { EIG_SLACK } from '../../../theory/linearNetworkClaims.js';
import { linearConfigArb, linearLabel } from '../../arbitraries/linearConfigs.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { C2aEvidence } from '../../evidence/C2a.js';
import { largestFirst, linearNetEvidence, maxAbsDiff, top } from '../linearNetworkChecks.js';

export const linearSpectrumProperty: PropertyDefinition<GeneratedConfig, C2aEvidence> = {
  claim: 'C2a',
  name: 'nonzero eigenvalues of H(θ*) are eig(MC), and tr H = tr(MC)',
  arbitrary: () => linearConfigArb(),
  numRuns: 200,
  label: linearLabel,
  check(config) {
    const p = buildProblem(config);
    const s = hessianSpectrum(p);
    const predicted = predictedLinearSpectrum(p);
    const k = Math.min(p.Ni, p.N);
    const M = linearM(linearLayers(p));
    const scale = s.eigenvalues[s.eigenvalues.length - 1] + frobenius(M) * frobenius(inputCovariance(p));
    const tol = EIG_SLACK * (p.N + p.model.P + p.Ni) * EPS * scale;
    const err = maxAbsDiff(top(s.eigenvalues, k), top(predicted, k));
    const restErr = s.eigenvalues.length > k ? Math.max(...Array.from(s.eigenvalues.slice(0, s.eigenvalues.length - k), Math.abs)) : 0;
    const trErr = Math.abs(s.trace - predictedLinearTrace(p));
    const ev: C2aEvidence = {
      ...linearNetEvidence(config, p),
      maxEigenvalueError: err,
      otherEigenvaluesMax: restErr,
      traceError: trErr,
      tolerance: tol,
      eigenvalues: { predicted: largestFirst(predicted, k), measured: largestFirst(s.eigenvalues, k) },
    };
    return allOf(
      outcome(err <= tol, ev, () => `top ${k} eigenvalues differ from eig(MC) by ${err.toExponential(2)} > ${tol.toExponential(2)}`),
      outcome(restErr <= tol, ev, () => `the other ${s.eigenvalues.length - k} eigenvalues are not zero (max |λ| ${restErr.toExponential(2)})`),
      outcome(trErr <= tol, ev, () => `tr H − tr(MC) = ${trErr.toExponential(2)} > ${tol.toExponential(2)}`),
    );
  },
};
