/**
 * Integer steps 0 … T subsampled on a logarithmic grid, for printing curves that span
 * many decades of t: 0, then round(T^{k/(n−1)}) for k = 0 … n − 1, deduplicated, always
 * containing 0, 1 and T. Cost O(n).
 */
export function logGrid(T: number, points = 40): number[] {
  if (!(Number.isSafeInteger(T) && T >= 0)) throw new Error(`logGrid: T must be an integer ≥ 0, got ${T}`);
  if (!(Number.isInteger(points) && points >= 2)) throw new Error(`logGrid: points must be an integer ≥ 2, got ${points}`);
  const out = new Set<number>([0]);
  if (T >= 1) {
    for (let k = 0; k < points; k++) out.add(Math.min(T, Math.max(1, Math.round(Math.pow(T, k / (points - 1))))));
    out.add(T);
  }
  return [...out].sort((a, b) => a - b);
}
