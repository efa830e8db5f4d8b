/**
 * Top of a Hessian spectrum with its outliers marked: λ_i/λ_1 against i (log axis), one series
 * per case, and a dashed vertical rule in the case's colour between its counted outliers and
 * the bulk (at count + ½). A case that gives its estimated bulk edge also gets a dotted
 * horizontal segment at edge/λ_1 over its bulk (from count + ½ to the last index). The legend
 * gives each case's count and the ratio gap at the rule. Non-positive eigenvalues are drawn at
 * the axis floor (logFloor), and said so in the caption.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { clampNote, logFloor } from './logFloor.js';
import { logAxis } from './logAxis.js';
import { PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';

export interface OutlierSpectrumCase {
  /** e.g. "k = 4, width 32". */
  readonly label: string;
  /** Top eigenvalues, descending; the first must be > 0. */
  readonly eigenvalues: ArrayLike<number>;
  /** Counted outliers c (0 … length): the rule is drawn between c and c + 1. */
  readonly count: number;
  /** Expected count (e.g. k), shown in the legend when given. */
  readonly expected?: number;
  /** Estimated top of the bulk (same units as the eigenvalues), drawn as a dotted segment when given. */
  readonly bulkEdge?: number;
}

export interface OutlierSpectrumOptions {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
}

export function outlierSpectrum(cases: readonly OutlierSpectrumCase[], opts: OutlierSpectrumOptions): VegaLiteFigure {
  if (cases.length === 0) throw new Error(`outlierSpectrum(${opts.id}): pass at least one case`);
  const names = cases.map((c) => {
    const v = c.eigenvalues;
    const gap = c.count >= 1 && c.count < v.length ? (v[c.count] > 0 ? v[c.count - 1] / v[c.count] : Infinity) : null;
    return `${c.label} — ${c.count} outlier${c.count === 1 ? '' : 's'}${c.expected !== undefined ? ` (expected ${c.expected})` : ''}${gap !== null ? `, gap ${formatNumber(gap)}` : ''}`;
  });
  const rel: Array<{ i: number; lambda: number; case: string }> = [];
  cases.forEach((c, j) => {
    const v = Array.from(c.eigenvalues);
    if (v.length === 0 || !(v[0] > 0)) throw new Error(`outlierSpectrum(${opts.id}): case "${c.label}" needs eigenvalues with a positive largest`);
    if (!(Number.isInteger(c.count) && c.count >= 0 && c.count <= v.length)) throw new Error(`outlierSpectrum(${opts.id}): case "${c.label}" count ${c.count} is not in [0, ${v.length}]`);
    v.forEach((x, i) => rel.push({ i: i + 1, lambda: x / v[0], case: names[j] }));
  });
  cases.forEach((c) => {
    if (c.bulkEdge !== undefined && !Number.isFinite(c.bulkEdge)) throw new Error(`outlierSpectrum(${opts.id}): case "${c.label}" bulkEdge ${c.bulkEdge} is not a finite number`);
  });
  const edgeRel = cases.map((c) => (c.bulkEdge === undefined ? null : c.bulkEdge / c.eigenvalues[0]));
  const floor = logFloor(rel.map((p) => p.lambda));
  const points = rel.map((p) => ({ ...p, lambda: floor.apply(p.lambda) }));
  const rules = cases.map((c, j) => ({ i: c.count + 0.5, case: names[j] })).filter((_, j) => cases[j].count >= 1 && cases[j].count < cases[j].eigenvalues.length);
  const x = { field: 'i', type: 'quantitative', title: 'index i (eigenvalues in descending order)', axis: { tickMinStep: 1 } } as const;
  const color = { field: 'case', type: 'nominal', title: 'case — counted outliers and the gap λ_c/λ_{c+1}', scale: { domain: names } } as const;
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', point: { filled: true, size: 28 }, strokeWidth: 1.2 },
      encoding: { x, y: { field: 'lambda', type: 'quantitative', title: 'λ_i / λ_1 of the Hessian (dimensionless, log scale)', scale: { type: 'log' }, axis: logAxis(points.map((p) => p.lambda)) }, color },
    },
  ];
  if (rules.length > 0) layers.push({ data: { values: rules }, mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'i', type: 'quantitative' }, color } });
  const edges = cases.flatMap((c, j) => (edgeRel[j] === null ? [] : [{ i: c.count + 0.5, i2: c.eigenvalues.length, lambda: floor.apply(edgeRel[j]!), case: names[j] }]));
  if (edges.length > 0) layers.push({ data: { values: edges }, mark: { type: 'rule', strokeDash: [1, 2], strokeWidth: 1.5 }, encoding: { x: { field: 'i', type: 'quantitative' }, x2: { field: 'i2' }, y: { field: 'lambda', type: 'quantitative' }, color } });
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Top Hessian eigenvalues divided by the largest, one colour per case; the dashed rule in a case's colour separates its counted outliers (left) from the bulk (right)${edges.length > 0 ? "; the dotted segment is the case's estimated bulk edge" : ''}.${clampNote(floor, 'eigenvalues')}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({ width: PLOT_WIDTH, height: PLOT_HEIGHT + 40, layer: layers }),
  };
}
