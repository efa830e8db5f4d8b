/**
 * fullHessianWith (Gram through the backend) equals the portable closed-form fullHessian.
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessianWith } from '../../src/hessian/denseHessian.js';
import { fullHessian } from '../../src/hessian/hessian.js';
import { EPS } from '../../src/linalg/matrix.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { getBackend, nativeAvailable } from '../../src/linalg/selectBackend.js';

describe('fullHessianWith', () => {
  for (const backend of [portableBackend, ...(nativeAvailable() ? [getBackend('native')] : [])]) {
    it(`matches fullHessian on and off θ* (${backend.name})`, () => {
      for (const cfg of [
        { family: 'two-layer', activation: 'tanh', Ni: 5, Nh: 4, N: 30, seed: 1 },
        { family: 'two-layer', activation: 'erf', Ni: 3, Nh: 6, N: 20, seed: 2, studentOffset: 0.8 },
        { family: 'deep-linear', Ni: 3, Nh: 3, N: 12, seed: 3, depth: 3, studentOffset: 0.3 },
      ]) {
        const p = buildProblem(cfg);
        const A = fullHessianWith(p, p.theta, backend);
        const B = fullHessian(p, p.theta);
        const J = p.model.jacobian(p.theta, p.X);
        const P = p.model.P;
        // Gram entries are sums of N products: they differ by ≤ 2N·eps·(|J|ᵀ|J|)_ij/N ≤ 2N·eps·max_n|J_ni||J_nj|.
        let jmax = 0;
        for (const v of J.data) jmax = Math.max(jmax, Math.abs(v));
        for (let i = 0; i < P * P; i++) expect(Math.abs(A.data[i] - B.data[i])).toBeLessThanOrEqual(2 * p.N * EPS * jmax * jmax + 1e-300);
      }
    });
  }
});
