/**
 * C2d · the law of the linear-network spectrum (docs/theory.md#c2d; Couto et al. 2025's claim).
 *
 * Whitened data (C = I), teacher W_jk ~ N(0, σ1²), a_j ~ N(0, σ2²), W ∈ R^{Nh×Ni}. The
 * nonzero eigenvalues of H(θ*) are ‖a‖² + eig(WᵀW) (C2c), all Ni of them. A uniformly
 * chosen one, over the teacher ensemble, follows (asymptotically in Nh, Ni → ∞, γ = Ni/Nh
 * fixed) the CLASSICAL convolution
 *
 *     σ2²·χ²(Nh)  ⊛  Nh·σ1²·MP(γ)         (MP with its atom 1 − 1/γ at 0 when γ > 1)
 *
 * The χ² part is exact (‖a‖²/σ2² ~ χ²(Nh), independent of W); the MP part is the limit of
 * the empirical spectral law of WᵀW. Law: src/stats ChiSquaredMpConvolution.
 *
 * Moments of a uniformly chosen eigenvalue (exact at every size, Gaussian W):
 *   mean      Nh(σ1² + σ2²)                                  (= docs/theory.md; E tr WᵀW / Ni = Nh σ1²)
 *   variance  2Nh σ2⁴ + Nh(Ni + 1) σ1⁴                         (E tr (WᵀW)² = σ1⁴ Nh Ni (Nh + Ni + 1))
 * docs/theory.md's variance 2Nh σ2⁴ + Nh Ni σ1⁴ is the limit law's variance (the MP law's γs²):
 * at finite size it is low by Nh σ1⁴, i.e. by 1/(Ni + 1) of the exact MP part Nh(Ni + 1)σ1⁴,
 * or by 1/(Ni + 1 + 2(σ2/σ1)⁴) of the exact total. The property asserts the EXACT finite-size
 * variance, and records the limit's deficit (as a z-score).
 *
 * WRONG NEIGHBOURS (docs/theory.md#statistics: the same test must reject each):
 *   'gamma-inverted'   MP ratio Ni/Nh replaced by Nh/Ni (scale kept)
 *   'no-chi2-shift'    the shared shift ‖a‖² dropped: Nh·σ1²·MP(γ) alone
 *   'mp-scale-10pc'    MP scale Nh·σ1² replaced by 1.1·Nh·σ1²
 *   'pooled'           a SAMPLING neighbour, not a law: all Ni eigenvalues of one Hessian fed
 *                      to the i.i.d. test against the right law (they share one ‖a‖², and for
 *                      γ > 1 a fraction 1 − 1/γ of them are exactly equal).
 *
 * Cost: a law's cdf is a tanh-sinh quadrature (≈ 0.1–2 ms); `tabulatedCdf` turns it into a
 * monotone interpolant for KS tests over thousands of points (accuracy stated there).
 */
import { ChiSquaredMpConvolution, MarchenkoPastur } from '../src/stats/index.js';
import { COUTO, type Claim } from './claim.js';

export interface SpectralLawParams {
  /** Hidden units Nh ≥ 1. */
  readonly Nh: number;
  /** Inputs Ni ≥ 1. */
  readonly Ni: number;
  /** Standard deviation of the teacher's first-layer weights. */
  readonly sigma1: number;
  /** Standard deviation of the teacher's output weights. */
  readonly sigma2: number;
}

/** A continuous (or atom-carrying) law on the real line, as used by the KS test. */
export interface SpectralLaw {
  /** Short id, e.g. 'chi2-mp', 'gamma-inverted'. */
  readonly name: string;
  /** One line: the formula with its parameters. */
  readonly description: string;
  cdf(x: number): number;
  mean(): number;
  variance(): number;
  /** An interval holding a feature much narrower than the law's spread (tabulation refines it). */
  readonly sharp?: readonly [number, number];
}

export const C2D_LAW_NEIGHBOURS = ['gamma-inverted', 'no-chi2-shift', 'mp-scale-10pc'] as const;
export type C2dLawNeighbour = (typeof C2D_LAW_NEIGHBOURS)[number];
/** Every wrong neighbour of C2d, the sampling one ('pooled') included. */
export const C2D_NEIGHBOURS = [...C2D_LAW_NEIGHBOURS, 'pooled'] as const;
export type C2dNeighbour = (typeof C2D_NEIGHBOURS)[number];

/** The mis-scaling of the 'mp-scale-10pc' neighbour. */
export const MP_SCALE_ERROR = 1.1;

/**
 * Per-test significance level of every KS test of C2d and C2e (the right law must not be
 * rejected, each wrong neighbour must be). Per test; the report applies Holm across claims to
 * the right-theory p-values (reports/README.md). Calibrated: `calibrate C2d|C2e --runs 200`.
 */
export const KS_ALPHA = 0.01;

/** z bound of C2d's mean and variance checks (two-sided tail 6.8e-6: adds nothing to the false-positive budget). */
export const MOMENT_Z = 4.5;

