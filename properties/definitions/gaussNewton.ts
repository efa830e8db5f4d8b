/**
 * C1 · the Hessian at the optimum is Gauss–Newton; off it, Gauss–Newton + residual term.
 * Three independent routes: the closed form (src/hessian/hessian.ts), central finite
 * differences of the analytic gradient, and TensorFlow.js autodiff (float32).
 *
 * Tolerances:
 *  - finite differences: entrywise |H − H_fd| ≤ E, E the route's own error estimate
 *    (Richardson truncation + rounding, src/hessian/finiteDifferenceHessian.ts). Measured
 *    discrepancies are ≤ 14% of E (2,750 cases); dropping the residual term off θ* exceeds E by
 *    ≥ 9e4×, and the residual term off by a relative RESIDUAL_SCALE_ERROR = 1e-4 exceeds it by ≥ 9×
 *    — the near neighbour that keeps E from growing unnoticed.
 *  - tfjs: relative Frobenius error ≤ 16·√K·u₃₂·κ (src/autodiff/float32Tolerance.ts).
 * Wrong neighbours and when each is owed: theory/gaussNewton.ts. Evidence: properties/evidence/C1.ts.
 */
import { autodiffProblemAt } from '../../src/autodiff/fromProblem.js';
import { float32RelativeTolerance, termsPerEntry } from '../../src/autodiff/float32Tolerance.js';
import { tfjsHessian } from '../../src/autodiff/tfjsHessian.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import type { GeneratedConfig } from '../../src/config/types.js';
import { absoluteHessian } from '../../src/hessian/absoluteHessian.js';
import { finiteDifferenceHessian } from '../../src/hessian/finiteDifferenceHessian.js';
import { finiteDifferenceRatio } from '../../src/hessian/finiteDifferenceRatio.js';
import { fullHessian, gaussNewton, residualTerm } from '../../src/hessian/hessian.js';
import { add, frobenius, maxAbs, type Matrix } from '../../src/linalg/matrix.js';
import type { FiniteDifferenceHessian } from '../../src/hessian/finiteDifferenceHessian.js';
import { relativeFrobenius } from '../../src/linalg/relativeFrobenius.js';
import { RAW_TFJS_WRONG_ACTIVATIONS, RESIDUAL_SCALE_ERROR, RESIDUAL_VISIBLE_FACTOR } from '../../theory/gaussNewton.js';
import { activationLabelOf, teacherConfigArb } from '../arbitraries/teacherConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { C1AtOptimumEvidence, C1AutodiffEvidence, C1Evidence, C1OffOptimumEvidence } from '../evidence/C1.js';

/** A finite-difference ratio as evidence records it: null when infinite (the estimate is 0 where the routes differ). */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** max_ij |R_ij|/E_ij: the smallest relative error of the residual term the FD route resolves is its inverse; null when R = 0. */
function residualVisibility(R: Matrix, fd: FiniteDifferenceHessian): number | null {
  let v = 0;
  for (let i = 0; i < R.data.length; i++) if (R.data[i] !== 0) v = Math.max(v, Math.abs(R.data[i]) / fd.errorEstimate.data[i]);
  return v === 0 ? null : finiteOrNull(v);
}

export const atOptimumProperty: PropertyDefinition<GeneratedConfig, C1Evidence> = {
  claim: 'C1',
  name: 'H(θ*) = JᵀJ/N: residual term vanishes, finite differences agree',
  arbitrary: () => teacherConfigArb({ point: 'optimum' }),
  numRuns: 250,
  label: activationLabelOf,
  check(config) {
    const p = buildProblem(config);
    const R = residualTerm(p, p.theta);
    const ratio = finiteDifferenceRatio(gaussNewton(p, p.theta), finiteDifferenceHessian(p, p.theta));
    const ev: C1AtOptimumEvidence = { kind: 'at-optimum', P: p.model.P, N: p.N, residualTermMax: maxAbs(R.data), fdRatio: finiteOrNull(ratio) };
    return allOf(
      // r_n = y_θ*(x_n) − y_θ*(x_n) is computed by the same arithmetic twice: exactly 0.
      outcome(maxAbs(R.data) === 0, ev, () => `residual term at θ* is not exactly 0 (max ${maxAbs(R.data)})`),
      outcome(ratio <= 1, ev, () => `JᵀJ/N differs from finite differences by ${ratio.toFixed(2)}× their error estimate`),
    );
  },
};

