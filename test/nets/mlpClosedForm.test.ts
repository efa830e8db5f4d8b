/**
 * The MLP engine against hand-computed closed forms: a one-hidden-unit net (every
 * gradient and Hessian entry written out), logistic regression (k = 2, no hidden layer:
 * H = X̃ᵀDX̃/N on the logit difference, residual term exactly 0), the linear model with
 * nn.MSELoss (H = (2/(N·k))·(I_k ⊗ X̃ᵀX̃), with and without biases, mean and sum), softmax
 * regression (H = (1/N) Σ (diag(p) − ppᵀ) ⊗ x̃x̃ᵀ), softmax identities (gradient over the
 * logits sums to zero; loss stable for huge logits).
 *
 * Tolerances: each closed form and the engine evaluate the same few products in a
 * different order; entries are sums of ≤ m = mlpOperationCount terms of size ≤ the
 * largest |entry| scale S, so |engine − closed form| ≤ m·EPS·S (first-order, Higham §3.1).
 */
import { describe, expect, it } from 'vitest';
import { EPS, maxAbs, zeros } from '../../src/linalg/matrix.js';
import { buildMlpProblem, mlpLayout, mlpOperationCount, softmax } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';
import { ACTIVATIONS, LOSSES, smallCase } from './mlpSupport.js';

describe('MLP · one hidden unit, tanh, MSE: hand-computed gradient and Hessian', () => {
  // f(x) = w2·tanh(w1·x + b1) + b2, ℓ = ½(f − t)², θ = (w1, b1, w2, b2) in layout order.
  const x = 0.7;
  const t = -0.4;
  const [w1, b1, w2, b2] = [0.9, -0.3, 1.3, 0.2];
  const p = buildMlpProblem({ inputDim: 1, hidden: [1], outputs: 1, activation: 'tanh', loss: 'half-squared-error' }, { X: { rows: 1, cols: 1, data: Float64Array.of(x) }, targets: { rows: 1, cols: 1, data: Float64Array.of(t) } });
  const theta = Float64Array.of(w1, b1, w2, b2);
  const z = w1 * x + b1;
  const s = Math.tanh(z);
  const s1 = 1 - s * s;
  const s2 = -2 * s * s1;
  const f = w2 * s + b2;
  const r = f - t;
  const j = [w2 * s1 * x, w2 * s1, s, 1];
  // ∇²f: only the (w1, b1) block and its coupling to w2 are nonzero.
  const d2f = [
    [w2 * s2 * x * x, w2 * s2 * x, s1 * x, 0],
    [w2 * s2 * x, w2 * s2, s1, 0],
    [s1 * x, s1, 0, 0],
    [0, 0, 0, 0],
  ];
  const tol = 16 * EPS; // m = 2 + 2 + 1 + 8 + 1 = 14 operations, entries of size ≤ 1.3

  it('layout is W1 (1×1), b1, W2 (1×1), b2 and P = 4', () => {
    expect(p.P).toBe(4);
    expect(p.layout).toBe('W1 (1×1) row-major, b1 (1), W2 (1×1) row-major, b2 (1)');
  });
  it('loss and gradient r·∇f', () => {
    expect(Math.abs(p.loss(theta) - 0.5 * r * r)).toBeLessThanOrEqual(tol);
    const g = p.gradient(theta);
    for (let i = 0; i < 4; i++) expect(Math.abs(g[i] - r * j[i])).toBeLessThanOrEqual(tol);
  });
  it('Gauss–Newton ∇f∇fᵀ, residual r·∇²f, Hessian their sum', () => {
    const GN = p.gaussNewton(theta);
    const R = p.residualTerm(theta);
    const H = p.hessian(theta);
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < 4; b++) {
        expect(Math.abs(GN.data[a * 4 + b] - j[a] * j[b])).toBeLessThanOrEqual(tol);
        expect(Math.abs(R.data[a * 4 + b] - r * d2f[a][b])).toBeLessThanOrEqual(tol);
        expect(Math.abs(H.data[a * 4 + b] - (j[a] * j[b] + r * d2f[a][b]))).toBeLessThanOrEqual(tol);
      }
    }
  });
  it('output Jacobian is ∇fᵀ', () => {
    const J = p.outputJacobian(theta, 0);
    expect(J.rows).toBe(1);
    for (let i = 0; i < 4; i++) expect(Math.abs(J.data[i] - j[i])).toBeLessThanOrEqual(tol);
  });
});

