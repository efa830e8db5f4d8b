/**
 * The float64 side of the autodiff tests, expressed through the project's own engine.
 *
 * A test case is a teacher–student problem built by buildProblem (src/config) from
 * weights and data drawn with the suite's Rng, taken at a point θ: the student (off the
 * optimum) or the teacher (at it). `input` is the same point as tfjsHessian sees it
 * (autodiffProblemAt). The float64 references are the engine's: the closed-form Hessian
 * (src/hessian/hessian.ts), finite differences of its analytic gradient, the loss and
 * gradient (src/hessian/problem.ts); tolerances are float32RelativeTolerance
 * (src/autodiff/float32Tolerance.ts).
 *
 * Computed here because only these tests need it:
 *  - the rounding scales each float32 comparison is measured against (cancellation
 *    ratio κ, per-entry gradient scale, loss scale);
 *  - the curvature term that tfjs's raw tanh/sigmoid drop (`droppedCurvature`);
 *  - reference derivatives of the constant polynomials, which tfjs accepts and the
 *    engine rejects (`activationReference`).
 *
 * Not a test file (no `.test.ts`): imported by the tests in this directory.
 */
import type { AutodiffProblem } from '../../src/autodiff/tfjsHessian.js';
import { autodiffProblemAt } from '../../src/autodiff/fromProblem.js';
import { float32RelativeTolerance, termsPerEntry } from '../../src/autodiff/float32Tolerance.js';
import { buildProblem, type TeacherStudentProblem } from '../../src/config/buildProblem.js';
import { absoluteHessian } from '../../src/hessian/absoluteHessian.js';
import { fullHessian, residualTerm } from '../../src/hessian/hessian.js';
import { residuals, type LeastSquaresProblem } from '../../src/hessian/problem.js';
import { frobenius, matTvec, norm2, toRows, type Matrix } from '../../src/linalg/matrix.js';
import { resolveActivation, type Activation } from '../../src/nets/activation.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import type { Rng } from '../../src/rng/rng.js';
import { randomMatrix, randomVector } from '../support/randomMatrices.js';

export type TwoLayerInput = Extract<AutodiffProblem, { family: 'two-layer' }>;
export type DeepLinearInput = Extract<AutodiffProblem, { family: 'deep-linear' }>;

export interface Case<I extends AutodiffProblem = AutodiffProblem> {
  /** The engine's problem; every float64 reference is taken at `theta`. */
  readonly problem: TeacherStudentProblem;
  readonly theta: Float64Array;
  /** The same problem and point as tfjsHessian's input. */
  readonly input: I;
}

// ---------------------------------------------------------------- cases

/** `spec` overrides the activation the engine resolved (which maps the alias 'linear' to 'identity'), so tfjs sees the spec the test names. */
function caseAt<I extends AutodiffProblem>(problem: TeacherStudentProblem, theta: Float64Array, spec?: ActivationSpec): Case<I> {
  const input = autodiffProblemAt(problem, theta);
  return { problem, theta, input: (input.family === 'two-layer' && spec !== undefined ? { ...input, activation: spec } : input) as I };
}

export interface TwoLayerDraw {
  readonly Ni: number;
  readonly Nh: number;
  readonly N: number;
  /** Standard deviation of the output weights a (default 1); W has 1/√Ni, X has 1. */
  readonly aScale?: number;
}

/** A random two-layer teacher and an independent student, at the student: residuals are O(1). */
export function twoLayerCase(rng: Rng, activation: ActivationSpec, { Ni, Nh, N, aScale = 1 }: TwoLayerDraw): Case<TwoLayerInput> {
  const draw = (r: Rng) => ({ W: toRows(randomMatrix(r, Nh, Ni, 1 / Math.sqrt(Ni))), a: Array.from(randomVector(r, Nh, aScale)) });
  const X = toRows(randomMatrix(rng.split('data'), N, Ni));
  const problem = buildProblem({ family: 'two-layer', activation, ...draw(rng.split('teacher')), X, student: draw(rng.split('student')) });
  return caseAt(problem, problem.theta, activation);
}

/** A random deep-linear teacher and an independent student with widths [Ni, n1, …, 1] (layer l has sd 1/√n_{l−1}), at the student. */
export function deepLinearCase(rng: Rng, widths: readonly number[], N: number): Case<DeepLinearInput> {
  const draw = (r: Rng) => widths.slice(1).map((w, l) => toRows(randomMatrix(r, w, widths[l], 1 / Math.sqrt(widths[l]))));
  const X = toRows(randomMatrix(rng.split('data'), N, widths[0]));
  const problem = buildProblem({ family: 'deep-linear', layers: draw(rng.split('teacher')), X, student: { layers: draw(rng.split('student')) } });
  return caseAt(problem, problem.theta);
}

/** The same problem at the teacher θ*, where every residual is exactly 0. */
export function atOptimum<I extends AutodiffProblem>(c: Case<I>): Case<I> {
  return caseAt(c.problem, c.problem.teacher, c.input.family === 'two-layer' ? c.input.activation : undefined);
}

// ---------------------------------------------------------------- float32 rounding scales

/** K, the float32 terms each tfjs entry accumulates: N·(Ni + Nh) or N·(Ni + Σ widths). */
export function accumulationLength(c: Case): number {
  const p = c.problem;
  return termsPerEntry(p.N, p.Ni, p.family === 'two-layer' ? [p.Nh as number] : (p.widths as number[]).slice(1));
}