/** How the report and the claim's statement name each wrong neighbour. */
export const C2D_NEIGHBOUR_LABELS: Readonly<Record<C2dNeighbour, string>> = {
  'gamma-inverted': 'γ → 1/γ',
  'no-chi2-shift': 'χ² shift removed',
  'mp-scale-10pc': `MP scale ×${MP_SCALE_ERROR}`,
  pooled: 'pooled eigenvalues of one Hessian',
};

function validate(p: SpectralLawParams): void {
  for (const k of ['Nh', 'Ni'] as const) {
    if (!Number.isInteger(p[k]) || p[k] < 1) throw new Error(`spectralLaw: field \`${k}\` must be an integer ≥ 1 (got ${p[k]}); pass the layer size`);
  }
  for (const k of ['sigma1', 'sigma2'] as const) {
    if (!(typeof p[k] === 'number' && Number.isFinite(p[k]) && p[k] > 0)) throw new Error(`spectralLaw: field \`${k}\` must be a finite number > 0 (got ${p[k]}); pass a standard deviation`);
  }
}

function convolutionLaw(name: string, description: string, df: number, chiScale: number, ratio: number, mpScale: number): SpectralLaw {
  const law = new ChiSquaredMpConvolution({ df, chiScale, ratio, mpScale, relTol: 1e-10 });
  // The χ² part (the shift ‖a‖², and for γ > 1 the smeared atom) is σ2²√(2Nh) wide: ±12 sd of it.
  const chiMean = df * chiScale;
  const chiSd = Math.sqrt(2 * df) * chiScale;
  const sharp = [Math.max(0, chiMean - 12 * chiSd), chiMean + 12 * chiSd] as const;
  return { name, description, cdf: (x) => law.cdf(x), mean: () => law.mean(), variance: () => law.variance(), sharp };
}

const fmt = (v: number) => Number(v.toPrecision(6)).toString();

/** The C2d law σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh). */
export function c2dLaw(p: SpectralLawParams): SpectralLaw {
  validate(p);
  const s1 = p.sigma1 ** 2;
  const s2 = p.sigma2 ** 2;
  const gamma = p.Ni / p.Nh;
  return convolutionLaw('chi2-mp', `${fmt(s2)}·χ²(${p.Nh}) ⊛ ${fmt(p.Nh * s1)}·MP(${fmt(gamma)})`, p.Nh, s2, gamma, p.Nh * s1);
}

/** A named wrong neighbour of the C2d law (the law-valued ones; 'pooled' is a sampling scheme). */
export function c2dWrongLaw(p: SpectralLawParams, which: C2dLawNeighbour): SpectralLaw {
  validate(p);
  const s1 = p.sigma1 ** 2;
  const s2 = p.sigma2 ** 2;
  const gamma = p.Ni / p.Nh;
  switch (which) {
    case 'gamma-inverted':
      return convolutionLaw(which, `${fmt(s2)}·χ²(${p.Nh}) ⊛ ${fmt(p.Nh * s1)}·MP(${fmt(1 / gamma)}) (γ → 1/γ)`, p.Nh, s2, 1 / gamma, p.Nh * s1);
    case 'mp-scale-10pc':
      return convolutionLaw(which, `${fmt(s2)}·χ²(${p.Nh}) ⊛ ${fmt(MP_SCALE_ERROR * p.Nh * s1)}·MP(${fmt(gamma)}) (MP scale × ${MP_SCALE_ERROR})`, p.Nh, s2, gamma, MP_SCALE_ERROR * p.Nh * s1);
    case 'no-chi2-shift': {
      const mp = new MarchenkoPastur({ ratio: gamma, scale: p.Nh * s1 });
      return { name: which, description: `${fmt(p.Nh * s1)}·MP(${fmt(gamma)}) (χ² shift removed)`, cdf: (x) => mp.cdf(x), mean: () => mp.mean(), variance: () => mp.variance() };
    }
    default:
      throw new Error(`c2dWrongLaw: field \`which\` must be one of ${C2D_LAW_NEIGHBOURS.join(', ')} (got ${JSON.stringify(which)})`);
  }
}

/** Ensemble mean of a uniformly chosen nonzero eigenvalue: Nh(σ1² + σ2²) (exact). */
export function c2dMean(p: SpectralLawParams): number {
  return p.Nh * (p.sigma1 ** 2 + p.sigma2 ** 2);
}

/** Exact finite-size ensemble variance 2Nh σ2⁴ + Nh(Ni + 1) σ1⁴ (Gaussian W). */
export function c2dVarianceExact(p: SpectralLawParams): number {
  return 2 * p.Nh * p.sigma2 ** 4 + p.Nh * (p.Ni + 1) * p.sigma1 ** 4;
}

/** docs/theory.md's (limit-law) variance 2Nh σ2⁴ + Nh Ni σ1⁴. */
export function c2dVarianceLimit(p: SpectralLawParams): number {
  return 2 * p.Nh * p.sigma2 ** 4 + p.Nh * p.Ni * p.sigma1 ** 4;
}

