/**
 * The new rank routes decide exactly as the old one did.
 *
 * Old route: numericalRank on the one-sided Jacobi singular values of J/√N (the portable
 * backend before Golub–Kahan). New routes: (a) numericalRank on Golub–Kahan + Demmel–Kahan
 * values (the portable backend now); (b) scaledJacobianRank — certified full rank from the
 * Gram's eigenvalues when they allow it, else (a) — as hessianSpectrum uses it, on both
 * backends; (c) ml-matrix's SVD as an independent reference.
 *
 * What "same rank and gap" means, and the stated accuracy:
 *  - rank: identical.
 *  - kept σ_r: any two backward-stable SVDs agree to 2·C·L·eps·‖A‖_F absolute (Weyl;
 *    C = 16, L = max(m, n)); the Gram-certified σ_r = √μ_min to the relative bound it
 *    returns (≤ 1/6 by construction, ≈ 1e-3 measured here).
 *  - gap: nothing dropped (gap ∞) on one route ⇔ on the other. When σ_{r+1} is dropped it
 *    is rounding noise below tol = L·eps·σ_max on every route; the gaps are then only known
 *    to be ≥ σ_r/tol, and agree within GAP_NOISE_DECADES decades (two algorithms' rounding
 *    noise; measured ≤ 0.85 decades on gaps from 1.3e12 to 3.3e19) unless one SVD returns
 *    the noise as exactly 0.
 * Cases: the C3 rank property's own generator (all rows of docs/theory.md's table, rank-deficient
 * with gaps 1e12–1e19, N-capped and ample), exact-rank products, graded spectra, and
 * two-layer Jacobians whose Gram is ill-conditioned (erf at (Ni, Nh) = (10, 20): λ_min/λ_max
 * down to 2.5e-11) or which are certified (tanh).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SingularValueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { buildProblem } from '../../src/config/buildProblem.js';
import { gram } from '../../src/linalg/backendOps.js';
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { CERTIFY_MARGIN, certifyFullRankFromGram } from '../../src/linalg/gramRank.js';
import { EPS, frobenius, matmul, scale, toRows, type Matrix } from '../../src/linalg/matrix.js';
import { numericalRank, type RankEvidence } from '../../src/linalg/numericalRank.js';
import { jacobiSingularValues } from '../../src/linalg/portable/jacobiSvd.js';
import { golubKahanSingularValues } from '../../src/linalg/portable/svdValues.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { getBackend, nativeAvailable } from '../../src/linalg/selectBackend.js';
import { scaledJacobianRank } from '../../src/spectrum/jacobianRank.js';
import { rankConfigArb } from '../../properties/arbitraries/rankConfigs.js';
import { Rng } from '../../src/rng/rng.js';
import { randomMatrix, withSingularValues } from '../support/randomMatrices.js';

const C_BACKWARD = 16;
/** Decades by which two SVDs' rounding-level σ_{r+1} (and so the gaps) may differ. */
const GAP_NOISE_DECADES = 3;

const backends: LinalgBackend[] = [portableBackend, ...(nativeAvailable() ? [getBackend('native')] : [])];

function mlValues(a: Matrix): Float64Array {
  return Float64Array.from(new SingularValueDecomposition(new MlMatrix(toRows(a)), { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true }).diagonal);
}

function frobSq(a: Matrix): number {
  let s = 0;
  for (const x of a.data) s += x * x;
  return s;
}

