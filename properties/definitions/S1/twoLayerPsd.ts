/**
 * S1 (MSE, two-layer teacher–student nets) · Sagun et al. 2018, Eq. 4: H = Gauss–Newton +
 * residual term at any θ (the identity itself is C1's finite-difference property); Gauss–Newton
 * is positive semi-definite with rank ≤ N (scalar output), so negative eigenvalues of H come
 * only from the residual term.
 *
 * Tolerance: a backward-stable symmetric eigensolver returns eigenvalues of A + E with
 * ‖E‖₂ ≲ c·n·eps·‖A‖₂ (Golub & Van Loan §8.1, Weyl); we use PSD_SLACK·P·eps·‖A‖_F
 * (theory/gaussNewtonDecomposition.ts). By Weyl, λ_min(H) ≥ λ_min(GN) + λ_min(R), so
 * λ_min(R) ≤ λ_min(H) − λ_min(GN) ≤ λ_min(H) + tol: "negative curvature comes from R".
 */
import { buildProblem } from '../../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../../src/config/types.js';
import { gaussNewton, residualTerm } from '../../../src/hessian/hessian.js';
import { add, EPS, frobenius } from '../../../src/linalg/matrix.js';
import { getBackend } from '../../../src/linalg/selectBackend.js';
import { rankOfSymmetric } from '../../../src/spectrum/hessianSpectrum.js';
import { PSD_SLACK } from '../../../theory/gaussNewtonDecomposition.js';
import { activationLabelOf, teacherConfigArb } from '../../arbitraries/teacherConfigs.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { S1TwoLayerEvidence } from '../../evidence/S1.js';

export const gaussNewtonPsdProperty: PropertyDefinition<GeneratedConfig, S1TwoLayerEvidence> = {
  claim: 'S1',
  name: 'Gauss–Newton is PSD with rank ≤ N; negative eigenvalues of H come from the residual term',
  arbitrary: () => teacherConfigArb({ point: 'either', maxN: 30 }),
  numRuns: 300,
  label: (c) => `${activationLabelOf(c)}${c.studentOffset ? ' off θ*' : ' at θ*'}`,
  check(config) {
    const p = buildProblem(config);
    const backend = getBackend();
    const P = p.model.P;
    const GN = gaussNewton(p, p.theta);
    const R = residualTerm(p, p.theta);
    const H = add(GN, R);
    const eGN = backend.symmetricEigenvalues(GN);
    const eR = backend.symmetricEigenvalues(R);
    const eH = backend.symmetricEigenvalues(H);
    const tolGN = PSD_SLACK * P * EPS * frobenius(GN);
    const tolH = PSD_SLACK * P * EPS * (frobenius(GN) + frobenius(R));
    const gnRank = rankOfSymmetric(eGN, P).rank;
    const ev: S1TwoLayerEvidence = {
      kind: 'two-layer',
      P,
      N: p.N,
      atOptimum: p.atOptimum,
      lambdaMinGN: eGN[0],
      lambdaMinH: eH[0],
      lambdaMinR: eR[0],
      gaussNewtonRank: gnRank,
      negativeCurvature: eH[0] < -tolH,
    };
    return allOf(
      outcome(eGN[0] >= -tolGN, ev, () => `Gauss–Newton has eigenvalue ${eGN[0]} < −${tolGN.toExponential(2)}`),
      outcome(gnRank <= p.N, ev, () => `Gauss–Newton rank ${gnRank} exceeds N = ${p.N}`),
      outcome(eR[0] <= eH[0] + tolH, ev, () => `λ_min(R) = ${eR[0]} > λ_min(H) + tol = ${eH[0] + tolH}: negative curvature not explained by the residual term`),
      outcome(p.atOptimum ? eH[0] >= -tolH : true, ev, () => `H(θ*) has eigenvalue ${eH[0]} < −${tolH.toExponential(2)}`),
    );
  },
};
