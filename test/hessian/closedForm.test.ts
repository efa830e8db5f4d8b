import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { finiteDifferenceHessian } from '../../src/hessian/finiteDifferenceHessian.js';
import { fullHessian, gaussNewton, hessianVectorProduct, residualTerm } from '../../src/hessian/hessian.js';
import { gradient, loss } from '../../src/hessian/problem.js';
import { EPS, gramAtA, matvec, maxAbs, zeros } from '../../src/linalg/matrix.js';

describe('linear regression closed form', () => {
  it('two-layer identity, Nh = 1, a = 1: the W block of H(θ*) is XᵀX/N', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'identity', W: [[0.3, -1.2, 0.7]], a: [1], X: [[1, 2, 3], [-1, 0.5, 2], [0.2, -0.3, 1], [2, 1, -1]] });
    const H = fullHessian(p, p.theta);
    const C = gramAtA(p.X, 1 / p.N);
    const P = p.model.P;
    // Each entry is one N-term inner product: |error| ≤ N·eps·Σ|x_k x_l|/N.
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(Math.abs(H.data[i * P + j] - C.data[i * 3 + j])).toBeLessThanOrEqual(4 * 4 * EPS * 10);
  });
});

describe('hand-computed Hessian: y = a·g(w x), one input, one sample', () => {
  // g(z) = z², x = 2, teacher (w, a) = (1, 1) so t = 4; student (w, a) = (1.5, 2): y = 2·(3)² = 18, r = 14.
  // J = [2 a w x², w² x²] = [24, 9];  ∇²y = [[2 a x², 2 w x²], [2 w x², 0]] = [[16, 12], [12, 0]].
  const p = buildProblem({ family: 'two-layer', activation: 'z^2', W: [[1]], a: [1], X: [[2]], student: { W: [[1.5]], a: [2] } });
  it('loss, gradient, Gauss–Newton, residual term and full Hessian are exact', () => {
    expect(loss(p, p.theta)).toBe(98);
    expect(Array.from(gradient(p, p.theta))).toEqual([14 * 24, 14 * 9]);
    expect(Array.from(gaussNewton(p, p.theta).data)).toEqual([576, 216, 216, 81]);
    expect(Array.from(residualTerm(p, p.theta).data)).toEqual([14 * 16, 14 * 12, 14 * 12, 0]);
    expect(Array.from(fullHessian(p, p.theta).data)).toEqual([800, 384, 384, 81]);
  });
});

describe('deep linear: y = w2 · W1 x, hand-computed', () => {
  // W1 = [[1, 2]] (1×2), w2 = [[3]]; x = (1, 1): y = 9. Teacher = student, so H = JᵀJ with
  // J = [w2·x1, w2·x2, W1·x] = [3, 3, 3].
  const p = buildProblem({ family: 'deep-linear', layers: [[[1, 2]], [[3]]], X: [[1, 1]] });
  it('Jacobian and H(θ*) = JᵀJ', () => {
    expect(Array.from(p.model.jacobian(p.theta, p.X).data)).toEqual([3, 3, 3]);
    expect(Array.from(fullHessian(p, p.theta).data)).toEqual([9, 9, 9, 9, 9, 9, 9, 9, 9]);
  });
});

describe('closed form against independent routes', () => {
  const configs = [
    ...['identity', 'z^3', 'erf', 'tanh', 'relu', 'sigmoid', 'softplus'].map((activation) => ({ family: 'two-layer', activation, Ni: 3, Nh: 2, N: 9, seed: 3, studentOffset: 0.4 })),
    { family: 'deep-linear', depth: 3, Ni: 2, Nh: 3, N: 6, seed: 4, studentOffset: 0.3 },
  ];
  for (const cfg of configs) {
    const name = `${cfg.family} ${'activation' in cfg ? cfg.activation : ''}`;
    it(`${name}: Jacobian rows equal central differences of the outputs`, () => {
      const p = buildProblem(cfg);
      const J = p.model.jacobian(p.theta, p.X);
      const th = Float64Array.from(p.theta);
      for (let i = 0; i < p.model.P; i++) {
        const h = Math.cbrt(EPS) * Math.max(1, Math.abs(th[i]));
        th[i] = p.theta[i] + h;
        const yp = p.model.outputs(th, p.X);
        th[i] = p.theta[i] - h;
        const ym = p.model.outputs(th, p.X);
        th[i] = p.theta[i];
        // O(h²) truncation with smooth outputs of size ~10: ≤ 1e-8·scale (relu: exact, piecewise linear).
        for (let n = 0; n < p.N; n++) expect(Math.abs((yp[n] - ym[n]) / (2 * h) - J.data[n * p.model.P + i])).toBeLessThan(1e-7 * Math.max(1, maxAbs(J.data)));
      }
    });
    it(`${name}: full Hessian matches finite differences within their error estimate`, () => {
      const p = buildProblem(cfg);
      const H = fullHessian(p, p.theta);
      const fd = finiteDifferenceHessian(p, p.theta);
      for (let i = 0; i < H.data.length; i++) expect(Math.abs(H.data[i] - fd.hessian.data[i])).toBeLessThanOrEqual(fd.errorEstimate.data[i]);
    });
    it(`${name}: dropping the residual term off θ* is caught (mutation)`, () => {
      const p = buildProblem(cfg);
      const GN = gaussNewton(p, p.theta);
      const fd = finiteDifferenceHessian(p, p.theta);
      let worst = 0;
      for (let i = 0; i < GN.data.length; i++) worst = Math.max(worst, Math.abs(GN.data[i] - fd.hessian.data[i]) / fd.errorEstimate.data[i]);
      expect(worst).toBeGreaterThan(100);
    });
    it(`${name}: Hessian-vector product equals H·v (same sums, reordered: ≤ P·N·eps·‖H‖‖v‖)`, () => {
      const p = buildProblem(cfg);
      const H = fullHessian(p, p.theta);
      const v = Float64Array.from({ length: p.model.P }, (_, i) => Math.sin(i + 1));
      const hv = hessianVectorProduct(p, p.theta, v);
      const ref = matvec(H, v);
      const bound = p.model.P * p.N * EPS * maxAbs(H.data) * maxAbs(v) * p.model.P;
      for (let i = 0; i < ref.length; i++) expect(Math.abs(hv[i] - ref[i])).toBeLessThanOrEqual(bound);
    });
  }
  it('hessianVectorProduct rejects a vector of the wrong length', () => {
    const p = buildProblem(configs[0]);
    expect(() => hessianVectorProduct(p, p.theta, new Float64Array(3))).toThrow(/v has 3 entries, expected P = 8/);
  });
  it('H is symmetric exactly (the residual blocks are mirrored, not recomputed)', () => {
    const p = buildProblem(configs[2]);
    const H = fullHessian(p, p.theta);
    const P = p.model.P;
    const T = zeros(P, P);
    for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) T.data[j * P + i] = H.data[i * P + j];
    expect(Array.from(T.data)).toEqual(Array.from(H.data));
  });
});
