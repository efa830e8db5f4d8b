/**
 * The spectra of H and of its two terms, Gauss–Newton and residual (H = GN + R), in one plot:
 * eigenvalue against its index (descending), one colour per matrix, on a symmetric-log y axis
 * so that the outliers (order 1), the bulk near zero and the negative tail show together.
 * GN sits at or above zero (PSD) and drops to zero past its rank; R carries the negative part.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { COLORS, PLOT_HEIGHT, PLOT_WIDTH } from './theme.js';

export interface TermSpectraOptions {
  readonly id: string;
  readonly title: string;
  /** Linear range of the symlog axis (|λ| below it is drawn linearly). @defaultValue 1e-3·max|λ| */
  readonly linearBelow?: number;
  readonly note?: string;
}

export function termSpectra(series: ReadonlyArray<{ readonly label: string; readonly eigenvalues: readonly number[] }>, opts: TermSpectraOptions): VegaLiteFigure {
  if (series.length === 0 || series.some((s) => s.eigenvalues.length === 0)) throw new Error(`termSpectra(${opts.id}): pass at least one non-empty series`);
  const points: Array<{ i: number; lambda: number; matrix: string }> = [];
  let top = 0;
  for (const s of series) {
    const sorted = [...s.eigenvalues].filter(Number.isFinite).sort((a, b) => b - a);
    sorted.forEach((v, i) => {
      points.push({ i: i + 1, lambda: v, matrix: s.label });
      top = Math.max(top, Math.abs(v));
    });
  }
  const constant = opts.linearBelow ?? Math.max(top * 1e-3, Number.MIN_VALUE);
  const palette = [COLORS.measured, COLORS.neighbour, COLORS.predicted, COLORS.pass];
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Every eigenvalue of each matrix in descending order against its index; y on a symmetric-log scale (linear for |λ| < ${constant.toExponential(0)}, logarithmic beyond), so outliers, the bulk near 0 and negative eigenvalues show together. Gauss–Newton is positive semi-definite; negative curvature of H comes from the residual term.${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec({
      width: PLOT_WIDTH,
      height: PLOT_HEIGHT + 40,
      data: { values: points },
      mark: { type: 'line', point: { filled: true, size: 14 }, strokeWidth: 1.1 },
      encoding: {
        x: { field: 'i', type: 'quantitative', title: 'index (eigenvalues in descending order)', axis: { tickMinStep: 1 } },
        y: { field: 'lambda', type: 'quantitative', title: 'eigenvalue (symmetric log scale)', scale: { type: 'symlog', constant } },
        color: { field: 'matrix', type: 'nominal', title: 'matrix', scale: { domain: series.map((s) => s.label), range: palette.slice(0, series.length) } },
      },
    }),
  };
}
