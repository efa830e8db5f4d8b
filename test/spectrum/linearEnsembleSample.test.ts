/**
 * src/spectrum/linearEnsembleSample.ts: each sampled eigenvalue against the same draw's full
 * spectrum computed another way (ml-matrix's EigenvalueDecomposition of the Ni×Ni matrix itself,
 * not a Gram/Cholesky route), the exact ensemble moments, the stream, and bad input.
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/rng.js';
import { MAX_DRAW_ELEMENTS, finiteDataIidSample, whitenedIidSample, whitenedPooledSpectrum, type LinearTeacherParams } from '../../src/spectrum/linearEnsembleSample.js';
import { sampleMoments } from '../../src/stats/sampleMoments.js';

/** Replays one draw's stream: W (Nh·Ni, row-major), a, then (un-whitened) X. */
function replayTeacher(rng: Rng, p: LinearTeacherParams): { W: MlMatrix; a2: number } {
  const w = rng.normals(p.Nh * p.Ni, p.sigma1);
  const a = rng.normals(p.Nh, p.sigma2);
  const W = new MlMatrix(p.Nh, p.Ni);
  for (let i = 0; i < p.Nh; i++) for (let j = 0; j < p.Ni; j++) W.set(i, j, w[i * p.Ni + j]);
  return { W, a2: a.reduce((s, v) => s + v * v, 0) };
}

const ascending = (xs: number[]) => [...xs].sort((u, v) => u - v);

