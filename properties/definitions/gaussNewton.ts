/**
 * C1 · the Hessian at the optimum is Gauss–Newton; off it, Gauss–Newton + residual term.
 * Three independent routes: the closed form (src/hessian/hessian.ts), central finite
 * differences of the analytic gradient, and TensorFlow.js autodiff (float32).
 *
 * Tolerances:
 *  - finite differences: entrywise |H − H_fd| ≤ E, E the route's own error estimate
 *    (Richardson truncation + rounding, src/hessian/finiteDifferenceHessian.ts). Measured
 *    discrepancies are ≤ 7% of E; dropping the residual term off θ* exceeds E by orders.
 *  - tfjs: relative Frobenius error ≤ 16·√K·u₃₂·κ (src/autodiff/float32Tolerance.ts).
 */
import { autodiffProblemAt } from '../../src/autodiff/fromProblem.js';
import { float32RelativeTolerance, termsPerEntry } from '../../src/autodiff/float32Tolerance.js';
import { tfjsHessian } from '../../src/autodiff/tfjsHessian.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../src/config/types.js';
import { absoluteHessian } from '../../src/hessian/absoluteHessian.js';
import { finiteDifferenceHessian, type FiniteDifferenceHessian } from '../../src/hessian/finiteDifferenceHessian.js';
import { fullHessian, gaussNewton, residualTerm } from '../../src/hessian/hessian.js';
import { frobenius, maxAbs, type Matrix } from '../../src/linalg/matrix.js';
import { activationLabelOf, teacherConfigArb } from '../arbitraries/teacherConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { LegacyEvidence } from '../evidence/legacy.js';

/** max_ij |A_ij − FD_ij| / E_ij: ≤ 1 means A agrees with finite differences within their error. */
export function finiteDifferenceRatio(a: Matrix, fd: FiniteDifferenceHessian): number {
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const diff = Math.abs(a.data[i] - fd.hessian.data[i]);
    // Exact agreement counts as 0 even where the estimate is 0 (e.g. a ReLU unit dead on all data).
    if (diff !== 0) worst = Math.max(worst, diff / fd.errorEstimate.data[i]);
  }
  return worst;
}

export function relativeFrobenius(a: Matrix, b: Matrix): number {
  let num = 0;
  for (let i = 0; i < a.data.length; i++) num += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(num) / frobenius(b);
}

export const atOptimumProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
  claim: 'C1',
  name: 'H(θ*) = JᵀJ/N: residual term vanishes, finite differences agree',
  arbitrary: () => teacherConfigArb({ point: 'optimum' }),
  numRuns: 250,
  label: activationLabelOf,
  check(config) {
    const p = buildProblem(config);
    const R = residualTerm(p, p.theta);
    const ratio = finiteDifferenceRatio(gaussNewton(p, p.theta), finiteDifferenceHessian(p, p.theta));
    const ev = { P: p.model.P, N: p.N, residualTermMax: maxAbs(R.data), fdRatio: ratio };
    return allOf(
      // r_n = y_θ*(x_n) − y_θ*(x_n) is computed by the same arithmetic twice: exactly 0.
      outcome(maxAbs(R.data) === 0, ev, () => `residual term at θ* is not exactly 0 (max ${maxAbs(R.data)})`),
      outcome(ratio <= 1, ev, () => `JᵀJ/N differs from finite differences by ${ratio.toFixed(2)}× their error estimate`),
    );
  },
};

export const offOptimumProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
  claim: 'C1',
  name: 'off θ*: H = Gauss–Newton + residual term (finite differences); Gauss–Newton alone is rejected',
  arbitrary: () => teacherConfigArb({ point: 'off' }),
  numRuns: 250,
  label: activationLabelOf,
  check(config) {
    const p = buildProblem(config);
    const fd = finiteDifferenceHessian(p, p.theta);
    const full = finiteDifferenceRatio(fullHessian(p, p.theta), fd);
    const gnOnly = finiteDifferenceRatio(gaussNewton(p, p.theta), fd);
    const ev = { P: p.model.P, N: p.N, fdRatio: full, gaussNewtonOnlyRatio: gnOnly, residualTermNorm: frobenius(residualTerm(p, p.theta)) };
    return allOf(
      outcome(full <= 1, ev, () => `GN + residual differs from finite differences by ${full.toFixed(2)}× their error estimate`),
      // Power: the wrong neighbour "H = Gauss–Newton off the optimum" must be rejected by the same
      // test, wherever the residual term is not identically zero (it is for ReLU units dead on all data).
      outcome(gnOnly > 1 || ev.residualTermNorm === 0, ev, () => `Gauss–Newton alone was not rejected (ratio ${gnOnly.toFixed(3)} ≤ 1): the test has no power here`),
    );
  },
};

/** tanh and sigmoid are the activations whose raw tfjs second derivatives are wrong off θ*. */
const TRAPPED = new Set(['tanh', 'sigmoid']);

export const autodiffProperty: PropertyDefinition<GeneratedConfig, LegacyEvidence> = {
  claim: 'C1',
  name: 'tfjs autodiff Hessian agrees with the closed form (float32 cross-check), and catches the tanh trap',
  arbitrary: () => teacherConfigArb({ point: 'either', maxN: 16 }),
  numRuns: 100,
  label: (c) => `${activationLabelOf(c)}${c.studentOffset ? ' off θ*' : ' at θ*'}`,
  async check(config): Promise<CaseOutcome<LegacyEvidence>> {
    const p = buildProblem(config);
    const H = fullHessian(p, p.theta);
    const kappa = frobenius(absoluteHessian(p, p.theta)) / frobenius(H);
    const hidden = p.widths ? p.widths.slice(1) : [p.Nh as number];
    const tol = float32RelativeTolerance(termsPerEntry(p.N, p.Ni, hidden), kappa);
    const tf = await tfjsHessian(autodiffProblemAt(p));
    const err = relativeFrobenius(tf.hessian, H);
    const ev: Record<string, number | string | null> = { P: p.model.P, N: p.N, relError: err, tolerance: tol, kappa, backend: tf.backend, naiveRelError: null };
    const parts = [outcome(err <= tol, ev, () => `tfjs Hessian relative error ${err.toExponential(2)} > ${tol.toExponential(2)} (κ = ${kappa.toFixed(2)})`)];
    const label = p.activation?.label ?? '';
    if (TRAPPED.has(label) && !p.atOptimum && frobenius(residualTerm(p, p.theta)) > 10 * tol * frobenius(H)) {
      // Power: the raw tfjs ops (no custom gradient) must fail the same tolerance off θ*.
      const naive = await tfjsHessian(autodiffProblemAt(p), { naiveActivations: true });
      const naiveErr = relativeFrobenius(naive.hessian, H);
      ev.naiveRelError = naiveErr;
      parts.push(outcome(naiveErr > tol, ev, () => `raw tfjs ${label} was not rejected (error ${naiveErr.toExponential(2)} ≤ ${tol.toExponential(2)})`));
    }
    return allOf(...parts);
  },
};

export const GAUSS_NEWTON_PROPERTIES = [atOptimumProperty, offOptimumProperty, autodiffProperty];
