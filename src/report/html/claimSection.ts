/**
 * One claim's section of conformance.html: statement, verdict and its reason, the failure (if
 * any) right under them, the facts, the figures (two per row where they fit), the
 * per-property table, the replay commands, and (folded) a summary of every evidence field.
 */
import { summariseEvidence } from '../evidenceSummary.js';
import type { RenderedFigure } from '../figures/figure.js';
import { formatNumber } from '../figures/format.js';
import { claimMultipleTestingText } from '../multipleTestingText.js';
import type { ClaimEntry, PropertyRecord, TheoryMutantRecord } from '../types.js';
import { badge } from './badge.js';
import { escapeHtml } from './escape.js';
import { failureBlock } from './failureBlock.js';
import { figureHtml } from './figureHtml.js';
import { proseHtml } from './mathml.js';
import { keyNumberHtml } from './summaryTable.js';

export { badge } from './badge.js';

function propertyRows(units: readonly PropertyRecord[]): string {
  return units
    .map(
      (u) =>
        `<tr data-property="${escapeHtml(u.name)}"${u.verdict !== 'pass' ? ` class="${u.verdict}"` : ''}><td>${proseHtml(u.name)}</td><td class="num">${u.seed}</td><td class="num">${u.cases.length}</td><td class="num">${u.passed}</td><td class="num">${u.inconclusive}${u.maxInconclusiveFraction > 0 ? ` <span class="meta">(≤ ${Math.floor(u.maxInconclusiveFraction * u.cases.length)})</span>` : ''}</td><td class="num">${u.failed}</td><td>${badge(u.verdict)}</td></tr>`,
    )
    .join('\n');
}

function evidenceDetails(units: readonly PropertyRecord[]): string {
  const blocks = units.map((u) => {
    const rows = summariseEvidence(u.cases)
      .map((f) => `<tr><td><code>${escapeHtml(f.field)}</code></td><td class="num">${f.count}</td><td>${escapeHtml(f.text)}</td></tr>`)
      .join('\n');
    return `<h4>${proseHtml(u.name)} <span class="meta">(seed ${u.seed})</span></h4>\n<table><thead><tr><th>evidence field</th><th class="num">cases</th><th>min · median · max (or values)</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  });
  return `<details class="evidence-fields"><summary>Evidence fields of every case, summarised (full per-case evidence is in conformance.json)</summary>\n${blocks.join('\n')}\n</details>`;
}

export function claimSection(c: ClaimEntry, figures: readonly RenderedFigure[], mutant?: TheoryMutantRecord): string {
  const facts = [
    ['source', escapeHtml(c.source)],
    ['kind', escapeHtml(c.kind)],
    ['key number', keyNumberHtml(c.keyNumber)],
    ['α', c.alpha !== null ? escapeHtml(formatNumber(c.alpha)) : c.kind === 'statistical' ? '— (no α: decided by derived tolerances)' : '— (not a statistical claim)'],
    ...(c.multipleTesting ? [['multiple testing', escapeHtml(claimMultipleTestingText(c.multipleTesting, null))]] : []),
    ['tested in', `<code>${escapeHtml(c.testedIn)}</code>`],
  ]
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
    .join('');
  const units = c.evidence.properties;
  const table = units.length
    ? `<table class="properties"><thead><tr><th>property</th><th class="num">seed</th><th class="num">cases</th><th class="num">passed</th><th class="num">inconclusive</th><th class="num">failed</th><th>verdict</th></tr></thead><tbody>\n${propertyRows(units)}\n</tbody></table>`
    : '<p>No property of this claim is registered in properties/registry.ts yet.</p>';
  const mutated = mutant && mutant.claim === c.id ? ` <span class="mutant-tag" title="this run checked a deliberately wrong theory">theory mutant: ${escapeHtml(mutant.neighbour)}</span>` : '';
  return `<section class="claim ${escapeHtml(c.verdict)}" id="claim-${escapeHtml(c.id)}" data-claim="${escapeHtml(c.id)}" data-verdict="${escapeHtml(c.verdict)}" data-kind="${escapeHtml(c.kind)}">
<h2><span class="id">${escapeHtml(c.id)}</span> ${proseHtml(c.title)} ${badge(c.verdict)}${mutated}<a class="to-top" href="#top" title="back to the top">↑ top</a></h2>
<p class="statement">${proseHtml(c.statement)}</p>
<p class="verdict-line">${badge(c.verdict)} ${proseHtml(c.verdictReason)}</p>
${failureBlock(c, figures, mutant)}
<dl class="facts">${facts}</dl>
<div class="figures">
${figures.map(figureHtml).join('\n')}
</div>
<h3>Properties</h3>
${table}
<h3>Replay</h3>
<pre>${escapeHtml(c.replay.report)}\n${escapeHtml(c.replay.vitest)}</pre>
${units.length ? evidenceDetails(units) : ''}
</section>`;
}