describe('MLP · logistic regression (k = 2, no hidden layer): H = X̃ᵀDX̃/N on the logit difference', () => {
  const rng = Rng.fromSeed(11);
  const N = 9;
  const d = 3;
  const X = { rows: N, cols: d, data: rng.normals(N * d) };
  const labels = Int32Array.from({ length: N }, () => rng.integer(2));
  const p = buildMlpProblem({ inputDim: d, hidden: [], outputs: 2, activation: 'identity', loss: 'cross-entropy' }, { X, labels });
  const theta = rng.normals(p.P, 0.8);
  // θ = (W row 0 (d), W row 1 (d), b0, b1); x̃ = (x, 1). With q_n = p_n(class 1), the Hessian is
  // H[(c,i),(c',j)] = (1/N) Σ_n s_c s_c' q_n(1 − q_n) x̃_i x̃_j, s = (+1, −1): the X̃ᵀDX̃/N of
  // logistic regression on the logit difference f_0 − f_1, D = diag(q(1 − q)).
  const idx = (c: number, i: number) => (i < d ? c * d + i : 2 * d + c);
  const closed = zeros(p.P, p.P);
  for (let n = 0; n < N; n++) {
    const f0 = theta[2 * d] + theta.slice(0, d).reduce((s, w, i) => s + w * X.data[n * d + i], 0);
    const f1 = theta[2 * d + 1] + theta.slice(d, 2 * d).reduce((s, w, i) => s + w * X.data[n * d + i], 0);
    const q = 1 / (1 + Math.exp(f0 - f1));
    const xt = [...X.data.subarray(n * d, (n + 1) * d), 1];
    for (let c = 0; c < 2; c++) for (let c2 = 0; c2 < 2; c2++) for (let i = 0; i <= d; i++) for (let j = 0; j <= d; j++) {
      closed.data[idx(c, i) * p.P + idx(c2, j)] += ((c === c2 ? 1 : -1) * q * (1 - q) * xt[i] * xt[j]) / N;
    }
  }
  const tol = mlpOperationCount(mlpLayout(p.spec).widths, N) * EPS * maxAbs(closed.data);

  it('Hessian and Gauss–Newton equal the closed form', () => {
    const H = p.hessian(theta);
    const GN = p.gaussNewton(theta);
    for (let i = 0; i < closed.data.length; i++) {
      expect(Math.abs(H.data[i] - closed.data[i])).toBeLessThanOrEqual(tol);
      expect(Math.abs(GN.data[i] - closed.data[i])).toBeLessThanOrEqual(tol);
    }
  });
  it('residual term is exactly 0 (the outputs are linear in θ)', () => {
    expect(maxAbs(p.residualTerm(theta).data)).toBe(0);
  });
  it('gradient is (1/N) Σ (p_n − e_{y_n}) ⊗ x̃_n', () => {
    const g = p.gradient(theta);
    const ref = new Float64Array(p.P);
    for (let n = 0; n < N; n++) {
      const f = [0, 1].map((c) => theta[2 * d + c] + theta.slice(c * d, (c + 1) * d).reduce((s, w, i) => s + w * X.data[n * d + i], 0));
      const pr = softmax(f);
      for (let c = 0; c < 2; c++) {
        const e = pr[c] - (labels[n] === c ? 1 : 0);
        for (let i = 0; i < d; i++) ref[c * d + i] += (e * X.data[n * d + i]) / N;
        ref[2 * d + c] += e / N;
      }
    }
    for (let i = 0; i < p.P; i++) expect(Math.abs(g[i] - ref[i])).toBeLessThanOrEqual(tol);
  });
});

