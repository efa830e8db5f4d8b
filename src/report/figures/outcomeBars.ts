/**
 * Cases passed, inconclusive and failed per property, as stacked horizontal bars: the
 * fallback figure of a claim that has no figure of its own yet.
 */
import { asSpec, type VegaLiteFigure } from './figure.js';
import { COLORS, PLOT_WIDTH } from './theme.js';

export interface OutcomeRow {
  readonly property: string;
  readonly passed: number;
  readonly inconclusive: number;
  readonly failed: number;
}

export interface OutcomeBarsOptions {
  readonly id: string;
  readonly title: string;
}

const OUTCOME_COLORS = { passed: COLORS.pass, inconclusive: COLORS.inconclusive, failed: COLORS.fail } as const;

export function outcomeBars(rows: readonly OutcomeRow[], opts: OutcomeBarsOptions): VegaLiteFigure {
  if (rows.length === 0) throw new Error(`outcomeBars(${opts.id}): pass at least one row`);
  const order = ['passed', 'inconclusive', 'failed'] as const;
  // Only outcomes that occur are drawn and listed.
  const present = order.filter((o) => rows.some((r) => r[o] > 0));
  const values = rows.flatMap((r) => order.filter((o) => present.includes(o)).map((o) => ({ property: r.property, outcome: o, cases: r[o], order: order.indexOf(o) })));
  const spec = {
    width: PLOT_WIDTH,
    height: { step: 28 },
    data: { values },
    mark: { type: 'bar', height: 18 },
    encoding: {
      y: { field: 'property', type: 'nominal', title: null, sort: null, axis: { labelLimit: 300 } },
      x: { field: 'cases', type: 'quantitative', title: 'cases (count)', stack: 'zero' },
      color: { field: 'outcome', type: 'nominal', title: null, scale: { domain: present, range: present.map((o) => OUTCOME_COLORS[o]) } },
      order: { field: 'order', type: 'quantitative' },
    },
  };
  return {
    kind: 'vega-lite',
    id: opts.id,
    title: opts.title,
    caption: 'Cases per property by outcome (no claim-specific figure is registered for this claim yet).',
    spec: asSpec(spec),
  };
}
