/**
 * The MLP engine's routes against each other and against finite differences: gradient vs
 * central differences of the loss, output Jacobian vs central differences of the logits,
 * Gauss–Newton vs an explicit Σ J_nᵀ ∇²ℓ_n J_n assembly, hessianVector / gaussNewtonVector /
 * residualVector vs the dense matrices, batch semantics, accuracy, initialisation, and the
 * memory-budget refusal of the dense routes.
 *
 * Finite differences: Richardson D = (4D_h − D_2h)/3 with the estimate |D_h − D_2h|/3
 * (truncation) + 1.5·ρ/h (rounding, ρ the rounding of one function value), as in
 * src/hessian/finiteDifferenceHessian.ts. For the loss and the logits ρ = m·EPS·S, m =
 * mlpOperationCount and S the magnitude of the values (1 + max|f| + |L|): a first-order
 * bound that ignores cancellation inside dot products, fine for these O(1) random nets.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add, EPS, frobenius, matvec, maxAbs, norm2, zeros } from '../../src/linalg/matrix.js';
import { buildMlpProblem, mlpLayout, mlpOperationCount, mlpParameterCount, softmax, type MlpProblem } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';
import { BLOCK_SAMPLES } from '../../src/nets/mlp/workspace.js';
import { HE_INITIALISED } from '../../src/nets/mlp/hiddenActivation.js';
import { ACTIVATIONS, divisorOf, LOSSES, lossCurvature, smallCase } from './mlpSupport.js';

const STEP = Math.cbrt(EPS);

/** Richardson central difference of a vector function along coordinate i, with its error estimate. */
function richardson(fn: (th: Float64Array) => Float64Array, theta: Float64Array, i: number, rho: number): { value: Float64Array; error: Float64Array } {
  const h = theta[i] + STEP * Math.max(1, Math.abs(theta[i])) - theta[i];
  const at = (s: number) => {
    const t = Float64Array.from(theta);
    t[i] += s;
    return fn(t);
  };
  const [p1, m1, p2, m2] = [at(h), at(-h), at(2 * h), at(-2 * h)];
  const value = new Float64Array(p1.length);
  const error = new Float64Array(p1.length);
  for (let r = 0; r < p1.length; r++) {
    const d1 = (p1[r] - m1[r]) / (2 * h);
    const d2 = (p2[r] - m2[r]) / (4 * h);
    value[r] = (4 * d1 - d2) / 3;
    error[r] = Math.abs(d1 - d2) / 3 + (1.5 * rho) / h;
  }
  return { value, error };
}

function gammaOf(p: MlpProblem): number {
  return mlpOperationCount(mlpLayout(p.spec).widths, p.N) * EPS;
}

function kinkFree(p: MlpProblem, theta: Float64Array): boolean {
  // Every |z| beyond 1e-3 ≫ 2h·(1 + max|a|) ≈ 1e-4: the stencil stays in one ReLU region.
  return maxAbs(p.preActivations!(theta).data.map((z) => (Math.abs(z) < 1e-3 ? 1 : 0))) === 0;
}

describe('MLP · layout and parameter count', () => {
  it('P = Σ n_l (n_{l−1} + 1) with biases in every layer', () => {
    expect(mlpParameterCount({ inputDim: 3, hidden: [4, 3], outputs: 2 })).toBe(4 * 4 + 3 * 5 + 2 * 4);
    expect(mlpParameterCount({ inputDim: 5, hidden: [], outputs: 3 })).toBe(18);
    const { p } = smallCase('tanh', 'half-squared-error');
    expect(p.P).toBe(mlpParameterCount(p.spec));
    expect(p.layout).toBe('W1 (4×3) row-major, b1 (4), W2 (3×4) row-major, b2 (3), W3 (3×3) row-major, b3 (3)');
  });
});

