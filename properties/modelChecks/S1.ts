/**
 * S1 on one model: H = Gauss–Newton + residual term, GN ⪰ 0 with its rank bound, negative
 * curvature only from the residual term (theory/gaussNewtonDecomposition.ts; Sagun et al. 2018
 * Eq. 4).
 *
 *  - MLP, dense route (P×P within the memory budget and the finite-difference Hessian within
 *    DENSE_CHECK_FLOPS): the suite's own S1 checks, checkMlpDecomposition and
 *    checkMlpGaussNewtonRank (properties/definitions/gaussNewtonDecomposition.ts), on the user's
 *    problem and θ: three routes to one identity, Richardson finite differences of the gradient,
 *    H·v against the dense H, GN ⪰ 0, rank GN ≤ N(k − 1) (cross-entropy) or N·k, λ_min(R) ≤
 *    λ_min(H), the softmax shift direction, and the wrong neighbours (GN alone; ∇²ℓ = diag(p)).
 *  - MLP, matrix-free route (larger models): the same statements on what can be measured
 *    without P×P matrices — MATRIX_FREE_COLUMNS finite-difference columns against H·e_i (and
 *    GN·e_i alone rejected where R is visible), GN ⪰ 0 and λ_min(R) ≤ λ_min(H) by Lanczos (with
 *    the Lanczos residuals in the tolerance), ‖H·u‖ along the softmax shift direction. The rank
 *    bound needs the dense GN and is not checked there (said in the reason).
 *  - teacher–student configurations: the S1 property itself (gaussNewtonPsdProperty).
 */
import { denseHessianBytes, memoryBudgetBytes } from '../../src/config/memoryBudget.js';
import { finiteDifferenceColumn } from '../../src/hessian/finiteDifferenceColumn.js';
import { EPS, norm2 } from '../../src/linalg/matrix.js';
import { mlpLayout, mlpOperationCount, type MlpProblem } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';
import { EIGEN_SLACK } from '../../src/spectrum/decomposition.js';
import { operatorEnds } from '../../src/spectrum/operatorEnds.js';
import { S1_CLAIM } from '../../theory/gaussNewtonDecomposition.js';
import { ROUTE_SLACK } from '../../theory/gaussNewtonDecomposition.js';
import { gaussNewtonPsdProperty } from '../definitions/gaussNewtonDecomposition.js';
import { checkMlpDecomposition } from '../definitions/S1/mlpDecomposition.js';
import { checkMlpGaussNewtonRank } from '../definitions/S1/mlpGaussNewtonRank.js';
import { applied, partFrom, type ModelCheckPart, type ModelCheckResult, type ModelSubject } from './types.js';

/** Largest cost (multiply-adds) of the dense route's finite-difference Hessian, 12·N·P² (4P gradients of 3NP): measured ≈ 4 s of CPU per 1e9 with the other dense checks (P = 964, N = 200: 2.2e9, 9 s), so ≈ 40 s here. */
export const DENSE_CHECK_FLOPS = 1e10;
/** Finite-difference columns checked on the matrix-free route. */
export const MATRIX_FREE_COLUMNS = 4;
/** Lanczos tolerance of the matrix-free route's extreme eigenvalues (residuals enter the tolerances). */
const LANCZOS_TOLERANCE = 1e-8;

const KINKED = new Set(['relu', 'leaky-relu', 'elu']);

export function denseCheckFits(P: number, N: number): boolean {
  return denseHessianBytes(P, N) <= memoryBudgetBytes() && 12 * N * P * P <= DENSE_CHECK_FLOPS;
}

