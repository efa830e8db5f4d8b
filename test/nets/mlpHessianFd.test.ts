/**
 * The dense Hessian of every activation × loss × reduction (and without biases) against a
 * brute-force route: Richardson central differences of the engine's gradient,
 *
 *   D_h = (∇L(θ + h e_i) − ∇L(θ − h e_i))/(2h),   D = (4D_h − D_2h)/3,
 *
 * with the error estimate |D_h − D_2h|/3 (truncation, O(h⁴) after extrapolation) + 1.5·ρ/h
 * (rounding: ρ = gradientRoundingBound(θ), a first-order bound on the rounding error of one
 * gradient entry; Richardson's weights 4/3 and 1/3 on 1/(2h) and 1/(4h) give 1.5ρ/h), plus the
 * engine's own rounding 4·m·EPS·max|H| (m = mlpOperationCount). h = EPS^{1/3}·max(1, |θ_i|).
 * Kinked activations (relu, leaky-relu, elu) are checked only where no pre-activation is
 * within 1e-3 of 0 (≫ the stencil's 2h·‖x̃‖-size move), i.e. where the a.e. Hessian is the Hessian.
 */
import { describe, expect, it } from 'vitest';
import { EPS, maxAbs } from '../../src/linalg/matrix.js';
import { mlpLayout, mlpOperationCount, type MlpProblem } from '../../src/nets/mlp/index.js';
import { ACTIVATIONS, kinkFree, LOSSES, smallCase } from './mlpSupport.js';

const STEP = Math.cbrt(EPS);

/** max over entries of |H_ij − FD_ij| / error-estimate_ij (≤ 1 passes). */
function worstRatio(p: MlpProblem, theta: Float64Array, H: Float64Array): number {
  const P = p.P;
  const rho = p.gradientRoundingBound(theta);
  const own = 4 * mlpOperationCount(mlpLayout(p.spec).widths, p.N) * EPS * maxAbs(H);
  let worst = 0;
  for (let i = 0; i < P; i++) {
    const h = theta[i] + STEP * Math.max(1, Math.abs(theta[i])) - theta[i];
    const at = (s: number) => {
      const t = Float64Array.from(theta);
      t[i] += s;
      return p.gradient(t);
    };
    const [p1, m1, p2, m2] = [at(h), at(-h), at(2 * h), at(-2 * h)];
    for (let j = 0; j < P; j++) {
      const d1 = (p1[j] - m1[j]) / (2 * h);
      const d2 = (p2[j] - m2[j]) / (4 * h);
      const fd = (4 * d1 - d2) / 3;
      const err = Math.abs(d1 - d2) / 3 + (1.5 * rho) / h + own;
      worst = Math.max(worst, Math.abs(H[j * P + i] - fd) / err);
    }
  }
  return worst;
}

describe('MLP · dense Hessian = Richardson central differences of the gradient', () => {
  for (const activation of ACTIVATIONS) {
    for (const loss of LOSSES) {
      for (const reduction of ['mean', 'sum'] as const) {
        it(`${activation} × ${loss} × ${reduction}`, () => {
          const { p, theta } = smallCase(activation, loss, { seed: 33, reduction, N: 5 });
          expect(kinkFree(p, theta)).toBe(true);
          const H = p.hessian(theta).data;
          expect(worstRatio(p, theta, H)).toBeLessThanOrEqual(1);
        });
      }
    }
  }
  it('without biases (bias: false): tanh and gelu, cross-entropy and mse', () => {
    for (const [activation, loss] of [['tanh', 'cross-entropy'], ['gelu', 'mse']] as const) {
      const { p, theta } = smallCase(activation, loss, { seed: 34, bias: false });
      expect(p.P).toBe(4 * 3 + 3 * 4 + 3 * 3);
      expect(worstRatio(p, theta, p.hessian(theta).data)).toBeLessThanOrEqual(1);
    }
  });
  it('power: the Hessian of the other reduction, or one entry off by 1e-6, is rejected', () => {
    const { p, theta } = smallCase('sigmoid', 'mse', { seed: 33, N: 5 });
    const sum = smallCase('sigmoid', 'mse', { seed: 33, N: 5, reduction: 'sum' });
    expect(worstRatio(p, theta, sum.p.hessian(sum.theta).data)).toBeGreaterThan(1e3);
    const H = p.hessian(theta).data;
    H[7 * p.P + 3] += 1e-6;
    expect(worstRatio(p, theta, H)).toBeGreaterThan(1);
  });
});
