/**
 * Extreme eigenvalues of a symmetric operator by Lanczos with full reorthogonalisation
 * (./lanczosProcess.ts): the k largest, smallest, or largest in magnitude.
 *
 * Source: Golub & Van Loan (4th ed.) §10.1–10.3; the result shape (values, residuals,
 * iterations, converged) follows pytorch-hessian-eigenthings' lanczos.
 *
 * Convergence, per Ritz pair: after each check (every step by default: O(j²) on T_j against
 * an application of A) the residual estimates |β_j·s_{j,i}| of the k wanted Ritz pairs (s_i
 * the eigenvectors of T_j, ./tridiagonalEigen.ts) must all be ≤ tolerance·max|θ| (max|θ| ≤ ‖A‖,
 * so this is ≤ tolerance·‖A‖). On return the residuals are formed explicitly,
 * r_i = ‖A y_i − θ_i y_i‖, and reported. With `storeProducts` (the default) A·y_i is
 * Σ_t s_{t,i}·(A q_t) from the stored products of the applications already made — the same
 * vector up to rounding of order j·eps·‖A‖, far below any tolerance — so the k extra
 * applications the check used to cost (13% of a top-20 run at P = 101,000) are saved.
 *
 * Reorthogonalisation: partial by default (Simon, "The Lanczos algorithm with partial
 * reorthogonalization", Math. Comp. 42:115–142, 1984; ./lanczosProcess.ts): the ω-recurrence
 * estimates the loss of orthogonality in O(j) per step and a full pass against the basis is
 * made only when it would exceed min(√eps, PARTIAL_LEVEL_FRACTION·tolerance) (and on the
 * step after). Semi-orthogonality keeps the Ritz values as accurate as full
 * reorthogonalisation and free of spurious copies; the lower level keeps the reorthogonalisation
 * coefficients left out of T — which would otherwise put a floor of about √eps·‖A‖ under the
 * explicit residuals — below the tolerance. The residuals reported are explicit (for the
 * normalised Ritz vectors), so nothing rests on the estimate. At P = 101,000 a full pass reads the whole basis twice (≈ 200 MB at
 * step 128) — about a fifth of the run — and the partial scheme makes a fraction of them.
 *
 * Why plain Lanczos and not block or thick-restart: with full reorthogonalisation, one
 * Krylov vector per application is the most any method extracts per product (block Lanczos
 * spends b products per block step; a thick restart discards directions and re-earns them),
 * so neither lowers the count of applications — the cost here. Restarting would bound memory
 * and reorthogonalisation work, which at k = 20 and P = 101,000 (≈ 130 steps, 200 MiB) are
 * not the constraint.
 *
 * Accuracy: for a symmetric A, each Ritz value θ_i has an eigenvalue of A within r_i
 * (Weyl / Bauer–Fike), so `errorBounds[i] = r_i` is rigorous given the computed residual;
 * with a gap δ_i to the rest of the spectrum the error is ≤ r_i²/δ_i (Kato–Temple), usually
 * far smaller. What Lanczos cannot certify is that no wanted eigenvalue was missed (one
 * whose eigenvector is orthogonal to the random start has probability zero).
 *
 * Cost: iterations × (one apply + 4·j·n reorthogonalisation) + O(j²) per check, then
 * 2·k·j·n for the Ritz vectors and their products; memory (iterations + 1)·n float64 for
 * the basis and as much again for the stored products (`storeProducts: false` halves it and
 * applies A k more times instead). Capped at `maxIterations`; `converged` says whether the
 * tolerance was met.
 */
import type { LinalgBackend } from './backend.js';
import { LanczosProcess, type Reorthogonalisation } from './lanczosProcess.js';
import type { SymmetricOperator } from './operator.js';
import { tridiagonalEigenEnds } from './tridiagonalEigen.js';
import { Rng } from '../rng/rng.js';

export type LanczosWhich = 'largest' | 'smallest' | 'magnitude';

