import { describe, expect, it } from 'vitest';
import { MarchenkoPastur, ChiSquared } from '../../src/stats/index.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { cholesky } from '../../src/linalg/cholesky.js';
import { gramAtA, matmul, transpose } from '../../src/linalg/matrix.js';
import { Rng } from '../../src/rng/rng.js';
import { c2eLaw, freeMultiplicativeConvolution, shiftedMpPopulation } from '../../theory/finiteDataLaw.js';

function interp(x: Float64Array, F: Float64Array, v: number): number {
  let i = 0;
  while (i < x.length - 2 && x[i + 1] < v) i++;
  const u = Math.min(1, Math.max(0, (v - x[i]) / (x[i + 1] - x[i])));
  return F[i] + u * (F[i + 1] - F[i]);
}

describe('theory/finiteDataLaw (C2e): Silverstein-equation solver', () => {
  it('H = δ₁ gives MP(c) exactly (closed form): cdf error ≤ 2e-4 for c ≤ 1/2, ≤ 1e-3 at c = 0.8 (sharp lower edge)', () => {
    for (const [c, bound] of [[0.1, 2e-4], [0.5, 2e-4], [0.8, 1e-3]]) {
      const g = freeMultiplicativeConvolution({ tau: Float64Array.of(1), weight: Float64Array.of(1) }, c);
      const mp = new MarchenkoPastur({ ratio: c, scale: 1 });
      let worst = 0;
      for (let i = 0; i < g.x.length; i += 7) worst = Math.max(worst, Math.abs(g.cdf[i] - mp.cdf(g.x[i])));
      expect(worst, `c = ${c}`).toBeLessThan(bound);
      expect(g.massError).toBeLessThan(2e-3);
      expect(g.unconverged).toBe(0);
    }
  });
  it('moments: m1 = h1 and m2 = h2 + c·h1² (free multiplicative convolution with MP(c))', () => {
    const p = { Nh: 64, Ni: 16, sigma1: 1, sigma2: 0.5, N: 32 };
    const law = c2eLaw(p);
    const c = p.Ni / p.N;
    const s = p.Nh;
    const gamma = p.Ni / p.Nh;
    const A = new ChiSquared({ df: p.Nh, scale: 0.25 });
    const EA = A.mean();
    const EA2 = A.variance() + EA * EA;
    const h1 = EA + s;
    const Eh1sq = EA2 + 2 * EA * s + s * s; // E_A[(A + s)²]
    const h2 = EA2 + 2 * EA * s + s * s + gamma * s * s; // E[(A + μ)²], μ ~ s·MP(γ)
    const m2 = h2 + c * Eh1sq;
    expect(Math.abs(law.mean() - h1) / h1).toBeLessThan(2e-3);
    expect(Math.abs(law.variance() - (m2 - h1 * h1)) / (m2 - h1 * h1)).toBeLessThan(1e-2);
    expect(law.accuracy.unconverged).toBe(0);
  });
  it('agrees with a large simulated matrix: ESD of eig(MC), Ni = 200, Nh = 400, N = 400 (sup-distance ≤ 0.02)', () => {
    const Ni = 200;
    const Nh = 400;
    const N = 400;
    const rng = Rng.fromSeed(11);
    // σ2 small: ‖a‖² ≈ its mean, so one draw's ESD is close to the ensemble law
    const p = { Nh, Ni, sigma1: 1, sigma2: 0.05, N };
    const eigs: number[] = [];
    for (let d = 0; d < 3; d++) {
      const W = { rows: Nh, cols: Ni, data: rng.normals(Nh * Ni) };
      const a = rng.normals(Nh, p.sigma2);
      const M = gramAtA(W);
      let a2 = 0;
      for (const v of a) a2 += v * v;
      for (let i = 0; i < Ni; i++) M.data[i * Ni + i] += a2;
      const C = gramAtA({ rows: N, cols: Ni, data: rng.normals(N * Ni) }, 1 / N);
      const R = cholesky(M);
      eigs.push(...getBackend().symmetricEigenvalues(matmul(matmul(transpose(R), C), R)));
    }
    eigs.sort((x, y) => x - y);
    const law = c2eLaw(p);
    let D = 0;
    eigs.forEach((v, i) => {
      const F = law.cdf(v);
      D = Math.max(D, Math.abs(F - i / eigs.length), Math.abs(F - (i + 1) / eigs.length));
    });
    expect(D).toBeLessThan(0.02);
  });
  it('population discretisation: equal-mass MP atoms plus the atom at A for γ > 1', () => {
    const H = shiftedMpPopulation(5, 2, 3, 100);
    expect(H.tau[0]).toBe(5);
    expect(H.weight[0]).toBeCloseTo(0.5, 14);
    expect(H.weight.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(interp(Float64Array.of(0, 1), Float64Array.of(0, 1), 0.25)).toBeCloseTo(0.25, 14);
  });
  it('bad input names the field', () => {
    expect(() => freeMultiplicativeConvolution({ tau: Float64Array.of(1), weight: Float64Array.of(1) }, 1.5)).toThrow(/field `c`/);
    expect(() => freeMultiplicativeConvolution({ tau: Float64Array.of(-1), weight: Float64Array.of(1) }, 0.5)).toThrow(/field `H`/);
    expect(() => c2eLaw({ Nh: 4, Ni: 8, sigma1: 1, sigma2: 1, N: 8 })).toThrow(/field `N`/);
  });
});
