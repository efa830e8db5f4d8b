/**
 * Byte budget of the file-format layer: how much a reader may hold for one file. It bounds
 * (a) the file's size, checked with stat BEFORE the file is read, and (b) the float64 values
 * decoded from it, checked from the header's shapes BEFORE any array is allocated. Peak use is
 * therefore at most twice the budget (the file's bytes and its decoded values).
 *
 * Default 1 GiB, the same as src/config/memoryBudget.ts (DEFAULT_MEMORY_BUDGET_MB): a float64
 * state_dict of 134 M parameters, far beyond what any Hessian route of this suite can use. The
 * command line passes memoryBudgetBytes() so HC_MEMORY_BUDGET_MB governs both.
 */
import { FormatError, formatBytes } from './formatError.js';

export const DEFAULT_FORMAT_BUDGET_BYTES = 2 ** 30;
export const BYTES_PER_FLOAT64 = 8;

/** The budget in force: the caller's, else the default; a bad value is a caller bug (plain Error). */
export function budgetBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return DEFAULT_FORMAT_BUDGET_BYTES;
  if (!(Number.isFinite(maxBytes) && maxBytes > 0)) throw new Error(`formats: maxBytes must be a positive number, got ${maxBytes}`);
  return maxBytes;
}

/**
 * Element count of `shape` (entries already checked to be non-negative safe integers), or a
 * FormatError once the count, as float64 values, passes the budget. The running product stops
 * as soon as it passes the limit, so it never loses exactness (limit/8 < 2^53).
 */
export function checkedElementCount(shape: readonly number[], budget: number, file: string, field: string, shown: string): number {
  const limit = Math.floor(budget / BYTES_PER_FLOAT64);
  let n = 1;
  for (const d of shape) n *= d;
  // Any zero dimension makes the product 0; otherwise a product past the limit is refused.
  // (The product of safe integers may be inexact past 2^53, but then it is past the limit too.)
  if (n > limit) {
    throw new FormatError(
      file,
      field,
      `shape ${shown} has ${n.toExponential(3)} elements, ${formatBytes(n * BYTES_PER_FLOAT64)} as float64, over the ${formatBytes(budget)} budget`,
      'check the shape in the file (a corrupt header?) or, for a genuinely large array, raise the budget (HC_MEMORY_BUDGET_MB)',
    );
  }
  return n;
}