export const offOptimumProperty: PropertyDefinition<GeneratedConfig, C1Evidence> = {
  claim: 'C1',
  name: 'off θ*: H = Gauss–Newton + residual term (finite differences); Gauss–Newton alone and the residual term off by 1e-4 are rejected',
  arbitrary: () => teacherConfigArb({ point: 'off' }),
  numRuns: 250,
  label: activationLabelOf,
  check(config) {
    const p = buildProblem(config);
    const fd = finiteDifferenceHessian(p, p.theta);
    const GN = gaussNewton(p, p.theta);
    const R = residualTerm(p, p.theta);
    const full = finiteDifferenceRatio(fullHessian(p, p.theta), fd);
    const gnOnly = finiteDifferenceRatio(GN, fd);
    const scaled = finiteDifferenceRatio(add(GN, R, 1 + RESIDUAL_SCALE_ERROR), fd);
    const ev: C1OffOptimumEvidence = {
      kind: 'off-optimum',
      P: p.model.P,
      N: p.N,
      fdRatio: finiteOrNull(full),
      gaussNewtonOnlyRatio: finiteOrNull(gnOnly),
      residualTermNorm: frobenius(R),
      residualScaledRatio: finiteOrNull(scaled),
      residualVisibility: residualVisibility(R, fd),
    };
    return allOf(
      outcome(full <= 1, ev, () => `GN + residual differs from finite differences by ${full.toFixed(2)}× their error estimate`),
      // Power: the wrong neighbour "H = Gauss–Newton off the optimum" must be rejected by the same
      // test, wherever the residual term is not identically zero (it is for ReLU units dead on all data).
      outcome(gnOnly > 1 || ev.residualTermNorm === 0, ev, () => `Gauss–Newton alone was not rejected (ratio ${gnOnly.toFixed(3)} ≤ 1): the test has no power here`),
      // The near neighbour: the residual term off by a relative RESIDUAL_SCALE_ERROR must be rejected
      // by the same test (theory/gaussNewton.ts: it pins the FD error estimate within ~10× of its need).
      outcome(scaled > 1 || ev.residualTermNorm === 0, ev, () => `the residual term scaled by 1 + ${RESIDUAL_SCALE_ERROR} was not rejected (ratio ${scaled.toFixed(3)} ≤ 1): the finite differences carry more slack than they need`),
    );
  },
};

const TRAPPED = new Set(RAW_TFJS_WRONG_ACTIVATIONS);

export const autodiffProperty: PropertyDefinition<GeneratedConfig, C1Evidence> = {
  claim: 'C1',
  name: 'tfjs autodiff Hessian agrees with the closed form (float32 cross-check), and catches the tanh trap',
  arbitrary: () => teacherConfigArb({ point: 'either', maxN: 16 }),
  numRuns: 100,
  label: (c) => `${activationLabelOf(c)}${c.studentOffset ? ' off θ*' : ' at θ*'}`,
  async check(config): Promise<CaseOutcome<C1Evidence>> {
    const p = buildProblem(config);
    const H = fullHessian(p, p.theta);
    const hidden = p.widths ? p.widths.slice(1) : [p.Nh as number];
    if (frobenius(H) === 0) {
      // A dead network (e.g. ReLU with every pre-activation ≤ 0 on the data, found by the --full run):
      // H = 0 exactly and has no relative error; both routes multiply by the same zero masks, so
      // tfjs must give exactly 0 as well.
      const tf = await tfjsHessian(autodiffProblemAt(p));
      const worst = maxAbs(tf.hessian.data);
      const ev: C1AutodiffEvidence = { kind: 'autodiff', P: p.model.P, N: p.N, relError: 0, tolerance: float32RelativeTolerance(termsPerEntry(p.N, p.Ni, hidden), 1), kappa: 1, backend: tf.backend, naiveRelError: null };
      return outcome(worst === 0, ev, () => `H(θ) = 0 exactly (no active unit on the data) but tfjs gives max |H_ij| = ${worst.toExponential(2)}`);
    }
    const kappa = frobenius(absoluteHessian(p, p.theta)) / frobenius(H);
    const tol = float32RelativeTolerance(termsPerEntry(p.N, p.Ni, hidden), kappa);
    const tf = await tfjsHessian(autodiffProblemAt(p));
    const err = relativeFrobenius(tf.hessian, H);
    const ev: C1AutodiffEvidence = { kind: 'autodiff', P: p.model.P, N: p.N, relError: err, tolerance: tol, kappa, backend: tf.backend, naiveRelError: null };
    const parts = [outcome(err <= tol, ev, () => `tfjs Hessian relative error ${err.toExponential(2)} > ${tol.toExponential(2)} (κ = ${kappa.toFixed(2)})`)];
    const label = p.activation?.label ?? '';
    if (TRAPPED.has(label) && !p.atOptimum && frobenius(residualTerm(p, p.theta)) > RESIDUAL_VISIBLE_FACTOR * tol * frobenius(H)) {
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
