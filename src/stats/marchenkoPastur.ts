/**
 * The Marchenko–Pastur law MP(γ, s), ratio γ > 0 and scale s > 0, in the convention of
 * docs/theory.md C2d: edges a₋ = s(1 − √γ)², b = s(1 + √γ)²,
 *   density  f(λ) = √((b − λ)(λ − a₋)) / (2π γ s λ)  on (a₋, b),
 *   plus an atom of mass 1 − 1/γ at λ = 0 when γ > 1 (the continuous part has mass min(1, 1/γ)).
 * It is the limiting spectral law of WᵀW/Nh for W ∈ R^{Nh×Ni} with iid entries of variance s,
 * γ = Ni/Nh, *counting all Ni eigenvalues, zeros included*; in C2d the Wishart part of the
 * Hessian spectrum is Nh·σ1²·MP(Ni/Nh), i.e. γ = Ni/Nh, s = Nh·σ1².
 *
 * MOMENT CONVENTION (checked by integrating the density in test/stats/marchenkoPastur.test.ts):
 *   with the atom (the law above):        mean = s,        variance = γ s²;
 *   conditional on λ ≠ 0 (γ > 1 only):    mean = γ s,      variance = γ s² (second moment γ s²(1+γ)).
 * docs/theory.md's "ensemble mean Nh(σ1² + σ2²), variance 2Nh·σ2⁴ + Nh·Ni·σ1⁴" holds only for the
 * law WITH the atom. That is the right law for C2d: the nonzero eigenvalues of H(θ*) are
 * ‖a‖² + eig(WᵀW), all Ni of them, including the Ni − Nh eigenvalues equal to ‖a‖² (C2c) that
 * come from the zero eigenvalues of WᵀW — those are the atom. Exact finite-size note: for
 * Gaussian W, a uniformly chosen eigenvalue of WᵀW has mean Nh σ1² and variance
 * Nh (Ni + 1) σ1⁴ (from E tr (WᵀW)² = σ1⁴ Nh Ni (Nh + Ni + 1)), so the theory's Nh·Ni·σ1⁴ is
 * the large-size limit.
 *
 * cdf: CLOSED FORM, derived here. Substituting λ = s(m − h cos θ), m = 1 + γ, h = 2√γ,
 * θ ∈ [0, π] (θ = 0 at a₋), gives f(λ)dλ = (2/π)·sin²θ/(m − h cos θ) dθ and
 *   F_c(Θ) = [ h sin Θ + m Θ − 2|1 − γ|·arctan( √(b/a₋)·tan(Θ/2) ) ] / (2πγ),
 *   Θ = 2 arcsin √((λ − a₋)/(b − a₋)),
 * and from the upper edge (φ = π − θ, m + h cos φ):
 *   S_c(Φ) = [ −h sin Φ + m Φ − 2|1 − γ|·arctan( √(a₋/b)·tan(Φ/2) ) ] / (2πγ),
 *   Φ = 2 arcsin √((b − λ)/(b − a₋)).
 * (Equivalent to the arcsin/arctan forms in the literature, e.g. Bai & Silverstein 2010 §3.1.)
 * Regions: λ below the centre m·s uses F_c, above uses S_c, so each tail is computed directly
 * (sf is never 1 − cdf in the upper tail). Within a tail both closed forms cancel like Θ³ (their
 * O(Θ) terms cancel exactly); where the cancellation would exceed CANCELLATION_LIMIT the
 * integral ∫₀^Θ (2/π) sin²θ/(m ∓ h cos θ) dθ is evaluated instead by EDGE_GL_NODES-point
 * Gauss–Legendre, whose integrand is analytic with its nearest pole at |Im θ| ≥ |ln γ|/2,
 * at least ~4 times farther than Θ in that region (error ≪ EPS).
 * Accuracy: relative error ≲ 1e-14 in both tails (tests compare with mpmath quadrature).
 * quantile/isf: safeguarded Newton in Θ (exact derivative) on the tail closed form, bisection
 * fallback, ≤ QUANTILE_MAX_ITER steps. Cost: O(1) per cdf; ~10 cdf calls per quantile.
 * Errors: the constructor throws for invalid parameters; methods return NaN for NaN input and
 * p ∉ [0, 1] (README.md).
 */
import { EPS } from './constants.js';
import { requirePositive } from './errors.js';
import { integrateGaussLegendre } from './internal/gaussLegendre.js';

export interface MarchenkoPasturParams {
  /** Ratio γ > 0 (γ = Ni/Nh in docs/theory.md C2d). */
  readonly ratio: number;
  /**
   * Scale s > 0 (the mean of the law with its atom).
   * @defaultValue 1
   */
  readonly scale?: number;
}

/** Use quadrature when the closed form's terms exceed its value by this factor (loss ≤ ~8·4 EPS). */
const CANCELLATION_LIMIT = 8;
/** Cap on quadrature panels (only reached for γ within ~0.4·π/16 of 1 far from the edges, where
 * the closed form does not cancel and is not replaced). */
