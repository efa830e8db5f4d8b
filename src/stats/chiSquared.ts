/**
 * The scaled chi-squared law: X = s·χ²(k), i.e. a Gamma law with shape k/2 and scale 2s.
 *   pdf(x)  = x^{k/2−1} e^{−x/(2s)} / ((2s)^{k/2} Γ(k/2)),   x > 0
 *   cdf(x)  = P(k/2, x/(2s)),   sf(x) = Q(k/2, x/(2s))   (each from its own tail; sf never 1 − cdf)
 *   mean = k·s,  variance = 2k·s²
 * In docs/theory.md C2d the shift ‖a‖² of the linear-network Hessian is σ2²·χ²(Nh): df = Nh, scale = σ2².
 *
 * Sources: DLMF 8.2.4/8.7 via incompleteGamma.ts; quantile/isf by internal/invertGamma.ts
 * (Wilson–Hilferty start, safeguarded Newton on the log of the relevant tail).
 * Regions: inherited from incompleteGamma (small-a, Temme, series, continued fraction);
 * quantile(p) solves P = p for p ≤ ½ and Q = 1 − p (exact in binary64) for p > ½; isf mirrors it.
 * Accuracy (test/stats/chiSquared.test.ts against mpmath/scipy, df ≤ 2000, tails to 1e-300):
 * cdf/sf ≤ 1e-12 relative; quantile/isf relative error ≤ (tail error)/|d ln T/d ln x| + 4 EPS.
 * Cost: one incomplete-gamma evaluation (≤ a few hundred flops); quantile 3–8 of them.
 * Errors: the constructor throws for invalid parameters (error policy, README.md); methods are
 * special functions: NaN in → NaN out, p outside [0, 1] → NaN.
 */
import { requirePositive } from './errors.js';
import { gammaP, gammaQ, logGammaP, logGammaQ } from './incompleteGamma.js';
import { logGammaPrefix } from './internal/gammaPrefix.js';
import { invertGamma } from './internal/invertGamma.js';
import { logGamma } from './logGamma.js';

export interface ChiSquaredParams {
  /** Degrees of freedom k > 0 (need not be an integer). */
  readonly df: number;
  /**
   * Scale s > 0: the law of s·χ²(k).
   * @defaultValue 1
   */
  readonly scale?: number;
}

export class ChiSquared {
  readonly df: number;
  readonly scale: number;
  /** Gamma shape k/2. */
  private readonly shape: number;
  /** Gamma scale 2s. */
  private readonly theta: number;

  constructor(params: ChiSquaredParams) {
    if (params === null || typeof params !== 'object') {
      throw new Error('ChiSquared: expected an object { df, scale? }; pass e.g. new ChiSquared({ df: 10 }).');
    }
    this.df = requirePositive('ChiSquared', 'df', params.df, 'pass the degrees of freedom as a positive finite number');
    this.scale = requirePositive('ChiSquared', 'scale', params.scale ?? 1, 'pass a positive finite scale s (the law of s·χ²(k)) or omit it for 1');
    this.shape = this.df / 2;
    this.theta = 2 * this.scale;
  }

  mean(): number {
    return this.df * this.scale;
  }

  variance(): number {
    return 2 * this.df * this.scale * this.scale;
  }

  logpdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0 || x === Infinity) return -Infinity;
    const a = this.shape;
    if (x === 0) {
      if (a < 1) return Infinity;
      if (a === 1) return -Math.log(this.theta);
      return -Infinity;
    }
    const y = x / this.theta;
    if (a < 1 || y < 1) {
      // (a−1) ln y − y − ln Γ(a) − ln θ directly: no large cancelling terms here.
      return (a - 1) * Math.log(y) - y - logGamma(a) - Math.log(this.theta);
    }
    return logGammaPrefix(a, y) - Math.log(y) - Math.log(this.theta);
  }

  pdf(x: number): number {
    return Math.exp(this.logpdf(x));
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return 0;
    return gammaP(this.shape, x / this.theta);
  }

  /** Survival function P(X > x), computed from Q directly. */
  sf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return 1;
    return gammaQ(this.shape, x / this.theta);
  }

  logcdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return -Infinity;
    return logGammaP(this.shape, x / this.theta);
  }

  logsf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= 0) return 0;
    return logGammaQ(this.shape, x / this.theta);
  }

  /** Inverse cdf (ppf): the x with cdf(x) = p. */
  quantile(p: number): number {
    if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
    const y = p <= 0.5 ? invertGamma(this.shape, p, 'lower') : invertGamma(this.shape, 1 - p, 'upper');
    return y * this.theta;
  }

  /** Inverse survival function: the x with sf(x) = q. Accurate for q down to 1e-300. */
  isf(q: number): number {
    if (Number.isNaN(q) || q < 0 || q > 1) return NaN;
    const y = q <= 0.5 ? invertGamma(this.shape, q, 'upper') : invertGamma(this.shape, 1 - q, 'lower');
    return y * this.theta;
  }
}