describe('linear teacher ensemble samples', () => {
  // Tolerance: both routes are backward stable, errors ≲ c·Ni·eps·λ_max ≈ 1e-14·λ_max; 1e-10
  // leaves room for ml-matrix's non-symmetric solver (MC is not symmetric) while a wrong index
  // or a wrong formula moves the value by a gap between eigenvalues (≳ 1e-3·λ_max here).
  const TOL = 1e-10;

  it('whitened: a draw is eig(‖a‖²I + WᵀW)[k] for the replayed W, a, k — both sides of Ni = Nh', () => {
    for (const p of [{ Nh: 5, Ni: 9, sigma1: 0.8, sigma2: 1.3 }, { Nh: 9, Ni: 4, sigma1: 1.1, sigma2: 0.4 }]) {
      for (let seed = 0; seed < 8; seed++) {
        const [x] = whitenedIidSample(Rng.fromSeed(seed), p, 1);
        const rng = Rng.fromSeed(seed);
        const { W, a2 } = replayTeacher(rng, p);
        const k = rng.integer(p.Ni);
        const H = W.transpose().mmul(W).add(MlMatrix.eye(p.Ni).mul(a2));
        const eig = ascending(new EigenvalueDecomposition(H, { assumeSymmetric: true }).realEigenvalues);
        expect(Math.abs(x - eig[k]), `Nh ${p.Nh} Ni ${p.Ni} seed ${seed}`).toBeLessThan(TOL * eig[p.Ni - 1]);
      }
    }
  });

  it('whitened pooled: all Ni eigenvalues of one teacher, Ni − Nh of them ‖a‖² (to rounding)', () => {
    const p = { Nh: 6, Ni: 9, sigma1: 1, sigma2: 0.5 };
    const pooled = whitenedPooledSpectrum(Rng.fromSeed(4), p);
    const { W, a2 } = replayTeacher(Rng.fromSeed(4), p);
    const eig = ascending(new EigenvalueDecomposition(W.transpose().mmul(W).add(MlMatrix.eye(p.Ni).mul(a2)), { assumeSymmetric: true }).realEigenvalues);
    expect(pooled).toHaveLength(9);
    pooled.forEach((v, i) => expect(Math.abs(v - eig[i])).toBeLessThan(TOL * eig[8]));
    // the Ni − Nh = 3 null directions of W: eig(WᵀW) is 0 there up to rounding (≲ Ni·eps·λ_max)
    for (let i = 0; i < 3; i++) expect(Math.abs(pooled[i] - a2)).toBeLessThan(1e-12 * pooled[8]);
  });

  it('un-whitened: a draw is eig(MC)[k], M = ‖a‖²I + WᵀW, C = XᵀX/N, for the replayed W, a, X, k', () => {
    for (const [p, N] of [[{ Nh: 6, Ni: 4, sigma1: 0.9, sigma2: 0.7 }, 8], [{ Nh: 3, Ni: 5, sigma1: 1.2, sigma2: 0.3 }, 20]] as const) {
      for (let seed = 0; seed < 6; seed++) {
        const [x] = finiteDataIidSample(Rng.fromSeed(seed), p, N, 1);
        const rng = Rng.fromSeed(seed);
        const { W, a2 } = replayTeacher(rng, p);
        const xs = rng.normals(N * p.Ni);
        const X = new MlMatrix(N, p.Ni);
        for (let i = 0; i < N; i++) for (let j = 0; j < p.Ni; j++) X.set(i, j, xs[i * p.Ni + j]);
        const M = W.transpose().mmul(W).add(MlMatrix.eye(p.Ni).mul(a2));
        const C = X.transpose().mmul(X).div(N);
        const eig = ascending(new EigenvalueDecomposition(M.mmul(C)).realEigenvalues);
        const k = rng.integer(p.Ni);
        expect(Math.abs(x - eig[k]), `seed ${seed}`).toBeLessThan(TOL * eig[p.Ni - 1]);
      }
    }
  });

  it('exact ensemble moments: whitened mean Nh(σ1² + σ2²) and variance 2Nhσ2⁴ + Nh(Ni + 1)σ1⁴; un-whitened mean E tr(M)/Ni, the same', () => {
    const q = { Nh: 6, Ni: 9, sigma1: 1, sigma2: 0.5 };
    const mean = q.Nh * (q.sigma1 ** 2 + q.sigma2 ** 2);
    const V = 2 * q.Nh * q.sigma2 ** 4 + q.Nh * (q.Ni + 1) * q.sigma1 ** 4;
    const w = sampleMoments(whitenedIidSample(Rng.fromSeed(3), q, 20000));
    // z within 4.5 (two-sided 7e-6); the variance to 5% (its delta-method se is ≈ 1.5% here)
    expect(Math.abs(w.mean - mean) / Math.sqrt(V / w.n)).toBeLessThan(4.5);
    expect(Math.abs(w.variance - V) / V).toBeLessThan(0.05);
    // E C = I and C is independent of M: E λ = E tr(MC)/Ni = E tr(M)/Ni = Nh(σ1² + σ2²)
    const f = sampleMoments(finiteDataIidSample(Rng.fromSeed(5), q, 12, 20000));
    expect(Math.abs(f.mean - mean) / Math.sqrt(f.variance / f.n)).toBeLessThan(4.5);
  });

  it('the stream is sequential and reproducible: a shorter sample is a prefix of a longer one', () => {
    const p = { Nh: 4, Ni: 6, sigma1: 1, sigma2: 1 };
    const a = whitenedIidSample(Rng.fromSeed(9), p, 5);
    expect(Array.from(whitenedIidSample(Rng.fromSeed(9), p, 3))).toEqual(Array.from(a.slice(0, 3)));
    expect(Array.from(whitenedIidSample(Rng.fromSeed(9), p, 5))).toEqual(Array.from(a));
    const b = finiteDataIidSample(Rng.fromSeed(9), p, 10, 4);
    expect(Array.from(finiteDataIidSample(Rng.fromSeed(9), p, 10, 2))).toEqual(Array.from(b.slice(0, 2)));
  });

  it('bad input names the field, before allocating', () => {
    const p = { Nh: 4, Ni: 6, sigma1: 1, sigma2: 1 };
    expect(() => whitenedIidSample(Rng.fromSeed(1), { ...p, Nh: 0 }, 3)).toThrow(/whitenedIidSample: field `Nh`/);
    expect(() => whitenedIidSample(Rng.fromSeed(1), { ...p, sigma2: NaN }, 3)).toThrow(/field `sigma2`/);
    expect(() => whitenedIidSample(Rng.fromSeed(1), p, 0)).toThrow(/field `n`/);
    expect(() => finiteDataIidSample(Rng.fromSeed(1), p, 2.5, 3)).toThrow(/finiteDataIidSample: field `N`/);
    expect(() => whitenedPooledSpectrum(Rng.fromSeed(1), { ...p, Ni: 1.5 })).toThrow(/field `Ni`/);
    expect(() => finiteDataIidSample(Rng.fromSeed(1), { ...p, Ni: 4096 }, MAX_DRAW_ELEMENTS, 1)).toThrow(/per draw, over/);
  });
});
