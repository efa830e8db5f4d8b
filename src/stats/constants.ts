/**
 * Shared floating-point constants for src/stats.
 *
 * Every threshold used by more than one module lives here, with where it comes from.
 * Module-specific cut-offs (series/continued-fraction switch points, KS dispatch limits) are
 * defined beside the code that uses them.
 */

/** Unit roundoff of IEEE-754 binary64: 2^-52 (Number.EPSILON). */
export const EPS = Number.EPSILON;

/** Smallest positive normal double, 2^-1022. Used by the modified Lentz algorithm as "tiny". */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** log(Number.MAX_VALUE) ≈ 709.78: exp() of anything larger overflows. */
export const LOG_MAX_VALUE = 709.782712893384;

/** log(MIN_NORMAL) ≈ -708.40: exp() of anything smaller is subnormal or 0. */
export const LOG_MIN_NORMAL = -708.3964185322641;

/** ln(2π)/2 = ln √(2π). */
export const HALF_LOG_TWO_PI = 0.9189385332046728;

/** √(2π). */
export const SQRT_TWO_PI = 2.5066282746310002;

/** 1/√π. */
export const INV_SQRT_PI = 0.5641895835477563;

/** Euler–Mascheroni constant γ. */
export const EULER_GAMMA = 0.5772156649015329;

/**
 * Default iteration cap for series, continued fractions and root finders. Every loop in
 * src/stats is capped; hitting the cap returns NaN (special functions) or a result whose
 * `converged` flag is false (quadrature, root finders).
 */
export const MAX_ITERATIONS = 10_000;