const EDGE_MAX_PANELS = 16;
/** Gauss–Legendre order for the edge integral (the integrand is analytic well beyond [0, Θ]). */
const EDGE_GL_NODES = 24;
/** Floor on the pole distance used to size quadrature panels (γ within 0.002 of 1: ≤ 16 panels). */
const MIN_POLE_DISTANCE = 1e-3;
/** Newton/bisection cap for quantile and isf. */
const QUANTILE_MAX_ITER = 200;

export class MarchenkoPastur {
  readonly ratio: number;
  readonly scale: number;
  /** Lower edge s(1 − √γ)² of the continuous part. */
  readonly lowerEdge: number;
  /** Upper edge s(1 + √γ)². */
  readonly upperEdge: number;
  /** Mass of the atom at 0: max(0, 1 − 1/γ). */
  readonly atomMass: number;
  /** Mass of the continuous part: min(1, 1/γ). */
  readonly continuousMass: number;

  private readonly m: number;
  private readonly h: number;
  private readonly a1: number;
  private readonly b1: number;
  private readonly absOneMinusGamma: number;
  private readonly k: number;
  /** |ln γ|/2: distance of the poles of sin²θ/(m ∓ h cos θ) from the real θ axis. */
  private readonly poleDistance: number;

  constructor(params: MarchenkoPasturParams) {
    if (params === null || typeof params !== 'object') {
      throw new Error('MarchenkoPastur: expected an object { ratio, scale? }; pass e.g. new MarchenkoPastur({ ratio: 0.5 }).');
    }
    const g = requirePositive('MarchenkoPastur', 'ratio', params.ratio, 'pass γ = Ni/Nh as a positive finite number');
    const s = requirePositive('MarchenkoPastur', 'scale', params.scale ?? 1, 'pass a positive finite scale s (Nh·σ1² in docs/theory.md C2d) or omit it for 1');
    this.ratio = g;
    this.scale = s;
    const sq = Math.sqrt(g);
    this.m = 1 + g;
    this.h = 2 * sq;
    // (1 − √γ)² = (1 − γ)²/(1 + √γ)²: no cancellation for γ near 1.
    this.a1 = ((1 - g) * (1 - g)) / ((1 + sq) * (1 + sq));
    this.b1 = (1 + sq) * (1 + sq);
    this.absOneMinusGamma = Math.abs(1 - g);
    this.k = Math.sqrt(this.b1 / this.a1); // +∞ when γ = 1
    this.poleDistance = Math.max(Math.abs(Math.log(g)) / 2, MIN_POLE_DISTANCE);
    this.lowerEdge = s * this.a1;
    this.upperEdge = s * this.b1;
    this.atomMass = g > 1 ? 1 - 1 / g : 0;
    this.continuousMass = g > 1 ? 1 / g : 1;
  }

  /** Mean of the law with its atom: s. */
  mean(): number {
    return this.scale;
  }

  /** Variance of the law with its atom: γ s². */
  variance(): number {
    return this.ratio * this.scale * this.scale;
  }

  /** Mean conditional on λ ≠ 0: s·max(1, γ). */
  nonzeroMean(): number {
    return this.scale * Math.max(1, this.ratio);
  }

  /** Variance conditional on λ ≠ 0: γ s² (equal to the unconditional one). */
  nonzeroVariance(): number {
    return this.ratio * this.scale * this.scale;
  }

