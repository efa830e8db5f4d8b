/**
 * conformance.html: one self-contained page — inline CSS, inline SVG, MathML, no script, no
 * font or image fetched — that opens from disk with no network. Layout: a header (what run
 * this is, the verdict counts, a warning when the run checked a deliberately wrong theory),
 * contents beside the text with a filter by verdict and kind (filter.ts: CSS only), the
 * summary table, then one section per claim; failures first everywhere (pageOrder.ts). The
 * figures' SVG shares one set of style classes (../figures/svgStyles.ts), and the closing note
 * gives the page's own size.
 */
import type { RenderedFigure } from '../figures/figure.js';
import { shareSvgStyles } from '../figures/svgStyles.js';
import { multipleTestingLine } from '../multipleTestingText.js';
import { runDescription } from '../runDescription.js';
import type { ConformanceReport } from '../types.js';
import { claimSection } from './claimSection.js';
import { escapeHtml } from './escape.js';
import { filterCss } from './filter.js';
import { proseHtml } from './mathml.js';
import { claimsInReadingOrder } from './pageOrder.js';
import { REPORT_CSS } from './styles.js';
import { summaryTable } from './summaryTable.js';
import { tableOfContents } from './toc.js';

const KINDS = ['identity', 'generic', 'statistical'];

/** The figures with their SVG rewritten to share one stylesheet (order kept per claim). */
function sharedFigures(figures: ReadonlyMap<string, readonly RenderedFigure[]>): { figures: Map<string, RenderedFigure[]>; css: string } {
  const all = [...figures].flatMap(([claim, fs]) => fs.map((f) => ({ claim, f })));
  const svgIndex = all.filter(({ f }) => f.kind === 'svg');
  const shared = shareSvgStyles(svgIndex.map(({ f }) => (f.kind === 'svg' ? f.svg : '')), 'v');
  const replaced = new Map<RenderedFigure, RenderedFigure>();
  svgIndex.forEach(({ f }, i) => replaced.set(f, { ...f, svg: shared.svgs[i] } as RenderedFigure));
  const out = new Map<string, RenderedFigure[]>();
  for (const [claim, fs] of figures) out.set(claim, fs.map((f) => replaced.get(f) ?? f));
  return { figures: out, css: shared.css };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(2)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function renderHtml(report: ConformanceReport, figures: ReadonlyMap<string, readonly RenderedFigure[]>): string {
  const counts = { pass: 0, fail: 0, inconclusive: 0 };
  for (const c of report.claims) counts[c.verdict]++;
  const ordered = claimsInReadingOrder(report.claims);
  const shared = sharedFigures(figures);
  const holmLine = multipleTestingLine(report);
  const holm = holmLine ? `<p class="multiple-testing">${proseHtml(holmLine)}</p>\n` : '';
  const partial = report.partition
    ? `<p class="partial">This is partition ${report.partition.index} of ${report.partition.count}: it holds only part of the evidence. Merge the partitions with <code>npm run report -- merge &lt;partial conformance.json files&gt;</code> for verdicts over all of it.</p>`
    : '';
  const m = report.theoryMutant;
  const mutant = m
    ? `<p class="mutant-banner"><strong>Demonstration run with a deliberately wrong theory.</strong> ${escapeHtml(m.claim)} was checked against its wrong neighbour “${proseHtml(m.description)}” (<code>--theory-mutant ${escapeHtml(m.claim)}:${escapeHtml(m.neighbour)}</code>) in ${m.properties.length} propert${m.properties.length === 1 ? 'y' : 'ies'}; its failure shows how the suite reports a wrong theory. Every other claim and property ran the published theory.</p>`
    : '';
  const countLine = `<strong>${report.claims.length}</strong> claim${report.claims.length === 1 ? '' : 's'}: <span class="count fail">${counts.fail} fail</span>, <span class="count inconclusive">${counts.inconclusive} inconclusive</span>, <span class="count pass">${counts.pass} pass</span>${counts.fail + counts.inconclusive > 0 ? ' — failures and inconclusive claims come first below' : ''}.`;
  const svgBytes = [...shared.figures.values()].flat().reduce((s, f) => s + (f.kind === "svg" ? Buffer.byteLength(f.svg, "utf8") : 0), 0);
  const page = (note: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hessian conformance report · ${escapeHtml(report.generatedAt)}</title>
<style>${REPORT_CSS}
${filterCss(KINDS)}
${shared.css}
</style>
</head>
<body>
<header class="page" id="top">
<h1>Hessian conformance report</h1>
<p class="meta">${escapeHtml(runDescription(report))} · generated ${escapeHtml(report.generatedAt)}</p>
${mutant}${partial}
<p class="counts">${countLine}</p>
</header>
<div class="layout">
${tableOfContents(ordered, KINDS)}
<main>
<section class="summary" id="summary">
<h2>Summary</h2>
${holm}${summaryTable(ordered)}
</section>
${ordered.map((c) => claimSection(c, shared.figures.get(c.id) ?? [], m)).join('\n')}
<footer>
<p>Verdicts: an identity or generic claim passes when every case of every property passed (and undecidable cases stay within each property's allowance); it fails when any case failed; it is inconclusive when only the allowance of undecidable cases was exceeded. Statistical claims state α per test; Holm across every statistical claim's right-theory tests controls the report's family-wise rate (reports/README.md). How to read this page: docs/report.md.</p>
<p>Every number here is in <code>conformance.json</code> beside this file, with each case's configuration; <code>conformance.md</code> holds the summary table. ${note}</p>
<p><a href="#top">↑ Back to the top</a></p>
</footer>
</main>
</div>
</body>
</html>
`;
  // The page states its own size: measured with a placeholder of the same order, then filled in.
  const draft = page('This page: 0000 KB, of which figures 0000 KB.');
  return page(`This page: ${sizeText(Buffer.byteLength(draft, "utf8"))}, of which figures ${sizeText(svgBytes)}.`);
}
