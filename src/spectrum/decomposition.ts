/**
 * H = GN + R at one point, measured: the Gauss–Newton term GN = Σ_n w Jₙᵀ ∇²ℓₙ Jₙ (PSD by
 * construction) and the residual term R = Σ_n w Σ_c ∂ℓₙ/∂f_c ∇²f_{n,c} (Sagun et al. 2018 Eq. 4;
 * docs/theory.md#s1) — their extreme eigenvalues, traces, and how much of H's negative
 * curvature the residual explains.
 *
 * What "explains" means here, with the inequalities behind it (GN ⪰ 0):
 *  - Weyl: λ_min(H) ≥ λ_min(GN) + λ_min(R) ≥ λ_min(R), so R always reaches at least as low as H.
 *  - Along H's bottom eigenvector u: λ_min(H) = uᵀGNu + uᵀRu with uᵀGNu ≥ 0, so uᵀRu ≤ λ_min(H):
 *    `residualShare` = uᵀRu / λ_min(H) ≥ 1 when λ_min(H) < 0 — the residual supplies all of the
 *    negative curvature there and GN cancels the excess (share − 1).
 *  - Ky Fan (dense route): the sum of H's m negative eigenvalues is ≥ the sum of R's m smallest,
 *    so `coverage` = (H's negative mass)/(R's negative mass) ∈ [0, 1] up to rounding.
 *
 * Routes. Dense (within the memory budget): H, GN and R formed by different code paths (for
 * MLPs: R-operator columns, Jacobian outer products, the R-operator's residual half), every
 * eigenvalue, exact traces (diagonal sums) — so tr H = tr GN + tr R is a check of the routes.
 * Matrix-free (any P whose Lanczos basis fits): the k largest and smallest eigenvalues of each
 * term by Lanczos with explicit residuals, H's bottom eigenvector for the share, and traces by
 * Hutchinson's estimator with Rademacher probes z (tr A = E zᵀAz, standard error from the
 * probes); zᵀHz − zᵀGNz − zᵀRz is reported per probe, a rounding-level check of the routes.
 *
 * Tolerances: a backward-stable eigensolver returns eigenvalues of A + E, ‖E‖₂ ≲ c·P·eps·‖A‖₂
 * (Golub & Van Loan §8.1); EIGEN_SLACK·P·eps·‖A‖_F is used (‖A‖₂ ≤ ‖A‖_F), the rule of
 * properties/definitions/gaussNewtonDecomposition.ts (PSD_SLACK = 8). Matrix-free, the
 * Lanczos residual (a rigorous bound on that eigenvalue's error) is added.
 */
import type { LinalgBackend } from '../linalg/backend.js';
import { EPS, frobenius, matvec, type Matrix } from '../linalg/matrix.js';
import { Rng } from '../rng/rng.js';
import type { CurvatureModel } from './curvatureModel.js';
import { traceOf } from './denseCurvatureSpectrum.js';
import { rankOfSymmetric } from './hessianSpectrum.js';
import { operatorEnds } from './operatorEnds.js';

/** Multiplier of P·eps·‖A‖_F in the eigenvalue tolerances (PSD_SLACK of the S1 property). */
export const EIGEN_SLACK = 8;
/** Hutchinson probes for the matrix-free traces (3 applications each). */
export const TRACE_PROBES = 10;

export interface TermSummary {
  /** The k largest, descending. */
  readonly top: number[];
  /** The k smallest, ascending. */
  readonly bottom: number[];
  readonly lambdaMax: number;
  readonly lambdaMin: number;
  readonly trace: number;
  /** Hutchinson's standard error (matrix-free); null when the trace is exact (dense). */
  readonly traceStandardError: number | null;
  /** Dense route: every eigenvalue, descending. */
  readonly eigenvalues?: number[];
  /** Dense route: numerical rank from |λ| (numericalRank's tolerance). */
  readonly rank?: number;
  /** Matrix-free route: Lanczos residuals of `top` and `bottom` (rigorous error bounds). */
  readonly residuals?: { readonly top: number[]; readonly bottom: number[] };
}

