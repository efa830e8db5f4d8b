/**
 * Histogram of samples, normalised as a density (count / (n · bin width), so its area is 1),
 * overlaid with a predicted density curve: "eigenvalue histogram against the predicted law".
 * An optional atom (point mass, e.g. Marchenko–Pastur's mass 1 − 1/γ at 0) is drawn as a
 * labelled rule, since a density cannot show it. Optional further densities (`others`, e.g. a
 * wrong neighbour's) are drawn dashed, one colour each. `binnedHistogramWithDensity` draws the
 * same figure from counts and curve points already recorded (a claim's evidence).
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { COLORS, PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';

export interface HistogramWithDensityOptions {
  readonly id: string;
  readonly title: string;
  /** x axis title with units, e.g. "eigenvalue λ of H(θ*) (loss / parameter²)". */
  readonly xTitle: string;
  /** @defaultValue 'probability density (per unit of x)' */
  readonly yTitle?: string;
  /** @defaultValue 'measured' */
  readonly sampleLabel?: string;
  /** @defaultValue 'predicted density' */
  readonly densityLabel?: string;
  /** Number of equal-width bins. @defaultValue ⌈√n⌉ clamped to [8, 50] */
  readonly bins?: number;
  /** x range of the histogram and the curve. @defaultValue [min, max] of the samples */
  readonly domain?: readonly [number, number];
  /** Points at which the density is evaluated. @defaultValue 200 */
  readonly gridPoints?: number;
  readonly atom?: { readonly at: number; readonly mass: number };
  /** Further densities drawn dashed (e.g. a wrong neighbour or a competing law). @defaultValue [] */
  readonly others?: ReadonlyArray<{ readonly label: string; readonly density: (x: number) => number }>;
  /** Extra caption text (e.g. the test's p-value). */
  readonly note?: string;
}

export function histogramWithDensity(samples: ArrayLike<number>, density: (x: number) => number, opts: HistogramWithDensityOptions): VegaLiteFigure {
  const xs = Array.from(samples).filter(Number.isFinite);
  if (xs.length === 0) throw new Error(`histogramWithDensity(${opts.id}): samples must contain at least one finite number`);
  const n = xs.length;
  const [lo, hi] = opts.domain ?? [Math.min(...xs), Math.max(...xs)];
  const span = hi > lo ? hi - lo : Math.max(Math.abs(lo), 1) * 1e-3;
  const bins = opts.bins ?? Math.min(50, Math.max(8, Math.ceil(Math.sqrt(n))));
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`histogramWithDensity(${opts.id}): bins must be a positive integer, got ${bins}`);
  const width = span / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of xs) {
    if (x < lo || x > lo + span) continue;
    counts[Math.min(bins - 1, Math.floor((x - lo) / width))]++;
  }
  const m = opts.gridPoints ?? 200;
  const curveOf = (f: (x: number) => number): DensityCurve => {
    const x: number[] = [];
    const d: number[] = [];
    for (let i = 0; i <= m; i++) {
      const v = lo + (span * i) / m;
      const fv = f(v);
      if (Number.isFinite(fv)) {
        x.push(v);
        d.push(fv);
      }
    }
    return { x, density: d };
  };
  return binnedHistogramWithDensity({ lo, width, counts, n }, curveOf(density), { ...opts, others: (opts.others ?? []).map((o) => ({ label: o.label, curve: curveOf(o.density) })) });
}

/** Bins already counted: `counts[i]` draws in [lo + i·width, lo + (i + 1)·width) (the last bin closed), of `n` draws in all. */
export interface BinnedSample {
  readonly lo: number;
  readonly width: number;
  readonly counts: readonly number[];
  /** Draws in all (the bars are count / (n · width)); may exceed Σ counts when draws fell outside. */
  readonly n: number;
}

/** A density curve as points (x ascending). */
export interface DensityCurve {
  readonly x: readonly number[];
  readonly density: readonly number[];
}

export type BinnedHistogramOptions = Omit<HistogramWithDensityOptions, 'bins' | 'domain' | 'gridPoints' | 'others'> & {
  /** Further densities drawn dashed. @defaultValue [] */
  readonly others?: ReadonlyArray<{ readonly label: string; readonly curve: DensityCurve }>;
};

/**
 * The same figure from counts and curve points recorded elsewhere (a claim's evidence), so a
 * report can be drawn without its samples or laws.
 */
export function binnedHistogramWithDensity(binned: BinnedSample, density: DensityCurve, opts: BinnedHistogramOptions): VegaLiteFigure {
  const { lo, width, counts, n } = binned;
  const bins = counts.length;
  if (bins < 1 || !(width > 0) || !Number.isFinite(lo) || !(n >= 1)) throw new Error(`binnedHistogramWithDensity(${opts.id}): pass at least one bin, a finite lo, a width > 0 and n ≥ 1 (got ${bins} bins, lo ${lo}, width ${width}, n ${n})`);
  const span = width * bins;
  const sampleLabel = opts.sampleLabel ?? 'measured';
  const densityLabel = opts.densityLabel ?? 'predicted density';
  const bars = counts.map((c, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, density: c / (n * width), series: sampleLabel }));
  const others = opts.others ?? [];
  const OTHER_COLORS = [COLORS.neighbour, '#9467bd', '#8c564b', '#7f7f7f'];
  const pointsOf = (c: DensityCurve, series: string) => {
    if (c.x.length !== c.density.length) throw new Error(`binnedHistogramWithDensity(${opts.id}): curve '${series}' has ${c.x.length} x but ${c.density.length} densities`);
    return c.x.map((x, i) => ({ x, density: c.density[i], series }));
  };
  const curve = pointsOf(density, densityLabel);
  const otherCurves = others.flatMap((o) => pointsOf(o.curve, o.label));
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [sampleLabel, densityLabel, ...others.map((o) => o.label)], range: [COLORS.band, COLORS.predicted, ...others.map((_, i) => OTHER_COLORS[i % OTHER_COLORS.length])] },
  } as const;
  const layers: object[] = [
    {
      data: { values: bars },
      mark: { type: 'rect', stroke: COLORS.measured, strokeWidth: 0.5 },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: opts.xTitle, scale: { domain: [lo, lo + span], nice: false } },
        x2: { field: 'x1' },
        y: { field: 'density', type: 'quantitative', title: opts.yTitle ?? 'probability density (per unit of x)' },
        color,
      },
    },
    {
      data: { values: curve },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' }, color },
    },
  ];
  if (otherCurves.length) {
    layers.push({
      data: { values: otherCurves },
      mark: { type: 'line', strokeWidth: 1.8, strokeDash: [6, 4] },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'density', type: 'quantitative' }, color, detail: { field: 'series' } },
    });
  }
  if (opts.atom) {
    layers.push({
      data: { values: [{ x: opts.atom.at, label: `atom: mass ${formatNumber(opts.atom.mass)} at ${formatNumber(opts.atom.at)}` }] },
      layer: [
        { mark: { type: 'rule', color: COLORS.predicted, strokeDash: [4, 3], strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -4, y: 0, baseline: 'top', fontSize: 11 }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    });
  }
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Histogram of ${n} samples in ${bins} bins, scaled to unit area, against the predicted density${others.length ? ` (dashed: ${others.map((o) => o.label).join('; ')})` : ''}.${opts.atom ? ' The dashed rule is the point mass the density cannot show.' : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({ width: PLOT_WIDTH, height: PLOT_HEIGHT, layer: layers }),
  };
}
