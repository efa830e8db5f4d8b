/**
 * End to end on the PyTorch fixtures: the files read through the mlp loader
 * (src/formats/mlpModel.ts: config → safetensors + .npy → θ in model.parameters() order and the
 * data) and handed to the suite's own MLP engine (src/nets/mlp) reproduce torch's float64
 * answers: loss, gradient, H·v, every Hessian eigenvalue, and the Gauss–Newton / residual split
 * (torch's GN = Jᵀ ∇²_f L J from its own Jacobian, R = H − GN). Every loss the config can name
 * is covered — nn.CrossEntropyLoss and nn.MSELoss with reduction mean and sum, the
 * half-squared error — and the bias-free and named-module layouts.
 *
 * Tolerances. Gradient: twice the engine's own first-order rounding bound for its gradient
 * (gradientRoundingBound; torch's evaluation has rounding of the same kind and size). Loss,
 * H·v and eigenvalues: m·eps·scale with m = P·N, the worst-case first-order error of a value
 * accumulated over ≈ P·N multiply-adds whose magnitudes are bounded by `scale` (Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1, γ_m); for eigenvalues,
 * Weyl's inequality turns a perturbation of H into the same bound on each eigenvalue, and the
 * symmetric eigensolvers' backward errors (≈ P·eps·‖H‖₂) fit inside it. GN and R: the same
 * bound with max|λ(H)| as the scale (torch forms GN from J and ∇²_f L, R as the difference).
 *
 * Wrong neighbours, through the SAME tolerance, must fail: the other reduction (a factor N, or
 * N·k for nn.MSELoss), and for nn.MSELoss at k = 3 the ½-scaled squared error (a factor k/2 =
 * 1.5 — at k = 2 the two coincide, which is why tanh_mse_k3_f64 exists).
 */
import { describe, expect, it } from 'vitest';
import type { MlpConfig } from '../../src/formats/config/parseConfig.js';
import { loadMlpModel } from '../../src/formats/mlpModel.js';
import { getBackend } from '../../src/linalg/index.js';
import { ALL_TORCH_FIXTURES, fixturePath, loadReference, type TorchFixture } from './support.js';

const EPS = 2 ** -52;

interface FullReference {
  config: MlpConfig;
  P: number;
  N: number;
  loss: number;
  gradient: number[];
  eigenvalues: number[];
  trace: number;
  hvp: { v: number[]; Hv: number[] };
  gaussNewton: { eigenvalues: number[]; trace: number };
  residual: { eigenvalues: number[]; trace: number };
}

const maxAbs = (a: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};
const descending = (m: { rows: number; data: Float64Array }) => [...getBackend().symmetricEigenvalues(m as never)].reverse();
const maxGap = (a: readonly number[], b: readonly number[]) => maxAbs(a.map((v, i) => v - b[i]));

function loaded(name: TorchFixture, override: Partial<MlpConfig> = {}) {
  const ref = loadReference(name) as unknown as FullReference;
  return { ref, m: loadMlpModel({ ...ref.config, ...override }, fixturePath(name, '.')) };
}

describe('torch fixtures through the mlp loader and the suite’s MLP engine reproduce torch', () => {
  it.each(ALL_TORCH_FIXTURES)('%s: loss, gradient, H·v, all Hessian eigenvalues, and the GN / residual spectra', (name) => {
    const { ref, m } = loaded(name);
    const { problem, theta } = m;
    expect(problem.P).toBe(ref.P);
    expect(problem.N).toBe(ref.N);
    const mm = ref.P * ref.N;

    expect(Math.abs(problem.loss(theta) - ref.loss)).toBeLessThanOrEqual(mm * EPS * Math.abs(ref.loss));

    const g = problem.gradient(theta);
    const gBound = 2 * problem.gradientRoundingBound(theta);
    const gGap = maxGap(Array.from(g), ref.gradient);
    expect(gGap, `gradient gap ${gGap} vs bound ${gBound}`).toBeLessThanOrEqual(gBound);

    const lambdaMax = maxAbs(ref.eigenvalues);
    const hv = problem.hessianVector(theta, Float64Array.from(ref.hvp.v));
    expect(maxGap(Array.from(hv), ref.hvp.Hv)).toBeLessThanOrEqual(mm * EPS * lambdaMax * maxAbs(ref.hvp.v) * Math.sqrt(ref.P));

    const tol = mm * EPS * lambdaMax;
    const ev = descending(problem.hessian(theta));
    const evGap = maxGap(ev, ref.eigenvalues);
    expect(evGap, `eigenvalue gap ${evGap / (EPS * lambdaMax)} eps·max|λ|`).toBeLessThanOrEqual(tol);
    expect(Math.abs(ev.reduce((a, b) => a + b, 0) - ref.trace)).toBeLessThanOrEqual(tol * ref.P);

    const gn = descending(problem.gaussNewton(theta));
    const r = descending(problem.residualTerm(theta));
    expect(maxGap(gn, ref.gaussNewton.eigenvalues), 'Gauss–Newton eigenvalues').toBeLessThanOrEqual(tol);
    expect(maxGap(r, ref.residual.eigenvalues), 'residual-term eigenvalues').toBeLessThanOrEqual(tol);
    expect(Math.abs(gn.reduce((a, b) => a + b, 0) - ref.gaussNewton.trace)).toBeLessThanOrEqual(tol * ref.P);
  });

  it.each(ALL_TORCH_FIXTURES)('%s: the other reduction is rejected by the same eigenvalue tolerance', (name) => {
    const { ref, m } = loaded(name, { reduction: (loadReference(name) as unknown as FullReference).config.reduction === 'sum' ? 'mean' : 'sum' });
    const tol = ref.P * ref.N * EPS * maxAbs(ref.eigenvalues);
    expect(maxGap(descending(m.problem.hessian(m.theta)), ref.eigenvalues)).toBeGreaterThan(1e6 * tol);
  });

  it('nn.MSELoss (mean over N·k entries) is not the ½-scaled squared error: at k = 3 the neighbour misses by the factor k/2', () => {
    const { ref, m } = loaded('tanh_mse_k3_f64', { loss: 'half-squared-error' });
    const tol = ref.P * ref.N * EPS * maxAbs(ref.eigenvalues);
    const ev = descending(m.problem.hessian(m.theta));
    expect(maxGap(ev, ref.eigenvalues)).toBeGreaterThan(1e6 * tol);
    // Exactly the factor k/2 = 1.5 up to rounding (the same per-sample terms, another divisor).
    expect(maxGap(ev.map((v) => v / 1.5), ref.eigenvalues)).toBeLessThanOrEqual(tol * 2);
    // And the reverse: the half-squared-error fixture read as "mse" misses too.
    const h = loaded('sigmoid_hse_f64', { loss: 'mse' });
    expect(maxGap(descending(h.m.problem.hessian(h.m.theta)), h.ref.eigenvalues)).toBeGreaterThan(1e6 * h.ref.P * h.ref.N * EPS * maxAbs(h.ref.eigenvalues));
  });
});
