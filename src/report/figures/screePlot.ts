/**
 * Singular-value scree plot marking the rank gap: σ_k/σ_1 of J/√N against k (log axis), one
 * series per case, a dashed vertical rule between k = r and r + 1 at each case's decided
 * rank r, and the rank tolerance (normalised) as a dotted line when given. The legend gives
 * each case's r and gap σ_r/σ_{r+1}; an exactly-zero σ is drawn at the axis floor.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { clampNote, logFloor } from './logFloor.js';
import { logAxis } from './logAxis.js';
import { PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';

export interface ScreeCase {
  readonly label: string;
  /** Descending. */
  readonly singularValues: ArrayLike<number>;
  /** The decided (or predicted) rank r: the rule is drawn between r and r + 1. */
  readonly rank: number;
  /** Absolute rank tolerance (same units as σ), drawn as a dotted line when given. */
  readonly tolerance?: number;
}

export interface ScreePlotOptions {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
}

export function screePlot(cases: readonly ScreeCase[], opts: ScreePlotOptions): VegaLiteFigure {
  if (cases.length === 0) throw new Error(`screePlot(${opts.id}): pass at least one case`);
  // Each case's legend entry carries its rank and gap, so the plot itself stays uncluttered.
  const names = cases.map((c) => {
    const s = c.singularValues;
    if (c.rank >= s.length) return `${c.label} — r = ${c.rank} (nothing dropped)`;
    if (c.rank === 0) return `${c.label} — r = 0`;
    return `${c.label} — r = ${c.rank}, gap ${formatNumber(s[c.rank] > 0 ? s[c.rank - 1] / s[c.rank] : Infinity)}`;
  });
  const rel: Array<{ k: number; sigma: number; case: string }> = [];
  cases.forEach((c, j) => {
    const s = Array.from(c.singularValues);
    if (s.length === 0) throw new Error(`screePlot(${opts.id}): case "${c.label}" has no singular values`);
    if (!(Number.isInteger(c.rank) && c.rank >= 0 && c.rank <= s.length)) throw new Error(`screePlot(${opts.id}): case "${c.label}" rank ${c.rank} is not in [0, ${s.length}]`);
    const top = s[0] > 0 ? s[0] : 1;
    s.forEach((v, i) => rel.push({ k: i + 1, sigma: v / top, case: names[j] }));
  });
  const floor = logFloor(rel.map((p) => p.sigma));
  const points = rel.map((p) => ({ ...p, sigma: floor.apply(p.sigma) }));
  const rules = cases.map((c, j) => ({ k: c.rank + 0.5, case: names[j] })).filter((_, j) => cases[j].rank < cases[j].singularValues.length);
  const tolerances = cases.map((c, j) => ({ c, j })).filter(({ c }) => c.tolerance !== undefined && c.singularValues[0] > 0).map(({ c, j }) => ({ tol: (c.tolerance as number) / c.singularValues[0], case: names[j] }));
  const x = { field: 'k', type: 'quantitative', title: 'index k (singular values in descending order)', axis: { tickMinStep: 1 } } as const;
  const color = { field: 'case', type: 'nominal', title: 'case — decided rank r and gap σ_r/σ_r+1', scale: { domain: names } } as const;
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', point: { filled: true, size: 28 }, strokeWidth: 1.2 },
      encoding: { x, y: { field: 'sigma', type: 'quantitative', title: 'σ_k / σ_1 of J/√N (dimensionless, log scale)', scale: { type: 'log' }, axis: logAxis(points.map((p) => p.sigma)) }, color },
    },
  ];
  if (rules.length > 0) {
    layers.push({ data: { values: rules }, mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'k', type: 'quantitative' }, color } });
  }
  if (tolerances.length > 0) {
    layers.push({ data: { values: tolerances }, mark: { type: 'rule', strokeDash: [1, 2], strokeWidth: 1.2 }, encoding: { y: { field: 'tol', type: 'quantitative' }, color } });
  }
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Normalised singular values of J/√N, one colour per case; the dashed rule at the case's decided rank r separates kept from dropped values (the legend gives r and the gap σ_r/σ_{r+1}).${tolerances.length ? ' The dotted line in the same colour is its rank tolerance max(N, P)·eps·σ_max.' : ''}${clampNote(floor, 'singular values')}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({ width: PLOT_WIDTH, height: PLOT_HEIGHT + 40, layer: layers }),
  };
}