/** Asserts `got` makes the same decision as `ref` with the accuracy stated in the header. */
function expectSameDecision(got: RankEvidence, ref: RankEvidence, a: Matrix, label: string, sigmaRelErr = 0): void {
  const L = Math.max(a.rows, a.cols);
  expect(got.rank, `${label}: rank`).toBe(ref.rank);
  if (ref.rank === 0) return;
  const abs = 2 * C_BACKWARD * L * EPS * frobenius(a);
  expect(Math.abs((got.sigmaAtRank as number) - (ref.sigmaAtRank as number)), `${label}: σ_r`).toBeLessThanOrEqual(abs + sigmaRelErr * (ref.sigmaAtRank as number));
  // Nothing dropped on one route ⇔ nothing dropped on the other (same rank, same k).
  expect(got.sigmaBelowRank === null, `${label}: nothing dropped?`).toBe(ref.sigmaBelowRank === null);
  if (ref.sigmaBelowRank === null) {
    expect(got.gap).toBe(Infinity);
    return;
  }
  expect(got.sigmaBelowRank as number, `${label}: σ_r+1 below tol`).toBeLessThanOrEqual(got.tolerance);
  // A dropped value that one SVD returns as exactly 0 (gap ∞) is rounding luck, not a different
  // decision; otherwise both gaps are σ_r over rounding noise and agree within a few decades.
  if (got.sigmaBelowRank !== 0 && ref.sigmaBelowRank !== 0) {
    expect(Math.abs(Math.log10(got.gap / ref.gap)), `${label}: gap decades (${got.gap.toExponential(2)} vs ${ref.gap.toExponential(2)})`).toBeLessThanOrEqual(GAP_NOISE_DECADES);
  }
}

/** Old route, new SVD route, ml-matrix, and the Gram route on every backend, on one matrix. */
function compareRoutes(a: Matrix, label: string): { certified: number; gap: number } {
  const old = numericalRank(jacobiSingularValues(a), a.rows, a.cols);
  expectSameDecision(numericalRank(golubKahanSingularValues(a), a.rows, a.cols), old, a, `${label} GK`);
  expectSameDecision(numericalRank(mlValues(a), a.rows, a.cols), old, a, `${label} ml-matrix`);
  let certified = 0;
  for (const b of backends) {
    const side = a.rows <= a.cols ? 'AAt' : 'AtA';
    const eig = b.symmetricEigenvalues(gram(b, a, 1, side));
    const r = scaledJacobianRank(a, eig, frobSq(a), b);
    expectSameDecision(r.rank, old, a, `${label} ${r.route} (${b.name})`, r.sigmaAtRankRelativeError ?? 0);
    if (r.route === 'gram-certified') {
      certified++;
      expect(old.gap).toBe(Infinity);
      expect(r.sigmaAtRankRelativeError as number).toBeLessThanOrEqual(1 / (2 * (CERTIFY_MARGIN - 1)));
    }
  }
  return { certified, gap: old.gap };
}

function scaledJacobian(cfg: Parameters<typeof buildProblem>[0]): Matrix {
  const p = buildProblem(cfg);
  return scale(p.model.jacobian(p.theta, p.X), 1 / Math.sqrt(p.N));
}

describe('rank routes agree on the C3 rank property cases (fc seed 2024, 60 draws)', () => {
  const cases = fc.sample(rankConfigArb, { seed: 2024, numRuns: 60 });
  it('every draw: same rank and gap on the Jacobi, Golub–Kahan, ml-matrix and Gram routes', () => {
    let deficient = 0;
    let largeGaps = 0;
    for (const [i, cfg] of cases.entries()) {
      const { gap } = compareRoutes(scaledJacobian(cfg), `draw ${i} ${JSON.stringify(cfg)}`);
      if (Number.isFinite(gap)) {
        deficient++;
        if (gap >= 1e11) largeGaps++;
      }
    }
    // The draws must exercise rank-deficient cases with the 1e11–1e15 gaps the property sees.
    expect(deficient).toBeGreaterThanOrEqual(10);
    expect(largeGaps).toBeGreaterThanOrEqual(10);
  });
});

describe('rank routes agree on two-layer Jacobians with ill-conditioned Grams', () => {
  it('erf at (Ni, Nh) = (10, 20): λ_min/λ_max from 2.5e-11 (SVD fallback) through 3.7e-10 and 7.9e-9 (certified), and N-capped', () => {
    const routes: string[] = [];
    for (const [N, seed] of [
      [220, 1],
      [220, 2],
      [230, 1],
      [150, 3],
    ] as const) {
      const { certified } = compareRoutes(scaledJacobian({ family: 'two-layer', activation: 'erf', Ni: 10, Nh: 20, N, seed }), `erf N=${N} seed ${seed}`);
      routes.push(certified === 0 ? 'svd' : 'gram');
    }
    // Measured λ_min/λ_max: 2.5e-11, 3.7e-10, 7.9e-9, 2.8e-4 — the first is below the Gram's floor.
    expect(routes).toEqual(['svd', 'gram', 'gram', 'gram']);
  });

  it('tanh at (Ni, Nh, N) = (10, 24, 250) (P = 264): certified from the Gram on every backend, same evidence as the SVD', () => {
    const { certified } = compareRoutes(scaledJacobian({ family: 'two-layer', activation: 'tanh', Ni: 10, Nh: 24, N: 250, seed: 1 }), 'tanh');
    expect(certified).toBe(backends.length);
  });
});

