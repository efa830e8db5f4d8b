/**
 * Singular-value scree plot marking the rank gap: σ_k/σ_1 of J/√N against k (log axis), one
 * series per case, a dashed vertical rule between k = r and r + 1 at each case's decided
 * rank r, and the rank tolerance (normalised) as a dotted line when given. The legend gives
 * each case's r and gap σ_r/σ_{r+1}; an exactly-zero σ is drawn at the axis floor. A case may
 * give only the values around its rank (`window`, as reports record them): they are drawn at
 * their true indices k, normalised by the σ_1 the window states.
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
  /**
   * When `singularValues` are only those around the rank (a slice of the full list): the index
   * k of singularValues[0] (1-based), how many values there are in all, and σ_1 (the
   * normaliser). The slice must hold σ_r and σ_{r+1} wherever they exist.
   * @defaultValue the full list: first 1, total its length, σ_1 its first value
   */
  readonly window?: { readonly first: number; readonly total: number; readonly sigmaMax: number };
}

/** Where a case's values sit in the full list, and what normalises them. */
function placement(c: ScreeCase, id: string): { first: number; total: number; top: number } {
  const n = c.singularValues.length;
  const w = c.window ?? { first: 1, total: n, sigmaMax: n > 0 ? c.singularValues[0] : 0 };
  const where = `screePlot(${id}): case "${c.label}"`;
  if (!(Number.isInteger(w.first) && w.first >= 1 && Number.isInteger(w.total) && w.first - 1 + n <= w.total)) {
    throw new Error(`${where} window (first ${w.first}, ${n} values, total ${w.total}) does not fit: need an integer first ≥ 1 with first − 1 + values ≤ total`);
  }
  if (!(Number.isFinite(w.sigmaMax) && w.sigmaMax >= 0)) throw new Error(`${where} window.sigmaMax must be a finite number ≥ 0, got ${w.sigmaMax}`);
  if (!(Number.isInteger(c.rank) && c.rank >= 0 && c.rank <= w.total)) throw new Error(`${where} rank ${c.rank} is not in [0, ${w.total}]`);
  const last = w.first - 1 + n;
  const holds = (k: number) => k >= w.first && k <= last;
  if ((c.rank > 0 && !holds(c.rank)) || (c.rank < w.total && !holds(c.rank + 1))) {
    throw new Error(`${where} window k = ${w.first}…${last} must hold σ_r and σ_r+1 around the rank r = ${c.rank}`);
  }
  return { first: w.first, total: w.total, top: w.sigmaMax > 0 ? w.sigmaMax : 1 };
}

export interface ScreePlotOptions {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
}

export function screePlot(cases: readonly ScreeCase[], opts: ScreePlotOptions): VegaLiteFigure {
  if (cases.length === 0) throw new Error(`screePlot(${opts.id}): pass at least one case`);
  for (const c of cases) if (c.singularValues.length === 0) throw new Error(`screePlot(${opts.id}): case "${c.label}" has no singular values`);
  const places = cases.map((c) => placement(c, opts.id));
  // Each case's legend entry carries its rank and gap, so the plot itself stays uncluttered.
  const names = cases.map((c, j) => {
    const s = c.singularValues;
    const { first, total } = places[j];
    if (c.rank >= total) return `${c.label} — r = ${c.rank} (nothing dropped)`;
    if (c.rank === 0) return `${c.label} — r = 0`;
    const below = s[c.rank - first + 1];
    return `${c.label} — r = ${c.rank}, gap ${formatNumber(below > 0 ? s[c.rank - first] / below : Infinity)}`;
  });
  const rel: Array<{ k: number; sigma: number; case: string }> = [];
  cases.forEach((c, j) => {
    const { first, top } = places[j];
    Array.from(c.singularValues).forEach((v, i) => rel.push({ k: first + i, sigma: v / top, case: names[j] }));
  });
  const floor = logFloor(rel.map((p) => p.sigma));
  const points = rel.map((p) => ({ ...p, sigma: floor.apply(p.sigma) }));
  const rules = cases.map((c, j) => ({ k: c.rank + 0.5, case: names[j] })).filter((_, j) => cases[j].rank < places[j].total);
  const sigmaMaxOf = (c: ScreeCase) => (c.window ? c.window.sigmaMax : c.singularValues[0]);
  const tolerances = cases.map((c, j) => ({ c, j })).filter(({ c }) => c.tolerance !== undefined && sigmaMaxOf(c) > 0).map(({ c, j }) => ({ tol: (c.tolerance as number) / sigmaMaxOf(c), case: names[j] }));
  const windowed = cases.some((c) => c.window && (c.window.first > 1 || c.singularValues.length < c.window.total));
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
    caption: `Normalised singular values of J/√N, one colour per case; the dashed rule at the case's decided rank r separates kept from dropped values (the legend gives r and the gap σ_r/σ_{r+1}).${tolerances.length ? ' The dotted line in the same colour is its rank tolerance max(N, P)·eps·σ_max.' : ''}${windowed ? ' Only the singular values around each decided rank are drawn (as recorded), at their true indices k, still normalised by σ_1.' : ''}${clampNote(floor, 'singular values')}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({ width: PLOT_WIDTH, height: PLOT_HEIGHT + 40, layer: layers }),
  };
}
