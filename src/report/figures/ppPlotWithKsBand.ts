/**
 * P–P plot with the Kolmogorov–Smirnov acceptance band: for the sorted sample x₍ᵢ₎, the
 * point ((i − ½)/n, F(x₍ᵢ₎)) against the diagonal, with the band |y − x| ≤ d_α(n) − 1/(2n).
 * Since D_n = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n) = maxᵢ |F(x₍ᵢ₎) − (i − ½)/n| + 1/(2n),
 * every point lies inside the band exactly when D_n ≤ d_α(n), i.e. when the KS test does not
 * reject at level α. The caption carries D_n and the exact p-value. Optional further laws
 * (`others`, e.g. a wrong neighbour) put the SAME sample through the same test: their points are
 * drawn in their own colour against the same band, and the caption gives their D and p.
 * `ppPlotFromPoints` draws the same figure from points, D, p and the band recorded elsewhere (a
 * claim's evidence).
 */
import { ksOneSample } from '../../stats/kolmogorov.js';
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { ksCriticalValue } from './ksCriticalValue.js';
import { COLORS, PLOT_HEIGHT } from './theme.js';

export interface PpPlotOptions {
  readonly id: string;
  readonly title: string;
  /** Significance level of the band. */
  readonly alpha: number;
  /** Name of the null law in the legend, e.g. "σ2²χ²(Nh) ⊛ Nh·σ1²·MP(γ)". @defaultValue 'predicted law' */
  readonly lawLabel?: string;
  /** Most points drawn; larger samples are thinned evenly (the statistic uses all). @defaultValue 400 */
  readonly maxPoints?: number;
  /** Further laws to test the same sample against, drawn in their own colour. @defaultValue [] */
  readonly others?: ReadonlyArray<{ readonly label: string; readonly cdf: (x: number) => number }>;
}

export interface PpPlotResult {
  readonly figure: VegaLiteFigure;
  readonly D: number;
  readonly pValue: number;
  readonly critical: number;
  /** D and p of each of `others`, in order. */
  readonly others: ReadonlyArray<{ readonly label: string; readonly D: number; readonly pValue: number }>;
}

export function ppPlotWithKsBand(samples: ArrayLike<number>, cdf: (x: number) => number, opts: PpPlotOptions): PpPlotResult {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  if (n === 0) throw new Error(`ppPlotWithKsBand(${opts.id}): samples must not be empty`);
  const ks = ksOneSample(xs, cdf);
  const d = ksCriticalValue(n, opts.alpha);
  const law = opts.lawLabel ?? 'predicted law';
  const step = Math.max(1, Math.ceil(n / (opts.maxPoints ?? 400)));
  // Thinning keeps every step-th point and always the worst one, so a rejection stays visible.
  const pointsOf = (F: readonly number[]): PpPoint[] => {
    let worst = 0;
    for (let i = 1; i < n; i++) if (Math.abs(F[i] - (i + 0.5) / n) > Math.abs(F[worst] - (worst + 0.5) / n)) worst = i;
    const out: PpPoint[] = [];
    for (let i = 0; i < n; i++) if (i % step === 0 || i === worst) out.push({ empirical: (i + 0.5) / n, theoretical: F[i] });
    return out;
  };
  const others = opts.others ?? [];
  const otherSeries = others.map((o) => {
    const r = ksOneSample(xs, o.cdf);
    return { label: o.label, points: pointsOf(Array.from(xs, (x) => o.cdf(x))), D: r.D, pValue: r.pValue };
  });
  const figure = ppPlotFromPoints(
    { n, alpha: opts.alpha, bandHalfWidth: Math.max(0, d - 1 / (2 * n)), law: { label: law, points: pointsOf(Array.from(xs, (x) => cdf(x))), D: ks.D, pValue: ks.pValue }, others: otherSeries },
    { id: opts.id, title: opts.title, thinning: step > 1 ? `Every ${step}th point drawn.` : undefined },
  );
  return { D: ks.D, pValue: ks.pValue, critical: d, others: otherSeries.map((o) => ({ label: o.label, D: o.D, pValue: o.pValue })), figure };
}

