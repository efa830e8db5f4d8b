/**
 * A predicted curve y(x) (solid), optional competing curves (dashed: wrong neighbours), and
 * measured points with error bars, one colour per series (e.g. per size): "theory curve
 * against measurements", such as the BBP transition of a top eigenvalue against the spike.
 * An optional vertical rule marks a threshold (e.g. the BBP transition ℓ_c).
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { COLORS, PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';
import { WRAPPED_LABEL_EXPR } from './wrapLabel.js';

export interface CurveSeries {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Drawn dashed (a wrong neighbour). @defaultValue false */
  readonly dashed?: boolean;
}

export interface MeasuredPoint {
  readonly series: string;
  readonly x: number;
  readonly y: number;
  /** Error bar ends (e.g. mean ± sd); omitted: no bar. */
  readonly lo?: number;
  readonly hi?: number;
}

export interface CurveWithPointsOptions {
  readonly id: string;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly rule?: { readonly x: number; readonly label: string };
  readonly note?: string;
}

const PALETTE = [COLORS.measured, '#2ca02c', '#9467bd', '#8c564b', '#17becf'];
const CURVE_PALETTE = [COLORS.predicted, COLORS.neighbour, '#e377c2', '#7f7f7f'];

export function curveWithPoints(curves: readonly CurveSeries[], points: readonly MeasuredPoint[], opts: CurveWithPointsOptions): VegaLiteFigure {
  if (curves.length === 0) throw new Error(`curveWithPoints(${opts.id}): pass at least one curve`);
  for (const c of curves) if (c.x.length !== c.y.length) throw new Error(`curveWithPoints(${opts.id}): curve "${c.label}" has ${c.x.length} x but ${c.y.length} y values`);
  // A curve with no point in range (e.g. cut above the plotted range) is neither drawn nor listed.
  const drawn = curves.filter((c) => Array.from(c.y).some((v, i) => Number.isFinite(v) && Number.isFinite(c.x[i])));
  const dropped = curves.filter((c) => !drawn.includes(c));
  const lines = drawn.flatMap((c) => Array.from({ length: c.x.length }, (_, i) => ({ x: c.x[i], y: c.y[i], series: c.label, dashed: c.dashed ? 'dashed' : 'solid' })).filter((v) => Number.isFinite(v.x) && Number.isFinite(v.y)));
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const pointSeries = [...new Set(pts.map((p) => p.series))];
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [...drawn.map((c) => c.label), ...pointSeries], range: [...drawn.map((c) => CURVE_PALETTE[curves.indexOf(c) % CURVE_PALETTE.length]), ...pointSeries.map((_, i) => PALETTE[i % PALETTE.length])] },
    legend: { labelExpr: WRAPPED_LABEL_EXPR },
  } as const;
  const x = { field: 'x', type: 'quantitative', title: opts.xTitle, scale: { zero: false } } as const;
  const y = { field: 'y', type: 'quantitative', title: opts.yTitle, scale: { zero: false } } as const;
  const layers: object[] = [
    {
      data: { values: lines },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y, color, strokeDash: { field: 'dashed', type: 'nominal', legend: null, scale: { domain: ['solid', 'dashed'], range: [[1, 0], [6, 4]] } }, detail: { field: 'series' } },
    },
  ];
  const bars = pts.filter((p) => p.lo !== undefined && p.hi !== undefined);
  if (bars.length) {
    layers.push({ data: { values: bars }, mark: { type: 'rule', strokeWidth: 1.2 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color } });
  }
  layers.push({ data: { values: pts }, mark: { type: 'point', filled: true, size: 34, opacity: 0.85 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color } });
  if (opts.rule) {
    layers.push({
      data: { values: [{ x: opts.rule.x, label: opts.rule.label }] },
      layer: [
        { mark: { type: 'rule', strokeDash: [2, 3], color: COLORS.threshold }, encoding: { x: { field: 'x', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, y: 4, baseline: 'top', fontSize: 11 }, encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    });
  }
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Solid: ${drawn.filter((c) => !c.dashed).map((c) => c.label).join('; ')}${drawn.some((c) => c.dashed) ? `; dashed: ${drawn.filter((c) => c.dashed).map((c) => c.label).join('; ')}` : ''}.${dropped.length ? ` Not drawn (no value in the plotted range): ${dropped.map((c) => c.label).join('; ')}.` : ''} Points: ${pts.length} measurements${bars.length ? ' with error bars' : ''}.${opts.rule ? ` Dotted rule: ${opts.rule.label} at ${formatNumber(opts.rule.x)}.` : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({ width: PLOT_WIDTH, height: PLOT_HEIGHT, layer: layers }),
  };
}
