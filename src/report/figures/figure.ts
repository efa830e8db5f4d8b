/**
 * A figure of the report, as data. Two kinds:
 *  - 'vega-lite': a Vega-Lite spec, rendered to inline SVG by render.ts;
 *  - 'table': rows of cells, rendered as an HTML table (e.g. the predicted-vs-measured rank table).
 * Builders in this folder return Figures; the claim-aware assembly picks which to draw.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface FigureBase {
  /** Unique within the report; used as the HTML anchor (letters, digits, '-'). */
  readonly id: string;
  readonly title: string;
  /**
   * One or two sentences: what is drawn and how to read it. May hold mathematics as TeX in
   * `$…$` (the `math` tag of ./mathText.ts) or in the statements' style (λ_i, σ_{r+1}): the page
   * typesets it as MathML.
   */
  readonly caption: string;
  /** The figure draws a failing case or the shrunk counterexample (the failure box links to it). */
  readonly showsFailure?: boolean;
}

export interface VegaLiteFigure extends FigureBase {
  readonly kind: 'vega-lite';
  readonly spec: TopLevelSpec;
}

export type TableCell = string | number | null;

export interface TableFigure extends FigureBase {
  readonly kind: 'table';
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Rows to highlight (e.g. a mismatch), by index. */
  readonly flagged?: readonly number[];
}

export type Figure = VegaLiteFigure | TableFigure;

/** A figure ready for HTML: SVG markup for plots, the table itself for tables. */
export type RenderedFigure = (FigureBase & { readonly kind: 'svg'; readonly svg: string }) | TableFigure;

/** Lower-case id safe for an HTML anchor. */
export function figureId(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Builders write specs as plain objects; vega-lite's TypeScript types are too deep to
 * check layered specs usefully, so they are validated where it counts: vl.compile at
 * render time (render.ts), which every builder's test exercises.
 */
export function asSpec(spec: object): TopLevelSpec {
  return spec as unknown as TopLevelSpec;
}
