/**
 * How many eigenvalues stand out of the bulk: the counting rule of claim S2 (Sagun et al.
 * 2018 §3, arXiv:1706.04454, who count by eye and miss by ±1).
 *
 * RULE (largest ratio gap). Given the top m eigenvalues λ_1 ≥ … ≥ λ_m (Lanczos Ritz values),
 * the count is the position c ∈ {1, …, m−1} of the largest ratio gap
 *
 *   c = argmax_i λ_i / λ_{i+1},
 *
 * provided that ratio is at least `minGap`; otherwise the count is 0 ("no eigenvalue stands
 * out: pure bulk"). A λ_{i+1} ≤ 0 makes the ratio +∞ there (everything below is at or past zero).
 *
 * WHY a ratio and not a difference: the bulk sits near zero and its top eigenvalues decay
 * smoothly, so consecutive ratios inside it are close to 1, while the edge between the last
 * outlier and the bulk's top is a jump by a factor; the ratio is scale-free, so the rule reads
 * the same whatever the loss's scale (which shrinks as the training loss does). WHY the largest
 * gap among the top m and not a threshold: a threshold needs the bulk edge, which Lanczos on
 * the top end does not see; the largest gap needs nothing but the top m. m must exceed the
 * largest count one wants to be able to see by a few (the bulk needs members to form a gap
 * below the outliers); the caller states it.
 *
 * Evidence: the gap itself, the runner-up gap and its position (how clear the decision was:
 * `margin` = gap / runner-up), and whether the decision survives the Lanczos error bounds
 * (`decisive`: the chosen ratio's lower bound beats every other ratio's upper bound, with
 * |λ_i − Ritz value| ≤ errorBounds[i]).
 *
 * Cost: O(m). Pure function of its input.
 */

export interface OutlierCountOptions {
  /** Smallest ratio gap that counts as an edge; below it the count is 0. @defaultValue 1 (always count) */
  readonly minGap?: number;
  /** Rigorous bounds on |λ_i − values[i]| (Lanczos errorBounds); used for `decisive`. @defaultValue zeros */
  readonly errorBounds?: ArrayLike<number>;
}

export interface OutlierCount {
  /** Number of outliers c (0 if no gap reaches minGap). */
  readonly count: number;
  /** λ_c / λ_{c+1} at the chosen position (the largest ratio, even when below minGap). */
  readonly gap: number;
  /** Position (1-based count) of the largest ratio, whether or not it reached minGap. */
  readonly gapPosition: number;
  /** The second-largest ratio and its position. */
  readonly runnerUpGap: number;
  readonly runnerUpPosition: number;
  /** gap / runnerUpGap (≥ 1): how clearly the chosen edge beats the next candidate. */
  readonly margin: number;
  /** The decision holds for every spectrum within the error bounds. */
  readonly decisive: boolean;
  /** The eigenvalues used, descending. */
  readonly top: number[];
  readonly minGap: number;
}

function ratio(a: number, b: number): number {
  if (b <= 0) return a > 0 ? Infinity : 1;
  return a / b;
}

export function countOutliers(values: ArrayLike<number>, opts: OutlierCountOptions = {}): OutlierCount {
  const fn = 'countOutliers';
  const m = values.length;
  const minGap = opts.minGap ?? 1;
  if (m < 2) throw new Error(`${fn}: pass at least 2 eigenvalues, got ${m}`);
  const top = Array.from(values);
  for (let i = 0; i < m; i++) if (!Number.isFinite(top[i])) throw new Error(`${fn}: eigenvalue ${i} is ${top[i]}`);
  for (let i = 1; i < m; i++) if (top[i] > top[i - 1]) throw new Error(`${fn}: eigenvalues must be in descending order (Lanczos 'largest' order); values[${i}] = ${top[i]} > values[${i - 1}] = ${top[i - 1]}`);
  if (!(top[0] > 0)) throw new Error(`${fn}: the largest eigenvalue is ${top[0]} ≤ 0; there is no positive outlier to count`);
  if (!(Number.isFinite(minGap) && minGap >= 1)) throw new Error(`${fn}: minGap must be a finite number ≥ 1, got ${minGap}`);
  const err = opts.errorBounds ? Array.from(opts.errorBounds) : new Array<number>(m).fill(0);
  if (err.length !== m || !err.every((e) => e >= 0)) throw new Error(`${fn}: errorBounds must be ${m} numbers ≥ 0`);

  const ratios = top.slice(0, -1).map((v, i) => ratio(v, top[i + 1]));
  let best = 0;
  for (let i = 1; i < ratios.length; i++) if (ratios[i] > ratios[best]) best = i;
  let second = -1;
  for (let i = 0; i < ratios.length; i++) if (i !== best && (second < 0 || ratios[i] > ratios[second])) second = i;
  const gap = ratios[best];
  const runnerUpGap = second >= 0 ? ratios[second] : 1;
  // Lower bound of the chosen ratio against the upper bounds of all others.
  const low = ratio(top[best] - err[best], top[best + 1] + err[best + 1]);
  let decisive = true;
  for (let i = 0; i < ratios.length; i++) {
    if (i === best) continue;
    const lower = top[i + 1] - err[i + 1];
    const high = lower <= 0 ? Infinity : (top[i] + err[i]) / lower;
    if (!(low > high)) decisive = false;
  }
  return {
    count: gap >= minGap ? best + 1 : 0,
    gap,
    gapPosition: best + 1,
    runnerUpGap,
    runnerUpPosition: second + 1,
    margin: gap / runnerUpGap,
    decisive,
    top,
    minGap,
  };
}