describe('MLP · gradient and Jacobian against finite differences', () => {
  for (const activation of ACTIVATIONS) {
    for (const loss of LOSSES) {
      it(`${activation} × ${loss}: gradient = central differences of the loss (Richardson, within its estimate)`, () => {
        const { p, theta } = smallCase(activation, loss, { seed: 21 });
        expect(kinkFree(p, theta)).toBe(true);
        const g = p.gradient(theta);
        const L = p.loss(theta);
        const rho = gammaOf(p) * (1 + maxAbs(p.logits!(theta).data) + Math.abs(L));
        let worst = 0;
        for (let i = 0; i < p.P; i++) {
          const fd = richardson((th) => Float64Array.of(p.loss(th)), theta, i, rho);
          worst = Math.max(worst, Math.abs(g[i] - fd.value[0]) / fd.error[0]);
        }
        expect(worst).toBeLessThanOrEqual(1);
        // Power: a gradient off by 1e-6 in one entry is caught.
        g[0] += 1e-6;
        const fd0 = richardson((th) => Float64Array.of(p.loss(th)), theta, 0, rho);
        expect(Math.abs(g[0] - fd0.value[0])).toBeGreaterThan(fd0.error[0]);
      });
    }
  }
  it('output Jacobian = central differences of the logits', () => {
    const { p, theta } = smallCase('tanh', 'cross-entropy', { seed: 5 });
    const k = p.spec.outputs;
    const rho = gammaOf(p) * (1 + maxAbs(p.logits!(theta).data));
    for (let n = 0; n < p.N; n++) {
      const J = p.outputJacobian(theta, n);
      expect([J.rows, J.cols]).toEqual([k, p.P]);
      for (let i = 0; i < p.P; i++) {
        const fd = richardson((th) => p.logits!(th, Int32Array.of(n)).data, theta, i, rho);
        for (let c = 0; c < k; c++) expect(Math.abs(J.data[c * p.P + i] - fd.value[c])).toBeLessThanOrEqual(fd.error[c]);
      }
    }
  });
});

describe('MLP · Gauss–Newton, residual term and Hessian-vector products', () => {
  for (const activation of ACTIVATIONS) {
    for (const loss of LOSSES) {
      it(`${activation} × ${loss}: gaussNewton = (1/D) Σ J_nᵀ ∇²ℓ_n J_n assembled from outputJacobian`, () => {
        const { p, theta } = smallCase(activation, loss);
        const P = p.P;
        const k = p.spec.outputs;
        const ref = zeros(P, P);
        const abs = zeros(P, P);
        const f = p.logits!(theta);
        for (let n = 0; n < p.N; n++) {
          const J = p.outputJacobian(theta, n);
          const A = lossCurvature(p, f.data.subarray(n * k, (n + 1) * k));
          for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) {
            const w = A[a * k + b] / divisorOf(p);
            if (w === 0) continue;
            for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) {
              ref.data[i * P + j] += w * J.data[a * P + i] * J.data[b * P + j];
              abs.data[i * P + j] += Math.abs(w * J.data[a * P + i] * J.data[b * P + j]);
            }
          }
        }
        // Both sides sum the same products in different orders: |difference| ≤ 2γ·Σ|terms| entrywise.
        const GN = p.gaussNewton(theta);
        const gamma = gammaOf(p);
        for (let i = 0; i < P * P; i++) expect(Math.abs(GN.data[i] - ref.data[i])).toBeLessThanOrEqual(2 * gamma * abs.data[i] + EPS * EPS);
      });
      it(`${activation} × ${loss}: hessianVector, gaussNewtonVector, residualVector = dense matrices times v; H = GN + R`, () => {
        const { p, theta, rng } = smallCase(activation, loss);
        const H = p.hessian(theta);
        const GN = p.gaussNewton(theta);
        const R = p.residualTerm(theta);
        const v = rng.normals(p.P);
        // Same terms, two groupings: ‖Δ‖₂ ≤ 4(γ + P·EPS)(‖GN‖_F + ‖R‖_F)‖v‖₂ (see properties/definitions/gaussNewtonDecomposition.ts).
        const tol = 4 * (gammaOf(p) + p.P * EPS) * (frobenius(GN) + frobenius(R)) * norm2(v);
        const dist = (a: Float64Array, b: Float64Array) => norm2(a.map((x, i) => x - b[i]));
        expect(dist(p.hessianVector(theta, v), matvec(H, v))).toBeLessThanOrEqual(tol);
        expect(dist(p.gaussNewtonVector!(theta, v), matvec(GN, v))).toBeLessThanOrEqual(tol);
        expect(dist(p.residualVector!(theta, v), matvec(R, v))).toBeLessThanOrEqual(tol);
        expect(frobenius(add(H, add(GN, R), -1))).toBeLessThanOrEqual(4 * gammaOf(p) * (frobenius(GN) + frobenius(R)));
        // Power: the residual term is not negligible at this random θ.
        expect(frobenius(R)).toBeGreaterThan(1e-3 * frobenius(H));
      });
    }
  }
});

