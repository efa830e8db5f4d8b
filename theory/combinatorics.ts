/**
 * Binomial coefficient C(n, k) by the multiplicative formula in exact integer (BigInt)
 * arithmetic, returned as a number: exact whenever C(n, k) < 2^53. (The float64 form
 * r·(n − k + i)/i is NOT: its intermediate products exceed 2^53 long before the result does —
 * C(56, 23) ≈ 3.2e15 came out one too high; test/theory/waringRank.test.ts checks Pascal's rule.)
 */
export function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0) throw new Error(`binomial: need integers n ≥ 0, k ≥ 0, got (${n}, ${k})`);
  if (k > n) return 0;
  const kk = Math.min(k, n - k);
  let r = 1n;
  for (let i = 1; i <= kk; i++) r = (r * BigInt(n - kk + i)) / BigInt(i);
  return Number(r);
}
