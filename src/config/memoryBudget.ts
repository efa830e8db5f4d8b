/**
 * Memory budget for the routes that hold whole matrices. Sizes whose estimate exceeds the
 * budget are refused before anything is allocated, with a message that points to the route
 * that does fit: `top-eigenvalues` (structured kernel at θ*, matrix-free Lanczos elsewhere).
 *
 * The check sits where a dense path is taken (src/hessian/hessian.ts, hessianSpectrum.ts), not where a
 * problem is built: a problem of P = 101,000 parameters is small (X, θ, targets) and the
 * structured and matrix-free routes must be able to use it.
 *
 * Default budget: 1 GiB (dense: P ≈ 5,800 with N ≈ P), well inside the 24 GiB machine so that
 * two test workers and the eigensolver's O(P³) time stay sensible. Override with the
 * environment variable HC_MEMORY_BUDGET_MB.
 */
import { ConfigError } from './configError.js';

export const DEFAULT_MEMORY_BUDGET_MB = 1024;
/** P×P matrices alive at once on the dense path: Gauss–Newton, residual term, their sum, the eigensolver's copy. */
const DENSE_SQUARE_COPIES = 4;
/** N×N matrices alive at once on the structured kernel route: XXᵀ, the D-Gram (then the sum), the G-Gram, the eigensolver's copy. */
const KERNEL_SQUARE_COPIES = 4;
/** N×Nh matrices on the structured kernel route and in the two-layer operator's cache: Z, g(Z), g'(Z) (and a·g''(Z)). */
const HIDDEN_COPIES = 4;
const BYTES_PER_FLOAT64 = 8;

/** What every refusal suggests instead of the dense path. */
export const MATRIX_FREE_HINT = 'use `top-eigenvalues <config.json> --k K` (structured kernel at θ*, matrix-free Lanczos elsewhere; no P×P matrix)';

export function memoryBudgetBytes(): number {
  const env = process.env.HC_MEMORY_BUDGET_MB;
  if (env === undefined || env === '') return DEFAULT_MEMORY_BUDGET_MB * 2 ** 20;
  const mb = Number(env);
  if (!Number.isFinite(mb) || mb <= 0) {
    throw new ConfigError('HC_MEMORY_BUDGET_MB', `must be a positive number of MiB, got ${JSON.stringify(env)}`, 'unset it or give e.g. HC_MEMORY_BUDGET_MB=4096');
  }
  return mb * 2 ** 20;
}

/** Bytes the dense Hessian path needs for P parameters and N samples. */
export function denseHessianBytes(P: number, N: number): number {
  return BYTES_PER_FLOAT64 * (DENSE_SQUARE_COPIES * P * P + 2 * N * P);
}

/** Bytes the structured two-layer kernel route needs (N samples, Nh hidden units, Ni inputs). */
export function kernelSpectrumBytes(N: number, Nh: number, Ni: number): number {
  return BYTES_PER_FLOAT64 * (KERNEL_SQUARE_COPIES * N * N + HIDDEN_COPIES * N * Nh + N * Ni);
}

/**
 * Bytes matrix-free Lanczos needs: its basis of (iterations + 1) vectors, as many stored
 * products A·q (src/linalg/lanczos.ts storeProducts), plus the operator's cache.
 */
export function lanczosBytes(P: number, iterations: number, operatorCache: number): number {
  return BYTES_PER_FLOAT64 * (2 * (iterations + 2) * P) + operatorCache;
}

/** Throws a ConfigError before allocation when the dense path would exceed the budget. */
export function assertDenseFits(P: number, N: number, field = 'size'): void {
  const need = denseHessianBytes(P, N);
  const budget = memoryBudgetBytes();
  if (need > budget) {
    throw new ConfigError(
      field,
      `a dense Hessian with P = ${P} parameters and N = ${N} samples needs about ${mib(need)} MiB, over the ${mib(budget)} MiB budget`,
      `${MATRIX_FREE_HINT}, or use smaller sizes, or raise HC_MEMORY_BUDGET_MB if the machine has the memory`,
    );
  }
}

/** Throws a ConfigError when a non-dense route's own estimate exceeds the budget. */
export function assertFits(bytes: number, what: string, field: string, fix: string): void {
  const budget = memoryBudgetBytes();
  if (bytes > budget) {
    throw new ConfigError(field, `${what} needs about ${mib(bytes)} MiB, over the ${mib(budget)} MiB budget`, `${fix}, or raise HC_MEMORY_BUDGET_MB if the machine has the memory`);
  }
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}