  /** Density of the continuous part (the atom at 0 is not included). */
  pdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (!(x > this.lowerEdge && x < this.upperEdge)) return 0;
    return Math.sqrt((this.upperEdge - x) * (x - this.lowerEdge)) / (2 * Math.PI * this.ratio * this.scale * x);
  }

  /** (2/π) sin²θ/(m − h cos θ) (lower) or /(m + h cos θ) (upper), written without cancellation. */
  private weight(theta: number, upper: boolean): number {
    const s = Math.sin(theta);
    const half = Math.sin(theta / 2);
    const den = upper ? this.b1 - 2 * this.h * half * half : this.a1 + 2 * this.h * half * half;
    return ((2 / Math.PI) * s * s) / den;
  }

  /** Continuous mass between the lower (upper=false) or upper edge and the point at angle Θ. */
  private edgeMass(theta: number, upper: boolean): number {
    if (theta <= 0) return 0;
    const terms = this.h * Math.sin(theta) + this.m * theta;
    const sign = upper ? -1 : 1;
    const arg = upper ? Math.tan(theta / 2) / this.k : this.k * Math.tan(theta / 2);
    const atanTerm = this.absOneMinusGamma === 0 ? 0 : 2 * this.absOneMinusGamma * Math.atan(arg);
    const numerator = sign * this.h * Math.sin(theta) + this.m * theta - atanTerm;
    if (numerator > 0 && terms <= CANCELLATION_LIMIT * numerator) return numerator / (2 * Math.PI * this.ratio);
    // Composite Gauss–Legendre with panels no wider than the distance |ln γ|/2 of the
    // integrand's poles from the real axis, so each panel's Bernstein ellipse has ρ ≥ 1 + √2
    // and EDGE_GL_NODES nodes give ρ^{-48} ≲ 1e-18.
    const panels = Math.min(EDGE_MAX_PANELS, Math.max(1, Math.ceil(theta / this.poleDistance)));
    let sum = 0;
    for (let i = 0; i < panels; i++) {
      sum += integrateGaussLegendre((t) => this.weight(t, upper), (theta * i) / panels, (theta * (i + 1)) / panels, EDGE_GL_NODES);
    }
    return sum;
  }

  private thetaLower(x: number): number {
    const u = (x / this.scale - this.a1) / (this.b1 - this.a1);
    return 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, u))));
  }

  private thetaUpper(x: number): number {
    const u = (this.b1 - x / this.scale) / (this.b1 - this.a1);
    return 2 * Math.asin(Math.sqrt(Math.min(1, Math.max(0, u))));
  }

  /** Continuous mass in (a₋, x] (the cdf without the atom); relative-accurate near a₋ for any γ. */
  continuousCdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x <= this.lowerEdge) return 0;
    if (x >= this.upperEdge) return this.continuousMass;
    if (x / this.scale <= this.m) return this.edgeMass(this.thetaLower(x), false);
    return this.continuousMass - this.edgeMass(this.thetaUpper(x), true);
  }

  cdf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0) return 0;
    if (x <= this.lowerEdge) return this.atomMass;
    if (x >= this.upperEdge) return 1;
    if (x / this.scale <= this.m) return this.atomMass + this.edgeMass(this.thetaLower(x), false);
    return 1 - this.edgeMass(this.thetaUpper(x), true);
  }

  /** P(λ > x), computed from the upper edge above the centre. */
  sf(x: number): number {
    if (Number.isNaN(x)) return NaN;
    if (x < 0) return 1;
    if (x <= this.lowerEdge) return this.continuousMass;
    if (x >= this.upperEdge) return 0;
    if (x / this.scale > this.m) return this.edgeMass(this.thetaUpper(x), true);
    return this.continuousMass - this.edgeMass(this.thetaLower(x), false);
  }

  /** Solve edgeMass(Θ, upper) = target for Θ ∈ [0, π]; target ≤ continuousMass. */
  private solveTheta(target: number, upper: boolean): number {
    let lo = 0;
    let hi = Math.PI;
    // Start from the small-Θ behaviour: mass ≈ (2/π)Θ³/(3d), d = a₁ (lower) or b₁ (upper);
    // for γ = 1 at the lower edge, mass ≈ (2/π)Θ.
    const d = upper ? this.b1 : this.a1;
    let theta = d > 0 ? Math.cbrt((3 * Math.PI * d * target) / 2) : (Math.PI * target) / 2;
    if (!(theta > 0 && theta < Math.PI)) theta = Math.PI / 2;
    for (let iter = 0; iter < QUANTILE_MAX_ITER; iter++) {
      const f = this.edgeMass(theta, upper) - target;
      if (f === 0) return theta;
      if (f > 0) hi = theta;
      else lo = theta;
      const df = this.weight(theta, upper);
      let next = theta - f / df;
      if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
      if (Math.abs(next - theta) <= 4 * EPS * Math.max(theta, EPS)) return next;
      if (hi - lo <= 4 * EPS * hi) return next;
      theta = next;
    }
    return theta;
  }

  /** Inverse cdf: the smallest x with cdf(x) ≥ p (0 for p ≤ the atom mass when γ > 1). */
  quantile(p: number): number {
    if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
    if (this.atomMass > 0 && p <= this.atomMass) return 0;
    if (p === 0) return this.lowerEdge;
    if (p === 1) return this.upperEdge;
    const pc = p - this.atomMass;
    if (pc <= 0.5 * this.continuousMass) {
      const t = Math.sin(this.solveTheta(pc, false) / 2);
      return this.scale * (this.a1 + (this.b1 - this.a1) * t * t);
    }
    const t = Math.sin(this.solveTheta(1 - p, true) / 2);
    return this.scale * (this.b1 - (this.b1 - this.a1) * t * t);
  }

  /** Inverse survival function: x with sf(x) = q, solved from the upper edge for small q. */
  isf(q: number): number {
    if (Number.isNaN(q) || q < 0 || q > 1) return NaN;
    if (q === 0) return this.upperEdge;
    if (q >= this.continuousMass) return this.atomMass > 0 ? 0 : this.lowerEdge;
    if (q <= 0.5 * this.continuousMass) {
      const t = Math.sin(this.solveTheta(q, true) / 2);
      return this.scale * (this.b1 - (this.b1 - this.a1) * t * t);
    }
    const t = Math.sin(this.solveTheta(this.continuousMass - q, false) / 2);
    return this.scale * (this.a1 + (this.b1 - this.a1) * t * t);
  }
}
