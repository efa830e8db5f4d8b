/**
 * Shared by the law claims (C2d, C2e): the eigenvalue histogram against the predicted density
 * and the P–P plot with the KS band, for one case, drawn from what the property recorded
 * (LawFigureData, properties/definitions/lawFigureData.ts): bin counts, each law's bin-averaged
 * density on a grid, F(x₍ᵢ₎) at kept ranks and the band's half-width; D and p from the case's
 * KsTest (the numbers that decided it, computed with the tabulated cdfs). Nothing is recomputed.
 *
 * The density drawn over the histogram is the law's density AVERAGED OVER ONE BIN (the
 * expected bar height of a bin centred at x), so a correct law's curve passes through the
 * bars up to sampling noise.
 */
import { formatNumber } from '../../src/report/figures/format.js';
import { binnedHistogramWithDensity, type DensityCurve } from '../../src/report/figures/histogramWithDensity.js';
import { ppPlotFromPoints, type PpSeries } from '../../src/report/figures/ppPlotWithKsBand.js';
import type { Figure } from '../../src/report/figures/figure.js';
import type { FigureLaw, KsTest, LawFigureData } from '../evidence/ks.js';

export interface LawFigureInput {
  /** Figure id prefix, e.g. "c2d-gamma-4". */
  readonly id: string;
  /** Title prefix, e.g. "C2d, γ = 4 (Nh = 16, Ni = 64)". */
  readonly title: string;
  readonly data: LawFigureData;
  readonly ks: KsTest;
  /** Legend label of the claimed law. */
  readonly claimedLabel: string;
  /** Legend label of another law by its recorded name. */
  readonly labelOf: (name: string) => string;
  readonly xTitle: string;
}

function curveOf(data: LawFigureData, law: FigureLaw): DensityCurve {
  const { lo, hi, grid } = data.histogram;
  return { x: law.density.map((_, j) => lo + ((hi - lo) * j) / grid), density: law.density };
}

export function lawFigures(input: LawFigureInput): Figure[] {
  const { data, ks } = input;
  const n = ks.n;
  const [claimed, ...others] = data.laws;
  const seriesOf = (law: FigureLaw, label: string, D: number, pValue: number): PpSeries => ({
    label,
    D,
    pValue,
    points: data.pp.rank.map((i, k) => ({ empirical: (i + 0.5) / n, theoretical: law.cdf[k] })),
  });
  // Every other law drawn is a neighbour of the same test (the definitions record both together).
  const tested = others.flatMap((o) => {
    const w = ks.neighbours.find((x) => x.name === o.name);
    return w ? [{ law: o, w }] : [];
  });
  const otherSeries = tested.map(({ law, w }) => seriesOf(law, input.labelOf(law.name), w.D, w.pValue));
  const pp = ppPlotFromPoints(
    { n, alpha: ks.alpha, bandHalfWidth: data.pp.bandHalfWidth, law: seriesOf(claimed, input.claimedLabel, ks.D, ks.pValue), others: otherSeries },
    {
      id: `${input.id}-pp`,
      title: `${input.title}: P–P plot against the right law, KS band at α = ${formatNumber(ks.alpha)}`,
      thinning: data.pp.rank.length < n ? `${data.pp.rank.length} of the ${n} points drawn (evenly spaced ranks and each law's worst).` : undefined,
    },
  );
  const { lo, hi, counts } = data.histogram;
  const hist = binnedHistogramWithDensity({ lo, width: (hi - lo) / counts.length, counts, n }, curveOf(data, claimed), {
    id: `${input.id}-histogram`,
    title: `${input.title}: eigenvalue histogram against the predicted density`,
    xTitle: input.xTitle,
    sampleLabel: `i.i.d. sample (n = ${n}, one eigenvalue per draw)`,
    densityLabel: `${input.claimedLabel} (right law)`,
    others: tested.map(({ law }) => ({ label: input.labelOf(law.name), curve: curveOf(data, law) })),
    note: `Curves are each law's density averaged over one bin width (the expected bar height), from its cdf. KS against the right law: p = ${formatNumber(ks.pValue)} (α = ${formatNumber(ks.alpha)}; tabulated cdf).`,
  });
  return [hist, pp];
}
