/**
 * C2a–c · linear networks (theory/linearNetwork.ts).
 *
 * Eigenvalue tolerance: both sides are eigenvalues of matrices formed in float64 (H = JᵀJ/N
 * or its kernel, and Rᵀ C R) by backward-stable eigensolvers; the forming sums have
 * ≤ max(N, P) terms. Standard bounds (Higham §3.5 for inner products, Weyl for the
 * eigensolver) give |Δλ| ≤ c·(N + P)·eps·(‖H‖₂ + ‖M‖₂‖C‖₂). We assert
 *   |λ_H − λ_MC| ≤ EIG_SLACK·(N + P + Ni)·eps·(λ_max(H) + ‖M‖_F‖C‖_F), EIG_SLACK = 16.
 */
import { buildProblem } from '../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../src/config/types.js';
import { EPS, frobenius } from '../../src/linalg/matrix.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import {
  inputCovariance,
  linearLayers,
  linearM,
  predictedLinearRank,
  predictedLinearSpectrum,
  predictedLinearTrace,
  predictedWhitenedSpectrum,
} from '../../theory/linearNetwork.js';
import { linearConfigArb, linearLabel } from '../arbitraries/linearConfigs.js';
import { allOf, outcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import { KEPT_MARGIN_MIN } from './rank.js';
import type { LegacyEvidence } from '../evidence/legacy.js';

export const EIG_SLACK = 16;

function top(values: Float64Array, k: number): Float64Array {
  return values.slice(values.length - k);
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export const linearSpectrumProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
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
    const ev = { P: p.model.P, N: p.N, Ni: p.Ni, maxEigenvalueError: err, otherEigenvaluesMax: restErr, traceError: trErr, tolerance: tol };
    return allOf(
      outcome(err <= tol, ev, () => `top ${k} eigenvalues differ from eig(MC) by ${err.toExponential(2)} > ${tol.toExponential(2)}`),
      outcome(restErr <= tol, ev, () => `the other ${s.eigenvalues.length - k} eigenvalues are not zero (max |λ| ${restErr.toExponential(2)})`),
      outcome(trErr <= tol, ev, () => `tr H − tr(MC) = ${trErr.toExponential(2)} > ${tol.toExponential(2)}`),
    );
  },
};

export const linearRankProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
  claim: 'C2b',
  name: 'rank H(θ*) = min(Ni, N) when M ≻ 0, with P − rank zero eigenvalues',
  arbitrary: () => linearConfigArb(),
  numRuns: 200,
  label: linearLabel,
  check(config) {
    const p = buildProblem(config);
    const s = hessianSpectrum(p);
    const pred = predictedLinearRank(p);
    const r = s.rank;
    const ev = { P: p.model.P, N: p.N, Ni: p.Ni, predictedRank: pred.rank, measuredRank: r.rank, gap: Number.isFinite(r.gap) ? r.gap : null };
    return allOf(
      outcome(pred.formula.startsWith('min(Ni, N)'), ev, () => `M is not positive definite for this draw (${pred.formula})`),
      outcome(r.rank === pred.rank, ev, () => `rank ${r.rank} ≠ ${pred.rank} (${pred.formula})`),
      outcome(r.rank === 0 || (r.sigmaAtRank as number) >= KEPT_MARGIN_MIN * r.tolerance, ev, () => `smallest kept σ within ${KEPT_MARGIN_MIN}× of the tolerance`),
    );
  },
};

export const zeroOutputCounterexampleProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
  claim: 'C2b',
  name: 'counterexample a = 0: rank H(θ*) = rank(W), and min(Ni, N) is rejected when Nh < min(Ni, N)',
  arbitrary: () => linearConfigArb({ zeroOutput: true }),
  numRuns: 150,
  label: linearLabel,
  check(config) {
    const p = buildProblem(config);
    const s = hessianSpectrum(p);
    const pred = predictedLinearRank(p);
    const naive = Math.min(p.Ni, p.N);
    const ev = { Ni: p.Ni, Nh: p.Nh, N: p.N, predictedRank: pred.rank, measuredRank: s.rank.rank, naiveRank: naive };
    return allOf(
      outcome(s.rank.rank === pred.rank, ev, () => `rank ${s.rank.rank} ≠ min(rank W, N) = ${pred.rank}`),
      outcome(pred.rank === naive || s.rank.rank !== naive, ev, () => `min(Ni, N) = ${naive} not rejected`),
    );
  },
};

export const whitenedSpectrumProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
  claim: 'C2c',
  name: 'whitened data: nonzero spectrum is ‖a‖² + eig(WᵀW), with Ni − Nh copies of ‖a‖² when Ni > Nh',
  arbitrary: () => linearConfigArb({ whiten: true }).filter((c) => c.family === 'two-layer'),
  numRuns: 150,
  label: (c) => (c.Ni > c.Nh ? 'Ni > Nh' : 'Ni ≤ Nh'),
  check(config) {
    const p = buildProblem(config);
    const s = hessianSpectrum(p);
    const { W, a } = p.teacherWeights as { W: import('../../src/linalg/matrix.js').Matrix; a: Float64Array };
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
    const ev = { Ni: p.Ni, Nh: p.Nh, maxEigenvalueError: err, tolerance: tol, whiteningError, copiesOfA2: copies, expectedCopies };
    return allOf(
      outcome(err <= tol, ev, () => `nonzero spectrum differs from ‖a‖² + eig(WᵀW) by ${err.toExponential(2)} > ${tol.toExponential(2)}`),
      // Exactly Ni − Nh copies when Ni > Nh; for Ni ≤ Nh the other eigenvalues exceed ‖a‖² by eig(WᵀW) > 0 (generic).
      outcome(copies === expectedCopies, ev, () => `${copies} eigenvalues equal ‖a‖², expected ${expectedCopies}`),
    );
  },
};

export const LINEAR_PROPERTIES = [linearSpectrumProperty, linearRankProperty, zeroOutputCounterexampleProperty, whitenedSpectrumProperty];
