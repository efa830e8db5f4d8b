/**
 * Lanczos with full reorthogonalisation against known answers: diagonal operators (exact
 * eigenvalues, repeated ones), a dense random symmetric matrix against the dense eigensolver,
 * and the result object's contract (residuals, iterations, converged, caps).
 */
import { describe, expect, it } from 'vitest';
import { lanczosEigenvalues } from '../../src/linalg/lanczos.js';
import { denseOperator, diagonalOperator } from '../../src/linalg/operator.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { tridiagonalEigenEnds } from '../../src/linalg/tridiagonalEigen.js';
import { EPS, type Matrix } from '../../src/linalg/matrix.js';
import { Rng } from '../../src/rng/rng.js';

function randomSymmetric(n: number, seed: number): Matrix {
  const r = Rng.fromSeed(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = data[j * n + i] = r.normal();
  return { rows: n, cols: n, data };
}

describe('tridiagonalEigenEnds', () => {
  it('eigenvalues and first/last eigenvector components match the dense eigensolver', () => {
    const n = 40;
    const r = Rng.fromSeed(7);
    const alpha = r.normals(n);
    const beta = r.normals(n - 1);
    const T: Matrix = { rows: n, cols: n, data: new Float64Array(n * n) };
    for (let i = 0; i < n; i++) {
      T.data[i * n + i] = alpha[i];
      if (i < n - 1) T.data[i * n + i + 1] = T.data[(i + 1) * n + i] = beta[i];
    }
    const dense = portableBackend.symmetricEigen(T);
    const ends = tridiagonalEigenEnds(alpha, beta);
    const norm = Math.max(...Array.from(dense.values, Math.abs));
    // Both backward stable: eigenvalues agree to 2·c·n·eps·‖T‖ (c = 4, a generous LAPACK-style constant).
    for (let i = 0; i < n; i++) expect(Math.abs(ends.values[i] - dense.values[i])).toBeLessThan(8 * n * EPS * norm);
    // Eigenvectors are determined up to sign; eigenvalue gaps here are ≥ 1e-3, so components agree to ~n·eps·‖T‖/gap.
    for (let i = 0; i < n; i++) {
      expect(Math.abs(Math.abs(ends.first[i]) - Math.abs(dense.vectors.data[i]))).toBeLessThan(1e-9);
      expect(Math.abs(Math.abs(ends.last[i]) - Math.abs(dense.vectors.data[(n - 1) * n + i]))).toBeLessThan(1e-9);
    }
  });

  it('handles n = 1 and rejects non-finite input', () => {
    const e = tridiagonalEigenEnds([3], []);
    expect(Array.from(e.values)).toEqual([3]);
    expect(Array.from(e.first)).toEqual([1]);
    expect(() => tridiagonalEigenEnds([1, NaN], [0])).toThrow(/must be finite/);
  });
});

describe('lanczosEigenvalues: diagonal operators (exact answers)', () => {
  const n = 300;
  const d = Float64Array.from({ length: n }, (_, i) => (i + 1) / n); // 1/n … 1, gaps 1/n
  const tol = 1e-10;

  it('largest k: values within residual ≤ tol·‖A‖ of the exact ones', () => {
    const r = lanczosEigenvalues(diagonalOperator(d), { k: 5, tolerance: tol });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThanOrEqual(300);
    for (let i = 0; i < 5; i++) {
      const exact = d[n - 1 - i];
      // Rigorous: some eigenvalue lies within residual r_i; the nearest is the exact one when r_i < gap/2.
      expect(r.residuals[i]).toBeLessThan(0.5 / n);
      expect(Math.abs(r.values[i] - exact)).toBeLessThanOrEqual(r.errorBounds[i] + 4 * EPS);
      // The residual target (with a factor 10 for the estimate-vs-explicit difference, both O(eps) apart).
      expect(r.residuals[i]).toBeLessThan(10 * tol * 1);
    }
  });

  it("smallest and 'magnitude' ends", () => {
    const s = lanczosEigenvalues(diagonalOperator(d), { k: 3, which: 'smallest' });
    expect(Array.from(s.values).map((v) => Math.round(v * n))).toEqual([1, 2, 3]);
    const signed = Float64Array.from(d, (x, i) => (i % 2 === 0 ? -x : x));
    const m = lanczosEigenvalues(diagonalOperator(signed), { k: 2, which: 'magnitude' });
    expect(Array.from(m.values).map((v) => Math.round(v * n))).toEqual([300, -299]);
  });

  it('repeated eigenvalues are found through invariant-subspace restarts', () => {
    // Three distinct values; the Krylov space of any start vector has dimension 3.
    const rep = Float64Array.from({ length: 30 }, (_, i) => [5, 2, 1][i % 3]);
    const r = lanczosEigenvalues(diagonalOperator(rep), { k: 4 });
    expect(r.restarts).toBeGreaterThan(0);
    expect(Array.from(r.values).map((v) => Number(v.toFixed(12)))).toEqual([5, 5, 5, 5]);
    expect(r.converged).toBe(true);
  });

  it('a capped run says so: converged false, residuals still reported', () => {
    const r = lanczosEigenvalues(diagonalOperator(d), { k: 5, maxIterations: 8, tolerance: 1e-14 });
    expect(r.iterations).toBe(8);
    expect(r.converged).toBe(false);
    expect(r.residuals).toHaveLength(5);
    expect(Math.max(...r.residuals)).toBeGreaterThan(1e-14);
  });

  it('the Krylov space filling R^n is exact', () => {
    const small = Float64Array.from([3, -1, 2, 0.5]);
    const r = lanczosEigenvalues(diagonalOperator(small), { k: 4 });
    expect(r.converged).toBe(true);
    expect(Array.from(r.values).map((v) => Number(v.toFixed(12)))).toEqual([3, 2, 0.5, -1]);
  });
});

describe('lanczosEigenvalues: dense random symmetric matrix vs the dense eigensolver', () => {
  it('top 6 and bottom 4 agree within the residual bound plus the dense error', () => {
    const n = 200;
    const A = randomSymmetric(n, 11);
    const dense = portableBackend.symmetricEigenvalues(A);
    const norm = Math.max(Math.abs(dense[0]), Math.abs(dense[n - 1]));
    const denseErr = 4 * n * EPS * norm; // backward-stable dense eigenvalues: c·n·eps·‖A‖
    const top = lanczosEigenvalues(denseOperator(A), { k: 6, tolerance: 1e-10, rng: Rng.fromSeed(3) });
    expect(top.converged).toBe(true);
    for (let i = 0; i < 6; i++) expect(Math.abs(top.values[i] - dense[n - 1 - i])).toBeLessThanOrEqual(top.errorBounds[i] + denseErr);
    const bottom = lanczosEigenvalues(denseOperator(A), { k: 4, which: 'smallest', rng: Rng.fromSeed(4), wantVectors: true });
    for (let i = 0; i < 4; i++) expect(Math.abs(bottom.values[i] - dense[i])).toBeLessThanOrEqual(bottom.errorBounds[i] + denseErr);
    // Ritz vectors are unit length.
    for (const y of bottom.vectors ?? []) expect(Math.abs(Math.hypot(...y) - 1)).toBeLessThan(1e-12);
  });
});

describe('lanczosEigenvalues: residuals from stored products', () => {
  it('storeProducts (default) and recomputed residuals agree; only the latter spends k more applications', () => {
    const n = 150;
    const A = randomSymmetric(n, 21);
    const norm = Math.max(...Array.from(portableBackend.symmetricEigenvalues(A), Math.abs));
    let applied = 0;
    const op = denseOperator(A);
    const counted = { size: n, apply: (v: Float64Array) => (applied++, op.apply(v)) };
    const stored = lanczosEigenvalues(counted, { k: 5, rng: Rng.fromSeed(9) });
    expect(applied).toBe(stored.iterations);
    expect(stored.applications).toBe(stored.iterations);
    applied = 0;
    const recomputed = lanczosEigenvalues(counted, { k: 5, rng: Rng.fromSeed(9), storeProducts: false });
    expect(applied).toBe(recomputed.iterations + 5);
    expect(recomputed.applications).toBe(applied);
    expect(Array.from(stored.values)).toEqual(Array.from(recomputed.values));
    // A·y formed from stored products differs from applying A to y by rounding: ≲ j·eps·‖A‖ per entry.
    for (let i = 0; i < 5; i++) expect(Math.abs(stored.residuals[i] - recomputed.residuals[i])).toBeLessThan(Math.sqrt(n) * stored.iterations * EPS * norm);
    expect(stored.converged).toBe(true);
    expect(Math.max(...stored.residuals)).toBeLessThan(10 * 1e-10 * norm);
  });

  it('checking every step stops no later than checking every 5', () => {
    const A = randomSymmetric(150, 22);
    const every = lanczosEigenvalues(denseOperator(A), { k: 4, rng: Rng.fromSeed(1) });
    const five = lanczosEigenvalues(denseOperator(A), { k: 4, rng: Rng.fromSeed(1), checkEvery: 5 });
    expect(every.iterations).toBeLessThanOrEqual(five.iterations);
    expect(five.iterations - every.iterations).toBeLessThan(5);
  });
});

describe('lanczosEigenvalues: partial reorthogonalisation (default) vs full', () => {
  it('same Ritz values and residual bounds, far fewer full passes, no spurious copies', () => {
    // A bulk in [0, 0.5) and six eigenvalues 1e-3 apart at the top: Lanczos loses orthogonality
    // along them as they converge.
    const n = 2000;
    const d = Float64Array.from({ length: n }, (_, i) => (i < n - 6 ? (0.5 * i) / n : 1 + (i - n + 6) * 1e-3));
    const tol = 1e-10;
    const partial = lanczosEigenvalues(diagonalOperator(d), { k: 6, tolerance: tol, rng: Rng.fromSeed(5), wantVectors: true });
    const full = lanczosEigenvalues(diagonalOperator(d), { k: 6, tolerance: tol, rng: Rng.fromSeed(5), reorthogonalisation: 'full' });
    expect(partial.converged).toBe(true);
    expect(full.fullReorthogonalisations).toBe(full.iterations);
    expect(partial.fullReorthogonalisations).toBeLessThan(partial.iterations / 2);
    const exact = Array.from(d).sort((x, y) => y - x).slice(0, 6);
    for (let i = 0; i < 6; i++) {
      // Rigorous (Weyl): within the explicit residual of an eigenvalue — here the exact one, as every
      // residual is far below the 1e-3 gaps; no duplicate (spurious copy) can pass this.
      expect(Math.abs(partial.values[i] - exact[i])).toBeLessThanOrEqual(partial.errorBounds[i] + 4 * EPS);
      // The level min(√eps, 0.1·tol) keeps explicit residuals at the tolerance (×10: estimate vs explicit).
      expect(partial.residuals[i]).toBeLessThan(10 * tol * 1.005);
      expect(Math.abs(partial.values[i] - full.values[i])).toBeLessThanOrEqual(partial.errorBounds[i] + full.errorBounds[i]);
    }
    // Ritz vectors are unit and mutually orthogonal to the semi-orthogonality level.
    const Y = partial.vectors ?? [];
    for (let a = 0; a < Y.length; a++) {
      for (let b = a; b < Y.length; b++) {
        let dotAB = 0;
        for (let i = 0; i < n; i++) dotAB += Y[a][i] * Y[b][i];
        expect(Math.abs(dotAB - (a === b ? 1 : 0))).toBeLessThan(1e-8);
      }
    }
  });

  it('rejects an unknown reorthogonalisation', () => {
    expect(() => lanczosEigenvalues(diagonalOperator(Float64Array.of(1, 2, 3)), { k: 1, reorthogonalisation: 'none' as never })).toThrow(/reorthogonalisation must be full or partial/);
  });
});

describe('lanczosEigenvalues: bad input', () => {
  const op = diagonalOperator(new Float64Array([1, 2, 3]));
  it.each([
    [{ k: 0 }, /k must be an integer in \[1, 3\], got 0/],
    [{ k: 4 }, /k must be an integer in \[1, 3\], got 4/],
    [{ k: 1, tolerance: 0 }, /tolerance must be in \(0, 1\)/],
    [{ k: 2, maxIterations: 1 }, /maxIterations must be an integer ≥ k = 2/],
    [{ k: 1, which: 'middle' as never }, /which must be largest, smallest or magnitude/],
  ])('%o', (opts, msg) => {
    expect(() => lanczosEigenvalues(op, opts)).toThrow(msg);
  });
});
