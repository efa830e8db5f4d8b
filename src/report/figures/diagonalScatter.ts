/**
 * Predicted (x) against measured (y) with the line y = x: agreement is a point on the line.
 * Linear, log or symlog axes (symlog for signed values spanning decades, e.g. most-negative
 * eigenvalues).
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { clampNote, logFloor } from './logFloor.js';
import { logAxis } from './logAxis.js';
import { FAILURE_SERIES } from './ratioStrip.js';
import { COLORS, PLOT_HEIGHT } from './theme.js';
import { WRAPPED_LABEL_EXPR } from './wrapLabel.js';

export interface DiagonalPoint {
  readonly x: number;
  readonly y: number;
  /** Colour group, e.g. the case. @defaultValue 'cases' */
  readonly series?: string;
}

export interface DiagonalScatterOptions {
  readonly id: string;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** @defaultValue 'linear' */
  readonly scale?: 'linear' | 'log' | 'symlog';
  /** @defaultValue 'y = x' */
  readonly diagonalLabel?: string;
  /** Further reference lines y = factor·x (e.g. a predicted shrinkage), dotted, each in its own colour and legend entry. */
  readonly lines?: ReadonlyArray<{ readonly factor: number; readonly label: string }>;
  readonly note?: string;
}

export function diagonalScatter(points: readonly DiagonalPoint[], opts: DiagonalScatterOptions): VegaLiteFigure {
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (finite.length === 0) throw new Error(`diagonalScatter(${opts.id}): pass at least one point with finite x and y`);
  const type = opts.scale ?? 'linear';
  const floor = type === 'log' ? logFloor(finite.flatMap((p) => [p.x, p.y])) : null;
  const values = finite.map((p) => ({ x: floor ? floor.apply(p.x) : p.x, y: floor ? floor.apply(p.y) : p.y, series: p.series ?? 'cases' }));
  const all = values.flatMap((v) => [v.x, v.y]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const diag = opts.diagonalLabel ?? 'y = x';
  const line = Array.from({ length: 50 }, (_, i) => {
    const v = type === 'log' ? lo * Math.pow(hi / lo, i / 49) : lo + ((hi - lo) * i) / 49;
    return { x: v, y: v, series: diag };
  });
  const series = [...new Set(values.map((v) => v.series))];
  const palette = [COLORS.measured, COLORS.neighbour, '#9467bd', '#2ca02c', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];
  const refs = opts.lines ?? [];
  const refPoints = refs.flatMap((r) => line.map((p) => ({ x: p.x, y: r.factor * p.y, series: r.label })));
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [...series, diag, ...refs.map((r) => r.label)], range: [...series.map((s, i) => (s === FAILURE_SERIES ? COLORS.fail : palette[i % palette.length])), COLORS.threshold, ...refs.map((_, i) => palette[(series.length + i) % palette.length])] },
    legend: { labelExpr: WRAPPED_LABEL_EXPR },
  } as const;
  const scale = { type, ...(type === 'linear' ? { zero: false } : {}) };
  const axis = type === 'log' ? logAxis(all) : {};
  const spec = {
    width: PLOT_HEIGHT + 60,
    height: PLOT_HEIGHT + 60,
    layer: [
      { data: { values: line }, mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1 }, encoding: { x: { field: 'x', type: 'quantitative', scale, axis, title: opts.xTitle }, y: { field: 'y', type: 'quantitative', scale, axis, title: opts.yTitle }, color } },
      ...(refPoints.length ? [{ data: { values: refPoints }, mark: { type: 'line', strokeDash: [2, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale }, color, detail: { field: 'series' } } }] : []),
      { data: { values }, mark: { type: 'point', filled: true, opacity: 0.7 }, encoding: { x: { field: 'x', type: 'quantitative', scale }, y: { field: 'y', type: 'quantitative', scale }, color, size: { condition: { test: `datum.series === '${FAILURE_SERIES}'`, value: 80 }, value: 26 } } },
    ],
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    ...(series.includes(FAILURE_SERIES) ? { showsFailure: true } : {}),
    caption: `${finite.length} points; the dashed line is ${diag}${refs.length ? `; dotted: ${refs.map((r) => r.label).join('; ')}` : ''}.${series.includes(FAILURE_SERIES) ? ' The large red point is the shrunk counterexample of the failure.' : ''}${floor ? clampNote(floor) : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec(spec),
  };
}
