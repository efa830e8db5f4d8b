/**
 * conformance.html: one self-contained page — inline CSS, inline SVG, no scripts, no fonts
 * or images fetched — so it opens from disk with no network. A summary table (claim,
 * verdict, cases, key number) links to one section per claim.
 */
import type { RenderedFigure } from '../figures/figure.js';
import { multipleTestingLine } from '../multipleTestingText.js';
import { runDescription } from '../runDescription.js';
import type { ConformanceReport } from '../types.js';
import { badge, claimSection } from './claimSection.js';
import { escapeHtml } from './escape.js';
import { REPORT_CSS } from './styles.js';

export function renderHtml(report: ConformanceReport, figures: ReadonlyMap<string, readonly RenderedFigure[]>): string {
  const counts = { pass: 0, fail: 0, inconclusive: 0 };
  for (const c of report.claims) counts[c.verdict]++;
  const rows = report.claims
    .map(
      (c) =>
        `<tr data-claim="${escapeHtml(c.id)}" data-verdict="${escapeHtml(c.verdict)}"><td><a href="#claim-${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></td><td>${escapeHtml(c.title)}</td><td>${escapeHtml(c.kind)}</td><td>${badge(c.verdict)}</td><td class="num">${c.cases}</td><td>${escapeHtml(c.keyNumber.label)}: <strong>${escapeHtml(c.keyNumber.text)}</strong></td></tr>`,
    )
    .join('\n');
  const holmLine = multipleTestingLine(report);
  const holm = holmLine ? `<p class="multiple-testing">${escapeHtml(holmLine)}</p>\n` : '';
  const partial = report.partition
    ? `<p class="partial">This is partition ${report.partition.index} of ${report.partition.count}: it holds only part of the evidence. Merge the partitions with <code>npm run report -- merge &lt;partial conformance.json files&gt;</code> for verdicts over all of it.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hessian conformance report · ${escapeHtml(report.generatedAt)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>Hessian conformance report</h1>
<p class="meta">${escapeHtml(runDescription(report))} · generated ${escapeHtml(report.generatedAt)}</p>
${partial}
<p><strong>${report.claims.length}</strong> claim${report.claims.length === 1 ? '' : 's'}: ${counts.pass} pass, ${counts.fail} fail, ${counts.inconclusive} inconclusive.</p>
${holm}<table class="summary">
<thead><tr><th>claim</th><th>title</th><th>kind</th><th>verdict</th><th class="num">cases</th><th>key number</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${report.claims.map((c) => claimSection(c, figures.get(c.id) ?? [])).join('\n')}
<footer>
Verdicts: an identity or generic claim passes when every case of every property passed (and undecidable cases stay within each property's allowance); it fails when any case failed; it is inconclusive when only the allowance of undecidable cases was exceeded. Statistical claims state α per test; Holm across every statistical claim's right-theory tests controls the report's family-wise rate (reports/README.md). Every number here is in <code>conformance.json</code> beside this file, with each case's configuration; <code>conformance.md</code> holds the summary table.
</footer>
</main>
</body>
</html>
`;
}
