/**
 * Measured error ÷ allowed error, per case, on a log axis with a rule at 1: the picture of an
 * identity claim. Points left of the rule passed; a wrong neighbour (a mutated theory put
 * through the same check) must land right of it, which is the test's power. One row per
 * group (e.g. per property), colour per series ("measured" vs each neighbour), with a small
 * deterministic vertical jitter so dense rows stay readable.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { clampNote, logFloor } from './logFloor.js';
import { logAxis } from './logAxis.js';
import { COLORS, PLOT_WIDTH } from './theme.js';
import { lineCount, wrapLabel, WRAPPED_LABEL_EXPR } from './wrapLabel.js';

/** Series name of the shrunk counterexample, drawn larger and in the failure colour. */
export const FAILURE_SERIES = 'shrunk counterexample';

export interface RatioPoint {
  readonly group: string;
  /** e.g. 'measured' or 'wrong neighbour: Gauss–Newton only'. */
  readonly series: string;
  readonly ratio: number;
}

export interface RatioStripOptions {
  readonly id: string;
  readonly title: string;
  /** @defaultValue 'error ÷ tolerance (dimensionless, log scale)' */
  readonly xTitle?: string;
  /** Where pass turns into fail. @defaultValue 1 */
  readonly threshold?: number;
  /**
   * Which side of the threshold passes: 'below' for error ÷ tolerance, 'above' for p-values
   * against α (then wrong neighbours must fall below). @defaultValue 'below'
   */
  readonly passSide?: 'below' | 'above';
  readonly note?: string;
}

/** Most points drawn per row and series; more overplot into a blur that adds bytes, not information. */
export const MAX_PER_ROW = 60;

/**
 * Rows with more than MAX_PER_ROW points of one series keep evenly spaced ranks of the sorted
 * values — the smallest and largest always, so the extremes that decide a verdict stay drawn.
 * The shrunk counterexample is never thinned.
 */
function thinRows(points: readonly RatioPoint[]): { kept: RatioPoint[]; thinned: number } {
  const groups = new Map<string, RatioPoint[]>();
  for (const p of points) groups.set(`${p.group}\u0000${p.series}`, [...(groups.get(`${p.group}\u0000${p.series}`) ?? []), p]);
  const kept: RatioPoint[] = [];
  let thinned = 0;
  for (const ps of groups.values()) {
    if (ps.length <= MAX_PER_ROW || ps[0].series === FAILURE_SERIES) {
      kept.push(...ps);
      continue;
    }
    const sorted = [...ps].sort((a, b) => a.ratio - b.ratio);
    const ranks = new Set(Array.from({ length: MAX_PER_ROW }, (_, k) => Math.round((k * (sorted.length - 1)) / (MAX_PER_ROW - 1))));
    kept.push(...[...ranks].map((i) => sorted[i]));
    thinned += sorted.length - ranks.size;
  }
  return { kept, thinned };
}

export function ratioStrip(points: readonly RatioPoint[], opts: RatioStripOptions): VegaLiteFigure {
  if (points.length === 0) throw new Error(`ratioStrip(${opts.id}): pass at least one point`);
  const threshold = opts.threshold ?? 1;
  const above = opts.passSide === 'above';
  const { kept, thinned } = thinRows(points);
  points = kept;
  const floor = logFloor(points.map((p) => p.ratio));
  const series = [...new Set(points.map((p) => p.series))];
  const palette = [COLORS.measured, COLORS.neighbour, '#9467bd', '#8c564b', '#e377c2'];
  // Golden-ratio jitter in [−0.35, 0.35] of a row: deterministic, evenly spread.
  const values = points.map((p, i) => ({ group: wrapLabel(p.group, 30), series: p.series, ratio: floor.apply(p.ratio), jitter: ((i * 0.6180339887) % 1) * 0.7 - 0.35 }));
  const lines = Math.max(...values.map((v) => lineCount(v.group)));
  const spec = {
    width: PLOT_WIDTH - 40,
    height: { step: Math.max(40, 14 * lines + 12) },
    layer: [
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 22, opacity: 0.65 },
        encoding: {
          x: { field: 'ratio', type: 'quantitative', title: opts.xTitle ?? 'error ÷ tolerance (dimensionless, log scale)', scale: { type: 'log' }, axis: logAxis([...values.map((v) => v.ratio), threshold]) },
          y: { field: 'group', type: 'nominal', title: null, sort: null, axis: { labelLimit: 0, labelExpr: WRAPPED_LABEL_EXPR } },
          yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-0.5, 0.5] } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: series.map((s, i) => (s === FAILURE_SERIES ? COLORS.fail : palette[i % palette.length])) } },
          size: { condition: { test: `datum.series === '${FAILURE_SERIES}'`, value: 70 }, value: 22 },
        },
      },
      {
        data: { values: [{ x: threshold }] },
        mark: { type: 'rule', strokeDash: [5, 3], color: COLORS.threshold, strokeWidth: 1.5 },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    ...(series.includes(FAILURE_SERIES) ? { showsFailure: true } : {}),
    caption: `Each point is one case; ${above ? 'right' : 'left'} of the dashed rule (at ${formatNumber(threshold)}) the check passed.${series.includes(FAILURE_SERIES) ? ' The large red point is the shrunk counterexample of the failure.' : ''}${series.filter((x) => x !== FAILURE_SERIES).length > 1 ? ` Wrong neighbours (a mutated theory put through the same check) must fall ${above ? 'left' : 'right'} of it: that is the test’s power.` : ''}${clampNote(floor, 'ratios')}${thinned ? ` Rows with more than ${MAX_PER_ROW} cases show ${MAX_PER_ROW} of them at evenly spaced ranks, smallest and largest included (${thinned} not drawn; all are in conformance.json).` : ''}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec(spec),
  };
}
