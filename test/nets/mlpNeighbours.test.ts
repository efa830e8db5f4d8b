/**
 * The S1 helpers on MLPs: the diag(p) curvature neighbour (against its closed-form difference
 * from the true Gauss–Newton term), the logit-shift direction (softmax invariance, and not for
 * MSE), and the ReLU-kink test of a finite-difference stencil (a point placed next to a kink).
 */
import { describe, expect, it } from 'vitest';
import { centralDifferenceStep } from '../../src/hessian/finiteDifferenceHessian.js';
import { add, EPS, frobenius, matvec, norm2, zeros } from '../../src/linalg/matrix.js';
import { diagonalCurvatureGaussNewton } from '../../src/nets/mlp/diagonalCurvatureGaussNewton.js';
import { mlpLayout } from '../../src/nets/mlp/layout.js';
import { logitShiftDirection } from '../../src/nets/mlp/logitShiftDirection.js';
import { softmax } from '../../src/nets/mlp/softmaxCrossEntropy.js';
import { stencilCrossesKink } from '../../src/nets/mlp/stencilCrossesKink.js';
import { smallCase } from './mlpSupport.js';

describe('diagonalCurvatureGaussNewton', () => {
  it('exceeds the true Gauss–Newton term by exactly (1/N) Σ (J_nᵀp_n)(J_nᵀp_n)ᵀ (the −ppᵀ it leaves out)', () => {
    for (const seed of [1, 2, 3]) {
      const { p, theta } = smallCase('tanh', 'softmax-cross-entropy', { seed, k: 4, N: 5 });
      const W = diagonalCurvatureGaussNewton(p, theta);
      const P = p.P;
      const k = p.spec.outputs;
      const outer = zeros(P, P);
      const logits = p.logits!(theta);
      for (let n = 0; n < p.N; n++) {
        const J = p.outputJacobian(theta, n);
        const prob = softmax(logits.data.subarray(n * k, (n + 1) * k));
        const g = new Float64Array(P);
        for (let c = 0; c < k; c++) for (let i = 0; i < P; i++) g[i] += prob[c] * J.data[c * P + i];
        for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) outer.data[i * P + j] += (g[i] * g[j]) / p.N;
      }
      const residual = frobenius(add(W, add(p.gaussNewton(theta), outer), -1));
      // Three routes of sums of ≤ N·k PSD rank-one terms each (the engine's GN through its own
      // curvature product): each entry's rounding ≤ (N·k + P)·eps·Σ|terms| ≤ (N·k + P)·eps·‖W‖_F
      // (Cauchy–Schwarz on PSD terms); 8× covers the three routes and the final subtraction.
      expect(residual).toBeLessThanOrEqual(8 * (p.N * k + P) * EPS * frobenius(W));
      // Teeth: the left-out term is not small.
      expect(frobenius(outer)).toBeGreaterThan(1e-3 * frobenius(W));
    }
  });
  it('refuses θ of the wrong length', () => {
    const { p } = smallCase('relu', 'softmax-cross-entropy');
    expect(() => diagonalCurvatureGaussNewton(p, new Float64Array(3))).toThrow(/θ has 3 entries/);
  });
});

describe('logitShiftDirection', () => {
  it('is a unit vector on the output biases only', () => {
    const { p } = smallCase('relu', 'softmax-cross-entropy', { k: 5 });
    const u = logitShiftDirection(p);
    const lay = mlpLayout(p.spec);
    expect(norm2(u)).toBeCloseTo(1, 15);
    const nonzero = [...u.keys()].filter((i) => u[i] !== 0);
    expect(nonzero).toEqual([0, 1, 2, 3, 4].map((c) => lay.biasOffset[lay.L] + c));
  });
  it('is a null direction of the softmax cross-entropy Hessian, not of the MSE one', () => {
    const ce = smallCase('tanh', 'softmax-cross-entropy', { seed: 4 });
    const H = ce.p.hessian(ce.theta);
    // H·u = 0 exactly in exact arithmetic; the computed product is rounding: ≤ P·eps·‖H‖_F per the
    // matvec, plus H's own rounding, well inside 1e3·P·eps·‖H‖_F.
    expect(norm2(matvec(H, logitShiftDirection(ce.p)))).toBeLessThanOrEqual(1e3 * ce.p.P * EPS * frobenius(H));
    const mse = smallCase('tanh', 'mse', { seed: 4 });
    const Hm = mse.p.hessian(mse.theta);
    expect(norm2(matvec(Hm, logitShiftDirection(mse.p)))).toBeGreaterThan(1e-3 * frobenius(Hm));
  });
});

describe('stencilCrossesKink', () => {
  const steps = (theta: Float64Array) => Float64Array.from(theta, (_, i) => centralDifferenceStep(theta, i));

  it('is false for smooth activations whatever θ', () => {
    const { p, theta } = smallCase('tanh', 'mse');
    expect(stencilCrossesKink(p, theta, steps(theta))).toBe(false);
  });
  it('is true when a ReLU pre-activation sits within the step of its kink, false once it is moved away', () => {
    const { p, theta } = smallCase('relu', 'mse', { hidden: [3], N: 4, seed: 5 });
    const lay = mlpLayout(p.spec);
    const b = lay.biasOffset[1]; // bias of hidden unit 0
    const z = p.preActivations!(theta).data[0]; // sample 0, unit 0
    const near = Float64Array.from(theta);
    near[b] += -z + 1e-9; // z₀₀ = 1e-9 ≪ h ≈ 6e-6: θ − h e_b flips its sign
    expect(stencilCrossesKink(p, near, steps(near))).toBe(true);
    // Away from every kink: the smallest |z| is far above the largest stencil move (2h·max|x| + 2h).
    const zs = p.preActivations!(theta).data;
    const margin = Math.min(...Array.from(zs, Math.abs));
    const reach = 2 * Math.max(...steps(theta)) * (1 + Math.max(...Array.from(p.data.X.data, Math.abs)));
    if (margin > reach) expect(stencilCrossesKink(p, theta, steps(theta))).toBe(false);
    else expect.fail(`test setup: seed 5 puts a pre-activation within ${reach} of a kink; choose another seed`);
  });
  it('refuses steps of the wrong length', () => {
    const { p, theta } = smallCase('relu', 'mse');
    expect(() => stencilCrossesKink(p, theta, new Float64Array(2))).toThrow(/steps 2/);
  });
});
