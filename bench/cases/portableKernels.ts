/**
 * The portable backend's dense kernels at the sizes that dominate the P = 1008 spectrum and
 * the P = 101,000 Hessian-vector product, each against the route it replaced:
 *  - gram: J Jᵀ at 1000×1008 (blocked 4×2 kernel vs the naive row-dot loops);
 *  - gemm: the two products of one two-layer HVP at (Ni, Nh, N) = (100, 1000, 2000);
 *  - svd: singular values at 1000×1008 (Golub–Kahan + Demmel–Kahan vs one-sided Jacobi,
 *    only with --jacobi yes: ≈ 20 s);
 *  - tridiagonal eigenvalues at n = 1000 (unchanged; for scale).
 * Checks: max |difference| against the old route (and against the native backend when built),
 * relative to the largest entry/value.
 *
 *   node --import tsx bench/cases/portableKernels.ts [--reps 3] [--jacobi no]
 */
import { portableMultiply } from '../../src/linalg/backendOps.js';
import { gramAAt, type Matrix } from '../../src/linalg/matrix.js';
import { jacobiSingularValues } from '../../src/linalg/portable/jacobiSvd.js';
import { golubKahanSingularValues } from '../../src/linalg/portable/svdValues.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { getBackend, nativeAvailable } from '../../src/linalg/selectBackend.js';
import { Rng } from '../../src/rng/rng.js';
import { caseArgs, emit, peakRssMiB, timeIt } from '../lib/measure.js';

const args = caseArgs();
const reps = Number(args.get('reps') ?? 3);
const withJacobi = (args.get('jacobi') ?? 'no') === 'yes';
const rng = Rng.fromSeed(1).split('portable-kernels');
const mat = (rows: number, cols: number): Matrix => ({ rows, cols, data: rng.normals(rows * cols) });

/** The naive AAᵀ loops gramAAt used before the blocked kernel (for the speed-up and the check). */
function naiveGramAAt(a: Matrix): Float64Array {
  const m = a.rows;
  const k = a.cols;
  const g = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a.data[i * k + t] * a.data[j * k + t];
      g[i * m + j] = s;
      g[j * m + i] = s;
    }
  }
  return g;
}

const maxRelDiff = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let d = 0;
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    d = Math.max(d, Math.abs(x[i] - y[i]));
    m = Math.max(m, Math.abs(y[i]));
  }
  return d / m;
};

const J = mat(1000, 1008);
const gram = timeIt(() => gramAAt(J), reps, 1);
const gramOld = timeIt(() => naiveGramAAt(J), 1);
const X = mat(2000, 100);
const V = mat(1000, 100);
const C = mat(2000, 1000);
const xvt = timeIt(() => portableMultiply(X, V, false, true, 1), reps, 1);
const ctx = timeIt(() => portableMultiply(C, X, true, false, 1), reps, 1);
const svd = timeIt(() => golubKahanSingularValues(J), 1);
const G = gram.result;
const tri = timeIt(() => portableBackend.symmetricEigenvalues(G), 1);
const checks: Record<string, number | string | boolean> = {
  gramMs: gram.timing.medianMs,
  gramNaiveMs: gramOld.timing.medianMs,
  gramMaxRelDiffVsNaive: maxRelDiff(gram.result.data, gramOld.result),
  hvpProductsMs: xvt.timing.medianMs + ctx.timing.medianMs,
  svdGolubKahanMs: svd.timing.medianMs,
  tridiagonalEigenvaluesMs: tri.timing.medianMs,
};
if (withJacobi) {
  const jac = timeIt(() => jacobiSingularValues(J), 1);
  checks.svdJacobiMs = jac.timing.medianMs;
  checks.svdMaxAbsDiffVsJacobiOverSigmaMax = maxRelDiff(svd.result, jac.result);
}
if (nativeAvailable()) {
  const native = getBackend('native');
  checks.svdMaxAbsDiffVsDgesddOverSigmaMax = maxRelDiff(svd.result, native.singularValues(J));
  checks.gemmMaxRelDiffVsDgemm = maxRelDiff(xvt.result.data, native.multiply!(X, V, false, true, 1).data);
}
emit({
  id: 'portable-kernels',
  operation: 'portable gram 1000×1008, HVP gemms (2000×100·100×1000, 1000×2000·2000×100), GK SVD 1000×1008, tridiagonal eig 1000',
  size: 'see checks',
  backend: 'portable',
  ours: gram.timing,
  peakRssMiB: peakRssMiB(),
  checks,
});
