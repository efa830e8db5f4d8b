/**
 * Ordinary least-squares slope of y on x, and how far it can move when every y_i is off by at
 * most b_i — for scaling exponents fitted on a log-log plot (C4: the time to a loss fraction
 * against the late rate) whose points carry derived, not random, errors.
 *
 * Source: the OLS slope β = Σ(x_i − x̄)(y_i − ȳ) / Σ(x_i − x̄)² (any regression text, e.g.
 * Draper & Smith, Applied Regression Analysis, §1.2), computed with centred sums (two passes)
 * so that large offsets in x or y do not cancel. β is linear in y: perturbing y by e moves it by
 * Σ(x_i − x̄)e_i / Sxx, so |e_i| ≤ b_i bounds the move by Σ|x_i − x̄|·b_i / Sxx, attained at
 * e_i = b_i·sign(x_i − x̄) (the bound is sharp, not a worst-case estimate).
 *
 * Accuracy: a few ulps relative to Σ|x_i − x̄||y_i − ȳ| / Sxx (centred sums); checked against
 * ml-matrix's QR least squares in test/dynamics/olsSlope.test.ts. Cost O(n).
 */

function centred(x: ArrayLike<number>, what: string): { d: Float64Array; sxx: number } {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const d = new Float64Array(n);
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    d[i] = x[i] - mean;
    sxx += d[i] * d[i];
  }
  if (!(sxx > 0) || !Number.isFinite(sxx)) throw new Error(`${what}: x must be finite and not all equal (Σ(x − x̄)² = ${sxx}); a slope needs at least two distinct x`);
  return { d, sxx };
}

function checkLengths(x: ArrayLike<number>, y: ArrayLike<number>, what: string, yName: string): void {
  if (x.length < 2) throw new Error(`${what}: need at least 2 points, got ${x.length}`);
  if (y.length !== x.length) throw new Error(`${what}: x has ${x.length} entries but ${yName} has ${y.length}`);
}

/** OLS slope of y on x (with intercept). Throws on fewer than 2 points, unequal lengths, constant or non-finite x. */
export function olsSlope(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkLengths(x, y, 'olsSlope', 'y');
  const { d, sxx } = centred(x, 'olsSlope');
  let my = 0;
  for (let i = 0; i < y.length; i++) my += y[i];
  my /= y.length;
  let sxy = 0;
  for (let i = 0; i < d.length; i++) sxy += d[i] * (y[i] - my);
  return sxy / sxx;
}

/**
 * max |olsSlope(x, y + e) − olsSlope(x, y)| over |e_i| ≤ bounds[i]: Σ|x_i − x̄|·b_i / Sxx.
 * A bound of +∞ gives +∞ (a point whose error is unbounded, unless it sits at x̄). Throws on a
 * negative or NaN bound.
 */
export function olsSlopeDeviationBound(x: ArrayLike<number>, bounds: ArrayLike<number>): number {
  checkLengths(x, bounds, 'olsSlopeDeviationBound', 'bounds');
  const { d, sxx } = centred(x, 'olsSlopeDeviationBound');
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    const b = bounds[i];
    if (!(b >= 0)) throw new Error(`olsSlopeDeviationBound: bounds[${i}] = ${b}; bounds must be ≥ 0 (or +∞)`);
    if (d[i] !== 0) s += Math.abs(d[i]) * b;
  }
  return s / sxx;
}
