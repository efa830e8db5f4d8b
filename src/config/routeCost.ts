/**
 * Memory and time estimates of every route, from a problem's sizes alone (./problemShape.ts),
 * so a command can refuse — or pick another route — BEFORE anything is drawn, built or
 * allocated, and can show progress when a run will take more than a few seconds.
 *
 * Memory: the same formulas the engine's own checks use (./memoryBudget.ts,
 * ./buildProblem.ts generatedBytes), so the plan and the engine agree.
 *
 * Time: operation counts × seconds per operation, measured on the development machine (2-core
 * AMD EPYC, Node 20, OpenBLAS 0.3.21; scratch measurements of 2026-11, repeated with other
 * jobs running) and rounded UP by about 2×, so an estimate is an upper bound in practice, not
 * a forecast. Measured (per unit):
 *   eigenvalues of an n×n symmetric matrix     native 3–4e-10·n³, portable 1.6e-9·n³
 *   eigenvalues and vectors                    native 0.8–1.2e-9·n³, portable 1.0e-8·n³
 *   singular values of an m×n matrix (m ≥ n)   native 1.3–5e-9·mn², portable 4.5e-8·mn²
 *   Gauss–Newton JᵀJ/N, full Hessian (dense)   4–8e-9·N·P²  (portable loops either way)
 *   structured kernel (Grams + N³ eigen)       native 0.5–1e-9, portable 2.7–3e-9 per N²(Ni+2Nh)+N³
 *   two-layer H·v                              2e-9–2.7e-8·N·P;  generic (deep linear) H·v 2.5–2.9e-7·N·P
 *   gradient-descent step                      0.7e-8–9e-8·N·P;  drawing a problem 0.6–3.8e-8·N·P
 * The machine is shared, so these vary by ~2× run to run; the rates below sit at or above the
 * top of each range.
 */
import type { Budget } from './budget.js';
import { mibText, secondsText } from './budget.js';
import { generatedBytes } from './buildProblem.js';
import { ConfigError } from './configError.js';
import { denseHessianBytes, kernelSpectrumBytes, lanczosBytes } from './memoryBudget.js';
import type { ProblemShape } from './problemShape.js';

export type BackendKind = 'native' | 'portable';

/** Seconds per unit of work (see header). */
const RATES: Record<BackendKind, { eigenvalues: number; eigenvectors: number; svd: number; kernel: number }> = {
  native: { eigenvalues: 1e-9, eigenvectors: 3e-9, svd: 1e-8, kernel: 2e-9 },
  portable: { eigenvalues: 3.5e-9, eigenvectors: 2.5e-8, svd: 9e-8, kernel: 6e-9 },
};
/** Dense Gram/Hessian assembly per N·P² (portable loops on every backend). */
const DENSE_ASSEMBLY = 1.5e-8;
/** Two-layer H·v per N·P; generic (deep-linear) H·v per N·P. */
const HVP_TWO_LAYER = 5e-8;
const HVP_GENERIC = 6e-7;
/** Lanczos full reorthogonalisation per P per iteration (2 dot products and 2 updates per basis vector). */
const REORTH = 4e-9;
/** One gradient-descent step per N·P; drawing (or evaluating) a problem per N·P. */
const GD_STEP = 2e-7;
const BUILD = 8e-8;
/** Seconds of process start, imports and output: the floor of every estimate. */
const FIXED = 0.2;

export interface RouteCost {
  /** Short name of the route, as the output prints it. */
  readonly route: string;
  readonly bytes: number;
  readonly seconds: number;
}

/** Drawing (generated) or evaluating (explicit) the problem: X, θ, targets; whitening O(N·Ni² + Ni³). */
export function buildCost(s: ProblemShape): RouteCost {
  const depth = s.widths.length - 1;
  const bytes = s.generated ? generatedBytes(s.Ni, s.Nh, s.N, depth) : 8 * (3 * s.P + 2 * s.N);
  const whitening = s.whiten ? DENSE_ASSEMBLY * (s.N * s.Ni * s.Ni + s.Ni ** 3) : 0;
  return { route: 'build', bytes, seconds: FIXED + BUILD * s.N * s.P + whitening };
}

/** `spectrum`: every eigenvalue through a dense P×P (or N×N Gram) matrix (src/spectrum/hessianSpectrum.ts). */
export function denseSpectrumCost(s: ProblemShape, backend: BackendKind): RouteCost {
  const r = RATES[backend];
  const { N, P } = s;
  const small = Math.min(N, P);
  const seconds = s.atOptimum
    ? // J, its Gram on the smaller side, eigenvalues of that side, the rank from the SVD of J
      DENSE_ASSEMBLY * N * P * small + r.eigenvalues * small ** 3 + r.svd * Math.max(N, P) * small ** 2
    : // Gauss–Newton + residual term, eigenvalues of the P×P sum
      2 * DENSE_ASSEMBLY * N * P * P + r.eigenvalues * P ** 3;
  return { route: 'dense', bytes: denseHessianBytes(P, N), seconds };
}

/** Every nonzero eigenvalue at θ* of a two-layer net through the N×N kernel (src/spectrum/kernelSpectrum.ts). */
export function kernelCost(s: ProblemShape, backend: BackendKind): RouteCost {
  const { N, Nh, Ni } = s;
  return { route: 'structured-kernel', bytes: kernelSpectrumBytes(N, Nh, Ni), seconds: RATES[backend].kernel * (N * N * (Ni + 2 * Nh) + N ** 3) };
}