export function checkS1(s: ModelSubject): ModelCheckResult {
  if (s.mlp) {
    const { problem, theta } = s.mlp;
    if (denseCheckFits(problem.P, problem.N)) {
      return applied(S1_CLAIM, `MLP with ${problem.spec.loss} loss (${problem.spec.reduction}): the suite's S1 checks on the dense H, GN and R (P = ${problem.P}) and a finite-difference Hessian`, [
        partFrom('H = GN + R by three routes; H against finite differences of the gradient; H·v against the dense H; GN alone rejected where R is measurable', checkMlpDecomposition(problem, theta, s.seed)),
        partFrom(`GN ⪰ 0 with rank ≤ ${problem.spec.loss === 'cross-entropy' ? 'N(k − 1)' : 'N·k'}; λ_min(R) ≤ λ_min(H)${problem.spec.loss === 'cross-entropy' ? '; H·u = 0 along the softmax shift; ∇²ℓ = diag(p) rejected' : ''}`, checkMlpGaussNewtonRank(problem, theta)),
      ]);
    }
    return applied(S1_CLAIM, `MLP with P = ${problem.P}, N = ${problem.N}: too large for the dense checks (${(12 * problem.N * problem.P * problem.P).toExponential(1)} multiply-adds for the finite-difference Hessian, or past the memory budget), so the matrix-free form: ${MATRIX_FREE_COLUMNS} finite-difference columns against H·e_i, GN ⪰ 0 and λ_min(R) ≤ λ_min(H) by Lanczos; the rank bound needs the dense GN and is not checked`, matrixFreeParts(s, problem, theta));
  }
  const p = s.teacherStudent!;
  return applied(S1_CLAIM, `${p.family} teacher–student net (½·mean squared error, scalar output): the S1 property's check`, [partFrom(gaussNewtonPsdProperty.name, gaussNewtonPsdProperty.check(s.config as never) as never)]);
}