export interface Decomposition {
  readonly route: 'dense' | 'matrix-free';
  readonly k: number;
  readonly hessian: TermSummary;
  readonly gaussNewton: TermSummary;
  readonly residual: TermSummary;
  readonly traces: {
    readonly hessian: number;
    readonly gaussNewtonPlusResidual: number;
    readonly difference: number;
    /** |difference| / (|tr GN| + |tr R|). */
    readonly relativeDifference: number;
    /** Matrix-free: max over probes of |zᵀHz − zᵀGNz − zᵀRz| / (|zᵀGNz| + |zᵀRz|). */
    readonly maxProbeRelativeDifference?: number;
  };
  readonly gaussNewtonPsd: { readonly lambdaMin: number; readonly tolerance: number; readonly holds: boolean };
  readonly negativeCurvature: {
    readonly tolerance: number;
    /** λ_min(H) < −tolerance. */
    readonly present: boolean;
    readonly lambdaMinHessian: number;
    readonly lambdaMinResidual: number;
    /** Weyl: λ_min(R) ≤ λ_min(H) + tolerance. */
    readonly residualReachesBelow: boolean;
    /** H's bottom eigenvector u: uᵀHu = uᵀGNu + uᵀRu. */
    readonly bottomDirection: { readonly hessian: number; readonly gaussNewton: number; readonly residual: number; readonly residualShare: number | null };
    /** Dense route: Σ of negative eigenvalues (beyond the tolerance) of H and of R, and coverage = H's / R's. */
    readonly negativeMass: { readonly hessian: number; readonly residual: number; readonly coverage: number | null } | null;
  };
  readonly applications: number;
}

export interface DecompositionOptions {
  readonly k?: number;
  readonly backend: LinalgBackend;
  /** 'dense' forces the dense route; 'matrix-free' the operator route; 'auto' dense when it fits. */
  readonly route: 'dense' | 'matrix-free';
  readonly tolerance?: number;
  readonly maxIterations?: number;
  readonly traceProbes?: number;
  readonly seed?: number;
  readonly onApply?: () => void;
}

const rayleigh = (A: Matrix, u: Float64Array) => dot(u, matvec(A, u));

export function decompose(m: CurvatureModel, opts: DecompositionOptions): Decomposition {
  return opts.route === 'dense' ? denseDecomposition(m, opts) : matrixFreeDecomposition(m, opts);
}

function denseDecomposition(m: CurvatureModel, opts: DecompositionOptions): Decomposition {
  const P = m.P;
  const k = Math.min(opts.k ?? 5, P);
  const H = m.denseHessian();
  const GN = m.denseGaussNewton();
  const R = m.denseResidual();
  const eh = opts.backend.symmetricEigen(H);
  const eGN = opts.backend.symmetricEigenvalues(GN);
  const eR = opts.backend.symmetricEigenvalues(R);
  const fGN = frobenius(GN);
  const fR = frobenius(R);
  const summary = (asc: Float64Array, trace: number): TermSummary => ({
    top: Array.from(asc.slice(P - k)).reverse(),
    bottom: Array.from(asc.slice(0, k)),
    lambdaMax: asc[P - 1],
    lambdaMin: asc[0],
    trace,
    traceStandardError: null,
    eigenvalues: Array.from(asc).reverse(),
    rank: rankOfSymmetric(asc, P).rank,
  });
  const trH = traceOf(H);
  const trGN = traceOf(GN);
  const trR = traceOf(R);
  const tolGN = EIGEN_SLACK * P * EPS * fGN;
  const tolH = EIGEN_SLACK * P * EPS * (fGN + fR);
  const u = Float64Array.from({ length: P }, (_, i) => eh.vectors.data[i * P]);
  const uH = eh.values[0];
  const uGN = rayleigh(GN, u);
  const uR = rayleigh(R, u);
  let negH = 0;
  let negR = 0;
  for (const v of eh.values) if (v < -tolH) negH += v;
  for (const v of eR) if (v < -tolH) negR += v;
  return {
    route: 'dense',
    k,
    hessian: summary(eh.values, trH),
    gaussNewton: summary(eGN, trGN),
    residual: summary(eR, trR),
    traces: traceRow(trH, trGN, trR),
    gaussNewtonPsd: { lambdaMin: eGN[0], tolerance: tolGN, holds: eGN[0] >= -tolGN },
    negativeCurvature: {
      tolerance: tolH,
      present: uH < -tolH,
      lambdaMinHessian: uH,
      lambdaMinResidual: eR[0],
      residualReachesBelow: eR[0] <= uH + tolH,
      bottomDirection: { hessian: uH, gaussNewton: uGN, residual: uR, residualShare: uH < -tolH ? uR / uH : null },
      negativeMass: { hessian: negH, residual: negR, coverage: negR < 0 ? negH / negR : null },
    },
    applications: 0,
  };
}