describe('MLP · softmax identities', () => {
  for (const activation of ACTIVATIONS) {
    it(`${activation}: ∂L/∂f sums to zero over the classes (output-bias gradient sums to 0)`, () => {
      const { p, theta } = smallCase(activation, 'cross-entropy', { k: 5 });
      const lay = mlpLayout(p.spec);
      const g = p.gradient(theta);
      let sum = 0;
      let abs = 0;
      for (let c = 0; c < 5; c++) {
        sum += g[lay.biasOffset[lay.L] + c];
        abs += Math.abs(g[lay.biasOffset[lay.L] + c]);
      }
      // Per sample Σ_c (p_c − e_y,c) = Σp − 1 = O(k·eps); averaged and summed: ≤ (k + N)·EPS·(1 + Σ|g|).
      expect(abs).toBeGreaterThan(1e-3);
      expect(Math.abs(sum)).toBeLessThanOrEqual((5 + p.N) * EPS * (1 + abs));
    });
  }
  it('log-sum-exp keeps the loss finite and exact for logits of size 1e3', () => {
    // Linear model with a huge bias: f = (1000, 0, −1000) + small; ℓ = lse(f) − f_y.
    const p = buildMlpProblem({ inputDim: 1, hidden: [], outputs: 3, activation: 'identity', loss: 'cross-entropy' }, { X: { rows: 1, cols: 1, data: Float64Array.of(0) }, labels: Int32Array.of(2) });
    const theta = Float64Array.of(0, 0, 0, 1000, 0, -1000);
    // lse = 1000 + log(1 + e^{−1000} + e^{−2000}) = 1000 exactly in float64; ℓ = 1000 − (−1000) = 2000.
    expect(p.loss(theta)).toBe(2000);
    const g = p.gradient(theta);
    expect([g[3], g[4], g[5]]).toEqual([1, 0, -1]);
    expect(Number.isFinite(maxAbs(p.hessian(theta).data))).toBe(true);
  });
  it('near-one-hot p (margin 25, 1 − p ≈ 1.4e-11): loss, gradient and Hessian accurate relative to themselves', () => {
    // Linear model with W = 0, b = (12.5, −12.5): every sample has p = (1 − ε, ε), ε = 1/(1 + e²⁵).
    // Naive formulas (lse − f_y, p_y − 1, u − pᵀu) cancel to eps absolute here, i.e. relative
    // errors ~eps/ε ≈ 1e-5; the engine's are a few ulp times the logit size (≤ 64·EPS·26).
    const N = 3;
    const X = { rows: N, cols: 2, data: Float64Array.of(0.5, -1, 2, 0.3, -0.7, 1.1) };
    const p = buildMlpProblem({ inputDim: 2, hidden: [], outputs: 2, activation: 'identity', loss: 'cross-entropy' }, { X, labels: Int32Array.of(0, 0, 0) });
    const theta = Float64Array.of(0, 0, 0, 0, 12.5, -12.5);
    const eps = 1 / (1 + Math.exp(25));
    const rel = 64 * EPS * 26;
    const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
    close(p.loss(theta), Math.log1p(Math.exp(-25)));
    const g = p.gradient(theta);
    close(g[4], -eps); // ∂L/∂b0 = mean(p_0 − 1) = −ε
    close(g[5], eps);
    // H = ε(1 − ε)·(1/N) Σ x̃x̃ᵀ ⊗ [[1, −1], [−1, 1]]; check the b-block and one W entry.
    const H = p.hessian(theta);
    const w = eps * (1 - eps);
    close(H.data[4 * 6 + 4], w);
    close(H.data[4 * 6 + 5], -w);
    close(H.data[0], (w * (0.25 + 4 + 0.49)) / N);
    const GN = p.gaussNewton(theta);
    close(GN.data[4 * 6 + 4], w);
    close(p.hessianVector(theta, Float64Array.of(0, 0, 0, 0, 1, 0))[4], w);
  });
  it('softmax() sums to one and is shift-invariant', () => {
    const a = softmax([1, 2, 3]);
    const b = softmax([1001, 1002, 1003]);
    expect(Math.abs(a[0] + a[1] + a[2] - 1)).toBeLessThanOrEqual(4 * EPS);
    // p_c = exp(f_c − lse): f_c − lse is rounded at the scale of |f_c| + |lse| ≈ 2006, so p_c
    // carries a relative error ≤ 2·EPS·(|f_c| + |lse|) — shifting logits by 1000 costs ~3 digits.
    for (let i = 0; i < 3; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(2 * EPS * 2010 * a[i]);
  });
});

describe('MLP · ReLU is the almost-everywhere Hessian (σ″ = 0)', () => {
  it('residual term vanishes on the first-layer weight block of a one-hidden-layer ReLU net', () => {
    // ∇²f restricted to (W1, b1) is a2·σ″(z)·x̃x̃ᵀ = 0 for ReLU; the W1–W2 coupling remains.
    for (const loss of LOSSES) {
      const { p, theta } = smallCase('relu', loss, { hidden: [4] });
      const R = p.residualTerm(theta);
      const first = 4 * 3 + 4;
      let blockMax = 0;
      for (let i = 0; i < first; i++) for (let j = 0; j < first; j++) blockMax = Math.max(blockMax, Math.abs(R.data[i * p.P + j]));
      expect(blockMax).toBe(0);
      expect(maxAbs(R.data)).toBeGreaterThan(1e-3);
    }
  });
});

describe('MLP · linear model (no hidden layer, identity) with nn.MSELoss: H = (2/(N·k))·(I_k ⊗ X̃ᵀX̃)', () => {
  // L = 1/(N k) Σ_n Σ_c (w_cᵀx̃_n − t_nc)² with x̃ = (x, 1) and w_c = (W[c, :], b_c): the
  // outputs do not share parameters and each is linear, so ∂²L/∂w_c∂w_c' = δ_cc'·(2/(N k))·Σ_n x̃x̃ᵀ.
  // In θ's layout (W row-major, then b): index of (c, i) is c·d + i for i < d, k·d + c for the bias.
  const rng = Rng.fromSeed(12);
  const N = 7;
  const d = 3;
  const k = 4;
  const X = { rows: N, cols: d, data: rng.normals(N * d) };
  const targets = { rows: N, cols: k, data: rng.normals(N * k) };
  for (const [bias, reduction] of [[true, 'mean'], [true, 'sum'], [false, 'mean']] as const) {
    it(`bias: ${bias}, reduction: ${reduction}`, () => {
      const p = buildMlpProblem({ inputDim: d, hidden: [], outputs: k, activation: 'identity', loss: 'mse', reduction, bias }, { X, targets });
      const dt = bias ? d + 1 : d;
      expect(p.P).toBe(k * dt);
      const theta = rng.normals(p.P);
      const idx = (c: number, i: number) => (i < d ? c * d + i : k * d + c);
      const scale = reduction === 'mean' ? 2 / (N * k) : 2;
      const closed = zeros(p.P, p.P);
      const grad = new Float64Array(p.P);
      for (let n = 0; n < N; n++) {
        const xt = [...X.data.subarray(n * d, (n + 1) * d), ...(bias ? [1] : [])];
        for (let c = 0; c < k; c++) {
          let f = 0;
          for (let i = 0; i < dt; i++) f += theta[idx(c, i)] * xt[i];
          const r = f - targets.data[n * k + c];
          for (let i = 0; i < dt; i++) {
            grad[idx(c, i)] += scale * r * xt[i];
            for (let j = 0; j < dt; j++) closed.data[idx(c, i) * p.P + idx(c, j)] += scale * xt[i] * xt[j];
          }
        }
      }
      const m = mlpOperationCount(mlpLayout(p.spec).widths, N);
      const tol = m * EPS * maxAbs(closed.data);
      const H = p.hessian(theta);
      const GN = p.gaussNewton(theta);
      for (let i = 0; i < closed.data.length; i++) {
        expect(Math.abs(H.data[i] - closed.data[i])).toBeLessThanOrEqual(tol);
        expect(Math.abs(GN.data[i] - closed.data[i])).toBeLessThanOrEqual(tol);
      }
      expect(maxAbs(p.residualTerm(theta).data)).toBe(0);
      const g = p.gradient(theta);
      const gtol = m * EPS * maxAbs(grad) * (1 + maxAbs(theta));
      for (let i = 0; i < p.P; i++) expect(Math.abs(g[i] - grad[i])).toBeLessThanOrEqual(gtol);
      // Power: the ½-scaled loss has half this Hessian (and a k-fold different mean).
      const half = buildMlpProblem({ ...p.spec, loss: 'half-squared-error' }, { X, targets }).hessian(theta);
      expect(Math.abs(half.data[0] - closed.data[0])).toBeGreaterThan(0.2 * Math.abs(closed.data[0]));
    });
  }
});

describe('MLP · softmax regression (k = 3, no hidden layer): H = (1/N) Σ_n (diag(p_n) − p_n p_nᵀ) ⊗ x̃_n x̃_nᵀ', () => {
  const rng = Rng.fromSeed(13);
  const N = 8;
  const d = 2;
  const k = 3;
  const X = { rows: N, cols: d, data: rng.normals(N * d) };
  const labels = Int32Array.from({ length: N }, () => rng.integer(k));
  const p = buildMlpProblem({ inputDim: d, hidden: [], outputs: k, activation: 'identity', loss: 'cross-entropy' }, { X, labels });
  const theta = rng.normals(p.P, 0.9);
  const idx = (c: number, i: number) => (i < d ? c * d + i : k * d + c);
  const closed = zeros(p.P, p.P);
  for (let n = 0; n < N; n++) {
    const xt = [...X.data.subarray(n * d, (n + 1) * d), 1];
    const f = [0, 1, 2].map((c) => xt.reduce((s, x, i) => s + theta[idx(c, i)] * x, 0));
    const pr = softmax(f);
    for (let c = 0; c < k; c++) for (let c2 = 0; c2 < k; c2++) {
      const A = (c === c2 ? pr[c] : 0) - pr[c] * pr[c2];
      for (let i = 0; i <= d; i++) for (let j = 0; j <= d; j++) closed.data[idx(c, i) * p.P + idx(c2, j)] += (A * xt[i] * xt[j]) / N;
    }
  }
  const tol = mlpOperationCount(mlpLayout(p.spec).widths, N) * EPS * maxAbs(closed.data);
  it('Hessian, Gauss–Newton and H·e_i equal the closed form; residual term is exactly 0', () => {
    const H = p.hessian(theta);
    const GN = p.gaussNewton(theta);
    for (let i = 0; i < closed.data.length; i++) {
      expect(Math.abs(H.data[i] - closed.data[i])).toBeLessThanOrEqual(tol);
      expect(Math.abs(GN.data[i] - closed.data[i])).toBeLessThanOrEqual(tol);
    }
    const e = new Float64Array(p.P);
    e[4] = 1;
    const col = p.hessianVector(theta, e);
    for (let i = 0; i < p.P; i++) expect(Math.abs(col[i] - closed.data[i * p.P + 4])).toBeLessThanOrEqual(tol);
    expect(maxAbs(p.residualTerm(theta).data)).toBe(0);
  });
  it("reduction 'sum' is N times the closed form", () => {
    const sum = buildMlpProblem({ ...p.spec, reduction: 'sum' }, { X, labels }).hessian(theta);
    for (let i = 0; i < closed.data.length; i++) expect(Math.abs(sum.data[i] - N * closed.data[i])).toBeLessThanOrEqual(N * tol);
  });
});
