/**
 * The matrix-free Hessian operators against the dense closed-form Hessian (src/hessian/
 * hessian.ts: JᵀJ/N + residual term) on and off the optimum, on both backends, and the
 * models' jvp/vjp against the dense Jacobian. The two-layer operator (cached, dgemm) and the
 * generic one (jvp ∘ vjp + output curvature) are independent routes to the same product.
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { fullHessian } from '../../src/hessian/hessian.js';
import { genericHessianOperator, hessianOperator } from '../../src/hessian/matrixFreeHvp.js';
import { EPS, matTvec, matvec, type Matrix } from '../../src/linalg/matrix.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { getBackend, nativeAvailable } from '../../src/linalg/selectBackend.js';
import { Rng } from '../../src/rng/rng.js';

const backends = [portableBackend, ...(nativeAvailable() ? [getBackend('native')] : [])];

/** Entrywise bound for a product computed in a different summation order: k·eps·(|M||v|)_i with k the terms summed. */
function absProduct(M: Matrix, v: Float64Array): Float64Array {
  const out = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) for (let j = 0; j < M.cols; j++) out[i] += Math.abs(M.data[i * M.cols + j] * v[j]);
  return out;
}

const configs = [
  { name: 'tanh off θ*', cfg: { family: 'two-layer', activation: 'tanh', Ni: 6, Nh: 5, N: 40, seed: 3, studentOffset: 0.7 } },
  { name: 'erf at θ*', cfg: { family: 'two-layer', activation: 'erf', Ni: 4, Nh: 7, N: 25, seed: 4 } },
  { name: 'softplus off θ*, N < P', cfg: { family: 'two-layer', activation: 'softplus', Ni: 5, Nh: 6, N: 12, seed: 5, studentOffset: 1.5 } },
  { name: 'deep linear off θ*', cfg: { family: 'deep-linear', Ni: 3, Nh: 4, N: 15, seed: 6, depth: 3, studentOffset: 0.5 } },
];

describe('matrix-free H·v equals the dense closed-form Hessian times v', () => {
  for (const { name, cfg } of configs) {
    for (const backend of backends) {
      it(`${name} (${backend.name})`, () => {
        const p = buildProblem(cfg);
        const H = fullHessian(p, p.theta);
        const op = hessianOperator(p, backend);
        const gen = genericHessianOperator(p, p.theta);
        expect(op.size).toBe(p.model.P);
        expect(op.residualNorm === 0).toBe(p.atOptimum);
        const rng = Rng.fromSeed(17);
        for (let trial = 0; trial < 3; trial++) {
          const v = rng.normals(p.model.P);
          const ref = matvec(H, v);
          const scale = absProduct(H, v);
          // Each route sums O(N + P + Ni·Nh) products of the same closed-form factors; allow
          // 4·(N + P)·eps·(|H||v|)_i, plus eps·max for entries where |H||v| underflows the bound.
          const k = 4 * (p.N + p.model.P);
          const floor = EPS * Math.max(...scale);
          for (const got of [op.apply(v), gen.apply(v)]) {
            for (let i = 0; i < ref.length; i++) expect(Math.abs(got[i] - ref[i])).toBeLessThanOrEqual(k * EPS * scale[i] + floor);
          }
        }
        expect(op.applications).toBe(3);
      });
    }
  }

  it('rejects a vector of the wrong length', () => {
    const p = buildProblem(configs[0].cfg);
    expect(() => hessianOperator(p, portableBackend).apply(new Float64Array(3))).toThrow(/v must be a Float64Array of length 35, got 3/);
  });
});

describe('jvp / vjp equal J·v and Jᵀ·u', () => {
  for (const { name, cfg } of configs) {
    it(name, () => {
      const p = buildProblem(cfg);
      const J = p.model.jacobian(p.theta, p.X);
      const rng = Rng.fromSeed(2);
      const v = rng.normals(p.model.P);
      const u = rng.normals(p.N);
      const jv = p.model.jvp!(p.theta, p.X, v);
      const ju = p.model.vjp!(p.theta, p.X, u);
      const sJv = absProduct(J, v);
      const refJv = matvec(J, v);
      for (let i = 0; i < p.N; i++) expect(Math.abs(jv[i] - refJv[i])).toBeLessThanOrEqual(4 * p.model.P * EPS * sJv[i] + 1e-300);
      const refJu = matTvec(J, u);
      const Jt: Matrix = { rows: J.cols, cols: J.rows, data: new Float64Array(J.data.length) };
      for (let i = 0; i < J.rows; i++) for (let j = 0; j < J.cols; j++) Jt.data[j * J.rows + i] = J.data[i * J.cols + j];
      const sJu = absProduct(Jt, u);
      for (let i = 0; i < p.model.P; i++) expect(Math.abs(ju[i] - refJu[i])).toBeLessThanOrEqual(4 * p.N * EPS * sJu[i] + 1e-300);
    });
  }
});