function matrixFreeDecomposition(m: CurvatureModel, opts: DecompositionOptions): Decomposition {
  const P = m.P;
  const k = Math.min(opts.k ?? 5, P);
  let applications = 0;
  const onApply = () => {
    applications++;
    opts.onApply?.();
  };
  const common = { k, tolerance: opts.tolerance, maxIterations: opts.maxIterations, backend: opts.backend, operatorCacheBytes: m.operatorCacheBytes, seed: opts.seed ?? 0, onApply };
  const Hop = m.hessianOperator();
  const GNop = m.gaussNewtonOperator();
  const Rop = m.residualOperator();
  const ends = (op: typeof Hop, wantVectors = false) => ({
    top: operatorEnds(op, { ...common, which: 'largest' }),
    bottom: operatorEnds(op, { ...common, which: 'smallest', wantVectors }),
  });
  const h = ends(Hop, true);
  const gn = ends(GNop);
  const r = ends(Rop);
  // Hutchinson traces with shared Rademacher probes.
  const probes = opts.traceProbes ?? TRACE_PROBES;
  const rng = Rng.fromSeed(opts.seed ?? 0).split('hutchinson');
  const qH: number[] = [];
  const qGN: number[] = [];
  const qR: number[] = [];
  let worst = 0;
  for (let t = 0; t < probes; t++) {
    const z = Float64Array.from({ length: P }, () => (rng.uniform() < 0.5 ? -1 : 1));
    const a = dot(z, Hop.apply(z));
    const b = dot(z, GNop.apply(z));
    const c = dot(z, Rop.apply(z));
    onApply();
    onApply();
    onApply();
    qH.push(a);
    qGN.push(b);
    qR.push(c);
    const scale = Math.abs(b) + Math.abs(c);
    if (scale > 0) worst = Math.max(worst, Math.abs(a - b - c) / scale);
  }
  const summary = (e: { top: ReturnType<typeof operatorEnds>; bottom: ReturnType<typeof operatorEnds> }, q: number[]): TermSummary => ({
    top: e.top.values,
    bottom: e.bottom.values,
    lambdaMax: e.top.values[0],
    lambdaMin: e.bottom.values[0],
    trace: mean(q),
    traceStandardError: q.length > 1 ? standardError(q) : null,
    residuals: { top: e.top.residuals, bottom: e.bottom.residuals },
  });
  const scaleH = Math.max(Math.abs(h.top.values[0]), Math.abs(h.bottom.values[0]));
  const scaleGN = Math.max(Math.abs(gn.top.values[0]), Math.abs(gn.bottom.values[0]));
  const tolGN = EIGEN_SLACK * P * EPS * scaleGN + gn.bottom.residuals[0];
  const tolH = EIGEN_SLACK * P * EPS * scaleH + h.bottom.residuals[0] + r.bottom.residuals[0];
  const u = h.bottom.vectors![0];
  const uH = h.bottom.values[0];
  const uGN = dot(u, GNop.apply(u));
  const uR = dot(u, Rop.apply(u));
  onApply();
  onApply();
  const trH = mean(qH);
  const trGN = mean(qGN);
  const trR = mean(qR);
  return {
    route: 'matrix-free',
    k,
    hessian: summary(h, qH),
    gaussNewton: summary(gn, qGN),
    residual: summary(r, qR),
    traces: { ...traceRow(trH, trGN, trR), maxProbeRelativeDifference: worst },
    gaussNewtonPsd: { lambdaMin: gn.bottom.values[0], tolerance: tolGN, holds: gn.bottom.values[0] >= -tolGN },
    negativeCurvature: {
      tolerance: tolH,
      present: uH < -tolH,
      lambdaMinHessian: uH,
      lambdaMinResidual: r.bottom.values[0],
      residualReachesBelow: r.bottom.values[0] <= uH + tolH,
      bottomDirection: { hessian: uH, gaussNewton: uGN, residual: uR, residualShare: uH < -tolH ? uR / uH : null },
      negativeMass: null,
    },
    applications,
  };
}

function traceRow(trH: number, trGN: number, trR: number): Decomposition['traces'] {
  const sum = trGN + trR;
  const scale = Math.abs(trGN) + Math.abs(trR);
  return { hessian: trH, gaussNewtonPlusResidual: sum, difference: trH - sum, relativeDifference: scale > 0 ? Math.abs(trH - sum) / scale : 0 };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function mean(x: number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

function standardError(x: number[]): number {
  if (x.length < 2) return Infinity;
  const mu = mean(x);
  const v = x.reduce((s, t) => s + (t - mu) ** 2, 0) / (x.length - 1);
  return Math.sqrt(v / x.length);
}
