/**
 * The law of Z = X + Y with X ~ s_x·χ²(k) and Y ~ MP(γ, s) independent — the classical
 * convolution σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) of docs/theory.md C2d (df = Nh, chiScale = σ2²,
 * ratio = Ni/Nh, mpScale = Nh·σ1²).
 *
 *   F_Z(z) = α·F_X(z) + ∫_{a₋}^{min(z,b)} f_Y(y) F_X(z − y) dy,       α = max(0, 1 − 1/γ) (atom),
 *   S_Z(z) = α·S_X(z) + S_Y^c(z) + ∫_{a₋}^{min(z,b)} f_Y(y) S_X(z − y) dy,   S_Y^c = continuous MP mass above z,
 *   f_Z(z) = α·f_X(z) + ∫_{a₋}^{min(z,b)} f_Y(y) f_X(z − y) dy.
 * The upper tail S_Z is computed from S_X, never as 1 − F_Z.
 * Quadrature: substitute y = s(m − h cos θ) (m = 1 + γ, h = 2√γ), which turns f_Y dy into the
 * analytic weight (2/π) sin²θ/(m − h cos θ) dθ (no √ edge singularities), and integrate over
 * θ ∈ [0, Θ(z)] with adaptive tanh-sinh (tanhSinh.ts); the endpoint Θ(z) carries the
 * algebraic singularity of F_X/f_X at 0 (u^{k/2}, u^{k/2−1}), which tanh-sinh absorbs.
 * Error bound: every result carries `errorEstimate` = Σ_panels |I_L − I_{L−1}| (tanh-sinh level
 * comparison, a conservative bound on the returned value's quadrature error) plus the
 * special-function rounding (≲ 1e-13 relative, from incompleteGamma). The default tolerance
 * asks each panel for relative 1e-12. Tests check the estimate against an independent
 * Gauss–Legendre evaluation and moments/Monte Carlo.
 * mean = k·s_x + s,  variance = 2k·s_x² + γ s² (exact; MP moments WITH its atom — see
 * marchenkoPastur.ts for why that is the convention under which docs/theory.md's numbers hold).
 * Cost: ~100–2000 χ² evaluations per call (≈ 0.1–2 ms).
 * Errors: the constructor throws for invalid parameters; methods return NaN for NaN input.
 */
import { ChiSquared } from './chiSquared.js';
import { invalidArgument, requirePositive } from './errors.js';
import { MarchenkoPastur } from './marchenkoPastur.js';
import { integrate, type QuadratureResult } from './tanhSinh.js';

export interface ChiSquaredMpConvolutionParams {
  /** χ² degrees of freedom k > 0 (Nh). */
  readonly df: number;
  /** χ² scale s_x > 0 (σ2²). @defaultValue 1 */
  readonly chiScale?: number;
  /** MP ratio γ > 0 (Ni/Nh). */
  readonly ratio: number;
  /** MP scale s > 0 (Nh·σ1²). @defaultValue 1 */
  readonly mpScale?: number;
  /** Relative tolerance requested from each quadrature panel. @defaultValue 1e-12 */
  readonly relTol?: number;
}

/** Default per-panel relative tolerance: ~4500 EPS, above the χ² rounding (≲ 1e-13) it integrates. */
const DEFAULT_REL_TOL = 1e-12;
/** Below ~5 EPS the level differences are rounding noise and the quadrature cannot converge. */
const MIN_REL_TOL = 1e-15;
/** Above this the 3-level minimum of tanh-sinh already over-delivers; larger requests are likely errors. */
const MAX_REL_TOL = 1e-3;

export class ChiSquaredMpConvolution {
  readonly chi: ChiSquared;
  readonly mp: MarchenkoPastur;
  readonly relTol: number;
  private readonly m: number;
  private readonly h: number;
  private readonly a1: number;
  private readonly b1: number;

  constructor(params: ChiSquaredMpConvolutionParams) {
    if (params === null || typeof params !== 'object') {
      throw new Error('ChiSquaredMpConvolution: expected an object { df, chiScale?, ratio, mpScale?, relTol? }.');
    }
    const fn = 'ChiSquaredMpConvolution';
    const df = requirePositive(fn, 'df', params.df, 'pass the χ² degrees of freedom (Nh) as a positive number');
    const chiScale = requirePositive(fn, 'chiScale', params.chiScale ?? 1, 'pass σ2² > 0 or omit it for 1');
    const ratio = requirePositive(fn, 'ratio', params.ratio, 'pass γ = Ni/Nh as a positive number');
    const mpScale = requirePositive(fn, 'mpScale', params.mpScale ?? 1, 'pass Nh·σ1² > 0 or omit it for 1');
    const relTol = params.relTol ?? DEFAULT_REL_TOL;
    if (typeof relTol !== 'number' || !(relTol >= MIN_REL_TOL && relTol <= MAX_REL_TOL)) {
      invalidArgument(fn, 'relTol', `must be a number in [${MIN_REL_TOL}, ${MAX_REL_TOL}]`, relTol, `omit it for the default ${DEFAULT_REL_TOL}`);
    }
    this.relTol = relTol;
    this.chi = new ChiSquared({ df, scale: chiScale });
    this.mp = new MarchenkoPastur({ ratio, scale: mpScale });
    const sq = Math.sqrt(ratio);
    this.m = 1 + ratio;
    this.h = 2 * sq;
    this.a1 = ((1 - ratio) * (1 - ratio)) / ((1 + sq) * (1 + sq));
    this.b1 = (1 + sq) * (1 + sq);
  }

