/**
 * Internal: the Stirling series Σ_{j=1..8} B_{2j} / (2j(2j−1) x^{2j−1}) for ln Γ*(x), x ≥ 10.
 *
 * Source: DLMF 5.11.1 (the remainder is bounded by the first neglected term, j = 9:
 * B18/(18·17) x^-17 ≈ 0.18 x^-17 < 2e-18 at x = 10, i.e. < 3e-16 relative to 1/(12x)).
 * Shared by logGamma (x ≥ 10) and stirlingError (x ≥ 10). Cost: 8 multiply-adds.
 */

/** B_{2j} / (2j(2j−1)) for j = 1..8 (B2 = 1/6, …, B16 = −3617/510). */
const STIRLING_COEFFS = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
];

/** Valid for x ≥ 10 only (the caller checks). */
export function stirlingSeries(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  let s = 0;
  for (let j = STIRLING_COEFFS.length - 1; j >= 0; j--) s = s * r2 + STIRLING_COEFFS[j];
  return s * r;
}