/** The matrix-free operator's cache (src/hessian/matrixFreeHvp.ts): two-layer N×Nh arrays; deep linear off θ*, a P×P output curvature. */
export function operatorCacheBytes(s: ProblemShape): number {
  if (s.family === 'two-layer') return 8 * 4 * s.N * s.Nh;
  return s.atOptimum ? 0 : 8 * s.P * s.P;
}

/** Matrix-free Lanczos with full reorthogonalisation, up to `iterations` steps (src/linalg/lanczos.ts). */
export function lanczosCost(s: ProblemShape, iterations: number): RouteCost {
  const hv = (s.family === 'two-layer' ? HVP_TWO_LAYER : HVP_GENERIC) * s.N * s.P;
  const construct = s.family === 'deep-linear' && !s.atOptimum ? DENSE_ASSEMBLY * s.N * s.P * s.P : BUILD * s.N * s.P;
  return { route: 'matrix-free-lanczos', bytes: lanczosBytes(s.P, iterations, operatorCacheBytes(s)), seconds: construct + iterations * hv + REORTH * s.P * iterations * iterations };
}

/** `dynamics`: the quadratic model at θ* (dense H, its eigenvectors, J's SVD) and T gradient-descent steps. */
export function dynamicsCost(s: ProblemShape, steps: number, backend: BackendKind): RouteCost {
  const r = RATES[backend];
  const { N, P } = s;
  const model = DENSE_ASSEMBLY * N * P * P + r.eigenvectors * P ** 3 + r.svd * Math.max(N, P) * Math.min(N, P) ** 2;
  return { route: 'dynamics', bytes: denseHessianBytes(P, N) + 8 * (2 * P * P + steps + 2 * N), seconds: model + GD_STEP * steps * N * P };
}

/** Two costs run one after the other: memory is the larger peak, time adds. */
export function andThen(a: RouteCost, b: RouteCost): RouteCost {
  return { route: b.route, bytes: Math.max(a.bytes, b.bytes), seconds: a.seconds + b.seconds };
}

export function fits(c: RouteCost, budget: Budget): boolean {
  return c.bytes <= budget.bytes && c.seconds <= budget.seconds;
}

/** "needs about 3145 MiB, over the 1024 MiB memory budget" (the binding one, or both). */
export function overBudgetText(c: RouteCost, budget: Budget): string {
  const parts: string[] = [];
  if (c.bytes > budget.bytes) parts.push(`about ${mibText(c.bytes)}, over the ${mibText(budget.bytes)} memory budget (HC_MEMORY_BUDGET_MB)`);
  if (c.seconds > budget.seconds) parts.push(`about ${secondsText(c.seconds)}, over the ${secondsText(budget.seconds)} time budget (HC_TIME_BUDGET_S)`);
  return `needs ${parts.join(' and ')}`;
}

/**
 * The curvature commands on a loaded model of P parameters and N samples (an MLP's H·v,
 * ≈ 3 gradients, at the two-layer rate; deep-linear at the generic one). `decompose`: dense =
 * H, GN and R assembled (N·P² each) and three symmetric eigensolves with vectors; matrix-free =
 * 6 Lanczos runs of `iterations` plus 3 products per trace probe. `check` runs the claims'
 * finite differences and dense terms besides (counted as three more assemblies and eigensolves).
 * Upper bounds like the rest; they exist so that `density`, `decompose` and `check` refuse
 * sizes the budgets exclude instead of running for minutes (found by the CLI fuzz: `decompose`
 * at P = 3660 ran 93 s and allocated 650 MiB under a 5 s / 256 MiB budget).
 */
export function curvatureDenseCost(P: number, N: number, backend: BackendKind, times = 1): RouteCost {
  return { route: 'dense', bytes: denseHessianBytes(P, N), seconds: FIXED + times * 3 * (DENSE_ASSEMBLY * N * P * P + RATES[backend].eigenvectors * P ** 3) };
}

export function curvatureMatrixFreeCost(family: string, P: number, N: number, products: number, iterations: number): RouteCost {
  const hv = family === 'deep-linear' ? HVP_GENERIC : HVP_TWO_LAYER;
  return { route: 'matrix-free', bytes: lanczosBytes(P, iterations, 0), seconds: FIXED + products * hv * N * P + REORTH * P * iterations * iterations * 6 };
}

/** Throws a ConfigError naming the field and the fix when `c` does not fit. */
export function assertWithinBudget(c: RouteCost, budget: Budget, field: string, what: string, fix: string): void {
  if (fits(c, budget)) return;
  const raise = [c.bytes > budget.bytes ? 'HC_MEMORY_BUDGET_MB' : null, c.seconds > budget.seconds ? 'HC_TIME_BUDGET_S' : null].filter(Boolean).join(' and ');
  throw new ConfigError(field, `${what} ${overBudgetText(c, budget)}`, `${fix}, or raise ${raise} if the machine has the memory and you the time`);
}

/**
 * The largest integer n in [lo, hi] for which `fitsAt(n)` holds, assuming it holds on an initial
 * segment (costs grow with n); null when even lo does not fit. ~log2(hi − lo) evaluations.
 */
export function largestFitting(lo: number, hi: number, fitsAt: (n: number) => boolean): number | null {
  if (!fitsAt(lo)) return null;
  if (fitsAt(hi)) return hi;
  let a = lo;
  let b = hi;
  while (b - a > 1) {
    const m = Math.floor((a + b) / 2);
    if (fitsAt(m)) a = m;
    else b = m;
  }
  return a;
}
