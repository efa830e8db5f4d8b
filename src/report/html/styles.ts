/**
 * The report's whole stylesheet, inlined into <style> so conformance.html opens from disk
 * with no network. System fonts only; print-friendly; no scripts anywhere in the page.
 */
export const REPORT_CSS = `
:root { --pass: #1b7f2a; --fail: #c62828; --inconclusive: #8a6d00; --muted: #5f6368; --rule: #dadce0; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif; color: #202124; margin: 0; background: #fff; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 0 0 8px; display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
h3 { font-size: 16px; margin: 20px 0 8px; }
a { color: #1a61c4; text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
pre { background: var(--bg-soft); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.meta { color: var(--muted); margin: 0 0 20px; }
.partial { background: #fff4e5; border: 1px solid #f0b429; padding: 8px 12px; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.flagged td { background: #fdecea; }
.badge { display: inline-block; font-size: 13px; font-weight: 600; padding: 2px 10px; border-radius: 999px; color: #fff; letter-spacing: .02em; white-space: nowrap; }
.badge.pass { background: var(--pass); }
.badge.fail { background: var(--fail); }
.badge.inconclusive { background: var(--inconclusive); }
section.claim { border-top: 3px solid var(--rule); padding-top: 20px; margin-top: 36px; }
section.claim.fail { border-top-color: var(--fail); }
.statement { font-size: 15.5px; margin: 4px 0 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
figure { margin: 0; max-width: 100%; }
figure.plot { border: 1px solid var(--rule); border-radius: 6px; padding: 10px; background: #fff; }
figure.table { flex-basis: 100%; }
figure .title { font-weight: 600; margin: 0 0 6px; font-size: 14.5px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; max-width: 560px; margin-top: 6px; }
figure.table figcaption { max-width: none; }
details { margin: 12px 0; }
summary { cursor: pointer; color: #1a61c4; }
footer { color: var(--muted); font-size: 13px; margin-top: 48px; border-top: 1px solid var(--rule); padding-top: 12px; }
@media print { section.claim { break-inside: avoid-page; } details { display: block; } }
`;