describe('MLP · batch semantics', () => {
  const { p, theta, rng } = smallCase('tanh', 'cross-entropy', { N: 7 });
  const all = Int32Array.from({ length: p.N }, (_, n) => n);
  const v = rng.normals(p.P);
  const one = (n: number) => Int32Array.of(n);

  it('omitted batch = every sample in order (bitwise)', () => {
    expect(p.loss(theta, all)).toBe(p.loss(theta));
    expect(p.gradient(theta, all)).toEqual(p.gradient(theta));
    expect(p.hessianVector(theta, v, all)).toEqual(p.hessianVector(theta, v));
  });
  it('a batch is the mean over its indices, duplicates counted twice', () => {
    const batch = Int32Array.of(4, 1, 4);
    const tolScale = 8 * EPS;
    const l = (p.loss(theta, one(4)) * 2 + p.loss(theta, one(1))) / 3;
    expect(Math.abs(p.loss(theta, batch) - l)).toBeLessThanOrEqual(tolScale * Math.abs(l));
    const g4 = p.gradient(theta, one(4));
    const g1 = p.gradient(theta, one(1));
    const gb = p.gradient(theta, batch);
    const h4 = p.hessianVector(theta, v, one(4));
    const h1 = p.hessianVector(theta, v, one(1));
    const hb = p.hessianVector(theta, v, batch);
    for (let i = 0; i < p.P; i++) {
      expect(Math.abs(gb[i] - (2 * g4[i] + g1[i]) / 3)).toBeLessThanOrEqual(tolScale * (Math.abs(g4[i]) + Math.abs(g1[i])));
      expect(Math.abs(hb[i] - (2 * h4[i] + h1[i]) / 3)).toBeLessThanOrEqual(tolScale * (Math.abs(h4[i]) + Math.abs(h1[i])));
    }
  });
  it('a batch differs from the full data (the index actually selects samples)', () => {
    expect(p.loss(theta, one(0))).not.toBe(p.loss(theta, one(1)));
    expect(p.loss(theta, Int32Array.of(0, 1))).not.toBe(p.loss(theta));
  });
});

