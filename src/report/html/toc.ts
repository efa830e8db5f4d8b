/**
 * The contents beside the text (sticky on a wide screen, above it on a narrow one): the
 * filter, a link back to the top and to the summary, then the claims grouped by verdict —
 * failing first, each entry marked with its verdict — in the page's reading order.
 */
import type { ClaimEntry } from '../types.js';
import { escapeHtml } from './escape.js';
import { filterControls } from './filter.js';
import { proseHtml } from './mathml.js';
import { VERDICT_GROUP, VERDICT_ORDER } from './pageOrder.js';

export function tableOfContents(ordered: readonly ClaimEntry[], kinds: readonly string[]): string {
  const groups = VERDICT_ORDER.map((v) => {
    const cs = ordered.filter((c) => c.verdict === v);
    if (cs.length === 0) return '';
    const items = cs
      .map((c) => `<li data-verdict="${escapeHtml(c.verdict)}" data-kind="${escapeHtml(c.kind)}"><a href="#claim-${escapeHtml(c.id)}"><span class="dot ${escapeHtml(c.verdict)}" aria-hidden="true"></span><b>${escapeHtml(c.id)}</b> ${proseHtml(c.title)}</a></li>`)
      .join('\n');
    return `<div class="group" data-verdict="${v}"><h2 class="${v}">${VERDICT_GROUP[v]} (${cs.length})</h2>\n<ol>\n${items}\n</ol></div>`;
  }).filter(Boolean);
  return `<nav class="toc" aria-label="Contents">
<p class="toc-top"><a href="#top">↑ Top</a> · <a href="#summary">Summary</a></p>
${filterControls(kinds)}
${groups.join('\n')}
</nav>`;
}
