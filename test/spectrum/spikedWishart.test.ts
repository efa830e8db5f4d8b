/**
 * spikedTopEigenvalue(s) against an independent computation: the same stream's X rebuilt here,
 * S = XᵀX/N formed explicitly and diagonalised by ml-matrix, on both Gram sides (M ≤ N and
 * M > N); the draws are sequential and reproducible; bad input fails by name before allocating.
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { MAX_ENTRIES, spikedTopEigenvalue, spikedTopEigenvalues } from '../../src/spectrum/spikedWishart.js';

/** λ_max of XᵀX/N built from the next N·M normals of `rng`, first column × √ℓ, by ml-matrix. */
function reference(rng: Rng, M: number, N: number, ell: number): number {
  const z = rng.normals(N * M);
  const X = MlMatrix.zeros(N, M);
  for (let n = 0; n < N; n++) for (let m = 0; m < M; m++) X.set(n, m, z[n * M + m] * (m === 0 ? Math.sqrt(ell) : 1));
  const S = X.transpose().mmul(X).div(N);
  return Math.max(...new EigenvalueDecomposition(S, { assumeSymmetric: true }).realEigenvalues);
}

describe('spikedTopEigenvalue', () => {
  // Tolerance: both are backward-stable float64 routes on a matrix of order ≤ 60 with entries
  // summed over ≤ 80 terms: |Δλ| ≲ (M + N)·eps·λ_max ≈ 3e-14·λ_max; 1e-12 relative leaves room.
  for (const [M, N, ell] of [
    [20, 50, 3.5], // M < N: the M×M side
    [40, 40, 1], // square, no spike
    [60, 30, 2.2], // M > N (γ = 2): the N×N side
  ]) {
    it(`equals ml-matrix's λ_max of the explicit XᵀX/N at M = ${M}, N = ${N}, ℓ = ${ell}`, () => {
      const got = spikedTopEigenvalue(Rng.fromSeed(5).split('x'), { M, N, ell });
      const want = reference(Rng.fromSeed(5).split('x'), M, N, ell);
      expect(Math.abs(got - want) / want).toBeLessThan(1e-12);
    });
  }

  it('draws are sequential from one stream: spikedTopEigenvalues(R) = R single draws in order', () => {
    const size = { M: 10, N: 25, ell: 4 };
    const many = spikedTopEigenvalues(Rng.fromSeed(9), size, 3);
    const rng = Rng.fromSeed(9);
    const one = [0, 1, 2].map(() => spikedTopEigenvalue(rng, size));
    expect(Array.from(many)).toEqual(one);
    expect(new Set(one).size).toBe(3);
  });

  it('a strong spike separates: λ_max tracks ℓ(1 + γ/(ℓ − 1)) within a few fluctuation sd', () => {
    // ℓ = 6, γ = 0.1 (M = 20, N = 200): limit 6.12, sd ≈ ℓ√(2(1 − γ/(ℓ−1)²))/√N ≈ 0.60. Eight
    // draws' mean is within 4 sd/√8 ≈ 0.85 of it unless the scaling of the first column is wrong
    // (unscaled: λ_max ≈ (1 + √γ)² = 1.73).
    const xs = spikedTopEigenvalues(Rng.fromSeed(3), { M: 20, N: 200, ell: 6 }, 8);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 6 * (1 + 0.1 / 5))).toBeLessThan(0.85);
  });

  it('rejects bad sizes, spike and draw count by name, and oversize matrices before allocating', () => {
    const rng = Rng.fromSeed(1);
    expect(() => spikedTopEigenvalue(rng, { M: 0, N: 5, ell: 1 })).toThrow(/field `M`/);
    expect(() => spikedTopEigenvalue(rng, { M: 3, N: 2.5, ell: 1 })).toThrow(/field `N`/);
    expect(() => spikedTopEigenvalue(rng, { M: 3, N: 5, ell: 0 })).toThrow(/field `ell`/);
    expect(() => spikedTopEigenvalue(rng, { M: 3, N: 5, ell: NaN })).toThrow(/field `ell`/);
    expect(() => spikedTopEigenvalues(rng, { M: 3, N: 5, ell: 1 }, 0)).toThrow(/field `draws`/);
    expect(() => spikedTopEigenvalue(rng, { M: 1e4, N: MAX_ENTRIES / 1e4 + 1, ell: 1 })).toThrow(/MAX_ENTRIES/);
  });
});
