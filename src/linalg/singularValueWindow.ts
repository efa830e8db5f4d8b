/**
 * The singular values around a decided numerical rank r (src/linalg/numericalRank.ts): the
 * `kept` smallest values kept, σ_{r−kept+1} … σ_r, and the `dropped` largest values dropped,
 * σ_{r+1} … σ_{r+dropped} (1-based, clipped to 1 … n). That is what a scree plot needs to show
 * the decision — the cliff between σ_r and σ_{r+1} and the slope on either side — without
 * storing all min(rows, cols) values for every case in a report. With σ_max and the tolerance
 * (recorded beside it) the normalised plot is exact. Values are copied, never rounded.
 * Cost: O(kept + dropped).
 */

export interface SingularValueWindow {
  /** 1-based index k of values[0]. */
  readonly first: number;
  /** σ_first, σ_first+1, …, descending. */
  readonly values: number[];
  /** How many singular values there are in all (min(rows, cols)). */
  readonly total: number;
}

export function singularValueWindow(descending: ArrayLike<number>, rank: number, kept: number, dropped: number): SingularValueWindow {
  const n = descending.length;
  if (!Number.isInteger(rank) || rank < 0 || rank > n) throw new Error(`singularValueWindow: rank must be an integer in [0, ${n}] (the number of singular values), got ${rank}`);
  for (const [name, v] of [['kept', kept], ['dropped', dropped]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`singularValueWindow: \`${name}\` must be a non-negative integer, got ${v}`);
  }
  const from = Math.max(0, rank - kept);
  const to = Math.min(n, rank + dropped);
  return { first: from + 1, values: Array.from({ length: to - from }, (_, i) => descending[from + i]), total: n };
}
