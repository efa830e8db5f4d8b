/**
 * What the law figures of a KS case draw (properties/hooks/lawFigures.ts), recorded from the
 * property's own sample and laws so the report never regenerates either:
 *  - histogram: the sample's range [lo, hi] in HISTOGRAM bins (⌈√n⌉ clamped to [8, 50]) and the
 *    count per bin;
 *  - each law's density AVERAGED OVER ONE BIN, (F(x + w/2) − F(x − w/2))/w (w the bin width: the
 *    expected bar height of a bin centred at x), at DENSITY_GRID + 1 equally spaced x. Needs only
 *    the cdf (the C2e law is tabulated; C2d's χ²-smeared atom at γ > 1 is far narrower than a
 *    bin), and a correct law's curve passes through the bars up to sampling noise;
 *  - P–P: F(x₍ᵢ₎) of each law at the sorted sample's ranks i = every step-th (step chosen so at
 *    most PP_MAX_POINTS ranks are kept) plus each law's worst rank (so a rejection stays
 *    visible), and the KS band's half-width d_α(n) − 1/(2n) (src/report ksCriticalValue).
 * Figure-only values (densities, F) are kept to FIGURE_DIGITS significant digits; nothing here
 * decides a verdict. Size: ≤ 50 counts + (DENSITY_GRID + 1 + PP_MAX_POINTS) numbers per law.
 */
import { ksCriticalValue } from '../../src/report/figures/ksCriticalValue.js';
import type { LawFigureData } from '../evidence/ks.js';

/** Intervals of the density grid (DENSITY_GRID + 1 points: two per bin at the 50-bin maximum). */
export const DENSITY_GRID = 100;
/** Most P–P ranks kept (all laws share them). */
export const PP_MAX_POINTS = 200;
/** Significant digits of figure-only numbers (a plot resolves ~1e-3 of its range). */
export const FIGURE_DIGITS = 4;

/** Bins of the histogram: ⌈√n⌉ clamped to [8, 50] (histogramWithDensity's default). */
export function binCount(n: number): number {
  return Math.min(50, Math.max(8, Math.ceil(Math.sqrt(n))));
}

const fig = (v: number) => Number(v.toPrecision(FIGURE_DIGITS));

export interface FigureLawInput {
  /** 'claimed' or the neighbour's name. */
  readonly name: string;
  readonly cdf: (x: number) => number;
}

/** The figure data of one sample against `laws` (the claimed law first), at KS level `alpha`. */
export function lawFigureData(sample: ArrayLike<number>, laws: readonly FigureLawInput[], alpha: number): LawFigureData {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  if (n === 0) throw new Error('lawFigureData: field `sample` must not be empty');
  if (laws.length === 0) throw new Error('lawFigureData: field `laws` must hold the claimed law');
  const lo = xs[0];
  const hi = xs[n - 1];
  // As histogramWithDensity: a degenerate range gets a small positive span.
  const span = hi > lo ? hi - lo : Math.max(Math.abs(lo), 1) * 1e-3;
  const bins = binCount(n);
  const w = span / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of xs) counts[Math.min(bins - 1, Math.floor((x - lo) / w))]++;

  const step = Math.max(1, Math.ceil(n / (PP_MAX_POINTS - laws.length)));
  const F = laws.map((law) => Array.from(xs, (x) => law.cdf(x)));
  const keep = new Set<number>();
  for (let i = 0; i < n; i += step) keep.add(i);
  for (const f of F) {
    let worst = 0;
    for (let i = 1; i < n; i++) if (Math.abs(f[i] - (i + 0.5) / n) > Math.abs(f[worst] - (worst + 0.5) / n)) worst = i;
    keep.add(worst);
  }
  const rank = [...keep].sort((a, b) => a - b);

  return {
    histogram: { lo, hi: lo + span, counts, grid: DENSITY_GRID },
    pp: { rank, bandHalfWidth: Math.max(0, ksCriticalValue(n, alpha) - 1 / (2 * n)) },
    laws: laws.map((law, k) => ({
      name: law.name,
      density: Array.from({ length: DENSITY_GRID + 1 }, (_, j) => {
        const x = lo + (span * j) / DENSITY_GRID;
        return fig((law.cdf(x + w / 2) - law.cdf(x - w / 2)) / w);
      }),
      cdf: rank.map((i) => fig(F[k][i])),
    })),
  };
}