describe('rank routes agree on synthetic matrices', () => {
  it('exact-rank products X·Y and random full-rank matrices', () => {
    for (const [n, r, m, seed] of [
      [40, 7, 30, 1],
      [30, 12, 50, 2],
      [200, 20, 100, 3],
      [25, 1, 25, 4],
      [60, 39, 40, 5],
    ] as const) {
      const rng = Rng.fromSeed(seed);
      compareRoutes(matmul(randomMatrix(rng, n, r), randomMatrix(rng, r, m)), `product ${n}x${m} rank ${r}`);
    }
    for (const [m, n, seed] of [
      [30, 20, 9],
      [20, 30, 10],
      [150, 150, 11],
    ] as const) {
      const { certified } = compareRoutes(randomMatrix(Rng.fromSeed(seed), m, n), `random ${m}x${n}`);
      expect(certified).toBe(backends.length);
    }
  });

  it('graded spectra: σ from 1 to 1e-3 (certified), to 1e-7 (Gram floor reached: SVD fallback), to 1e-14 (straddling the tolerance)', () => {
    const routes: number[] = [];
    for (const [low, seed] of [
      [1e-3, 21],
      [1e-7, 22],
      [1e-14, 23],
    ] as const) {
      const n = 60;
      const sigma = Array.from({ length: n }, (_, i) => Math.pow(low, i / (n - 1)));
      const { certified } = compareRoutes(withSingularValues(Rng.fromSeed(seed), 90, n, sigma, 3), `graded to ${low}`);
      routes.push(certified);
    }
    expect(routes).toEqual([backends.length, 0, 0]);
  });
});

describe('certifyFullRankFromGram', () => {
  it('null for rank-deficient, zero and empty inputs; validates its arguments', () => {
    expect(certifyFullRankFromGram(Float64Array.of(0, 1), 2, 5, 1)).toBeNull();
    expect(certifyFullRankFromGram(new Float64Array(2), 2, 5, 0)).toBeNull();
    expect(certifyFullRankFromGram(new Float64Array(0), 0, 5, 0)).toBeNull();
    expect(() => certifyFullRankFromGram(Float64Array.of(1), 2, 5, 1)).toThrow(/expected min\(rows, cols\) = 2 eigenvalues, got 1/);
    expect(() => certifyFullRankFromGram(Float64Array.of(2, 1), 2, 5, 3)).toThrow(/ascending/);
    expect(() => certifyFullRankFromGram(Float64Array.of(1, NaN), 2, 5, 3)).toThrow(/eigenvalue 1 is NaN/);
    expect(() => certifyFullRankFromGram(Float64Array.of(1, 2), 2, 5, -1)).toThrow(/frobeniusSquared/);
  });

  it('the threshold sits at CERTIFY_MARGIN·δ, δ = (γ_L + 16·k·eps)·‖A‖_F²', () => {
    const [k, L] = [2, 5];
    const frob = 3;
    const delta = ((L * EPS) / (1 - L * EPS) + 16 * k * EPS) * frob;
    const at = certifyFullRankFromGram(Float64Array.of(CERTIFY_MARGIN * delta, 2), k, L, frob);
    expect(at?.evidence.rank).toBe(2);
    expect(at?.eigenvalueErrorBound).toBe(delta);
    expect(certifyFullRankFromGram(Float64Array.of(CERTIFY_MARGIN * delta * (1 - 1e-12), 2), k, L, frob)).toBeNull();
  });
});
