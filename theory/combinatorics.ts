/** Binomial coefficient C(n, k), exact for results below 2^53 (multiplicative formula, exact division at each step). */
export function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0) throw new Error(`binomial: need integers n ≥ 0, k ≥ 0, got (${n}, ${k})`);
  if (k > n) return 0;
  const kk = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= kk; i++) r = (r * (n - kk + i)) / i;
  return Math.round(r);
}