  mean(): number {
    return this.chi.mean() + this.mp.mean();
  }

  variance(): number {
    return this.chi.variance() + this.mp.variance();
  }

  /** y(θ) = s·(a₁ + 2h sin²(θ/2)). */
  private y(theta: number): number {
    const hs = Math.sin(theta / 2);
    return this.mp.scale * (this.a1 + 2 * this.h * hs * hs);
  }

  /** MP weight (2/π) sin²θ/(m − h cos θ) = f_Y(y) dy/dθ. */
  private w(theta: number): number {
    const s = Math.sin(theta);
    const hs = Math.sin(theta / 2);
    return ((2 / Math.PI) * s * s) / (this.a1 + 2 * this.h * hs * hs);
  }

  /** Θ(z) ∈ [0, π]: the angle with y(Θ) = z (π if z ≥ b). */
  private thetaMax(z: number): number {
    const u = (z / this.mp.scale - this.a1) / (this.b1 - this.a1);
    if (u >= 1) return Math.PI;
    if (u <= 0) return 0;
    return 2 * Math.asin(Math.sqrt(u));
  }

  private integrateOver(z: number, g: (u: number) => number): QuadratureResult {
    const top = this.thetaMax(z);
    if (top <= 0) return { value: 0, errorEstimate: 0, evaluations: 0, converged: true };
    if (top < Math.PI) {
      // u = z − y(θ) = 2hs·sin((Θ−θ)/2)·sin((Θ+θ)/2), from the exact distance Θ − θ: the kernel's
      // singularity at u = 0 (f_X ~ u^{k/2−1}) then sits exactly at the endpoint. This evaluates
      // the law at y(Θ) instead of z, a shift of ≤ EPS·z (relative effect ~EPS).
      const c = 2 * this.h * this.mp.scale;
      return integrate(
        (t, _fromLeft, fromRight) => this.w(t) * g(c * Math.sin(fromRight / 2) * Math.sin(top - fromRight / 2)),
        0,
        top,
        { relTol: this.relTol },
      );
    }
    return integrate((t) => this.w(t) * g(z - this.y(t)), 0, top, { relTol: this.relTol });
  }

  /** F_Z(z) with its quadrature error estimate. */
  cdfDetailed(z: number): QuadratureResult {
    if (Number.isNaN(z)) return { value: NaN, errorEstimate: NaN, evaluations: 0, converged: false };
    if (z <= 0) return { value: 0, errorEstimate: 0, evaluations: 0, converged: true };
    const q = this.integrateOver(z, (u) => (u > 0 ? this.chi.cdf(u) : 0));
    const atom = this.mp.atomMass > 0 ? this.mp.atomMass * this.chi.cdf(z) : 0;
    return { ...q, value: Math.min(1, atom + q.value) };
  }

  /** S_Z(z) = P(Z > z) with its quadrature error estimate (computed from S_X directly). */
  sfDetailed(z: number): QuadratureResult {
    if (Number.isNaN(z)) return { value: NaN, errorEstimate: NaN, evaluations: 0, converged: false };
    if (z <= 0) return { value: 1, errorEstimate: 0, evaluations: 0, converged: true };
    const q = this.integrateOver(z, (u) => (u > 0 ? this.chi.sf(u) : 1));
    const atom = this.mp.atomMass > 0 ? this.mp.atomMass * this.chi.sf(z) : 0;
    const above = z < this.mp.upperEdge ? this.mp.sf(z) : 0;
    return { ...q, value: Math.min(1, atom + above + q.value) };
  }

  /** Density f_Z(z) with its quadrature error estimate. */
  pdfDetailed(z: number): QuadratureResult {
    if (Number.isNaN(z)) return { value: NaN, errorEstimate: NaN, evaluations: 0, converged: false };
    if (z <= 0) return { value: 0, errorEstimate: 0, evaluations: 0, converged: true };
    const q = this.integrateOver(z, (u) => (u > 0 ? this.chi.pdf(u) : 0));
    const atom = this.mp.atomMass > 0 ? this.mp.atomMass * this.chi.pdf(z) : 0;
    return { ...q, value: atom + q.value };
  }

  cdf(z: number): number {
    return this.cdfDetailed(z).value;
  }

  sf(z: number): number {
    return this.sfDetailed(z).value;
  }

  pdf(z: number): number {
    return this.pdfDetailed(z).value;
  }
}
