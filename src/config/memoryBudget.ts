/**
 * Dense paths hold a few P×P float64 matrices at once (Gauss–Newton, residual term,
 * their sum, the eigensolver's working copy) plus the N×P Jacobian. Sizes whose
 * estimate exceeds the budget are refused before anything is allocated.
 *
 * Default budget: 1 GiB (P ≈ 5,800 with N ≈ P), well inside the 24 GiB machine so that
 * two test workers and the eigensolver's O(P³) time stay sensible. Override with the
 * environment variable HC_MEMORY_BUDGET_MB.
 */
import { ConfigError } from './configError.js';

export const DEFAULT_MEMORY_BUDGET_MB = 1024;
/** P×P matrices alive at once on the dense path (see header). */
const DENSE_SQUARE_COPIES = 4;
const BYTES_PER_FLOAT64 = 8;

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

/** Throws a ConfigError before allocation when the dense path would exceed the budget. */
export function assertDenseFits(P: number, N: number, field = 'size'): void {
  const need = denseHessianBytes(P, N);
  const budget = memoryBudgetBytes();
  if (need > budget) {
    throw new ConfigError(
      field,
      `a dense Hessian with P = ${P} parameters and N = ${N} samples needs about ${(need / 2 ** 20).toFixed(0)} MiB, over the ${(budget / 2 ** 20).toFixed(0)} MiB budget`,
      'use smaller sizes, or raise HC_MEMORY_BUDGET_MB if the machine has the memory',
    );
  }
}
