/**
 * Measured against predicted loss curves, loss on a log axis by default: a gradient-descent
 * run and its eigenbasis prediction L_t = ½ Σ λᵢ cᵢ² (1 − ηλᵢ)^{2t} as lines (measured solid,
 * predicted dashed), one colour per case. Long runs are thinned to at most `maxPointsPerCurve`
 * points, evenly on the axis's own scale (log-spaced when logX), always keeping both ends.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { clampNote, logFloor } from './logFloor.js';
import { logAxis } from './logAxis.js';
import { PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';

export interface LossCurve {
  /** The case, e.g. "erf Ni=3 Nh=2, η = 0.5/λ_max"; measured and predicted of one case share it. */
  readonly label: string;
  readonly kind: 'measured' | 'predicted';
  /** Step (or time) of each point, ascending. */
  readonly t: ArrayLike<number>;
  readonly loss: ArrayLike<number>;
}

export interface LossCurvesOptions {
  readonly id: string;
  readonly title: string;
  /** @defaultValue true */
  readonly logY?: boolean;
  /** @defaultValue false */
  readonly logX?: boolean;
  /** @defaultValue 'gradient-descent step t (iterations)' */
  readonly xTitle?: string;
  /** @defaultValue 'loss L_t (½ mean squared error)' */
  readonly yTitle?: string;
  /** @defaultValue 300 */
  readonly maxPointsPerCurve?: number;
  readonly note?: string;
}

function thin(n: number, t: ArrayLike<number>, max: number, logX: boolean): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const keep = new Set<number>([0, n - 1]);
  if (logX) {
    // Indices whose t is closest to log-spaced targets.
    const t0 = Math.max(t[0], 1);
    const ratio = Math.log(t[n - 1] / t0);
    let j = 0;
    for (let k = 0; k < max; k++) {
      const target = t0 * Math.exp((ratio * k) / (max - 1));
      while (j < n - 1 && t[j] < target) j++;
      keep.add(j);
    }
  } else {
    for (let k = 0; k < max; k++) keep.add(Math.round(((n - 1) * k) / (max - 1)));
  }
  return [...keep].sort((a, b) => a - b);
}

export function lossCurves(curves: readonly LossCurve[], opts: LossCurvesOptions): VegaLiteFigure {
  if (curves.length === 0) throw new Error(`lossCurves(${opts.id}): pass at least one curve`);
  const logY = opts.logY ?? true;
  const logX = opts.logX ?? false;
  const max = opts.maxPointsPerCurve ?? 300;
  for (const c of curves) {
    if (c.t.length !== c.loss.length) throw new Error(`lossCurves(${opts.id}): curve "${c.label}" (${c.kind}) has ${c.t.length} steps but ${c.loss.length} losses`);
  }
  const floor = logY ? logFloor(curves.flatMap((c) => Array.from(c.loss))) : null;
  const values: Array<{ t: number; loss: number; case: string; kind: string }> = [];
  for (const c of curves) {
    for (const i of thin(c.t.length, c.t, max, logX)) {
      const t = c.t[i];
      if (logX && !(t > 0)) continue;
      values.push({ t, loss: floor ? floor.apply(c.loss[i]) : c.loss[i], case: c.label, kind: c.kind });
    }
  }
  const spec = {
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.8 },
    encoding: {
      x: { field: 't', type: 'quantitative', title: opts.xTitle ?? 'gradient-descent step t (iterations)', scale: { type: logX ? 'log' : 'linear' }, ...(logX ? { axis: logAxis(values.map((v) => v.t)) } : {}) },
      y: { field: 'loss', type: 'quantitative', title: opts.yTitle ?? `loss L_t (½ mean squared error${logY ? ', log scale' : ''})`, scale: { type: logY ? 'log' : 'linear' }, ...(logY ? { axis: logAxis(values.map((v) => v.loss)) } : {}) },
      color: { field: 'case', type: 'nominal', title: 'case' },
      strokeDash: { field: 'kind', type: 'nominal', title: 'curve', scale: { domain: ['measured', 'predicted'], range: [[1, 0], [6, 4]] } },
      detail: [{ field: 'case' }, { field: 'kind' }],
    },
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Measured (solid) and predicted (dashed) loss curves of ${new Set(curves.map((c) => c.label)).size} case(s)${logY ? ' on a log loss axis, where an exponential decay is a straight line whose slope is the late rate' : ''}.${floor ? clampNote(floor, 'losses') : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec(spec),
  };
}
