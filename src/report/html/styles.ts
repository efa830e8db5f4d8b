/**
 * The report's whole stylesheet, inlined into <style> so conformance.html opens from disk
 * with no network. System fonts only; print-friendly; no script anywhere in the page.
 * Layout: contents in a sticky column beside the text from LAYOUT_BREAK px up, above it
 * below; figures in a two-column grid whose columns are figureHtml.ts COLUMN_WIDTH wide at
 * the page's widest (max-width 1400: 1400 − 2·24 padding − 250 contents − 28 gap ≈ 1100,
 * two columns and a 16 px gap ≈ 540 each).
 */
export const REPORT_CSS = `
:root { --pass: #1b7f2a; --fail: #c62828; --inconclusive: #8a6d00; --muted: #5f6368; --rule: #dadce0; --bg-soft: #f6f8fa; --fail-soft: #fdecea; }
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif; color: #202124; margin: 0; background: #fff; }
header.page { max-width: 1400px; margin: 0 auto; padding: 20px 24px 4px; }
.layout { max-width: 1400px; margin: 0 auto; padding: 0 24px 48px; display: grid; grid-template-columns: 250px minmax(0, 1fr); gap: 28px; align-items: start; }
main { min-width: 0; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 0 0 8px; }
section.claim > h2 { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
section.claim > h2 .id { color: var(--muted); }
h3 { font-size: 16px; margin: 18px 0 8px; }
h4 { font-size: 14.5px; margin: 12px 0 6px; }
a { color: #1a61c4; text-decoration: none; }
a:hover { text-decoration: underline; }
a.to-top { margin-left: auto; font-size: 13px; font-weight: normal; }
code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { background: var(--bg-soft); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
math { font-size: 1.02em; font-family: "DejaVu Sans", system-ui, sans-serif; }
.meta { color: var(--muted); margin: 0 0 8px; }
.counts { margin: 6px 0 14px; }
.count.fail { color: var(--fail); font-weight: 600; }
.count.inconclusive { color: var(--inconclusive); font-weight: 600; }
.partial, .mutant-banner { background: #fff4e5; border: 1px solid #f0b429; padding: 8px 12px; border-radius: 6px; }
.mutant-tag { font-size: 12px; font-weight: 600; color: #7a4b00; background: #fff4e5; border: 1px solid #f0b429; border-radius: 999px; padding: 1px 8px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { text-align: left; padding: 5px 9px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.none { color: #b0b4b8; }
tr.flagged td, tr.fail td { background: var(--fail-soft); }
.better { display: inline-block; color: var(--muted); font-size: 12px; white-space: nowrap; }
.badge { display: inline-block; font-size: 13px; font-weight: 600; padding: 1px 9px; border-radius: 999px; color: #fff; letter-spacing: .02em; white-space: nowrap; }
.badge.pass { background: var(--pass); }
.badge.fail { background: var(--fail); }
.badge.inconclusive { background: var(--inconclusive); }
nav.toc { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 12px 0 24px; font-size: 13.5px; }
nav.toc .toc-top { margin: 0 0 8px; }
nav.toc h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .05em; margin: 14px 0 4px; color: var(--muted); }
nav.toc h2.fail { color: var(--fail); }
nav.toc h2.inconclusive { color: var(--inconclusive); }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li a { display: block; padding: 3px 6px; border-radius: 4px; color: #202124; }
nav.toc li a:hover { background: var(--bg-soft); text-decoration: none; }
nav.toc li[data-verdict="fail"] a { background: var(--fail-soft); }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; vertical-align: baseline; }
.dot.pass { background: var(--pass); }
.dot.fail { background: var(--fail); }
.dot.inconclusive { background: var(--inconclusive); }
form.filters { display: grid; gap: 6px; margin: 0 0 6px; }
fieldset.filter { border: 1px solid var(--rule); border-radius: 6px; padding: 4px 6px 6px; margin: 0; display: flex; flex-wrap: wrap; gap: 3px; }
fieldset.filter legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
fieldset.filter input { position: absolute; opacity: 0; width: 1px; height: 1px; }
fieldset.filter label { font-size: 12.5px; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--rule); cursor: pointer; }
fieldset.filter input:checked + label { background: #1a61c4; border-color: #1a61c4; color: #fff; }
fieldset.filter input:focus-visible + label { outline: 2px solid #1a61c4; outline-offset: 1px; }
section.summary { padding-top: 12px; }
section.claim { border-top: 3px solid var(--rule); padding-top: 18px; margin-top: 32px; scroll-margin-top: 8px; }
section.claim.fail { border-top-color: var(--fail); }
section.claim.inconclusive { border-top-color: var(--inconclusive); }
.statement { font-size: 15.5px; margin: 4px 0 8px; }
.verdict-line { margin: 0 0 10px; }
.failure { border: 2px solid var(--fail); background: #fffafa; border-radius: 8px; padding: 4px 16px 8px; margin: 10px 0 16px; }
.failure h3 { color: var(--fail); margin-top: 10px; }
.failure .message { font-weight: 600; }
.failure pre.replay { background: #fff; border-color: var(--fail); }
.failure table.evidence { width: auto; font-size: 13px; margin: 4px 0 8px; }
.failure table.evidence td { padding: 2px 10px; }
.mutant-note { background: #fff4e5; border: 1px solid #f0b429; border-radius: 6px; padding: 6px 10px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.figures { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; align-items: start; }
figure { margin: 0; min-width: 0; }
figure.wide { grid-column: 1 / -1; }
figure.plot { border: 1px solid var(--rule); border-radius: 6px; padding: 10px; background: #fff; }
figure[data-shows-failure] { border-color: var(--fail); }
figure .title { font-weight: 600; margin: 0 0 6px; font-size: 14.5px; }
.shows-failure { font-size: 12px; font-weight: 600; color: var(--fail); margin-left: 6px; }
figure svg { display: block; width: 100%; max-width: var(--drawn, 100%); height: auto; margin: 0 auto; }
figure svg text { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
details { margin: 12px 0; }
summary { cursor: pointer; color: #1a61c4; }
footer { color: var(--muted); font-size: 13px; margin-top: 48px; border-top: 1px solid var(--rule); padding-top: 12px; }
@media (max-width: 900px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  nav.toc { position: static; max-height: none; }
  .figures { grid-template-columns: minmax(0, 1fr); }
}
@media print { nav.toc, form.filters, a.to-top { display: none; } .layout { display: block; } section.claim { break-inside: avoid-page; } details { display: block; } }
`;