function matrixFreeParts(s: ModelSubject, p: MlpProblem, theta: Float64Array): ModelCheckPart[] {
  const parts: ModelCheckPart[] = [];
  const P = p.P;
  const rng = Rng.fromSeed(s.seed).split('s1-columns');
  const columns = Array.from(new Set(Array.from({ length: Math.min(MATRIX_FREE_COLUMNS, P) }, () => rng.integer(P))));
  const rounding = p.gradientRoundingBound(theta);
  let worst = 0;
  let gnWorst = 0;
  let residualVisible = false;
  let kinks = 0;
  for (const i of columns) {
    const fd = finiteDifferenceColumn((th) => p.gradient(th), theta, i, rounding);
    if (crossesKink(p, theta, i, fd.step)) {
      kinks++;
      continue;
    }
    const e = new Float64Array(P);
    e[i] = 1;
    const hv = p.hessianVector(theta, e);
    const gv = p.gaussNewtonVector(theta, e);
    const rv = p.residualVector(theta, e);
    s.onApply?.();
    for (let r = 0; r < P; r++) {
      const err = fd.errorEstimate[r];
      const d = Math.abs(hv[r] - fd.column[r]);
      if (d !== 0) worst = Math.max(worst, d / err);
      const g = Math.abs(gv[r] - fd.column[r]);
      if (g !== 0) gnWorst = Math.max(gnWorst, g / err);
      if (Math.abs(rv[r]) > 10 * err) residualVisible = true;
    }
  }
  const checked = columns.length - kinks;
  const fdEvidence = { columns, kinkColumns: kinks, fdRatio: worst, gnOnlyFdRatio: gnWorst, residualVisible };
  if (checked === 0) parts.push({ name: 'H·e_i against finite differences of the gradient', status: 'inconclusive', message: `every sampled column's stencil crosses a ${p.spec.activation} kink`, evidence: fdEvidence });
  else {
    parts.push({ name: `H·e_i against finite differences of the gradient (${checked} columns)`, status: worst <= 1 ? 'pass' : 'fail', message: worst <= 1 ? '' : `H·e_i differs from finite differences by ${worst.toFixed(3)}× their error estimate`, evidence: fdEvidence });
    parts.push({ name: 'wrong neighbour: GN alone as the Hessian', status: !residualVisible || gnWorst > 1 ? 'pass' : 'fail', message: !residualVisible || gnWorst > 1 ? '' : `GN·e_i was not rejected (ratio ${gnWorst.toFixed(3)} ≤ 1) although R is measurable`, evidence: fdEvidence });
  }
  const m = s.curvature;
  const common = { k: 1, tolerance: LANCZOS_TOLERANCE, backend: s.backend, operatorCacheBytes: m.operatorCacheBytes, seed: s.seed, onApply: s.onApply };
  const gnTop = operatorEnds(m.gaussNewtonOperator(), { ...common, which: 'largest' });
  const gnBottom = operatorEnds(m.gaussNewtonOperator(), { ...common, which: 'smallest' });
  const hBottom = operatorEnds(m.hessianOperator(), { ...common, which: 'smallest' });
  const rBottom = operatorEnds(m.residualOperator(), { ...common, which: 'smallest' });
  const rTop = operatorEnds(m.residualOperator(), { ...common, which: 'largest' });
  // Backward error of the eigenvalue (EIGEN_SLACK·P·eps·‖A‖₂ with ‖A‖₂ from Lanczos) plus its Lanczos residual (a rigorous bound).
  const tolGN = EIGEN_SLACK * P * EPS * gnTop.values[0] + gnBottom.residuals[0];
  const normR = Math.max(Math.abs(rTop.values[0]), Math.abs(rBottom.values[0]));
  const tolH = EIGEN_SLACK * P * EPS * (gnTop.values[0] + normR) + hBottom.residuals[0] + rBottom.residuals[0];
  const ev = { lambdaMaxGN: gnTop.values[0], lambdaMinGN: gnBottom.values[0], lambdaMinH: hBottom.values[0], lambdaMinR: rBottom.values[0], toleranceGN: tolGN, toleranceH: tolH, converged: gnBottom.converged && hBottom.converged && rBottom.converged };
  parts.push({ name: 'GN ⪰ 0 (λ_min by Lanczos)', status: gnBottom.values[0] >= -tolGN ? 'pass' : 'fail', message: gnBottom.values[0] >= -tolGN ? '' : `λ_min(GN) = ${gnBottom.values[0]} < −${tolGN.toExponential(2)}`, evidence: ev });
  parts.push({ name: 'negative curvature comes from R: λ_min(R) ≤ λ_min(H) (Weyl, GN ⪰ 0)', status: rBottom.values[0] <= hBottom.values[0] + tolH ? 'pass' : 'fail', message: rBottom.values[0] <= hBottom.values[0] + tolH ? '' : `λ_min(R) = ${rBottom.values[0]} > λ_min(H) + tol = ${hBottom.values[0] + tolH}`, evidence: ev });
  if (p.spec.loss === 'cross-entropy' && p.spec.bias) {
    const lay = mlpLayout(p.spec);
    const k = p.spec.outputs;
    const u = new Float64Array(P);
    for (let c = 0; c < k; c++) u[lay.biasOffset[lay.L] + c] = 1 / Math.sqrt(k);
    const hu = norm2(p.hessianVector(theta, u));
    s.onApply?.();
    // As in checkMlpGaussNewtonRank with ‖A‖_F ≤ √P·‖A‖₂: ROUTE_SLACK·γ·√P·(‖GN‖₂ + ‖R‖₂).
    const gamma = EPS * mlpOperationCount(lay.widths, p.N);
    const tol = ROUTE_SLACK * gamma * Math.sqrt(P) * (gnTop.values[0] + normR) + tolH;
    parts.push({ name: 'H·u = 0 along the softmax shift direction u (output biases)', status: hu <= tol ? 'pass' : 'fail', message: hu <= tol ? '' : `‖H·u‖ = ${hu.toExponential(2)} > ${tol.toExponential(2)}`, evidence: { shiftCurvature: hu, shiftTolerance: tol } });
  }
  return parts;
}

/** A kinked unit changes its side of the kink on the stencil θ ± h e_i, θ ± 2h e_i (finite differences meaningless there). */
function crossesKink(p: MlpProblem, theta: Float64Array, i: number, h: number): boolean {
  if (!KINKED.has(p.spec.activation)) return false;
  const sign = (th: Float64Array) => Uint8Array.from(p.preActivations(th).data, (v) => (v > 0 ? 1 : 0));
  const base = sign(theta);
  const shifted = Float64Array.from(theta);
  for (const t of [-2, -1, 1, 2]) {
    shifted[i] = theta[i] + t * h;
    const z = sign(shifted);
    for (let j = 0; j < z.length; j++) if (z[j] !== base[j]) return true;
  }
  return false;
}

