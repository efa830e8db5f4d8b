/**
 * The summary table: one row per claim, failures first. Every column holds one unit: cases
 * of identity and generic claims are configurations checked one at a time, cases of
 * statistical claims are experiments (a test over many draws, a training or descent run), so
 * the two counts have a column each and are never summed or compared. The key number says
 * which way is good (KeyNumber.better) beside its value.
 */
import type { ClaimEntry, KeyNumber } from '../types.js';
import { badge } from './badge.js';
import { escapeHtml } from './escape.js';
import { proseHtml } from './mathml.js';

export const BETTER_TEXT: Record<'lower' | 'higher', string> = { lower: '↓ lower is better', higher: '↑ higher is better' };

/** The key number as HTML: label, value in bold, and which way is good when the hook says so. */
export function keyNumberHtml(k: KeyNumber): string {
  const better = k.better ? ` <span class="better" title="${BETTER_TEXT[k.better]}">${BETTER_TEXT[k.better]}</span>` : '';
  return `${proseHtml(k.label)}: <strong>${proseHtml(k.text)}</strong>${better}`;
}

function countCell(c: ClaimEntry, statistical: boolean): string {
  if ((c.kind === 'statistical') !== statistical) return '<td class="num none">—</td>';
  const units = c.evidence.properties;
  const failed = units.reduce((s, u) => s + u.failed, 0);
  const inconclusive = units.reduce((s, u) => s + u.inconclusive, 0);
  const extra = [failed ? `${failed} failed` : '', inconclusive ? `${inconclusive} inconclusive` : ''].filter(Boolean).join(', ');
  return `<td class="num">${c.cases}${extra ? ` <span class="meta">(${extra})</span>` : ''}</td>`;
}

export function summaryTable(claims: readonly ClaimEntry[]): string {
  const rows = claims
    .map(
      (c) =>
        `<tr data-claim="${escapeHtml(c.id)}" data-verdict="${escapeHtml(c.verdict)}" data-kind="${escapeHtml(c.kind)}"><td><a href="#claim-${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></td><td>${badge(c.verdict)}</td><td>${proseHtml(c.title)}</td><td>${escapeHtml(c.kind)}</td><td class="num">${c.evidence.properties.length}</td>${countCell(c, false)}${countCell(c, true)}<td>${keyNumberHtml(c.keyNumber)}</td></tr>`,
    )
    .join('\n');
  return `<table class="summary">
<thead><tr><th>claim</th><th>verdict</th><th>title</th><th>kind</th><th class="num" title="property definitions run (each with every seed)">properties</th><th class="num" title="identity and generic claims: each case checks one drawn configuration">configurations</th><th class="num" title="statistical claims: each case is one experiment — a test over many draws, or a training or descent run">experiments</th><th>key number</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}
