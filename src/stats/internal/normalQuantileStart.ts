/**
 * Internal: a rough standard-normal quantile, used only as a starting point for root finders.
 * Source: Abramowitz & Stegun 26.2.23 (Hastings' rational approximation), |error| < 4.5e-4.
 * Input p ∈ (0, 1); the lower-tail quantile z with Φ(z) = p. Cost: O(1).
 */
export function normalQuantileStart(p: number): number {
  const tail = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(tail));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return p < 0.5 ? -z : z;
}
