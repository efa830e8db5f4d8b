/**
 * The one-model page of the CLI's `check`: a self-contained HTML file with the conformance
 * report's look (REPORT_CSS, badges, figures as inline SVG, no scripts, nothing fetched) — the
 * model and its provenance, one row per claim (status and why it does or does not apply), the
 * figures (spectrum, density, outliers, decomposition) and a section per claim with the parts
 * that ran and their evidence.
 */
import type { RenderedFigure } from '../figures/figure.js';
import { escapeHtml } from './escape.js';
import { figureHtml } from './figureHtml.js';
import { REPORT_CSS } from './styles.js';

export type ModelPageStatus = 'pass' | 'fail' | 'inconclusive' | 'observation' | 'not-applicable';

export interface ModelPageClaim {
  readonly claim: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly status: ModelPageStatus;
  readonly reason: string;
  readonly parts: ReadonlyArray<{ readonly name: string; readonly status: string; readonly message: string; readonly evidence: Readonly<Record<string, unknown>> }>;
}

export interface ModelPageInput {
  readonly title: string;
  /** One line under the title (what was checked, when). */
  readonly subtitle: string;
  /** Label → value (plain text). */
  readonly facts: ReadonlyArray<readonly [string, string]>;
  readonly claims: readonly ModelPageClaim[];
  readonly figures: readonly RenderedFigure[];
  /** The command that reproduces the page. */
  readonly replay: string;
}

/** Statuses the conformance report does not have, in the same style. */
const EXTRA_CSS = `
.badge.observation { background: #1a61c4; }
.badge.not-applicable { background: #9aa0a6; }
section.claim.not-applicable { opacity: .85; }
table.parts td:first-child { width: 45%; }
`;

function badge(status: string): string {
  return `<span class="badge ${escapeHtml(status)}">${escapeHtml(status.replace('-', ' '))}</span>`;
}

function evidenceJson(e: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(e, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? Array.from(v) : v), 1);
}

function claimSection(c: ModelPageClaim): string {
  const parts = c.parts.length
    ? `<table class="parts"><thead><tr><th>check</th><th>status</th><th>what was measured</th></tr></thead><tbody>\n${c.parts
        .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${badge(p.status)}</td><td>${escapeHtml(p.message || 'holds')}</td></tr>`)
        .join('\n')}\n</tbody></table>\n<details><summary>Evidence of every check (the numbers behind the verdicts)</summary>\n${c.parts.map((p) => `<h3>${escapeHtml(p.name)}</h3>\n<pre>${escapeHtml(evidenceJson(p.evidence))}</pre>`).join('\n')}\n</details>`
    : '';
  return `<section class="claim ${escapeHtml(c.status)}" id="claim-${escapeHtml(c.claim)}" data-claim="${escapeHtml(c.claim)}" data-status="${escapeHtml(c.status)}">
<h2>${escapeHtml(c.claim)} · ${escapeHtml(c.title)} ${badge(c.status)}</h2>
<p class="statement">${escapeHtml(c.statement)}</p>
<dl class="facts"><dt>source</dt><dd>${escapeHtml(c.source)}</dd><dt>${c.status === 'not-applicable' ? 'why not' : 'applies'}</dt><dd>${escapeHtml(c.reason)}</dd></dl>
${parts}
</section>`;
}

export function renderModelPage(input: ModelPageInput): string {
  const counts = new Map<string, number>();
  for (const c of input.claims) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const tally = ['pass', 'fail', 'inconclusive', 'observation', 'not-applicable'].filter((s) => counts.get(s)).map((s) => `${counts.get(s)} ${s.replace('-', ' ')}`).join(', ');
  const rows = input.claims
    .map((c) => `<tr data-claim="${escapeHtml(c.claim)}" data-status="${escapeHtml(c.status)}"><td><a href="#claim-${escapeHtml(c.claim)}">${escapeHtml(c.claim)}</a></td><td>${escapeHtml(c.title)}</td><td>${badge(c.status)}</td><td>${escapeHtml(c.reason)}</td></tr>`)
    .join('\n');
  const facts = input.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${REPORT_CSS}${EXTRA_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(input.title)}</h1>
<p class="meta">${escapeHtml(input.subtitle)}</p>
<dl class="facts">${facts}</dl>
<p><strong>${input.claims.length}</strong> claims: ${escapeHtml(tally)}.</p>
<table class="summary">
<thead><tr><th>claim</th><th>title</th><th>status</th><th>applies / why not</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Spectrum, density, outliers, decomposition</h2>
<div class="figures">
${input.figures.map(figureHtml).join('\n')}
</div>
${input.claims.map(claimSection).join('\n')}
<h3>Replay</h3>
<pre>${escapeHtml(input.replay)}</pre>
<footer>
Status of a claim on one model: <strong>pass</strong> — every check that applies holds; <strong>fail</strong> — a check failed (the command exits 1); <strong>inconclusive</strong> — a check could not be decided in float64 and none failed; <strong>observation</strong> — a statistical claim stated as a rate over many trained nets, reported for this model but not judged; <strong>not applicable</strong> — the model does not meet the claim's hypotheses (the reason is given). Every check is the suite's own (properties/), with the tolerances stated in its source.
</footer>
</main>
</body>
</html>
`;
}
