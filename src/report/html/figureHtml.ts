/**
 * One rendered figure as HTML: inline SVG in a <figure>, or a table for table figures. Title
 * and caption are prose with mathematics (MathML). A plot takes one column of the two-column
 * figure grid, or both (`wide`) when its drawing is wider than a column can show at ≥ 85% of
 * its size; it is scaled to its column, at most WIDTH_GROWTH × its drawn width.
 */
import type { RenderedFigure, TableFigure } from '../figures/figure.js';
import { escapeHtml } from './escape.js';
import { proseHtml } from './mathml.js';

/** Width of one figure column at the page's widest layout (CSS px; styles.ts). */
export const COLUMN_WIDTH = 540;
/** A plot is scaled up by at most this factor (beyond it text grows oversized). */
const WIDTH_GROWTH = 1.25;
/** A plot narrower than COLUMN_WIDTH / WIDE_SHRINK fits a column; wider ones take a row. */
const WIDE_SHRINK = 0.85;

function tableHtml(t: TableFigure): string {
  const flagged = new Set(t.flagged ?? []);
  const isNum = (v: unknown) => typeof v === 'number';
  const head = `<tr>${t.columns.map((c) => `<th>${proseHtml(c)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r, i) => `<tr${flagged.has(i) ? ' class="flagged"' : ''}>${r.map((v) => `<td${isNum(v) ? ' class="num"' : ''}>${v === null ? '—' : proseHtml(String(v))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function drawnWidth(svg: string): number {
  const m = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg);
  return m ? Number(m[1]) : COLUMN_WIDTH;
}

export function figureHtml(f: RenderedFigure): string {
  const id = escapeHtml(f.id);
  const failure = f.showsFailure ? ' data-shows-failure="true"' : '';
  const flag = f.showsFailure ? ' <span class="shows-failure">draws the failure</span>' : '';
  if (f.kind === 'table') {
    return `<figure class="table wide" id="fig-${id}" data-figure="${id}" data-kind="table"${failure}><div class="title">${proseHtml(f.title)}${flag}</div>\n${tableHtml(f)}\n<figcaption>${proseHtml(f.caption)}</figcaption></figure>`;
  }
  const w = drawnWidth(f.svg);
  const wide = w * WIDE_SHRINK > COLUMN_WIDTH ? ' wide' : '';
  return `<figure class="plot${wide}" id="fig-${id}" data-figure="${id}" data-kind="svg"${failure} style="--drawn:${Math.round(w * WIDTH_GROWTH)}px"><div class="title">${proseHtml(f.title)}${flag}</div>\n${f.svg}\n<figcaption>${proseHtml(f.caption)}</figcaption></figure>`;
}
