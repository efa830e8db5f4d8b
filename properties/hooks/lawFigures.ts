/**
 * Shared by the law claims (C2d, C2e): the eigenvalue histogram against the predicted density
 * and the P–P plot with the KS band, for one i.i.d. sample regenerated from a case's
 * configuration by the property's own sampler (same seed, same stream: the figure's KS p-value
 * is the recorded one up to the cdf's tabulation error ≤ 1e-5, see theory/spectralLaw.ts), and
 * the key number "smallest p under the right law vs α; largest p of a wrong neighbour".
 *
 * The density drawn over the histogram is the law's density AVERAGED OVER ONE BIN, computed from
 * its cdf as (F(x + w/2) − F(x − w/2))/w (w the bin width): the expected bar height of a bin
 * centred at x. It needs only the cdf (the C2e law is tabulated, C2d's χ²-smeared atom at
 * γ > 1 is far narrower than a bin), and a correct law's curve passes through the bars up to
 * sampling noise.
 */
import { formatNumber } from '../../src/report/figures/format.js';
import { histogramWithDensity } from '../../src/report/figures/histogramWithDensity.js';
import { ppPlotWithKsBand } from '../../src/report/figures/ppPlotWithKsBand.js';
import type { Figure } from '../../src/report/figures/figure.js';
import type { KeyNumber } from '../../src/report/types.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';

export interface LawCurve {
  readonly label: string;
  readonly cdf: (x: number) => number;
}

export interface LawFigureInput {
  /** Figure id prefix, e.g. "c2d-gamma-4". */
  readonly id: string;
  /** Title prefix, e.g. "C2d, γ = 4 (Nh = 16, Ni = 64)". */
  readonly title: string;
  readonly sample: Float64Array;
  readonly right: LawCurve;
  /** Laws drawn dashed and put through the same test (wrong neighbours, competing laws). */
  readonly others: readonly LawCurve[];
  readonly alpha: number;
  /** The p-value the property recorded for this sample under the right law (shown beside the figure's). */
  readonly recordedP: number | null;
  readonly xTitle: string;
}

/** Bins of the histogram: ⌈√n⌉ clamped to [8, 50] (as histogramWithDensity's default). */
function binCount(n: number): number {
  return Math.min(50, Math.max(8, Math.ceil(Math.sqrt(n))));
}

/** The law's density averaged over a window of width w centred at x, from its cdf. */
export function binAveragedDensity(cdf: (x: number) => number, w: number): (x: number) => number {
  return (x) => (cdf(x + w / 2) - cdf(x - w / 2)) / w;
}

export function lawFigures(input: LawFigureInput): Figure[] {
  const xs = input.sample;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of xs) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const bins = binCount(xs.length);
  const w = (hi - lo) / bins;
  const pp = ppPlotWithKsBand(xs, input.right.cdf, {
    id: `${input.id}-pp`,
    title: `${input.title}: P–P plot against the right law, KS band at α = ${formatNumber(input.alpha)}`,
    alpha: input.alpha,
    lawLabel: input.right.label,
    others: input.others,
  });
  const recorded = input.recordedP === null ? '' : ` The property recorded p = ${formatNumber(input.recordedP)} for this sample (tabulated cdf).`;
  const hist = histogramWithDensity(xs, binAveragedDensity(input.right.cdf, w), {
    id: `${input.id}-histogram`,
    title: `${input.title}: eigenvalue histogram against the predicted density`,
    xTitle: input.xTitle,
    bins,
    domain: [lo, hi],
    sampleLabel: `i.i.d. sample (n = ${xs.length}, one eigenvalue per draw)`,
    densityLabel: `${input.right.label} (right law)`,
    others: input.others.map((o) => ({ label: o.label, density: binAveragedDensity(o.cdf, w) })),
    note: `Curves are each law's density averaged over one bin width (the expected bar height), from its cdf. KS against the right law: p = ${formatNumber(pp.pValue)} (α = ${formatNumber(input.alpha)}).${recorded}`,
  });
  return [hist, pp.figure];
}

/** Key number of a KS claim: min p under the right law vs α, with the wrong neighbours' max p. */
export function lawKeyNumber(rightP: readonly number[], wrongP: readonly number[], alpha: number): KeyNumber {
  if (rightP.length === 0) return keyNumberOf('smallest p-value under the right law', null, 'no KS test run');
  const minP = Math.min(...rightP);
  const wrong = wrongP.length ? `; largest wrong-neighbour p ${formatNumber(Math.max(...wrongP))} (must be < α)` : '';
  return keyNumberOf(`smallest p-value under the right law (must be ≥ α = ${formatNumber(alpha)})`, minP, `${formatNumber(minP)}${wrong}`);
}