/** One point of a P–P plot: x = (i − ½)/n for the i-th order statistic (1-based), y = F(x₍ᵢ₎). */
export interface PpPoint {
  readonly empirical: number;
  readonly theoretical: number;
}

/** One law's points with its KS statistic and p-value. */
export interface PpSeries {
  readonly label: string;
  readonly points: readonly PpPoint[];
  readonly D: number;
  readonly pValue: number;
}

export interface PpPlotData {
  /** Sample size of the test. */
  readonly n: number;
  readonly alpha: number;
  /** The band |y − x| ≤ bandHalfWidth = d_α(n) − 1/(2n) (ksCriticalValue). */
  readonly bandHalfWidth: number;
  /** The law under test. */
  readonly law: PpSeries;
  /** Further laws put through the same test, in their own colour. */
  readonly others: readonly PpSeries[];
}

/** The P–P figure from recorded points; `thinning` says which points are drawn, when not all. */
export function ppPlotFromPoints(data: PpPlotData, opts: { readonly id: string; readonly title: string; readonly thinning?: string }): VegaLiteFigure {
  const { n, alpha, bandHalfWidth: half } = data;
  if (!(n >= 1) || !(half >= 0)) throw new Error(`ppPlotFromPoints(${opts.id}): pass n ≥ 1 and a band half-width ≥ 0 (got n ${n}, half-width ${half})`);
  const law = data.law.label;
  const others = data.others;
  const otherSeries = others.map((o) => `sample against ${o.label}`);
  const sampleSeries = others.length ? `sample against ${law}` : 'sample';
  const points = [
    ...data.law.points.map((p) => ({ ...p, series: sampleSeries })),
    ...others.flatMap((o, k) => o.points.map((p) => ({ ...p, series: otherSeries[k] }))),
  ];
  const d = half + 1 / (2 * n);
  const OTHER_COLORS = [COLORS.neighbour, '#9467bd', '#8c564b', '#7f7f7f'];
  const band = Array.from({ length: 101 }, (_, i) => i / 100).map((p) => ({ p, lo: Math.max(0, p - half), hi: Math.min(1, p + half) }));
  const bandLabel = `KS band, α = ${formatNumber(alpha)} (±${formatNumber(half)})`;
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: [sampleSeries, ...otherSeries, 'y = x (exact fit)', bandLabel], range: [COLORS.measured, ...otherSeries.map((_, i) => OTHER_COLORS[i % OTHER_COLORS.length]), COLORS.threshold, COLORS.band] } } as const;
  const axis = { type: 'quantitative', scale: { domain: [0, 1] } } as const;
  const spec = {
    width: PLOT_HEIGHT + 40,
    height: PLOT_HEIGHT + 40,
    layer: [
      {
        data: { values: band.map((b) => ({ ...b, series: bandLabel })) },
        mark: { type: 'area', opacity: 0.5 },
        encoding: { x: { field: 'p', ...axis, title: 'empirical probability (i − ½)/n' }, y: { field: 'lo', ...axis, title: `predicted cdf F(x₍ᵢ₎) (probability)` }, y2: { field: 'hi' }, color },
      },
      {
        data: { values: [{ p: 0, series: 'y = x (exact fit)' }, { p: 1, series: 'y = x (exact fit)' }] },
        mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x: { field: 'p', ...axis }, y: { field: 'p', ...axis }, color },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 14 },
        encoding: { x: { field: 'empirical', ...axis }, y: { field: 'theoretical', ...axis }, color },
      },
    ],
  };
  const verdict = data.law.pValue < alpha ? 'rejected' : 'not rejected';
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `P–P plot of ${n} samples against ${law}: D = ${formatNumber(data.law.D)}, exact p = ${formatNumber(data.law.pValue)} (${verdict} at α = ${formatNumber(alpha)}; critical D = ${formatNumber(d)}). Points outside the shaded band are a KS rejection.${others.map((o) => ` Against ${o.label}: D = ${formatNumber(o.D)}, p = ${formatNumber(o.pValue)} (${o.pValue < alpha ? 'rejected' : 'not rejected'}).`).join('')}${opts.thinning ? ` ${opts.thinning}` : ''}`,
    spec: asSpec(spec),
  };
}
