/**
 * C2c · whitened data (C = I): the nonzero spectrum is ‖a‖² + eig(WᵀW), with exactly Ni − Nh
 * copies of ‖a‖² when Ni > Nh (theory/linearNetwork.ts predictedWhitenedSpectrum). Tolerance as
 * C2a's plus the whitening error (below). Evidence keeps the Ni eigenvalue pairs only where
 * Ni > Nh — the cases whose copies the report's figure shows.
 */
import { buildProblem } from '../../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../../src/config/types.js';
import { EPS, frobenius, type Matrix } from '../../../src/linalg/matrix.js';
import { hessianSpectrum } from '../../../src/spectrum/hessianSpectrum.js';
import { inputCovariance, linearLayers, linearM, predictedWhitenedSpectrum } from '../../../theory/linearNetwork.js';
import { EIG_SLACK } from '../../../theory/linearNetworkClaims.js';
import { linearConfigArb } from '../../arbitraries/linearConfigs.js';
import { allOf, outcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import type { C2cEvidence } from '../../evidence/C2c.js';
import { largestFirst, linearNetEvidence, maxAbsDiff, top } from '../linearNetworkChecks.js';

export const whitenedSpectrumProperty: PropertyDefinition<GeneratedConfig, C2cEvidence> = {
  claim: 'C2c',
  name: 'whitened data: nonzero spectrum is ‖a‖² + eig(WᵀW), with Ni − Nh copies of ‖a‖² when Ni > Nh',
  arbitrary: () => linearConfigArb({ whiten: true }).filter((c) => c.family === 'two-layer'),
  numRuns: 150,
  label: (c) => (c.Ni > c.Nh ? 'Ni > Nh' : 'Ni ≤ Nh'),
  check(config) {
    const p = buildProblem(config);
    const s = hessianSpectrum(p);
    const { W, a } = p.teacherWeights as { W: Matrix; a: Float64Array };
    const predicted = predictedWhitenedSpectrum(W, a);
    const a2 = a.reduce((t, v) => t + v * v, 0);
    const k = p.Ni;
    // Whitening makes C = I only to rounding (C − I ~ eps·κ(C), large when N ≈ Ni); by Weyl the
    // prediction for C = I moves by at most ‖M‖·‖C − I‖, which is added to the rounding tolerance.
    const M = linearM(linearLayers(p));
    const C = inputCovariance(p);
    for (let i = 0; i < p.Ni; i++) C.data[i * p.Ni + i] -= 1;
    const whiteningError = frobenius(M) * frobenius(C);
    const tol = EIG_SLACK * (p.N + p.model.P + p.Ni) * EPS * (s.eigenvalues[s.eigenvalues.length - 1] + frobenius(M)) + whiteningError;
    const got = top(s.eigenvalues, k);
    const err = maxAbsDiff(got, predicted);
    const copies = Array.from(got).filter((v) => Math.abs(v - a2) <= tol).length;
    const expectedCopies = Math.max(0, p.Ni - (p.Nh as number));
    const ev: C2cEvidence = {
      ...linearNetEvidence(config, p),
      maxEigenvalueError: err,
      tolerance: tol,
      whiteningError,
      copiesOfA2: copies,
      expectedCopies,
      eigenvalues: expectedCopies > 0 ? { predicted: largestFirst(predicted, k), measured: largestFirst(s.eigenvalues, k) } : null,
    };
    return allOf(
      outcome(err <= tol, ev, () => `nonzero spectrum differs from ‖a‖² + eig(WᵀW) by ${err.toExponential(2)} > ${tol.toExponential(2)}`),
      // Exactly Ni − Nh copies when Ni > Nh; for Ni ≤ Nh the other eigenvalues exceed ‖a‖² by eig(WᵀW) > 0 (generic).
      outcome(copies === expectedCopies, ev, () => `${copies} eigenvalues equal ‖a‖², expected ${expectedCopies}`),
    );
  },
};