export interface LanczosOptions {
  /** Number of eigenvalues wanted, 1 ≤ k ≤ n. */
  readonly k: number;
  /** Which end of the spectrum. @defaultValue 'largest' */
  readonly which?: LanczosWhich;
  /** Relative residual target: r_i ≤ tolerance·‖A‖ (so |λ − θ_i| ≤ tolerance·‖A‖). @defaultValue 1e-10 */
  readonly tolerance?: number;
  /** Cap on Lanczos steps. @defaultValue min(n, max(300, 10·k)) */
  readonly maxIterations?: number;
  /** Steps between convergence checks. @defaultValue 1 */
  readonly checkEvery?: number;
  /** Keep A·q_t so the final residuals need no further applications (doubles memory). @defaultValue true */
  readonly storeProducts?: boolean;
  /**
   * 'partial' (Simon's ω-recurrence: a full pass only when semi-orthogonality is at stake) or
   * 'full' (every step). @defaultValue 'partial'
   */
  readonly reorthogonalisation?: Reorthogonalisation;
  /** Source of the start vector (and restart vectors). @defaultValue Rng.fromSeed(0).split('lanczos') */
  readonly rng?: Rng;
  /** Backend whose dgemm does the reorthogonalisation when it has one. @defaultValue none (portable loops) */
  readonly backend?: LinalgBackend | null;
  /** Also return the Ritz vectors. @defaultValue false */
  readonly wantVectors?: boolean;
}

export interface LanczosResult {
  /** The k Ritz values: descending for 'largest' and 'magnitude' (by |θ|), ascending for 'smallest'. */
  readonly values: Float64Array;
  /** Explicit residual norms ‖A y_i − θ_i y_i‖ of the unit Ritz vectors. */
  readonly residuals: Float64Array;
  /** Rigorous bound on the distance from values[i] to an eigenvalue of A (= residuals[i]). */
  readonly errorBounds: Float64Array;
  /** Lanczos steps taken (one operator application each). */
  readonly iterations: number;
  /** All operator applications: iterations, plus k when the residuals were recomputed (storeProducts false). */
  readonly applications: number;
  /** True when every wanted residual estimate met tolerance·normEstimate (or the Krylov space filled R^n). */
  readonly converged: boolean;
  /** max |θ| over all Ritz values: a lower bound on ‖A‖ (up to rounding), the scale of the relative test. */
  readonly normEstimate: number;
  readonly tolerance: number;
  /** Invariant-subspace restarts (repeated eigenvalues found). */
  readonly restarts: number;
  /** Steps that reorthogonalised against the whole basis (all of them for 'full'). */
  readonly fullReorthogonalisations: number;
  /** Ritz vectors (unit, length n) in the order of `values`, when asked for. */
  readonly vectors?: Float64Array[];
}

/**
 * Partial reorthogonalisation threshold as a fraction of the residual tolerance: the
 * coefficients it leaves out of T contaminate the explicit residuals by about that level
 * times ‖A‖ (measured at P = 101,000: threshold √eps gave residuals 5.8e-10·λ₁ for a 1e-10
 * target; 0.1·tol keeps them under it).
 */
export const PARTIAL_LEVEL_FRACTION = 0.1;

export const LANCZOS_DEFAULTS = { which: 'largest' as LanczosWhich, tolerance: 1e-10, checkEvery: 1, minIterationCap: 300 };

export function lanczosEigenvalues(op: SymmetricOperator, options: LanczosOptions): LanczosResult {
  const n = op.size;
  const o = fill(options, n);
  const proc = new LanczosProcess(op, o.rng.normals(n), o.rng.split('restarts'), o.backend, Math.min(o.maxIterations + 1, 4 * o.k + 16), o.storeProducts, o.maxIterations + 1, o.reorthogonalisation, Math.min(Math.sqrt(2 ** -52), PARTIAL_LEVEL_FRACTION * o.tolerance));
  let converged = false;
  let ends = tridiagonalEigenEnds([], []);
  let restarts = 0;
  let settleUntil = o.k; // no check before k steps, nor within k steps of a restart
  while (proc.steps < o.maxIterations && proc.step()) {
    const j = proc.steps;
    if (proc.restarts !== restarts) {
      // An invariant subspace was found and a random direction begun: its block needs a few
      // steps before its own extreme Ritz values (e.g. further copies of a repeated
      // eigenvalue) can compete with the ones already converged.
      restarts = proc.restarts;
      settleUntil = j + o.k;
    }
    const last = proc.exhausted || j === o.maxIterations;
    if (!last && (j < settleUntil || j % o.checkEvery !== 0)) continue;
    ends = tridiagonalEigenEnds(proc.alpha, proc.beta);
    if (proc.exhausted) {
      converged = true;
      break;
    }
    const bj = proc.beta[j - 1];
    // max |θ| ≤ ‖A‖, so meeting this limit guarantees r_i ≤ tolerance·‖A‖.
    const limit = o.tolerance * Math.max(Math.abs(ends.values[0]), Math.abs(ends.values[j - 1]));
    if (pick(ends.values, o.k, o.which).every((i) => Math.abs(bj * ends.last[i]) <= limit)) {
      converged = true;
      break;
    }
  }
  if (ends.values.length !== proc.steps) ends = tridiagonalEigenEnds(proc.alpha, proc.beta);
  const wanted = pick(ends.values, Math.min(o.k, proc.steps), o.which);
  const values = Float64Array.from(wanted, (i) => ends.values[i]);
  const normEstimate = ends.values.length === 0 ? 0 : Math.max(Math.abs(ends.values[0]), Math.abs(ends.values[ends.values.length - 1]));
  const residuals = new Float64Array(wanted.length);
  // Ritz vectors need the wanted eigenvectors of T in full: inverse iteration, O(j) each.
  const S = ritzCoefficients(proc.alpha, proc.beta, wanted, ends.values);
  const Y = proc.combineMany(S, 'basis');
  const AY = proc.storesProducts ? proc.combineMany(S, 'products') : Y.map((y) => op.apply(y));
  Y.forEach((y, t) => {
    // Normalise: with a semi-orthogonal basis ‖Q s‖ = 1 + O(√eps); the bound is for the unit vector.
    const ny = Math.sqrt(y.reduce((acc, x) => acc + x * x, 0));
    const ay = AY[t];
    let r2 = 0;
    for (let i = 0; i < n; i++) {
      const d = ay[i] - values[t] * y[i];
      r2 += d * d;
    }
    residuals[t] = Math.sqrt(r2) / ny;
    for (let i = 0; i < n; i++) y[i] /= ny;
  });
  const vectors = o.wantVectors ? Y : [];
  return {
    values,
    residuals,
    errorBounds: Float64Array.from(residuals),
    iterations: proc.steps,
    applications: proc.steps + (proc.storesProducts ? 0 : wanted.length),
    converged,
    normEstimate,
    tolerance: o.tolerance,
    restarts: proc.restarts,
    fullReorthogonalisations: proc.fullReorthogonalisations,
    ...(o.wantVectors ? { vectors } : {}),
  };
}