/**
 * The deep-linear "absolute problem": |W_l|, |X| and targets −(|r_n| + |t_n|), at |θ|.
 * Its residuals are ρ_n = |r_n| + |t_n| + y^abs_n, the scale on which float32 rounds
 * y_n − t_n; since y is a sum of products of weights and inputs, its Jacobian and
 * Hessian bound, entry by entry, the sums of |terms| the real ones accumulate.
 * (absoluteHessian takes |·| of J_n after its products are summed, which is not a
 * bound for a product of several layers.)
 */
function absoluteDeepLinear(c: Case): { problem: LeastSquaresProblem; theta: Float64Array } {
  const p = c.problem;
  const r = residuals(p, c.theta);
  return {
    problem: { model: p.model, X: { ...p.X, data: p.X.data.map(Math.abs) }, targets: r.map((rn, n) => -(Math.abs(rn) + Math.abs(p.targets[n]))) },
    theta: c.theta.map(Math.abs),
  };
}

/**
 * κ = ‖H_abs‖_F / ‖H‖_F, the cancellation in the Hessian's sums: two-layer, the engine's
 * absoluteHessian (each term of J and ∇²y is a single product); deep-linear, the
 * Hessian of the absolute problem.
 */
function cancellationRatio(c: Case, H: Matrix): number {
  if (c.problem.family === 'two-layer') return frobenius(absoluteHessian(c.problem, c.theta)) / frobenius(H);
  const abs = absoluteDeepLinear(c);
  return frobenius(fullHessian(abs.problem, abs.theta)) / frobenius(H);
}

/** The engine's closed-form Hessian at the case's point, and the float32 tolerance 16·√K·u·κ for a relative Frobenius error against it. */
export function closedForm(c: Case): { H: Matrix; tol: number } {
  const H = fullHessian(c.problem, c.theta);
  return { H, tol: float32RelativeTolerance(accumulationLength(c), cancellationRatio(c, H)) };
}

/**
 * Σ|terms| that each float32 gradient entry and the loss accumulate, with each residual
 * at its rounding scale ρ_n = |r_n| + |t_n| + y^abs_n:
 *   gradient_i: (1/N) Σ_n ρ_n |J|_ni,   loss: (1/N) Σ_n |r_n| ρ_n.
 * Two-layer: |J| = |J| entrywise and y^abs_n = Σ_j |a_j g(z_jn)| = Σ_j |a_j · ∂y_n/∂a_j|
 * (the a-block of J holds g(z_jn)); deep-linear: the absolute problem's J and residuals.
 */
export function gradientScales(c: Case): { gradient: Float64Array; loss: number } {
  const p = c.problem;
  const N = p.N;
  const r = residuals(p, c.theta);
  let Jabs: Matrix;
  let rho: Float64Array;
  if (p.family === 'two-layer') {
    const J = p.model.jacobian(c.theta, p.X);
    const P = p.model.P;
    const aOff = P - (p.Nh as number);
    Jabs = { ...J, data: J.data.map(Math.abs) };
    rho = r.map((rn, n) => {
      let s = Math.abs(rn) + Math.abs(p.targets[n]);
      for (let i = aOff; i < P; i++) s += Math.abs(c.theta[i] * J.data[n * P + i]);
      return s;
    });
  } else {
    const abs = absoluteDeepLinear(c);
    Jabs = p.model.jacobian(abs.theta, abs.problem.X);
    rho = residuals(abs.problem, abs.theta);
  }
  let loss = 0;
  for (let n = 0; n < N; n++) loss += Math.abs(r[n]) * rho[n];
  return { gradient: matTvec(Jabs, rho).map((v) => v / N), loss: loss / N };
}

// ---------------------------------------------------------------- the naive-activation trap

/**
 * The part of the two-layer Hessian that tfjs's raw tanh/sigmoid drop: the W–W blocks of
 * the engine's residual term, (1/N) Σ_n r_n a_j g''(z_jn) x_n x_nᵀ. Its W–a blocks,
 * (1/N) Σ_n r_n g'(z_jn) x_n, need only first derivatives and are kept; a–a is zero.
 */
export function droppedCurvature(c: Case<TwoLayerInput>): Matrix {
  const T = residualTerm(c.problem, c.theta);
  const P = T.rows;
  const nW = c.input.W.data.length;
  for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) if (i >= nW || j >= nW) T.data[i * P + j] = 0;
  return T;
}

// ---------------------------------------------------------------- activations and norms

/**
 * g, g′, g″ in float64: the engine's activation, except for the constant polynomials
 * ({polynomial: []} = 0, {polynomial: [c0]} = c0), which tfjs's validateActivationSpec
 * accepts and resolveActivation rejects (a constant activation makes y independent of W,
 * not a network the engine studies).
 */
export function activationReference(spec: ActivationSpec): Pick<Activation, 'g' | 'd1' | 'd2'> {
  if (typeof spec === 'object' && spec.polynomial.length < 2) {
    const c0 = spec.polynomial[0] ?? 0;
    return { g: () => c0, d1: () => 0, d2: () => 0 };
  }
  return resolveActivation(spec);
}

/** ‖a − b‖_F / ‖b‖_F, for two matrices or two vectors of one size. */
export function relFrob(a: Matrix | Float64Array, b: Matrix | Float64Array): number {
  const da = a instanceof Float64Array ? a : a.data;
  const db = b instanceof Float64Array ? b : b.data;
  if (da.length !== db.length) throw new Error(`relFrob: sizes ${da.length} vs ${db.length}`);
  return norm2(da.map((v, i) => v - db[i])) / norm2(db);
}
