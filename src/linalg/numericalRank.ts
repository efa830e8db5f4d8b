/**
 * Numerical rank of a matrix from its singular values, with the evidence that
 * shows how clear-cut the decision was.
 *
 * Rule: rank = #{ i : σᵢ > tol } with
 *     tol = max(rows, cols) · eps · σ_max            (default)
 *     tol = rtol · σ_max                              (when opts.rtol is given)
 * — the convention of LAPACK-based tools and NumPy's `matrix_rank` (Golub & Van
 * Loan, Matrix Computations 4th ed., §5.4.1 "numerical rank"; Press et al.,
 * Numerical Recipes §2.6).
 *
 * Why this tolerance: singular values computed in float64 by any backward-stable
 * SVD are exact for a nearby matrix A + E with ‖E‖₂ ≲ p(m, n)·eps·‖A‖₂ (p a small
 * polynomial in the dimensions), and by Weyl's inequality |σ̂ᵢ − σᵢ| ≤ ‖E‖₂. So every
 * computed σᵢ carries an absolute error of order max(m, n)·eps·σ_max: a value
 * below that is indistinguishable from zero, a value clearly above it is not.
 * The rule alone cannot tell a clean decision from a marginal one, so we also
 * report σ_r (smallest kept), σ_{r+1} (largest dropped) and their ratio — the gap.
 * A gap of 1e8 means the spectrum falls off a cliff exactly at the threshold's
 * scale and the rank is unambiguous; a gap near 1 means a different reasonable
 * tolerance would have given a different rank.
 */
import { EPS } from './matrix.js';

export interface RankEvidence {
  /** Number of singular values strictly above `tolerance`. */
  readonly rank: number;
  /** The threshold used: max(rows, cols)·eps·σ_max, or rtol·σ_max. */
  readonly tolerance: number;
  /** σ₁ (0 for an empty or zero matrix). */
  readonly sigmaMax: number;
  /** σ_r, the smallest singular value kept; null when rank = 0. */
  readonly sigmaAtRank: number | null;
  /** σ_{r+1}, the largest singular value dropped; null when nothing was dropped. */
  readonly sigmaBelowRank: number | null;
  /** σ_r/σ_{r+1}; Infinity when nothing was dropped or σ_{r+1} = 0; 0 when rank = 0. */
  readonly gap: number;
  /** (σ_r − σ_{r+1})/σ_max (σ_{r+1} := 0 when nothing dropped); 0 when rank = 0. */
  readonly relativeGap: number;
  /**
   * How far the decision is from flipping: min(σ_r/tol, tol/σ_{r+1}) over the
   * terms that exist (Infinity when neither constrains, e.g. an exactly zero
   * matrix). A value near 1 means a singular value sits at the threshold.
   */
  readonly toleranceMargin: number;
}

export interface NumericalRankOptions {
  /** Relative tolerance in [0, 1): tol = rtol·σ_max instead of max(rows, cols)·eps·σ_max. */
  readonly rtol?: number;
}

export function numericalRank(
  singularValuesDesc: Float64Array,
  rows: number,
  cols: number,
  opts: NumericalRankOptions = {},
): RankEvidence {
  const fn = 'numericalRank';
  if (!(singularValuesDesc instanceof Float64Array)) {
    throw new TypeError(`${fn}: singularValuesDesc must be a Float64Array`);
  }
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`${fn}: rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(cols) || cols < 0) throw new Error(`${fn}: cols must be a non-negative integer, got ${cols}`);
  const k = singularValuesDesc.length;
  if (k !== Math.min(rows, cols)) {
    throw new Error(`${fn}: singularValuesDesc has ${k} entries, expected min(rows, cols) = ${Math.min(rows, cols)} for a ${rows}x${cols} matrix`);
  }
  for (let i = 0; i < k; i++) {
    const s = singularValuesDesc[i];
    if (!Number.isFinite(s)) throw new Error(`${fn}: singularValuesDesc[${i}] is ${s}; singular values must be finite`);
    if (s < 0) throw new Error(`${fn}: singularValuesDesc[${i}] = ${s} is negative; singular values are ≥ 0`);
    if (i > 0 && s > singularValuesDesc[i - 1]) {
      throw new Error(`${fn}: singularValuesDesc is not descending at index ${i} (${singularValuesDesc[i - 1]} then ${s})`);
    }
  }
  const rtol = opts.rtol;
  if (rtol !== undefined && (!Number.isFinite(rtol) || rtol < 0 || rtol >= 1)) {
    throw new Error(`${fn}: opts.rtol must be a finite number in [0, 1), got ${rtol}`);
  }

  const sigmaMax = k > 0 ? singularValuesDesc[0] : 0;
  const tolerance = (rtol ?? Math.max(rows, cols) * EPS) * sigmaMax;
  let rank = 0;
  while (rank < k && singularValuesDesc[rank] > tolerance) rank++;

  const sigmaAtRank = rank > 0 ? singularValuesDesc[rank - 1] : null;
  const sigmaBelowRank = rank < k ? singularValuesDesc[rank] : null;

  let gap: number;
  let relativeGap: number;
  if (sigmaAtRank === null) {
    gap = 0;
    relativeGap = 0;
  } else if (sigmaBelowRank === null || sigmaBelowRank === 0) {
    gap = Infinity;
    relativeGap = sigmaAtRank / sigmaMax;
  } else {
    gap = sigmaAtRank / sigmaBelowRank;
    relativeGap = (sigmaAtRank - sigmaBelowRank) / sigmaMax;
  }

  let toleranceMargin = Infinity;
  if (sigmaAtRank !== null && tolerance > 0) toleranceMargin = Math.min(toleranceMargin, sigmaAtRank / tolerance);
  if (sigmaBelowRank !== null && sigmaBelowRank > 0) toleranceMargin = Math.min(toleranceMargin, tolerance / sigmaBelowRank);

  return { rank, tolerance, sigmaMax, sigmaAtRank, sigmaBelowRank, gap, relativeGap, toleranceMargin };
}
