/**
 * p-values against α, per row, on an axis where both are readable. A log axis over every
 * p-value spans e.g. 1e-199 to 1 and squeezes the p-values that decide the verdict (0.1–0.9
 * under the right law) into a few pixels beside α; a linear one hides α at the edge. So the
 * axis is in two parts: logarithmic from a floor up to α (where the wrong neighbours'
 * rejections sit; anything below the floor is drawn at it, as a left-pointing triangle) and
 * linear from α to 1 (where p-values under a right theory are uniform), α at LOG_SHARE of the
 * width. Points right of α: not rejected.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { COLORS, PLOT_WIDTH } from './theme.js';
import { lineCount, wrapLabel, WRAPPED_LABEL_EXPR } from './wrapLabel.js';

export interface PValuePoint {
  readonly group: string;
  /** e.g. 'claimed law' or 'wrong neighbour (must be < α)'. */
  readonly series: string;
  readonly pValue: number;
}

export interface PValueStripOptions {
  readonly id: string;
  readonly title: string;
  readonly alpha: number;
  readonly note?: string;
}

/** Share of the axis given to the log part [floor, α]. */
const LOG_SHARE = 0.4;
/** The log part spans at most this many decades below α (smaller p-values sit at the floor). */
const MAX_DECADES = 12;

/** Position in [0, 1] of p on the two-part axis. */
export function pValuePosition(p: number, alpha: number, floor: number): number {
  if (p >= alpha) return LOG_SHARE + ((1 - LOG_SHARE) * (p - alpha)) / (1 - alpha);
  const lp = Math.log10(Math.max(p, floor));
  return (LOG_SHARE * (lp - Math.log10(floor))) / (Math.log10(alpha) - Math.log10(floor));
}

export function pValueStrip(points: readonly PValuePoint[], opts: PValueStripOptions): VegaLiteFigure {
  if (points.length === 0) throw new Error(`pValueStrip(${opts.id}): pass at least one point`);
  const { alpha } = opts;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`pValueStrip(${opts.id}): alpha must be in (0, 1), got ${alpha}`);
  const positive = points.map((p) => p.pValue).filter((p) => p > 0 && p < alpha);
  const lowest = positive.length ? Math.min(...positive) : alpha / 100;
  // Whole decades below α, at least two, at most MAX_DECADES.
  const decades = Math.min(MAX_DECADES, Math.max(2, Math.ceil(Math.log10(alpha / lowest))));
  const floor = alpha / 10 ** decades;
  const below = points.filter((p) => !(p.pValue >= floor)).length;
  const series = [...new Set(points.map((p) => p.series))];
  const palette = [COLORS.measured, COLORS.neighbour, '#9467bd', '#8c564b', '#e377c2'];
  const values = points.map((p, i) => ({
    group: wrapLabel(p.group, 30),
    series: p.series,
    u: pValuePosition(p.pValue, alpha, floor),
    clipped: p.pValue >= floor ? 'no' : 'yes',
    jitter: ((i * 0.6180339887) % 1) * 0.7 - 0.35,
  }));
  const lines = Math.max(...values.map((v) => lineCount(v.group)));
  // At most three labelled ticks in the log part: it has 40% of the width.
  const step = Math.max(1, Math.ceil(decades / 2));
  const logTicks = Array.from({ length: Math.floor(decades / step) + 1 }, (_, k) => alpha / 10 ** (decades - k * step)).filter((t) => t < alpha);
  const ticks = [...logTicks, alpha, ...[0.25, 0.5, 0.75, 1].filter((t) => t > alpha)];
  const positions = ticks.map((t) => pValuePosition(t, alpha, floor));
  const labels = ticks.map((t) => (t === alpha ? `α = ${formatNumber(alpha)}` : formatNumber(t)));
  // labelExpr: the tick's label by its position (positions are distinct by construction).
  const labelExpr = positions.reduceRight((acc, u, i) => `abs(datum.value - ${u}) < 1e-9 ? '${labels[i]}' : ${acc}`, "''");
  const spec = {
    width: PLOT_WIDTH - 40,
    height: { step: Math.max(40, 14 * lines + 12) },
    layer: [
      {
        data: { values },
        mark: { type: 'point', filled: true, opacity: 0.7 },
        encoding: {
          x: { field: 'u', type: 'quantitative', title: `p-value (log scale below α, linear above)`, scale: { domain: [0, 1], nice: false }, axis: { values: positions, labelExpr, labelOverlap: false, grid: true } },
          y: { field: 'group', type: 'nominal', title: null, sort: null, axis: { labelLimit: 0, labelExpr: WRAPPED_LABEL_EXPR } },
          yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-0.5, 0.5] } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: palette.slice(0, series.length) } },
          shape: { field: 'clipped', type: 'nominal', legend: null, scale: { domain: ['no', 'yes'], range: ['circle', 'triangle-left'] } },
          size: { condition: { test: "datum.clipped === 'yes'", value: 60 }, value: 26 },
        },
      },
      {
        data: { values: [{ u: LOG_SHARE }] },
        mark: { type: 'rule', strokeDash: [5, 3], color: COLORS.threshold, strokeWidth: 1.5 },
        encoding: { x: { field: 'u', type: 'quantitative' } },
      },
    ],
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Each point is one test's p-value; right of the dashed rule at α = ${formatNumber(alpha)} the law is not rejected. The axis is logarithmic from ${formatNumber(floor)} to α and linear from α to 1, so the p-values under the right law (spread over (0, 1)) and the wrong neighbours' (far below α) are both readable.${below ? ` ${below} p-value${below === 1 ? '' : 's'} below ${formatNumber(floor)} (down to exact 0 where the tail underflows) ${below === 1 ? 'is' : 'are'} drawn at the left edge as ◀.` : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec(spec),
  };
}
