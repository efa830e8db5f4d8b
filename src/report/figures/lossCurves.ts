/**
 * Lines against a step or size, loss on a log axis by default: one colour per case, one dash
 * per kind of line. By default the kinds are 'measured' (solid) and 'predicted' (dashed), e.g.
 * a gradient-descent run and its eigenbasis prediction L_t = ½ Σ λ_i c_i² (1 − ηλ_i)^{2t}; a
 * figure of other lines (a quantity against width, the loss along a line between two networks)
 * names its own kinds (`kinds`) and says what its lines are (`describe`), so the caption and
 * the legend list exactly what is drawn. Long runs are thinned to at most `maxPointsPerCurve`
 * points, evenly on the axis's own scale (log-spaced when logX), always keeping both ends.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { clampNote, logFloor } from './logFloor.js';
import { logAxis } from './logAxis.js';
import { PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';
import { wrapLabel, WRAPPED_LABEL_EXPR } from './wrapLabel.js';

function defaultDescription(kinds: readonly string[], cases: number, logY: boolean): string {
  const what = kinds.length === 2 ? 'Measured (solid) and predicted (dashed) loss' : kinds[0] === 'predicted' ? 'Predicted loss' : 'Measured loss';
  return `${what} of ${cases} case${cases === 1 ? '' : 's'}${logY ? ' on a log loss axis, where an exponential decay is a straight line whose slope is the late rate' : ''}.`;
}

export interface LossCurve {
  /** The case, e.g. "erf Ni=3 Nh=2, η = 0.5/λ_max"; measured and predicted of one case share it. */
  readonly label: string;
  /** Which kind of line (its dash): 'measured' and 'predicted' by default, or one of `kinds`. */
  readonly kind: string;
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
  /** @defaultValue 120 (a line of 120 points is smooth at the plot's width) */
  readonly maxPointsPerCurve?: number;
  /** Kinds of line in legend order, each drawn with its own dash (solid, dashed, dotted, dash-dot). @defaultValue ['measured', 'predicted'] */
  readonly kinds?: readonly string[];
  /** First sentence of the caption: what the lines are. @defaultValue measured (solid) and predicted (dashed) loss curves */
  readonly describe?: string;
  /** Legend title of the colours. @defaultValue 'case' */
  readonly colorTitle?: string;
  readonly note?: string;
}

const DASHES = [[1, 0], [6, 4], [2, 3], [8, 3, 2, 3]];

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
  const max = opts.maxPointsPerCurve ?? 120;
  const allKinds = opts.kinds ?? ['measured', 'predicted'];
  const kinds = allKinds.filter((k) => curves.some((c) => c.kind === k));
  for (const c of curves) if (!allKinds.includes(c.kind)) throw new Error(`lossCurves(${opts.id}): curve "${c.label}" has kind "${c.kind}", not one of ${allKinds.join(', ')}`);
  for (const c of curves) {
    if (c.t.length !== c.loss.length) throw new Error(`lossCurves(${opts.id}): curve "${c.label}" (${c.kind}) has ${c.t.length} steps but ${c.loss.length} losses`);
  }
  const floor = logY ? logFloor(curves.flatMap((c) => Array.from(c.loss))) : null;
  const values: Array<{ t: number; loss: number; case: string; kind: string }> = [];
  for (const c of curves) {
    for (const i of thin(c.t.length, c.t, max, logX)) {
      const t = c.t[i];
      if (logX && !(t > 0)) continue;
      values.push({ t, loss: floor ? floor.apply(c.loss[i]) : c.loss[i], case: wrapLabel(c.label, 60), kind: c.kind });
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
      color: { field: 'case', type: 'nominal', title: opts.colorTitle ?? 'case', legend: { labelExpr: WRAPPED_LABEL_EXPR } },
      strokeDash: kinds.length > 1 ? { field: 'kind', type: 'nominal', title: 'line', scale: { domain: kinds, range: kinds.map((k) => DASHES[allKinds.indexOf(k) % DASHES.length]) } } : { value: DASHES[allKinds.indexOf(kinds[0]) % DASHES.length] },
      detail: [{ field: 'case' }, { field: 'kind' }],
    },
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `${opts.describe ?? defaultDescription(kinds, new Set(curves.map((c) => c.label)).size, logY)}${floor ? clampNote(floor, 'values') : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec(spec),
  };
}
