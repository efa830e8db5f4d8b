/** One rendered figure as HTML: inline SVG in a <figure>, or a table for table figures. */
import type { RenderedFigure, TableFigure } from '../figures/figure.js';
import { escapeHtml } from './escape.js';

function tableHtml(t: TableFigure): string {
  const flagged = new Set(t.flagged ?? []);
  const isNum = (v: unknown) => typeof v === 'number';
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r, i) => `<tr${flagged.has(i) ? ' class="flagged"' : ''}>${r.map((v) => `<td${isNum(v) ? ' class="num"' : ''}>${escapeHtml(v ?? '—')}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function figureHtml(f: RenderedFigure): string {
  const id = escapeHtml(f.id);
  if (f.kind === 'table') {
    return `<figure class="table" id="fig-${id}" data-figure="${id}" data-kind="table"><div class="title">${escapeHtml(f.title)}</div>\n${tableHtml(f)}\n<figcaption>${escapeHtml(f.caption)}</figcaption></figure>`;
  }
  return `<figure class="plot" id="fig-${id}" data-figure="${id}" data-kind="svg"><div class="title">${escapeHtml(f.title)}</div>\n${f.svg}\n<figcaption>${escapeHtml(f.caption)}</figcaption></figure>`;
}
