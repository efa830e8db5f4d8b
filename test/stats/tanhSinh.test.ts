import { describe, expect, it } from 'vitest';
import { integrate } from '../../src/stats/tanhSinh.js';
import { EPS, expectRel } from './helpers.js';

describe('tanh-sinh quadrature', () => {
  const known: [string, (x: number) => number, number, number, number][] = [
    ['∫₀¹ x^{-1/2} = 2 (endpoint singularity)', (x) => 1 / Math.sqrt(x), 0, 1, 2],
    ['∫₀¹ √(x(1−x)) = π/8 (MP-like edges)', (x) => Math.sqrt(x * (1 - x)), 0, 1, Math.PI / 8],
    ['∫₀^π sin = 2', Math.sin, 0, Math.PI, 2],
    ['∫₀¹ ln x = −1 (log singularity)', Math.log, 0, 1, -1],
    ['∫₀^{10} e^{−x} = 1 − e^{−10}', (x) => Math.exp(-x), 0, 10, -Math.expm1(-10)],
  ];
  for (const [name, f, a, b, exact] of known) {
    it(`${name}: error ≤ 1e-13 relative and ≤ 8 × the stated estimate + 16 EPS`, () => {
      const r = integrate(f, a, b);
      expect(r.converged).toBe(true);
      expectRel(r.value, exact, 1e-13, name);
      expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(8 * r.errorEstimate + 16 * EPS * Math.abs(exact));
    });
  }

  it('adaptive bisection handles a narrow peak (width 1e-3) that one panel misses', () => {
    const w = 1e-3;
    const f = (x: number) => Math.exp(-(((x - 0.3) / w) ** 2));
    const r = integrate(f, 0, 1);
    expectRel(r.value, w * Math.sqrt(Math.PI), 1e-11, 'gaussian peak');
  });

  it('empty interval integrates to 0', () => {
    expect(integrate(Math.sin, 1, 1).value).toBe(0);
  });
});
