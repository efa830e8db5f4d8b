/**
 * The factorised two-layer kernel K = [(XXᵀ) ⊙ (D diag(a²) Dᵀ) + GGᵀ]/N against JJᵀ/N formed
 * from the dense Jacobian, and its eigenvalues against the dense spectrum of H(θ*).
 */
import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/config/buildProblem.js';
import { EPS, gramAAt, scale } from '../../src/linalg/matrix.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { getBackend, nativeAvailable } from '../../src/linalg/selectBackend.js';
import { hessianSpectrum } from '../../src/spectrum/hessianSpectrum.js';
import { KERNEL_LANCZOS_ULPS, kernelSpectrum, kernelTopEigenvalues, twoLayerKernel } from '../../src/spectrum/kernelSpectrum.js';

const backends = [portableBackend, ...(nativeAvailable() ? [getBackend('native')] : [])];

describe('two-layer factorised kernel', () => {
  for (const backend of backends) {
    it(`equals JJᵀ/N entrywise (${backend.name})`, () => {
      const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni: 7, Nh: 9, N: 30, seed: 2 });
      const K = twoLayerKernel(p, backend);
      const ref = gramAAt(scale(p.model.jacobian(p.theta, p.X), 1 / Math.sqrt(p.N)));
      const kmax = Math.max(...Array.from(ref.data, Math.abs));
      // Both are sums of P = 72 products of the same factors in different orders (and the
      // Hadamard split regroups Σ_j Σ_k): entrywise ≤ 4·(Ni + Nh + P)·eps·max|K|.
      for (let i = 0; i < K.data.length; i++) expect(Math.abs(K.data[i] - ref.data[i])).toBeLessThanOrEqual(4 * (7 + 9 + 72) * EPS * kmax);
    });

    it(`eigenvalues = the nonzero spectrum of H(θ*) from the dense route (${backend.name})`, () => {
      for (const cfg of [
        { family: 'two-layer', activation: 'erf', Ni: 10, Nh: 12, N: 50, seed: 1 }, // N < P = 132
        { family: 'two-layer', activation: 'relu', Ni: 3, Nh: 4, N: 60, seed: 2 }, // N > P = 16: K has N − P zeros
      ]) {
        const p = buildProblem(cfg);
        const ks = kernelSpectrum(p, backend);
        const dense = hessianSpectrum(p, backend);
        const P = p.model.P;
        const keep = Math.min(p.N, P);
        expect(ks.eigenvalues).toHaveLength(keep);
        expect(ks.structuralZeros).toBe(P - keep);
        const lmax = dense.eigenvalues[P - 1];
        // Both routes: eigensolver c·n·eps·λ_max on a Gram formed with (Ni + Nh + N)·eps·λ_max error.
        const bound = 8 * (cfg.Ni + cfg.Nh + p.N + P) * EPS * lmax;
        for (let i = 0; i < keep; i++) expect(Math.abs(ks.eigenvalues[i] - dense.eigenvalues[P - keep + i])).toBeLessThanOrEqual(bound);
        expect(Math.abs(ks.trace - dense.trace)).toBeLessThanOrEqual(bound * keep);
      }
    });
  }

  for (const backend of backends) {
    it(`kernelTopEigenvalues: Lanczos on K (N = 500, k = 12) equals the dense top 12 within its residuals + the dense error (${backend.name})`, () => {
      const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni: 10, Nh: 40, N: 500, seed: 4 });
      const top = kernelTopEigenvalues(p, 12, backend);
      expect(top.method).toBe('lanczos');
      expect(top.iterations).toBeGreaterThan(12);
      const dense = kernelSpectrum(p, backend).eigenvalues;
      const n = dense.length;
      const lmax = dense[n - 1];
      // Dense eigensolver: c·N·eps·λ_max with c = KERNEL_LANCZOS_ULPS; Lanczos: its residual (Weyl), itself ≤ that scale.
      for (let i = 0; i < 12; i++) {
        expect(top.errorBounds[i]).toBeLessThanOrEqual(2 * KERNEL_LANCZOS_ULPS * p.N * EPS * lmax);
        expect(Math.abs(top.eigenvalues[i] - dense[n - 1 - i])).toBeLessThanOrEqual(top.errorBounds[i] + KERNEL_LANCZOS_ULPS * p.N * EPS * lmax);
      }
    });
  }

  it('kernelTopEigenvalues: small N or large k use the dense eigensolver; k past the rank appends the structural zeros', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'erf', Ni: 4, Nh: 5, N: 12, seed: 2 }); // P = 25 > N = 12
    const top = kernelTopEigenvalues(p, 15, portableBackend);
    expect(top.method).toBe('dense');
    const dense = kernelSpectrum(p, portableBackend).eigenvalues;
    expect(Array.from(top.eigenvalues.subarray(0, 12))).toEqual(Array.from(dense).reverse());
    expect(Array.from(top.eigenvalues.subarray(12))).toEqual([0, 0, 0]);
    expect(() => kernelTopEigenvalues(p, 26, portableBackend)).toThrow(/k must be an integer in \[1, P = 25\], got 26/);
  });

  it('refuses off the optimum and for deep linear nets, pointing to the matrix-free route', () => {
    const off = buildProblem({ family: 'two-layer', activation: 'tanh', Ni: 3, Nh: 2, N: 10, seed: 1, studentOffset: 0.1 });
    expect(() => kernelSpectrum(off)).toThrow(/only at the optimum θ\*; off it use the matrix-free route/);
    const deep = buildProblem({ family: 'deep-linear', Ni: 3, Nh: 2, N: 10, seed: 1 });
    expect(() => kernelSpectrum(deep)).toThrow(/factorised kernel is for two-layer networks, got deep-linear/);
  });

  it('large P builds and the kernel route runs without the dense refusal (P = 10100, N = 40)', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni: 100, Nh: 100, N: 40, seed: 1 });
    expect(p.model.P).toBe(10100);
    const ks = kernelSpectrum(p);
    expect(ks.eigenvalues).toHaveLength(40);
    expect(ks.structuralZeros).toBe(10060);
    expect(() => hessianSpectrum(p)).toThrow(/top-eigenvalues/);
  });

  it('its own memory estimate is checked against the budget (HC_MEMORY_BUDGET_MB)', () => {
    const p = buildProblem({ family: 'two-layer', activation: 'tanh', Ni: 3, Nh: 50, N: 300, seed: 1 });
    const saved = process.env.HC_MEMORY_BUDGET_MB;
    process.env.HC_MEMORY_BUDGET_MB = '1';
    try {
      // 8·(4·300² + 4·300·50 + 300·3) bytes ≈ 3.2 MiB > 1 MiB.
      expect(() => kernelSpectrum(p)).toThrow(/^N, Nh: the structured kernel route with N = 300 samples and Nh = 50 needs about 3 MiB, over the 1 MiB budget/);
    } finally {
      if (saved === undefined) delete process.env.HC_MEMORY_BUDGET_MB;
      else process.env.HC_MEMORY_BUDGET_MB = saved;
    }
  });
});