describe('MLP · batches spanning several sample blocks', () => {
  it(`N = 40 > BLOCK_SAMPLES = ${BLOCK_SAMPLES}: loss, gradient and H·v are the means of the per-sample ones`, () => {
    const { p, theta, rng } = smallCase('relu', 'half-squared-error', { N: 40, seed: 9 });
    const v = rng.normals(p.P);
    const batch = Int32Array.from({ length: 37 }, (_, i) => (i * 7) % 40);
    let l = 0;
    const g = new Float64Array(p.P);
    const hv = new Float64Array(p.P);
    const gAbs = new Float64Array(p.P);
    const hAbs = new Float64Array(p.P);
    for (const n of batch) {
      l += p.loss(theta, Int32Array.of(n)) / batch.length;
      const gn = p.gradient(theta, Int32Array.of(n));
      const hn = p.hessianVector(theta, v, Int32Array.of(n));
      for (let i = 0; i < p.P; i++) {
        g[i] += gn[i] / batch.length;
        hv[i] += hn[i] / batch.length;
        gAbs[i] += Math.abs(gn[i]) / batch.length;
        hAbs[i] += Math.abs(hn[i]) / batch.length;
      }
    }
    // Two orders of summing 37 terms: ≤ 2·37·EPS·Σ|terms| (first-order, Higham §4.2).
    const c = 2 * batch.length * EPS;
    expect(Math.abs(p.loss(theta, batch) - l)).toBeLessThanOrEqual(c * l);
    const gb = p.gradient(theta, batch);
    const hb = p.hessianVector(theta, v, batch);
    for (let i = 0; i < p.P; i++) {
      expect(Math.abs(gb[i] - g[i])).toBeLessThanOrEqual(c * gAbs[i]);
      expect(Math.abs(hb[i] - hv[i])).toBeLessThanOrEqual(c * hAbs[i]);
    }
  });
});

describe('MLP · accuracy and initialisation', () => {
  it('accuracy is the fraction of arg-max logits equal to the label', () => {
    // Linear model f = x (W = I, b = 0): the prediction is the arg-max coordinate of x.
    const X = { rows: 4, cols: 3, data: Float64Array.of(1, 0, 0, 0, 2, 0, 0, 0, 3, 5, 1, 0) };
    const p = buildMlpProblem({ inputDim: 3, hidden: [], outputs: 3, activation: 'identity', loss: 'cross-entropy' }, { X, labels: Int32Array.of(0, 1, 0, 1) });
    const theta = Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);
    expect(p.accuracy(theta)).toBe(0.5);
  });
  it('He (relu, leaky-relu, elu, gelu) and Glorot (the others) weight variances, zero biases', () => {
    for (const activation of ACTIVATIONS) {
      const d = 200;
      const h = 300;
      const k = 4;
      const X = { rows: 1, cols: d, data: new Float64Array(d) };
      const p = buildMlpProblem({ inputDim: d, hidden: [h], outputs: k, activation, loss: 'cross-entropy' }, { X, labels: Int32Array.of(0) });
      const theta = p.initialTheta(Rng.fromSeed(3));
      const lay = mlpLayout(p.spec);
      const W1 = theta.subarray(lay.weightOffset[1], lay.biasOffset[1]);
      const variance = W1.reduce((s, w) => s + w * w, 0) / W1.length;
      const expected = HE_INITIALISED.includes(activation) ? 2 / d : 2 / (d + h);
      // Sample variance of n = 60 000 Gaussians: relative standard error √(2/n) ≈ 0.58%; allow 5 SE.
      expect(Math.abs(variance / expected - 1)).toBeLessThanOrEqual(5 * Math.sqrt(2 / W1.length));
      expect(maxAbs(theta.subarray(lay.biasOffset[1], lay.weightOffset[2]))).toBe(0);
      expect(maxAbs(theta.subarray(lay.biasOffset[2]))).toBe(0);
    }
  });
});

describe('MLP · dense routes refuse P past the memory budget', () => {
  afterEach(() => vi.unstubAllEnvs());
  it('hessian, gaussNewton, residualTerm throw pointing to hessianVector; hessianVector still works', () => {
    const { p, theta, rng } = smallCase('relu', 'cross-entropy');
    vi.stubEnv('HC_MEMORY_BUDGET_MB', '0.01'); // 10 KiB < 8·(4P² + 2NP) bytes for P = 43
    for (const route of [() => p.hessian(theta), () => p.gaussNewton(theta), () => p.residualTerm(theta)]) {
      expect(route).toThrow(/a dense P×P .* with P = 43 parameters .* over the 0 MiB budget; use problem\.hessianVector/);
    }
    expect(p.hessianVector(theta, rng.normals(p.P)).length).toBe(p.P);
  });
});
