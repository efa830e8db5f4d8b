/**
 * The teacher–student problems (two-layer and deep-linear, src/config/buildProblem.ts) as a
 * CurvatureModel: loss L = 1/(2N) Σ_n (y_θ(x_n) − t_n)² with the teacher's outputs as targets
 * (the papers' ½-scaled squared error, mean over samples, one output), so
 *   H = JᵀJ/N  +  (1/N) Σ_n r_n ∇²y_θ(x_n)      (src/hessian/hessian.ts)
 *       GN        R
 * Operators: H from src/hessian/matrixFreeHvp.ts (the cached two-layer operator or the generic
 * jvp/vjp one); GN·v = Jᵀ(J v)/N from the model's jvp and vjp; R·v from its matrix-free output
 * curvature. Dense matrices from src/hessian/hessian.ts (refused past the memory budget there).
 */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { fullHessian, gaussNewton, residualTerm } from '../hessian/hessian.js';
import { hessianOperator } from '../hessian/matrixFreeHvp.js';
import { gradient, loss, residuals } from '../hessian/problem.js';
import type { LinalgBackend } from '../linalg/backend.js';
import { norm2 } from '../linalg/matrix.js';
import { countingOperator } from '../linalg/operator.js';
import { getBackend } from '../linalg/selectBackend.js';
import type { CurvatureModel } from './curvatureModel.js';

export function teacherStudentCurvature(p: TeacherStudentProblem, backend: LinalgBackend = getBackend()): CurvatureModel {
  const { model, X } = p;
  const theta = Float64Array.from(p.theta);
  const N = p.N;
  const P = model.P;
  const architecture =
    p.family === 'two-layer'
      ? `two-layer net y = Σ_j a_j g(w_j·x), g = ${p.activation?.label}, Ni = ${p.Ni}, Nh = ${p.Nh}, no biases, scalar output (teacher–student)`
      : `deep linear net ${(p.widths ?? []).join(' → ')}, no biases (teacher–student)`;
  return {
    family: p.family,
    P,
    N,
    outputs: 1,
    loss: 'half-squared-error',
    reduction: 'mean',
    lossDescription: "½·mean squared error against the teacher's outputs: L = 1/(2N) Σ_n (y_θ(x_n) − y_θ*(x_n))²",
    architecture,
    precision: 'configuration values (float64), computed in float64',
    theta,
    layout: model.layout,
    atOptimum: p.atOptimum,
    operatorCacheBytes: p.family === 'two-layer' && p.Nh !== null ? 8 * 4 * N * p.Nh : p.atOptimum ? 0 : 8 * P * P,
    lossValue: () => loss(p, theta),
    gradientNorm: () => norm2(gradient(p, theta)),
    hessianOperator: () => hessianOperator({ ...p, theta }, backend),
    gaussNewtonOperator: () => {
      const { jvp, vjp } = model;
      if (!jvp || !vjp) throw new Error(`teacherStudentCurvature: the ${model.family} model has no jvp/vjp`);
      return countingOperator(P, 'gaussNewtonOperator', (v) => {
        const u = jvp.call(model, theta, X, v);
        for (let n = 0; n < N; n++) u[n] /= N;
        return vjp.call(model, theta, X, u);
      });
    },
    residualOperator: () => {
      const w = p.atOptimum ? new Float64Array(N) : residuals(p, theta).map((r) => r / N);
      return countingOperator(P, 'residualOperator', (v) => (p.atOptimum ? new Float64Array(P) : model.weightedOutputHessianVector(theta, X, w, v)));
    },
    denseHessian: () => fullHessian(p, theta),
    denseGaussNewton: () => gaussNewton(p, theta),
    denseResidual: () => residualTerm(p, theta),
  };
}
