/**
 * Calibration of a statistical test: the rejection rate under the right theory (false-
 * positive rate, should be ≈ α) and under each wrong neighbour (power, should be ≈ 1), as
 * horizontal bars with Wilson 95% intervals and a rule at α. Wilson rather than the normal
 * approximation because rates near 0 and 1 are the interesting ones (Brown, Cai & DasGupta
 * 2001, Statist. Sci. 16:101).
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { formatNumber } from './format.js';
import { COLORS, PLOT_WIDTH } from './theme.js';
import { lineCount, wrapLabel, WRAPPED_LABEL_EXPR } from './wrapLabel.js';

export interface CalibrationRow {
  /** What was tested, e.g. "right law (γ = Ni/Nh)" or "wrong γ (×1.2)". */
  readonly label: string;
  readonly kind: 'false-positive rate' | 'power';
  readonly rejections: number;
  readonly trials: number;
}

export interface CalibrationBarsOptions {
  readonly id: string;
  readonly title: string;
  readonly alpha: number;
  readonly note?: string;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export function wilsonInterval(k: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function calibrationBars(rows: readonly CalibrationRow[], opts: CalibrationBarsOptions): VegaLiteFigure {
  if (rows.length === 0) throw new Error(`calibrationBars(${opts.id}): pass at least one row`);
  for (const r of rows) {
    if (!(Number.isInteger(r.trials) && r.trials > 0 && Number.isInteger(r.rejections) && r.rejections >= 0 && r.rejections <= r.trials)) {
      throw new Error(`calibrationBars(${opts.id}): row "${r.label}" needs 0 ≤ rejections ≤ trials, trials > 0 (got ${r.rejections}/${r.trials})`);
    }
  }
  const values = rows.map((r) => {
    const [lo, hi] = wilsonInterval(r.rejections, r.trials);
    return { label: wrapLabel(r.label, 30), kind: r.kind, rate: r.rejections / r.trials, lo, hi, text: `${r.rejections}/${r.trials}` };
  });
  const lines = Math.max(...values.map((v) => lineCount(v.label)));
  const kinds = (['false-positive rate', 'power'] as const).filter((k) => rows.some((r) => r.kind === k));
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 0, labelExpr: WRAPPED_LABEL_EXPR } } as const;
  const spec = {
    width: PLOT_WIDTH - 80,
    height: { step: Math.max(26, 14 * lines + 8) },
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: { type: 'bar', height: 16 },
            encoding: {
              y,
              x: { field: 'rate', type: 'quantitative', title: 'rejection rate (fraction of trials)', scale: { domain: [0, 1] } },
              color: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: kinds.map((k) => (k === 'power' ? COLORS.measured : COLORS.neighbour)) } },
            },
          },
          { mark: { type: 'rule', strokeWidth: 1.5, color: '#222' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
          { mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 }, encoding: { y, x: { field: 'hi', type: 'quantitative' }, text: { field: 'text' } } },
        ],
      },
      {
        data: { values: [{ alpha: opts.alpha, label: `α = ${formatNumber(opts.alpha)}` }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [4, 3], color: COLORS.threshold }, encoding: { x: { field: 'alpha', type: 'quantitative' } } },
          { mark: { type: 'text', align: 'left', dx: 3, y: -6, fontSize: 11 }, encoding: { x: { field: 'alpha', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
    ],
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: `Rejection rates with Wilson 95% intervals (black): under the right theory the rate is the false-positive rate and should sit near α = ${formatNumber(opts.alpha)} (dashed); against each wrong neighbour it is the power and should be near 1.${opts.note ? ` ${opts.note}` : ''}`,
    spec: asSpec(spec),
  };
}
