/**
 * A Hessian's smoothed spectral density on a log axis, as PyHessian draws it (density against
 * eigenvalue, semilog y): the curve Σ_k w_k N(t; θ_k, σ²) of stochastic Lanczos quadrature on a
 * grid, with optional marks (dashed rules) at eigenvalues known individually (converged Ritz
 * values, a dense spectrum's outliers). The log axis shows the bulk near zero and the outliers
 * decades below it together; densities below FLOOR_DECADES decades under the peak are drawn at
 * that floor (the Gaussian tails would otherwise run to 1e-300), and the caption says so.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { logAxis } from './logAxis.js';
import { COLORS, PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';

/** The plot spans this many decades below the density's peak. */
export const FLOOR_DECADES = 8;

export interface SpectralDensityPlotOptions {
  readonly id: string;
  readonly title: string;
  /** Smoothing standard deviation (stated in the caption). */
  readonly sigma: number;
  /** W₁ bound of the smoothed curve against the true spectral measure, stated in the caption. */
  readonly bound?: number;
  /** Eigenvalues to mark (e.g. converged Ritz values). */
  readonly marks?: readonly number[];
  /** @defaultValue 'eigenvalue λ of H' */
  readonly xTitle?: string;
  readonly note?: string;
  /** Put the title inside the SVG (a standalone file); the report's pages print it above instead. */
  readonly embedTitle?: boolean;
}

export function spectralDensityPlot(grid: readonly number[], density: readonly number[], opts: SpectralDensityPlotOptions): VegaLiteFigure {
  if (grid.length < 2 || grid.length !== density.length) throw new Error(`spectralDensityPlot(${opts.id}): grid and density must have the same length ≥ 2, got ${grid.length} and ${density.length}`);
  const peak = Math.max(...density.filter(Number.isFinite));
  if (!(peak > 0)) throw new Error(`spectralDensityPlot(${opts.id}): the density has no positive value`);
  const floor = peak * 10 ** -FLOOR_DECADES;
  let clamped = 0;
  const points = grid.map((x, i) => {
    const d = density[i];
    if (!(d > floor)) clamped++;
    return { x, d: d > floor ? d : floor };
  });
  const layers: object[] = [
    {
      data: { values: points },
      mark: { type: 'line', strokeWidth: 1.4, color: COLORS.measured, clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: opts.xTitle ?? 'eigenvalue λ of H', scale: { nice: false, zero: false } },
        y: { field: 'd', type: 'quantitative', title: 'density (per unit of λ, log scale)', scale: { type: 'log', domain: [floor, peak * 2] }, axis: logAxis([floor, peak]) },
      },
    },
  ];
  const marks = (opts.marks ?? []).filter(Number.isFinite);
  if (marks.length > 0) {
    layers.push({ data: { values: marks.map((m) => ({ m })) }, mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1, color: COLORS.predicted, opacity: 0.7 }, encoding: { x: { field: 'm', type: 'quantitative' } } });
  }
  const bound = opts.bound !== undefined ? ` Its Wasserstein-1 distance to the true eigenvalue distribution is at most ${formatNumber(opts.bound)} (quadrature + sampling at 99% + smoothing).` : '';
  const marked = marks.length ? ` Dashed red rules: ${marks.length} eigenvalue${marks.length === 1 ? '' : 's'} known individually (the largest converged Ritz values, and the smallest when negative).` : '';
  const clampText = clamped ? ` Values more than ${FLOOR_DECADES} decades below the peak (${clamped} grid points) are drawn at that floor.` : '';
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Spectral density of the Hessian by stochastic Lanczos quadrature, smoothed with a Gaussian of standard deviation σ = ${formatNumber(opts.sigma)}; the area under the curve is 1 (eigenvalues counted as a fraction of P).${bound}${marked}${clampText}${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({ width: PLOT_WIDTH, height: PLOT_HEIGHT, ...(opts.embedTitle ? { title: opts.title } : {}), layer: layers }),
  };
}
