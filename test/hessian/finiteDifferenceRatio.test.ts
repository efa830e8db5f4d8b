/**
 * finiteDifferenceRatio: hand-made entries (exact agreement with a zero estimate, the worst
 * entry wins, an unexplained disagreement), and end to end on a cubic whose Hessian is known
 * in closed form: the true Hessian is within the route's estimate, a perturbed one is not.
 */
import { describe, expect, it } from 'vitest';
import { finiteDifferenceHessianOf, type FiniteDifferenceHessian } from '../../src/hessian/finiteDifferenceHessian.js';
import { finiteDifferenceRatio } from '../../src/hessian/finiteDifferenceRatio.js';
import { EPS, fromRows, type Matrix } from '../../src/linalg/matrix.js';

const route = (hessian: Matrix, errorEstimate: Matrix): FiniteDifferenceHessian => ({ hessian, errorEstimate, steps: new Float64Array(hessian.rows) });

describe('finiteDifferenceRatio on hand-made entries', () => {
  it('is the largest |A − FD| / E over the entries', () => {
    const fd = route(fromRows([[1, 2], [2, 4]]), fromRows([[0.1, 0.5], [0.5, 1]]));
    // |Δ| / E per entry: 0.05/0.1 = 0.5, 1/0.5 = 2, 0, 0.5/1 = 0.5.
    expect(finiteDifferenceRatio(fromRows([[1.05, 3], [2, 4.5]]), fd)).toBeCloseTo(2, 14);
  });
  it('counts exact agreement as 0 where the estimate is 0 (a dead ReLU unit), and an unexplained difference as Infinity', () => {
    const fd = route(fromRows([[0, 0], [0, 1]]), fromRows([[0, 0], [0, 1e-8]]));
    expect(finiteDifferenceRatio(fromRows([[0, 0], [0, 1]]), fd)).toBe(0);
    expect(finiteDifferenceRatio(fromRows([[1e-300, 0], [0, 1]]), fd)).toBe(Infinity);
  });
  it('rejects matrices of different shapes, naming both', () => {
    expect(() => finiteDifferenceRatio(fromRows([[1]]), route(fromRows([[1, 0], [0, 1]]), fromRows([[1, 1], [1, 1]])))).toThrow(/1×1 .* 2×2/);
  });
});

describe('finiteDifferenceRatio end to end', () => {
  // f(θ) = θ₀³/3 + θ₀θ₁² + e^{θ₁}: ∇f = (θ₀² + θ₁², 2θ₀θ₁ + e^{θ₁}), H = [[2θ₀, 2θ₁], [2θ₁, 2θ₀ + e^{θ₁}]].
  const grad = (t: Float64Array) => Float64Array.of(t[0] ** 2 + t[1] ** 2, 2 * t[0] * t[1] + Math.exp(t[1]));
  const theta = Float64Array.of(0.7, -0.4);
  const H = fromRows([[2 * 0.7, -0.8], [-0.8, 1.4 + Math.exp(-0.4)]]);
  // Gradient rounding: a few ulps of its largest entry (each entry is two or three rounded terms).
  const fd = finiteDifferenceHessianOf(grad, theta, 4 * EPS * 2);

  it('the closed-form Hessian is within the estimate (ratio ≤ 1)', () => {
    expect(finiteDifferenceRatio(H, fd)).toBeLessThanOrEqual(1);
  });
  it('a Hessian off by 1e-6 in one entry is rejected (the estimate is ~h² ≈ 4e-11, so the ratio is ≫ 1)', () => {
    const wrong = fromRows([[1.4, -0.8 + 1e-6], [-0.8 + 1e-6, 1.4 + Math.exp(-0.4)]]);
    expect(finiteDifferenceRatio(wrong, fd)).toBeGreaterThan(100);
  });
});
