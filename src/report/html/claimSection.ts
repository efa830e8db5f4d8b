/**
 * One claim's section of conformance.html: statement, source, verdict and its reason, the
 * per-property table, the failure with its replay command, the figures, and (folded) a
 * summary of every evidence field.
 */
import { summariseEvidence } from '../evidenceSummary.js';
import type { RenderedFigure } from '../figures/figure.js';
import { formatNumber } from '../figures/format.js';
import type { ClaimEntry, PropertyRecord } from '../types.js';
import { escapeHtml } from './escape.js';
import { claimMultipleTestingText } from '../multipleTestingText.js';
import { figureHtml } from './figureHtml.js';

export function badge(verdict: string): string {
  return `<span class="badge ${escapeHtml(verdict)}">${escapeHtml(verdict)}</span>`;
}

function propertyRows(units: readonly PropertyRecord[]): string {
  return units
    .map(
      (u) =>
        `<tr data-property="${escapeHtml(u.name)}"><td>${escapeHtml(u.name)}</td><td class="num">${u.seed}</td><td class="num">${u.cases.length}</td><td class="num">${u.passed}</td><td class="num">${u.inconclusive}${u.maxInconclusiveFraction > 0 ? ` <span class="meta">(≤ ${Math.floor(u.maxInconclusiveFraction * u.cases.length)})</span>` : ''}</td><td class="num">${u.failed}</td><td>${badge(u.verdict)}</td></tr>`,
    )
    .join('\n');
}

function evidenceDetails(units: readonly PropertyRecord[]): string {
  const blocks = units.map((u) => {
    const rows = summariseEvidence(u.cases)
      .map((f) => `<tr><td><code>${escapeHtml(f.field)}</code></td><td class="num">${f.count}</td><td>${escapeHtml(f.text)}</td></tr>`)
      .join('\n');
    return `<h3>${escapeHtml(u.name)} <span class="meta">(seed ${u.seed})</span></h3>\n<table><thead><tr><th>evidence field</th><th class="num">cases</th><th>min · median · max (or values)</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  });
  return `<details><summary>Evidence fields of every case, summarised (full per-case evidence is in conformance.json)</summary>\n${blocks.join('\n')}\n</details>`;
}

export function claimSection(c: ClaimEntry, figures: readonly RenderedFigure[]): string {
  const failing = c.replay.failing;
  const facts = [
    ['source', escapeHtml(c.source)],
    ['kind', escapeHtml(c.kind)],
    ['verdict', `${badge(c.verdict)} ${escapeHtml(c.verdictReason)}`],
    ['key number', `${escapeHtml(c.keyNumber.label)}: <strong>${escapeHtml(c.keyNumber.text)}</strong>`],
    ['α', c.alpha !== null ? escapeHtml(formatNumber(c.alpha)) : c.kind === 'statistical' ? '— (no α recorded in the evidence)' : '— (not a statistical claim)'],
    ...(c.multipleTesting ? [['multiple testing', escapeHtml(claimMultipleTestingText(c.multipleTesting, null))]] : []),
    ['tested in', `<code>${escapeHtml(c.testedIn)}</code>`],
  ]
    .map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`)
    .join('');
  const failure = failing
    ? `<h3>Failure</h3>\n<p>${escapeHtml(failing.property)}: ${escapeHtml(failing.message)}</p>\n<pre>seed: ${failing.seed}, path: "${escapeHtml(failing.path)}"\nconfig: ${escapeHtml(JSON.stringify(failing.config))}\nreplay: ${escapeHtml(failing.replay)}</pre>`
    : '';
  const units = c.evidence.properties;
  const table = units.length
    ? `<table class="properties"><thead><tr><th>property</th><th class="num">seed</th><th class="num">cases</th><th class="num">passed</th><th class="num">inconclusive</th><th class="num">failed</th><th>verdict</th></tr></thead><tbody>\n${propertyRows(units)}\n</tbody></table>`
    : '<p>No property of this claim is registered in properties/registry.ts yet.</p>';
  return `<section class="claim ${escapeHtml(c.verdict)}" id="claim-${escapeHtml(c.id)}" data-claim="${escapeHtml(c.id)}" data-verdict="${escapeHtml(c.verdict)}">
<h2>${escapeHtml(c.id)} · ${escapeHtml(c.title)} ${badge(c.verdict)}</h2>
<p class="statement">${escapeHtml(c.statement)}</p>
<dl class="facts">${facts}</dl>
${table}
${failure}
<div class="figures">
${figures.map(figureHtml).join('\n')}
</div>
<h3>Replay</h3>
<pre>${escapeHtml(c.replay.report)}\n${escapeHtml(c.replay.vitest)}</pre>
${units.length ? evidenceDetails(units) : ''}
</section>`;
}