interface Filled {
  k: number;
  which: LanczosWhich;
  tolerance: number;
  maxIterations: number;
  checkEvery: number;
  rng: Rng;
  backend: LinalgBackend | null;
  wantVectors: boolean;
  storeProducts: boolean;
  reorthogonalisation: Reorthogonalisation;
}

function fill(options: LanczosOptions, n: number): Filled {
  const { k } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`lanczosEigenvalues: operator size must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new Error(`lanczosEigenvalues: k must be an integer in [1, ${n}], got ${k}`);
  const which = options.which ?? LANCZOS_DEFAULTS.which;
  if (which !== 'largest' && which !== 'smallest' && which !== 'magnitude') throw new Error(`lanczosEigenvalues: which must be largest, smallest or magnitude, got ${JSON.stringify(which)}`);
  const tolerance = options.tolerance ?? LANCZOS_DEFAULTS.tolerance;
  if (!(tolerance > 0 && tolerance < 1)) throw new Error(`lanczosEigenvalues: tolerance must be in (0, 1), got ${tolerance}`);
  const maxIterations = options.maxIterations ?? Math.min(n, Math.max(LANCZOS_DEFAULTS.minIterationCap, 10 * k));
  if (!Number.isInteger(maxIterations) || maxIterations < k) throw new Error(`lanczosEigenvalues: maxIterations must be an integer ≥ k = ${k}, got ${maxIterations}`);
  const checkEvery = options.checkEvery ?? LANCZOS_DEFAULTS.checkEvery;
  if (!Number.isInteger(checkEvery) || checkEvery < 1) throw new Error(`lanczosEigenvalues: checkEvery must be a positive integer, got ${checkEvery}`);
  return {
    k,
    which,
    tolerance,
    maxIterations: Math.min(maxIterations, n),
    checkEvery,
    rng: options.rng ?? Rng.fromSeed(0).split('lanczos'),
    backend: options.backend ?? null,
    wantVectors: options.wantVectors ?? false,
    storeProducts: options.storeProducts ?? true,
    reorthogonalisation: checkReorth(options.reorthogonalisation ?? 'partial'),
  };
}

function checkReorth(r: Reorthogonalisation): Reorthogonalisation {
  if (r !== 'full' && r !== 'partial') throw new Error(`lanczosEigenvalues: reorthogonalisation must be full or partial, got ${JSON.stringify(r)}`);
  return r;
}

/** Indices (into ascending `values`) of the k wanted, in the result order. */
function pick(values: Float64Array, k: number, which: LanczosWhich): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  if (which === 'smallest') return idx.slice(0, k);
  if (which === 'largest') return idx.reverse().slice(0, k);
  return idx.sort((x, y) => Math.abs(values[y]) - Math.abs(values[x])).slice(0, k);
}

/**
 * Unit eigenvectors of T for the wanted eigenvalues, by inverse iteration on T − θI (two
 * sweeps of a pivoted tridiagonal solve, O(j) each) with Gram–Schmidt among numerically equal
 * θ. Accurate to O(eps·‖T‖/gap), which is all a Ritz vector needs before its residual is
 * measured explicitly.
 */
/** Smallest shift perturbation of inverse iteration: a normal number, so (T − θI − δI) x = b stays finite for |b| ≲ 1e7. */
const MIN_SHIFT_PERTURBATION = 2 ** -1000;

function ritzCoefficients(alpha: number[], beta: number[], wanted: number[], values: Float64Array): Float64Array[] {
  const j = alpha.length;
  const scaleT = Math.max(...alpha.map(Math.abs), ...beta.slice(0, j - 1).map(Math.abs), Number.MIN_VALUE);
  const out: Float64Array[] = [];
  const rng = Rng.fromSeed(j).split('inverse-iteration');
  for (const i of wanted) {
    const theta = values[i];
    // Perturb the shift by a rounding-level amount so T − θI is numerically nonsingular. The
    // floor keeps the perturbation from underflowing to 0 when T is 0 or subnormal (a zero
    // operator, e.g. the residual term at θ*: T − θI was exactly singular and the Ritz vectors
    // NaN — found by the CLI fuzz); 2^-1000 still leaves b/2^-1000 far from overflow.
    const shift = theta + Math.max(64 * 2 ** -52 * scaleT, MIN_SHIFT_PERTURBATION);
    let x = rng.normals(j);
    for (let sweep = 0; sweep < 3; sweep++) {
      x = solveShiftedTridiagonal(alpha, beta, shift, x);
      for (const prev of out) if (prev.length === j) {
        // keep Ritz vectors of (nearly) equal Ritz values orthogonal
        let c = 0;
        for (let t = 0; t < j; t++) c += prev[t] * x[t];
        for (let t = 0; t < j; t++) x[t] -= c * prev[t];
      }
      // Scale by the largest entry first: with a tiny shift perturbation x can reach 1e300,
      // whose squares overflow.
      let mx = 0;
      for (let t = 0; t < j; t++) mx = Math.max(mx, Math.abs(x[t]));
      if (mx > 0 && Number.isFinite(mx)) for (let t = 0; t < j; t++) x[t] /= mx;
      let nx = 0;
      for (let t = 0; t < j; t++) nx += x[t] * x[t];
      nx = Math.sqrt(nx);
      for (let t = 0; t < j; t++) x[t] /= nx;
    }
    out.push(x);
  }
  return out;
}

/** Solves (T − σI) x = b by Gaussian elimination with partial pivoting (LAPACK dgtsv). */
function solveShiftedTridiagonal(alpha: number[], beta: number[], sigma: number, b: Float64Array): Float64Array {
  const n = alpha.length;
  const dl = new Float64Array(n); // sub-diagonal
  const d = new Float64Array(n);
  const du = new Float64Array(n);
  const du2 = new Float64Array(n);
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    d[i] = alpha[i] - sigma;
    if (i < n - 1) {
      dl[i] = beta[i];
      du[i] = beta[i];
    }
  }
  const tiny = 2 ** -52 * Math.max(1e-300, ...Array.from(d, Math.abs), ...Array.from(du, Math.abs));
  for (let i = 0; i < n - 1; i++) {
    if (Math.abs(d[i]) >= Math.abs(dl[i])) {
      if (d[i] === 0) d[i] = tiny;
      const f = dl[i] / d[i];
      d[i + 1] -= f * du[i];
      x[i + 1] -= f * x[i];
      if (i < n - 2) du2[i] = 0;
    } else {
      const f = d[i] / dl[i];
      d[i] = dl[i];
      const t = d[i + 1];
      d[i + 1] = du[i] - f * t;
      du[i] = t;
      if (i < n - 2) {
        du2[i] = du[i + 1];
        du[i + 1] = -f * du2[i];
      }
      const tx = x[i];
      x[i] = x[i + 1];
      x[i + 1] = tx - f * x[i + 1];
    }
  }
  if (d[n - 1] === 0) d[n - 1] = tiny;
  x[n - 1] /= d[n - 1];
  if (n > 1) x[n - 2] = (x[n - 2] - du[n - 2] * x[n - 1]) / (d[n - 2] === 0 ? tiny : d[n - 2]);
  for (let i = n - 3; i >= 0; i--) x[i] = (x[i] - du[i] * x[i + 1] - du2[i] * x[i + 2]) / (d[i] === 0 ? tiny : d[i]);
  return x;
}