/**
 * A cdf tabulated on a sorted node set and interpolated linearly: `nodes` uniform points over
 * [lo, hi] plus, for each `fine` interval, `fineNodes` uniform points inside it (sharp features:
 * the χ²-smeared atom ‖a‖² of γ > 1 laws is ~σ2²√(2Nh) wide, far below (hi − lo)/nodes).
 * Outside [lo, hi] the exact cdf is called. Linear interpolation of a C¹ cdf with local node
 * spacing h errs by ≤ h²·max|f'|/8; test/theory/spectralLaw.test.ts checks max |Δ| ≤ 1e-5 for
 * every law the properties use. Cost: one exact evaluation per node, then O(log nodes) per call.
 */
export function tabulatedCdf(cdf: (x: number) => number, lo: number, hi: number, nodes = 2049, fine: ReadonlyArray<readonly [number, number]> = [], fineNodes = 1025): (x: number) => number {
  const pts: number[] = [];
  for (let i = 0; i < nodes; i++) pts.push(lo + ((hi - lo) * i) / (nodes - 1));
  for (const [a, b] of fine) {
    const fa = Math.max(lo, a);
    const fb = Math.min(hi, b);
    for (let i = 0; i < fineNodes && fb > fa; i++) pts.push(fa + ((fb - fa) * i) / (fineNodes - 1));
  }
  pts.sort((u, v) => u - v);
  const xs = Float64Array.from(pts.filter((v, i) => i === 0 || v > pts[i - 1]));
  const G = xs.length;
  const fs = xs.map((x) => cdf(x));
  for (let i = 1; i < G; i++) if (fs[i] < fs[i - 1]) fs[i] = fs[i - 1]; // monotone (rounding)
  return (x: number) => {
    if (!(x > lo)) return x < lo ? cdf(x) : fs[0];
    if (!(x < hi)) return x > hi ? cdf(x) : fs[G - 1];
    let a = 0;
    let b = G - 1;
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if (xs[m] <= x) a = m;
      else b = m;
    }
    const u = (x - xs[a]) / (xs[b] - xs[a]);
    return fs[a] + u * (fs[b] - fs[a]);
  };
}

/**
 * A law whose cdf is tabulated over mean ± `width`·sd (outside, the exact cdf is used), refined
 * over the law's `sharp` interval when it has one.
 */
export function tabulatedLaw(law: SpectralLaw, width = 12, nodes = 2049): SpectralLaw {
  const m = law.mean();
  const sd = Math.sqrt(law.variance());
  const lo = Math.max(0, m - width * sd);
  const hi = m + width * sd;
  return { ...law, cdf: tabulatedCdf((x) => law.cdf(x), lo, hi, nodes, law.sharp ? [law.sharp] : []) };
}

/**
 * sup_x |F_a(x) − F_b(x)| on a uniform grid of `points` + 1 values over b's mean ± `width` sd
 * (clipped at 0: the laws here live on [0, ∞)). A grid maximum, so a lower bound on the true
 * sup-distance, short of it by at most the largest change of |F_a − F_b| between grid points
 * (≲ (f_a + f_b)·step; ≈ 1e-3 of a unit-spread law at the defaults). Cost: 2(points + 1) cdf calls.
 */
export function supDistance(a: SpectralLaw, b: SpectralLaw, width = 8, points = 2000): number {
  const m = b.mean();
  const sd = Math.sqrt(b.variance());
  let D = 0;
  for (let i = 0; i <= points; i++) {
    const x = Math.max(0, m + sd * (-width + (2 * width * i) / points));
    D = Math.max(D, Math.abs(a.cdf(x) - b.cdf(x)));
  }
  return D;
}

/** The claim C2d as the suite states it (docs/theory.md#c2d); numbers quoted from the constants above. */
export const C2D_CLAIM: Claim = {
  id: 'C2d',
  title: 'Linear network, whitened data: the law of the spectrum',
  statement:
    'Over the teacher ensemble (C = I), a uniformly chosen nonzero eigenvalue of H(θ*) follows σ2²·χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) (MP with its atom at 0 for γ > 1), asymptotically in Nh, Ni at fixed γ; ' +
    `mean Nh(σ1² + σ2²), variance 2Nh·σ2⁴ + Nh(Ni + 1)·σ1⁴ at finite size (docs/theory.md: Nh·Ni·σ1⁴ in the limit), each within ±${MOMENT_Z} standard errors. ` +
    `KS at α = ${KS_ALPHA} per test; wrong neighbours ${C2D_NEIGHBOURS.map((w) => C2D_NEIGHBOUR_LABELS[w]).join(', ')} rejected.`,
  source: `${COUTO} (law as stated; finite-size variance derived)`,
  kind: 'statistical',
  testedIn: 'properties/C2d.spectralLaw.test.ts',
};
